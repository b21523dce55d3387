/* runtime/embed.c: the embedding API's life cycle (config, init, fini) and
 * the calls that run code: strings, files, imports, module globals.
 *
 * Models CPython's Python/pylifecycle.c seen through PyConfig
 * (Py_InitializeFromConfig / Py_FinalizeEx) and Python/pythonrun.c's
 * PyRun_String / PyRun_File.  Each public function checks its arguments,
 * then calls the core: mpy_initialize / mpy_finalize (runtime/init.c),
 * mpy_compile_source + mpy_eval_code (vm/), mpy_import_module_cstr.
 *
 * Invariants:
 *  - every public function starts with mpy__embed_enter(), which refuses
 *    calls made without the runtime or from a thread that is not attached;
 *  - the configuration is applied exactly as runtime/main.c applies the
 *    command line, so the embedded interpreter and the `minipy` command
 *    agree on PYTHON_GIL, PYTHONUNBUFFERED and sys.argv.
 */
#include "runtime/embed.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/init.h"
#include "runtime/list.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "vm/compiler.h"
#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Shared checks                                                        */

bool mpy__embed_enter(const char *func)
{
    if (MPY_LIKELY(mpy_is_initialized() && mpy__embed_attached()))
        return true;
    if (!mpy_is_initialized())
        fprintf(stderr, "minipy: %s() called while the runtime is not running "
                        "(call mpy_runtime_init() first)\n", func);
    else
        fprintf(stderr, "minipy: %s() called from a thread that is not attached "
                        "(call mpy_gil_ensure() first)\n", func);
    return false;
}

MpyObject *mpy__embed_null_arg(const char *func, const char *param)
{
    return mpy_err_format(mpy_exc_SystemError, "%s(): argument '%s' is NULL", func, param);
}

/* ------------------------------------------------------------------ */
/* Configuration                                                        */

void mpy_config_init(MpyConfig *config)
{
    if (config == NULL)
        return;
    memset(config, 0, sizeof *config);
    config->enable_gil = MPY_GIL_DEFAULT;
    config->use_environment = 1;
}

/* The fatal error of runtime/main.c's config_read_gil, word for word. */
static int gil_fatal(const char *msg)
{
    fprintf(stderr, "Fatal Python error: config_read_gil: %s\nPython runtime state: preinitialized\n\n",
            msg);
    return -2;
}

static int gil_from_text(const char *value)
{
    if (strcmp(value, "0") == 0)
        return MPY_FREE_THREADED ? 0 : gil_fatal("Disabling the GIL is not supported by this build");
    if (strcmp(value, "1") == 0)
        return 1;
    return gil_fatal("PYTHON_GIL / -X gil must be \"0\" or \"1\"");
}

/* PYTHON_GIL first, then config->enable_gil on top of it (as -X gil goes
 * on top of the environment in runtime/main.c).
 * Returns -1 (default), 0, 1, or -2 after printing a fatal error. */
static int read_gil_config(const MpyConfig *config)
{
    int enable = -1;
    const char *env = config->use_environment ? getenv("PYTHON_GIL") : NULL;
    if (env != NULL && env[0] != '\0') {
        enable = gil_from_text(env);
        if (enable == -2)
            return -2;
    }
    switch (config->enable_gil) {
    case MPY_GIL_DEFAULT:
        return enable;
    case MPY_GIL_OFF:
        return gil_from_text("0");
    case MPY_GIL_ON:
        return 1;
    default:
        return gil_fatal("MpyConfig.enable_gil must be MPY_GIL_DEFAULT, MPY_GIL_OFF or MPY_GIL_ON");
    }
}

/* Returns 0, or -1 after printing what is wrong. */
static int check_config(const MpyConfig *config)
{
    const char *problem = NULL;
    if (config->argc < 0 || (config->argc > 0 && config->argv == NULL))
        problem = "argc/argv do not describe an array";
    for (int i = 0; problem == NULL && i < config->argc; i++) {
        if (config->argv[i] == NULL)
            problem = "argv has a NULL entry";
    }
    if (config->recursion_limit < 0)
        problem = "recursion_limit is negative";
    if (problem == NULL)
        return 0;
    fprintf(stderr, "minipy: mpy_runtime_init(): bad MpyConfig: %s\n", problem);
    return -1;
}

static bool env_flag(const MpyConfig *config, const char *name)
{
    const char *v = config->use_environment ? getenv(name) : NULL;
    return v != NULL && v[0] != '\0';
}

/* sys.argv, sys.orig_argv, the extra sys.path entries, -u.  Returns 0 / -1. */
static int apply_sys_config(const MpyConfig *config)
{
    if (mpy__sys_set_config(config->argc, config->argv) < 0 ||
        mpy__sys_set_argv(config->argc, config->argv, NULL) < 0)
        return -1;
    if (mpy__interp->flag_unbuffered && mpy__sys_init_streams() < 0)
        return -1;
    if (config->module_paths == NULL)
        return 0;
    MpyObject *path = mpy_dict_get_cstr(mpy__interp->sysdict, "path");
    if (path == NULL || !mpy_list_check(path)) {
        MPY_XDECREF(path);
        if (!mpy_err_occurred())
            mpy_err_set(mpy_exc_RuntimeError, "sys.path is not a list");
        return -1;
    }
    int result = 0;
    for (ptrdiff_t i = 0; result == 0 && config->module_paths[i] != NULL; i++) {
        MpyObject *entry = mpy_str_from_cstr(config->module_paths[i]);
        result = entry == NULL ? -1 : mpy_list_insert(path, i, entry);
        MPY_XDECREF(entry);
    }
    MPY_DECREF(path);
    return result;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                           */

int mpy_runtime_init(const MpyConfig *config)
{
    MpyConfig defaults;
    if (config == NULL) {
        mpy_config_init(&defaults);
        config = &defaults;
    }
    if (mpy_is_initialized()) {
        if (mpy__embed_attached())
            mpy_err_set(mpy_exc_RuntimeError, "mpy_runtime_init(): the runtime is already running");
        else
            fprintf(stderr, "minipy: mpy_runtime_init(): the runtime is already running\n");
        return -1;
    }
    if (check_config(config) < 0)
        return -1;
    int enable_gil = read_gil_config(config);
    if (enable_gil == -2)
        return -1;
    if (config->install_signal_handlers)
        mpy__signals_init();
    if (mpy_initialize() < 0)
        return -1;
    // mpy_initialize takes the GIL for this thread; record it as attached
    // so that mpy_gil_ensure and the entry checks see it.
    atomic_store(&mpy__tstate_get()->status, MPY_TSTATE_ATTACHED);
    MpyInterp *interp = mpy__interp;
    interp->enable_gil = enable_gil;
    mpy__gil_configure(mpy__tstate_get(), enable_gil);
    interp->flag_ignore_environment = !config->use_environment;
    interp->flag_unbuffered = config->unbuffered || env_flag(config, "PYTHONUNBUFFERED");
    if (config->recursion_limit > 0)
        interp->recursion_limit = config->recursion_limit;
    if (apply_sys_config(config) < 0 || mpy__embed_modules_start() < 0) {
        fprintf(stderr, "minipy: mpy_runtime_init() failed:\n");
        mpy_err_print();
        mpy__embed_modules_stop();
        mpy_finalize();
        return -1;
    }
    return 0;
}

int mpy_runtime_fini(void)
{
    if (!mpy__embed_enter("mpy_runtime_fini"))
        return -1;
    if (mpy__tstate_get() != mpy__interp->main_tstate) {
        fprintf(stderr, "minipy: mpy_runtime_fini() must be called by the thread that "
                        "called mpy_runtime_init()\n");
        return -1;
    }
    int status = mpy__sys_flush_streams();
    mpy__embed_modules_stop();
    mpy_finalize();
    return status;
}

bool mpy_runtime_is_initialized(void)
{
    return mpy_is_initialized();
}

/* ------------------------------------------------------------------ */
/* Namespaces                                                           */

/* __main__, created and registered in sys.modules on first use (the same
 * module runtime/run.c runs scripts in).  Returns: borrowed, or NULL. */
static MpyObject *main_module(void)
{
    MpyInterp *interp = mpy__interp;
    if (interp->main_module == NULL) {
        MpyObject *m = mpy_module_new_cstr("__main__");
        if (m == NULL)
            return NULL;
        if (mpy_dict_set_cstr(interp->modules, "__main__", m) < 0) {
            MPY_DECREF(m);
            return NULL;
        }
        interp->main_module = m;
    }
    return interp->main_module;
}

/* The globals dict of `ns`: a module, a dict, or NULL for __main__.
 * Returns: borrowed, or NULL with TypeError set. */
static MpyObject *namespace_dict(const char *func, MpyObject *ns)
{
    if (ns == NULL) {
        MpyObject *m = main_module();
        return m != NULL ? mpy_module_get_dict(m) : NULL;
    }
    if (mpy_module_check(ns))
        return mpy_module_get_dict(ns);
    if (mpy_dict_check(ns))
        return ns;
    return mpy_err_format(mpy_exc_TypeError, "%s(): the namespace must be a module or a dict, not %T",
                          func, ns);
}

/* ------------------------------------------------------------------ */
/* Running code                                                         */

/* Compile `len` bytes of `source` and run them with `ns` as globals and
 * locals.  Returns: new reference or NULL + exception. */
static MpyObject *run_text(const char *func, const char *source, size_t len, const char *filename,
                           int mode, MpyObject *ns)
{
    if (mode != MPY_MODE_EXEC && mode != MPY_MODE_EVAL)
        return mpy_err_format(mpy_exc_ValueError, "%s(): mode must be MPY_MODE_EXEC or MPY_MODE_EVAL",
                              func);
    MpyObject *globals = namespace_dict(func, ns);
    if (globals == NULL)
        return NULL;
    MpyObject *fname = mpy_str_from_cstr(filename);
    if (fname == NULL)
        return NULL;
    MPY_INCREF(globals);  // the code may drop the module that owns it
    MpyParseMode parse_mode = mode == MPY_MODE_EVAL ? MPY_PARSE_EVAL : MPY_PARSE_FILE;
    MpyObject *code = mpy_compile_source(source, len, fname, parse_mode, NULL);
    MpyObject *result = code != NULL ? mpy_eval_code(code, globals, globals) : NULL;
    MPY_XDECREF(code);
    MPY_DECREF(fname);
    MPY_DECREF(globals);
    return result;
}

MpyObject *mpy_run_source(const char *source, const char *filename, int mode, MpyObject *ns)
{
    static const char func[] = "mpy_run_source";
    if (!mpy__embed_enter(func))
        return NULL;
    if (source == NULL)
        return mpy__embed_null_arg(func, "source");
    if (filename == NULL)
        return mpy__embed_null_arg(func, "filename");
    return run_text(func, source, strlen(source), filename, mode, ns);
}

MpyObject *mpy_run_string(const char *source, int mode, MpyObject *ns)
{
    static const char func[] = "mpy_run_string";
    if (!mpy__embed_enter(func))
        return NULL;
    if (source == NULL)
        return mpy__embed_null_arg(func, "source");
    return run_text(func, source, strlen(source), "<string>", mode, ns);
}

/* The whole file.  Returns: malloc'd text (NUL-terminated, length in *len),
 * or NULL with OSError set. */
static char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        MpyObject *name = mpy_str_from_cstr(path);
        if (name != NULL)
            mpy_err_from_errno_filename(mpy_exc_OSError, name);
        MPY_XDECREF(name);
        return NULL;
    }
    size_t cap = 8192, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
            cap *= 2;
        }
    }
    int read_error = ferror(f) ? errno : 0;  // a directory: EISDIR
    fclose(f);
    if (buf == NULL) {
        mpy_err_no_memory();
        return NULL;
    }
    if (read_error != 0) {
        free(buf);
        errno = read_error;
        MpyObject *name = mpy_str_from_cstr(path);
        if (name != NULL)
            mpy_err_from_errno_filename(mpy_exc_OSError, name);
        MPY_XDECREF(name);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* __file__ = path in the namespace of a module that has none. */
static int set_file_attribute(const char *func, MpyObject *ns, const char *path)
{
    if (ns != NULL && !mpy_module_check(ns))
        return 0;
    MpyObject *dict = namespace_dict(func, ns);
    if (dict == NULL)
        return -1;
    MpyObject *old = mpy_dict_get_cstr(dict, "__file__");
    if (old != NULL || mpy_err_occurred()) {
        MPY_XDECREF(old);
        return old != NULL ? 0 : -1;
    }
    MpyObject *value = mpy_str_from_cstr(path);
    int result = value != NULL ? mpy_dict_set_cstr(dict, "__file__", value) : -1;
    MPY_XDECREF(value);
    return result;
}

MpyObject *mpy_run_file(const char *path, MpyObject *ns)
{
    static const char func[] = "mpy_run_file";
    if (!mpy__embed_enter(func))
        return NULL;
    if (path == NULL)
        return mpy__embed_null_arg(func, "path");
    size_t len;
    char *source = read_whole_file(path, &len);
    if (source == NULL)
        return NULL;
    MpyObject *result = NULL;
    if (set_file_attribute(func, ns, path) == 0)
        result = run_text(func, source, len, path, MPY_MODE_EXEC, ns);
    free(source);
    return result;
}

/* ------------------------------------------------------------------ */
/* Modules and globals                                                  */

/* A module name must be a non-empty string. */
static bool check_name(const char *func, const char *name)
{
    if (name == NULL) {
        mpy__embed_null_arg(func, "name");
        return false;
    }
    if (name[0] == '\0') {
        mpy_err_format(mpy_exc_ValueError, "%s(): empty name", func);
        return false;
    }
    return true;
}

MpyObject *mpy_module_import(const char *name)
{
    static const char func[] = "mpy_module_import";
    if (!mpy__embed_enter(func) || !check_name(func, name))
        return NULL;
    return mpy_import_module_cstr(name);
}

MpyObject *mpy_module_main(void)
{
    if (!mpy__embed_enter("mpy_module_main"))
        return NULL;
    MpyObject *m = main_module();
    return m != NULL ? MPY_NEWREF(m) : NULL;
}

MpyObject *mpy_module_ensure(const char *name)
{
    static const char func[] = "mpy_module_ensure";
    if (!mpy__embed_enter(func) || !check_name(func, name))
        return NULL;
    MpyObject *module = mpy_dict_get_cstr(mpy__interp->modules, name);
    if (module != NULL || mpy_err_occurred())
        return module;
    module = mpy_module_new_cstr(name);
    if (module != NULL && mpy_dict_set_cstr(mpy__interp->modules, name, module) < 0)
        MPY_CLEAR(module);
    return module;
}

MpyObject *mpy_module_get_global(MpyObject *module, const char *name)
{
    static const char func[] = "mpy_module_get_global";
    if (!mpy__embed_enter(func) || !check_name(func, name))
        return NULL;
    MpyObject *dict = namespace_dict(func, module);
    if (dict == NULL)
        return NULL;
    MpyObject *value = mpy_dict_get_cstr(dict, name);
    if (value == NULL && !mpy_err_occurred())
        mpy_err_format(mpy_exc_NameError, "name '%s' is not defined", name);
    return value;
}

int mpy_module_set_global(MpyObject *module, const char *name, MpyObject *value)
{
    static const char func[] = "mpy_module_set_global";
    if (!mpy__embed_enter(func) || !check_name(func, name))
        return -1;
    if (value == NULL) {
        mpy__embed_null_arg(func, "value");
        return -1;
    }
    MpyObject *dict = namespace_dict(func, module);
    return dict != NULL ? mpy_dict_set_cstr(dict, name, value) : -1;
}
