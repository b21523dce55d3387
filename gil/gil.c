/* gil/gil.c: the global interpreter lock.
 *
 * Design notes (after CPython's Python/ceval_gil.c, which minipy follows in
 * behaviour):
 *
 * What it protects: every Python object and all interpreter state.  A
 * thread runs Python code only while it holds the GIL.
 *
 * The lock is a mutex + condition variable guarding the flag `locked`
 * (CPython's "new GIL", 3.2).  A thread that wants the GIL and finds it
 * held waits on `cond` for at most the switch interval (5 ms by default).
 * If the interval passes and no switch happened meanwhile, it sets the
 * GIL_DROP_REQUEST bit in the *holder's* eval breaker and waits again.
 * The holder notices the bit at its next check point (a backward jump,
 * a function entry, the return from a C call) and drops the GIL.
 *
 * Fairness (FORCE_SWITCHING): a thread that drops the GIL because it was
 * asked to then waits on `switch_cond` until some other thread has actually
 * taken it.  Without this, on a multi-core machine the dropper (still
 * running on its core) would usually retake the lock before the woken
 * waiter is even scheduled - the "GIL battle" of Python 2.  MicroPython's
 * simpler "release every N jumps" has exactly that problem; we chose
 * CPython's scheme so a learner sees the same 5 ms slices CPython gives.
 *
 * Voluntary drops (around blocking calls: MPY_BEGIN_ALLOW_THREADS) do not
 * wait for a hand-off.  A thread that exits drops with `final` set.
 *
 * Lock order: `mutex` before `switch_mutex`.  Neither is held while
 * running Python code.
 *
 * State: one interpreter per process, so one GIL: a file-level variable.
 */
#include "gil/gil.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "gil/gil_observe.h"

static MpyGil gil;

void mpy__gil_init(MpyInterp *interp)
{
    MPY_UNUSED(interp);
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&gil.switch_mutex, NULL);
    pthread_cond_init(&gil.switch_cond, NULL);
    atomic_store(&gil.locked, 0);
    atomic_store(&gil.holder, NULL);
    gil.switch_number = 0;
    if (atomic_load(&gil.interval_us) == 0)
        atomic_store(&gil.interval_us, MPY_DEFAULT_SWITCH_INTERVAL_US);
    atomic_store(&gil.enabled, 1);
}

void mpy__gil_reinit_after_fork(MpyThreadState *tstate)
{
    int enabled = atomic_load(&gil.enabled);
    long interval = atomic_load(&gil.interval_us);
    mpy__gil_init(tstate->interp);
    atomic_store(&gil.enabled, enabled);
    atomic_store(&gil.interval_us, interval);
    if (enabled) {
        atomic_store(&gil.locked, 1);
        atomic_store(&gil.holder, tstate);
    }
    /* A drop request made by a thread that no longer exists would make
     * this thread wait forever for someone to take the GIL. */
    mpy__breaker_clear(tstate, MPY_BREAKER_GIL_DROP_REQUEST);
}

bool mpy__gil_enabled(void)
{
    return atomic_load_explicit(&gil.enabled, memory_order_relaxed) != 0;
}

bool mpy__gil_held(MpyThreadState *tstate)
{
    return atomic_load(&gil.locked) && atomic_load(&gil.holder) == tstate;
}

/* Wait on `cond` for at most the switch interval.  Returns true on timeout. */
static bool timed_wait(void)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long us = atomic_load_explicit(&gil.interval_us, memory_order_relaxed);
    if (us < 1)
        us = 1;
    deadline.tv_nsec += (us % 1000000) * 1000;
    deadline.tv_sec += us / 1000000 + deadline.tv_nsec / 1000000000;
    deadline.tv_nsec %= 1000000000;
    return pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline) == ETIMEDOUT;
}

/* A thread other than the main one that wants the GIL after finalization
 * began (a daemon thread waking up) must never run Python code again: it
 * is parked here until the process exits (CPython 3.14 does the same). */
static void park_if_finalizing(MpyThreadState *tstate)
{
    MpyInterp *interp = tstate->interp;
    if (interp->finalizing && tstate != interp->main_tstate) {
        for (;;)
            pause();
    }
}

void mpy__gil_take(MpyThreadState *tstate)
{
    if (!mpy__gil_enabled())
        return;
    park_if_finalizing(tstate);
    int saved_errno = errno;
    mpy__gil_observe(tstate, MPY_GIL_EV_WAIT, NULL);
    pthread_mutex_lock(&gil.mutex);
    while (atomic_load(&gil.locked)) {
        uint64_t switches = gil.switch_number;
        if (timed_wait() && atomic_load(&gil.locked) && gil.switch_number == switches) {
            /* The holder ran for a whole interval: ask it to let go. */
            MpyThreadState *holder = atomic_load(&gil.holder);
            if (holder != NULL) {
                mpy__breaker_set(holder, MPY_BREAKER_GIL_DROP_REQUEST);
                mpy__gil_observe(tstate, MPY_GIL_EV_REQUEST, holder);
            }
        }
    }
    pthread_mutex_lock(&gil.switch_mutex);
    atomic_store(&gil.locked, 1);
    if (atomic_load(&gil.holder) != tstate) {
        atomic_store(&gil.holder, tstate);
        gil.switch_number++;
    }
    pthread_cond_signal(&gil.switch_cond);
    pthread_mutex_unlock(&gil.switch_mutex);
    mpy__breaker_clear(tstate, MPY_BREAKER_GIL_DROP_REQUEST);
    mpy__gil_observe(tstate, MPY_GIL_EV_TAKE, NULL);  /* stamped while nobody else can */
    pthread_mutex_unlock(&gil.mutex);
    if (tstate->interp->finalizing && tstate != tstate->interp->main_tstate) {
        mpy__gil_drop(tstate, true);
        park_if_finalizing(tstate);
    }
    errno = saved_errno;
}

void mpy__gil_drop(MpyThreadState *tstate, bool final)
{
    if (!mpy__gil_enabled())
        return;
    if (!final && tstate != NULL)  /* an exiting thread's state is already gone */
        mpy__gil_observe(tstate, MPY_GIL_EV_DROP, NULL);  /* stamped while we still hold it */
    pthread_mutex_lock(&gil.mutex);
    atomic_store(&gil.locked, 0);
    if (!final)
        atomic_store(&gil.holder, tstate);
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);
    if (final || tstate == NULL)
        return;
    if (MPY_ATOMIC_LOAD_RELAXED(&tstate->eval_breaker) & MPY_BREAKER_GIL_DROP_REQUEST) {
        /* Forced switch: wait until another thread has the GIL. */
        pthread_mutex_lock(&gil.switch_mutex);
        if (atomic_load(&gil.holder) == tstate) {
            mpy__breaker_clear(tstate, MPY_BREAKER_GIL_DROP_REQUEST);
            pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex);
        }
        pthread_mutex_unlock(&gil.switch_mutex);
        mpy__gil_observe(tstate, MPY_GIL_EV_FORCED_SWITCH, NULL);
    }
}

void mpy__gil_yield(MpyThreadState *tstate)
{
    mpy__gil_observe(tstate, MPY_GIL_EV_YIELD, NULL);
    mpy__gil_drop(tstate, false);
    mpy__gil_take(tstate);
}

void mpy__gil_set_interval(double seconds)
{
    long us = (long)(seconds * 1e6);
    atomic_store(&gil.interval_us, us < 1 ? 1 : us);
}

double mpy__gil_get_interval(void)
{
    return (double)atomic_load(&gil.interval_us) / 1e6;
}

/* mpy__save_thread / mpy__restore_thread: gil/attach.c. */

void mpy__gil_configure(MpyThreadState *tstate, int enable_gil)
{
#if MPY_FREE_THREADED
    /* PYTHON_GIL / -X gil: unset (-1) and 0 run without the GIL.  Called
     * once at startup by the only thread, which holds the GIL: drop it and
     * switch it off. */
    if (enable_gil == 1 || !mpy__gil_enabled())
        return;
    mpy__gil_drop(tstate, true);
    atomic_store(&gil.enabled, 0);
#else
    MPY_UNUSED(tstate);
    MPY_UNUSED(enable_gil); /* 0 was refused by main.c: the GIL stays on */
#endif
}

void mpy__gil_enable_permanently(void)
{
#if MPY_FREE_THREADED
    if (mpy__gil_enabled())
        return;
    MpyThreadState *me = mpy__tstate_get();
    mpy__stop_the_world(me);
    /* Everyone else is parked detached: they take the GIL when they
     * attach again.  We take it now, uncontended. */
    atomic_store(&gil.enabled, 1);
    mpy__gil_take(me);
    mpy__start_the_world(me);
#endif
}
