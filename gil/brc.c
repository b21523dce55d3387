/* gil/brc.c: the slow paths of biased reference counting (free-threaded
 * build only; see gil/refcount.h for the scheme).
 *
 * Models CPython's Python/brc.c and the merge and shared-decref parts
 * of Objects/object.c.  Owns:
 *   - thread ids (a counter: never reused) and the registry mapping a live
 *     thread's id to its state, so another thread can find an owner;
 *   - each thread's merge queue: objects other threads dropped while only
 *     the owner's part of their count kept them alive;
 *   - merging the two halves of a count and deciding when an object dies.
 *
 * The registry and the queues are guarded by one mutex: queuing is rare
 * (once per object at most, the first time its shared part would go below
 * zero) so it is never contended in practice.
 */
#include "gil/brc.h"

#if MPY_FREE_THREADED

#include <pthread.h>
#include <stdlib.h>

#include "gil/tstate.h"

_Thread_local uintptr_t mpy__tid MPY_TLS_FAST;

static _Atomic uintptr_t next_tid = 1;
static pthread_mutex_t brc_mutex = PTHREAD_MUTEX_INITIALIZER;

typedef struct Owner {
    uintptr_t tid;
    MpyThreadState *tstate;
} Owner;

static Owner *owners; /* live threads, under brc_mutex */
static size_t n_owners, cap_owners;

static intptr_t shared_count(intptr_t shared)
{
    return shared >> MPY_REF_SHARED_SHIFT; /* arithmetic: may be negative */
}

static intptr_t make_shared(intptr_t count, int state)
{
    return (intptr_t)((uintptr_t)count << MPY_REF_SHARED_SHIFT) | state;
}

/* Fold the owner's part into the shared part, plus `extra`, leave the
 * object ownerless (MERGED).  Only the owner, or anyone once the owner is
 * gone, may call it.  Returns the merged count.
 * The owner's part is cleared *before* the MERGED state is published: the
 * moment it is, another thread may drop the last reference and free the
 * object (TSan caught the old order writing ob_ref_local/ob_tid into a
 * freed object).  Meanwhile other threads' decrefs go to the shared part,
 * which the CAS loop re-reads. */
static intptr_t explicit_merge(MpyObject *o, intptr_t extra)
{
    intptr_t local = (intptr_t)atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_local, 0, memory_order_relaxed);
    atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t count;
    do {
        count = local + shared_count(shared) + extra;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared,
                                                    make_shared(count, MPY_REF_MERGED),
                                                    memory_order_acq_rel,
                                                    memory_order_relaxed));
    return count;
}

void mpy__brc_merge_zero_local(MpyObject *o)
{
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    if (shared == 0) {
        mpy__dealloc(o); /* nobody else ever counted it: the common case */
        return;
    }
    atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
    intptr_t merged;
    do {
        merged = (shared & ~(intptr_t)MPY_REF_SHARED_FLAGS) | MPY_REF_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel,
                                                    memory_order_relaxed));
    if (merged == MPY_REF_MERGED)
        mpy__dealloc(o);
}

/* Hand `o` (with the reference its dropper did not subtract) to its owner,
 * or merge it here if the owner has exited. */
static void queue_to_owner(MpyObject *o)
{
    uintptr_t tid = atomic_load_explicit(&o->ob_tid, memory_order_relaxed);
    pthread_mutex_lock(&brc_mutex);
    for (size_t i = 0; i < n_owners; i++) {
        if (owners[i].tid != tid)
            continue;
        MpyThreadState *ts = owners[i].tstate;
        if (ts->brc_queue_len == ts->brc_queue_cap) {
            size_t cap = ts->brc_queue_cap ? ts->brc_queue_cap * 2 : 64;
            MpyObject **q = realloc(ts->brc_queue, cap * sizeof *q);
            if (q == NULL)
                break; /* merge here instead: correct, only slower */
            ts->brc_queue = q;
            ts->brc_queue_cap = cap;
        }
        ts->brc_queue[ts->brc_queue_len] = o;
        /* (read without the lock by mpy__brc_merge_pending) */
        MPY_FT_STORE_RELAXED(ts->brc_queue_len, ts->brc_queue_len + 1);
        mpy__breaker_set(ts, MPY_BREAKER_BRC_MERGE);
        pthread_mutex_unlock(&brc_mutex);
        return;
    }
    pthread_mutex_unlock(&brc_mutex);
    if (explicit_merge(o, -1) == 0)
        mpy__dealloc(o);
}

void mpy__brc_decref_shared(MpyObject *o)
{
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t updated;
    bool queue;
    do {
        queue = shared == 0 || shared == MPY_REF_MAYBE_WEAKREF;
        updated = queue ? MPY_REF_QUEUED : shared - ((intptr_t)1 << MPY_REF_SHARED_SHIFT);
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, updated,
                                                    memory_order_acq_rel,
                                                    memory_order_relaxed));
    if (queue)
        queue_to_owner(o);
    else if (updated == MPY_REF_MERGED)
        mpy__dealloc(o);
}

bool mpy__brc_resurrect_end_slow(MpyObject *o)
{
    if (mpy__is_immortal(o))
        return true;
    if (mpy__is_owned_by_me(o))
        return explicit_merge(o, -1) != 0;
    intptr_t old = atomic_fetch_sub_explicit(&o->ob_ref_shared,
                                             (intptr_t)1 << MPY_REF_SHARED_SHIFT,
                                             memory_order_acq_rel);
    return old - ((intptr_t)1 << MPY_REF_SHARED_SHIFT) != MPY_REF_MERGED;
}

/* ------------------------------------------------------------------ */
/* Threads                                                              */

void mpy__brc_thread_init(MpyThreadState *ts)
{
    if (mpy__tid == 0)
        mpy__tid = atomic_fetch_add_explicit(&next_tid, 1, memory_order_relaxed);
    ts->brc_tid = mpy__tid;
    pthread_mutex_lock(&brc_mutex);
    if (n_owners == cap_owners) {
        size_t cap = cap_owners ? cap_owners * 2 : 16;
        Owner *p = realloc(owners, cap * sizeof *p);
        if (p == NULL) {
            /* Unregistered: objects it owns get merged by whoever drops
             * them last (queue_to_owner finds no owner).  Correct. */
            pthread_mutex_unlock(&brc_mutex);
            return;
        }
        owners = p;
        cap_owners = cap;
    }
    owners[n_owners++] = (Owner){mpy__tid, ts};
    pthread_mutex_unlock(&brc_mutex);
}

/* Take the queue out under the lock; merge outside it (a merge may free an
 * object, whose destructor may queue more). */
static void drain(MpyThreadState *ts)
{
    pthread_mutex_lock(&brc_mutex);
    MpyObject **q = ts->brc_queue;
    size_t n = ts->brc_queue_len;
    ts->brc_queue = NULL;
    MPY_FT_STORE_RELAXED(ts->brc_queue_len, 0);
    ts->brc_queue_cap = 0;
    pthread_mutex_unlock(&brc_mutex);
    for (size_t i = 0; i < n; i++) {
        if (explicit_merge(q[i], -1) == 0)
            mpy__dealloc(q[i]);
    }
    free(q);
}

void mpy__brc_merge_pending(MpyThreadState *ts)
{
    mpy__breaker_clear(ts, MPY_BREAKER_BRC_MERGE);
    while (MPY_FT_LOAD_RELAXED(ts->brc_queue_len) > 0)
        drain(ts);
}

void mpy__brc_thread_fini(MpyThreadState *ts)
{
    pthread_mutex_lock(&brc_mutex);
    for (size_t i = 0; i < n_owners; i++) {
        if (owners[i].tstate == ts) {
            owners[i] = owners[--n_owners];
            break;
        }
    }
    pthread_mutex_unlock(&brc_mutex);
    /* No one can queue to us any more; what was queued is merged now.
     * Objects we still own are merged by whoever drops them last. */
    while (MPY_FT_LOAD_RELAXED(ts->brc_queue_len) > 0)
        drain(ts);
}

void mpy__brc_after_fork(MpyThreadState *ts)
{
    pthread_mutex_init(&brc_mutex, NULL);
    n_owners = 0;
    if (cap_owners > 0)
        owners[n_owners++] = (Owner){ts->brc_tid, ts};
}

#endif
