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
#include <sys/stat.h>
#include <unistd.h>

#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
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

/* Run `source` as __main__; `package` (for -m) becomes __package__. */
static int run_main(const char *source, size_t len, const char *filename, const char *package,
                    bool disassemble)
{
    bool real_file = filename[0] != '<';
    MpyObject *dict = main_namespace(filename, real_file);
    if (dict == NULL)
        return finish(mpy_handle_uncaught());
    if (package != NULL) {
        MpyObject *pkg = mpy_str_from_cstr(package);
        if (pkg == NULL || mpy_dict_set(dict, MPY_ID(__package__), pkg) < 0) {
            MPY_XDECREF(pkg);
            return finish(mpy_handle_uncaught());
        }
        MPY_DECREF(pkg);
    }
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

int mpy_run_main_source(const char *source, size_t len, const char *filename, bool disassemble)
{
    return run_main(source, len, filename, NULL, disassemble);
}

/* The path of this executable, for "minipy: can't open file" messages. */
static void executable_path(char *exe, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", exe, size - 1);
    exe[n > 0 ? n : 0] = '\0';
}

/* The whole of `f` (closed unless stdin).  Returns: a malloc'ed buffer
 * with its length in *len, or NULL when out of memory. */
static char *read_all(FILE *f, size_t *len_out)
{
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
    *len_out = len;
    return buf;
}

int mpy_run_main_file(const char *path, bool disassemble)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        int err = errno;
        char exe[4096];
        executable_path(exe, sizeof exe);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", exe, path, err, strerror(err));
        return 2;
    }
    size_t len;
    char *buf = read_all(f, &len);
    if (buf == NULL) {
        fprintf(stderr, "Fatal Python error: out of memory reading %s\n", path);
        return 1;
    }
    int status = mpy_run_main_source(buf, len, strcmp(path, "-") == 0 ? "<stdin>" : path, disassemble);
    free(buf);
    return status;
}

/* -m: the directories to search for `name`: its parent package's __path__
 * (importing the parent), or sys.path.  Returns: new reference, or NULL
 * with an exception. */
static MpyObject *module_search_path(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        MpyObject *path = mpy_dict_get_str_borrowed(mpy__interp->sysdict, mpy_str_intern_cstr("path"));
        if (path == NULL)
            return mpy_err_format(mpy_exc_RuntimeError, "lost sys.path");
        return MPY_NEWREF(path);
    }
    MpyObject *parent_name = mpy_str_from_utf8(name, (size_t)(dot - name));
    MpyObject *parent = parent_name ? mpy_import_module(parent_name) : NULL;
    MPY_XDECREF(parent_name);
    if (parent == NULL)
        return NULL;
    MpyObject *path = mpy_object_lookup_attr(parent, MPY_ID(__path__));
    MPY_DECREF(parent);
    if (path == NULL && !mpy_err_occurred())
        path = mpy_list_new(0);
    return path;
}

/* Find module `name` for -m: writes its file into `file`.  Returns 1
 * found, 2 found a package (run its __main__), 0 not found, -1 error. */
static int find_module_file(const char *name, char *file, size_t size)
{
    const char *dot = strrchr(name, '.');
    const char *last = dot ? dot + 1 : name;
    MpyObject *paths = module_search_path(name);
    if (paths == NULL)
        return -1;
    MpyObject *list = mpy_list_from_iterable(paths);
    MPY_DECREF(paths);
    if (list == NULL)
        return -1;
    int found = 0;
    for (ptrdiff_t i = 0; i < mpy_list_size(list) && !found; i++) {
        MpyObject *dir = mpy_list_get(list, i);
        if (dir == NULL || !mpy_str_check(dir)) {
            MPY_XDECREF(dir);
            mpy_err_clear();
            continue;
        }
        const char *d = mpy_str_utf8(dir);
        const char *sep = d[0] == '\0' ? "" : "/";
        struct stat st;
        snprintf(file, size, "%s%s%s/__init__.py", d, sep, last);
        if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
            MPY_DECREF(dir);
            found = 2;
            break;
        }
        snprintf(file, size, "%s%s%s.py", d, sep, last);
        if (stat(file, &st) == 0 && S_ISREG(st.st_mode))
            found = 1;
        MPY_DECREF(dir);
    }
    MPY_DECREF(list);
    return found;
}

/* sys.argv[0] = `path` (CPython sets it to the module's file for -m). */
static void set_argv0(const char *path)
{
    MpyObject *argv = mpy_dict_get_str_borrowed(mpy__interp->sysdict, mpy_str_intern_cstr("argv"));
    MpyObject *s = mpy_str_from_cstr(path);
    if (argv != NULL && s != NULL && mpy_list_check(argv) && mpy_list_size(argv) > 0)
        mpy_object_setitem(argv, mpy_small_int(0), s);
    MPY_XDECREF(s);
    mpy_err_clear();
}

/* Report a module -m cannot run, as CPython's runpy does. */
static int module_error(const char *fmt, const char *a, const char *b)
{
    char exe[4096];
    executable_path(exe, sizeof exe);
    fprintf(stderr, "%s: ", exe);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    return finish(1);
}

/* -m name: run the module as __main__ (CPython: runpy._run_module_as_main):
 * its source, found as import finds it (frozen into the binary, then the
 * search path), runs in __main__; a package runs its __main__ submodule. */
int mpy_run_module(const char *name)
{
    char modname[1024], file[4096];
    snprintf(modname, sizeof modname, "%s", name);
    // sys.path[0] is the current directory, spelled out (CPython's -m).
    MpyObject *path = mpy_dict_get_str_borrowed(mpy__interp->sysdict, mpy_str_intern_cstr("path"));
    if (path != NULL && mpy_list_check(path) && mpy_list_size(path) > 0 && getcwd(file, sizeof file)) {
        MpyObject *first = mpy_list_get(path, 0);
        MpyObject *cwd = first && mpy_str_check(first) && mpy_str_size(first) == 0 ? mpy_str_from_cstr(file) : NULL;
        if (cwd != NULL)
            mpy_object_setitem(path, mpy_small_int(0), cwd);
        MPY_XDECREF(cwd);
        MPY_XDECREF(first);
        mpy_err_clear();
    }
    for (int depth = 0; depth < 2; depth++) {
        const char *dot = strrchr(modname, '.');
        char package[1024];
        snprintf(package, sizeof package, "%.*s", dot ? (int)(dot - modname) : 0, modname);
        const MpyFrozenModule *fm = mpy__find_frozen_module(modname);
        if (fm != NULL && fm->is_package) {
            strncat(modname, ".__main__", sizeof modname - strlen(modname) - 1);
            continue;
        }
        if (fm != NULL) {
            if (dot != NULL) { /* the parent package first */
                MpyObject *parent = mpy_import_module_cstr(package);
                if (parent == NULL)
                    return finish(mpy_handle_uncaught());
                MPY_DECREF(parent);
            }
            snprintf(file, sizeof file, "<frozen %s>", modname);
            return run_main(fm->source, strlen(fm->source), file, package, false);
        }
        if (mpy__find_builtin_module(modname) != NULL)
            return module_error("No code object available for %s%s", modname, "");
        int found = find_module_file(modname, file, sizeof file);
        if (found < 0) {
            if (!mpy_err_matches(mpy_exc_ImportError))
                return finish(mpy_handle_uncaught());
            MpyObject *exc = mpy_err_fetch();
            MpyObject *text = mpy_object_str(exc);
            mpy_err_clear();
            char why[1200];
            snprintf(why, sizeof why, "%s: %s", mpy_type_name_of(exc), text ? mpy_str_utf8(text) : "");
            MPY_XDECREF(text);
            MPY_DECREF(exc);
            return module_error("Error while finding module specification for '%s' (%s)", modname, why);
        }
        if (found == 0) {
            if (depth > 0) {
                snprintf(file, sizeof file, "%s", package);
                return module_error("No module named %s; '%s' is a package and cannot be directly executed",
                                    modname, file);
            }
            return module_error("No module named %s%s", modname, "");
        }
        if (found == 2) {
            strncat(modname, ".__main__", sizeof modname - strlen(modname) - 1);
            continue;
        }
        FILE *f = fopen(file, "rb");
        size_t len = 0;
        char *buf = f ? read_all(f, &len) : NULL;
        if (buf == NULL)
            return module_error("can't read %s%s", file, "");
        set_argv0(file);
        int status = run_main(buf, len, file, package, false);
        free(buf);
        return status;
    }
    return module_error("No module named %s%s", modname, "");
}
