/* runtime/error.c: setting, fetching and matching the current exception.
 *
 * Models CPython's Python/errors.c.  The exception being raised lives in
 * tstate->curexc as a normalized instance; the one being *handled* (inside
 * an except block) is tstate->exc_info->exc_value and becomes the
 * __context__ of any exception raised meanwhile, which is how tracebacks
 * can say "During handling of the above exception, another exception
 * occurred".
 */
#include "runtime/error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* The exception being handled on this thread, skipping entries of
 * generators that handle nothing.  Returns: borrowed or NULL. */
static MpyObject *handled_exception(MpyThreadState *tstate)
{
    for (MpyExcInfo *info = tstate->exc_info; info != NULL; info = info->previous) {
        if (info->exc_value != NULL && info->exc_value != MPY_NONE)
            return info->exc_value;
    }
    return NULL;
}

/* Make the exception being handled the __context__ of `exc`, breaking any
 * cycle that would create (as CPython's _PyErr_SetObject does). */
static void chain_context(MpyThreadState *tstate, MpyObject *exc)
{
    MpyObject *handled = handled_exception(tstate);
    if (handled == NULL || handled == exc)
        return;
    MpyObject *o = handled;
    for (;;) {
        MpyObject *ctx = mpy_exc_get_context(o);
        if (ctx == NULL)
            break;
        if (ctx == exc) {
            mpy_exc_set_context(o, NULL);
            break;
        }
        o = ctx;
    }
    mpy_exc_set_context(exc, handled);
}

void mpy_err_restore_raw(MpyObject *exc)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyObject *old = tstate->curexc;
    tstate->curexc = exc;
    MPY_XDECREF(old);
}

void mpy_err_restore(MpyObject *exc)
{
    if (exc != NULL)
        chain_context(mpy__tstate_get(), exc);
    mpy_err_restore_raw(exc);
}

MpyObject *mpy_err_fetch(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyObject *exc = tstate->curexc;
    tstate->curexc = NULL;
    return exc;
}

MpyObject *mpy_err_occurred(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    return tstate != NULL ? tstate->curexc : NULL;
}

void mpy_err_clear(void)
{
    mpy_err_restore_raw(NULL);
}

bool mpy_err_given_matches(MpyObject *exc, MpyObject *type)
{
    if (exc == NULL || type == NULL)
        return false;
    if (mpy_tuple_check(type)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(type); i++) {
            if (mpy_err_given_matches(exc, mpy_tuple_item(type, i)))
                return true;
        }
        return false;
    }
    if (!mpy_type_check(type))
        return false;
    return mpy_type_is_subtype(MPY_TYPE(exc), (MpyType *)type);
}

bool mpy_err_matches(MpyType *exc_type)
{
    return mpy_err_given_matches(mpy_err_occurred(), (MpyObject *)exc_type);
}

void mpy_err_set_object(MpyType *exc_type, MpyObject *value)
{
    MpyObject *exc;
    if (value != NULL && mpy_type_is_subtype(MPY_TYPE(value), exc_type)) {
        exc = MPY_NEWREF(value);
    } else if (value == NULL || value == MPY_NONE) {
        exc = mpy_exc_new(exc_type, NULL, 0);
    } else if (mpy_tuple_check(value)) {
        exc = mpy_exc_new(exc_type, mpy_tuple_items(value), (size_t)mpy_tuple_size(value));
    } else {
        exc = mpy_exc_new(exc_type, &value, 1);
    }
    if (exc == NULL)
        return; /* the error of creating it is now the current one */
    mpy_err_restore(exc);
}

void mpy_err_set(MpyType *exc_type, const char *msg)
{
    MpyObject *s = mpy_str_from_utf8(msg, strlen(msg));
    if (s == NULL)
        return;
    mpy_err_set_object(exc_type, s);
    MPY_DECREF(s);
}

MpyObject *mpy_err_vformat(MpyType *exc_type, const char *fmt, va_list ap)
{
    MpyObject *s = mpy_str_from_vformat(fmt, ap);
    if (s == NULL)
        return NULL;
    mpy_err_set_object(exc_type, s);
    MPY_DECREF(s);
    return NULL;
}

MpyObject *mpy_err_format(MpyType *exc_type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mpy_err_vformat(exc_type, fmt, ap);
    va_end(ap);
    return NULL;
}

void mpy_err_raise(MpyObject *exc)
{
    if (mpy_type_check(exc) && mpy_exc_type_check(exc)) {
        MpyObject *inst = mpy_object_call0(exc);
        if (inst == NULL)
            return;
        if (!mpy_exc_check(inst)) {
            mpy_err_format(mpy_exc_TypeError,
                           "calling %R should have returned an instance of BaseException, not %T",
                           exc, inst);
            MPY_DECREF(inst);
            return;
        }
        mpy_err_restore(inst);
        return;
    }
    if (mpy_exc_check(exc)) {
        mpy_err_restore(MPY_NEWREF(exc));
        return;
    }
    mpy_err_set(mpy_exc_TypeError, "exceptions must derive from BaseException");
}

MpyObject *mpy_err_no_memory(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    if (tstate == NULL) {
        fprintf(stderr, "Fatal Python error: out of memory\n");
        return NULL;
    }
    /* Creating the exception could itself fail: then raise the class's
     * preallocated-free fallback by clearing and retrying once. */
    MpyObject *exc = mpy_exc_new(mpy_exc_MemoryError, NULL, 0);
    if (exc != NULL)
        mpy_err_restore(exc);
    return NULL;
}

MpyObject *mpy_err_from_errno_filename(MpyType *exc_type, MpyObject *filename)
{
    int err = errno;
    if (err == EINTR) {
        /* A signal handler may have raised already. */
        if (mpy_err_occurred())
            return NULL;
    }
    MpyObject *args[3];
    args[0] = mpy_int_from_long(err);
    args[1] = mpy_str_from_cstr(strerror(err));
    args[2] = filename;
    if (args[0] == NULL || args[1] == NULL) {
        MPY_XDECREF(args[1]);
        return NULL;
    }
    MpyObject *exc = mpy_exc_new(exc_type, args, filename != NULL ? 3 : 2);
    MPY_DECREF(args[1]);
    if (exc != NULL)
        mpy_err_restore(exc);
    return NULL;
}

MpyObject *mpy_err_from_errno(MpyType *exc_type)
{
    return mpy_err_from_errno_filename(exc_type, NULL);
}

MpyObject *mpy_err_bad_internal_call(const char *where)
{
    return mpy_err_format(mpy_exc_SystemError, "%s: bad argument to internal function", where);
}

MpyObject *mpy_err_key_error(MpyObject *key)
{
    /* KeyError((1, 2)) must keep the tuple as one argument. */
    MpyObject *exc = mpy_exc_new(mpy_exc_KeyError, &key, 1);
    if (exc != NULL)
        mpy_err_restore(exc);
    return NULL;
}

MpyObject *mpy_err_stop_iteration(MpyObject *value)
{
    MpyObject *exc = value == NULL ? mpy_exc_new(mpy_exc_StopIteration, NULL, 0)
                                   : mpy_exc_new(mpy_exc_StopIteration, &value, 1);
    if (exc != NULL)
        mpy_err_restore(exc);
    return NULL;
}

MpyObject *mpy_err_syntax(MpyType *type, const char *msg, MpyObject *filename, int lineno,
                          int offset, const char *text, int end_lineno, int end_offset)
{
    MpyObject *info = mpy_tuple_new(6);
    MpyObject *pymsg = mpy_str_from_cstr(msg);
    if (info == NULL || pymsg == NULL)
        goto fail;
    MpyObject *pytext = MPY_NONE;
    if (text != NULL) {
        pytext = mpy_str_from_utf8(text, strlen(text));
        if (pytext == NULL) {
            mpy_err_clear();
            pytext = MPY_NONE;
        }
    } else {
        MPY_INCREF(pytext);
    }
    mpy_tuple_init_take(info, 0, MPY_NEWREF(filename != NULL ? filename : MPY_NONE));
    mpy_tuple_init_take(info, 1, mpy_int_from_long(lineno));
    mpy_tuple_init_take(info, 2, mpy_int_from_long(offset));
    mpy_tuple_init_take(info, 3, pytext);
    mpy_tuple_init_take(info, 4, mpy_int_from_long(end_lineno));
    mpy_tuple_init_take(info, 5, mpy_int_from_long(end_offset));
    MpyObject *args[2] = {pymsg, info};
    MpyObject *exc = mpy_exc_new(type, args, 2);
    if (exc != NULL)
        mpy_err_restore(exc);
fail:
    MPY_XDECREF(info);
    MPY_XDECREF(pymsg);
    return NULL;
}
