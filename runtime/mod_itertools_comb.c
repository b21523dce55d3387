/* runtime/mod_itertools_comb.c: the itertools module, part 2: groupby,
 * tee, and the combinatoric iterators (product, permutations,
 * combinations, combinations_with_replacement).
 *
 * Models CPython's Modules/itertoolsmodule.c.
 *
 *  - groupby yields (key, grouper) pairs; a grouper reads items from the
 *    shared groupby object and is only valid until the groupby advances
 *    (each grouper remembers the groupby's `generation`).
 *  - tee: the copies share a linked list of chunks of buffered items
 *    (_tee_dataobject, TEE_CHUNK items each); a chunk is freed by
 *    reference counting once every copy has moved past it.
 *  - the combinatoric iterators copy their input into a tuple `pool`
 *    and step an array of indices, producing CPython's order exactly
 *    (lexicographic in the input positions).
 */
#include "runtime/mod_itertools.h"

#include <stddef.h>
#include <string.h>

#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static MpyObject *new_tracked(MpyType *type)
{
    MpyObject *self = mpy_object_alloc(type);
    if (self != NULL)
        mpy_gc_track(self);
    return self;
}

/* ------------------------------------------------------------------ */
/* groupby(iterable, key=None)                                          */

typedef struct {
    MpyObject ob_base;
    MpyObject *it;
    MpyObject *keyfunc;   /* NULL: identity */
    MpyObject *tgtkey;    /* key of the current group */
    MpyObject *currkey;   /* key of the lookahead item */
    MpyObject *currvalue; /* the lookahead item, NULL when consumed */
    size_t generation;    /* bumped when the groupby moves to a new group */
} GroupbyObject;

typedef struct {
    MpyObject ob_base;
    MpyObject *parent;
    MpyObject *tgtkey;
    size_t generation;
} GrouperObject;

static void groupby_dealloc(MpyObject *self) { mpy__itertools_dealloc_refs(self, 5); }
static int groupby_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    return mpy__itertools_traverse_refs(self, 5, visit, arg);
}

static MpyObject *groupby_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"iterable", "key", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("groupby", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *it = mpy_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    GroupbyObject *g = (GroupbyObject *)new_tracked(type);
    if (g == NULL) {
        MPY_DECREF(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = a[1] != NULL && a[1] != MPY_NONE ? MPY_NEWREF(a[1]) : NULL;
    return (MpyObject *)g;
}

/* Read the next item and its key into currvalue/currkey.
 * Returns 0, or -1 at the end (exception set only on error). */
static int groupby_step(GroupbyObject *g)
{
    MpyObject *value = mpy_iter_next(g->it);
    if (value == NULL)
        return -1;
    MpyObject *key = g->keyfunc ? mpy_object_call1(g->keyfunc, value) : MPY_NEWREF(value);
    if (key == NULL) {
        MPY_DECREF(value);
        return -1;
    }
    MPY_SETREF(g->currvalue, value);
    MPY_SETREF(g->currkey, key);
    return 0;
}

static MpyObject *groupby_next(MpyObject *self)
{
    GroupbyObject *g = (GroupbyObject *)self;
    g->generation++; /* earlier groupers end here */
    /* Skip the rest of the current group. */
    for (;;) {
        if (g->currkey != NULL) {
            if (g->tgtkey == NULL)
                break;
            int eq = mpy_object_richcompare_bool(g->tgtkey, g->currkey, MPY_EQ);
            if (eq < 0)
                return NULL;
            if (eq == 0)
                break;
        }
        if (groupby_step(g) < 0)
            return NULL;
    }
    MPY_SETREF(g->tgtkey, MPY_NEWREF(g->currkey));
    GrouperObject *grouper = (GrouperObject *)mpy_object_alloc(&mpy_itertools_grouper_type);
    if (grouper == NULL)
        return NULL;
    grouper->parent = MPY_NEWREF(self);
    grouper->tgtkey = MPY_NEWREF(g->tgtkey);
    grouper->generation = g->generation;
    mpy_gc_track((MpyObject *)grouper);
    MpyObject *pair = mpy_tuple_pack(2, g->currkey, (MpyObject *)grouper);
    MPY_DECREF(grouper);
    return pair;
}

ITERTOOLS_LOCKED_NEXT(groupby_next)

MpyType mpy_itertools_groupby_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools.groupby",
    .doc = "make an iterator that returns consecutive keys and groups from the iterable",
    .basicsize = sizeof(GroupbyObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = groupby_dealloc,
    .traverse = groupby_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(groupby_next),
    .new = groupby_new,
};

static void grouper_dealloc(MpyObject *self) { mpy__itertools_dealloc_refs(self, 2); }
static int grouper_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    return mpy__itertools_traverse_refs(self, 2, visit, arg);
}

static MpyObject *grouper_next(MpyObject *self)
{
    GrouperObject *gr = (GrouperObject *)self;
    GroupbyObject *g = (GroupbyObject *)gr->parent;
    if (g->generation != gr->generation)
        return NULL;
    if (g->currvalue == NULL && groupby_step(g) < 0)
        return NULL;
    int eq = mpy_object_richcompare_bool(gr->tgtkey, g->currkey, MPY_EQ);
    if (eq <= 0)
        return NULL;
    MpyObject *value = g->currvalue; /* the reference moves to the caller */
    g->currvalue = NULL;
    MPY_CLEAR(g->currkey);
    return value;
}

ITERTOOLS_LOCKED_NEXT(grouper_next)

MpyType mpy_itertools_grouper_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools._grouper",
    .basicsize = sizeof(GrouperObject),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = grouper_dealloc,
    .traverse = grouper_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(grouper_next),
};

/* ------------------------------------------------------------------ */
/* tee(iterable, n=2)                                                   */

#define TEE_CHUNK 57

typedef struct {
    MpyObject ob_base;
    MpyObject *it;        /* the shared source iterator */
    MpyObject *next;      /* the following chunk, once created */
    int numread;          /* values[0..numread) are filled */
    bool running;         /* inside next(it): re-entry is an error */
    MpyObject *values[TEE_CHUNK];
} TeeData;

typedef struct {
    MpyObject ob_base;
    MpyObject *data;      /* current chunk */
    int index;            /* position in it */
} TeeObject;

static MpyObject *teedata_new_for(MpyObject *it)
{
    TeeData *d = (TeeData *)mpy_object_alloc(&mpy_itertools_teedata_type);
    if (d == NULL)
        return NULL;
    d->it = MPY_NEWREF(it);
    mpy_gc_track((MpyObject *)d);
    return (MpyObject *)d;
}

static void teedata_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    TeeData *d = (TeeData *)self;
    for (int i = 0; i < d->numread; i++)
        MPY_CLEAR(d->values[i]);
    MPY_CLEAR(d->it);
    MPY_CLEAR(d->next);
    mpy_object_free(self);
}

static int teedata_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    TeeData *d = (TeeData *)self;
    MPY_VISIT(d->it);
    MPY_VISIT(d->next);
    for (int i = 0; i < d->numread; i++)
        MPY_VISIT(d->values[i]);
    return 0;
}

MpyType mpy_itertools_teedata_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(TeeData),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = teedata_dealloc,
    .traverse = teedata_traverse,
};

static MpyObject *tee_from_data(MpyObject *data, int index)
{
    TeeObject *t = (TeeObject *)mpy_object_alloc(&mpy_itertools_tee_type);
    if (t == NULL)
        return NULL;
    t->data = MPY_NEWREF(data);
    t->index = index;
    mpy_gc_track((MpyObject *)t);
    return (MpyObject *)t;
}

/* A tee over any iterable (a tee argument is copied instead). */
static MpyObject *tee_from_iterable(MpyObject *iterable)
{
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return NULL;
    if (MPY_TYPE(it) == &mpy_itertools_tee_type) {
        MpyObject *copy = tee_from_data(((TeeObject *)it)->data, ((TeeObject *)it)->index);
        MPY_DECREF(it);
        return copy;
    }
    MpyObject *data = teedata_new_for(it);
    MPY_DECREF(it);
    if (data == NULL)
        return NULL;
    MpyObject *t = tee_from_data(data, 0);
    MPY_DECREF(data);
    return t;
}

static MpyObject *tee_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy__itertools_check_args("_tee", nargs, kw, 1, 1) < 0)
        return NULL;
    return tee_from_iterable(args[0]);
}

static MpyObject *tee_next(MpyObject *self)
{
    TeeObject *t = (TeeObject *)self;
    if (t->index >= TEE_CHUNK) {
        TeeData *d = (TeeData *)t->data;
        if (d->next == NULL) {
            d->next = teedata_new_for(d->it);
            if (d->next == NULL)
                return NULL;
        }
        MPY_SETREF(t->data, MPY_NEWREF(d->next));
        t->index = 0;
    }
    TeeData *d = (TeeData *)t->data;
    if (t->index < d->numread)
        return MPY_NEWREF(d->values[t->index++]);
    if (d->running)
        return mpy_err_format(mpy_exc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    MpyObject *value = mpy_iter_next(d->it);
    d->running = false;
    if (value == NULL)
        return NULL;
    d->values[d->numread++] = value;
    t->index++;
    return MPY_NEWREF(value);
}

static MpyObject *tee_copy(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return tee_from_data(((TeeObject *)self)->data, ((TeeObject *)self)->index);
}

static void tee_dealloc(MpyObject *self) { mpy__itertools_dealloc_refs(self, 1); }
static int tee_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    return mpy__itertools_traverse_refs(self, 1, visit, arg);
}

static const MpyMethodDef tee_methods[] = {
    {"__copy__", tee_copy, MPY_METH_NOARGS, "Returns an independent iterator."},
    {NULL},
};

ITERTOOLS_LOCKED_NEXT(tee_next)

MpyType mpy_itertools_tee_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools._tee",
    .doc = "Iterator wrapped to make it copyable.",
    .basicsize = sizeof(TeeObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = tee_dealloc,
    .traverse = tee_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(tee_next),
    .new = tee_new,
    .methods = tee_methods,
};

MpyObject *mpy__itertools_tee(MpyObject *module, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    if (mpy__itertools_check_args("tee", nargs, kwnames, 1, 2) < 0)
        return NULL;
    ptrdiff_t n = 2;
    if (nargs == 2) {
        n = mpy_number_as_ssize(args[1], mpy_exc_OverflowError);
        if (n == -1 && mpy_err_occurred())
            return NULL;
    }
    if (n < 0)
        return mpy_err_format(mpy_exc_ValueError, "n must be >= 0");
    MpyObject *result = mpy_tuple_new(n);
    if (result == NULL || n == 0)
        return result;
    MpyObject *first = tee_from_iterable(args[0]);
    if (first == NULL) {
        MPY_DECREF(result);
        return NULL;
    }
    mpy_tuple_init_take(result, 0, first);
    for (ptrdiff_t i = 1; i < n; i++) {
        MpyObject *copy = tee_copy(first, NULL, 0, NULL);
        if (copy == NULL) {
            MPY_DECREF(result);
            return NULL;
        }
        mpy_tuple_init_take(result, i, copy);
    }
    return result;
}

/* ------------------------------------------------------------------ */
/* The combinatoric iterators                                           */

/* Shared state: the input as a tuple, the index array, r, and whether the
 * first result was produced / the iteration is over. */
typedef struct {
    MpyObject ob_base;
    MpyObject *pool;      /* tuple of the input items */
    ptrdiff_t *indices;   /* into pool (product: one per output slot) */
    ptrdiff_t *cycles;    /* permutations only */
    ptrdiff_t r;
    bool started;
    bool stopped;
} CombObject;

static void comb_dealloc(MpyObject *self)
{
    CombObject *c = (CombObject *)self;
    mpy_mem_free(c->indices);
    mpy_mem_free(c->cycles);
    mpy__itertools_dealloc_refs(self, 1);
}

static int comb_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    return mpy__itertools_traverse_refs(self, 1, visit, arg);
}

/* Allocate the object with a pool and r indices (plus cycles if asked). */
static CombObject *comb_make(MpyType *type, MpyObject *pool, ptrdiff_t r, bool with_cycles)
{
    CombObject *c = (CombObject *)mpy_object_alloc(type);
    if (c == NULL)
        return NULL;
    c->pool = MPY_NEWREF(pool);
    c->r = r;
    c->indices = mpy_mem_calloc((size_t)(r > 0 ? r : 1), sizeof(ptrdiff_t));
    if (with_cycles)
        c->cycles = mpy_mem_calloc((size_t)(r > 0 ? r : 1), sizeof(ptrdiff_t));
    mpy_gc_track((MpyObject *)c);
    if (c->indices == NULL || (with_cycles && c->cycles == NULL)) {
        MPY_DECREF(c);
        return NULL;
    }
    return c;
}

/* The tuple pool[indices[0]], ..., pool[indices[r-1]]. */
static MpyObject *comb_result(CombObject *c, MpyObject *pool)
{
    MpyObject *result = mpy_tuple_new(c->r);
    if (result == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < c->r; i++)
        mpy_tuple_init_take(result, i, MPY_NEWREF(mpy_tuple_item(pool, c->indices[i])));
    return result;
}

/* A non-negative r argument (None allowed when `dflt` >= 0).  Returns 0 / -1. */
static int parse_r(MpyObject *o, ptrdiff_t dflt, ptrdiff_t *out)
{
    if (o == NULL || (o == MPY_NONE && dflt >= 0)) {
        *out = dflt;
        return 0;
    }
    ptrdiff_t r = mpy_number_as_ssize(o, mpy_exc_OverflowError);
    if (r == -1 && mpy_err_occurred())
        return -1;
    if (r < 0) {
        mpy_err_set(mpy_exc_ValueError, "r must be non-negative");
        return -1;
    }
    *out = r;
    return 0;
}

/* -- product(*iterables, repeat=1): pool is a tuple of tuples ---------- */

static MpyObject *product_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    ptrdiff_t repeat = 1;
    for (ptrdiff_t i = 0; kw != NULL && i < mpy_tuple_size(kw); i++) {
        MpyObject *name = mpy_tuple_item(kw, i);
        if (!mpy_str_equal_cstr(name, "repeat"))
            return mpy_err_format(mpy_exc_TypeError, "%R is an invalid keyword argument for product()", name);
        repeat = mpy_number_as_ssize(args[nargs + (size_t)i], mpy_exc_OverflowError);
        if (repeat == -1 && mpy_err_occurred())
            return NULL;
        if (repeat < 0)
            return mpy_err_format(mpy_exc_ValueError, "repeat argument cannot be negative");
    }
    ptrdiff_t npools = (ptrdiff_t)nargs * repeat;
    MpyObject *pools = mpy_tuple_new(npools);
    if (pools == NULL)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        MpyObject *pool = mpy_tuple_from_iterable(args[i]);
        if (pool == NULL) {
            MPY_DECREF(pools);
            return NULL;
        }
        for (ptrdiff_t k = 0; k < repeat; k++)
            mpy_tuple_init_take(pools, (ptrdiff_t)i + k * (ptrdiff_t)nargs, MPY_NEWREF(pool));
        MPY_DECREF(pool);
    }
    CombObject *c = comb_make(type, pools, npools, false);
    MPY_DECREF(pools);
    return (MpyObject *)c;
}

static MpyObject *product_next(MpyObject *self)
{
    CombObject *c = (CombObject *)self;
    MpyObject *pools = c->pool;
    if (c->stopped)
        return NULL;
    if (!c->started) {
        c->started = true;
        for (ptrdiff_t i = 0; i < c->r; i++) {
            if (mpy_tuple_size(mpy_tuple_item(pools, i)) == 0) {
                c->stopped = true;
                return NULL;
            }
        }
    } else {
        /* Odometer: bump the rightmost index that can move, reset the
         * ones after it. */
        ptrdiff_t i = c->r - 1;
        for (; i >= 0; i--) {
            if (++c->indices[i] < mpy_tuple_size(mpy_tuple_item(pools, i)))
                break;
            c->indices[i] = 0;
        }
        if (i < 0) {
            c->stopped = true;
            return NULL;
        }
    }
    MpyObject *result = mpy_tuple_new(c->r);
    if (result == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < c->r; i++)
        mpy_tuple_init_take(result, i, MPY_NEWREF(mpy_tuple_item(mpy_tuple_item(pools, i), c->indices[i])));
    return result;
}

ITERTOOLS_LOCKED_NEXT(product_next)

MpyType mpy_itertools_product_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools.product",
    .doc = "Cartesian product of input iterables.  Equivalent to nested for-loops.",
    .basicsize = sizeof(CombObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = comb_dealloc,
    .traverse = comb_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(product_next),
    .new = product_new,
};

/* -- combinations(iterable, r) ---------------------------------------- */

static MpyObject *comb_new_common(const char *name, MpyType *type, MpyObject *const *args,
                                  size_t nargs, MpyObject *kw, bool r_optional, bool cycles)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse(name, args, nargs, kw, kwlist, r_optional ? 1 : 2, a) < 0)
        return NULL;
    MpyObject *pool = mpy_tuple_from_iterable(a[0]);
    if (pool == NULL)
        return NULL;
    ptrdiff_t r;
    if (parse_r(a[1], r_optional ? mpy_tuple_size(pool) : -1, &r) < 0) {
        MPY_DECREF(pool);
        return NULL;
    }
    CombObject *c = comb_make(type, pool, r, cycles);
    MPY_DECREF(pool);
    return (MpyObject *)c;
}

static MpyObject *combinations_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return comb_new_common("combinations", type, args, nargs, kw, false, false);
}

static MpyObject *combinations_next(MpyObject *self)
{
    CombObject *c = (CombObject *)self;
    ptrdiff_t n = mpy_tuple_size(c->pool), r = c->r;
    if (c->stopped)
        return NULL;
    if (!c->started) {
        c->started = true;
        if (r > n) {
            c->stopped = true;
            return NULL;
        }
        for (ptrdiff_t i = 0; i < r; i++)
            c->indices[i] = i;
        return comb_result(c, c->pool);
    }
    /* The rightmost index not at its maximum (n - r + i) moves up; the
     * ones after it follow consecutively. */
    ptrdiff_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r)
        i--;
    if (i < 0) {
        c->stopped = true;
        return NULL;
    }
    c->indices[i]++;
    for (ptrdiff_t j = i + 1; j < r; j++)
        c->indices[j] = c->indices[j - 1] + 1;
    return comb_result(c, c->pool);
}

ITERTOOLS_LOCKED_NEXT(combinations_next)

MpyType mpy_itertools_combinations_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools.combinations",
    .doc = "Return successive r-length combinations of elements in the iterable.",
    .basicsize = sizeof(CombObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = comb_dealloc,
    .traverse = comb_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(combinations_next),
    .new = combinations_new,
};

/* -- combinations_with_replacement(iterable, r) ------------------------- */

static MpyObject *cwr_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return comb_new_common("combinations_with_replacement", type, args, nargs, kw, false, false);
}

static MpyObject *cwr_next(MpyObject *self)
{
    CombObject *c = (CombObject *)self;
    ptrdiff_t n = mpy_tuple_size(c->pool), r = c->r;
    if (c->stopped)
        return NULL;
    if (!c->started) {
        c->started = true;
        if (n == 0 && r > 0) {
            c->stopped = true;
            return NULL;
        }
        return comb_result(c, c->pool); /* indices start all zero */
    }
    ptrdiff_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1)
        i--;
    if (i < 0) {
        c->stopped = true;
        return NULL;
    }
    ptrdiff_t v = c->indices[i] + 1;
    for (ptrdiff_t j = i; j < r; j++)
        c->indices[j] = v;
    return comb_result(c, c->pool);
}

ITERTOOLS_LOCKED_NEXT(cwr_next)

MpyType mpy_itertools_cwr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools.combinations_with_replacement",
    .doc = "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.",
    .basicsize = sizeof(CombObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = comb_dealloc,
    .traverse = comb_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(cwr_next),
    .new = cwr_new,
};

/* -- permutations(iterable, r=None) -------------------------------------- */

/* indices holds all n positions (the first r are the output); cycles[i]
 * counts how many more rotations position i has before it resets. */
static MpyObject *permutations_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *self = comb_new_common("permutations", type, args, nargs, kw, true, true);
    if (self == NULL)
        return NULL;
    CombObject *c = (CombObject *)self;
    ptrdiff_t n = mpy_tuple_size(c->pool);
    mpy_mem_free(c->indices);
    c->indices = mpy_mem_calloc((size_t)(n > 0 ? n : 1), sizeof(ptrdiff_t));
    if (c->indices == NULL) {
        MPY_DECREF(self);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < n; i++)
        c->indices[i] = i;
    for (ptrdiff_t i = 0; i < c->r && i < n; i++)
        c->cycles[i] = n - i;
    return self;
}

static MpyObject *permutations_next(MpyObject *self)
{
    CombObject *c = (CombObject *)self;
    ptrdiff_t n = mpy_tuple_size(c->pool), r = c->r;
    if (c->stopped)
        return NULL;
    if (!c->started) {
        c->started = true;
        if (r > n) {
            c->stopped = true;
            return NULL;
        }
        return comb_result(c, c->pool);
    }
    if (n == 0)
        goto done;
    for (ptrdiff_t i = r - 1; i >= 0; i--) {
        c->cycles[i]--;
        if (c->cycles[i] == 0) {
            /* Rotate indices[i:] left by one and reset this counter. */
            ptrdiff_t first = c->indices[i];
            memmove(&c->indices[i], &c->indices[i + 1], (size_t)(n - i - 1) * sizeof(ptrdiff_t));
            c->indices[n - 1] = first;
            c->cycles[i] = n - i;
        } else {
            ptrdiff_t j = c->cycles[i];
            ptrdiff_t t = c->indices[i];
            c->indices[i] = c->indices[n - j];
            c->indices[n - j] = t;
            return comb_result(c, c->pool);
        }
    }
done:
    c->stopped = true;
    return NULL;
}

ITERTOOLS_LOCKED_NEXT(permutations_next)

MpyType mpy_itertools_permutations_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "itertools.permutations",
    .doc = "Return successive r-length permutations of elements in the iterable.",
    .basicsize = sizeof(CombObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = comb_dealloc,
    .traverse = comb_traverse,
    .iter = mpy__itertools_self_iter,
    .iternext = ITERTOOLS_NEXT(permutations_next),
    .new = permutations_new,
};
