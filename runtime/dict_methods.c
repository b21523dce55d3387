/* runtime/dict_methods.c: the Python-visible methods of dict (get, pop,
 * setdefault, update, keys/values/items, copy, clear, popitem, fromkeys)
 * and the | and |= operators.
 *
 * Models the method table of CPython's Objects/dictobject.c.  The hash
 * table itself is in runtime/dict.c and the views in runtime/dict_views.c;
 * only popitem reaches into the table directly (to remove the *last*
 * entry without hashing its key again, as CPython does).
 */
#include "runtime/dict.h"

#include "gil/critical.h"
#include "gil/qsbr.h"
#include "runtime/error.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* Defined in runtime/dict_views.c. */
MpyObject *mpy__dict_iter_new(MpyObject *dict, MpyType *type, bool reverse);
MpyObject *mpy__dict_view_new(MpyObject *dict, MpyType *type);
extern MpyType mpy_dict_reversekeyiter_type;

/* The | and |= slots of mpy_dict_type (runtime/dict.c wires them). */
MpyObject *mpy__dict_or(MpyObject *a, MpyObject *b);
MpyObject *mpy__dict_ior(MpyObject *self, MpyObject *other);

/* "NAME expected at least MIN argument(s), got N" and the "at most"
 * variant, as CPython's _PyArg_CheckPositional.  Returns 0 / -1. */
static int check_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        mpy_err_format(mpy_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name,
                       min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        mpy_err_format(mpy_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max,
                       max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static MpyObject *dict_get_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    if (check_nargs("get", nargs, 1, 2) < 0)
        return NULL;
    MpyObject *v = mpy_dict_get(self, args[0]);
    if (v != NULL || mpy_err_occurred())
        return v;
    return MPY_NEWREF(nargs > 1 ? args[1] : MPY_NONE);
}

static MpyObject *dict_setdefault_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                         MpyObject *kwnames)
{
    if (check_nargs("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return mpy_dict_setdefault(self, args[0], nargs > 1 ? args[1] : MPY_NONE);
}

static MpyObject *dict_pop_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    if (check_nargs("pop", nargs, 1, 2) < 0)
        return NULL;
    return mpy_dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

/* Remove and return the last (key, value) pair: LIFO order. */
static MpyObject *dict_popitem_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                      MpyObject *kwnames)
{
    MpyDictObject *d = (MpyDictObject *)self;
    MpyObject *pair = mpy_tuple_new(2); // before touching the table: may fail
    if (pair == NULL)
        return NULL;
    bool empty;
    MPY_BEGIN_CRITICAL(d);
    empty = d->used == 0;
    if (!empty) {
        ptrdiff_t i = d->nentries - 1;
        while (d->entries[i].key == NULL)
            i--;
        MpyDictEntry *e = &d->entries[i];
        // Follow the entry's probe sequence to the index slot pointing at it.
        size_t mask = ((size_t)1 << d->log2_size) - 1;
        size_t perturb = (size_t)e->hash, slot = (size_t)e->hash & mask;
        while (d->indices[slot] != (int32_t)i) {
            perturb >>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
#if MPY_FREE_THREADED
        // The tuple may die at once: keep both alive for lock-free readers.
        MPY_INCREF(e->key);
        mpy__qsbr_retire_decref(e->key);
        MPY_INCREF(e->value);
        mpy__qsbr_retire_decref(e->value);
#endif
        mpy__dict_write_begin(d);
        MPY_FT_STORE_RELEASE(d->indices[slot], -2); // deleted
        mpy_tuple_init_take(pair, 0, e->key);
        mpy_tuple_init_take(pair, 1, e->value);
        MPY_FT_STORE_RELEASE(e->key, NULL);
        MPY_FT_STORE_RELEASE(e->value, NULL);
        // The entries after i were all deleted already.  (The entry is
        // reused by the next insert: lock-free readers check the version.)
        MPY_FT_STORE_RELEASE(d->nentries, i);
        MPY_FT_STORE_RELEASE(d->used, d->used - 1);
        mpy__dict_write_end(d);
    }
    MPY_END_CRITICAL();
    if (empty) {
        MPY_DECREF(pair);
        return mpy_err_format(mpy_exc_KeyError, "popitem(): dictionary is empty");
    }
    return pair;
}

static MpyObject *dict_keys_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_view_new(self, &mpy_dict_keys_type);
}

static MpyObject *dict_values_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_view_new(self, &mpy_dict_values_type);
}

static MpyObject *dict_items_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_view_new(self, &mpy_dict_items_type);
}

/* d[k] = v for each keyword argument. */
static int set_keywords(MpyObject *self, MpyObject *const *values, MpyObject *kwnames)
{
    ptrdiff_t nkw = kwnames == NULL ? 0 : mpy_tuple_size(kwnames);
    for (ptrdiff_t i = 0; i < nkw; i++)
        if (mpy_dict_set(self, mpy_tuple_item(kwnames, i), values[i]) < 0)
            return -1;
    return 0;
}

/* d.update([other], **kwargs) */
static MpyObject *dict_update_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    if (check_nargs("update", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && mpy_dict_update(self, args[0]) < 0)
        return NULL;
    if (set_keywords(self, args + nargs, kwnames) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *dict_copy_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_dict_copy(self);
}

static MpyObject *dict_clear_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    mpy_dict_clear(self);
    return MPY_RETURN_NONE;
}

/* dict.fromkeys(iterable, value=None): a classmethod, so subclasses get
 * instances of themselves (filled through their __setitem__). */
static MpyObject *dict_fromkeys_method(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                       MpyObject *kwnames)
{
    if (check_nargs("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    MpyObject *value = nargs > 1 ? args[1] : MPY_NONE;
    MpyObject *d = mpy_object_call0(cls);
    if (d == NULL)
        return NULL;
    MpyObject *it = mpy_object_get_iter(args[0]);
    if (it == NULL)
        goto fail;
    bool exact = mpy_dict_check_exact(d);
    MpyObject *key;
    int r = 0;
    while (r == 0 && (key = mpy_iter_next(it)) != NULL) {
        r = exact ? mpy_dict_set(d, key, value) : mpy_object_setitem(d, key, value);
        MPY_DECREF(key);
    }
    MPY_DECREF(it);
    if (r < 0 || mpy_err_occurred())
        goto fail;
    return d;
fail:
    MPY_DECREF(d);
    return NULL;
}

static MpyObject *dict_reversed_method(MpyObject *self, MpyObject *const *a, size_t n,
                                       MpyObject *k)
{
    return mpy__dict_iter_new(self, &mpy_dict_reversekeyiter_type, true);
}

static MpyObject *dict_sizeof_method(MpyObject *self, MpyObject *const *a, size_t n,
                                     MpyObject *k)
{
    MpyDictObject *d = (MpyDictObject *)self;
    size_t size = MPY_TYPE(self)->basicsize;
    if (d->indices != NULL) {
        size_t slots = (size_t)1 << d->log2_size;
        size += slots * sizeof(int32_t) + slots * 2 / 3 * sizeof(MpyDictEntry);
    }
    return mpy_int_from_ssize((ptrdiff_t)size);
}

/* d | other: a new dict (never of a subclass) updated from other. */
MpyObject *mpy__dict_or(MpyObject *a, MpyObject *b)
{
    if (!mpy_dict_check(a) || !mpy_dict_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyObject *result = mpy_dict_copy(a);
    if (result != NULL && mpy_dict_update(result, b) < 0)
        MPY_CLEAR(result);
    return result;
}

/* d |= other: like update(), so any mapping or iterable of pairs works. */
MpyObject *mpy__dict_ior(MpyObject *self, MpyObject *other)
{
    if (mpy_dict_update(self, other) < 0)
        return NULL;
    return MPY_NEWREF(self);
}

const MpyMethodDef mpy__dict_methods[] = {
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {"__reversed__", dict_reversed_method, MPY_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__sizeof__", dict_sizeof_method, MPY_METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", dict_get_method, MPY_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_method, MPY_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", dict_pop_method, MPY_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", dict_popitem_method, MPY_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dict_keys_method, MPY_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_method, MPY_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_method, MPY_METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"update", dict_update_method, MPY_METH_FASTCALL,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", dict_fromkeys_method, MPY_METH_FASTCALL | MPY_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear_method, MPY_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_method, MPY_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {NULL},
};
