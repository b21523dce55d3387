/* runtime/dict.h: Python dict (insertion-ordered hash table).
 *
 * Models CPython's Objects/dictobject.c "compact dict": a dense array of
 * entries {hash, key, value} in insertion order, plus a sparse index table
 * probed with CPython's perturbation scheme.  Lookups compare identity
 * first, then hash, then ==, so interned-name lookups (globals, attributes)
 * never call __eq__.
 *
 * `version` changes on every mutation of any dict (a global counter, as
 * CPython's ma_version_tag), so inline caches in the eval loop can tell that
 * a globals or builtins dict is unchanged with one compare.
 *
 * Getters that return a value return a *new* reference (a borrowed pointer
 * into a mutable dict could be freed by another thread in the
 * free-threaded build); the `_borrowed` variants are for code that holds
 * the GIL-equivalent guarantee (the dict cannot change meanwhile).
 */
#ifndef MINIPY_RUNTIME_DICT_H
#define MINIPY_RUNTIME_DICT_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/object.h"

typedef struct MpyDictEntry {
    MpyHash hash;
    MpyObject *key;    /* NULL for a deleted entry */
    MpyObject *value;
} MpyDictEntry;

typedef struct MpyDictObject {
    MpyObject ob_base;
    ptrdiff_t used;        /* live entries */
    ptrdiff_t nentries;    /* entries used in `entries`, including deleted */
    ptrdiff_t log2_size;   /* index table has 1 << log2_size slots */
    int32_t *indices;      /* -1 empty, -2 deleted, else entry index */
    MpyDictEntry *entries; /* capacity: usable(size) = size * 2 / 3 */
    uint64_t version;      /* changes on every mutation */
} MpyDictObject;

extern MpyType mpy_dict_type;
extern MpyType mpy_dict_keys_type, mpy_dict_values_type, mpy_dict_items_type;

static inline bool mpy_dict_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_DICT_SUBCLASS);
}
static inline bool mpy_dict_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_dict_type;
}
static inline ptrdiff_t mpy_dict_size(const MpyObject *d)
{
    return MPY_FT_LOAD_RELAXED(((const MpyDictObject *)d)->used);
}

/* Returns: new empty dict, or NULL + MemoryError. */
MpyObject *mpy_dict_new(void);
/* d[key]: new reference, or NULL *without* an exception when missing, or
 * NULL with an exception (unhashable key, error in __eq__). */
MpyObject *mpy_dict_get(MpyObject *d, MpyObject *key);
/* Same with a precomputed hash. */
MpyObject *mpy_dict_get_with_hash(MpyObject *d, MpyObject *key, MpyHash hash);
/* Borrowed-result lookup for str keys (globals, builtins, instance
 * attributes); never calls Python code for exact-str keys.  NULL when
 * missing (no exception) or on error (exception set). */
MpyObject *mpy_dict_get_str_borrowed(MpyObject *d, MpyObject *key);
MpyObject *mpy_dict_get_cstr(MpyObject *d, const char *key); /* new ref or NULL */
/* d[key] = value (both borrowed).  Returns 0 / -1. */
int mpy_dict_set(MpyObject *d, MpyObject *key, MpyObject *value);
int mpy_dict_set_cstr(MpyObject *d, const char *key, MpyObject *value);
/* Consumes the reference to value, also on failure. */
int mpy_dict_set_take(MpyObject *d, MpyObject *key, MpyObject *value);
/* del d[key].  Returns 0, or -1 with KeyError(key) when missing. */
int mpy_dict_del(MpyObject *d, MpyObject *key);
/* Returns 1 if key is present, 0 if not, -1 on error. */
int mpy_dict_contains(MpyObject *d, MpyObject *key);
/* d.pop(key, default): new reference, or NULL + KeyError when missing and
 * dflt is NULL. */
MpyObject *mpy_dict_pop(MpyObject *d, MpyObject *key, MpyObject *dflt);
/* d.setdefault(key, dflt).  Returns: new reference. */
MpyObject *mpy_dict_setdefault(MpyObject *d, MpyObject *key, MpyObject *dflt);
void mpy_dict_clear(MpyObject *d);
/* Iterate in insertion order: start with *pos = 0; returns true and stores
 * *borrowed* key/value until the end.  The dict must not change meanwhile. */
bool mpy_dict_next(MpyObject *d, ptrdiff_t *pos, MpyObject **key, MpyObject **value);
/* d.update(other) for a mapping or iterable of pairs.  Returns 0 / -1. */
int mpy_dict_update(MpyObject *d, MpyObject *other);
/* Merge a mapping; on duplicate keys: override != 0 replaces, == 0 keeps
 * the old value, == 2 raises KeyError(key) (for f(**a, **b)). */
int mpy_dict_merge(MpyObject *d, MpyObject *other, int override);
/* Returns: new reference to a shallow copy. */
MpyObject *mpy_dict_copy(MpyObject *d);
/* Returns: new list of keys / values / (key, value) tuples. */
MpyObject *mpy_dict_keys(MpyObject *d);
MpyObject *mpy_dict_values(MpyObject *d);
MpyObject *mpy_dict_items(MpyObject *d);
/* The value of entry `ix` if that entry's key is `name` (an interned str:
 * compared by identity), else NULL; never locks, never raises.  For the
 * inline caches of the eval loop.  Returns: borrowed reference (in the
 * free-threaded build valid until this thread's next safe point). */
static inline MpyObject *mpy__dict_value_at(MpyObject *dict, uint32_t ix, MpyObject *name)
{
    MpyDictObject *d = (MpyDictObject *)dict;
    if (d == NULL)
        return NULL;
#if MPY_FREE_THREADED
    /* The sequence lock of runtime/dict.c: an odd or changed version
     * means a writer was busy; the caller then takes the slow path. */
    uint64_t version = __atomic_load_n(&d->version, __ATOMIC_ACQUIRE);
    MpyDictEntry *entries = __atomic_load_n(&d->entries, __ATOMIC_ACQUIRE);
    ptrdiff_t n = __atomic_load_n(&d->nentries, __ATOMIC_ACQUIRE);
    /* Acquire loads throughout keep each version re-read after the loads
     * before it, and writers make every store after "odd" a release store
     * (no fences: ThreadSanitizer does not model them). */
    if ((version & 1) || __atomic_load_n(&d->version, __ATOMIC_ACQUIRE) != version ||
        ix >= (uint64_t)n || __atomic_load_n(&entries[ix].key, __ATOMIC_ACQUIRE) != name)
        return NULL;
    MpyObject *value = __atomic_load_n(&entries[ix].value, __ATOMIC_ACQUIRE);
    return __atomic_load_n(&d->version, __ATOMIC_ACQUIRE) == version ? value : NULL;
#else
    if (ix >= (uint64_t)d->nentries || d->entries[ix].key != name)
        return NULL;
    return d->entries[ix].value;
#endif
}

/* Replace the value of entry `ix` if its key is `name`, taking the
 * reference to `value`; returns false (nothing done, nothing taken)
 * otherwise.  Locks in the free-threaded build. */
bool mpy__dict_replace_at(MpyObject *dict, uint32_t ix, MpyObject *name, MpyObject *value);

/* The version of a dict as the caches compare it. */
static inline uint64_t mpy__dict_version(MpyObject *dict)
{
#if MPY_FREE_THREADED
    return __atomic_load_n(&((MpyDictObject *)dict)->version, __ATOMIC_ACQUIRE);
#else
    return ((MpyDictObject *)dict)->version;
#endif
}

/* The next dict version (for caches): even, never repeated. */
uint64_t mpy__dict_next_version(void);
/* Bracket every change of a dict's table outside runtime/dict.c (the
 * sequence lock of the free-threaded build's lock-free lookups; the end
 * gives the dict a new version in both builds).  Under the dict's
 * critical section. */
void mpy__dict_write_begin(MpyDictObject *d);
void mpy__dict_write_end(MpyDictObject *d);

#endif
