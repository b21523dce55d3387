/* runtime/signals.c: turning OS signals into Python exceptions.
 *
 * Models the core of CPython's Modules/signalmodule.c.  The C-level
 * handler does the only async-signal-safe things possible: set a flag and
 * an eval-breaker bit on the main thread.  The eval loop (or a blocking
 * call interrupted with EINTR) then calls mpy__signals_run, which raises
 * KeyboardInterrupt for SIGINT.  SIGPIPE is ignored, as in CPython, so a
 * write to a closed pipe raises BrokenPipeError instead of killing us.
 */
#include "runtime/signals.h"

#include <signal.h>
#include <stdatomic.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/error.h"
#include "vm/eval.h"

static volatile sig_atomic_t sigint_pending;

static void on_sigint(int sig)
{
    (void)sig;
    sigint_pending = 1;
    MpyInterp *interp = mpy__interp;
    if (interp != NULL && interp->main_tstate != NULL)
        mpy__breaker_set(interp->main_tstate, MPY_BREAKER_SIGNALS_PENDING);
}

void mpy__signals_init(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: blocking calls return EINTR */
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int mpy__signals_run(void)
{
    if (!sigint_pending)
        return 0;
    sigint_pending = 0;
    mpy_err_set_object(mpy_exc_KeyboardInterrupt, NULL);
    return -1;
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
