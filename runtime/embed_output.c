/* runtime/embed_output.c: sending what Python prints to C callbacks
 * (mpy_output_redirect).
 *
 * Models what CPython embedders do by hand (assigning sys.stdout an object
 * with a write() method, as IDLE and Jupyter do), packaged as one call.
 * print(), sys.stdout.write(), tracebacks and warnings all look up
 * sys.stdout / sys.stderr and call its write() with a str, so replacing
 * the stream object is enough: no hook in the core.
 *
 * The replacement is a small object of type minipy.HostStream: a callback,
 * its user data, and the text-file methods programs call on a stream.
 * sys.__stdout__ / sys.__stderr__ keep the original streams, which
 * redirecting with a NULL callback puts back.
 */
#include "runtime/embed.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/type.h"

typedef struct HostStreamObject {
    MpyObject ob_base;
    MpyWriteFunc func;
    void *user_data;
} HostStreamObject;

/* write(s): hand the UTF-8 bytes to the host; returns len(s) like a text file. */
static MpyObject *stream_write(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    MpyObject *text = args[0];
    if (!mpy_str_check(text))
        return mpy_err_format(mpy_exc_TypeError, "write() argument must be str, not %T", text);
    HostStreamObject *stream = (HostStreamObject *)self;
    stream->func(mpy_str_utf8(text), (size_t)mpy_str_size(text), stream->user_data);
    return mpy_int_from_ssize(mpy_str_length(text));
}

static MpyObject *stream_flush(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return MPY_RETURN_NONE;  // the callback got everything already
}

static MpyObject *stream_true(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    return MPY_NEWREF(MPY_TRUE);
}

static MpyObject *stream_false(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return MPY_NEWREF(MPY_FALSE);
}

static MpyObject *stream_encoding(MpyObject *self, void *closure)
{
    return mpy_str_from_cstr("utf-8");
}

static const MpyMethodDef stream_methods[] = {
    {"write", stream_write, MPY_METH_O, "Pass the text to the host's callback."},
    {"flush", stream_flush, MPY_METH_NOARGS, NULL},
    {"writable", stream_true, MPY_METH_NOARGS, NULL},
    {"readable", stream_false, MPY_METH_NOARGS, NULL},
    {"seekable", stream_false, MPY_METH_NOARGS, NULL},
    {"isatty", stream_false, MPY_METH_NOARGS, NULL},
    {NULL},
};

static const MpyGetSetDef stream_getset[] = {
    {"encoding", stream_encoding, NULL, NULL, NULL},
    {NULL},
};

/* Not in runtime/types.def (the lead's): readied on first use below. */
static MpyType host_stream_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "minipy.HostStream",
    .doc = "A stream whose write() calls a function of the embedding program.",
    .basicsize = sizeof(HostStreamObject),
    .methods = stream_methods,
    .getset = stream_getset,
};

/* Returns: new stream object, or NULL with an exception set. */
static MpyObject *host_stream_new(MpyWriteFunc func, void *user_data)
{
    if (!mpy_type_has_flag(&host_stream_type, MPY_TPFLAGS_READY) &&
        mpy_type_ready(&host_stream_type) < 0)
        return NULL;
    HostStreamObject *stream = (HostStreamObject *)mpy_object_alloc(&host_stream_type);
    if (stream == NULL)
        return NULL;
    stream->func = func;
    stream->user_data = user_data;
    return (MpyObject *)stream;
}

/* Flush sys.<name> before it is replaced, so that text written earlier
 * comes out first.  Errors are reported, not raised. */
static void flush_current(const char *name)
{
    MpyObject *current = mpy_dict_get_cstr(mpy__interp->sysdict, name);
    if (current == NULL) {
        mpy_err_clear();
        return;
    }
    MpyObject *r = mpy_object_call_method_cstr(current, "flush", NULL, 0);
    if (r == NULL)
        mpy_err_clear();
    MPY_XDECREF(r);
    MPY_DECREF(current);
}

int mpy_output_redirect(int stream, MpyWriteFunc func, void *user_data)
{
    static const char fn[] = "mpy_output_redirect";
    if (!mpy__embed_enter(fn))
        return -1;
    if (stream != MPY_STDOUT && stream != MPY_STDERR) {
        mpy_err_format(mpy_exc_ValueError, "%s(): stream must be MPY_STDOUT or MPY_STDERR, not %d",
                       fn, stream);
        return -1;
    }
    const char *name = stream == MPY_STDOUT ? "stdout" : "stderr";
    MpyObject *replacement;
    if (func != NULL)
        replacement = host_stream_new(func, user_data);
    else
        replacement = mpy_dict_get_cstr(mpy__interp->sysdict, stream == MPY_STDOUT ? "__stdout__"
                                                                                   : "__stderr__");
    if (replacement == NULL) {
        if (!mpy_err_occurred())
            mpy_err_format(mpy_exc_RuntimeError, "%s(): lost sys.__%s__", fn, name);
        return -1;
    }
    flush_current(name);
    int result = mpy_dict_set_cstr(mpy__interp->sysdict, name, replacement);
    MPY_DECREF(replacement);
    return result;
}
