/* runtime/error.h: raising, inspecting and clearing the current exception.
 *
 * Models CPython's Python/errors.c.  The "current exception" lives on the
 * running thread's MpyThreadState (gil/tstate.h), so two threads never see
 * each other's errors.  It is always a normalized exception instance (as in
 * CPython 3.12): there is no separate (type, value, traceback) triple.
 *
 * The convention everywhere: a C function that fails sets an exception with
 * one of these calls and returns NULL (pointer results) or -1 (int results).
 */
#ifndef MINIPY_RUNTIME_ERROR_H
#define MINIPY_RUNTIME_ERROR_H

#include <stdbool.h>

#include "runtime/object.h"

/* The built-in exception types: mpy_exc_TypeError, mpy_exc_ValueError ...
 * (one per line of runtime/exceptions.def). */
#define MPY_EXC(name, base, doc)                                                           \
    extern MpyType mpy__exc_##name##_type;                                                 \
    extern MpyType *const mpy_exc_##name;
#include "runtime/exceptions.def"
#undef MPY_EXC

/* Raise exc_type(msg).  `msg` is UTF-8. */
void mpy_err_set(MpyType *exc_type, const char *msg);
/* Raise exc_type(message), with a printf-like format.  Besides the C
 * conversions (%s %d %i %u %ld %lld %zd %zu %x %c %p %%) it knows:
 *   %R  repr() of an MpyObject *      %S  str() of an MpyObject *
 *   %U  an MpyObject * that is a str  %T  the type name of an MpyObject *
 *   %N  the name of an MpyType *
 * Always returns NULL, so `return mpy_err_format(...);` reads well. */
MpyObject *mpy_err_format(MpyType *exc_type, const char *fmt, ...);
MpyObject *mpy_err_vformat(MpyType *exc_type, const char *fmt, va_list ap);
/* Build a str from the same format language.  Returns: new ref or NULL. */
MpyObject *mpy_str_from_format(const char *fmt, ...);
MpyObject *mpy_str_from_vformat(const char *fmt, va_list ap);
/* Raise exc_type(value) (value borrowed; a tuple value becomes the args).
 * If `value` is already an instance of exc_type it is raised as is. */
void mpy_err_set_object(MpyType *exc_type, MpyObject *value);
/* Raise an exception instance or class (as the `raise` statement does, with
 * the same TypeError for non-exceptions).  Refs: borrows `exc`. */
void mpy_err_raise(MpyObject *exc);
/* Set `exc` (an exception instance) as current; consumes the reference.
 * Sets __context__ from the exception being handled, as `raise` does. */
void mpy_err_restore(MpyObject *exc);
/* Same, without touching __context__ (re-raising what was fetched). */
void mpy_err_restore_raw(MpyObject *exc);
/* Take the current exception out of the thread state.
 * Returns: new reference, or NULL if none is set (then no error). */
MpyObject *mpy_err_fetch(void);
/* Returns: borrowed reference to the current exception, or NULL. */
MpyObject *mpy_err_occurred(void);
/* Is the current exception an instance of `exc_type` (or of a type in it,
 * when `exc_type` is a tuple)?  False when there is none. */
bool mpy_err_matches(MpyType *exc_type);
bool mpy_err_given_matches(MpyObject *exc, MpyObject *exc_type_or_tuple);
void mpy_err_clear(void);

/* Common cases.  Each returns NULL for `return mpy_err_...;`. */
MpyObject *mpy_err_no_memory(void);
MpyObject *mpy_err_from_errno(MpyType *exc_type);                /* OSError(errno, strerror) */
MpyObject *mpy_err_from_errno_filename(MpyType *exc_type, MpyObject *filename);
MpyObject *mpy_err_bad_internal_call(const char *where);         /* SystemError */
MpyObject *mpy_err_key_error(MpyObject *key);                     /* KeyError(key) */
MpyObject *mpy_err_stop_iteration(MpyObject *value);              /* StopIteration(value) */

/* Raise SyntaxError (or IndentationError / TabError: `type`) carrying
 * CPython's attributes: msg, filename, lineno, offset (1-based, in code
 * points), text (the source line, may be NULL), end_lineno, end_offset
 * (0 when unknown).  Returns NULL. */
MpyObject *mpy_err_syntax(MpyType *type, const char *msg, MpyObject *filename, int lineno,
                          int offset, const char *text, int end_lineno, int end_offset);

/* Print "Exception ignored in: <obj>" and the traceback of the current
 * exception to stderr, then clear it (for errors in destructors, threads'
 * excepthook failures and other places with no caller to report to). */
void mpy_err_write_unraisable(MpyObject *obj);
/* Print the current exception's traceback to sys.stderr and clear it. */
void mpy_err_print(void);

/* ---- exception objects (runtime/exceptions.c) ---- */

/* Returns: new exception instance exc_type(*args), or NULL. */
MpyObject *mpy_exc_new(MpyType *exc_type, MpyObject *const *args, size_t nargs);
/* Returns: new exception instance exc_type(msg). */
MpyObject *mpy_exc_new_str(MpyType *exc_type, const char *msg);
bool mpy_exc_check(MpyObject *o);            /* instance of BaseException */
bool mpy_exc_type_check(MpyObject *o);       /* subclass of BaseException */
/* Field access.  Getters return borrowed references (or NULL). */
MpyObject *mpy_exc_get_args(MpyObject *exc);
MpyObject *mpy_exc_get_traceback(MpyObject *exc);
MpyObject *mpy_exc_get_context(MpyObject *exc);
MpyObject *mpy_exc_get_cause(MpyObject *exc);
bool mpy_exc_get_suppress_context(MpyObject *exc);
/* Setters take a new reference of their own (value may be NULL). */
void mpy_exc_set_traceback(MpyObject *exc, MpyObject *tb);
void mpy_exc_set_context(MpyObject *exc, MpyObject *context);
void mpy_exc_set_cause(MpyObject *exc, MpyObject *cause);
/* StopIteration.value.  Returns: borrowed (None if unset). */
MpyObject *mpy_exc_stop_iteration_value(MpyObject *exc);
/* SystemExit.code.  Returns: borrowed (None if unset). */
MpyObject *mpy_exc_system_exit_code(MpyObject *exc);

#endif
