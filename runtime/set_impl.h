/* runtime/set_impl.h: set internals shared by set.c (the hash table and
 * the types) and set_methods.c (the algebra and the methods).  Other code
 * uses runtime/set.h.
 *
 * Keys and sets are borrowed unless stated; int results are 0 / -1 (or
 * 1 / 0 / -1 for tests) with an exception set on -1.
 */
#ifndef MINIPY_RUNTIME_SET_IMPL_H
#define MINIPY_RUNTIME_SET_IMPL_H

#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"

/* The key of deleted entries (their hash is -1).  Never seen by Python. */
extern MpyObject mpy__set_dummy;

/* hash(key), with the common cases inline: a cached str hash, and tagged
 * ints below the modulus 2**61 - 1 (their hash is the value itself, except
 * that -1 becomes -2).  Returns: the hash, or -1 + TypeError. */
static inline MpyHash mpy__set_hash_of(MpyObject *key)
{
    if (mpy_is_small_int(key)) {
        intptr_t v = mpy_small_int_value(key);
        if (v > -((intptr_t)1 << 60) && v < ((intptr_t)1 << 60))
            return v == -1 ? -2 : v;
        return mpy_int_hash(key);
    }
    if (key->ob_type == &mpy_str_type && ((MpyStrObject *)key)->hash != -1)
        return ((MpyStrObject *)key)->hash;
    return mpy_object_hash(key);
}

/* The table (set.c). */
int mpy__set_add_entry(MpySetObject *so, MpyObject *key, MpyHash hash);
int mpy__set_add_key(MpySetObject *so, MpyObject *key);
int mpy__set_contains_entry(MpySetObject *so, MpyObject *key, MpyHash hash); /* 1/0/-1 */
int mpy__set_contains_key(MpySetObject *so, MpyObject *key);                 /* 1/0/-1 */
int mpy__set_discard_entry(MpySetObject *so, MpyObject *key, MpyHash hash);  /* 1/0/-1 */
int mpy__set_discard_key(MpySetObject *so, MpyObject *key);                  /* 1/0/-1 */
/* Empty the set (keys are released after it is empty).  Cannot fail. */
void mpy__set_clear(MpySetObject *so);
/* Rebuild the table for the current size, dropping dummies. */
int mpy__set_grow(MpySetObject *so);
/* Walk the live entries: *pos starts at 0; false at the end.  The entry
 * is borrowed and valid until the set changes. */
bool mpy__set_next_entry(MpySetObject *so, ptrdiff_t *pos, MpySetEntry **out);
/* so |= iterable (sets, dicts and any iterable). */
int mpy__set_update_internal(MpySetObject *so, MpyObject *iterable);

/* `o` itself, or (free-threaded build, more than one thread, `o` a mutable
 * set) a frozenset copy taken under o's lock, so an operation can read it
 * while holding only its own set's lock.  Returns: new reference or NULL. */
MpyObject *mpy__set_snapshot(MpyObject *o);

/* Construction (set.c).  Returns: new reference or NULL. */
MpyObject *mpy__set_make(MpyType *type, MpyObject *iterable);        /* iterable may be NULL */
/* Like mpy__set_make with `type` replaced by its base, set or frozenset:
 * operations on subclass instances return plain sets. */
MpyObject *mpy__set_make_basetype(MpyType *type, MpyObject *iterable);
MpyObject *mpy__set_copy(MpyObject *so);

/* Slots and methods of the types (set_methods.c). */
MpyObject *mpy__set_richcompare(MpyObject *a, MpyObject *b, int op);
MpyObject *mpy__set_or(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_and(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_sub(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_xor(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_ior(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_iand(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_isub(MpyObject *a, MpyObject *b);
MpyObject *mpy__set_ixor(MpyObject *a, MpyObject *b);
extern const MpyMethodDef mpy__set_methods[];
extern const MpyMethodDef mpy__frozenset_methods[];

#endif
