/* gil/atomic.h: the only place where reference-count arithmetic and shared
 * flag accesses differ between the GIL build and the free-threaded build.
 *
 * GIL build: only the thread holding the GIL touches objects, so a reference
 * count is a plain integer and ++/-- are ordinary instructions.
 *
 * Free-threaded build: any thread may touch any object, so the count must be
 * updated atomically.  Immortal objects (None, True, small ints, interned
 * names, static types) are never counted at all in this build, so the
 * objects every thread loads all the time never bounce between cores.
 *
 * The `MPY_ATOMIC_*` helpers are for flags read without a lock (the eval
 * breaker, the GIL's `locked` word).  They are C11 relaxed atomics in both
 * builds: on x86 and ARM a relaxed load is a plain load, and it keeps the GIL
 * build free of formal data races too.
 */
#ifndef MINIPY_GIL_ATOMIC_H
#define MINIPY_GIL_ATOMIC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "include/minipy/config.h"

/* Objects whose count starts here are immortal: in the GIL build the count
 * moves but can never come near zero; in the free-threaded build it is never
 * touched (the check below skips it). */
#define MPY_IMMORTAL_REFCNT ((intptr_t)1 << 60)

#if MPY_FREE_THREADED

typedef _Atomic intptr_t MpyRefcnt;

static inline bool mpy__refcnt_is_immortal(MpyRefcnt *rc)
{
    return atomic_load_explicit(rc, memory_order_relaxed) >= MPY_IMMORTAL_REFCNT;
}

static inline void mpy__refcnt_inc(MpyRefcnt *rc)
{
    if (!mpy__refcnt_is_immortal(rc))
        atomic_fetch_add_explicit(rc, 1, memory_order_relaxed);
}

/* Returns true when this decrement released the last reference. */
static inline bool mpy__refcnt_dec_is_zero(MpyRefcnt *rc)
{
    if (mpy__refcnt_is_immortal(rc))
        return false;
    return atomic_fetch_sub_explicit(rc, 1, memory_order_acq_rel) == 1;
}

static inline intptr_t mpy__refcnt_get(MpyRefcnt *rc)
{
    return atomic_load_explicit(rc, memory_order_relaxed);
}

static inline void mpy__refcnt_set(MpyRefcnt *rc, intptr_t v)
{
    atomic_store_explicit(rc, v, memory_order_relaxed);
}

#else /* the GIL build */

typedef intptr_t MpyRefcnt;

static inline void mpy__refcnt_inc(MpyRefcnt *rc) { ++*rc; }
static inline bool mpy__refcnt_dec_is_zero(MpyRefcnt *rc) { return --*rc == 0; }
static inline intptr_t mpy__refcnt_get(MpyRefcnt *rc) { return *rc; }
static inline void mpy__refcnt_set(MpyRefcnt *rc, intptr_t v) { *rc = v; }

#endif

/* Relaxed loads and stores of flags shared between threads (both builds). */
#define MPY_ATOMIC_LOAD_RELAXED(p) atomic_load_explicit((p), memory_order_relaxed)
#define MPY_ATOMIC_STORE_RELAXED(p, v) atomic_store_explicit((p), (v), memory_order_relaxed)
#define MPY_ATOMIC_OR_RELAXED(p, v) atomic_fetch_or_explicit((p), (v), memory_order_relaxed)
#define MPY_ATOMIC_AND_RELAXED(p, v) atomic_fetch_and_explicit((p), (v), memory_order_relaxed)

#endif
