/* runtime/gen.h: generator objects.
 *
 * Models CPython's Objects/genobject.c.  A generator owns the frame of its
 * function (allocated together with the generator object, not on the data
 * stack, since it outlives the call that created it); next()/send()/throw()
 * run that frame with the eval loop until it yields or returns.
 */
#ifndef MINIPY_RUNTIME_GEN_H
#define MINIPY_RUNTIME_GEN_H

#include "gil/tstate.h"
#include "runtime/object.h"
#include "vm/frame.h"

typedef struct MpyGenObject {
    MpyObject ob_base;
    MpyObject *name;        /* __name__ */
    MpyObject *qualname;    /* __qualname__ */
    MpyExcInfo exc_state;   /* the exception handled inside the generator */
    uint8_t running;        /* gi_running */
    uint8_t finished;       /* the frame has returned or raised */
    uint8_t started;
    MpyFrame *frame;        /* points into `frame_data` */
    _Alignas(16) char frame_data[];
} MpyGenObject;

extern MpyType mpy_generator_type;

static inline bool mpy_gen_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_generator_type;
}

/* Calling a generator function: bind the arguments into a new generator's
 * frame.  Returns: new generator or NULL. */
MpyObject *mpy__gen_new_from_call(MpyThreadState *tstate, MpyObject *func, MpyObject *const *args,
                                  size_t nargs, MpyObject *kwnames);
/* gen.send(value) as the eval loop's SEND needs it: stores the yielded
 * value in *result and returns 1, or the return value and returns 0, or
 * returns -1 with an exception. */
int mpy__gen_send_ex(MpyObject *gen, MpyObject *value, MpyObject **result);

#endif
