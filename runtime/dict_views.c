/* runtime/dict_views.c: iterators over dicts and the keys/values/items
 * views.
 *
 * Models the iterator and view parts of CPython's Objects/dictobject.c.
 *
 * An iterator remembers the dict's size when it started: if the dict
 * changes size meanwhile, the next step raises "dictionary changed size
 * during iteration", as in CPython.
 *
 * A view (d.keys(), d.values(), d.items()) is a live window on its dict:
 * it holds only the dict, so it always shows the current contents.  Keys
 * and items views are set-like: `in` is a hash lookup, they compare with
 * sets (==, <, <=, ...) and support & | - ^ and isdisjoint(), whose results
 * are plain sets.  Values views are only iterable and sized.
 */
#include "runtime/dict.h"

#include "gil/critical.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* Shared with runtime/dict.c and runtime/dict_methods.c, which declare
 * them too (no header carries dict internals yet). */
MpyObject *mpy__dict_iter_new(MpyObject *dict, MpyType *type, bool reverse);
MpyObject *mpy__dict_iter(MpyObject *dict);
MpyObject *mpy__dict_view_new(MpyObject *dict, MpyType *type);

typedef struct DictIter {
    MpyObject ob_base;
    MpyObject *dict;   /* NULL once exhausted */
    ptrdiff_t pos;     /* next entry index (forward) or last+1 (reverse) */
    ptrdiff_t used;    /* dict size when iteration started */
    ptrdiff_t left;    /* items not yet returned */
} DictIter;

enum { ITER_KEYS, ITER_VALUES, ITER_ITEMS };

extern MpyType mpy_dict_keyiter_type, mpy_dict_valueiter_type, mpy_dict_itemiter_type;
extern MpyType mpy_dict_reversekeyiter_type, mpy_dict_reversevalueiter_type,
    mpy_dict_reverseitemiter_type;

/* Returns: new iterator of `type` over `dict`, or NULL. */
MpyObject *mpy__dict_iter_new(MpyObject *dict, MpyType *type, bool reverse)
{
    DictIter *it = (DictIter *)mpy_object_alloc(type);
    if (it == NULL)
        return NULL;
    MpyDictObject *d = (MpyDictObject *)dict;
    it->dict = MPY_NEWREF(dict);
    MPY_BEGIN_CRITICAL(d);
    it->used = d->used;
    it->left = d->used;
    it->pos = reverse ? d->nentries : 0;
    MPY_END_CRITICAL();
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

MpyObject *mpy__dict_iter(MpyObject *dict)
{
    return mpy__dict_iter_new(dict, &mpy_dict_keyiter_type, false);
}

static void iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((DictIter *)self)->dict);
    mpy_object_free(self);
}

static int iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((DictIter *)self)->dict);
    return 0;
}

static MpyObject *iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

/* Advance to the next live entry.  Returns it, or NULL at the end / on a
 * size change (then with RuntimeError set). */
static MpyDictEntry *iter_step(DictIter *it, bool reverse)
{
    if (it->dict == NULL)
        return NULL;
    MpyDictObject *d = (MpyDictObject *)it->dict;
    if (d->used != it->used) {
        mpy_err_set(mpy_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* stay broken, as CPython */
        return NULL;
    }
    if (reverse) {
        while (it->pos > 0) {
            MpyDictEntry *e = &d->entries[--it->pos];
            if (e->key != NULL) {
                it->left--;
                return e;
            }
        }
    } else {
        while (it->pos < d->nentries) {
            MpyDictEntry *e = &d->entries[it->pos++];
            if (e->key != NULL) {
                it->left--;
                return e;
            }
        }
    }
    MPY_CLEAR(it->dict);
    return NULL;
}

static MpyObject *entry_result(MpyDictEntry *e, int kind)
{
    if (e == NULL)
        return NULL;
    if (kind == ITER_KEYS)
        return MPY_NEWREF(e->key);
    if (kind == ITER_VALUES)
        return MPY_NEWREF(e->value);
    return mpy_tuple_pack(2, e->key, e->value);
}

/* One step under the dict's critical section (free-threaded build): the
 * entry is read and referenced before anyone can change it.  An iterator
 * shared by threads may skip or repeat entries, never crash. */
static MpyObject *iter_next(MpyObject *s, bool reverse, int kind)
{
    DictIter *it = (DictIter *)s;
    MpyObject *dict = it->dict, *result = NULL;
    if (dict == NULL)
        return NULL;
    MPY_INCREF(dict); /* iter_step may drop it->dict's reference */
    MPY_BEGIN_CRITICAL(dict);
    result = entry_result(iter_step(it, reverse), kind);
    MPY_END_CRITICAL();
    MPY_DECREF(dict);
    return result;
}

static MpyObject *keyiter_next(MpyObject *s) { return iter_next(s, false, ITER_KEYS); }
static MpyObject *valueiter_next(MpyObject *s) { return iter_next(s, false, ITER_VALUES); }
static MpyObject *itemiter_next(MpyObject *s) { return iter_next(s, false, ITER_ITEMS); }
static MpyObject *rkeyiter_next(MpyObject *s) { return iter_next(s, true, ITER_KEYS); }
static MpyObject *rvalueiter_next(MpyObject *s) { return iter_next(s, true, ITER_VALUES); }
static MpyObject *ritemiter_next(MpyObject *s) { return iter_next(s, true, ITER_ITEMS); }

static MpyObject *iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DictIter *it = (DictIter *)self;
    return mpy_int_from_ssize(it->dict != NULL && it->used >= 0 ? it->left : 0);
}

static const MpyMethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, MPY_METH_NOARGS, NULL},
    {NULL},
};

#define DICT_ITER_TYPE(var, pyname, next)                                                  \
    MpyType var = {                                                                        \
        .ob_base = MPY_STATIC_HEAD(&mpy_type_type),                                        \
        .name = pyname,                                                                    \
        .basicsize = sizeof(DictIter),                                                     \
        .flags = MPY_TPFLAGS_HAVE_GC,                                                      \
        .dealloc = iter_dealloc,                                                           \
        .traverse = iter_traverse,                                                         \
        .iter = iter_self,                                                                 \
        .iternext = next,                                                                  \
        .methods = iter_methods,                                                           \
    };

DICT_ITER_TYPE(mpy_dict_keyiter_type, "dict_keyiterator", keyiter_next)
DICT_ITER_TYPE(mpy_dict_valueiter_type, "dict_valueiterator", valueiter_next)
DICT_ITER_TYPE(mpy_dict_itemiter_type, "dict_itemiterator", itemiter_next)
DICT_ITER_TYPE(mpy_dict_reversekeyiter_type, "dict_reversekeyiterator", rkeyiter_next)
DICT_ITER_TYPE(mpy_dict_reversevalueiter_type, "dict_reversevalueiterator", rvalueiter_next)
DICT_ITER_TYPE(mpy_dict_reverseitemiter_type, "dict_reverseitemiterator", ritemiter_next)

/* ------------------------------------------------------------------ */
/* Views                                                                */

typedef struct DictView {
    MpyObject ob_base;
    MpyObject *dict;
} DictView;

static inline MpyObject *view_dict(MpyObject *view) { return ((DictView *)view)->dict; }

/* keys and items views are the set-like ones. */
static bool is_setlike_view(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    return t == &mpy_dict_keys_type || t == &mpy_dict_items_type;
}

/* Returns: new view of `type` over `dict`, or NULL. */
MpyObject *mpy__dict_view_new(MpyObject *dict, MpyType *type)
{
    DictView *v = (DictView *)mpy_object_alloc(type);
    if (v == NULL)
        return NULL;
    v->dict = MPY_NEWREF(dict);
    mpy_gc_track((MpyObject *)v);
    return (MpyObject *)v;
}

static void view_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(view_dict(self));
    mpy_object_free(self);
}

static int view_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(view_dict(self));
    return 0;
}

static ptrdiff_t view_len(MpyObject *self)
{
    return mpy_dict_size(view_dict(self));
}

/* "dict_keys(['a', 'b'])": the type name around the repr of a list. */
static MpyObject *view_repr(MpyObject *self)
{
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_cstr("...") : NULL;
    MpyObject *result = NULL;
    MpyObject *list = mpy_list_from_iterable(self);
    if (list != NULL) {
        result = mpy_str_from_format("%s(%R)", mpy_type_name_of(self), list);
        MPY_DECREF(list);
    }
    mpy_repr_leave(self);
    return result;
}

static MpyObject *view_mapping(MpyObject *self, void *closure)
{
    return mpy_mappingproxy_new(view_dict(self));
}

static const MpyGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL},
};

static MpyObject *keys_iter(MpyObject *self)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_keyiter_type, false);
}

static MpyObject *values_iter(MpyObject *self)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_valueiter_type, false);
}

static MpyObject *items_iter(MpyObject *self)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_itemiter_type, false);
}

static MpyObject *keys_reversed(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_reversekeyiter_type, true);
}

static MpyObject *values_reversed(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_reversevalueiter_type, true);
}

static MpyObject *items_reversed(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__dict_iter_new(view_dict(self), &mpy_dict_reverseitemiter_type, true);
}

static int keys_contains(MpyObject *self, MpyObject *key)
{
    return mpy_dict_contains(view_dict(self), key);
}

/* (k, v) in d.items(): d has k and d[k] == v. */
static int items_contains(MpyObject *self, MpyObject *pair)
{
    if (!mpy_tuple_check(pair) || mpy_tuple_size(pair) != 2)
        return 0;
    MpyObject *found = mpy_dict_get(view_dict(self), mpy_tuple_item(pair, 0));
    if (found == NULL)
        return mpy_err_occurred() ? -1 : 0;
    int r = mpy_object_richcompare_bool(found, mpy_tuple_item(pair, 1), MPY_EQ);
    MPY_DECREF(found);
    return r;
}

/* Every item of `a` is in `b`.  Returns 1 / 0 / -1. */
static int all_contained_in(MpyObject *a, MpyObject *b)
{
    MpyObject *it = mpy_object_get_iter(a);
    if (it == NULL)
        return -1;
    int ok = 1;
    MpyObject *item;
    while (ok > 0 && (item = mpy_iter_next(it)) != NULL) {
        ok = mpy_sequence_contains(b, item);
        MPY_DECREF(item);
    }
    MPY_DECREF(it);
    if (ok > 0 && mpy_err_occurred())
        ok = -1;
    return ok;
}

/* Set-like comparison with sets and other set-like views. */
static MpyObject *view_richcompare(MpyObject *self, MpyObject *other, int op)
{
    if (!mpy_set_check(other) && !is_setlike_view(other))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t len_self = mpy_object_length(self), len_other;
    if (len_self < 0 || (len_other = mpy_object_length(other)) < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case MPY_EQ:
    case MPY_NE:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == MPY_NE && ok >= 0)
            ok = !ok;
        break;
    case MPY_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case MPY_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case MPY_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    default: // MPY_GE
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return MPY_NEWREF(mpy_bool_from(ok));
}

/* A fresh set of the items of `o` (a view, or whatever was on the other
 * side of the operator). */
static MpyObject *to_set(MpyObject *o)
{
    if (MPY_TYPE(o) == &mpy_dict_keys_type && mpy_dict_check_exact(view_dict(o)))
        return mpy_set_new(view_dict(o)); // the set code copies dicts fast
    return mpy_set_new(o);
}

/* result.<method>(other), then return result (or NULL). */
static MpyObject *set_then(MpyObject *result, const char *method, MpyObject *other)
{
    if (result == NULL)
        return NULL;
    MpyObject *r = mpy_object_call_method_cstr(result, method, &other, 1);
    if (r == NULL) {
        MPY_DECREF(result);
        return NULL;
    }
    MPY_DECREF(r);
    return result;
}

static MpyObject *view_sub(MpyObject *a, MpyObject *b)
{
    return set_then(to_set(a), "difference_update", b);
}

static MpyObject *view_or(MpyObject *a, MpyObject *b)
{
    MpyObject *result = to_set(a);
    if (result != NULL && mpy_set_update(result, b) < 0)
        MPY_CLEAR(result);
    return result;
}

/* d1.items() ^ d2.items(), without hashing the values: pairs of d2 whose
 * key maps to an equal value in d1 cancel out; the rest are kept. */
static MpyObject *items_xor(MpyObject *a, MpyObject *b)
{
    MpyObject *remaining = mpy_dict_copy(view_dict(a));
    MpyObject *result = remaining == NULL ? NULL : mpy_set_new(NULL);
    if (result == NULL)
        goto fail;
    MpyObject *d2 = view_dict(b), *key, *value2;
    for (ptrdiff_t pos = 0; mpy_dict_next(d2, &pos, &key, &value2);) {
        MPY_INCREF(key);
        MPY_INCREF(value2);
        MpyObject *value1 = mpy_dict_get(remaining, key);
        int same = value1 != NULL ? mpy_object_richcompare_bool(value1, value2, MPY_EQ)
                                  : mpy_err_occurred() ? -1 : 0;
        if (same > 0) {
            same = mpy_dict_del(remaining, key) < 0 ? -1 : 1;
        } else if (same == 0) {
            MpyObject *pair = mpy_tuple_pack(2, key, value2);
            same = pair == NULL || mpy_set_add(result, pair) < 0 ? -1 : 0;
            MPY_XDECREF(pair);
        }
        MPY_XDECREF(value1);
        MPY_DECREF(key);
        MPY_DECREF(value2);
        if (same < 0)
            goto fail;
    }
    MpyObject *rest = mpy__dict_view_new(remaining, &mpy_dict_items_type);
    int r = rest == NULL ? -1 : mpy_set_update(result, rest);
    MPY_XDECREF(rest);
    if (r < 0)
        goto fail;
    MPY_DECREF(remaining);
    return result;
fail:
    MPY_XDECREF(remaining);
    MPY_XDECREF(result);
    return NULL;
}

static MpyObject *view_xor(MpyObject *a, MpyObject *b)
{
    if (MPY_TYPE(a) == &mpy_dict_items_type && MPY_TYPE(b) == &mpy_dict_items_type)
        return items_xor(a, b);
    return set_then(to_set(a), "symmetric_difference_update", b);
}

/* view & other: iterate the smaller side, probe the larger. */
static MpyObject *view_and(MpyObject *self, MpyObject *other)
{
    if (!is_setlike_view(self)) {
        MpyObject *t = self;
        self = other;
        other = t;
    }
    ptrdiff_t len_self = view_len(self);
    if (MPY_TYPE(other) == &mpy_set_type && len_self <= mpy_set_size(other))
        return mpy_object_call_method_cstr(other, "intersection", &self, 1);
    if (is_setlike_view(other) && view_len(other) > len_self) {
        MpyObject *t = self;
        self = other;
        other = t;
    }
    MpyContainsFunc contains = MPY_TYPE(self) == &mpy_dict_keys_type ? keys_contains
                                                                     : items_contains;
    MpyObject *result = mpy_set_new(NULL);
    MpyObject *it = result == NULL ? NULL : mpy_object_get_iter(other);
    if (it == NULL)
        goto fail;
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        int r = contains(self, item);
        if (r > 0)
            r = mpy_set_add(result, item);
        MPY_DECREF(item);
        if (r < 0)
            break;
    }
    MPY_DECREF(it);
    if (mpy_err_occurred())
        goto fail;
    return result;
fail:
    MPY_XDECREF(result);
    return NULL;
}

static MpyObject *view_isdisjoint(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kw)
{
    MpyObject *other = args[0];
    if (self == other)
        return MPY_NEWREF(mpy_bool_from(view_len(self) == 0));
    // Iterate the shorter side when `in` is cheap on both.
    if (mpy_set_check(other) || is_setlike_view(other)) {
        ptrdiff_t len_other = mpy_object_length(other);
        if (len_other < 0)
            return NULL;
        if (len_other > view_len(self)) {
            MpyObject *t = self;
            self = other;
            other = t;
        }
    }
    MpyObject *it = mpy_object_get_iter(other);
    if (it == NULL)
        return NULL;
    int found = 0;
    MpyObject *item;
    while (found == 0 && (item = mpy_iter_next(it)) != NULL) {
        found = mpy_sequence_contains(self, item);
        MPY_DECREF(item);
    }
    MPY_DECREF(it);
    if (found < 0 || mpy_err_occurred())
        return NULL;
    return MPY_NEWREF(mpy_bool_from(found == 0));
}

#define DOC_ISDISJOINT "Return True if the view and the given iterable have a null intersection."
#define DOC_REVERSED "Return a reverse iterator over the dict keys."

static const MpyMethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, MPY_METH_O, DOC_ISDISJOINT},
    {"__reversed__", keys_reversed, MPY_METH_NOARGS, DOC_REVERSED},
    {NULL},
};

static const MpyMethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, MPY_METH_O, DOC_ISDISJOINT},
    {"__reversed__", items_reversed, MPY_METH_NOARGS, DOC_REVERSED},
    {NULL},
};

static const MpyMethodDef values_methods[] = {
    {"__reversed__", values_reversed, MPY_METH_NOARGS, DOC_REVERSED},
    {NULL},
};

MpyType mpy_dict_keys_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "dict_keys",
    .basicsize = sizeof(DictView),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = view_richcompare,
    .iter = keys_iter,
    .traverse = view_traverse,
    .nb[MPY_NB_SUBTRACT] = view_sub,
    .nb[MPY_NB_AND] = view_and,
    .nb[MPY_NB_OR] = view_or,
    .nb[MPY_NB_XOR] = view_xor,
    .len = view_len,
    .contains = keys_contains,
    .methods = keys_methods,
    .getset = view_getset,
};

MpyType mpy_dict_items_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "dict_items",
    .basicsize = sizeof(DictView),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = view_richcompare,
    .iter = items_iter,
    .traverse = view_traverse,
    .nb[MPY_NB_SUBTRACT] = view_sub,
    .nb[MPY_NB_AND] = view_and,
    .nb[MPY_NB_OR] = view_or,
    .nb[MPY_NB_XOR] = view_xor,
    .len = view_len,
    .contains = items_contains,
    .methods = items_methods,
    .getset = view_getset,
};

MpyType mpy_dict_values_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "dict_values",
    .basicsize = sizeof(DictView),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .iter = values_iter,
    .traverse = view_traverse,
    .len = view_len,
    .methods = values_methods,
    .getset = view_getset,
};
