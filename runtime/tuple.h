/* runtime/tuple.h: Python tuple (immutable sequence).
 *
 * Models CPython's Objects/tupleobject.c: items are stored inline after the
 * header; the empty tuple is an immortal singleton.  Because tuples never
 * change, their items may be returned as borrowed references.
 */
#ifndef MINIPY_RUNTIME_TUPLE_H
#define MINIPY_RUNTIME_TUPLE_H

#include "runtime/object.h"

typedef struct MpyTupleObject {
    MpyObject ob_base;
    ptrdiff_t size;
    MpyObject *items[];
} MpyTupleObject;

extern MpyType mpy_tuple_type;

static inline bool mpy_tuple_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_TUPLE_SUBCLASS);
}
static inline bool mpy_tuple_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_tuple_type;
}
static inline ptrdiff_t mpy_tuple_size(const MpyObject *t) { return ((const MpyTupleObject *)t)->size; }
/* Returns: borrowed reference (tuples are immutable).  No bounds check. */
static inline MpyObject *mpy_tuple_item(const MpyObject *t, ptrdiff_t i) { return ((const MpyTupleObject *)t)->items[i]; }
static inline MpyObject **mpy_tuple_items(MpyObject *t) { return ((MpyTupleObject *)t)->items; }

/* A tuple of n NULL slots to fill with mpy_tuple_init_take before anyone
 * else sees it (n == 0 gives the shared empty tuple).
 * Returns: new reference or NULL + MemoryError. */
MpyObject *mpy_tuple_new(ptrdiff_t n);
/* Store an owned reference into slot i of a tuple being built. */
static inline void mpy_tuple_init_take(MpyObject *t, ptrdiff_t i, MpyObject *item)
{
    ((MpyTupleObject *)t)->items[i] = item;
}
/* Returns: new tuple holding new references to items[0..n). */
MpyObject *mpy_tuple_from_array(MpyObject *const *items, ptrdiff_t n);
/* Returns: new tuple of the given items (borrowed, INCREF'd). */
MpyObject *mpy_tuple_pack(ptrdiff_t n, ...);
/* tuple(iterable).  Returns: new reference or NULL. */
MpyObject *mpy_tuple_from_iterable(MpyObject *iterable);
/* t[start:stop] (clamped).  Returns: new reference. */
MpyObject *mpy_tuple_slice(MpyObject *t, ptrdiff_t start, ptrdiff_t stop);
/* The empty tuple.  Returns: new reference. */
MpyObject *mpy_tuple_empty(void);
/* Create the empty tuple at startup.  Returns 0 / -1. */
int mpy__tuple_init(void);
/* Lexicographic rich comparison of two item arrays (tuples and lists).
 * Returns: new reference or NULL. */
MpyObject *mpy__sequence_richcompare(MpyObject *const *a, ptrdiff_t na, MpyObject *const *b,
                                     ptrdiff_t nb, int op);

#endif
