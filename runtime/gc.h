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

/* Set up / tear down the generation lists (runtime/init.c). */
void mpy__gc_init(void);
void mpy__gc_fini(void);

#endif
