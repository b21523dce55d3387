/* gil/qsbr.c: quiescent-state-based reclamation (free-threaded build; see
 * gil/qsbr.h for the contract).
 *
 * Models CPython's Python/qsbr.c, simplified:
 *   - a global write sequence, advanced by 2 for every retirement (the
 *     retirement's goal is the new value);
 *   - each attached thread publishes the last write sequence it saw at a
 *     quiescent state (0 while detached: offline);
 *   - a retirement is due when every online thread's published sequence
 *     has reached its goal.
 * Threads report only when asked (MPY_BREAKER_QSBR, set on everyone once a
 * thread has a backlog) and when they detach, so the eval loop pays
 * nothing otherwise.  Finding the minimum walks the thread list.
 */
#include "gil/qsbr.h"

#if MPY_FREE_THREADED

#include <pthread.h>

#include "gil/tstate.h"

#define BACKLOG 128 /* ask the others to report once this many are waiting */

static _Atomic uint64_t write_seq = 1;

/* Retirements of exited threads, carried out by whoever reports next. */
static pthread_mutex_t orphans_mutex = PTHREAD_MUTEX_INITIALIZER;
static MpyRetired *orphans;
static size_t n_orphans, cap_orphans;
static _Atomic size_t orphans_pending;

static bool single_threaded(void)
{
    return atomic_load_explicit(&mpy__interp->nthreads, memory_order_acquire) <= 1;
}

/* The smallest sequence published by an online thread (or the current
 * write sequence when everyone else is offline); 0 when the thread list is
 * busy.  (Never block on threads_mutex while attached: a stop-the-world
 * holds it while it waits for this very thread to park.) */
static uint64_t min_seq(void)
{
    MpyInterp *interp = mpy__interp;
    uint64_t min = atomic_load_explicit(&write_seq, memory_order_acquire);
    if (pthread_mutex_trylock(&interp->threads_mutex) != 0)
        return 0;
    for (MpyThreadState *t = interp->threads; t != NULL; t = t->next) {
        uint64_t s = atomic_load_explicit(&t->qsbr_seq, memory_order_acquire);
        if (s != 0 && s < min)
            min = s;
    }
    pthread_mutex_unlock(&interp->threads_mutex);
    return min;
}

static void ask_everyone_to_report(void)
{
    MpyInterp *interp = mpy__interp;
    if (pthread_mutex_trylock(&interp->threads_mutex) != 0) {
        /* Busy (see min_seq): at least ask ourselves, to try again soon. */
        MpyThreadState *me = mpy__tstate_get();
        if (me != NULL)
            mpy__breaker_set(me, MPY_BREAKER_QSBR);
        return;
    }
    for (MpyThreadState *t = interp->threads; t != NULL; t = t->next)
        mpy__breaker_set(t, MPY_BREAKER_QSBR);
    pthread_mutex_unlock(&interp->threads_mutex);
}

static int push(MpyRetired **items, size_t *n, size_t *cap, MpyRetired r)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        MpyRetired *p = realloc(*items, c * sizeof *p);
        if (p == NULL)
            return -1;
        *items = p;
        *cap = c;
    }
    (*items)[(*n)++] = r;
    return 0;
}

static void carry_out(MpyRetired r)
{
    if (r.is_object)
        MPY_DECREF((MpyObject *)r.ptr);
    else
        free(r.ptr);
}

static void retire(void *ptr, bool is_object)
{
    MpyThreadState *ts = mpy__tstate_get();
    MpyRetired r = {ptr, is_object, 0};
    if (ts == NULL || single_threaded()) {
        carry_out(r);
        return;
    }
    r.goal = atomic_fetch_add_explicit(&write_seq, 2, memory_order_acq_rel) + 2;
    if (push(&ts->retired, &ts->n_retired, &ts->cap_retired, r) < 0) {
        /* Out of memory: leaking is safe, freeing early is not. */
        return;
    }
    if (ts->n_retired % BACKLOG == 0)
        ask_everyone_to_report();
}

void mpy__qsbr_retire_decref(MpyObject *o)
{
    if (o == NULL || mpy_is_small_int(o) || mpy__is_immortal(o))
        return;
    retire(o, true);
}

void mpy__qsbr_retire_free(void *block)
{
    if (block != NULL)
        retire(block, false);
}

/* Carry out the due part of `items`, keeping the rest (in order). */
static void process(MpyRetired **items, size_t *n, uint64_t seq)
{
    if (*n == 0 || (*items)[0].goal > seq)
        return;
    /* Copy the due ones out first: carrying them out runs destructors,
     * which may retire more (and so grow or move the array). */
    size_t due = 0;
    while (due < *n && (*items)[due].goal <= seq)
        due++;
    MpyRetired small[64], *out = due <= 64 ? small : malloc(due * sizeof *out);
    if (out == NULL)
        return;
    for (size_t i = 0; i < due; i++)
        out[i] = (*items)[i];
    for (size_t i = due; i < *n; i++)
        (*items)[i - due] = (*items)[i];
    *n -= due;
    for (size_t i = 0; i < due; i++)
        carry_out(out[i]);
    if (out != small)
        free(out);
}

void mpy__qsbr_quiescent(MpyThreadState *ts)
{
    mpy__breaker_clear(ts, MPY_BREAKER_QSBR);
    atomic_store_explicit(&ts->qsbr_seq, atomic_load_explicit(&write_seq, memory_order_acquire),
                          memory_order_release);
    if (ts->n_retired == 0 && atomic_load_explicit(&orphans_pending, memory_order_relaxed) == 0)
        return;
    uint64_t seq = min_seq();
    process(&ts->retired, &ts->n_retired, seq);
    if (atomic_load_explicit(&orphans_pending, memory_order_relaxed) > 0) {
        pthread_mutex_lock(&orphans_mutex);
        MpyRetired *items = orphans;
        size_t n = n_orphans;
        orphans = NULL;
        n_orphans = cap_orphans = 0;
        atomic_store(&orphans_pending, 0);
        pthread_mutex_unlock(&orphans_mutex);
        /* Ours now; the not-yet-due go on our own list. */
        for (size_t i = 0; i < n; i++) {
            if (items[i].goal <= seq)
                carry_out(items[i]);
            else
                push(&ts->retired, &ts->n_retired, &ts->cap_retired, items[i]);
        }
        free(items);
    }
}

void mpy__qsbr_online(MpyThreadState *ts)
{
    atomic_store_explicit(&ts->qsbr_seq, atomic_load_explicit(&write_seq, memory_order_acquire),
                          memory_order_release);
}

void mpy__qsbr_offline(MpyThreadState *ts)
{
    atomic_store_explicit(&ts->qsbr_seq, 0, memory_order_release);
}

void mpy__qsbr_thread_fini(MpyThreadState *ts)
{
    mpy__qsbr_offline(ts);
    if (single_threaded()) {
        process(&ts->retired, &ts->n_retired, UINT64_MAX);
    } else if (ts->n_retired > 0) {
        pthread_mutex_lock(&orphans_mutex);
        for (size_t i = 0; i < ts->n_retired; i++) {
            if (push(&orphans, &n_orphans, &cap_orphans, ts->retired[i]) < 0)
                break; /* leak: never free early */
        }
        atomic_store(&orphans_pending, n_orphans);
        pthread_mutex_unlock(&orphans_mutex);
        ts->n_retired = 0;
        ask_everyone_to_report();
    }
    free(ts->retired);
    ts->retired = NULL;
    ts->cap_retired = 0;
}

#endif
