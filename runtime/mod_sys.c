/* runtime/mod_sys.c: the sys module.
 *
 * Models CPython's Python/sysmodule.c: interpreter facts (version,
 * implementation, maxsize, flags), the standard streams, sys.path /
 * sys.modules / sys.argv, recursion and switch-interval settings,
 * exception introspection, and the hooks the interpreter calls
 * (displayhook, excepthook).
 */
#include "runtime/sysmodule.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gil/gil.h"
#include "gil/gil_stats.h"
#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/fileio.h"
#include "runtime/import.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/eval.h"

#define SYSFUNC(name)                                                                      \
    static MpyObject *sys_##name(MpyObject *self, MpyObject *const *args, size_t nargs,    \
                                 MpyObject *kwnames)

static MpyObject *sysdict(void)
{
    return mpy__interp->sysdict;
}

SYSFUNC(exit)
{
    if (mpy_arg_check_positional("exit", nargs, 0, 1) < 0)
        return NULL;
    mpy_err_set_object(mpy_exc_SystemExit, nargs == 1 ? args[0] : MPY_NONE);
    return NULL;
}

SYSFUNC(getrecursionlimit)
{
    return mpy_int_from_long(mpy__interp->recursion_limit);
}

SYSFUNC(setrecursionlimit)
{
    if (!mpy_int_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    long long n = mpy_int_as_long(args[0]);
    if (n == -1 && mpy_err_occurred())
        return NULL;
    if (n < 1)
        return mpy_err_format(mpy_exc_ValueError, "recursion limit must be greater or equal than 1");
    MpyThreadState *tstate = mpy__tstate_get();
    if (n <= tstate->py_depth)
        return mpy_err_format(mpy_exc_RecursionError,
                              "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                              n, tstate->py_depth);
    mpy__interp->recursion_limit = n > INT_MAX ? INT_MAX : (int)n;
    return MPY_RETURN_NONE;
}

SYSFUNC(getrefcount)
{
    /* The caller's reference to the argument (on its stack) is already
     * counted, as in CPython: sys.getrefcount(object()) is 1. */
    intptr_t rc = mpy_refcnt(args[0]);
    return mpy_int_from_long(rc);
}

SYSFUNC(getsizeof)
{
    if (mpy_arg_check_positional("getsizeof", nargs, 1, 2) < 0)
        return NULL;
    MpyObject *r = mpy_object_call_method(args[0], MPY_ID(__sizeof__), NULL, 0);
    if (r == NULL) {
        if (nargs == 2 && mpy_err_matches(mpy_exc_TypeError)) {
            mpy_err_clear();
            return MPY_NEWREF(args[1]);
        }
        return NULL;
    }
    if (mpy_object_is_gc(args[0]) && mpy_int_check(r)) {
        MpyObject *total = mpy_number_binop(r, mpy_small_int(16), MPY_NB_ADD);
        MPY_DECREF(r);
        return total;
    }
    return r;
}

SYSFUNC(intern)
{
    if (!mpy_str_check_exact(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "intern() argument must be str, not %T", args[0]);
    return mpy_str_intern_take(MPY_NEWREF(args[0]));
}

SYSFUNC(getswitchinterval)
{
    return mpy_float_from_double(mpy__gil_get_interval());
}

SYSFUNC(setswitchinterval)
{
    double v = mpy_float_as_double(args[0]);
    if (v == -1.0 && mpy_err_occurred())
        return NULL;
    if (v <= 0.0)
        return mpy_err_format(mpy_exc_ValueError, "switch interval must be strictly positive");
    mpy__gil_set_interval(v);
    return MPY_RETURN_NONE;
}

SYSFUNC(is_gil_enabled)
{
    return MPY_NEWREF(mpy_bool_from(mpy__gil_enabled()));
}

/* minipy only: the -X gilstats figures, one dict per thread (gil/gil_stats.h). */
SYSFUNC(gil_stats)
{
    return mpy__gil_stats_as_list();
}

static MpyObject *handled_exception(void)
{
    for (MpyExcInfo *i = mpy__tstate_get()->exc_info; i != NULL; i = i->previous) {
        if (i->exc_value != NULL && i->exc_value != MPY_NONE)
            return i->exc_value;
    }
    return NULL;
}

SYSFUNC(exception)
{
    MpyObject *e = handled_exception();
    return MPY_NEWREF(e ? e : MPY_NONE);
}

SYSFUNC(exc_info)
{
    MpyObject *e = handled_exception();
    if (e == NULL)
        return mpy_tuple_pack(3, MPY_NONE, MPY_NONE, MPY_NONE);
    MpyObject *tb = mpy_exc_get_traceback(e);
    return mpy_tuple_pack(3, (MpyObject *)MPY_TYPE(e), e, tb ? tb : MPY_NONE);
}

SYSFUNC(getframe)
{
    if (mpy_arg_check_positional("_getframe", nargs, 0, 1) < 0)
        return NULL;
    long long depth = nargs ? mpy_int_as_long(args[0]) : 0;
    if (depth == -1 && mpy_err_occurred())
        return NULL;
    MpyFrame *f = mpy_eval_current_frame();
    while (f != NULL && depth-- > 0)
        f = f->previous;
    if (f == NULL)
        return mpy_err_format(mpy_exc_ValueError, "call stack is not deep enough");
    return mpy__frame_object_get(f);
}

SYSFUNC(displayhook)
{
    MpyObject *v = args[0];
    if (v == MPY_NONE)
        return MPY_RETURN_NONE;
    MpyObject *builtins = mpy__interp->builtins;
    if (mpy_dict_set(builtins, mpy_str_intern_cstr("_"), MPY_NONE) < 0)
        return NULL;
    MpyObject *out = mpy_dict_get_str_borrowed(sysdict(), mpy_str_intern_cstr("stdout"));
    if (out == NULL || out == MPY_NONE)
        return mpy_err_format(mpy_exc_RuntimeError, "lost sys.stdout");
    MpyObject *r = mpy_object_repr(v);
    if (r == NULL)
        return NULL;
    int err = mpy_file_write_obj(out, r) < 0 || mpy_file_write_cstr(out, "\n") < 0;
    MPY_DECREF(r);
    if (err || mpy_dict_set(builtins, mpy_str_intern_cstr("_"), v) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

SYSFUNC(excepthook)
{
    if (mpy_arg_check_positional("excepthook", nargs, 3, 3) < 0)
        return NULL;
    if (mpy_exc_check(args[1]))
        mpy__print_exception(args[1]);
    else {
        MpyObject *s = mpy_str_from_format("TypeError: print_exception(): Exception expected for value, %T found\n", args[1]);
        if (s != NULL) {
            mpy__stderr_write(mpy_str_utf8(s), (size_t)mpy_str_size(s));
            MPY_DECREF(s);
        }
    }
    return MPY_RETURN_NONE;
}

SYSFUNC(get_int_max_str_digits)
{
    return mpy_int_from_long(mpy_int_max_str_digits);
}

SYSFUNC(set_int_max_str_digits)
{
    static const char *const kwlist[] = {"maxdigits", NULL};
    MpyObject *a[1];
    if (mpy_arg_parse("set_int_max_str_digits", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    long long n = mpy_int_as_long(a[0]);
    if (n == -1 && mpy_err_occurred())
        return NULL;
    if (n != 0 && n < 640)
        return mpy_err_format(mpy_exc_ValueError, "maxdigits must be 0 or larger than 640");
    mpy_int_max_str_digits = (int)n;
    return MPY_RETURN_NONE;
}

/* Module-level __getattr__ (PEP 562): the struct-sequence records
 * (version_info, float_info, int_info, hash_info, flags, thread_info) are
 * built in Python by runtime/lib/_sysinfo.py on first use, then cached
 * in sys's namespace so later lookups never come here. */
SYSFUNC(getattr)
{
    MpyObject *name = args[0];
    static const char *const records[] = {"version_info", "float_info", "int_info",
                                          "hash_info",    "flags",      "thread_info", NULL};
    const char *s = mpy_str_check(name) ? mpy_str_utf8(name) : "";
    for (int i = 0; records[i] != NULL; i++) {
        if (strcmp(s, records[i]) != 0)
            continue;
        MpyObject *info = mpy_import_module_cstr("_sysinfo");
        MpyObject *value = info ? mpy_object_getattr(info, name) : NULL;
        MPY_XDECREF(info);
        if (value != NULL && mpy_dict_set(sysdict(), name, value) < 0)
            MPY_CLEAR(value);
        return value;
    }
    return mpy_err_format(mpy_exc_AttributeError, "module 'sys' has no attribute '%S'", name);
}

SYSFUNC(getdefaultencoding) { return mpy_str_from_cstr("utf-8"); }
SYSFUNC(getfilesystemencoding) { return mpy_str_from_cstr("utf-8"); }

static const MpyMethodDef sys_methods[] = {
    {"exit", sys_exit, MPY_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, MPY_METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, MPY_METH_O, NULL},
    {"getrefcount", sys_getrefcount, MPY_METH_O, NULL},
    {"getsizeof", sys_getsizeof, MPY_METH_FASTCALL, NULL},
    {"intern", sys_intern, MPY_METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, MPY_METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, MPY_METH_O, NULL},
    {"_is_gil_enabled", sys_is_gil_enabled, MPY_METH_NOARGS, NULL},
    {"_gil_stats", sys_gil_stats, MPY_METH_NOARGS,
     "Per-thread GIL statistics (needs -X gilstats or MINIPY_GILSTATS=1)."},
    {"exception", sys_exception, MPY_METH_NOARGS, NULL},
    {"exc_info", sys_exc_info, MPY_METH_NOARGS, NULL},
    {"_getframe", sys_getframe, MPY_METH_FASTCALL, NULL},
    {"displayhook", sys_displayhook, MPY_METH_O, NULL},
    {"__displayhook__", sys_displayhook, MPY_METH_O, NULL},
    {"excepthook", sys_excepthook, MPY_METH_FASTCALL, NULL},
    {"__excepthook__", sys_excepthook, MPY_METH_FASTCALL, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, MPY_METH_NOARGS, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, MPY_METH_FASTCALL, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, MPY_METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getfilesystemencoding, MPY_METH_NOARGS, NULL},
    {"__getattr__", sys_getattr, MPY_METH_O, NULL},
    {NULL},
};

/* ------------------------------------------------------------------ */
/* Constants                                                            */

static const char *build_tag(void)
{
    return MPY_FREE_THREADED ? " free-threading build" : "";
}

static int add_version(MpyObject *m)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%d.%d.%d%s (minipy %s, " __DATE__ ", " __TIME__ ") [GCC " __VERSION__ "]",
             MPY_PYTHON_MAJOR, MPY_PYTHON_MINOR, MPY_PYTHON_MICRO, build_tag(), MPY_VERSION_STRING);
    if (mpy_module_add_str(m, "version", buf) < 0)
        return -1;
    // version_info is a named record: see sys_getattr.
    return mpy_module_add_int(m, "hexversion",
                              (MPY_PYTHON_MAJOR << 24) | (MPY_PYTHON_MINOR << 16) |
                                  (MPY_PYTHON_MICRO << 8) | 0xF0);
}

static int add_implementation(MpyObject *m)
{
    MpyObject *impl = mpy_module_new_cstr("implementation");
    if (impl == NULL)
        return -1;
    MpyObject *ver = mpy_tuple_pack(5, mpy_small_int(0), mpy_small_int(1), mpy_small_int(0),
                                    mpy_str_intern_cstr("final"), mpy_small_int(0));
    int r = mpy_module_add_str(impl, "name", "minipy") < 0 ||
            mpy_module_add_str(impl, "cache_tag", "minipy-311") < 0 ||
            mpy_module_add_take(impl, "version", ver) < 0 ||
            mpy_module_add_int(impl, "hexversion", 0x000100F0) < 0;
    if (r) {
        MPY_DECREF(impl);
        return -1;
    }
    return mpy_module_add_take(m, "implementation", impl);
}

static int add_lists(MpyObject *m)
{
    MpyObject *names = mpy_list_new(0);
    if (names == NULL)
        return -1;
    for (const MpyBuiltinModule *b = mpy__builtin_modules; b->name != NULL; b++) {
        if (mpy_list_append_take(names, mpy_str_from_cstr(b->name)) < 0) {
            MPY_DECREF(names);
            return -1;
        }
    }
    if (mpy_list_sort(names, NULL, false) < 0) {
        MPY_DECREF(names);
        return -1;
    }
    MpyObject *t = mpy_list_as_tuple(names);
    MPY_DECREF(names);
    return mpy_module_add_take(m, "builtin_module_names", t) < 0 ||
                   mpy_module_add_take(m, "path", mpy_list_new(0)) < 0 ||
                   mpy_module_add_take(m, "argv", mpy_list_new(0)) < 0 ||
                   mpy_module_add_take(m, "warnoptions", mpy_list_new(0)) < 0 ||
                   mpy_module_add_take(m, "meta_path", mpy_list_new(0)) < 0 ||
                   mpy_module_add_take(m, "path_hooks", mpy_list_new(0)) < 0 ||
                   mpy_module_add_take(m, "path_importer_cache", mpy_dict_new()) < 0
               ? -1 : 0;
}

static int sys_exec(MpyObject *m)
{
    if (add_version(m) < 0 || add_implementation(m) < 0 || add_lists(m) < 0)
        return -1;
    if (mpy_module_add(m, "modules", mpy__interp->modules) < 0 ||
        mpy_module_add_int(m, "maxsize", PTRDIFF_MAX) < 0 ||
        mpy_module_add_int(m, "maxunicode", 0x10FFFF) < 0 ||
        mpy_module_add_str(m, "platform", "linux") < 0 ||
        mpy_module_add_str(m, "byteorder", "little") < 0 ||
        mpy_module_add_str(m, "abiflags", MPY_FREE_THREADED ? "t" : "") < 0 ||
        mpy_module_add_str(m, "float_repr_style", "short") < 0 ||
        mpy_module_add_str(m, "prefix", "/usr/local") < 0 ||
        mpy_module_add_str(m, "exec_prefix", "/usr/local") < 0 ||
        mpy_module_add_str(m, "copyright", "minipy: MIT licensed; follows CPython 3.11 semantics") < 0 ||
        mpy_module_add_int(m, "api_version", 1013) < 0 ||
        mpy_module_add(m, "dont_write_bytecode", MPY_TRUE) < 0 ||
        mpy_module_add_take(m, "_xoptions", mpy_dict_new()) < 0)
        return -1;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    if (mpy_module_add_str(m, "executable", exe) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__sys_module_def = {
    "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    sys_methods,
    sys_exec,
    1,
};

/* ------------------------------------------------------------------ */
/* Streams and start-up settings                                        */

static int set_stream(const char *name, const char *dunder, MpyObject *stream)
{
    if (stream == NULL)
        return -1;
    int r = mpy_dict_set_cstr(sysdict(), name, stream) < 0 || mpy_dict_set_cstr(sysdict(), dunder, stream) < 0;
    MPY_DECREF(stream);
    return r ? -1 : 0;
}

int mpy__sys_init_streams(void)
{
    bool unbuffered = mpy__interp->flag_unbuffered;
    MpyObject *out = mpy_file_from_fd(1, "<stdout>", "w", unbuffered || isatty(1));
    MpyObject *err = mpy_file_from_fd(2, "<stderr>", "w", true);
    if (unbuffered && out != NULL && err != NULL) {
        // -u: no output waits in a buffer (CPython's write_through).
        mpy__file_set_write_through(out);
        mpy__file_set_write_through(err);
    }
    if (set_stream("stdin", "__stdin__", mpy_file_from_fd(0, "<stdin>", "r", false)) < 0) {
        MPY_XDECREF(out);
        MPY_XDECREF(err);
        return -1;
    }
    if (set_stream("stdout", "__stdout__", out) < 0) {
        MPY_XDECREF(err);
        return -1;
    }
    return set_stream("stderr", "__stderr__", err);
}

static int flush_one(const char *name)
{
    MpyObject *f = mpy_dict_get_str_borrowed(sysdict(), mpy_str_intern_cstr(name));
    if (f == NULL || f == MPY_NONE)
        return 0;
    MPY_INCREF(f);
    int r = mpy_file_flush(f);
    MPY_DECREF(f);
    return r;
}

int mpy__sys_flush_streams(void)
{
    if (mpy__interp == NULL || mpy__interp->sysdict == NULL)
        return 0;
    int status = 0;
    /* The script's end and then finalization both flush; a sys.stdout
     * whose flush failed is reported once (identity only, never used). */
    static const MpyObject *reported;
    const MpyObject *out = mpy_dict_get_str_borrowed(sysdict(), mpy_str_intern_cstr("stdout"));
    if (out != NULL && out == reported) {
        /* already reported */
    } else if (flush_one("stdout") < 0) {
        reported = out;
        /* As CPython's flush_std_files: a failed final flush, even a
         * BrokenPipeError (`minipy script | head -1` when the end of the
         * output was still buffered), prints "Exception ignored in:
         * <stdout>" and the exit status becomes 120. */
        mpy_err_write_unraisable(mpy_dict_get_str_borrowed(sysdict(), mpy_str_intern_cstr("stdout")));
        status = -1;
    }
    if (flush_one("stderr") < 0)
        mpy_err_clear();
    return status;
}

int mpy__sys_set_argv(int argc, char **argv, const char *path0)
{
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return -1;
    for (int i = 0; i < argc; i++) {
        if (mpy_list_append_take(list, mpy_str_from_utf8_trusted(argv[i], strlen(argv[i]))) < 0) {
            MPY_DECREF(list);
            return -1;
        }
    }
    if (argc == 0 && mpy_list_append_take(list, mpy_str_empty()) < 0) {
        MPY_DECREF(list);
        return -1;
    }
    if (mpy_dict_set_cstr(sysdict(), "argv", list) < 0) {
        MPY_DECREF(list);
        return -1;
    }
    MPY_DECREF(list);
    MpyObject *path = mpy_dict_get_str_borrowed(sysdict(), mpy_str_intern_cstr("path"));
    if (path != NULL && mpy_list_check(path) && path0 != NULL) {
        MpyObject *p0 = mpy_str_from_cstr(path0);
        if (p0 == NULL || mpy_list_insert(path, 0, p0) < 0) {
            MPY_XDECREF(p0);
            return -1;
        }
        MPY_DECREF(p0);
    }
    return 0;
}

int mpy__sys_set_config(int orig_argc, char **orig_argv)
{
    MpyObject *orig = mpy_list_new(0);
    if (orig == NULL)
        return -1;
    for (int i = 0; i < orig_argc; i++) {
        if (mpy_list_append_take(orig, mpy_str_from_utf8_trusted(orig_argv[i], strlen(orig_argv[i]))) < 0) {
            MPY_DECREF(orig);
            return -1;
        }
    }
    int r = mpy_dict_set_cstr(sysdict(), "orig_argv", orig);
    MPY_DECREF(orig);
    if (r < 0)
        return -1;
    if (mpy__interp->xoptions != NULL && mpy_dict_set_cstr(sysdict(), "_xoptions", mpy__interp->xoptions) < 0)
        return -1;
    return 0;
}
