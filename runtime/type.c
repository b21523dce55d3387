/* runtime/type.c: type objects: readying built-in types, the method
 * resolution order, attribute lookup with its cache, and the `type` type.
 *
 * Models CPython's Objects/typeobject.c (class creation is in
 * runtime/type_new.c, the dunder/slot machinery in runtime/slots.c, and
 * `object` in runtime/object_type.c).
 *
 * Lookup cache: mpy_type_lookup() remembers (type version, name) -> value in
 * a small global table, so `obj.method` does not walk the MRO dicts each
 * time.  A type's version is assigned on first lookup and reset to 0
 * (together with all its subclasses') whenever its dict changes, which makes
 * every cached entry for it stale at once.  The free-threaded build gives
 * each thread its own (smaller) cache, so entries never tear and two
 * threads never write the same cache line on a read; versions are read
 * and written atomically there.
 */
#include "runtime/type.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------------ */
/* Method cache                                                         */

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

typedef struct CacheEntry {
    uint32_t version;
    MpyObject *name;
    MpyObject *value; /* borrowed: valid while the version matches */
} CacheEntry;

#if !MPY_FREE_THREADED
static CacheEntry method_cache[MCACHE_SIZE];
static uint32_t next_version = 1;
#endif

static inline size_t cache_index(uint32_t version, MpyObject *name)
{
    return ((size_t)version * 2654435761u ^ ((uintptr_t)name >> 4)) & (MCACHE_SIZE - 1);
}

static void clear_subclass_versions(MpyType *type);

void mpy_type_modified(MpyType *type)
{
    if (MPY_FT_LOAD_RELAXED(type->version) == 0)
        return;
    MPY_FT_STORE_RELAXED(type->version, 0);
    clear_subclass_versions(type);
}

static MpyObject *find_in_mro(MpyType *type, MpyObject *name)
{
    MpyObject *mro = type->mro;
    if (mro == NULL) {
        /* Not readied yet (during mpy_type_ready): walk the base chain. */
        for (MpyType *t = type; t != NULL; t = t->base) {
            if (t->dict != NULL) {
                MpyObject *v = mpy_dict_get_str_borrowed(t->dict, name);
                if (v != NULL)
                    return v;
            }
        }
        return NULL;
    }
    ptrdiff_t n = mpy_tuple_size(mro);
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyType *t = (MpyType *)mpy_tuple_item(mro, i);
        if (t->dict == NULL)
            continue;
        MpyObject *v = mpy_dict_get_str_borrowed(t->dict, name);
        if (v != NULL)
            return v;
    }
    return NULL;
}

#if MPY_FREE_THREADED
#define FT_MCACHE_SIZE 512u /* per thread: 12 KB (freed with the thread state) */
static _Atomic uint32_t ft_next_version = 1;

MpyObject *mpy_type_lookup(MpyType *type, MpyObject *name)
{
    MpyThreadState *ts = mpy__tstate_get();
    if (!mpy_str_check_exact(name) || !((MpyStrObject *)name)->interned || ts == NULL)
        return find_in_mro(type, name);
    uint32_t version = MPY_FT_LOAD_RELAXED(type->version);
    if (version == 0) {
        do
            version = atomic_fetch_add_explicit(&ft_next_version, 1, memory_order_relaxed);
        while (version == 0);
        MPY_FT_STORE_RELAXED(type->version, version);
    }
    CacheEntry *cache = ts->method_cache;
    if (cache == NULL) {
        cache = ts->method_cache = calloc(FT_MCACHE_SIZE, sizeof(CacheEntry));
        if (cache == NULL)
            return find_in_mro(type, name);
    }
    CacheEntry *e = &cache[cache_index(version, name) & (FT_MCACHE_SIZE - 1)];
    if (e->version == version && e->name == name)
        return e->value;
    MpyObject *v = find_in_mro(type, name);
    /* Cache it only if nobody modified the type meanwhile. */
    if (MPY_FT_LOAD_RELAXED(type->version) == version) {
        e->version = version;
        e->name = name;
        e->value = v;
    }
    return v;
}
#else
MpyObject *mpy_type_lookup(MpyType *type, MpyObject *name)
{
    if (!mpy_str_check_exact(name) || !((MpyStrObject *)name)->interned)
        return find_in_mro(type, name);
    if (type->version == 0) {
        if (next_version == 0)
            next_version = 1; /* wrapped around: all stale entries are fine to reuse */
        type->version = next_version++;
    }
    CacheEntry *e = &method_cache[cache_index(type->version, name)];
    if (e->version == type->version && e->name == name)
        return e->value;
    MpyObject *v = find_in_mro(type, name);
    e->version = type->version;
    e->name = name;
    e->value = v;
    return v;
}
#endif

/* ------------------------------------------------------------------ */
/* Subclass registry (for cache invalidation and __subclasses__)        */

static MpyObject *type_key(MpyType *t)
{
    return mpy_small_int((intptr_t)((uintptr_t)t >> 3));
}

static MpyType *key_type(MpyObject *k)
{
    return (MpyType *)((uintptr_t)mpy_small_int_value(k) << 3);
}

static void add_subclass(MpyType *base, MpyType *type)
{
    if (base->subclasses == NULL) {
        base->subclasses = mpy_dict_new();
        if (base->subclasses == NULL) {
            mpy_err_clear();
            return;
        }
    }
    if (mpy_dict_set(base->subclasses, type_key(type), type_key(type)) < 0)
        mpy_err_clear();
}

void mpy__type_remove_subclass(MpyType *base, MpyType *type)
{
    if (base->subclasses == NULL)
        return;
    MpyObject *v = mpy_dict_pop(base->subclasses, type_key(type), MPY_NONE);
    MPY_XDECREF(v);
    if (v == NULL)
        mpy_err_clear();
}

static void clear_subclass_versions(MpyType *type)
{
    if (type->subclasses == NULL)
        return;
    ptrdiff_t pos = 0;
    MpyObject *key;
    while (mpy_dict_next(type->subclasses, &pos, &key, NULL))
        mpy_type_modified(key_type(key));
}

/* Returns: new list of the direct subclasses still alive. */
MpyObject *mpy__type_subclasses(MpyType *type)
{
    MpyObject *list = mpy_list_new(0);
    if (list == NULL || type->subclasses == NULL)
        return list;
    ptrdiff_t pos = 0;
    MpyObject *key;
    while (mpy_dict_next(type->subclasses, &pos, &key, NULL)) {
        if (mpy_list_append(list, (MpyObject *)key_type(key)) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* ------------------------------------------------------------------ */
/* MRO: C3 linearization                                                */

static bool in_tail(MpyObject *candidate, MpyObject **lists, ptrdiff_t *heads, ptrdiff_t nlists)
{
    for (ptrdiff_t j = 0; j < nlists; j++) {
        ptrdiff_t n = mpy_list_size(lists[j]);
        for (ptrdiff_t k = heads[j] + 1; k < n; k++) {
            MpyObject *item = ((MpyListObject *)lists[j])->items[k];
            if (item == candidate)
                return true;
        }
    }
    return false;
}

/* Merge step of C3 over `lists` (each a list of types).  Appends to `out`.
 * Returns 0, or -1 with TypeError when no consistent order exists. */
static int c3_merge(MpyObject *out, MpyObject **lists, ptrdiff_t nlists, MpyObject *bases)
{
    ptrdiff_t heads[64] = {0};
    if (nlists > 64) {
        mpy_err_set(mpy_exc_TypeError, "too many base classes");
        return -1;
    }
    for (;;) {
        MpyObject *chosen = NULL;
        bool any_left = false;
        for (ptrdiff_t i = 0; i < nlists && chosen == NULL; i++) {
            if (heads[i] >= mpy_list_size(lists[i]))
                continue;
            any_left = true;
            MpyObject *cand = ((MpyListObject *)lists[i])->items[heads[i]];
            if (!in_tail(cand, lists, heads, nlists))
                chosen = cand;
        }
        if (!any_left)
            return 0;
        if (chosen == NULL) {
            MpyStrBuilder sb;
            mpy_sb_init(&sb);
            mpy_sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
            for (ptrdiff_t i = 0; i < mpy_tuple_size(bases); i++) {
                mpy_sb_append_cstr(&sb, i ? ", " : " ");
                mpy_sb_append_cstr(&sb, ((MpyType *)mpy_tuple_item(bases, i))->name);
            }
            MpyObject *msg = mpy_sb_finish(&sb);
            if (msg != NULL) {
                mpy_err_set_object(mpy_exc_TypeError, msg);
                MPY_DECREF(msg);
            }
            return -1;
        }
        if (mpy_list_append(out, chosen) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < nlists; i++) {
            if (heads[i] < mpy_list_size(lists[i]) &&
                ((MpyListObject *)lists[i])->items[heads[i]] == chosen)
                heads[i]++;
        }
    }
}

/* Returns: new tuple, the MRO of `type` computed from its bases. */
static MpyObject *compute_mro(MpyType *type)
{
    MpyObject *bases = type->bases;
    ptrdiff_t nbases = mpy_tuple_size(bases);
    if (nbases == 1) {
        /* Single inheritance: (type,) + base.__mro__ */
        MpyType *base = (MpyType *)mpy_tuple_item(bases, 0);
        ptrdiff_t n = mpy_tuple_size(base->mro);
        MpyObject *mro = mpy_tuple_new(n + 1);
        if (mro == NULL)
            return NULL;
        mpy_tuple_init_take(mro, 0, MPY_NEWREF(type));
        for (ptrdiff_t i = 0; i < n; i++)
            mpy_tuple_init_take(mro, i + 1, MPY_NEWREF(mpy_tuple_item(base->mro, i)));
        return mro;
    }
    MpyObject *lists[65];
    ptrdiff_t nlists = 0;
    MpyObject *out = mpy_list_new(0);
    if (out == NULL || mpy_list_append(out, (MpyObject *)type) < 0)
        goto fail;
    for (ptrdiff_t i = 0; i < nbases && i < 64; i++) {
        MpyType *b = (MpyType *)mpy_tuple_item(bases, i);
        if ((lists[nlists] = mpy_list_from_iterable(b->mro)) == NULL)
            goto fail;
        nlists++;
    }
    if ((lists[nlists] = mpy_list_from_iterable(bases)) == NULL)
        goto fail;
    nlists++;
    if (c3_merge(out, lists, nlists, bases) < 0)
        goto fail;
    for (ptrdiff_t i = 0; i < nlists; i++)
        MPY_DECREF(lists[i]);
    MpyObject *mro = mpy_list_as_tuple(out);
    MPY_DECREF(out);
    return mro;
fail:
    for (ptrdiff_t i = 0; i < nlists; i++)
        MPY_DECREF(lists[i]);
    MPY_XDECREF(out);
    return NULL;
}

/* For a class with a custom metaclass defining mro(): call it. */
static MpyObject *mro_for(MpyType *type)
{
    if (MPY_TYPE((MpyObject *)type) != &mpy_type_type) {
        MpyObject *meth = mpy_type_lookup(MPY_TYPE((MpyObject *)type), MPY_ID(mro));
        MpyObject *base_mro = mpy_type_lookup(&mpy_type_type, MPY_ID(mro));
        if (meth != NULL && meth != base_mro) {
            MpyObject *r = mpy_object_call_method((MpyObject *)type, MPY_ID(mro), NULL, 0);
            if (r == NULL)
                return NULL;
            MpyObject *t = mpy_tuple_from_iterable(r);
            MPY_DECREF(r);
            return t;
        }
    }
    return compute_mro(type);
}

/* ------------------------------------------------------------------ */
/* Readying                                                             */

static int add_methods(MpyType *type)
{
    for (const MpyMethodDef *m = type->methods; m != NULL && m->name != NULL; m++) {
        MpyObject *name = mpy_str_intern_cstr(m->name);
        if (name == NULL)
            return -1;
        if (mpy_dict_get_str_borrowed(type->dict, name) != NULL)
            continue;
        MpyObject *descr;
        if (m->flags & MPY_METH_STATIC) {
            MpyObject *f = mpy_cfunction_new(m, NULL, NULL);
            descr = f ? mpy_staticmethod_new(f) : NULL;
            MPY_XDECREF(f);
        } else {
            descr = mpy_descr_new_method(type, m);
        }
        if (descr == NULL || mpy_dict_set_take(type->dict, name, descr) < 0)
            return -1;
    }
    return 0;
}

static int add_members(MpyType *type)
{
    for (const MpyMemberDef *m = type->members; m != NULL && m->name != NULL; m++) {
        MpyObject *d = mpy_descr_new_member(type, m);
        if (d == NULL || mpy_dict_set_take(type->dict, mpy_str_intern_cstr(m->name), d) < 0)
            return -1;
    }
    for (const MpyGetSetDef *g = type->getset; g != NULL && g->name != NULL; g++) {
        MpyObject *d = mpy_descr_new_getset(type, g);
        if (d == NULL || mpy_dict_set_take(type->dict, mpy_str_intern_cstr(g->name), d) < 0)
            return -1;
    }
    return 0;
}

#define INHERIT(field)                                                                     \
    if (type->field == NULL)                                                               \
        type->field = base->field;

/* Copy the slots `type` leaves NULL from `base` (CPython's inherit_slots). */
static void inherit_slots(MpyType *type, MpyType *base)
{
    for (int i = 0; i < MPY_NB_COUNT; i++) {
        INHERIT(nb[i]);
        INHERIT(nb_inplace[i]);
    }
    INHERIT(nb_power3);
    INHERIT(nb_divmod);
    INHERIT(nb_negative);
    INHERIT(nb_positive);
    INHERIT(nb_absolute);
    INHERIT(nb_invert);
    INHERIT(nb_bool);
    INHERIT(nb_int);
    INHERIT(nb_float);
    INHERIT(nb_index);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(repr);
    INHERIT(str);
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(descr_get);
    INHERIT(descr_set);
    INHERIT(init);
    /* __eq__ and __hash__ go together: a type that defines comparison but
     * no hash does not inherit the hash. */
    if (type->richcompare == NULL && type->hash == NULL) {
        type->richcompare = base->richcompare;
        type->hash = base->hash;
    }
    if (mpy_type_has_flag(base, MPY_TPFLAGS_HAVE_GC) && type->traverse == NULL &&
        type->clear == NULL) {
        type->traverse = base->traverse;
        type->clear = base->clear;
    }
    INHERIT(dealloc);
    if (type->dictoffset == 0)
        type->dictoffset = base->dictoffset;
}
#undef INHERIT

static unsigned inherited_flags(MpyType *base)
{
    return base->flags & (MPY_TPFLAGS_INT_SUBCLASS | MPY_TPFLAGS_LIST_SUBCLASS |
                          MPY_TPFLAGS_TUPLE_SUBCLASS | MPY_TPFLAGS_BYTES_SUBCLASS |
                          MPY_TPFLAGS_STR_SUBCLASS | MPY_TPFLAGS_DICT_SUBCLASS |
                          MPY_TPFLAGS_BASE_EXC_SUBCLASS | MPY_TPFLAGS_TYPE_SUBCLASS |
                          MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_MANAGED_DICT);
}

static int ready_dict(MpyType *type)
{
    if (type->dict == NULL && (type->dict = mpy_dict_new()) == NULL)
        return -1;
    if (add_methods(type) < 0 || add_members(type) < 0)
        return -1;
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) && mpy__slots_add_wrappers(type) < 0)
        return -1;
    if (mpy_dict_get_str_borrowed(type->dict, MPY_ID(__doc__)) == NULL) {
        MpyObject *doc = type->doc ? mpy_str_from_cstr(type->doc) : MPY_NEWREF(MPY_NONE);
        if (doc == NULL || mpy_dict_set_take(type->dict, MPY_ID(__doc__), doc) < 0)
            return -1;
    }
    if (type->hash == mpy_hash_unhashable &&
        mpy_dict_get_str_borrowed(type->dict, MPY_ID(__hash__)) == NULL &&
        mpy_dict_set(type->dict, MPY_ID(__hash__), MPY_NONE) < 0)
        return -1;
    return 0;
}

int mpy_type_ready(MpyType *type)
{
    if (mpy_type_has_flag(type, MPY_TPFLAGS_READY))
        return 0;
    if (type->base == NULL && type != &mpy_object_type)
        type->base = &mpy_object_type;
    MpyType *base = type->base;
    if (base != NULL && !mpy_type_has_flag(base, MPY_TPFLAGS_READY) && mpy_type_ready(base) < 0)
        return -1;
    if (type->bases == NULL)
        type->bases = base ? mpy_tuple_pack(1, (MpyObject *)base) : mpy_tuple_new(0);
    if (type->bases == NULL)
        return -1;
    if (base != NULL) {
        type->flags |= inherited_flags(base) & ~MPY_TPFLAGS_MANAGED_DICT;
        if (mpy_type_has_flag(base, MPY_TPFLAGS_MANAGED_DICT))
            type->flags |= MPY_TPFLAGS_MANAGED_DICT;
        if (type->basicsize == 0)
            type->basicsize = base->basicsize;
        if (type->itemsize == 0)
            type->itemsize = base->itemsize;
    }
    if (ready_dict(type) < 0)
        return -1;
    MpyObject *mro = mro_for(type);
    if (mro == NULL)
        return -1;
    MPY_SETREF(type->mro, mro);
    for (ptrdiff_t i = 1; i < mpy_tuple_size(mro); i++)
        inherit_slots(type, (MpyType *)mpy_tuple_item(mro, i));
    if (type->new == NULL && base != NULL && !mpy_type_has_flag(type, MPY_TPFLAGS_DISALLOW_INSTANTIATION))
        type->new = base->new;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(type->bases); i++)
        add_subclass((MpyType *)mpy_tuple_item(type->bases, i), type);
    type->flags |= MPY_TPFLAGS_READY;
    return 0;
}

void mpy__type_unready(MpyType *type)
{
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_READY) || mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        return;
    type->flags &= ~(unsigned)MPY_TPFLAGS_READY;
    type->version = 0;
    MPY_CLEAR(type->dict);
    MPY_CLEAR(type->mro);
    MPY_CLEAR(type->bases);
    MPY_CLEAR(type->subclasses);
}

/* Forget every cached lookup (finalization). */
void mpy__type_cache_clear(void)
{
#if MPY_FREE_THREADED
    MpyThreadState *ts = mpy__tstate_get();
    if (ts != NULL && ts->method_cache != NULL)
        memset(ts->method_cache, 0, FT_MCACHE_SIZE * sizeof(CacheEntry));
#else
    memset(method_cache, 0, sizeof method_cache);
    next_version = 1;
#endif
}

/* ------------------------------------------------------------------ */
/* Names                                                                */

MpyObject *mpy_type_qualname(MpyType *type)
{
    if (type->qualname != NULL)
        return MPY_NEWREF(type->qualname);
    if (type->name_obj != NULL)
        return MPY_NEWREF(type->name_obj);
    const char *dot = strrchr(type->name, '.');
    return mpy_str_from_cstr(dot ? dot + 1 : type->name);
}

/* Returns: new str, the type's __module__ ("builtins" for most static
 * types, the prefix of a dotted tp_name otherwise). */
MpyObject *mpy_type_module_name(MpyType *type)
{
    if (mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) || type->module != NULL) {
        MpyObject *m = type->dict ? mpy_dict_get_str_borrowed(type->dict, MPY_ID(__module__)) : NULL;
        if (m != NULL)
            return MPY_NEWREF(m);
        if (type->module != NULL)
            return MPY_NEWREF(type->module);
    }
    const char *dot = strrchr(type->name, '.');
    if (dot != NULL)
        return mpy_str_from_utf8(type->name, (size_t)(dot - type->name));
    return mpy_str_from_cstr("builtins");
}
