/* runtime/set.c: set and frozenset.
 *
 * Models CPython's Objects/setobject.c, table layout included, so that sets
 * iterate (and print) in the same order as in CPython:
 *
 *  - An open-addressing table of (key, hash) entries, 2**k slots, starting
 *    with 8 slots stored inside the object (`smalltable`).
 *  - A lookup starts at slot hash & mask and checks LINEAR_PROBES more
 *    neighbouring slots (cheap: same cache line) before jumping with the
 *    perturbation recurrence i = 5*i + 1 + perturb (perturb >>= 5 each
 *    time), which eventually visits every slot.
 *  - A deleted key leaves a `dummy` marker (hash -1) so probe chains stay
 *    intact; `fill` counts live + dummy slots, `used` live ones.
 *  - The table grows when fill reaches 60% of the slots, to the smallest
 *    power of two > 4 * used (2 * used above 50,000 entries).
 *
 * Invariants a reader must keep: every key is hashable and owned by the
 * table; a hash of -1 in an entry means dummy; comparing keys runs __eq__,
 * which may mutate the set, so a lookup that sees the table change under
 * it starts again (CPython's rule).  frozensets are never mutated once
 * built, so their hash is cached in `hash`.
 *
 * This file holds the table, construction and the type objects; the
 * algebra (union, intersection, ...) and the methods are in set_methods.c.
 *
 * Free-threaded build: the table functions (mpy__set_*_entry/key, merge,
 * clear, next) expect the caller to hold the set's critical section; the
 * public API, the slots, the iterator and (in set_methods.c) every method
 * take it.  Another set an operation reads is first copied to a frozenset
 * under its own lock (mpy__set_snapshot), so one operation never holds two
 * set locks.  Removed keys are retired (gil/qsbr.h): a key borrowed from
 * mpy_set_next stays valid until the reader's next safe point.
 */
#include "runtime/set.h"

#include <string.h>

#include "gil/critical.h"
#include "gil/qsbr.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/set_impl.h"
#include "runtime/tuple.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetIter {
    MpyObject ob_base;
    MpyObject *set;   /* NULL once exhausted */
    ptrdiff_t used;   /* set size when iteration started; -1 once broken */
    ptrdiff_t pos;
    ptrdiff_t left;
} SetIter;

extern MpyType mpy_set_iter_type;

/* The marker of deleted entries.  Never seen by Python code. */
MpyObject mpy__set_dummy = MPY_STATIC_HEAD(&mpy_object_type);
#define DUMMY (&mpy__set_dummy)

static inline MpySetObject *as_set(MpyObject *o) { return (MpySetObject *)o; }

/* ------------------------------------------------------------------ */
/* Type checks                                                          */

bool mpy_set_check(const MpyObject *o)
{
    if (mpy_is_small_int(o))
        return false;
    MpyType *t = o->ob_type;
    return t == &mpy_set_type || t == &mpy_frozenset_type || mpy_type_is_subtype(t, &mpy_set_type) ||
           mpy_type_is_subtype(t, &mpy_frozenset_type);
}

bool mpy_frozenset_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) &&
           (o->ob_type == &mpy_frozenset_type || mpy_type_is_subtype(o->ob_type, &mpy_frozenset_type));
}

/* ------------------------------------------------------------------ */
/* The hash table                                                       */

/* Are these two keys (with equal hashes) the same, without running Python
 * code?  1 yes, 0 no, -1 "must ask __eq__". */
static inline int quick_equal(MpyObject *a, MpyObject *b)
{
    if (a == b)
        return 1;
    if (mpy_is_small_int(a) || mpy_is_small_int(b))
        return mpy_is_small_int(a) && mpy_is_small_int(b) ? 0 : -1;
    if (a->ob_type == &mpy_str_type && b->ob_type == &mpy_str_type)
        return mpy_str_equal(a, b);
    return -1;
}

/* Find the entry holding `key`, or the empty entry where the search ended
 * (key NULL).  Returns NULL with an exception if __eq__ failed. */
static MpySetEntry *set_lookkey(MpySetObject *so, MpyObject *key, MpyHash hash)
{
restart:;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        MpySetEntry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                MpyObject *startkey = entry->key;
                int eq = quick_equal(startkey, key);
                if (eq > 0)
                    return entry;
                if (eq < 0) {
                    MpySetEntry *table = so->table;
                    MPY_INCREF(startkey);
                    eq = mpy_object_richcompare_bool(startkey, key, MPY_EQ);
                    MPY_DECREF(startkey);
                    if (eq < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        goto restart; // __eq__ changed the set
                    if (eq > 0)
                        return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert into a table known to hold no dummies and not `key` (resizes). */
static void set_insert_clean(MpySetEntry *table, size_t mask, MpyObject *key, MpyHash hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        MpySetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest power-of-two size > minused,
 * dropping dummies.  Returns 0 / -1. */
static int set_table_resize(MpySetObject *so, ptrdiff_t minused)
{
    size_t newsize = MPY_SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    MpySetEntry *oldtable = so->table, *newtable;
    size_t oldmask = (size_t)so->mask;
    bool old_malloced = oldtable != so->smalltable;
    MpySetEntry small_copy[MPY_SET_MINSIZE];
    if (newsize == MPY_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; // no dummies: nothing to gain
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = mpy_mem_alloc(newsize * sizeof(MpySetEntry));
        if (newtable == NULL)
            return -1;
    }
    memset(newtable, 0, newsize * sizeof(MpySetEntry));
    so->mask = (ptrdiff_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (MpySetEntry *e = oldtable; e <= oldtable + oldmask; e++)
        if (e->key != NULL && e->key != DUMMY)
            set_insert_clean(newtable, newsize - 1, e->key, e->hash);
    if (old_malloced)
        mpy_mem_free(oldtable);
    return 0;
}

/* Grow after an insertion filled 60% of the table. */
int mpy__set_grow(MpySetObject *so)
{
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* Add `key` (borrowed) with its hash.  Returns 0 / -1. */
int mpy__set_add_entry(MpySetObject *so, MpyObject *key, MpyHash hash)
{
    // Our own reference first: __eq__ may drop the caller's.
    MPY_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    MpySetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                MpyObject *startkey = entry->key;
                int eq = quick_equal(startkey, key);
                if (eq < 0) {
                    MpySetEntry *table = so->table;
                    MPY_INCREF(startkey);
                    eq = mpy_object_richcompare_bool(startkey, key, MPY_EQ);
                    MPY_DECREF(startkey);
                    if (eq < 0)
                        goto error;
                    if (eq == 0 && (table != so->table || entry->key != startkey))
                        goto restart;
                    mask = (size_t)so->mask;
                }
                if (eq > 0)
                    goto found_active;
            } else if (entry->hash == -1 && freeslot == NULL) {
                freeslot = entry; // reuse the first dummy on the chain
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        MPY_FT_STORE_RELAXED(so->used, so->used + 1);
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    MPY_FT_STORE_RELAXED(so->used, so->used + 1);
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return mpy__set_grow(so);
found_active:
    MPY_DECREF(key);
    return 0;
error:
    MPY_DECREF(key);
    return -1;
}

int mpy__set_add_key(MpySetObject *so, MpyObject *key)
{
    MpyHash hash = mpy__set_hash_of(key);
    if (hash == -1)
        return -1;
    return mpy__set_add_entry(so, key, hash);
}

/* Returns 1 / 0 / -1. */
int mpy__set_contains_entry(MpySetObject *so, MpyObject *key, MpyHash hash)
{
    MpySetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    return entry->key != NULL;
}

int mpy__set_contains_key(MpySetObject *so, MpyObject *key)
{
    MpyHash hash = mpy__set_hash_of(key);
    if (hash == -1)
        return -1;
    return mpy__set_contains_entry(so, key, hash);
}

/* Remove `key`.  Returns 1 if it was there, 0 if not, -1 on error. */
int mpy__set_discard_entry(MpySetObject *so, MpyObject *key, MpyHash hash)
{
    MpySetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return 0;
    MpyObject *old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    MPY_FT_STORE_RELAXED(so->used, so->used - 1);
    mpy__qsbr_retire_decref(old);
    return 1;
}

int mpy__set_discard_key(MpySetObject *so, MpyObject *key)
{
    MpyHash hash = mpy__set_hash_of(key);
    if (hash == -1)
        return -1;
    return mpy__set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(MpySetObject *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = 0;
    MPY_FT_STORE_RELAXED(so->used, 0);
    so->mask = MPY_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empty the set.  The set is made empty *before* the keys are released:
 * a key's destructor may look at the set. */
void mpy__set_clear(MpySetObject *so)
{
    MpySetEntry *table = so->table;
    ptrdiff_t used = so->used;
    bool malloced = table != so->smalltable;
    MpySetEntry small_copy[MPY_SET_MINSIZE];
    if (!malloced) {
        if (so->fill == 0)
            return;
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    set_empty_to_minsize(so);
    for (MpySetEntry *e = table; used > 0; e++) {
        if (e->key != NULL && e->key != DUMMY) {
            used--;
            mpy__qsbr_retire_decref(e->key);
        }
    }
    if (malloced)
        mpy_mem_free(table);
}

/* Walk the live entries: *pos starts at 0.  Returns false at the end. */
bool mpy__set_next_entry(MpySetObject *so, ptrdiff_t *pos, MpySetEntry **out)
{
    ptrdiff_t i = *pos;
    MpySetEntry *table = so->table;
    while (i <= so->mask && (table[i].key == NULL || table[i].key == DUMMY))
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return false;
    *out = &table[i];
    return true;
}

/* so |= other, where other is a set or frozenset (CPython's set_merge). */
static int set_merge(MpySetObject *so, MpySetObject *other)
{
    if (other == so || other->used == 0)
        return 0;
    // One big resize up front; we expect few duplicates.
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    MpySetEntry *src = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        // Same size, no dummies: copy slot for slot.
        for (ptrdiff_t i = 0; i <= other->mask; i++) {
            if (src[i].key != NULL) {
                so->table[i].key = MPY_NEWREF(src[i].key);
                so->table[i].hash = src[i].hash;
            }
        }
        so->fill = other->fill;
        MPY_FT_STORE_RELAXED(so->used, other->used);
        return 0;
    }
    if (so->fill == 0) {
        // Into an empty table no comparisons are needed.
        so->fill = other->used;
        MPY_FT_STORE_RELAXED(so->used, other->used);
        for (ptrdiff_t i = 0; i <= other->mask; i++)
            if (src[i].key != NULL && src[i].key != DUMMY)
                set_insert_clean(so->table, (size_t)so->mask, MPY_NEWREF(src[i].key), src[i].hash);
        return 0;
    }
    for (ptrdiff_t i = 0; i <= other->mask; i++) {
        MpySetEntry *e = &other->table[i];
        if (e->key != NULL && e->key != DUMMY && mpy__set_add_entry(so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* so |= iterable for any iterable (CPython's set_update_internal). */
int mpy__set_update_internal(MpySetObject *so, MpyObject *other)
{
    if (mpy_set_check(other))
        return set_merge(so, as_set(other));
    if (mpy_dict_check_exact(other) && !MPY_FREE_THREADED) {
        /* (Free-threaded: the generic path below, which iterates the dict
         * under its own lock one key at a time.) */
        MpyDictObject *d = (MpyDictObject *)other;
        if ((so->fill + d->used) * 5 >= so->mask * 3 &&
            set_table_resize(so, (so->used + d->used) * 2) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < d->nentries; i++) {
            MpyDictEntry *e = &d->entries[i];
            if (e->key != NULL && mpy__set_add_entry(so, e->key, e->hash) < 0)
                return -1;
            if (i >= d->nentries)
                break; // the dict changed under us
        }
        return 0;
    }
    MpyObject *it = mpy_object_get_iter(other);
    if (it == NULL)
        return -1;
    MpyObject *key;
    int result = 0;
    while ((key = mpy_iter_next(it)) != NULL) {
        result = mpy__set_add_key(so, key);
        MPY_DECREF(key);
        if (result < 0)
            break;
    }
    MPY_DECREF(it);
    return result < 0 || mpy_err_occurred() ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

MpyObject *mpy__set_make(MpyType *type, MpyObject *iterable)
{
    MpySetObject *so = (MpySetObject *)mpy_object_alloc(type);
    if (so == NULL)
        return NULL;
    set_empty_to_minsize(so);
    so->finger = 0;
    mpy_gc_track((MpyObject *)so);
    int r = 0;
    if (iterable != NULL && mpy_set_check(iterable) && !mpy_frozenset_check(iterable)) {
        /* `so` is ours alone; a source set is read under its lock (a no-op
         * when the caller already holds it). */
        MPY_BEGIN_CRITICAL(iterable);
        r = mpy__set_update_internal(so, iterable);
        MPY_END_CRITICAL();
    } else if (iterable != NULL) {
        r = mpy__set_update_internal(so, iterable);
    }
    if (r < 0) {
        MPY_DECREF(so);
        return NULL;
    }
    return (MpyObject *)so;
}

/* A new set or frozenset (whichever `type` derives from) from iterable:
 * results of operations on subclasses are instances of the base type. */
MpyObject *mpy__set_make_basetype(MpyType *type, MpyObject *iterable)
{
    if (type != &mpy_set_type && type != &mpy_frozenset_type)
        type = mpy_type_is_subtype(type, &mpy_set_type) ? &mpy_set_type : &mpy_frozenset_type;
    return mpy__set_make(type, iterable);
}

MpyObject *mpy_set_new(MpyObject *iterable)
{
    return mpy__set_make(&mpy_set_type, iterable);
}

MpyObject *mpy_frozenset_new(MpyObject *iterable)
{
    if (iterable != NULL && !mpy_is_small_int(iterable) && iterable->ob_type == &mpy_frozenset_type)
        return MPY_NEWREF(iterable);
    return mpy__set_make(&mpy_frozenset_type, iterable);
}

/* A copy of `so` of its base type (set or frozenset). */
MpyObject *mpy__set_copy(MpyObject *so)
{
    return mpy__set_make_basetype(MPY_TYPE(so), so);
}

/* ------------------------------------------------------------------ */
/* The C API                                                            */

MpyObject *mpy__set_snapshot(MpyObject *o)
{
#if MPY_FREE_THREADED
    if (mpy_set_check(o) && !mpy_frozenset_check(o) &&
        atomic_load_explicit(&mpy__interp->nthreads, memory_order_relaxed) > 1)
        return mpy__set_make(&mpy_frozenset_type, o); /* locks o while copying */
#endif
    return MPY_NEWREF(o);
}

int mpy_set_add(MpyObject *s, MpyObject *key)
{
    int r;
    MPY_BEGIN_CRITICAL(s);
    r = mpy__set_add_key(as_set(s), key);
    MPY_END_CRITICAL();
    return r;
}

int mpy_set_contains(MpyObject *s, MpyObject *key)
{
    int r;
    MPY_BEGIN_CRITICAL(s);
    r = mpy__set_contains_key(as_set(s), key);
    MPY_END_CRITICAL();
    return r;
}

int mpy_set_discard(MpyObject *s, MpyObject *key)
{
    int r;
    MPY_BEGIN_CRITICAL(s);
    r = mpy__set_discard_key(as_set(s), key);
    MPY_END_CRITICAL();
    return r;
}

ptrdiff_t mpy_set_size(MpyObject *s)
{
    return MPY_FT_LOAD_RELAXED(as_set(s)->used);
}

bool mpy_set_next(MpyObject *s, ptrdiff_t *pos, MpyObject **key)
{
    MpySetEntry *entry;
    bool found;
    MPY_BEGIN_CRITICAL(s);
    found = mpy__set_next_entry(as_set(s), pos, &entry);
    if (found)
        *key = entry->key;
    MPY_END_CRITICAL();
    return found;
}

int mpy_set_update(MpyObject *s, MpyObject *iterable)
{
    MpyObject *other = iterable == s ? MPY_NEWREF(s) : mpy__set_snapshot(iterable);
    if (other == NULL)
        return -1;
    int r;
    MPY_BEGIN_CRITICAL(s);
    r = mpy__set_update_internal(as_set(s), other);
    MPY_END_CRITICAL();
    MPY_DECREF(other);
    return r;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static void set_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MpySetObject *so = as_set(self);
    ptrdiff_t used = so->used;
    for (MpySetEntry *e = so->table; used > 0; e++) {
        if (e->key != NULL && e->key != DUMMY) {
            used--;
            MPY_DECREF(e->key);
        }
    }
    if (so->table != so->smalltable)
        mpy_mem_free(so->table);
    mpy_object_free(self);
}

static int set_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpySetObject *so = as_set(self);
    ptrdiff_t pos = 0;
    MpySetEntry *entry;
    while (mpy__set_next_entry(so, &pos, &entry))
        MPY_VISIT(entry->key);
    return 0;
}

static int set_tp_clear(MpyObject *self)
{
    mpy__set_clear(as_set(self));
    return 0;
}

/* "{1, 2}", "frozenset({1, 2})", "MySet({1})", "set()". */
static MpyObject *set_repr(MpyObject *self)
{
    const char *name = mpy_type_name_of(self);
    int status = mpy_repr_enter(self);
    if (status != 0)
        return status < 0 ? NULL : mpy_str_from_format("%s(...)", name);
    MpyObject *result = NULL;
    if (mpy_set_size(self) == 0) {
        result = mpy_str_from_format("%s()", name);
        goto done;
    }
    // Snapshot the keys: their __repr__ may change the set.
    MpyObject *keys = mpy_list_from_iterable(self);
    if (keys == NULL)
        goto done;
    bool plain = MPY_TYPE(self) == &mpy_set_type;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int r = plain ? 0 : mpy_sb_printf(&sb, "%s(", name);
    if (r == 0)
        r = mpy_sb_append(&sb, "{", 1);
    for (ptrdiff_t i = 0; r == 0 && i < mpy_list_size(keys); i++) {
        if (i > 0)
            r = mpy_sb_append(&sb, ", ", 2);
        if (r == 0)
            r = mpy_sb_append_repr(&sb, ((MpyListObject *)keys)->items[i]);
    }
    if (r == 0)
        r = mpy_sb_append_cstr(&sb, plain ? "}" : "})");
    MPY_DECREF(keys);
    if (r == 0)
        result = mpy_sb_finish(&sb);
    else
        mpy_sb_discard(&sb);
done:
    mpy_repr_leave(self);
    return result;
}

/* Mix a hash's bits before xor-ing it in, so that frozensets of small
 * ints that differ in one element do not collide (CPython's _shuffle_bits). */
static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* An order-independent hash of the keys (CPython's frozenset_hash). */
static MpyHash frozenset_hash(MpyObject *self)
{
    MpySetObject *so = as_set(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    // Empty entries xor in shuffle_bits(0); dummies shuffle_bits(-1):
    // include every slot, then remove their effect if their count is odd.
    for (ptrdiff_t i = 0; i <= so->mask; i++)
        hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (MpyHash)hash;
    return so->hash;
}

static ptrdiff_t set_len(MpyObject *self)
{
    return MPY_FT_LOAD_RELAXED(as_set(self)->used);
}

/* `key in s`; a set key is looked up as the equal frozenset. */
static int set_contains(MpyObject *self, MpyObject *key)
{
    int r = mpy_set_contains(self, key);
    if (r < 0 && mpy_set_check(key) && mpy_err_matches(mpy_exc_TypeError)) {
        mpy_err_clear();
        MpyObject *tmp = mpy__set_make(&mpy_frozenset_type, key);
        if (tmp == NULL)
            return -1;
        r = mpy_set_contains(self, tmp);
        MPY_DECREF(tmp);
    }
    return r;
}

static MpyObject *set_iter(MpyObject *self)
{
    SetIter *it = (SetIter *)mpy_object_alloc(&mpy_set_iter_type);
    if (it == NULL)
        return NULL;
    it->set = MPY_NEWREF(self);
    it->used = mpy_set_size(self);
    it->left = it->used;
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static MpyObject *set_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return mpy__set_make(type, NULL);
}

static int set_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
        mpy_err_set(mpy_exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        mpy_err_format(mpy_exc_TypeError, "%s expected at most 1 argument, got %zu",
                       mpy_type_name_of(self), nargs);
        return -1;
    }
    MpySetObject *so = as_set(self);
    MPY_BEGIN_CRITICAL(so);
    if (so->fill)
        mpy__set_clear(so);
    so->hash = -1;
    MPY_END_CRITICAL();
    return nargs == 1 ? mpy_set_update(self, args[0]) : 0;
}

static MpyObject *frozenset_new(MpyType *type, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0 &&
        (type == &mpy_frozenset_type || type->init == mpy_frozenset_type.init))
        return mpy_err_format(mpy_exc_TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "%s expected at most 1 argument, got %zu",
                              mpy_type_name(type), nargs);
    MpyObject *iterable = nargs == 1 ? args[0] : NULL;
    if (type == &mpy_frozenset_type)
        return mpy_frozenset_new(iterable);
    return mpy__set_make(type, iterable);
}

MpyType mpy_set_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "set",
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.",
    .basicsize = sizeof(MpySetObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = mpy__set_richcompare,
    .iter = set_iter,
    .new = set_new,
    .init = set_init,
    .traverse = set_traverse,
    .clear = set_tp_clear,
    .nb[MPY_NB_OR] = mpy__set_or,
    .nb[MPY_NB_AND] = mpy__set_and,
    .nb[MPY_NB_SUBTRACT] = mpy__set_sub,
    .nb[MPY_NB_XOR] = mpy__set_xor,
    .nb_inplace[MPY_NB_OR] = mpy__set_ior,
    .nb_inplace[MPY_NB_AND] = mpy__set_iand,
    .nb_inplace[MPY_NB_SUBTRACT] = mpy__set_isub,
    .nb_inplace[MPY_NB_XOR] = mpy__set_ixor,
    .len = set_len,
    .contains = set_contains,
    .methods = mpy__set_methods,
};

MpyType mpy_frozenset_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "frozenset",
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.",
    .basicsize = sizeof(MpySetObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = mpy__set_richcompare,
    .iter = set_iter,
    .new = frozenset_new,
    .traverse = set_traverse,
    .clear = set_tp_clear,
    .nb[MPY_NB_OR] = mpy__set_or,
    .nb[MPY_NB_AND] = mpy__set_and,
    .nb[MPY_NB_SUBTRACT] = mpy__set_sub,
    .nb[MPY_NB_XOR] = mpy__set_xor,
    .len = set_len,
    .contains = set_contains,
    .methods = mpy__frozenset_methods,
};

/* ------------------------------------------------------------------ */
/* The iterator                                                         */

static void set_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((SetIter *)self)->set);
    mpy_object_free(self);
}

static int set_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((SetIter *)self)->set);
    return 0;
}

static MpyObject *set_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *set_iter_next(MpyObject *self)
{
    SetIter *it = (SetIter *)self;
    MpyObject *set = it->set, *key = NULL;
    if (set == NULL)
        return NULL;
    MpySetObject *so = as_set(set);
    bool changed, done = false;
    MPY_BEGIN_CRITICAL(so);
    changed = it->used != so->used;
    MpySetEntry *entry;
    if (!changed && mpy__set_next_entry(so, &it->pos, &entry)) {
        it->left--;
        key = MPY_NEWREF(entry->key);
    } else if (!changed) {
        done = true;
    }
    MPY_END_CRITICAL();
    if (changed) {
        mpy_err_set(mpy_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1; // stay broken
    } else if (done) {
        MPY_CLEAR(it->set); // after the section: it may free the set
    }
    return key;
}

static MpyObject *set_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                       MpyObject *k)
{
    SetIter *it = (SetIter *)self;
    ptrdiff_t left = it->set != NULL && it->used == mpy_set_size(it->set) ? it->left : 0;
    return mpy_int_from_ssize(left);
}

static const MpyMethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_set_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "set_iterator",
    .basicsize = sizeof(SetIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = set_iter_dealloc,
    .traverse = set_iter_traverse,
    .iter = set_iter_self,
    .iternext = set_iter_next,
    .methods = set_iter_methods,
};

#undef DUMMY
#undef LINEAR_PROBES
#undef PERTURB_SHIFT
