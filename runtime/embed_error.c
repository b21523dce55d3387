/* runtime/embed_error.c: the embedding API's exceptions: raising them from
 * C, looking at the pending one, taking it out, printing it.
 *
 * Models CPython's Python/errors.c as Include/pyerrors.h offers it
 * (PyErr_SetString, PyErr_Format, PyErr_ExceptionMatches,
 * PyErr_GetRaisedException / SetRaisedException, PyErr_Clear,
 * PyErr_Print) and traceback.format_exception for the text of a report.
 * The pending exception lives on the calling thread's state (gil/tstate.h):
 * each function here reads or writes that one slot through runtime/error.h.
 */
#include "runtime/embed.h"

#include <stdarg.h>

#include "runtime/error.h"
#include "runtime/traceback.h"

/* `type` is an exception class.  If not, SystemError is raised. */
static bool check_exception_type(const char *func, MpyType *type)
{
    if (type == NULL) {
        mpy__embed_null_arg(func, "type");
        return false;
    }
    if (!mpy_exc_type_check((MpyObject *)type)) {
        mpy_err_format(mpy_exc_SystemError, "%s(): %R is not an exception type", func,
                       (MpyObject *)type);
        return false;
    }
    return true;
}

MpyObject *mpy_err_set_string(MpyType *type, const char *msg)
{
    static const char func[] = "mpy_err_set_string";
    if (!mpy__embed_enter(func) || !check_exception_type(func, type))
        return NULL;
    if (msg == NULL)
        return mpy__embed_null_arg(func, "msg");
    mpy_err_set(type, msg);
    return NULL;
}

MpyObject *mpy_err_set_format(MpyType *type, const char *fmt, ...)
{
    static const char func[] = "mpy_err_set_format";
    if (!mpy__embed_enter(func) || !check_exception_type(func, type))
        return NULL;
    if (fmt == NULL)
        return mpy__embed_null_arg(func, "fmt");
    va_list ap;
    va_start(ap, fmt);
    mpy_err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

void mpy_err_push(MpyObject *exc)
{
    static const char func[] = "mpy_err_push";
    if (!mpy__embed_enter(func))
        return;
    if (exc == NULL) {
        mpy__embed_null_arg(func, "exc");
        return;
    }
    if (!mpy_exc_check(exc)) {
        mpy_err_format(mpy_exc_SystemError, "%s(): expected an exception instance, not %T", func, exc);
        MPY_DECREF(exc);
        return;
    }
    mpy_err_restore_raw(exc);
}

bool mpy_err_check(MpyType *type)
{
    if (!mpy__embed_enter("mpy_err_check"))
        return false;
    MpyObject *exc = mpy_err_occurred();
    if (exc == NULL)
        return false;
    return type == NULL || mpy_type_is_subtype(MPY_TYPE(exc), type);
}

MpyObject *mpy_err_pop(void)
{
    return mpy__embed_enter("mpy_err_pop") ? mpy_err_fetch() : NULL;
}

void mpy_err_discard(void)
{
    if (mpy__embed_enter("mpy_err_discard"))
        mpy_err_clear();
}

void mpy_err_report(void)
{
    if (mpy__embed_enter("mpy_err_report") && mpy_err_occurred() != NULL)
        mpy_err_print();
}

bool mpy_exc_matches(MpyObject *exc, MpyType *type)
{
    if (exc == NULL || type == NULL || !mpy__embed_enter("mpy_exc_matches"))
        return false;
    return mpy_type_is_subtype(MPY_TYPE(exc), type);
}

const char *mpy_exc_type_name(MpyObject *exc)
{
    static const char func[] = "mpy_exc_type_name";
    if (!mpy__embed_enter(func))
        return NULL;
    if (exc == NULL) {
        mpy__embed_null_arg(func, "exc");
        return NULL;
    }
    return mpy_type_name_of(exc);
}

MpyObject *mpy_exc_message(MpyObject *exc)
{
    static const char func[] = "mpy_exc_message";
    if (!mpy__embed_enter(func))
        return NULL;
    return exc != NULL ? mpy_object_str(exc) : mpy__embed_null_arg(func, "exc");
}

MpyObject *mpy_exc_format(MpyObject *exc)
{
    static const char func[] = "mpy_exc_format";
    if (!mpy__embed_enter(func))
        return NULL;
    if (exc == NULL)
        return mpy__embed_null_arg(func, "exc");
    if (!mpy_exc_check(exc))
        return mpy_err_format(mpy_exc_TypeError, "%s(): expected an exception instance, not %T", func,
                              exc);
    return mpy__format_exception(exc);
}
