/* runtime/gc.h: the header in front of every container object, and the
 * lists of tracked containers the cycle collector walks.
 *
 * Models the bookkeeping half of CPython's Modules/gcmodule.c.  An object of
 * a type with MPY_TPFLAGS_HAVE_GC is allocated with an MpyGCHead just before
 * it; mpy_gc_track() links that head into the young generation once the
 * object is fully built, mpy_gc_untrack() unlinks it before the object is
 * torn down.
 */
#ifndef MINIPY_RUNTIME_GC_H
#define MINIPY_RUNTIME_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

typedef struct MpyGCHead {
    struct MpyGCHead *next; /* NULL when the object is not tracked */
    struct MpyGCHead *prev;
    intptr_t refs;          /* scratch for the collector */
    intptr_t spare;         /* keeps objects 16-byte aligned after the header */
} MpyGCHead;

static inline MpyGCHead *mpy__gc_head(MpyObject *o) { return (MpyGCHead *)o - 1; }
static inline MpyObject *mpy__gc_object(MpyGCHead *g) { return (MpyObject *)(g + 1); }

/* The managed __dict__ slot of an object whose type has
 * MPY_TPFLAGS_MANAGED_DICT (runtime/alloc.c). */
MpyObject **mpy__managed_dict_ptr(MpyObject *o);

typedef struct MpyThreadState MpyThreadState;
/* Free-threaded build: a thread's own young list (gil/tstate.c).
 * Returns 0 / -1. */
int mpy__gc_thread_init(MpyThreadState *ts);
void mpy__gc_thread_fini(MpyThreadState *ts);

/* Set up / tear down the generation lists (runtime/init.c). */
void mpy__gc_init(void);
void mpy__gc_fini(void);

/* Collect generations 0..generation (out of range: all).  Runs __del__
 * finalizers; returns the number of unreachable objects found. */
ptrdiff_t mpy_gc_collect(int generation);
/* The eval loop's safe point, when MPY_BREAKER_GC_SCHEDULED is set. */
void mpy__gc_collect_scheduled(void);

/* The gc module's knobs. */
bool mpy_gc_set_enabled(bool on); /* returns the previous setting */
bool mpy_gc_is_enabled(void);
bool mpy_gc_is_finalized(MpyObject *o); /* its __del__ already ran (PEP 442) */
void mpy__gc_set_finalized(MpyObject *o);
void mpy_gc_get_counts(int counts[3]);
void mpy_gc_get_thresholds(int thresholds[3]);
void mpy_gc_set_thresholds(const int thresholds[3], int n);
void mpy_gc_get_stats(long long collections[3], long long collected[3]);
/* Call fn(o, arg) for every tracked object of generation `gen` (-1: all);
 * objects are borrowed.  Stops at, and returns, fn's first non-zero. */
int mpy__gc_for_each(int gen, int (*fn)(MpyObject *o, void *arg), void *arg);

#endif
