/* runtime/list.h: Python list (mutable sequence).
 *
 * Models CPython's Objects/listobject.c: an over-allocated array of item
 * pointers (growth pattern as CPython's, so sys.getsizeof-style behaviour is
 * similar), a stable merge sort (list.sort / sorted), and the atomic
 * single operations the Python FAQ promises (append, pop, x = L[i],
 * L[i] = x) also in the free-threaded build, where each list carries a
 * per-object lock taken through MPY_BEGIN_CRITICAL (gil/critical.h).
 */
#ifndef MINIPY_RUNTIME_LIST_H
#define MINIPY_RUNTIME_LIST_H

#include "runtime/object.h"

typedef struct MpyListObject {
    MpyObject ob_base;
    ptrdiff_t size;
    ptrdiff_t allocated;
    MpyObject **items;
} MpyListObject;

extern MpyType mpy_list_type;

static inline bool mpy_list_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_LIST_SUBCLASS);
}
static inline bool mpy_list_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_list_type;
}
/* len(l): no lock needed (a relaxed atomic load in the free-threaded build). */
static inline ptrdiff_t mpy_list_size(const MpyObject *l)
{
    return MPY_FT_LOAD_RELAXED(((const MpyListObject *)l)->size);
}

/* A list of n items, all NULL, to fill with mpy_list_init_take (n may be 0).
 * Returns: new reference or NULL + MemoryError. */
MpyObject *mpy_list_new(ptrdiff_t n);
static inline void mpy_list_init_take(MpyObject *l, ptrdiff_t i, MpyObject *item)
{
    ((MpyListObject *)l)->items[i] = item;
}
/* Returns: new reference to item i (negative i not allowed), or NULL with
 * IndexError "list index out of range". */
MpyObject *mpy_list_get(MpyObject *l, ptrdiff_t i);
/* l[i], negative i from the end, under the list's critical section.
 * Returns: new reference, or NULL with IndexError "list index out of range". */
MpyObject *mpy__list_getitem_index(MpyObject *l, ptrdiff_t i);
/* Replace item i; the list takes its own reference.  Returns 0 / -1. */
int mpy_list_set(MpyObject *l, ptrdiff_t i, MpyObject *item);
/* Returns 0 / -1 + MemoryError.  Borrows item. */
int mpy_list_append(MpyObject *l, MpyObject *item);
/* Like append but consumes the reference to item, also on failure. */
int mpy_list_append_take(MpyObject *l, MpyObject *item);
int mpy_list_insert(MpyObject *l, ptrdiff_t i, MpyObject *item);
/* list.extend(iterable).  Returns 0 / -1. */
int mpy_list_extend(MpyObject *l, MpyObject *iterable);
/* list(iterable).  Returns: new reference or NULL. */
MpyObject *mpy_list_from_iterable(MpyObject *iterable);
MpyObject *mpy_list_from_array(MpyObject *const *items, ptrdiff_t n);
/* Returns: new tuple with the list's items. */
MpyObject *mpy_list_as_tuple(MpyObject *l);
/* list.sort(key=key, reverse=reverse); key may be NULL.  Returns 0 / -1. */
int mpy_list_sort(MpyObject *l, MpyObject *key, bool reverse);
int mpy_list_reverse(MpyObject *l);
/* l[start:stop] (clamped).  Returns: new list. */
MpyObject *mpy_list_slice(MpyObject *l, ptrdiff_t start, ptrdiff_t stop);

#endif
