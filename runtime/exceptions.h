/* runtime/exceptions.h: the layout shared by every built-in exception.
 *
 * Models CPython's Include/cpython/pyerrors.h.  All built-in exception
 * types share one struct; the few types with extra attributes (OSError's
 * errno, SyntaxError's lineno, StopIteration's value ...) keep them in
 * `extra[]`, named per type by member tables in runtime/exceptions.c.
 * Every exception instance has a __dict__, so user subclasses and
 * `e.attr = x` just work.
 */
#ifndef MINIPY_RUNTIME_EXCEPTIONS_H
#define MINIPY_RUNTIME_EXCEPTIONS_H

#include "runtime/object.h"

#define MPY_EXC_EXTRA 7

typedef struct MpyBaseExceptionObject {
    MpyObject ob_base;
    MpyObject *dict;
    MpyObject *args;        /* tuple */
    MpyObject *traceback;   /* MpyTracebackObject or NULL */
    MpyObject *context;
    MpyObject *cause;
    char suppress_context;
    MpyObject *extra[MPY_EXC_EXTRA];
} MpyBaseExceptionObject;

/* Indices into extra[] per family. */
enum {
    MPY_EXC_STOP_VALUE = 0,                        /* StopIteration.value */
    MPY_EXC_EXIT_CODE = 0,                         /* SystemExit.code */
    MPY_EXC_NAME_NAME = 0,                         /* NameError.name */
    MPY_EXC_ATTR_NAME = 0, MPY_EXC_ATTR_OBJ = 1,   /* AttributeError */
    MPY_EXC_IMPORT_MSG = 0, MPY_EXC_IMPORT_NAME = 1, MPY_EXC_IMPORT_PATH = 2,
    MPY_EXC_OS_ERRNO = 0, MPY_EXC_OS_STRERROR = 1, MPY_EXC_OS_FILENAME = 2,
    MPY_EXC_OS_FILENAME2 = 3,
    MPY_EXC_SYNTAX_MSG = 0, MPY_EXC_SYNTAX_FILENAME = 1, MPY_EXC_SYNTAX_LINENO = 2,
    MPY_EXC_SYNTAX_OFFSET = 3, MPY_EXC_SYNTAX_TEXT = 4, MPY_EXC_SYNTAX_END_LINENO = 5,
    MPY_EXC_SYNTAX_END_OFFSET = 6,
};

/* Returns: borrowed reference to extra[i] (may be NULL). */
static inline MpyObject *mpy__exc_extra(MpyObject *exc, int i)
{
    return ((MpyBaseExceptionObject *)exc)->extra[i];
}

int mpy__exceptions_init(void);
void mpy__exceptions_fini(void);

#endif
