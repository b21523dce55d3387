/* runtime/set_methods.c: what sets compute: union, intersection,
 * difference, symmetric difference, the subset tests and comparisons, the
 * operators | & - ^ (and in-place forms) and the Python-visible methods.
 *
 * Models the algebra half of CPython's Objects/setobject.c; the hash table
 * itself is in runtime/set.c.  The order in which these functions insert
 * keys is CPython's (for example, a ^ b starts from a copy of b), because
 * it decides the order in which the result iterates.
 */
#include "runtime/set.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set_impl.h"
#include "runtime/tuple.h"

static inline MpySetObject *as_set(MpyObject *o) { return (MpySetObject *)o; }

static bool set_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && (o->ob_type == &mpy_set_type || o->ob_type == &mpy_frozenset_type);
}

/* ------------------------------------------------------------------ */
/* Algebra                                                              */

static MpyObject *set_intersection(MpySetObject *so, MpyObject *other)
{
    if ((MpyObject *)so == other)
        return mpy__set_copy(other);
    MpySetObject *result = (MpySetObject *)mpy__set_make_basetype(MPY_TYPE((MpyObject *)so), NULL);
    if (result == NULL)
        return NULL;
    if (mpy_set_check(other)) {
        // Walk the smaller set, probe the larger.
        MpySetObject *small = as_set(other), *big = so;
        if (small->used > big->used) {
            small = so;
            big = as_set(other);
        }
        ptrdiff_t pos = 0;
        MpySetEntry *entry;
        while (mpy__set_next_entry(small, &pos, &entry)) {
            MpyObject *key = MPY_NEWREF(entry->key);
            MpyHash hash = entry->hash;
            int r = mpy__set_contains_entry(big, key, hash);
            if (r > 0)
                r = mpy__set_add_entry(result, key, hash);
            MPY_DECREF(key);
            if (r < 0)
                goto fail;
        }
        return (MpyObject *)result;
    }
    MpyObject *it = mpy_object_get_iter(other);
    if (it == NULL)
        goto fail;
    MpyObject *key;
    while ((key = mpy_iter_next(it)) != NULL) {
        MpyHash hash = mpy__set_hash_of(key);
        int r = hash == -1 ? -1 : mpy__set_contains_entry(so, key, hash);
        if (r > 0)
            r = mpy__set_add_entry(result, key, hash);
        MPY_DECREF(key);
        if (r < 0) {
            MPY_DECREF(it);
            goto fail;
        }
    }
    MPY_DECREF(it);
    if (mpy_err_occurred())
        goto fail;
    return (MpyObject *)result;
fail:
    MPY_DECREF(result);
    return NULL;
}

/* Exchange the contents of two sets (for the in-place forms, which build
 * a new table and then swap it in). */
static void set_swap_bodies(MpySetObject *a, MpySetObject *b)
{
    ptrdiff_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; MPY_FT_STORE_RELAXED(a->used, b->used); MPY_FT_STORE_RELAXED(b->used, t);
    t = a->mask; a->mask = b->mask; b->mask = t;
    MpySetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        MpySetEntry tab[MPY_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof tab);
        memcpy(a->smalltable, b->smalltable, sizeof tab);
        memcpy(b->smalltable, tab, sizeof tab);
    }
    if (mpy_frozenset_check((MpyObject *)a) && mpy_frozenset_check((MpyObject *)b)) {
        MpyHash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static int set_intersection_update(MpySetObject *so, MpyObject *other)
{
    MpyObject *tmp = set_intersection(so, other);
    if (tmp == NULL)
        return -1;
    set_swap_bodies(so, as_set(tmp));
    MPY_DECREF(tmp);
    return 0;
}

/* so -= other (CPython's set_difference_update_internal). */
static int set_difference_update_internal(MpySetObject *so, MpyObject *other)
{
    if ((MpyObject *)so == other) {
        mpy__set_clear(so);
        return 0;
    }
    if (mpy_set_check(other)) {
        // A much larger `other`: discard only what the two share.
        MpyObject *walk = as_set(other)->used >> 3 > so->used ? set_intersection(so, other)
                                                               : MPY_NEWREF(other);
        if (walk == NULL)
            return -1;
        ptrdiff_t pos = 0;
        MpySetEntry *entry;
        int r = 0;
        while (r >= 0 && mpy__set_next_entry(as_set(walk), &pos, &entry)) {
            MpyObject *key = MPY_NEWREF(entry->key);
            r = mpy__set_discard_entry(so, key, entry->hash);
            MPY_DECREF(key);
        }
        MPY_DECREF(walk);
        if (r < 0)
            return -1;
    } else {
        MpyObject *it = mpy_object_get_iter(other);
        if (it == NULL)
            return -1;
        MpyObject *key;
        int r = 0;
        while (r >= 0 && (key = mpy_iter_next(it)) != NULL) {
            r = mpy__set_discard_key(so, key);
            MPY_DECREF(key);
        }
        MPY_DECREF(it);
        if (r < 0 || mpy_err_occurred())
            return -1;
    }
    // More than a quarter dummies: rebuild.
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return mpy__set_grow(so);
}

static MpyObject *set_copy_and_difference(MpySetObject *so, MpyObject *other)
{
    MpyObject *result = mpy__set_copy((MpyObject *)so);
    if (result != NULL && set_difference_update_internal(as_set(result), other) < 0)
        MPY_CLEAR(result);
    return result;
}

static MpyObject *set_difference(MpySetObject *so, MpyObject *other)
{
    ptrdiff_t other_size;
    if (mpy_set_check(other))
        other_size = as_set(other)->used;
    else if (mpy_dict_check_exact(other))
        other_size = mpy_dict_size(other);
    else
        return set_copy_and_difference(so, other);
    // Much bigger than other: copying and removing is cheaper.
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(so, other);
    MpyObject *result = mpy__set_make_basetype(MPY_TYPE((MpyObject *)so), NULL);
    if (result == NULL)
        return NULL;
    bool is_dict = !mpy_set_check(other);
    ptrdiff_t pos = 0;
    MpySetEntry *entry;
    while (mpy__set_next_entry(so, &pos, &entry)) {
        MpyObject *key = MPY_NEWREF(entry->key);
        MpyHash hash = entry->hash;
        int r;
        if (is_dict) {
            MpyObject *v = mpy_dict_get_with_hash(other, key, hash);
            r = v != NULL ? 1 : mpy_err_occurred() ? -1 : 0;
            MPY_XDECREF(v);
        } else {
            r = mpy__set_contains_entry(as_set(other), key, hash);
        }
        if (r == 0)
            r = mpy__set_add_entry(as_set(result), key, hash);
        MPY_DECREF(key);
        if (r < 0) {
            MPY_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* so ^= other: each key of other is removed if present, else added. */
static int set_symmetric_difference_update(MpySetObject *so, MpyObject *other)
{
    if ((MpyObject *)so == other) {
        mpy__set_clear(so);
        return 0;
    }
    MpyObject *otherset;
    if (mpy_set_check(other))
        otherset = MPY_NEWREF(other);
    else if ((otherset = mpy__set_make_basetype(MPY_TYPE((MpyObject *)so), other)) == NULL)
        return -1;
    ptrdiff_t pos = 0;
    MpySetEntry *entry;
    int r = 0;
    while (r >= 0 && mpy__set_next_entry(as_set(otherset), &pos, &entry)) {
        MpyObject *key = MPY_NEWREF(entry->key);
        MpyHash hash = entry->hash;
        r = mpy__set_discard_entry(so, key, hash);
        if (r == 0)
            r = mpy__set_add_entry(so, key, hash);
        MPY_DECREF(key);
    }
    MPY_DECREF(otherset);
    return r < 0 ? -1 : 0;
}

/* so ^ other: built from a copy of *other*, which decides the order. */
static MpyObject *set_symmetric_difference(MpySetObject *so, MpyObject *other)
{
    MpyObject *result = mpy__set_make_basetype(MPY_TYPE((MpyObject *)so), other);
    if (result != NULL && set_symmetric_difference_update(as_set(result), (MpyObject *)so) < 0)
        MPY_CLEAR(result);
    return result;
}

/* so <= other.  Returns 1 / 0 / -1. */
static int set_issubset_internal(MpySetObject *so, MpyObject *other)
{
    if (!mpy_set_check(other)) {
        MpyObject *tmp = mpy__set_make(&mpy_set_type, other);
        if (tmp == NULL)
            return -1;
        int r = set_issubset_internal(so, tmp);
        MPY_DECREF(tmp);
        return r;
    }
    if (so->used > as_set(other)->used)
        return 0;
    ptrdiff_t pos = 0;
    MpySetEntry *entry;
    while (mpy__set_next_entry(so, &pos, &entry)) {
        MpyObject *key = MPY_NEWREF(entry->key);
        int r = mpy__set_contains_entry(as_set(other), key, entry->hash);
        MPY_DECREF(key);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* so >= other.  Returns 1 / 0 / -1. */
static int set_issuperset_internal(MpySetObject *so, MpyObject *other)
{
    if (mpy_set_check(other))
        return set_issubset_internal(as_set(other), (MpyObject *)so);
    MpyObject *it = mpy_object_get_iter(other);
    if (it == NULL)
        return -1;
    MpyObject *key;
    int r = 1;
    while (r > 0 && (key = mpy_iter_next(it)) != NULL) {
        r = mpy__set_contains_key(so, key);
        MPY_DECREF(key);
    }
    MPY_DECREF(it);
    if (r > 0 && mpy_err_occurred())
        r = -1;
    return r;
}

/* Returns 1 / 0 / -1. */
static int set_isdisjoint_internal(MpySetObject *so, MpyObject *other)
{
    if ((MpyObject *)so == other)
        return so->used == 0;
    if (set_check_exact(other)) {
        MpySetObject *small = as_set(other), *big = so;
        if (small->used > big->used) {
            small = so;
            big = as_set(other);
        }
        ptrdiff_t pos = 0;
        MpySetEntry *entry;
        while (mpy__set_next_entry(small, &pos, &entry)) {
            MpyObject *key = MPY_NEWREF(entry->key);
            int r = mpy__set_contains_entry(big, key, entry->hash);
            MPY_DECREF(key);
            if (r != 0)
                return r < 0 ? -1 : 0;
        }
        return 1;
    }
    MpyObject *it = mpy_object_get_iter(other);
    if (it == NULL)
        return -1;
    MpyObject *key;
    int r = 1;
    while (r > 0 && (key = mpy_iter_next(it)) != NULL) {
        int found = mpy__set_contains_key(so, key);
        MPY_DECREF(key);
        r = found < 0 ? -1 : !found;
    }
    MPY_DECREF(it);
    if (r > 0 && mpy_err_occurred())
        r = -1;
    return r;
}

static MpyObject *bool_result(int r)
{
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

/* ------------------------------------------------------------------ */
/* Comparisons                                                          */

static MpyObject *mpy__set_richcompare_impl(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpySetObject *v = as_set(a), *w = as_set(b);
    switch (op) {
    case MPY_EQ:
    case MPY_NE: {
        int r;
        if (v->used != w->used)
            r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash)
            r = 0;
        else
            r = set_issubset_internal(v, b);
        if (r < 0)
            return NULL;
        return MPY_NEWREF(mpy_bool_from((op == MPY_EQ) == (r == 1)));
    }
    case MPY_LE:
        return bool_result(set_issubset_internal(v, b));
    case MPY_GE:
        return bool_result(set_issuperset_internal(v, b));
    case MPY_LT:
        return bool_result(v->used < w->used ? set_issubset_internal(v, b) : 0);
    default: // MPY_GT
        return bool_result(v->used > w->used ? set_issuperset_internal(v, b) : 0);
    }
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */

static MpyObject *mpy__set_or_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyObject *result = mpy__set_copy(a);
    if (result == NULL || a == b)
        return result;
    if (mpy__set_update_internal(as_set(result), b) < 0)
        MPY_CLEAR(result);
    return result;
}

static MpyObject *mpy__set_and_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return set_intersection(as_set(a), b);
}

static MpyObject *mpy__set_sub_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return set_difference(as_set(a), b);
}

static MpyObject *mpy__set_xor_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return set_symmetric_difference(as_set(a), b);
}

/* The in-place forms accept only sets on the right (s |= [1] is a
 * TypeError, unlike s.update([1])). */
static MpyObject *inplace_result(MpyObject *self, int r)
{
    return r < 0 ? NULL : MPY_NEWREF(self);
}

static MpyObject *mpy__set_ior_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return inplace_result(a, mpy__set_update_internal(as_set(a), b));
}

static MpyObject *mpy__set_iand_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return inplace_result(a, set_intersection_update(as_set(a), b));
}

static MpyObject *mpy__set_isub_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return inplace_result(a, set_difference_update_internal(as_set(a), b));
}

static MpyObject *mpy__set_ixor_impl(MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return inplace_result(a, set_symmetric_difference_update(as_set(a), b));
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

static MpyObject *set_add_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kw)
{
    if (mpy__set_add_key(as_set(self), args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* remove/discard with a set argument look for the equal frozenset. */
static int discard_with_set_fallback(MpySetObject *so, MpyObject *key)
{
    int r = mpy__set_discard_key(so, key);
    if (r < 0 && mpy_set_check(key) && mpy_err_matches(mpy_exc_TypeError)) {
        mpy_err_clear();
        MpyObject *tmp = mpy__set_make(&mpy_frozenset_type, key);
        if (tmp == NULL)
            return -1;
        r = mpy__set_discard_key(so, tmp);
        MPY_DECREF(tmp);
    }
    return r;
}

static MpyObject *set_remove_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    int r = discard_with_set_fallback(as_set(self), args[0]);
    if (r < 0)
        return NULL;
    if (r == 0)
        return mpy_err_key_error(args[0]);
    return MPY_RETURN_NONE;
}

static MpyObject *set_discard_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    if (discard_with_set_fallback(as_set(self), args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *set_pop_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kw)
{
    MpySetObject *so = as_set(self);
    if (so->used == 0)
        return mpy_err_format(mpy_exc_KeyError, "pop from an empty set");
    // Resume where the last pop stopped, so repeated pops stay O(1).
    MpySetEntry *entry = so->table + (so->finger & so->mask);
    MpySetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == &mpy__set_dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    MpyObject *key = entry->key;
    entry->key = &mpy__set_dummy;
    entry->hash = -1;
    MPY_FT_STORE_RELAXED(so->used, so->used - 1);
    so->finger = entry - so->table + 1;
    return key; // the table's reference becomes the caller's
}

static MpyObject *set_clear_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    mpy__set_clear(as_set(self));
    return MPY_RETURN_NONE;
}

static MpyObject *set_copy_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kw)
{
    return mpy__set_copy(self);
}

static MpyObject *frozenset_copy_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                        MpyObject *kw)
{
    if (MPY_TYPE(self) == &mpy_frozenset_type)
        return MPY_NEWREF(self);
    return mpy__set_make(&mpy_frozenset_type, self);
}

static MpyObject *set_update_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    for (size_t i = 0; i < nargs; i++)
        if (mpy__set_update_internal(as_set(self), args[i]) < 0)
            return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *set_union_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    MpyObject *result = mpy__set_copy(self);
    for (size_t i = 0; result != NULL && i < nargs; i++) {
        if (args[i] != self && mpy__set_update_internal(as_set(result), args[i]) < 0)
            MPY_CLEAR(result);
    }
    return result;
}

static MpyObject *set_intersection_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                          MpyObject *kw)
{
    if (nargs == 0)
        return mpy__set_copy(self);
    MpyObject *result = MPY_NEWREF(self);
    for (size_t i = 0; i < nargs; i++) {
        MpyObject *next = set_intersection(as_set(result), args[i]);
        MPY_DECREF(result);
        if (next == NULL)
            return NULL;
        result = next;
    }
    return result;
}

static MpyObject *set_intersection_update_method_impl(MpyObject *self, MpyObject *const *args,
                                                 size_t nargs, MpyObject *kw)
{
    MpyObject *tmp = set_intersection_method_impl(self, args, nargs, kw);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies(as_set(self), as_set(tmp));
    MPY_DECREF(tmp);
    return MPY_RETURN_NONE;
}

static MpyObject *set_difference_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                        MpyObject *kw)
{
    if (nargs == 0)
        return mpy__set_copy(self);
    MpyObject *result = set_difference(as_set(self), args[0]);
    for (size_t i = 1; result != NULL && i < nargs; i++)
        if (set_difference_update_internal(as_set(result), args[i]) < 0)
            MPY_CLEAR(result);
    return result;
}

static MpyObject *set_difference_update_method_impl(MpyObject *self, MpyObject *const *args,
                                               size_t nargs, MpyObject *kw)
{
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(as_set(self), args[i]) < 0)
            return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *set_symmetric_difference_method_impl(MpyObject *self, MpyObject *const *args,
                                                  size_t nargs, MpyObject *kw)
{
    return set_symmetric_difference(as_set(self), args[0]);
}

static MpyObject *set_symmetric_difference_update_method_impl(MpyObject *self, MpyObject *const *args,
                                                         size_t nargs, MpyObject *kw)
{
    if (set_symmetric_difference_update(as_set(self), args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *set_issubset_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                      MpyObject *kw)
{
    return bool_result(set_issubset_internal(as_set(self), args[0]));
}

static MpyObject *set_issuperset_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                        MpyObject *kw)
{
    return bool_result(set_issuperset_internal(as_set(self), args[0]));
}

static MpyObject *set_isdisjoint_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                        MpyObject *kw)
{
    return bool_result(set_isdisjoint_internal(as_set(self), args[0]));
}

static MpyObject *set_reduce_method_impl(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    MpyObject *keys = mpy_list_from_iterable(self);
    if (keys == NULL)
        return NULL;
    MpyObject *state = NULL;
    MpyObject **dict = mpy_object_dict_ptr(self);
    MpyObject *dict_obj = dict != NULL && *dict != NULL ? *dict : MPY_NONE;
    MpyObject *argtuple = mpy_tuple_pack(1, keys);
    if (argtuple != NULL)
        state = mpy_tuple_pack(3, (MpyObject *)MPY_TYPE(self), argtuple, dict_obj);
    MPY_XDECREF(argtuple);
    MPY_DECREF(keys);
    return state;
}

static MpyObject *set_sizeof_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    MpySetObject *so = as_set(self);
    size_t size = MPY_TYPE(self)->basicsize;
    if (so->table != so->smalltable)
        size += (size_t)(so->mask + 1) * sizeof(MpySetEntry);
    return mpy_int_from_ssize((ptrdiff_t)size);
}

/* ------------------------------------------------------------------ */
/* Locking (free-threaded build)                                        */

/* Every method runs in its own set's critical section, with each other
 * set argument replaced by a snapshot (mpy__set_snapshot): so no method
 * holds two set locks.  In the GIL build both wrappers are plain calls. */
typedef MpyObject *(*MethodImpl)(MpyObject *, MpyObject *const *, size_t, MpyObject *);
typedef MpyObject *(*BinaryImpl)(MpyObject *, MpyObject *);

#if MPY_FREE_THREADED
static MpyObject *locked_method(MethodImpl impl, MpyObject *self, MpyObject *const *args,
                                size_t nargs, MpyObject *kw)
{
    MpyObject *small[4], **snap = nargs <= 4 ? small : mpy_mem_alloc(nargs * sizeof *snap);
    if (snap == NULL)
        return NULL;
    size_t done = 0;
    MpyObject *result = NULL;
    for (; done < nargs; done++) {
        snap[done] = args[done] == self ? MPY_NEWREF(self) : mpy__set_snapshot(args[done]);
        if (snap[done] == NULL)
            goto out;
    }
    MPY_BEGIN_CRITICAL(self);
    result = impl(self, snap, nargs, kw);
    MPY_END_CRITICAL();
out:
    for (size_t i = 0; i < done; i++)
        MPY_DECREF(snap[i]);
    if (snap != small)
        mpy_mem_free(snap);
    return result;
}

static MpyObject *locked_binary(BinaryImpl impl, MpyObject *a, MpyObject *b)
{
    if (!mpy_set_check(a))
        return impl(a, b); /* a reflected call: NotImplemented, nothing to lock */
    MpyObject *other = a == b ? MPY_NEWREF(b) : mpy__set_snapshot(b);
    if (other == NULL)
        return NULL;
    MpyObject *result;
    MPY_BEGIN_CRITICAL(a);
    result = impl(a, other);
    MPY_END_CRITICAL();
    MPY_DECREF(other);
    return result;
}
#else
static inline MpyObject *locked_method(MethodImpl impl, MpyObject *self, MpyObject *const *args,
                                       size_t nargs, MpyObject *kw)
{
    return impl(self, args, nargs, kw);
}

static inline MpyObject *locked_binary(BinaryImpl impl, MpyObject *a, MpyObject *b)
{
    return impl(a, b);
}
#endif

#define LOCKED_METHOD(name)                                                                \
    static MpyObject *name(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw) \
    {                                                                                      \
        return locked_method(name##_impl, self, args, nargs, kw);                          \
    }
#define LOCKED_BINARY(name)                                                                \
    MpyObject *name(MpyObject *a, MpyObject *b) { return locked_binary(name##_impl, a, b); }

LOCKED_METHOD(set_add_method)
LOCKED_METHOD(set_clear_method)
LOCKED_METHOD(set_copy_method)
LOCKED_METHOD(set_discard_method)
LOCKED_METHOD(set_difference_method)
LOCKED_METHOD(set_difference_update_method)
LOCKED_METHOD(set_intersection_method)
LOCKED_METHOD(set_intersection_update_method)
LOCKED_METHOD(set_isdisjoint_method)
LOCKED_METHOD(set_issubset_method)
LOCKED_METHOD(set_issuperset_method)
LOCKED_METHOD(set_pop_method)
LOCKED_METHOD(set_reduce_method)
LOCKED_METHOD(set_remove_method)
LOCKED_METHOD(set_symmetric_difference_method)
LOCKED_METHOD(set_symmetric_difference_update_method)
LOCKED_METHOD(set_union_method)
LOCKED_METHOD(set_update_method)
LOCKED_METHOD(frozenset_copy_method)

LOCKED_BINARY(mpy__set_or)
LOCKED_BINARY(mpy__set_and)
LOCKED_BINARY(mpy__set_sub)
LOCKED_BINARY(mpy__set_xor)
LOCKED_BINARY(mpy__set_ior)
LOCKED_BINARY(mpy__set_iand)
LOCKED_BINARY(mpy__set_isub)
LOCKED_BINARY(mpy__set_ixor)

/* Comparisons lock the left set and snapshot the right one. */
MpyObject *mpy__set_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_set_check(a) || !mpy_set_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyObject *other = a == b ? MPY_NEWREF(b) : mpy__set_snapshot(b);
    if (other == NULL)
        return NULL;
    MpyObject *result;
    MPY_BEGIN_CRITICAL(a);
    result = mpy__set_richcompare_impl(a, other, op);
    MPY_END_CRITICAL();
    MPY_DECREF(other);
    return result;
}

#define DOC_COPY "Return a shallow copy of a set."
#define DOC_DIFF "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"
#define DOC_INTER "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"
#define DOC_DISJOINT "Return True if two sets have a null intersection."
#define DOC_SUBSET "Report whether another set contains this set."
#define DOC_SUPERSET "Report whether this set contains another set."
#define DOC_SYMDIFF "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"
#define DOC_UNION "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"

const MpyMethodDef mpy__set_methods[] = {
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {"add", set_add_method, MPY_METH_O, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear_method, MPY_METH_NOARGS, "Remove all elements from this set."},
    {"copy", set_copy_method, MPY_METH_NOARGS, DOC_COPY},
    {"discard", set_discard_method, MPY_METH_O, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
    {"difference", set_difference_method, MPY_METH_FASTCALL, DOC_DIFF},
    {"difference_update", set_difference_update_method, MPY_METH_FASTCALL, "Remove all elements of another set from this set."},
    {"intersection", set_intersection_method, MPY_METH_FASTCALL, DOC_INTER},
    {"intersection_update", set_intersection_update_method, MPY_METH_FASTCALL, "Update a set with the intersection of itself and another."},
    {"isdisjoint", set_isdisjoint_method, MPY_METH_O, DOC_DISJOINT},
    {"issubset", set_issubset_method, MPY_METH_O, DOC_SUBSET},
    {"issuperset", set_issuperset_method, MPY_METH_O, DOC_SUPERSET},
    {"pop", set_pop_method, MPY_METH_NOARGS, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"__reduce__", set_reduce_method, MPY_METH_NOARGS, "Return state information for pickling."},
    {"remove", set_remove_method, MPY_METH_O, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"__sizeof__", set_sizeof_method, MPY_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_method, MPY_METH_O, DOC_SYMDIFF},
    {"symmetric_difference_update", set_symmetric_difference_update_method, MPY_METH_O, "Update a set with the symmetric difference of itself and another."},
    {"union", set_union_method, MPY_METH_FASTCALL, DOC_UNION},
    {"update", set_update_method, MPY_METH_FASTCALL, "Update a set with the union of itself and others."},
    {NULL},
};

const MpyMethodDef mpy__frozenset_methods[] = {
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {"copy", frozenset_copy_method, MPY_METH_NOARGS, DOC_COPY},
    {"difference", set_difference_method, MPY_METH_FASTCALL, DOC_DIFF},
    {"intersection", set_intersection_method, MPY_METH_FASTCALL, DOC_INTER},
    {"isdisjoint", set_isdisjoint_method, MPY_METH_O, DOC_DISJOINT},
    {"issubset", set_issubset_method, MPY_METH_O, DOC_SUBSET},
    {"issuperset", set_issuperset_method, MPY_METH_O, DOC_SUPERSET},
    {"__reduce__", set_reduce_method, MPY_METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", set_sizeof_method, MPY_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_method, MPY_METH_O, DOC_SYMDIFF},
    {"union", set_union_method, MPY_METH_FASTCALL, DOC_UNION},
    {NULL},
};

