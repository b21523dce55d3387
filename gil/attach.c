/* gil/attach.c: attaching a thread to the interpreter, detaching it, and
 * stopping the world.
 *
 * Models CPython's _PyThreadState_Attach/_Detach and _PyEval_StopTheWorld
 * (Python/pystate.c).  A thread state is in one of three states:
 *
 *   ATTACHED   it may touch Python objects (in the GIL build or with the
 *              GIL enabled: it holds the GIL)
 *   DETACHED   it is in a blocking call (sleep, I/O, lock wait) or not
 *              running Python at all: it touches no object
 *   SUSPENDED  it was detached and a stop-the-world is in progress: it
 *              must not attach until the world restarts
 *
 * Free-threaded build without the GIL: a thread that wants every other
 * thread out of the way (the cycle collector, fork) stops the world:
 * detached threads are flipped to SUSPENDED at once; attached ones get
 * MPY_BREAKER_STOP_THE_WORLD and park themselves at their next safe point
 * (the eval loop's breaker check: they detach, then try to attach, which
 * waits while they are SUSPENDED).  Detaching also suspends the thread's
 * critical sections (gil/critical.h), so a parked thread holds no object
 * lock.  With the GIL (the GIL build, or PYTHON_GIL=1) holding the GIL is
 * already a stopped world, so stop/start do nothing.
 */
#include "gil/gil.h"

#include <errno.h>
#include <time.h>

#include "gil/critical.h"
#include "gil/gil_observe.h"
#include "gil/qsbr.h"
#include "gil/tstate.h"

#if MPY_FREE_THREADED

typedef struct StopTheWorld {
    pthread_mutex_t mu;           /* guards `requested` and the status flips */
    pthread_cond_t changed;       /* a thread detached: the requester re-scans */
    pthread_cond_t restarted;     /* the world restarted: suspended threads go on */
    _Atomic bool requested;
    MpyThreadState *requester;
} StopTheWorld;

static StopTheWorld stw = {
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER, false, NULL,
};
static MpyMutex stw_lock; /* one stop-the-world at a time */

static bool cas_status(MpyThreadState *ts, int from, int to)
{
    return atomic_compare_exchange_strong_explicit(&ts->status, &from, to,
                                                   memory_order_acq_rel,
                                                   memory_order_relaxed);
}

void mpy__detach(MpyThreadState *ts)
{
    mpy__cs_suspend_all(ts);
    mpy__qsbr_offline(ts);
    atomic_store_explicit(&ts->status, MPY_TSTATE_DETACHED, memory_order_release);
    if (atomic_load_explicit(&stw.requested, memory_order_relaxed)) {
        pthread_mutex_lock(&stw.mu);
        pthread_cond_broadcast(&stw.changed);
        pthread_mutex_unlock(&stw.mu);
    }
    mpy__gil_drop(ts, false);
}

void mpy__attach(MpyThreadState *ts)
{
    mpy__gil_take(ts);
    while (!cas_status(ts, MPY_TSTATE_DETACHED, MPY_TSTATE_ATTACHED)) {
        pthread_mutex_lock(&stw.mu);
        while (atomic_load_explicit(&ts->status, memory_order_acquire) == MPY_TSTATE_SUSPENDED)
            pthread_cond_wait(&stw.restarted, &stw.mu);
        pthread_mutex_unlock(&stw.mu);
    }
    mpy__qsbr_online(ts);
    mpy__cs_resume(ts);
}

/* Flip every detached thread but `me` to SUSPENDED; ask attached ones to
 * park.  Returns how many are still attached.  Under stw.mu. */
static int suspend_others(MpyThreadState *me)
{
    int attached = 0;
    for (MpyThreadState *t = me->interp->threads; t != NULL; t = t->next) {
        if (t == me)
            continue;
        if (cas_status(t, MPY_TSTATE_DETACHED, MPY_TSTATE_SUSPENDED))
            continue;
        if (atomic_load_explicit(&t->status, memory_order_acquire) == MPY_TSTATE_ATTACHED) {
            mpy__breaker_set(t, MPY_BREAKER_STOP_THE_WORLD);
            attached++;
        }
    }
    return attached;
}

void mpy__stop_the_world(MpyThreadState *me)
{
    if (mpy__gil_enabled())
        return;
    mpy_mutex_lock(&stw_lock); /* detaches (and so may be suspended) while waiting */
    pthread_mutex_lock(&me->interp->threads_mutex);
    pthread_mutex_lock(&stw.mu);
    atomic_store_explicit(&stw.requested, true, memory_order_relaxed);
    stw.requester = me;
    while (suspend_others(me) > 0) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_nsec += 1000000; /* re-scan at least every millisecond */
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&stw.changed, &stw.mu, &deadline);
    }
    pthread_mutex_unlock(&stw.mu);
}

void mpy__start_the_world(MpyThreadState *me)
{
    if (mpy__gil_enabled() && !atomic_load(&stw.requested))
        return;
    pthread_mutex_lock(&stw.mu);
    for (MpyThreadState *t = me->interp->threads; t != NULL; t = t->next) {
        if (t != me)
            cas_status(t, MPY_TSTATE_SUSPENDED, MPY_TSTATE_DETACHED);
    }
    atomic_store_explicit(&stw.requested, false, memory_order_relaxed);
    stw.requester = NULL;
    pthread_cond_broadcast(&stw.restarted);
    pthread_mutex_unlock(&stw.mu);
    pthread_mutex_unlock(&me->interp->threads_mutex);
    mpy_mutex_unlock(&stw_lock);
}

void mpy__tstate_mark_exiting(MpyThreadState *ts)
{
    mpy__qsbr_offline(ts);
    atomic_store_explicit(&ts->status, MPY_TSTATE_DETACHED, memory_order_release);
    if (atomic_load_explicit(&stw.requested, memory_order_relaxed)) {
        pthread_mutex_lock(&stw.mu);
        pthread_cond_broadcast(&stw.changed);
        pthread_mutex_unlock(&stw.mu);
    }
}

void mpy__park_for_stop_the_world(MpyThreadState *ts)
{
    mpy__breaker_clear(ts, MPY_BREAKER_STOP_THE_WORLD);
    mpy__detach(ts);
    mpy__attach(ts);
}

void mpy__stw_after_fork(void)
{
    pthread_mutex_init(&stw.mu, NULL);
    pthread_cond_init(&stw.changed, NULL);
    pthread_cond_init(&stw.restarted, NULL);
    atomic_store(&stw.requested, false);
    stw.requester = NULL;
    atomic_store(&stw_lock, 0);
}

#else /* the GIL build: holding the GIL is the stopped world */

void mpy__detach(MpyThreadState *ts)
{
    atomic_store_explicit(&ts->status, MPY_TSTATE_DETACHED, memory_order_relaxed);
    mpy__gil_drop(ts, false);
}

void mpy__attach(MpyThreadState *ts)
{
    mpy__gil_take(ts);
    atomic_store_explicit(&ts->status, MPY_TSTATE_ATTACHED, memory_order_relaxed);
}

void mpy__tstate_mark_exiting(MpyThreadState *ts) { (void)ts; }
void mpy__stop_the_world(MpyThreadState *me) { (void)me; }
void mpy__start_the_world(MpyThreadState *me) { (void)me; }
void mpy__park_for_stop_the_world(MpyThreadState *ts) { mpy__breaker_clear(ts, MPY_BREAKER_STOP_THE_WORLD); }
void mpy__stw_after_fork(void) {}

#endif

MpyThreadState *mpy__save_thread(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    mpy__gil_observe(tstate, MPY_GIL_EV_BLOCK, NULL);
    mpy__detach(tstate);
    return tstate;
}

void mpy__restore_thread(MpyThreadState *tstate)
{
    mpy__gil_observe(tstate, MPY_GIL_EV_UNBLOCK, NULL);
    mpy__attach(tstate);
}
