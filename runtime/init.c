/* runtime/init.c: bringing the runtime up and down.
 *
 * Models CPython's Python/pylifecycle.c (Py_InitializeEx / Py_FinalizeEx).
 * The order matters and is the only tricky part:
 *
 *   1. the interpreter and the main thread's state (errors need a tstate);
 *   2. immortal constants: True/False, "", the one-char strings, (), the
 *      interned MPY_ID names;
 *   3. every static type in runtime/types.def, then the exception types;
 *   4. the builtins and sys modules, sys.modules, sys.stdout/stderr/stdin.
 *
 * mpy_finalize undoes it so that initialize/finalize can be repeated in one
 * process.
 */
#include "runtime/init.h"
#include "runtime/traceback.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "gil/gil.h"
#include "gil/gil_observe.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define MPY_TYPE_ENTRY(var) extern MpyType var;
#include "runtime/types.def"
#undef MPY_TYPE_ENTRY

static MpyType *const static_types[] = {
#define MPY_TYPE_ENTRY(var) &var,
#include "runtime/types.def"
#undef MPY_TYPE_ENTRY
};

static bool initialized;

void mpy__for_each_static_type(void (*fn)(struct MpyType *type))
{
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++)
        fn(static_types[i]);
}

bool mpy_is_initialized(void)
{
    return initialized;
}

int mpy__type_init(void)
{
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++) {
        if (mpy_type_ready(static_types[i]) < 0)
            return -1;
    }
    return 0;
}

void mpy__type_fini(void)
{
    for (size_t i = sizeof static_types / sizeof static_types[0]; i-- > 0;)
        mpy__type_unready(static_types[i]);
    mpy__type_cache_clear();
}

static MpyInterp *interp_new(void)
{
    MpyInterp *interp = calloc(1, sizeof *interp);
    if (interp == NULL)
        return NULL;
    pthread_mutex_init(&interp->threads_mutex, NULL);
    interp->recursion_limit = MPY_DEFAULT_RECURSION_LIMIT;
    interp->enable_gil = -1;
    interp->main_thread = pthread_self();
    return interp;
}

/* Steps 2 and 3. */
static int init_objects(void)
{
    if (mpy__interp->interned == NULL && (mpy__interp->interned = mpy_dict_new()) == NULL)
        return -1;
    if (mpy__int_init() < 0 || mpy__str_init() < 0 || mpy__tuple_init() < 0)
        return -1;
    if (mpy__type_init() < 0 || mpy__exceptions_init() < 0)
        return -1;
    return 0;
}

/* Step 4. */
static int init_modules(void)
{
    MpyInterp *interp = mpy__interp;
    if ((interp->modules = mpy_dict_new()) == NULL)
        return -1;
    if ((interp->builtins_module = mpy_module_from_def(&mpy__builtins_module_def)) == NULL)
        return -1;
    interp->builtins = MPY_NEWREF(mpy_module_get_dict(interp->builtins_module));
    if (mpy_dict_set_cstr(interp->modules, "builtins", interp->builtins_module) < 0)
        return -1;
    if ((interp->sys_module = mpy_module_from_def(&mpy__sys_module_def)) == NULL)
        return -1;
    interp->sysdict = MPY_NEWREF(mpy_module_get_dict(interp->sys_module));
    if (mpy_dict_set_cstr(interp->modules, "sys", interp->sys_module) < 0)
        return -1;
    return mpy__sys_init_streams();
}

/* A new interpreter after an earlier mpy_finalize: it inherits the table
 * of interned strings, because interned strings are immortal and compared
 * by identity (the static types' dicts and many `static` caches still hold
 * the old ones); the old interpreter is freed unless threads still use it
 * (daemon threads parked forever by gil/gil.c). */
static void adopt_previous(MpyInterp *previous)
{
    if (previous == NULL)
        return;
    mpy__interp->interned = previous->interned;
    previous->interned = NULL;
    if (previous->threads == NULL) {
        pthread_mutex_destroy(&previous->threads_mutex);
        free(previous);
    }
}

int mpy_initialize(void)
{
    if (initialized)
        return 0;
    MpyInterp *previous = mpy__interp;
    mpy__interp = interp_new();
    if (mpy__interp == NULL || mpy__tstate_new(mpy__interp) == NULL) {
        fprintf(stderr, "Fatal Python error: cannot allocate the interpreter state\n");
        return -1;
    }
    adopt_previous(previous);
    mpy__interp->main_tstate = mpy__tstate_get();
    mpy__gc_init();
    mpy__gil_init(mpy__interp);
    mpy__attach(mpy__tstate_get());
    if (init_objects() < 0 || init_modules() < 0) {
        MpyObject *exc = mpy_err_fetch();
        fprintf(stderr, "Fatal Python error: initialization failed\n");
        if (exc != NULL) {
            MpyObject *s = mpy_object_repr(exc);
            if (s != NULL)
                fprintf(stderr, "%s\n", mpy_str_utf8(s));
        }
        return -1;
    }
    initialized = true;
    return 0;
}

/* threading._shutdown(): wait for the non-daemon threads, as CPython's
 * Py_FinalizeEx does, before anything is torn down. */
static void wait_for_threads(void)
{
    MpyObject *threading = mpy_dict_get_cstr(mpy__interp->modules, "threading");
    if (threading == NULL) {
        mpy_err_clear();
        return;
    }
    MpyObject *r = mpy_object_call_method_cstr(threading, "_shutdown", NULL, 0);
    if (r == NULL)
        mpy_err_write_unraisable(threading);
    MPY_XDECREF(r);
    MPY_DECREF(threading);
}

/* atexit._run_exitfuncs(), if the program imported atexit (CPython runs
 * the callbacks right after joining the threads). */
static void run_atexit_callbacks(void)
{
    MpyObject *atexit = mpy_dict_get_cstr(mpy__interp->modules, "atexit");
    if (atexit == NULL) {
        mpy_err_clear();
        return;
    }
    MpyObject *r = mpy_object_call_method_cstr(atexit, "_run_exitfuncs", NULL, 0);
    if (r == NULL)
        mpy_err_write_unraisable(atexit);
    MPY_XDECREF(r);
    MPY_DECREF(atexit);
}

void mpy_finalize(void)
{
    if (!initialized)
        return;
    MpyInterp *interp = mpy__interp;
    wait_for_threads();
    run_atexit_callbacks();
    interp->finalizing = true;
    mpy__sys_flush_streams();
    mpy_err_clear();
    /* Modules are cleared so their globals go away. */
    MPY_CLEAR(interp->main_module);
    if (interp->modules != NULL)
        mpy_dict_clear(interp->modules);
    /* Collect the cycles the modules leave (functions <-> globals, classes,
     * self-referencing objects) now, while sys still works for the __del__
     * methods that run, as CPython's finalize_modules does; otherwise each
     * initialize/finalize cycle keeps them.  Cycles reachable only from
     * sys or builtins are collected by the next interpreter's collector. */
    mpy_gc_collect(2);
    MPY_CLEAR(interp->modules);
    MPY_CLEAR(interp->sysdict);
    MPY_CLEAR(interp->sys_module);
    MPY_CLEAR(interp->builtins);
    MPY_CLEAR(interp->builtins_module);
    MPY_CLEAR(interp->xoptions);
    mpy__traceback_fini();
    /* The main thread's state goes too (its data stack, its last
     * exception): the next mpy_initialize makes a new one. */
    interp->main_tstate = NULL;
    mpy__tstate_delete_current();
    mpy__gil_drop(NULL, true);
    mpy__gil_observe_report();  /* -X gilstats table, -X giltrace file */
    mpy__int_fini();  /* True/False's digits: mpy__int_init sets them again */
    initialized = false;
}
