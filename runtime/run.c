/* runtime/run.c: running __main__ and computing the exit status.
 *
 * Models CPython's Python/pythonrun.c and the exit handling of
 * Modules/main.c.  See runtime/run.h for the rules.
 */
#include "runtime/run.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "runtime/traceback.h"
#include "vm/compiler.h"
#include "vm/eval.h"

static bool sigint_exit;

/* The exit status for an uncaught SystemExit (prints non-int codes). */
static int system_exit_status(MpyObject *exc)
{
    MpyObject *code = mpy_exc_system_exit_code(exc);
    if (code == MPY_NONE)
        return 0;
    if (mpy_int_check(code)) {
        long long v = mpy_int_as_long(code);
        if (v == -1 && mpy_err_occurred()) {
            mpy_err_clear();
            return 1;
        }
        return (int)v;
    }
    mpy__sys_flush_streams();
    MpyObject *s = mpy_object_str(code);
    if (s == NULL) {
        mpy_err_clear();
        return 1;
    }
    mpy__stderr_write(mpy_str_utf8(s), (size_t)mpy_str_size(s));
    mpy__stderr_write("\n", 1);
    MPY_DECREF(s);
    return 1;
}

int mpy_handle_uncaught(void)
{
    MpyObject *exc = mpy_err_fetch();
    if (exc == NULL)
        return 0;
    if (mpy_type_is_subtype(MPY_TYPE(exc), mpy_exc_SystemExit)) {
        int status = system_exit_status(exc);
        MPY_DECREF(exc);
        return status;
    }
    /* Flush what the program printed before the traceback appears. */
    if (mpy__sys_flush_streams() < 0)
        mpy_err_clear();
    if (mpy_type_is_subtype(MPY_TYPE(exc), mpy_exc_KeyboardInterrupt))
        sigint_exit = true;
    mpy_err_restore_raw(exc);
    mpy_err_print();
    return 1;
}

int mpy__main_add_annotations(MpyObject *dict)
{
    MpyObject *existing = mpy_dict_get_cstr(dict, "__annotations__");
    if (existing != NULL) {
        MPY_DECREF(existing);
        return 0;
    }
    MpyObject *annotations = mpy_dict_new();
    if (annotations == NULL)
        return -1;
    int r = mpy_dict_set_cstr(dict, "__annotations__", annotations);
    MPY_DECREF(annotations);
    return r;
}

/* Create __main__ and register it in sys.modules.  Returns: borrowed dict. */
static MpyObject *main_namespace(const char *filename, bool real_file)
{
    MpyInterp *interp = mpy__interp;
    if (interp->main_module == NULL) {
        interp->main_module = mpy_module_new_cstr("__main__");
        if (interp->main_module == NULL)
            return NULL;
        if (mpy_dict_set_cstr(interp->modules, "__main__", interp->main_module) < 0)
            return NULL;
    }
    MpyObject *dict = mpy_module_get_dict(interp->main_module);
    // CPython's __main__ starts with an empty __annotations__, and a
    // script also gets __file__ and __cached__ (None: no .pyc here).
    if (mpy__main_add_annotations(dict) < 0 ||
        mpy_dict_set(dict, MPY_ID(__builtins__), interp->builtins_module) < 0)
        return NULL;
    if (real_file) {
        MpyObject *f = mpy_str_from_cstr(filename);
        if (f == NULL || mpy_dict_set(dict, MPY_ID(__file__), f) < 0 ||
            mpy_dict_set_cstr(dict, "__cached__", MPY_NONE) < 0) {
            MPY_XDECREF(f);
            return NULL;
        }
        MPY_DECREF(f);
    }
    return dict;
}

static int finish(int status)
{
    if (mpy__sys_flush_streams() < 0 && status == 0)
        status = 120;
    if (sigint_exit) {
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}

int mpy_run_main_source(const char *source, size_t len, const char *filename, bool disassemble)
{
    bool real_file = filename[0] != '<';
    MpyObject *dict = main_namespace(filename, real_file);
    if (dict == NULL)
        return finish(mpy_handle_uncaught());
    MpyObject *fname = mpy_str_from_cstr(filename);
    MpyObject *code = fname ? mpy_compile_source(source, len, fname, MPY_PARSE_FILE, NULL) : NULL;
    MPY_XDECREF(fname);
    if (code == NULL)
        return finish(mpy_handle_uncaught());
    if (disassemble) {
        MpyObject *text = mpy__disassemble(code, true);
        MPY_DECREF(code);
        if (text == NULL)
            return finish(mpy_handle_uncaught());
        fwrite(mpy_str_utf8(text), 1, (size_t)mpy_str_size(text), stdout);
        fflush(stdout);
        MPY_DECREF(text);
        return finish(0);
    }
    MpyObject *r = mpy_eval_code(code, dict, dict);
    MPY_DECREF(code);
    if (r == NULL)
        return finish(mpy_handle_uncaught());
    MPY_DECREF(r);
    return finish(0);
}

int mpy_run_main_file(const char *path, bool disassemble)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        int err = errno;
        char exe[4096];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[n > 0 ? n : 0] = '\0';
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", exe, path, err, strerror(err));
        return 2;
    }
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    if (f != stdin)
        fclose(f);
    if (buf == NULL) {
        fprintf(stderr, "Fatal Python error: out of memory reading %s\n", path);
        return 1;
    }
    int status = mpy_run_main_source(buf, len, strcmp(path, "-") == 0 ? "<stdin>" : path, disassemble);
    free(buf);
    return status;
}

int mpy_run_module(const char *name)
{
    MpyObject *module = mpy_import_module_cstr(name);
    if (module == NULL)
        return finish(mpy_handle_uncaught());
    MPY_DECREF(module);
    return finish(0);
}
