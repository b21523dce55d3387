/* include/minipy/errors.h: raising, inspecting and clearing exceptions.
 *
 * Models CPython's Include/pyerrors.h.  The pending exception belongs to
 * the calling thread: a function that fails sets it and returns NULL (for
 * pointer results) or -1 (for int results).  A host either handles it
 * (mpy_err_pop, look at it, drop it), reports it (mpy_err_report) or, in
 * a C function called from Python, returns NULL so Python sees it.
 *
 *     MpyObject *r = mpy_run_string("1/0", MPY_MODE_EVAL, NULL);
 *     if (r == NULL) {
 *         MpyObject *exc = mpy_err_pop();             // new reference
 *         MpyObject *msg = mpy_exc_message(exc);      // "division by zero"
 *         printf("%s: %s\n", mpy_object_type_name(exc), mpy_str_to_utf8(msg, NULL));
 *         MPY_DECREF(msg);
 *         MPY_DECREF(exc);
 *     }
 */
#ifndef MINIPY_INCLUDE_MINIPY_ERRORS_H
#define MINIPY_INCLUDE_MINIPY_ERRORS_H

#include <stdbool.h>

#include "object.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* The built-in exception types (immortal, never NULL once the program is
 * linked).  Use them with mpy_err_set_string, mpy_err_check and
 * mpy_exc_matches. */
extern MpyType *const mpy_exc_BaseException;
extern MpyType *const mpy_exc_Exception;
extern MpyType *const mpy_exc_ArithmeticError;
extern MpyType *const mpy_exc_AssertionError;
extern MpyType *const mpy_exc_AttributeError;
extern MpyType *const mpy_exc_EOFError;
extern MpyType *const mpy_exc_FileNotFoundError;
extern MpyType *const mpy_exc_ImportError;
extern MpyType *const mpy_exc_IndexError;
extern MpyType *const mpy_exc_KeyError;
extern MpyType *const mpy_exc_KeyboardInterrupt;
extern MpyType *const mpy_exc_LookupError;
extern MpyType *const mpy_exc_MemoryError;
extern MpyType *const mpy_exc_ModuleNotFoundError;
extern MpyType *const mpy_exc_NameError;
extern MpyType *const mpy_exc_NotImplementedError;
extern MpyType *const mpy_exc_OSError;
extern MpyType *const mpy_exc_OverflowError;
extern MpyType *const mpy_exc_PermissionError;
extern MpyType *const mpy_exc_RecursionError;
extern MpyType *const mpy_exc_RuntimeError;
extern MpyType *const mpy_exc_StopIteration;
extern MpyType *const mpy_exc_SyntaxError;
extern MpyType *const mpy_exc_SystemError;
extern MpyType *const mpy_exc_SystemExit;
extern MpyType *const mpy_exc_TimeoutError;
extern MpyType *const mpy_exc_TypeError;
extern MpyType *const mpy_exc_UnicodeDecodeError;
extern MpyType *const mpy_exc_ValueError;
extern MpyType *const mpy_exc_ZeroDivisionError;
extern MpyType *const mpy_exc_RuntimeWarning;

/* ------------------------------------------------------------------ */
/* Raising                                                              */

/* Raise type(msg); `msg` is UTF-8.  `type` must be an exception type
 * (else SystemError is raised instead).
 * Returns: always NULL, so a C function can `return mpy_err_set_string(...)`. */
MpyObject *mpy_err_set_string(MpyType *type, const char *msg);

/* Raise type(message) with a printf-style message.  Besides the C
 * conversions (%s %d %i %u %ld %lld %zd %zu %x %c %p %%) it knows:
 *   %R  repr() of an MpyObject *     %S  str() of an MpyObject *
 *   %T  the type name of an MpyObject *
 * Returns: always NULL. */
MpyObject *mpy_err_set_format(MpyType *type, const char *fmt, ...);

/* Make `exc` (an exception instance, e.g. one from mpy_err_pop) the
 * pending exception again.
 * Returns: nothing (a NULL or non-exception `exc` raises SystemError).
 * Refs:    takes the caller's reference to `exc`. */
void mpy_err_push(MpyObject *exc);

/* ------------------------------------------------------------------ */
/* Inspecting and clearing                                              */

/* Is an exception pending: of any type when `type` is NULL, else an
 * instance of `type` (or of a subclass)?
 * Returns: true or false; cannot fail. */
bool mpy_err_check(MpyType *type);

/* Take the pending exception out of the thread.
 * Returns: new reference to the exception instance, or NULL when none
 *          is pending (no error). */
MpyObject *mpy_err_pop(void);

/* Drop the pending exception, if any.  Cannot fail. */
void mpy_err_discard(void);

/* Print the pending exception with its traceback to sys.stderr, as an
 * uncaught exception would be, and clear it.  Nothing when none is
 * pending.  Cannot fail. */
void mpy_err_report(void);

/* Is exception instance `exc` an instance of `type` (or a subclass)?
 * Returns: true or false (false for NULL arguments). */
bool mpy_exc_matches(MpyObject *exc, MpyType *type);

/* The type name of an exception instance: "ValueError".
 * Returns: borrowed C string (lives as long as the type), or NULL with
 *          SystemError set if `exc` is NULL. */
const char *mpy_exc_type_name(MpyObject *exc);

/* str(exc): the message, "division by zero".
 * Returns: new reference to a str, or NULL with an exception set. */
MpyObject *mpy_exc_message(MpyObject *exc);

/* The full report Python would print for `exc`: "Traceback (most recent
 * call last):", the frames, the chained exceptions, "ValueError: bad".
 * Returns: new reference to a str, or NULL with an exception set. */
MpyObject *mpy_exc_format(MpyObject *exc);

#if defined(__cplusplus)
}
#endif

#endif
