/* gil/atomic.h: atomic accesses to flags shared between threads.
 *
 * (Reference counts live in gil/refcount.h.)
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

/* Relaxed loads and stores of flags shared between threads (both builds). */
#define MPY_ATOMIC_LOAD_RELAXED(p) atomic_load_explicit((p), memory_order_relaxed)
#define MPY_ATOMIC_STORE_RELAXED(p, v) atomic_store_explicit((p), (v), memory_order_relaxed)
#define MPY_ATOMIC_OR_RELAXED(p, v) atomic_fetch_or_explicit((p), (v), memory_order_relaxed)
#define MPY_ATOMIC_AND_RELAXED(p, v) atomic_fetch_and_explicit((p), (v), memory_order_relaxed)


/* Plain fields that other threads read without the owner's lock (a list's
 * size for len(), a dict's `used`): relaxed atomic accesses in the
 * free-threaded build (so len() never tears and TSan knows), plain ones in
 * the GIL build. */
#if MPY_FREE_THREADED
#define MPY_FT_LOAD_RELAXED(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define MPY_FT_STORE_RELAXED(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
/* Publishing a pointer (or an index into memory just written) to readers
 * that take no lock, and reading it. */
#define MPY_FT_LOAD_ACQUIRE(x) __atomic_load_n(&(x), __ATOMIC_ACQUIRE)
#define MPY_FT_STORE_RELEASE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELEASE)
#else
#define MPY_FT_LOAD_RELAXED(x) (x)
#define MPY_FT_STORE_RELAXED(x, v) ((x) = (v))
#define MPY_FT_LOAD_ACQUIRE(x) (x)
#define MPY_FT_STORE_RELEASE(x, v) ((x) = (v))
#endif

#endif
