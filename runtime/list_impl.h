/* runtime/list_impl.h: list internals shared by list.c, list_methods.c
 * and list_sort.c (not for use elsewhere: other code uses runtime/list.h).
 */
#ifndef MINIPY_RUNTIME_LIST_IMPL_H
#define MINIPY_RUNTIME_LIST_IMPL_H

#include "runtime/list.h"
#include "runtime/str.h"

/* Make room for `newsize` items and set the size to it, over-allocating
 * like CPython's list_resize; new slots are uninitialized.
 * Returns: 0, or -1 with MemoryError set (the list is unchanged). */
int mpy__list_resize(MpyListObject *l, ptrdiff_t newsize);
/* Drop every item; the list is emptied before the items are released.
 * Cannot fail.  The caller holds the list's critical section (or nobody
 * else can see the list); mpy__list_clear_locked takes it itself. */
void mpy__list_clear(MpyListObject *l);
void mpy__list_clear_locked(MpyListObject *l);
/* l[i] = value, or del l[i] when value is NULL; a negative i counts from
 * the end.  Takes the list's critical section.
 * Returns: 0, or -1 with IndexError "list assignment index out of range". */
int mpy__list_ass_item(MpyListObject *l, ptrdiff_t i, MpyObject *value);

/* reversed(l).  Returns: new reference to a list_reverseiterator, or NULL. */
MpyObject *mpy__list_reverse_iter(MpyObject *l);
/* The method table (list_methods.c). */
extern const MpyMethodDef mpy__list_methods[];

/* item == value, with shortcuts for two tagged ints (equal only if the
 * words are equal) and two exact strs.  Holds its own reference to `item`
 * meanwhile, since __eq__ may remove it from the list.
 * Returns: 1 / 0 / -1. */
static inline int mpy__list_item_equals(MpyObject *item, MpyObject *value)
{
    if (item == value)
        return 1;
    if (mpy_is_small_int(item) || mpy_is_small_int(value)) {
        if (mpy_is_small_int(item) && mpy_is_small_int(value))
            return 0;
    } else if (item->ob_type == &mpy_str_type && value->ob_type == &mpy_str_type) {
        return mpy_str_equal(item, value);
    }
    MPY_INCREF(item);
    int r = mpy_object_richcompare_bool(item, value, MPY_EQ);
    MPY_DECREF(item);
    return r;
}

#endif
