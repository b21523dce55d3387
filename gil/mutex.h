/* gil/mutex.h: a one-byte lock for objects and small runtime tables.
 *
 * Models CPython's PyMutex (Python/lock.c).  Bit 0 is "locked", bit 1 "a
 * thread is parked waiting".  Locking an unlocked mutex and unlocking one
 * nobody waits for are one compare-and-swap each.  A thread that finds it
 * locked spins briefly (yielding the CPU), then parks on a condition
 * variable in a small global "parking lot" hashed by the mutex's address,
 * after detaching from the interpreter (so it never blocks the GIL or a
 * stop-the-world request while it waits).
 *
 * Used in the free-threaded build only: per-object locks (ob_mutex, see
 * gil/critical.h) and runtime tables.  Compiles in both builds.
 */
#ifndef MINIPY_GIL_MUTEX_H
#define MINIPY_GIL_MUTEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef _Atomic uint8_t MpyMutex;

enum { MPY_MUTEX_LOCKED = 1, MPY_MUTEX_PARKED = 2 };

/* Flags for mpy__mutex_lock_slow. */
enum { MPY_LOCK_DETACH = 1 }; /* detach from the interpreter while parked */

void mpy__mutex_lock_slow(MpyMutex *m, int flags);
void mpy__mutex_unlock_slow(MpyMutex *m);

static inline bool mpy_mutex_trylock(MpyMutex *m)
{
    uint8_t expected = 0;
    return atomic_compare_exchange_strong_explicit(m, &expected, MPY_MUTEX_LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

/* Lock, detaching while waiting.  Only for threads that hold no critical
 * section (gil/critical.h does the suspending for those). */
static inline void mpy_mutex_lock(MpyMutex *m)
{
    if (!mpy_mutex_trylock(m))
        mpy__mutex_lock_slow(m, MPY_LOCK_DETACH);
}

/* Lock without detaching: for threads that are not attached, or locks
 * held for a few instructions that never run Python code. */
static inline void mpy_mutex_lock_nodetach(MpyMutex *m)
{
    if (!mpy_mutex_trylock(m))
        mpy__mutex_lock_slow(m, 0);
}

static inline void mpy_mutex_unlock(MpyMutex *m)
{
    uint8_t expected = MPY_MUTEX_LOCKED;
    if (!atomic_compare_exchange_strong_explicit(m, &expected, 0, memory_order_release,
                                                 memory_order_relaxed))
        mpy__mutex_unlock_slow(m);
}

static inline bool mpy_mutex_is_locked(MpyMutex *m)
{
    return (atomic_load_explicit(m, memory_order_relaxed) & MPY_MUTEX_LOCKED) != 0;
}

#endif
