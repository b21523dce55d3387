/* runtime/iter.c: general-purpose iterators and the builtin iterator types
 * enumerate, zip, map, filter and reversed.
 *
 * Models CPython's Objects/iterobject.c, Objects/enumobject.c and the
 * map/filter/zip parts of Python/bltinmodule.c.  All of them are lazy: each
 * __next__ pulls just enough from the underlying iterators.
 *
 * Two tricks from CPython are kept because `for i, x in enumerate(xs)` and
 * `for a, b in zip(xs, ys)` are hot loops: the result tuple is reused when
 * nobody else holds it any more (its reference count is back to 1 when the
 * loop body has unpacked it), and enumerate counts in a C integer until it
 * would leave the tagged-int range.
 *
 * Invariant: an iterator that has reported exhaustion drops what it holds
 * (so `seq` or `it` become NULL) and keeps reporting exhaustion.
 */
#include "runtime/iter.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static MpyObject *iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static ptrdiff_t nkwargs(MpyObject *kwnames)
{
    return kwnames == NULL ? 0 : mpy_tuple_size(kwnames);
}

/* After a lookup or call that returned NULL: was it the normal end
 * (IndexError / StopIteration, now cleared) rather than an error? */
static bool end_of_sequence(void)
{
    if (mpy_err_matches(mpy_exc_IndexError) || mpy_err_matches(mpy_exc_StopIteration)) {
        mpy_err_clear();
        return true;
    }
    return false;
}

/* A tuple of n items to refill for the next result: `*cache` itself when
 * only the iterator holds it (the previous items are returned to the
 * caller to release), else a fresh tuple.  Returns: new reference or NULL. */
static MpyObject *result_tuple(MpyObject **cache, ptrdiff_t n, bool *reused)
{
    if (*cache != NULL && mpy_refcnt(*cache) == 1) {
        *reused = true;
        return MPY_NEWREF(*cache);
    }
    *reused = false;
    return mpy_tuple_new(n);
}

/* ------------------------------------------------------------------ */
/* iterator: seq[0], seq[1], ... (objects with only __getitem__)         */

typedef struct SeqIter {
    MpyObject ob_base;
    ptrdiff_t index;
    MpyObject *seq; /* NULL once exhausted */
} SeqIter;

MpyObject *mpy_seq_iter_new(MpyObject *seq)
{
    SeqIter *it = (SeqIter *)mpy_object_alloc(&mpy_seq_iter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(seq);
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static void seq_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((SeqIter *)self)->seq);
    mpy_object_free(self);
}

static int seq_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((SeqIter *)self)->seq);
    return 0;
}

static MpyObject *seq_iter_next(MpyObject *self)
{
    SeqIter *it = (SeqIter *)self;
    if (it->seq == NULL)
        return NULL;
    MpyObject *index = mpy_int_from_ssize(it->index);
    if (index == NULL)
        return NULL;
    MpyObject *item = mpy_object_getitem(it->seq, index);
    MPY_DECREF(index);
    if (item != NULL) {
        it->index++;
        return item;
    }
    if (end_of_sequence())
        MPY_CLEAR(it->seq);
    return NULL;
}

static MpyObject *seq_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                       MpyObject *k)
{
    SeqIter *it = (SeqIter *)self;
    if (it->seq == NULL)
        return mpy_small_int(0);
    if (MPY_TYPE(it->seq)->len == NULL)
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t size = mpy_object_length(it->seq);
    if (size < 0)
        return NULL;
    return mpy_int_from_ssize(size - it->index >= 0 ? size - it->index : 0);
}

static const MpyMethodDef seq_iter_methods[] = {
    {"__length_hint__", seq_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_seq_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "iterator",
    .basicsize = sizeof(SeqIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = seq_iter_dealloc,
    .traverse = seq_iter_traverse,
    .iter = iter_self,
    .iternext = seq_iter_next,
    .methods = seq_iter_methods,
};

/* ------------------------------------------------------------------ */
/* callable_iterator: iter(f, sentinel)                                 */

typedef struct CallIter {
    MpyObject ob_base;
    MpyObject *callable; /* both NULL once exhausted */
    MpyObject *sentinel;
} CallIter;

MpyObject *mpy_callable_iter_new(MpyObject *callable, MpyObject *sentinel)
{
    CallIter *it = (CallIter *)mpy_object_alloc(&mpy_callable_iter_type);
    if (it == NULL)
        return NULL;
    it->callable = MPY_NEWREF(callable);
    it->sentinel = MPY_NEWREF(sentinel);
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static void call_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((CallIter *)self)->callable);
    MPY_XDECREF(((CallIter *)self)->sentinel);
    mpy_object_free(self);
}

static int call_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((CallIter *)self)->callable);
    MPY_VISIT(((CallIter *)self)->sentinel);
    return 0;
}

static MpyObject *call_iter_next(MpyObject *self)
{
    CallIter *it = (CallIter *)self;
    if (it->callable == NULL)
        return NULL;
    MpyObject *result = mpy_object_call0(it->callable);
    if (result == NULL) {
        if (mpy_err_matches(mpy_exc_StopIteration)) {
            mpy_err_clear();
            MPY_CLEAR(it->callable);
            MPY_CLEAR(it->sentinel);
        }
        return NULL;
    }
    int done = mpy_object_richcompare_bool(it->sentinel, result, MPY_EQ);
    if (done == 0)
        return result;
    MPY_DECREF(result);
    if (done > 0) {
        MPY_CLEAR(it->callable);
        MPY_CLEAR(it->sentinel);
    }
    return NULL;
}

MpyType mpy_callable_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "callable_iterator",
    .basicsize = sizeof(CallIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = call_iter_dealloc,
    .traverse = call_iter_traverse,
    .iter = iter_self,
    .iternext = call_iter_next,
};

/* ------------------------------------------------------------------ */
/* enumerate(iterable, start=0)                                         */

typedef struct Enumerate {
    MpyObject ob_base;
    intptr_t index;         /* next count while it fits a tagged int */
    MpyObject *long_index;  /* next count as an int object once it does not, else NULL */
    MpyObject *it;
    MpyObject *result;      /* tuple reused between steps, or NULL */
} Enumerate;

static bool keyword_is(MpyObject *kwnames, ptrdiff_t i, const char *name)
{
    MpyObject *kw = mpy_tuple_item(kwnames, i);
    if (mpy_str_check(kw) && mpy_str_equal_cstr(kw, name))
        return true;
    mpy_err_format(mpy_exc_TypeError, "'%S' is an invalid keyword argument for enumerate()", kw);
    return false;
}

static MpyObject *enumerate_make(MpyType *type, MpyObject *iterable, MpyObject *start)
{
    Enumerate *en = (Enumerate *)mpy_object_alloc(type);
    if (en == NULL)
        return NULL;
    mpy_gc_track((MpyObject *)en);
    if ((en->it = mpy_object_get_iter(iterable)) == NULL)
        goto fail;
    if (start != NULL) {
        MpyObject *i = mpy_number_index(start);
        if (i == NULL)
            goto fail;
        if (mpy_is_small_int(i) && mpy_small_int_value(i) < MPY_SMALLINT_MAX) {
            en->index = mpy_small_int_value(i);
        } else {
            // Count with int objects; the exact-int copy drops bool-ness.
            en->long_index = mpy_int_binop(i, mpy_small_int(0), MPY_NB_ADD);
            if (en->long_index == NULL) {
                MPY_DECREF(i);
                goto fail;
            }
        }
        MPY_DECREF(i);
    }
    return (MpyObject *)en;
fail:
    MPY_DECREF(en);
    return NULL;
}

/* enumerate's argument rules, as CPython's hand-written vectorcall. */
static MpyObject *enumerate_new(MpyType *type, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    ptrdiff_t nkw = nkwargs(kwnames), total = (ptrdiff_t)nargs + nkw;
    if (total == 2) {
        if (nkw == 1 && !keyword_is(kwnames, 0, "start"))
            return NULL;
        if (nkw == 2) {
            MpyObject *kw0 = mpy_tuple_item(kwnames, 0);
            if (mpy_str_check(kw0) && mpy_str_equal_cstr(kw0, "start")) {
                if (!keyword_is(kwnames, 1, "iterable"))
                    return NULL;
                return enumerate_make(type, args[1], args[0]);
            }
            if (!keyword_is(kwnames, 0, "iterable") || !keyword_is(kwnames, 1, "start"))
                return NULL;
        }
        return enumerate_make(type, args[0], args[1]);
    }
    if (total == 1) {
        if (nkw == 1 && !keyword_is(kwnames, 0, "iterable"))
            return NULL;
        return enumerate_make(type, args[0], NULL);
    }
    if (nargs == 0)
        return mpy_err_format(mpy_exc_TypeError, "enumerate() missing required argument 'iterable'");
    return mpy_err_format(mpy_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                          total);
}

static void enumerate_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    Enumerate *en = (Enumerate *)self;
    MPY_XDECREF(en->it);
    MPY_XDECREF(en->long_index);
    MPY_XDECREF(en->result);
    mpy_object_free(self);
}

static int enumerate_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    Enumerate *en = (Enumerate *)self;
    MPY_VISIT(en->it);
    MPY_VISIT(en->long_index);
    MPY_VISIT(en->result);
    return 0;
}

/* The count for this step (new reference), advancing the counter. */
static MpyObject *enumerate_count(Enumerate *en)
{
    if (MPY_LIKELY(en->long_index == NULL)) {
        MpyObject *count = mpy_small_int(en->index);
        if (++en->index == MPY_SMALLINT_MAX)
            en->long_index = mpy_int_from_long((long long)MPY_SMALLINT_MAX);
        return count;
    }
    MpyObject *count = en->long_index;
    MpyObject *next = mpy_int_binop(count, mpy_small_int(1), MPY_NB_ADD);
    if (next == NULL)
        return NULL;
    en->long_index = next; // our old reference becomes the result
    return count;
}

static MpyObject *enumerate_next(MpyObject *self)
{
    Enumerate *en = (Enumerate *)self;
    if (en->it == NULL)
        return NULL;
    MpyObject *item = mpy_iter_next(en->it);
    if (item == NULL)
        return NULL;
    MpyObject *count = enumerate_count(en);
    if (count == NULL) {
        MPY_DECREF(item);
        return NULL;
    }
    bool reused;
    MpyObject *result = result_tuple(&en->result, 2, &reused);
    if (result == NULL) {
        MPY_DECREF(count);
        MPY_DECREF(item);
        return NULL;
    }
    MpyObject **slots = mpy_tuple_items(result);
    MpyObject *old0 = slots[0], *old1 = slots[1];
    slots[0] = count;
    slots[1] = item;
    if (reused) {
        MPY_DECREF(old0);
        MPY_DECREF(old1);
    } else if (en->result == NULL) {
        en->result = MPY_NEWREF(result); // keep it for reuse
    }
    return result;
}

MpyType mpy_enumerate_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "enumerate",
    .doc = "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
           "The enumerate object yields pairs containing a count (from start, which\n"
           "defaults to zero) and a value yielded by the iterable argument.\n\n"
           "enumerate is useful for obtaining an indexed list:\n"
           "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .basicsize = sizeof(Enumerate),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = enumerate_dealloc,
    .traverse = enumerate_traverse,
    .iter = iter_self,
    .iternext = enumerate_next,
    .new = enumerate_new,
};

/* ------------------------------------------------------------------ */
/* zip(*iterables, strict=False)                                        */

typedef struct Zip {
    MpyObject ob_base;
    MpyObject *iters;  /* tuple of iterators */
    MpyObject *result; /* tuple reused between steps, or NULL */
    bool strict;
} Zip;

/* A tuple of iter(x) for each x in args[0..n).  Returns: new ref or NULL. */
static MpyObject *iterators_of(MpyObject *const *args, ptrdiff_t n)
{
    MpyObject *iters = mpy_tuple_new(n);
    if (iters == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *it = mpy_object_get_iter(args[i]);
        if (it == NULL) {
            MPY_DECREF(iters);
            return NULL;
        }
        mpy_tuple_init_take(iters, i, it);
    }
    return iters;
}

static MpyObject *zip_new(MpyType *type, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    bool strict = false;
    for (ptrdiff_t k = 0; k < nkwargs(kwnames); k++) {
        MpyObject *kw = mpy_tuple_item(kwnames, k);
        if (!mpy_str_equal_cstr(kw, "strict"))
            return mpy_err_format(mpy_exc_TypeError, "'%S' is an invalid keyword argument for zip()",
                                  kw);
        int t = mpy_object_is_true(args[nargs + (size_t)k]);
        if (t < 0)
            return NULL;
        strict = t;
    }
    MpyObject *iters = iterators_of(args, (ptrdiff_t)nargs);
    if (iters == NULL)
        return NULL;
    Zip *z = (Zip *)mpy_object_alloc(type);
    if (z == NULL) {
        MPY_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    mpy_gc_track((MpyObject *)z);
    return (MpyObject *)z;
}

static void zip_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((Zip *)self)->iters);
    MPY_XDECREF(((Zip *)self)->result);
    mpy_object_free(self);
}

static int zip_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((Zip *)self)->iters);
    MPY_VISIT(((Zip *)self)->result);
    return 0;
}

/* strict=True and iterator `i` ran out: were all the others exhausted too?
 * Returns NULL, with ValueError when they were not. */
static MpyObject *zip_check_lengths(Zip *z, ptrdiff_t i)
{
    if (mpy_err_occurred())
        return NULL; // next() raised: report that
    if (i > 0)
        return mpy_err_format(mpy_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                              i + 1, i == 1 ? " " : "s 1-", i);
    ptrdiff_t n = mpy_tuple_size(z->iters);
    for (i = 1; i < n; i++) {
        MpyObject *item = mpy_iter_next(mpy_tuple_item(z->iters, i));
        if (item != NULL) {
            MPY_DECREF(item);
            return mpy_err_format(mpy_exc_ValueError,
                                  "zip() argument %zd is longer than argument%s%zd", i + 1,
                                  i == 1 ? " " : "s 1-", i);
        }
        if (mpy_err_occurred())
            return NULL;
    }
    return NULL;
}

static MpyObject *zip_next(MpyObject *self)
{
    Zip *z = (Zip *)self;
    ptrdiff_t n = mpy_tuple_size(z->iters);
    if (n == 0)
        return NULL;
    bool reused;
    MpyObject *result = result_tuple(&z->result, n, &reused);
    if (result == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *item = mpy_iter_next(mpy_tuple_item(z->iters, i));
        if (item == NULL) {
            MPY_DECREF(result);
            return z->strict ? zip_check_lengths(z, i) : NULL;
        }
        MpyObject *old = mpy_tuple_items(result)[i];
        mpy_tuple_init_take(result, i, item);
        MPY_XDECREF(old);
    }
    if (!reused && z->result == NULL)
        z->result = MPY_NEWREF(result);
    return result;
}

MpyType mpy_zip_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "zip",
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
           "   >>> list(zip('abcdefg', range(3), range(4)))\n"
           "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
           "The zip object yields n-length tuples, where n is the number of iterables\n"
           "passed as positional arguments to zip().  The i-th element in every tuple\n"
           "comes from the i-th iterable argument to zip().  This continues until the\n"
           "shortest argument is exhausted.\n\n"
           "If strict is true and one of the arguments is exhausted before the others,\n"
           "raise a ValueError.",
    .basicsize = sizeof(Zip),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = iter_self,
    .iternext = zip_next,
    .new = zip_new,
};

/* ------------------------------------------------------------------ */
/* map(func, *iterables)                                                */

typedef struct Map {
    MpyObject ob_base;
    MpyObject *func;
    MpyObject *iters; /* tuple of iterators */
} Map;

static MpyObject *map_new(MpyType *type, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    if (nkwargs(kwnames) > 0 && (type == &mpy_map_type || type->init == mpy_map_type.init))
        return mpy_err_format(mpy_exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2)
        return mpy_err_format(mpy_exc_TypeError, "map() must have at least two arguments.");
    MpyObject *iters = iterators_of(args + 1, (ptrdiff_t)nargs - 1);
    if (iters == NULL)
        return NULL;
    Map *m = (Map *)mpy_object_alloc(type);
    if (m == NULL) {
        MPY_DECREF(iters);
        return NULL;
    }
    m->func = MPY_NEWREF(args[0]);
    m->iters = iters;
    mpy_gc_track((MpyObject *)m);
    return (MpyObject *)m;
}

static void map_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((Map *)self)->func);
    MPY_XDECREF(((Map *)self)->iters);
    mpy_object_free(self);
}

static int map_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((Map *)self)->func);
    MPY_VISIT(((Map *)self)->iters);
    return 0;
}

static MpyObject *map_next(MpyObject *self)
{
    Map *m = (Map *)self;
    ptrdiff_t n = mpy_tuple_size(m->iters);
    MpyObject *small[5], **args = small;
    if (n > 5 && (args = mpy_mem_alloc((size_t)n * sizeof(MpyObject *))) == NULL)
        return NULL;
    MpyObject *result = NULL;
    ptrdiff_t got = 0;
    for (; got < n; got++) {
        args[got] = mpy_iter_next(mpy_tuple_item(m->iters, got));
        if (args[got] == NULL)
            goto done;
    }
    result = mpy_object_call(m->func, args, (size_t)n, NULL);
done:
    while (--got >= 0)
        MPY_DECREF(args[got]);
    if (args != small)
        mpy_mem_free(args);
    return result;
}

MpyType mpy_map_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "map",
    .doc = "map(func, *iterables) --> map object\n\n"
           "Make an iterator that computes the function using arguments from\n"
           "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .basicsize = sizeof(Map),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = iter_self,
    .iternext = map_next,
    .new = map_new,
};

/* ------------------------------------------------------------------ */
/* filter(function or None, iterable)                                   */

typedef struct Filter {
    MpyObject ob_base;
    MpyObject *func; /* None or bool: keep the true items */
    MpyObject *it;
} Filter;

static MpyObject *filter_new(MpyType *type, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    if (nkwargs(kwnames) > 0 && (type == &mpy_filter_type || type->init == mpy_filter_type.init))
        return mpy_err_format(mpy_exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2)
        return mpy_err_format(mpy_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    MpyObject *it = mpy_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    Filter *f = (Filter *)mpy_object_alloc(type);
    if (f == NULL) {
        MPY_DECREF(it);
        return NULL;
    }
    f->func = MPY_NEWREF(args[0]);
    f->it = it;
    mpy_gc_track((MpyObject *)f);
    return (MpyObject *)f;
}

static void filter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((Filter *)self)->func);
    MPY_XDECREF(((Filter *)self)->it);
    mpy_object_free(self);
}

static int filter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((Filter *)self)->func);
    MPY_VISIT(((Filter *)self)->it);
    return 0;
}

static MpyObject *filter_next(MpyObject *self)
{
    Filter *f = (Filter *)self;
    bool plain = f->func == MPY_NONE || f->func == (MpyObject *)&mpy_bool_type;
    for (;;) {
        MpyObject *item = mpy_iter_next(f->it);
        if (item == NULL)
            return NULL;
        int keep;
        if (plain) {
            keep = mpy_object_is_true(item);
        } else {
            MpyObject *verdict = mpy_object_call1(f->func, item);
            keep = verdict == NULL ? -1 : mpy_object_is_true(verdict);
            MPY_XDECREF(verdict);
        }
        if (keep > 0)
            return item;
        MPY_DECREF(item);
        if (keep < 0)
            return NULL;
    }
}

MpyType mpy_filter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "filter",
    .doc = "filter(function or None, iterable) --> filter object\n\n"
           "Return an iterator yielding those items of iterable for which function(item)\n"
           "is true. If function is None, return the items that are true.",
    .basicsize = sizeof(Filter),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = iter_self,
    .iternext = filter_next,
    .new = filter_new,
};

/* ------------------------------------------------------------------ */
/* reversed(sequence)                                                   */

typedef struct Reversed {
    MpyObject ob_base;
    ptrdiff_t index; /* next index to fetch; -1 when done */
    MpyObject *seq;  /* NULL once exhausted */
} Reversed;

/* The sequence protocol as CPython's PySequence_Check: indexable and not a
 * mapping we know of. */
static bool is_sequence(MpyObject *o)
{
    return !mpy_dict_check(o) && MPY_TYPE(o)->getitem != NULL;
}

static MpyObject *reversed_new(MpyType *type, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    if (nkwargs(kwnames) > 0 && type == &mpy_reversed_type)
        return mpy_err_format(mpy_exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1)
        return mpy_err_format(mpy_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    MpyObject *seq = args[0];
    // A __reversed__ method wins; __reversed__ = None opts out.
    MpyObject *meth = mpy_type_lookup(MPY_TYPE(seq), MPY_ID(__reversed__));
    if (meth == MPY_NONE)
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not reversible", seq);
    if (meth != NULL) {
        MpyDescrGetFunc get = MPY_TYPE(meth)->descr_get;
        if (get == NULL)
            return mpy_object_call0(meth);
        MpyObject *bound = get(meth, seq, (MpyObject *)MPY_TYPE(seq));
        if (bound == NULL)
            return NULL;
        MpyObject *result = mpy_object_call0(bound);
        MPY_DECREF(bound);
        return result;
    }
    if (!is_sequence(seq))
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not reversible", seq);
    ptrdiff_t n = mpy_object_length(seq);
    if (n < 0)
        return NULL;
    Reversed *r = (Reversed *)mpy_object_alloc(type);
    if (r == NULL)
        return NULL;
    r->index = n - 1;
    r->seq = MPY_NEWREF(seq);
    mpy_gc_track((MpyObject *)r);
    return (MpyObject *)r;
}

static void reversed_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((Reversed *)self)->seq);
    mpy_object_free(self);
}

static int reversed_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((Reversed *)self)->seq);
    return 0;
}

static MpyObject *reversed_next(MpyObject *self)
{
    Reversed *r = (Reversed *)self;
    if (r->index >= 0 && r->seq != NULL) {
        MpyObject *index = mpy_int_from_ssize(r->index);
        if (index == NULL)
            return NULL;
        MpyObject *item = mpy_object_getitem(r->seq, index);
        MPY_DECREF(index);
        if (item != NULL) {
            r->index--;
            return item;
        }
        if (!end_of_sequence())
            return NULL;
    }
    r->index = -1;
    MPY_CLEAR(r->seq);
    return NULL;
}

static MpyObject *reversed_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                       MpyObject *k)
{
    Reversed *r = (Reversed *)self;
    if (r->seq == NULL)
        return mpy_small_int(0);
    ptrdiff_t size = mpy_object_length(r->seq);
    if (size < 0)
        return NULL;
    return mpy_int_from_ssize(size < r->index + 1 ? 0 : r->index + 1);
}

static const MpyMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_reversed_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "reversed",
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .basicsize = sizeof(Reversed),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = iter_self,
    .iternext = reversed_next,
    .new = reversed_new,
    .methods = reversed_methods,
};
