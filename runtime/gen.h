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
/* Coroutines (`async def`) share the generator's layout and machinery;
 * only the type (and so the repr, the messages, the cr_* names) differs. */
extern MpyType mpy_coroutine_type;
/* What coroutine.__await__() returns: an iterator over the coroutine. */
extern MpyType mpy_coroutine_wrapper_type;
/* Async generators (`async def` with `yield`) are the same object again;
 * their __anext__/asend/athrow/aclose return awaitables of these types. */
extern MpyType mpy_async_gen_type;
extern MpyType mpy_async_gen_asend_type;
extern MpyType mpy_async_gen_athrow_type;
extern MpyType mpy_async_gen_wrapped_type;

static inline bool mpy_gen_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_generator_type;
}

static inline bool mpy_coro_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_coroutine_type;
}

/* A generator or a coroutine: an MpyGenObject. */
static inline bool mpy_gen_like_check(const MpyObject *o)
{
    return mpy_gen_check(o) || mpy_coro_check(o);
}

/* Calling a generator function: bind the arguments into a new generator's
 * frame.  Returns: new generator or NULL. */
MpyObject *mpy__gen_new_from_call(MpyThreadState *tstate, MpyObject *func, MpyObject *const *args,
                                  size_t nargs, MpyObject *kwnames);
/* gen.send(value) as the eval loop's SEND needs it: stores the yielded
 * value in *result and returns 1, or the return value and returns 0, or
 * returns -1 with an exception. */
int mpy__gen_send_ex(MpyObject *gen, MpyObject *value, MpyObject **result);

/* ---- the async instructions (vm/eval.c calls these) ---- */
/* GET_AWAITABLE: the iterator `await o` runs: o itself for a coroutine,
 * else o.__await__().  `where` names the context for the messages: 0
 * await, 1 __aenter__, 2 __aexit__.  Returns: new reference or NULL. */
MpyObject *mpy__coro_get_awaitable(MpyObject *o, int where);
/* GET_AITER: type(o).__aiter__(o), checked.  Returns: new reference or NULL. */
MpyObject *mpy__coro_get_aiter(MpyObject *o);
/* GET_ANEXT: the awaitable of type(aiter).__anext__(aiter).
 * Returns: new reference or NULL. */
MpyObject *mpy__coro_get_anext(MpyObject *aiter);
/* BEFORE_ASYNC_WITH: *exit = bound mgr.__aexit__; returns mgr.__aenter__()
 * (new reference) or NULL. */
MpyObject *mpy__coro_before_async_with(MpyObject *mgr, MpyObject **exit);
/* ASYNC_GEN_WRAP: mark a value yielded by an async generator (as opposed to
 * one passed through from an await).  Steals `v`.  Returns: new reference
 * or NULL. */
MpyObject *mpy__async_gen_wrap(MpyObject *v);

#endif
