/* runtime/traceback.h: traceback objects and printing exceptions.
 *
 * Models CPython's Python/traceback.c and the default sys.excepthook of
 * Python/pythonrun.c: "Traceback (most recent call last):", one
 * `File "x.py", line N, in f` entry per frame with its source line and,
 * as in 3.11, `~~^~~` markers under the failing expression; chained
 * exceptions (__cause__ / __context__); SyntaxError's caret display.
 */
#ifndef MINIPY_RUNTIME_TRACEBACK_H
#define MINIPY_RUNTIME_TRACEBACK_H

#include "gil/tstate.h"
#include "runtime/object.h"
#include "vm/frame.h"

typedef struct MpyTracebackObject {
    MpyObject ob_base;
    MpyObject *next;     /* the next (inner) entry, or NULL */
    MpyObject *code;     /* MpyCodeObject of the frame */
    MpyObject *frame;    /* frame object, or NULL */
    MpyObject *globals;  /* the frame's globals (NameError suggestions), or NULL */
    int lasti;           /* instruction index */
    int lineno;
} MpyTracebackObject;

extern MpyType mpy_traceback_type;

/* Add an entry for `frame` (at its current instruction) in front of the
 * traceback of the exception being raised.  Returns 0 / -1. */
int mpy__traceback_here(MpyThreadState *tstate, MpyFrame *frame);

/* Write the full report of `exc` (with its chain) to sys.stderr.
 * Never raises: errors while printing are swallowed. */
void mpy__print_exception(MpyObject *exc);
/* CPython's _PyErr_WriteUnraisableMsg: "Exception ignored <what>: <repr
 * of obj>" (`what` as "in thread started by"), then the current
 * exception in the unraisable format; clears it. */
void mpy__err_write_unraisable_msg(const char *what, MpyObject *obj);
/* The report as a str (traceback.format_exception).  Returns: new ref. */
MpyObject *mpy__format_exception(MpyObject *exc);
/* The report as the default display writes it (sys.excepthook, uncaught
 * exceptions, threading.excepthook): the same, plus the "Did you mean"
 * hints of NameError/AttributeError.  Returns: new ref. */
MpyObject *mpy__format_exception_display(MpyObject *exc);

/* Line `lineno` of file `filename` (UTF-8, without the newline), read
 * through a small cache.  Returns: new str, or NULL without an exception
 * when unavailable. */
MpyObject *mpy__source_line(MpyObject *filename, int lineno);

/* Drop the source-line cache (finalization). */
void mpy__traceback_fini(void);

/* Write text to sys.stderr (falling back to fd 2).  Never raises. */
void mpy__stderr_write(const char *text, size_t n);

#endif
