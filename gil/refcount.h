/* gil/refcount.h: the reference count of an object, in both builds.
 *
 * Included by runtime/object.h right after `struct MpyObject`; nothing
 * else touches the count fields directly.
 *
 * GIL build: `ob_refcnt` is a plain integer: only the thread holding the
 * GIL touches objects.  Immortal objects (None, True, static types,
 * interned names) start at MPY_IMMORTAL_REFCNT, so they never reach zero.
 *
 * Free-threaded build: biased reference counting (Choi et al., PACT 2018;
 * CPython's PEP 703).  Most objects are only ever touched by the thread
 * that made them, so the count is split in two:
 *
 *   ob_tid         the owning thread's id (mpy__thread_id(); 0 = none)
 *   ob_ref_local   the owner's part: plain loads and stores, no atomics
 *   ob_ref_shared  everyone else's part, updated atomically, shifted left
 *                  by 2; the low 2 bits are a state (below).  It may go
 *                  negative: a reference made by the owner and dropped by
 *                  another thread.
 *
 * The true count is local + (shared >> 2).  When the owner's part reaches
 * zero the two are merged (ob_tid = 0, state MERGED: from then on only the
 * shared part counts) and the object dies if the sum is zero.  When another
 * thread would take the shared part below zero for the first time, it
 * instead queues the object to its owner (state QUEUED; the queue holds the
 * reference it did not drop) and sets MPY_BREAKER_BRC_MERGE on the owner,
 * which merges at its next safe point (gil/brc.c).  Immortal objects have
 * ob_ref_local == UINT32_MAX and are never counted at all, so the objects
 * every thread loads all the time (None, small ints, types, interned
 * names, and in multi-threaded programs module-level functions, code,
 * classes and modules) never bounce between cores.
 *
 * Thread ids are never reused (a counter, kept in an initial-exec TLS
 * variable: one `mov %fs:...` even in the shared library), so an object
 * whose owner exited simply has no owner any more: whoever finds that out
 * merges it.
 */
#ifndef MINIPY_GIL_REFCOUNT_H
#define MINIPY_GIL_REFCOUNT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

void mpy__dealloc(MpyObject *o); /* runtime/object.c: calls the type's dealloc */

#if MPY_FREE_THREADED

#define MPY_REF_LOCAL_IMMORTAL UINT32_MAX
#define MPY_REF_SHARED_SHIFT 2
enum {
    MPY_REF_SHARED_INIT = 0,
    MPY_REF_MAYBE_WEAKREF = 1, /* unused for now: no weakrefs in C */
    MPY_REF_QUEUED = 2,        /* on its owner's merge queue */
    MPY_REF_MERGED = 3,        /* ownerless: only the shared part counts */
};
#define MPY_REF_SHARED_FLAGS 3

/* initial-exec: a TLS access is one instruction, also in libminipy.so. */
#define MPY_TLS_FAST __attribute__((tls_model("initial-exec")))
/* The calling thread's id: set by mpy__brc_thread_init, never 0 for a
 * thread that runs Python, never reused. */
extern _Thread_local uintptr_t mpy__tid MPY_TLS_FAST;

static inline uintptr_t mpy__thread_id(void) { return mpy__tid; }

/* Slow paths (gil/brc.c). */
void mpy__brc_merge_zero_local(MpyObject *o);
void mpy__brc_decref_shared(MpyObject *o);
bool mpy__brc_resurrect_end_slow(MpyObject *o);

static inline bool mpy__is_immortal(const MpyObject *o)
{
    return atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed) ==
           MPY_REF_LOCAL_IMMORTAL;
}

static inline bool mpy__is_owned_by_me(const MpyObject *o)
{
    return atomic_load_explicit(&o->ob_tid, memory_order_relaxed) == mpy__thread_id();
}

static inline void mpy__incref(MpyObject *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    uint32_t new_local = local + 1;
    if (new_local == 0)
        return; /* immortal */
    if (MPY_LIKELY(mpy__is_owned_by_me(o)))
        atomic_store_explicit(&o->ob_ref_local, new_local, memory_order_relaxed);
    else
        atomic_fetch_add_explicit(&o->ob_ref_shared, (intptr_t)1 << MPY_REF_SHARED_SHIFT,
                                  memory_order_relaxed);
}

static inline void mpy__decref(MpyObject *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == MPY_REF_LOCAL_IMMORTAL)
        return;
    if (MPY_LIKELY(mpy__is_owned_by_me(o))) {
        local--;
        atomic_store_explicit(&o->ob_ref_local, local, memory_order_relaxed);
        if (local == 0)
            mpy__brc_merge_zero_local(o);
    } else {
        mpy__brc_decref_shared(o);
    }
}

/* A new object: one reference, owned by the calling thread. */
static inline void mpy__refcnt_init(MpyObject *o)
{
    atomic_store_explicit(&o->ob_tid, mpy__thread_id(), memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_local, 1, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

static inline intptr_t mpy__refcnt_total(const MpyObject *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == MPY_REF_LOCAL_IMMORTAL)
        return INTPTR_MAX;
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    return (intptr_t)local + (shared >> MPY_REF_SHARED_SHIFT);
}

/* Never counted again, never freed.  Only for objects no other thread can
 * be counting right now (new ones, or with the world stopped). */
static inline void mpy__refcnt_make_immortal(MpyObject *o)
{
    atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_local, MPY_REF_LOCAL_IMMORTAL, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

/* A dying object about to run its finalizer (__del__, a generator's
 * close): give it one reference again.  The object is unreachable, so the
 * calling thread may take it over. */
static inline void mpy__resurrect_start(MpyObject *o)
{
    mpy__refcnt_init(o);
}

/* Drop the reference of mpy__resurrect_start.  Returns true if the
 * finalizer stored the object somewhere (it must not be freed). */
static inline bool mpy__resurrect_end(MpyObject *o)
{
    if (mpy__is_owned_by_me(o) &&
        atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed) == 1 &&
        atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire) == 0) {
        atomic_store_explicit(&o->ob_ref_local, 0, memory_order_relaxed);
        return false;
    }
    return mpy__brc_resurrect_end_slow(o);
}

#define MPY_REFCNT_STATIC_INIT .ob_tid = 0, .ob_ref_local = MPY_REF_LOCAL_IMMORTAL, \
                               .ob_ref_shared = 0

#else /* the GIL build */

/* Objects whose count starts here are immortal: the count moves but can
 * never come near zero. */
#define MPY_IMMORTAL_REFCNT ((intptr_t)1 << 60)

static inline bool mpy__is_immortal(const MpyObject *o)
{
    return o->ob_refcnt >= MPY_IMMORTAL_REFCNT / 2;
}

static inline void mpy__incref(MpyObject *o) { ++o->ob_refcnt; }

static inline void mpy__decref(MpyObject *o)
{
    if (--o->ob_refcnt == 0)
        mpy__dealloc(o);
}

static inline void mpy__refcnt_init(MpyObject *o) { o->ob_refcnt = 1; }
static inline intptr_t mpy__refcnt_total(const MpyObject *o) { return o->ob_refcnt; }
static inline void mpy__refcnt_make_immortal(MpyObject *o) { o->ob_refcnt = MPY_IMMORTAL_REFCNT; }
static inline void mpy__resurrect_start(MpyObject *o) { o->ob_refcnt = 1; }
static inline bool mpy__resurrect_end(MpyObject *o) { return --o->ob_refcnt != 0; }

#define MPY_REFCNT_STATIC_INIT .ob_refcnt = MPY_IMMORTAL_REFCNT

#endif

#endif
