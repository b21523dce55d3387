/* gil/mutex.c: the slow paths of MpyMutex: spinning, parking, waking.
 *
 * Models CPython's Python/lock.c and Python/parking_lot.c, simplified: the
 * parking lot is a fixed table of buckets (a pthread mutex and condition
 * variable each) hashed by the mutex address.  A waiter sets PARKED, then
 * re-checks the byte under its bucket's lock before sleeping; an unlocker
 * that sees PARKED clears the byte under the same bucket lock and wakes
 * everyone in the bucket, who race for the lock again.  So no wake-up is
 * lost, and there is no hand-off (fine for the few threads minipy runs).
 */
#include "gil/mutex.h"

#include <pthread.h>
#include <sched.h>

#include "gil/gil.h"
#include "gil/tstate.h"

#define N_BUCKETS 251
#define SPIN_YIELDS 40 /* CPython's free-threaded build spins as often */

typedef struct Bucket {
    pthread_mutex_t mu;
    pthread_cond_t cv;
} Bucket;

static Bucket buckets[N_BUCKETS];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void buckets_init(void)
{
    for (int i = 0; i < N_BUCKETS; i++) {
        pthread_mutex_init(&buckets[i].mu, NULL);
        pthread_cond_init(&buckets[i].cv, NULL);
    }
}

static Bucket *bucket_of(MpyMutex *m)
{
    pthread_once(&buckets_once, buckets_init);
    return &buckets[((uintptr_t)m >> 3) % N_BUCKETS];
}

/* Sleep until *m changes from LOCKED|PARKED. */
static void park(MpyMutex *m)
{
    Bucket *b = bucket_of(m);
    pthread_mutex_lock(&b->mu);
    while (atomic_load_explicit(m, memory_order_relaxed) == (MPY_MUTEX_LOCKED | MPY_MUTEX_PARKED))
        pthread_cond_wait(&b->cv, &b->mu);
    pthread_mutex_unlock(&b->mu);
}

/* Detach only while asleep and take the lock attached: a thread that is
 * stopped for stop-the-world (or fork) must never hold an object mutex it
 * won while detached, or the world (or the child) would wait on it. */
static void park_detached(MpyMutex *m)
{
    MpyThreadState *ts = mpy__save_thread();
    park(m);
    mpy__restore_thread(ts);
}

void mpy__mutex_lock_slow(MpyMutex *m, int flags)
{
    for (int i = 0; i < SPIN_YIELDS; i++) {
        if (mpy_mutex_trylock(m))
            return;
        sched_yield();
    }
    bool detach = (flags & MPY_LOCK_DETACH) && mpy__tstate_get() != NULL &&
                  atomic_load_explicit(&mpy__tstate_get()->status, memory_order_relaxed) ==
                      MPY_TSTATE_ATTACHED;
    for (;;) {
        uint8_t v = atomic_load_explicit(m, memory_order_relaxed);
        if (!(v & MPY_MUTEX_LOCKED)) {
            if (atomic_compare_exchange_weak_explicit(m, &v, v | MPY_MUTEX_LOCKED,
                                                      memory_order_acquire,
                                                      memory_order_relaxed))
                return;
            continue;
        }
        if (!(v & MPY_MUTEX_PARKED) &&
            !atomic_compare_exchange_weak_explicit(m, &v, v | MPY_MUTEX_PARKED,
                                                   memory_order_relaxed, memory_order_relaxed))
            continue;
        if (detach)
            park_detached(m);
        else
            park(m);
    }
}

void mpy__mutex_unlock_slow(MpyMutex *m)
{
    Bucket *b = bucket_of(m);
    pthread_mutex_lock(&b->mu);
    /* Clearing PARKED too: every waiter wakes, and those that lose the
     * race set it again before sleeping. */
    atomic_store_explicit(m, 0, memory_order_release);
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
}
