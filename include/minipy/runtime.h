/* include/minipy/runtime.h: starting and stopping the interpreter, running
 * code, importing modules, and catching what scripts print.
 *
 * Models CPython's PyConfig / Py_InitializeFromConfig / Py_FinalizeEx
 * (Include/cpython/initconfig.h, pylifecycle.h) and PyRun_String /
 * PyRun_File / PyImport_ImportModule (pythonrun.h, import.h).
 *
 * Life cycle: mpy_config_init -> adjust fields -> mpy_runtime_init ->
 * (use the API) -> mpy_runtime_fini.  The cycle can be repeated in one
 * process.  The thread that calls mpy_runtime_init is the main thread of
 * the interpreter: it is attached when init returns and must call
 * mpy_runtime_fini.
 */
#ifndef MINIPY_INCLUDE_MINIPY_RUNTIME_H
#define MINIPY_INCLUDE_MINIPY_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>

#include "object.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Configuration and life cycle                                         */

/* Values of MpyConfig.enable_gil (and of PYTHON_GIL): */
enum {
    MPY_GIL_DEFAULT = -1, /* the build's default: on in minipy, off in minipyt */
    MPY_GIL_OFF = 0,      /* free-threaded build only; an error in the GIL build */
    MPY_GIL_ON = 1,
};

typedef struct MpyConfig {
    /* sys.argv.  argc == 0 gives [''] as CPython does when embedded.
     * sys.orig_argv gets the same list. */
    int argc;
    char **argv;
    /* MPY_GIL_DEFAULT / MPY_GIL_OFF / MPY_GIL_ON, validated exactly as the
     * minipy command validates PYTHON_GIL and -X gil; it overrides the
     * environment, as -X gil does. */
    int enable_gil;
    /* 1 (default): read PYTHON_GIL and PYTHONUNBUFFERED; 0: ignore the
     * environment (the -E option). */
    int use_environment;
    /* Directories put in front of sys.path, in this order; a NULL-
     * terminated array, or NULL for none. */
    const char *const *module_paths;
    /* sys.getrecursionlimit(); 0 keeps the default (1000). */
    int recursion_limit;
    /* 1: sys.stdout is unbuffered (the -u option). */
    int unbuffered;
    /* 1: install minipy's SIGINT handler (KeyboardInterrupt) and ignore
     * SIGPIPE, as the minipy command does.  0 (default): leave signals to
     * the host. */
    int install_signal_handlers;
} MpyConfig;

/* Fill `config` with the defaults.
 * Returns: nothing; cannot fail (a NULL `config` is ignored).
 * Threads: any thread, before or after init. */
void mpy_config_init(MpyConfig *config);

/* Start the interpreter.  `config` NULL means the defaults.
 * Returns: 0; or -1 after printing why to stderr (bad configuration, e.g.
 *          "Fatal Python error: config_read_gil: Disabling the GIL is not
 *          supported by this build"), or with RuntimeError set when the
 *          runtime is already initialized.
 * Threads: any one thread, which becomes the interpreter's main thread and
 *          is attached on return. */
int mpy_runtime_init(const MpyConfig *config);

/* Stop the interpreter: wait for the non-daemon threads started by Python
 * code (threading._shutdown), flush sys.stdout/sys.stderr, drop every
 * module.  Host-registered modules stay registered for the next init.
 * Returns: 0; -1 if flushing sys.stdout failed or the runtime was not
 *          running (message on stderr).
 * Threads: the main thread, attached. */
int mpy_runtime_fini(void);

/* Returns: whether the interpreter is running.
 * Threads: any thread, without the GIL. */
bool mpy_runtime_is_initialized(void);

/* ------------------------------------------------------------------ */
/* Running code                                                         */

/* How source text is compiled: */
enum {
    MPY_MODE_EXEC = 0, /* statements, like exec(): the result is None */
    MPY_MODE_EVAL = 1, /* one expression, like eval(): the result is its value */
};

/* Compile and run UTF-8 `source` in namespace `ns`: a module, a dict
 * (used as globals and locals), or NULL for the __main__ module.
 * Tracebacks show the file name "<string>".
 * Returns: new reference (the value in MPY_MODE_EVAL, None in
 *          MPY_MODE_EXEC), or NULL with an exception set (SyntaxError,
 *          whatever the code raised; SystemError for bad arguments).
 *          SystemExit from sys.exit() is an exception like any other.
 * Refs:    borrows `ns`. */
MpyObject *mpy_run_string(const char *source, int mode, MpyObject *ns);

/* The same with the file name to show in tracebacks. */
MpyObject *mpy_run_source(const char *source, const char *filename, int mode, MpyObject *ns);

/* Read the file at `path` and run it (MPY_MODE_EXEC) in `ns` (as for
 * mpy_run_string).  __file__ is set to `path` in a module namespace that
 * has none.
 * Returns: new reference to None, or NULL with an exception set
 *          (FileNotFoundError / OSError when the file cannot be read).
 * Refs:    borrows `ns`. */
MpyObject *mpy_run_file(const char *path, MpyObject *ns);

/* ------------------------------------------------------------------ */
/* Modules                                                              */

/* `import name` (dotted names allowed) and return the module itself.
 * Returns: new reference, or NULL with ModuleNotFoundError or whatever
 *          the module raised. */
MpyObject *mpy_module_import(const char *name);

/* The __main__ module (created on first use).
 * Returns: new reference, or NULL with an exception set. */
MpyObject *mpy_module_main(void);

/* The module `name` from sys.modules, or a new empty module registered
 * there under that name (CPython's PyImport_AddModule): a namespace to run
 * code in that other code can then import.
 * Returns: new reference, or NULL with an exception set. */
MpyObject *mpy_module_ensure(const char *name);

/* A global of `module` (a module or a dict; NULL: __main__).
 * Returns: new reference, or NULL with NameError ("name 'x' is not
 *          defined") or another exception set.
 * Refs:    borrows `module`. */
MpyObject *mpy_module_get_global(MpyObject *module, const char *name);

/* Set a global of `module` (a module or a dict; NULL: __main__).
 * Returns: 0, or -1 with an exception set.
 * Refs:    borrows everything (the namespace takes its own reference). */
int mpy_module_set_global(MpyObject *module, const char *name, MpyObject *value);

/* ------------------------------------------------------------------ */
/* Output hooks                                                         */

/* Which stream to redirect: */
enum { MPY_STDOUT = 1, MPY_STDERR = 2 };

/* Receives what Python writes: `len` bytes of UTF-8 at `text` (not
 * NUL-terminated), and the `user_data` given to mpy_output_redirect.
 * Called on the writing thread, attached (it may use the API). */
typedef void (*MpyWriteFunc)(const char *text, size_t len, void *user_data);

/* Replace sys.stdout or sys.stderr by a stream whose write() calls
 * `func`; `func` NULL puts back the original stream (sys.__stdout__ /
 * sys.__stderr__).  print(), tracebacks (mpy_err_report) and warnings all
 * go through it.  The redirection ends with mpy_runtime_fini.
 * Returns: 0, or -1 with ValueError (bad `stream`) or MemoryError set. */
int mpy_output_redirect(int stream, MpyWriteFunc func, void *user_data);

#if defined(__cplusplus)
}
#endif

#endif
