/* runtime/dict.c: the dict hash table and the dict type's core slots.
 *
 * Models CPython's Objects/dictobject.c "compact dict":
 *
 *   indices: [ -1, 2, -1, 0, -2, 1, -1, -1 ]   sparse, 1 << log2_size slots
 *   entries: [ (h0,k0,v0), (h1,k1,v1), (h2,k2,v2) ]  dense, insertion order
 *
 * A lookup probes `indices` starting at hash & mask with CPython's
 * perturbation recurrence (i = 5*i + perturb + 1), so every slot is
 * eventually visited; -1 ends the search, -2 marks a deleted entry.  The
 * entry array keeps insertion order, which is what iteration walks.  The
 * table is rebuilt (dropping deleted entries) when `entries` is full.
 *
 * Comparing keys can run Python code (__eq__) that mutates the dict; like
 * CPython, a lookup that sees the table change under it starts over.
 * Methods beyond the core (keys/values/items views, update, pop ...) are in
 * runtime/dict_methods.c and runtime/dict_views.c.
 *
 * Free-threaded build: every mutation runs in the dict's critical section
 * (gil/critical.h).  Keys and values that leave the dict, and tables that
 * a resize replaces, are *retired* (gil/qsbr.h) rather than released at
 * once, so a borrowed value returned by a lookup stays valid until the
 * reader's next safe point, as it would under a GIL.
 *
 * Lookups of exact-str keys (globals, builtins, attributes: nearly all of
 * them) take no lock: `version` doubles as a sequence lock.  A writer makes
 * it odd before it touches the table and stores a new even version when it
 * is done; a reader that saw the same even version before and after its
 * probe read a consistent table (everything it touched stays allocated
 * until its next safe point, see above), else it looks again under the
 * lock.  Stores a lock-free reader may see are atomic (release where they
 * publish memory), loads acquire: plain moves on x86.  (CPython 3.13t does
 * the same job with per-entry try-increfs; the sequence lock is simpler.)
 */
#include "runtime/dict.h"
#include "runtime/type.h"

#include <stdlib.h>
#include <string.h>

#include "gil/critical.h"
#include "gil/qsbr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MIN_LOG2 3
#define PERTURB_SHIFT 5

extern const MpyMethodDef mpy__dict_methods[];
MpyObject *mpy__dict_or(MpyObject *a, MpyObject *b);         /* runtime/dict_methods.c */
MpyObject *mpy__dict_ior(MpyObject *self, MpyObject *other); /* runtime/dict_methods.c */
MpyObject *mpy__dict_iter(MpyObject *dict); /* runtime/dict_views.c */

/* Versions are even and never repeat (odd means "being written", above).
 * The free-threaded build hands each thread a batch of them, so two threads
 * writing dicts never write one shared counter (CPython 3.13t does so too);
 * the GIL build counts plainly. */
#if MPY_FREE_THREADED
#define VERSION_BATCH ((uint64_t)1 << 16)
static _Atomic uint64_t version_batches;
static _Thread_local uint64_t version_next MPY_TLS_FAST, version_end MPY_TLS_FAST;

uint64_t mpy__dict_next_version(void)
{
    if (version_next == version_end) {
        version_next = atomic_fetch_add_explicit(&version_batches, VERSION_BATCH,
                                                 memory_order_relaxed);
        version_end = version_next + VERSION_BATCH;
    }
    return version_next += 2;
}

/* Start / finish changing the table (see the header comment). */
static inline void write_begin(MpyDictObject *d)
{
    /* Every store that follows is a release store, which keeps this one
     * before it (no fence: ThreadSanitizer does not model fences). */
    __atomic_store_n(&d->version, d->version | 1, __ATOMIC_RELAXED);
}

static inline void write_end(MpyDictObject *d)
{
    __atomic_store_n(&d->version, mpy__dict_next_version(), __ATOMIC_RELEASE);
}
#else
static uint64_t version_counter;

uint64_t mpy__dict_next_version(void)
{
    return version_counter += 2;
}

static inline void write_begin(MpyDictObject *d) { (void)d; }
static inline void write_end(MpyDictObject *d) { d->version = mpy__dict_next_version(); }
#endif

static inline ptrdiff_t usable_of(ptrdiff_t log2) { return ((ptrdiff_t)1 << log2) * 2 / 3; }
static inline size_t mask_of(const MpyDictObject *d) { return ((size_t)1 << d->log2_size) - 1; }

/* ------------------------------------------------------------------ */
/* Table management                                                     */

/* The slot of `indices` (size mask + 1) where an entry with this hash
 * can go (no dummies are reused: the table only ever holds fresh inserts
 * after a rebuild). */
static size_t empty_slot_in(const int32_t *indices, size_t mask, MpyHash hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (indices[i] != IX_EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static size_t find_empty_slot(const MpyDictObject *d, MpyHash hash)
{
    return empty_slot_in(d->indices, mask_of(d), hash);
}

/* Rebuild the table able to hold at least `min_used` live entries.  The
 * caller is between write_begin() and write_end().  The new table is
 * filled while private and only then published (release stores), so a
 * lock-free reader sees either table whole. */
static int resize(MpyDictObject *d, ptrdiff_t min_used)
{
    ptrdiff_t log2 = MIN_LOG2;
    while (usable_of(log2) < min_used)
        log2++;
    size_t size = (size_t)1 << log2;
    int32_t *indices = malloc(size * sizeof(int32_t));
    MpyDictEntry *entries = malloc((size_t)usable_of(log2) * sizeof(MpyDictEntry));
    if (indices == NULL || entries == NULL) {
        free(indices);
        free(entries);
        mpy_err_no_memory();
        return -1;
    }
    memset(indices, 0xFF, size * sizeof(int32_t)); /* all IX_EMPTY */
    int32_t *old_indices = d->indices;
    MpyDictEntry *old_entries = d->entries;
    ptrdiff_t j = 0;
    for (ptrdiff_t i = 0; i < d->nentries; i++) {
        if (old_entries[i].key == NULL)
            continue;
        entries[j] = old_entries[i];
        indices[empty_slot_in(indices, size - 1, old_entries[i].hash)] = (int32_t)j;
        j++;
    }
    MPY_FT_STORE_RELEASE(d->indices, indices);
    MPY_FT_STORE_RELEASE(d->entries, entries);
    MPY_FT_STORE_RELEASE(d->log2_size, log2);
    MPY_FT_STORE_RELEASE(d->nentries, j);
    mpy__qsbr_retire_free(old_indices);
    mpy__qsbr_retire_free(old_entries);
    return 0;
}

static int grow(MpyDictObject *d)
{
    return resize(d, d->used * 3 > 8 ? d->used * 3 : 8);
}

/* ------------------------------------------------------------------ */
/* Lookup                                                               */

/* Find `key`.  Returns the entry index (>= 0), -1 if missing, -2 on error
 * (exception set).  *slot receives the indices slot of the entry. */
static ptrdiff_t lookup(MpyDictObject *d, MpyObject *key, MpyHash hash, size_t *slot)
{
    bool exact_str = mpy_str_check_exact(key);
restart:;
    size_t mask = mask_of(d);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            MpyDictEntry *e = &d->entries[ix];
            if (e->key == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                if (exact_str && mpy_str_check_exact(e->key)) {
                    if (mpy_str_equal(e->key, key)) {
                        *slot = i;
                        return ix;
                    }
                } else {
                    MpyDictEntry *entries = d->entries;
                    MpyObject *startkey = MPY_NEWREF(e->key);
                    int eq = mpy_object_richcompare_bool(startkey, key, MPY_EQ);
                    MPY_DECREF(startkey);
                    if (eq < 0)
                        return -2;
                    if (entries != d->entries || d->entries[ix].key != startkey)
                        goto restart; /* __eq__ changed the dict */
                    if (eq) {
                        *slot = i;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

bool mpy__dict_replace_at(MpyObject *dict, uint32_t ix, MpyObject *name, MpyObject *value)
{
    MpyDictObject *d = (MpyDictObject *)dict;
    if (d == NULL)
        return false;
    MpyObject *old = NULL;
    MPY_BEGIN_CRITICAL(d);
    if (ix < (uint64_t)d->nentries && d->entries[ix].key == name) {
        old = d->entries[ix].value;
        write_begin(d);
        MPY_FT_STORE_RELEASE(d->entries[ix].value, value);
        write_end(d);
    }
    MPY_END_CRITICAL();
    if (old == NULL)
        return false;
    mpy__qsbr_retire_decref(old);
    return true;
}

void mpy__dict_write_begin(MpyDictObject *d) { write_begin(d); }
void mpy__dict_write_end(MpyDictObject *d) { write_end(d); }

#if MPY_FREE_THREADED
/* The lock-free lookup of an exact str `key` (see the header comment).
 * Returns 1 and stores the value (borrowed, valid until this thread's next
 * safe point), 0 when the key is missing, -1 when it cannot tell (a writer
 * was busy, or a key of another type has the same hash): look again under
 * the lock. */
static int lookup_str_unlocked(MpyDictObject *d, MpyObject *key, MpyHash hash,
                               MpyObject **value)
{
    uint64_t version = __atomic_load_n(&d->version, __ATOMIC_ACQUIRE);
    if (version & 1)
        return -1;
    int32_t *indices = MPY_FT_LOAD_ACQUIRE(d->indices);
    MpyDictEntry *entries = MPY_FT_LOAD_ACQUIRE(d->entries);
    size_t mask = ((size_t)1 << MPY_FT_LOAD_ACQUIRE(d->log2_size)) - 1;
    /* The acquire loads above keep this re-read after them. */
    if (__atomic_load_n(&d->version, __ATOMIC_ACQUIRE) != version)
        return -1; /* the three fields may belong to different tables */
    MpyObject *found = NULL;
    if (indices != NULL) {
        size_t perturb = (size_t)hash;
        size_t i = (size_t)hash & mask;
        for (;;) {
            int32_t ix = MPY_FT_LOAD_ACQUIRE(indices[i]);
            if (ix == IX_EMPTY)
                break;
            if (ix >= 0) {
                MpyDictEntry *e = &entries[ix];
                MpyObject *k = MPY_FT_LOAD_ACQUIRE(e->key);
                if (k == key || (k != NULL && MPY_FT_LOAD_ACQUIRE(e->hash) == hash &&
                                 !mpy_is_small_int(k) && mpy_str_check_exact(k) &&
                                 mpy_str_equal(k, key))) {
                    found = MPY_FT_LOAD_ACQUIRE(e->value);
                    break;
                }
                if (k != NULL && MPY_FT_LOAD_ACQUIRE(e->hash) == hash)
                    return -1; /* would need __eq__: only under the lock */
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    if (__atomic_load_n(&d->version, __ATOMIC_ACQUIRE) != version)
        return -1;
    *value = found;
    return found != NULL;
}
#endif

MpyObject *mpy_dict_get_with_hash(MpyObject *self, MpyObject *key, MpyHash hash)
{
    MpyDictObject *d = (MpyDictObject *)self;
    MpyObject *value = NULL;
#if MPY_FREE_THREADED
    if (!mpy_is_small_int(key) && mpy_str_check_exact(key) &&
        lookup_str_unlocked(d, key, hash, &value) >= 0) {
        if (value != NULL)
            MPY_INCREF(value);
        return value;
    }
#endif
    MPY_BEGIN_CRITICAL(d);
    if (d->used > 0) {
        size_t slot;
        ptrdiff_t ix = lookup(d, key, hash, &slot);
        if (ix >= 0)
            value = MPY_NEWREF(d->entries[ix].value);
    }
    MPY_END_CRITICAL();
    return value;
}

static MpyHash hash_of(MpyObject *key)
{
    if (mpy_str_check_exact(key)) {
        MpyHash h = ((MpyStrObject *)key)->hash;
        return h != -1 ? h : mpy_str_hash(key);
    }
    return mpy_object_hash(key);
}

MpyObject *mpy_dict_get(MpyObject *self, MpyObject *key)
{
    MpyHash hash = hash_of(key);
    if (hash == -1)
        return NULL;
    return mpy_dict_get_with_hash(self, key, hash);
}

MpyObject *mpy_dict_get_str_borrowed(MpyObject *self, MpyObject *key)
{
    MpyDictObject *d = (MpyDictObject *)self;
    if (MPY_FT_LOAD_RELAXED(d->used) == 0)
        return NULL;
    MpyHash hash = hash_of(key);
    MpyObject *value = NULL;
#if MPY_FREE_THREADED
    if (!mpy_is_small_int(key) && mpy_str_check_exact(key) &&
        lookup_str_unlocked(d, key, hash, &value) >= 0)
        return value;
#endif
    MPY_BEGIN_CRITICAL(d);
    size_t slot;
    ptrdiff_t ix = d->used == 0 ? -1 : lookup(d, key, hash, &slot);
    if (ix >= 0)
        value = d->entries[ix].value; /* retired, not freed, if replaced: see above */
    MPY_END_CRITICAL();
    return value;
}

MpyObject *mpy_dict_get_cstr(MpyObject *self, const char *key)
{
    MpyObject *k = mpy_str_from_cstr(key);
    if (k == NULL)
        return NULL;
    MpyObject *v = mpy_dict_get(self, k);
    MPY_DECREF(k);
    return v;
}

int mpy_dict_contains(MpyObject *self, MpyObject *key)
{
    MpyHash hash = hash_of(key);
    if (hash == -1)
        return -1;
    MpyDictObject *d = (MpyDictObject *)self;
    ptrdiff_t ix = -1;
    MPY_BEGIN_CRITICAL(d);
    size_t slot;
    if (d->used > 0)
        ix = lookup(d, key, hash, &slot);
    MPY_END_CRITICAL();
    return ix >= 0 ? 1 : ix == -1 ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Insertion and deletion                                               */

/* Insert or replace; consumes the references to key and value.  The
 * caller holds the dict's critical section. */
static int insert_take(MpyDictObject *d, MpyObject *key, MpyHash hash, MpyObject *value)
{
    size_t slot;
    ptrdiff_t ix = d->used == 0 && d->nentries == 0 ? -1 : lookup(d, key, hash, &slot);
    if (ix == -2)
        goto fail;
    if (ix >= 0) {
        MpyObject *old = d->entries[ix].value;
        write_begin(d);
        MPY_FT_STORE_RELEASE(d->entries[ix].value, value);
        write_end(d);
        MPY_DECREF(key);
        mpy__qsbr_retire_decref(old);
        return 0;
    }
    write_begin(d);
    if (d->entries == NULL || d->nentries >= usable_of(d->log2_size)) {
        if (grow(d) < 0) {
            write_end(d);
            goto fail;
        }
    }
    MpyDictEntry *e = &d->entries[d->nentries];
    MPY_FT_STORE_RELEASE(e->hash, hash);
    MPY_FT_STORE_RELEASE(e->key, key);
    MPY_FT_STORE_RELEASE(e->value, value);
    MPY_FT_STORE_RELEASE(d->indices[find_empty_slot(d, hash)], (int32_t)d->nentries);
    MPY_FT_STORE_RELEASE(d->nentries, d->nentries + 1);
    MPY_FT_STORE_RELEASE(d->used, d->used + 1);
    write_end(d);
    return 0;
fail:
    MPY_DECREF(key);
    MPY_DECREF(value);
    return -1;
}

int mpy_dict_set_take(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MpyHash hash = hash_of(key);
    if (hash == -1) {
        MPY_DECREF(value);
        return -1;
    }
    MPY_INCREF(key);
    int r;
    MPY_BEGIN_CRITICAL(self);
    r = insert_take((MpyDictObject *)self, key, hash, value);
    MPY_END_CRITICAL();
    return r;
}

int mpy_dict_set(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MPY_INCREF(value);
    return mpy_dict_set_take(self, key, value);
}

int mpy_dict_set_cstr(MpyObject *self, const char *key, MpyObject *value)
{
    MpyObject *k = mpy_str_intern_take(mpy_str_from_cstr(key));
    if (k == NULL)
        return -1;
    int r = mpy_dict_set(self, k, value);
    MPY_DECREF(k);
    return r;
}

/* Remove entry ix found at indices slot `slot`.  Returns its value (owned;
 * a reader may still hold it borrowed: the caller releases it through
 * mpy__qsbr_retire_decref or hands it to Python code, never frees it
 * directly).  The caller holds the dict's critical section. */
static MpyObject *remove_entry(MpyDictObject *d, ptrdiff_t ix, size_t slot)
{
    MpyDictEntry *e = &d->entries[ix];
    MpyObject *key = e->key, *value = e->value;
    write_begin(d);
    MPY_FT_STORE_RELEASE(d->indices[slot], IX_DUMMY);
    MPY_FT_STORE_RELEASE(e->key, NULL);
    MPY_FT_STORE_RELEASE(e->value, NULL);
    MPY_FT_STORE_RELEASE(d->used, d->used - 1);
    write_end(d);
    mpy__qsbr_retire_decref(key);
#if MPY_FREE_THREADED
    /* The caller may drop the value at once: keep it alive for readers
     * that found it without the lock. */
    MPY_INCREF(value);
    mpy__qsbr_retire_decref(value);
#endif
    return value;
}

MpyObject *mpy_dict_pop(MpyObject *self, MpyObject *key, MpyObject *dflt)
{
    MpyDictObject *d = (MpyDictObject *)self;
    MpyHash hash = hash_of(key);
    if (hash == -1)
        return NULL;
    size_t slot;
    MpyObject *value = NULL;
    MPY_BEGIN_CRITICAL(d);
    ptrdiff_t ix = d->used == 0 ? -1 : lookup(d, key, hash, &slot);
    if (ix >= 0)
        value = remove_entry(d, ix, slot);
    else if (ix == -1 && dflt != NULL)
        value = MPY_NEWREF(dflt);
    else if (ix == -1)
        mpy_err_key_error(key);
    MPY_END_CRITICAL();
    return value;
}

int mpy_dict_del(MpyObject *self, MpyObject *key)
{
    MpyObject *v = mpy_dict_pop(self, key, NULL);
    if (v == NULL)
        return -1;
    mpy__qsbr_retire_decref(v);
    return 0;
}

MpyObject *mpy_dict_setdefault(MpyObject *self, MpyObject *key, MpyObject *dflt)
{
    MpyHash hash = hash_of(key);
    if (hash == -1)
        return NULL;
    MpyDictObject *d = (MpyDictObject *)self;
    MpyObject *v = NULL;
    /* One section: the lookup and the insert are atomic together, as
     * CPython's setdefault is. */
    MPY_BEGIN_CRITICAL(d);
    size_t slot;
    ptrdiff_t ix = d->used == 0 ? -1 : lookup(d, key, hash, &slot);
    if (ix >= 0) {
        v = MPY_NEWREF(d->entries[ix].value);
    } else if (ix == -1) {
        MPY_INCREF(key);
        MPY_INCREF(dflt);
        if (insert_take(d, key, hash, dflt) == 0)
            v = MPY_NEWREF(dflt);
    }
    MPY_END_CRITICAL();
    return v;
}

/* Empty the table; returns the old entries (n of them) for the caller to
 * release.  Under the critical section. */
static MpyDictEntry *detach_table(MpyDictObject *d, ptrdiff_t *n)
{
    MpyDictEntry *entries = d->entries;
    *n = d->nentries;
    write_begin(d);
    mpy__qsbr_retire_free(d->indices);
    MPY_FT_STORE_RELEASE(d->indices, NULL);
    MPY_FT_STORE_RELEASE(d->entries, NULL);
    MPY_FT_STORE_RELEASE(d->log2_size, 0);
    MPY_FT_STORE_RELEASE(d->used, 0);
    MPY_FT_STORE_RELEASE(d->nentries, 0);
    write_end(d);
    return entries;
}

void mpy_dict_clear(MpyObject *self)
{
    MpyDictObject *d = (MpyDictObject *)self;
    MpyDictEntry *entries;
    ptrdiff_t n;
    MPY_BEGIN_CRITICAL(d);
    entries = detach_table(d, &n);
    MPY_END_CRITICAL();
    for (ptrdiff_t i = 0; i < n; i++) {
        mpy__qsbr_retire_decref(entries[i].key);
        mpy__qsbr_retire_decref(entries[i].value);
    }
    mpy__qsbr_retire_free(entries);
}

/* Clearing a dict nobody else can see any more (dealloc). */
static void clear_now(MpyDictObject *d)
{
    ptrdiff_t n;
    MpyDictEntry *entries = detach_table(d, &n);
    for (ptrdiff_t i = 0; i < n; i++) {
        MPY_XDECREF(entries[i].key);
        MPY_XDECREF(entries[i].value);
    }
    free(entries);
}

/* ------------------------------------------------------------------ */
/* Iteration and bulk operations                                        */

bool mpy_dict_next(MpyObject *self, ptrdiff_t *pos, MpyObject **key, MpyObject **value)
{
    MpyDictObject *d = (MpyDictObject *)self;
    bool found = false;
    MPY_BEGIN_CRITICAL(d);
    ptrdiff_t i = *pos;
    while (i < d->nentries && d->entries[i].key == NULL)
        i++;
    if (i < d->nentries) {
        if (key != NULL)
            *key = d->entries[i].key;
        if (value != NULL)
            *value = d->entries[i].value;
        *pos = i + 1;
        found = true;
    }
    MPY_END_CRITICAL();
    return found;
}

MpyObject *mpy_dict_new(void)
{
    MpyDictObject *d = (MpyDictObject *)mpy_object_alloc(&mpy_dict_type);
    if (d == NULL)
        return NULL;
    mpy_gc_track((MpyObject *)d);
    return (MpyObject *)d;
}

MpyObject *mpy_dict_copy(MpyObject *self)
{
    MpyObject *copy = mpy_dict_new();
    if (copy == NULL)
        return NULL;
    if (mpy_dict_merge(copy, self, 1) < 0) {
        MPY_DECREF(copy);
        return NULL;
    }
    return copy;
}

/* Merge from another dict (fast path) or any mapping with keys(). */
int mpy_dict_merge(MpyObject *self, MpyObject *other, int override)
{
    if (mpy_dict_check(other) && MPY_TYPE(other)->iter == mpy_dict_type.iter) {
        MpyDictObject *o = (MpyDictObject *)other;
        int result = 0;
        /* Both dicts locked (in address order) for the whole copy, as
         * CPython's dict_merge: the update is atomic unless a key's __eq__
         * blocks. */
        MPY_BEGIN_CRITICAL2(self, other);
        if (((MpyDictObject *)self)->used == 0 && override != 2) {
            write_begin((MpyDictObject *)self);
            if (resize((MpyDictObject *)self, o->used) < 0)
                result = -1;
            write_end((MpyDictObject *)self);
        }
        for (ptrdiff_t i = 0; result == 0 && i < o->nentries; i++) {
            MpyDictEntry *e = &o->entries[i];
            if (e->key == NULL)
                continue;
            MpyObject *key = MPY_NEWREF(e->key), *value = MPY_NEWREF(e->value);
            MpyHash hash = e->hash;
            if (override != 1) {
                size_t slot;
                MpyDictObject *sd = (MpyDictObject *)self;
                ptrdiff_t ix = sd->used == 0 ? -1 : lookup(sd, key, hash, &slot);
                if (ix != -1) {
                    if (ix >= 0 && override == 2)
                        mpy_err_key_error(key);
                    MPY_DECREF(key);
                    MPY_DECREF(value);
                    if (ix == -2 || override == 2)
                        result = -1;
                    continue;
                }
            }
            if (insert_take((MpyDictObject *)self, key, hash, value) < 0)
                result = -1;
            else if (o->entries == NULL || i >= o->nentries)
                break; /* the other dict changed under us */
        }
        MPY_END_CRITICAL2();
        return result;
    }
    MpyObject *keys = mpy_object_call_method_cstr(other, "keys", NULL, 0);
    if (keys == NULL)
        return -1;
    MpyObject *it = mpy_object_get_iter(keys);
    MPY_DECREF(keys);
    if (it == NULL)
        return -1;
    MpyObject *key;
    while ((key = mpy_iter_next(it)) != NULL) {
        int has = override != 1 ? mpy_dict_contains(self, key) : 0;
        if (has != 0) {
            if (has > 0 && override == 2)
                mpy_err_key_error(key);
            if (has < 0 || override == 2) {
                MPY_DECREF(key);
                MPY_DECREF(it);
                return -1;
            }
            MPY_DECREF(key);
            continue;
        }
        MpyObject *value = mpy_object_getitem(other, key);
        int r = value == NULL ? -1 : mpy_dict_set_take(self, key, value);
        MPY_DECREF(key);
        if (r < 0) {
            MPY_DECREF(it);
            return -1;
        }
    }
    MPY_DECREF(it);
    return mpy_err_occurred() ? -1 : 0;
}

/* d.update(iterable of pairs). */
static int merge_pairs(MpyObject *self, MpyObject *iterable)
{
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return -1;
    MpyObject *item;
    ptrdiff_t n = 0;
    while ((item = mpy_iter_next(it)) != NULL) {
        MpyObject *pair = mpy_tuple_from_iterable(item);
        if (pair == NULL) {
            if (mpy_err_matches(mpy_exc_TypeError)) {
                mpy_err_clear();
                mpy_err_format(mpy_exc_TypeError,
                               "cannot convert dictionary update sequence element #%zd to a sequence", n);
            }
            MPY_DECREF(item);
            goto fail;
        }
        MPY_DECREF(item);
        if (mpy_tuple_size(pair) != 2) {
            mpy_err_format(mpy_exc_ValueError,
                           "dictionary update sequence element #%zd has length %zd; 2 is required",
                           n, mpy_tuple_size(pair));
            MPY_DECREF(pair);
            goto fail;
        }
        int r = mpy_dict_set(self, mpy_tuple_item(pair, 0), mpy_tuple_item(pair, 1));
        MPY_DECREF(pair);
        if (r < 0)
            goto fail;
        n++;
    }
    MPY_DECREF(it);
    return mpy_err_occurred() ? -1 : 0;
fail:
    MPY_DECREF(it);
    return -1;
}

int mpy_dict_update(MpyObject *self, MpyObject *other)
{
    if (mpy_dict_check(other))
        return mpy_dict_merge(self, other, 1);
    MpyObject *keys = mpy_object_lookup_attr(other, MPY_ID(keys));
    if (keys != NULL) {
        MPY_DECREF(keys);
        return mpy_dict_merge(self, other, 1);
    }
    if (mpy_err_occurred())
        return -1;
    return merge_pairs(self, other);
}

static MpyObject *collect(MpyObject *self, int what)
{
    MpyDictObject *d = (MpyDictObject *)self;
    MpyObject *list = NULL;
    MPY_BEGIN_CRITICAL(d);
    list = mpy_list_new(d->used);
    ptrdiff_t j = 0;
    for (ptrdiff_t i = 0; list != NULL && i < d->nentries; i++) {
        MpyDictEntry *e = &d->entries[i];
        if (e->key == NULL)
            continue;
        MpyObject *item;
        if (what == 0)
            item = MPY_NEWREF(e->key);
        else if (what == 1)
            item = MPY_NEWREF(e->value);
        else if ((item = mpy_tuple_pack(2, e->key, e->value)) == NULL) {
            MPY_CLEAR(list);
            break;
        }
        mpy_list_init_take(list, j++, item);
    }
    MPY_END_CRITICAL();
    return list;
}

MpyObject *mpy_dict_keys(MpyObject *self) { return collect(self, 0); }
MpyObject *mpy_dict_values(MpyObject *self) { return collect(self, 1); }
MpyObject *mpy_dict_items(MpyObject *self) { return collect(self, 2); }

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static void dict_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    clear_now((MpyDictObject *)self);
    mpy_object_free(self);
}

static int dict_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyDictObject *d = (MpyDictObject *)self;
    for (ptrdiff_t i = 0; i < d->nentries; i++) {
        MPY_VISIT(d->entries[i].key);
        MPY_VISIT(d->entries[i].value);
    }
    return 0;
}

static int dict_tp_clear(MpyObject *self)
{
    mpy_dict_clear(self);
    return 0;
}

/* The next live entry at or after *pos, as new references; false at the
 * end.  One step under the lock: the caller may run Python code between
 * steps (which may change the dict). */
static bool entry_refs(MpyDictObject *d, ptrdiff_t *pos, MpyObject **key, MpyObject **value,
                       MpyHash *hash)
{
    bool found = false;
    MPY_BEGIN_CRITICAL(d);
    ptrdiff_t i = *pos;
    while (i < d->nentries && d->entries[i].key == NULL)
        i++;
    if (i < d->nentries) {
        *key = MPY_NEWREF(d->entries[i].key);
        *value = MPY_NEWREF(d->entries[i].value);
        if (hash != NULL)
            *hash = d->entries[i].hash;
        *pos = i + 1;
        found = true;
    }
    MPY_END_CRITICAL();
    return found;
}

static MpyObject *dict_repr(MpyObject *self)
{
    MpyDictObject *d = (MpyDictObject *)self;
    if (MPY_FT_LOAD_RELAXED(d->used) == 0)
        return mpy_str_from_cstr("{}");
    int rec = mpy_repr_enter(self);
    if (rec != 0)
        return rec > 0 ? mpy_str_from_cstr("{...}") : NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    bool first = true;
    if (mpy_sb_append(&sb, "{", 1) < 0)
        goto fail;
    MpyObject *key, *value;
    for (ptrdiff_t pos = 0; entry_refs(d, &pos, &key, &value, NULL);) {
        int r = (!first && mpy_sb_append(&sb, ", ", 2) < 0) || mpy_sb_append_repr(&sb, key) < 0 ||
                mpy_sb_append(&sb, ": ", 2) < 0 || mpy_sb_append_repr(&sb, value) < 0;
        MPY_DECREF(key);
        MPY_DECREF(value);
        if (r)
            goto fail;
        first = false;
    }
    if (mpy_sb_append(&sb, "}", 1) < 0)
        goto fail;
    mpy_repr_leave(self);
    return mpy_sb_finish(&sb);
fail:
    mpy_repr_leave(self);
    mpy_sb_discard(&sb);
    return NULL;
}

static int dict_equal(MpyDictObject *a, MpyDictObject *b)
{
    if (MPY_FT_LOAD_RELAXED(a->used) != MPY_FT_LOAD_RELAXED(b->used))
        return 0;
    MpyObject *key, *aval;
    MpyHash hash;
    for (ptrdiff_t pos = 0; entry_refs(a, &pos, &key, &aval, &hash);) {
        MpyObject *bval = mpy_dict_get_with_hash((MpyObject *)b, key, hash);
        int r;
        if (bval == NULL)
            r = mpy_err_occurred() ? -1 : 0;
        else
            r = mpy_object_richcompare_bool(aval, bval, MPY_EQ);
        MPY_DECREF(key);
        MPY_DECREF(aval);
        MPY_XDECREF(bval);
        if (r <= 0)
            return r;
    }
    return 1;
}

static MpyObject *dict_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_dict_check(a) || !mpy_dict_check(b) || (op != MPY_EQ && op != MPY_NE))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    int r = dict_equal((MpyDictObject *)a, (MpyDictObject *)b);
    if (r < 0)
        return NULL;
    return MPY_NEWREF(mpy_bool_from((op == MPY_EQ) == (r == 1)));
}

static ptrdiff_t dict_len(MpyObject *self)
{
    return MPY_FT_LOAD_RELAXED(((MpyDictObject *)self)->used);
}

static MpyObject *dict_subscript(MpyObject *self, MpyObject *key)
{
    MpyObject *v = mpy_dict_get(self, key);
    if (v != NULL || mpy_err_occurred())
        return v;
    if (!mpy_dict_check_exact(self)) {
        MpyObject *missing = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__missing__));
        if (missing != NULL) {
            MpyObject *args[2] = {self, key};
            return mpy_object_call(missing, args, 2, NULL);
        }
    }
    return mpy_err_key_error(key);
}

static int dict_ass_subscript(MpyObject *self, MpyObject *key, MpyObject *value)
{
    if (value == NULL)
        return mpy_dict_del(self, key);
    return mpy_dict_set(self, key, value);
}

static MpyObject *dict_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *self = mpy_object_alloc(type);
    if (self != NULL)
        mpy_gc_track(self);
    return self;
}

static int dict_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (nargs > 1) {
        mpy_err_format(mpy_exc_TypeError, "dict expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs == 1 && mpy_dict_update(self, args[0]) < 0)
        return -1;
    ptrdiff_t nkw = kwnames ? mpy_tuple_size(kwnames) : 0;
    for (ptrdiff_t i = 0; i < nkw; i++) {
        if (mpy_dict_set(self, mpy_tuple_item(kwnames, i), args[nargs + (size_t)i]) < 0)
            return -1;
    }
    return 0;
}

MpyType mpy_dict_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "dict",
    .doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .basicsize = sizeof(MpyDictObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DICT_SUBCLASS,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = dict_richcompare,
    .iter = mpy__dict_iter,
    .new = dict_new,
    .init = dict_init,
    .traverse = dict_traverse,
    .clear = dict_tp_clear,
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_subscript,
    .contains = mpy_dict_contains,
    .nb[MPY_NB_OR] = mpy__dict_or,
    .nb_inplace[MPY_NB_OR] = mpy__dict_ior,
    .methods = mpy__dict_methods,
};
