/* vm/eval.h: running code: the eval loop and the calls into it.
 *
 * Models CPython's Python/ceval.c.  mpy__eval_frame runs a frame (and every
 * Python function it calls, in the same C loop) until that frame returns or
 * yields.  Calls from C code into Python (builtins calling a key function,
 * __repr__ methods ...) enter a new eval loop through mpy__function_call.
 */
#ifndef MINIPY_VM_EVAL_H
#define MINIPY_VM_EVAL_H

#include "gil/tstate.h"
#include "runtime/object.h"
#include "vm/frame.h"

/* Run `frame` until it returns (frame is then released) or, for a generator
 * frame, yields.  `throwflag`: raise the thread's current exception at the
 * frame's current instruction instead of resuming normally.
 * Returns: new reference (the returned or yielded value) or NULL + exc. */
MpyObject *mpy__eval_frame(MpyThreadState *tstate, MpyFrame *frame, int throwflag);

/* The call slot of Python functions. */
MpyObject *mpy__function_call(MpyObject *func, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames);

/* exec(code, globals, locals): run module-level or class-body code.
 * `locals` may be NULL (= globals).  Returns: new reference or NULL. */
MpyObject *mpy_eval_code(MpyObject *code, MpyObject *globals, MpyObject *locals);

/* Bind call arguments into a fresh frame's fast locals (defaults, *args,
 * **kwargs, keyword matching, and CPython's TypeErrors).  Used by calls and
 * by generators.  Returns 0 / -1. */
int mpy__frame_bind_args(MpyThreadState *tstate, MpyFrame *frame, MpyObject *func,
                         MpyObject *const *args, size_t nargs, MpyObject *kwnames);

/* Run a class body `func` with `ns` as its namespace (__build_class__).
 * Returns: new reference to the body's result (the __class__ cell or
 * None), or NULL. */
MpyObject *mpy__eval_class_body(MpyObject *func, MpyObject *ns);

/* The globals of the innermost running Python frame (borrowed), or NULL. */
MpyObject *mpy_eval_get_globals(void);
/* The builtins dict in effect (borrowed). */
MpyObject *mpy_eval_get_builtins(void);
/* locals() of the innermost frame.  Returns: new reference or NULL. */
MpyObject *mpy_eval_get_locals(void);
/* The innermost running Python frame, or NULL. */
MpyFrame *mpy_eval_current_frame(void);

/* Handle the eval breaker bits (GIL drop request, signals, async exc).
 * Returns 0, or -1 with an exception (KeyboardInterrupt ...). */
int mpy__eval_handle_pending(MpyThreadState *tstate);

#endif
