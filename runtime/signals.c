/* runtime/signals.c: turning OS signals into Python code: the `_signal`
 * module and the pending-signal check of the eval loop.
 *
 * Models CPython's Modules/signalmodule.c.  The C-level handler does the
 * only async-signal-safe things possible: record the signal number and set
 * an eval-breaker bit on the main thread.  The main thread then runs the
 * Python-level handler at its next check point, or as soon as a blocking
 * call it is in returns with EINTR.  SIGINT's default Python handler raises
 * KeyboardInterrupt.  SIGPIPE is ignored, as in CPython, so a write to a
 * closed pipe raises BrokenPipeError instead of killing the process.
 */
#include "runtime/signals.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "gil/brc.h"
#include "gil/gil.h"
#include "gil/qsbr.h"
#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/eval.h"

#define NSIG_MAX 65

static volatile sig_atomic_t tripped[NSIG_MAX];
static volatile sig_atomic_t any_tripped;
/* Python handlers (owned), or NULL for "no Python-level handler". */
static MpyObject *handlers[NSIG_MAX];
static MpyObject *default_int_handler; /* borrowed from the module */

static void c_handler(int sig)
{
    int saved = errno;
    if (sig > 0 && sig < NSIG_MAX) {
        tripped[sig] = 1;
        any_tripped = 1;
    }
    MpyInterp *interp = mpy__interp;
    if (interp != NULL && interp->main_tstate != NULL)
        mpy__breaker_set(interp->main_tstate, MPY_BREAKER_SIGNALS_PENDING);
    errno = saved;
}

static void install(int sig, void (*fn)(int))
{
    struct sigaction sa = {0};
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: blocking calls return EINTR */
    sigaction(sig, &sa, NULL);
}

void mpy__signals_init(void)
{
    /* A SIGINT ignored by whoever started us (`nohup`, a background job of
     * a non-interactive shell) stays ignored, as in CPython. */
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0 || current.sa_handler != SIG_IGN)
        install(SIGINT, c_handler);
    signal(SIGPIPE, SIG_IGN);
}

/* The frame object to pass to handlers (or None). */
static MpyObject *current_frame_object(void)
{
    MpyFrame *f = mpy_eval_current_frame();
    MpyObject *fo = f ? mpy__frame_object_get(f) : NULL;
    if (fo == NULL) {
        mpy_err_clear();
        fo = MPY_NEWREF(MPY_NONE);
    }
    return fo;
}

int mpy__signals_run(void)
{
    if (!any_tripped)
        return 0;
    any_tripped = 0;
    for (int sig = 1; sig < NSIG_MAX; sig++) {
        if (!tripped[sig])
            continue;
        tripped[sig] = 0;
        MpyObject *h = handlers[sig];
        if (h == NULL) {
            if (sig == SIGINT) {
                mpy_err_set_object(mpy_exc_KeyboardInterrupt, NULL);
                return -1;
            }
            continue;
        }
        MpyObject *frame = current_frame_object();
        MpyObject *args[2] = {mpy_small_int(sig), frame};
        MPY_INCREF(h);
        MpyObject *r = mpy_object_call(h, args, 2, NULL);
        MPY_DECREF(h);
        MPY_DECREF(frame);
        if (r == NULL) {
            any_tripped = 1; /* others stay pending */
            return -1;
        }
        MPY_DECREF(r);
    }
    return 0;
}

int mpy__eval_handle_pending(MpyThreadState *tstate)
{
    uint32_t bits = MPY_ATOMIC_LOAD_RELAXED(&tstate->eval_breaker);
    if ((bits & MPY_BREAKER_SIGNALS_PENDING) && tstate == tstate->interp->main_tstate) {
        mpy__breaker_clear(tstate, MPY_BREAKER_SIGNALS_PENDING);
        if (mpy__signals_run() < 0)
            return -1;
    }
    if (bits & MPY_BREAKER_GIL_DROP_REQUEST)
        mpy__gil_yield(tstate);
    if (bits & MPY_BREAKER_STOP_THE_WORLD)
        mpy__park_for_stop_the_world(tstate);
    if (bits & MPY_BREAKER_QSBR)
        mpy__qsbr_quiescent(tstate);
    if (bits & MPY_BREAKER_BRC_MERGE)
        mpy__brc_merge_pending(tstate);
    if (bits & MPY_BREAKER_GC_SCHEDULED) {
        mpy__breaker_clear(tstate, MPY_BREAKER_GC_SCHEDULED);
        mpy__gc_collect_scheduled();
    }
    if (bits & MPY_BREAKER_ASYNC_EXC) {
        mpy__breaker_clear(tstate, MPY_BREAKER_ASYNC_EXC);
        MpyObject *exc = tstate->async_exc;
        tstate->async_exc = NULL;
        if (exc != NULL) {
            mpy_err_raise(exc);
            MPY_DECREF(exc);
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The _signal module                                                   */

static int signum_arg(MpyObject *o, int *sig)
{
    long long v = mpy_int_as_long(o);
    if (v == -1 && mpy_err_occurred())
        return -1;
    if (v < 1 || v >= NSIG_MAX) {
        mpy_err_set(mpy_exc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static MpyObject *sig_dfl, *sig_ign; /* the SIG_DFL / SIG_IGN ints */

static MpyObject *signal_signal(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_check_positional("signal", nargs, 2, 2) < 0)
        return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0)
        return NULL;
    MpyThreadState *ts = mpy__tstate_get();
    if (ts != ts->interp->main_tstate)
        return mpy_err_format(mpy_exc_ValueError, "signal only works in main thread of the main interpreter");
    if (sig == SIGKILL || sig == SIGSTOP) {
        errno = EINVAL;
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    MpyObject *handler = args[1];
    MpyObject *old = handlers[sig];
    struct sigaction before = {0};
    sigaction(sig, NULL, &before); /* what to return when no Python handler was set */
    bool was_ign = before.sa_handler == SIG_IGN;
    bool was_int = before.sa_handler == c_handler;
    bool is_dfl = mpy_int_check(handler) && mpy_int_as_long(handler) == (long long)(intptr_t)SIG_DFL;
    bool is_ign = mpy_int_check(handler) && mpy_int_as_long(handler) == (long long)(intptr_t)SIG_IGN;
    if (!is_dfl && !is_ign && !mpy_callable_check(handler))
        return mpy_err_format(mpy_exc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (is_dfl) {
        install(sig, SIG_DFL);
        handlers[sig] = NULL;
    } else if (is_ign) {
        install(sig, SIG_IGN);
        handlers[sig] = NULL;
    } else {
        install(sig, c_handler);
        handlers[sig] = handler == default_int_handler ? NULL : MPY_NEWREF(handler);
    }
    /* Remember which integer stands for what was there before. */
    MpyObject *result;
    if (old != NULL)
        result = old; /* moves the reference */
    else if (was_ign)
        result = MPY_NEWREF(sig_ign);
    else if (sig == SIGINT && was_int)
        result = MPY_NEWREF(default_int_handler);
    else
        result = MPY_NEWREF(sig_dfl);
    if (is_dfl)
        handlers[sig] = NULL;
    return result;
}

static MpyObject *signal_getsignal(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    int sig;
    if (signum_arg(args[0], &sig) < 0)
        return NULL;
    if (handlers[sig] != NULL)
        return MPY_NEWREF(handlers[sig]);
    struct sigaction sa;
    sigaction(sig, NULL, &sa);
    if (sa.sa_handler == SIG_IGN)
        return MPY_NEWREF(sig_ign);
    if (sa.sa_handler == c_handler && sig == SIGINT)
        return MPY_NEWREF(default_int_handler);
    return MPY_NEWREF(sig_dfl);
}

static MpyObject *signal_default_int_handler(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    mpy_err_set_object(mpy_exc_KeyboardInterrupt, NULL);
    return NULL;
}

static MpyObject *signal_alarm(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    long long secs = mpy_int_as_long(args[0]);
    if (secs == -1 && mpy_err_occurred())
        return NULL;
    return mpy_int_from_long(alarm((unsigned)secs));
}

static MpyObject *signal_pause(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MPY_BEGIN_ALLOW_THREADS
    pause();
    MPY_END_ALLOW_THREADS
    if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *signal_raise_signal(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    int sig;
    if (signum_arg(args[0], &sig) < 0)
        return NULL;
    if (raise(sig) != 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *signal_strsignal(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    int sig;
    if (signum_arg(args[0], &sig) < 0)
        return NULL;
    const char *s = strsignal(sig);
    return s ? mpy_str_from_cstr(s) : MPY_RETURN_NONE;
}

static const MpyMethodDef signal_methods[] = {
    {"signal", signal_signal, MPY_METH_FASTCALL, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, MPY_METH_O, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int_handler, MPY_METH_FASTCALL,
     "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"alarm", signal_alarm, MPY_METH_O, NULL},
    {"pause", signal_pause, MPY_METH_NOARGS, NULL},
    {"raise_signal", signal_raise_signal, MPY_METH_O, NULL},
    {"strsignal", signal_strsignal, MPY_METH_O, NULL},
    {NULL},
};

static int signal_exec(MpyObject *m)
{
    static const struct { const char *name; int value; } sigs[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
        {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2},
        {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},
        {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
        {"SIGTTOU", SIGTTOU}, {"SIGWINCH", SIGWINCH}, {"NSIG", NSIG_MAX},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        if (mpy_module_add_int(m, sigs[i].name, sigs[i].value) < 0)
            return -1;
    }
    if (mpy_module_add_int(m, "SIG_DFL", (long long)(intptr_t)SIG_DFL) < 0 ||
        mpy_module_add_int(m, "SIG_IGN", (long long)(intptr_t)SIG_IGN) < 0)
        return -1;
    MpyObject *dict = mpy_module_get_dict(m);
    sig_dfl = mpy_dict_get_cstr(dict, "SIG_DFL");
    sig_ign = mpy_dict_get_cstr(dict, "SIG_IGN");
    default_int_handler = mpy_dict_get_cstr(dict, "default_int_handler");
    if (default_int_handler != NULL) {
        mpy_object_immortalize(default_int_handler); /* kept for the process */
        MPY_DECREF(default_int_handler);
    }
    return 0;
}

const MpyModuleDef mpy__signal_module_def = {
    "_signal", "This module provides mechanisms to use signal handlers in Python.", signal_methods,
    signal_exec, 1,
};
