/* runtime/func.h: Python functions, bound methods and closure cells.
 *
 * Models CPython's Objects/funcobject.c, classobject.c (method) and
 * cellobject.c.  A function pairs a code object with the globals it runs in,
 * its defaults and its closure.  Calling one is the VM's job
 * (mpy__function_call in vm/eval.c), which builds a frame on the thread's
 * data stack; a bound method just prepends `self`.
 */
#ifndef MINIPY_RUNTIME_FUNC_H
#define MINIPY_RUNTIME_FUNC_H

#include "runtime/object.h"

typedef struct MpyFunctionObject {
    MpyObject ob_base;
    MpyObject *code;        /* MpyCodeObject */
    MpyObject *globals;     /* dict */
    MpyObject *builtins;    /* dict */
    MpyObject *name;        /* str */
    MpyObject *qualname;    /* str */
    MpyObject *defaults;    /* tuple or NULL */
    MpyObject *kwdefaults;  /* dict or NULL */
    MpyObject *closure;     /* tuple of cells or NULL */
    MpyObject *doc;
    MpyObject *module;
    MpyObject *dict;        /* __dict__, created on demand */
    MpyObject *annotations; /* dict or NULL */
    /* Fast-path facts computed once from the code object: a call with
     * exactly `argcount` positional arguments and no keywords can copy them
     * straight into the frame. */
    int simple_call;
} MpyFunctionObject;

typedef struct MpyMethodObject {
    MpyObject ob_base;
    MpyObject *func;
    MpyObject *self;
} MpyMethodObject;

typedef struct MpyCellObject {
    MpyObject ob_base;
    MpyObject *ref; /* NULL when empty */
} MpyCellObject;

extern MpyType mpy_function_type;
extern MpyType mpy_method_type;
extern MpyType mpy_cell_type;

static inline bool mpy_function_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_function_type;
}
static inline bool mpy_method_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_method_type;
}

/* A function for `code` running in `globals`; name, qualname and doc come
 * from the code object.  Returns: new reference or NULL. */
MpyObject *mpy_function_new(MpyObject *code, MpyObject *globals);
/* Bound method self.func.  Returns: new reference or NULL. */
MpyObject *mpy_method_new(MpyObject *func, MpyObject *self);
/* A cell holding `ref` (may be NULL).  Returns: new reference or NULL. */
MpyObject *mpy_cell_new(MpyObject *ref);

#endif
