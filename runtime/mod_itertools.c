/* runtime/mod_itertools.c: the itertools module, part 1: the iterators
 * that transform one stream (count, cycle, repeat, accumulate, chain,
 * compress, dropwhile, takewhile, filterfalse, starmap, islice, pairwise,
 * zip_longest) and the module definition.
 *
 * Models CPython's Modules/itertoolsmodule.c.  Each tool is a small type
 * whose iternext slot does one step of a loop the Python equivalent would
 * write as a generator; laziness is the point, so no tool reads more of
 * its input than it must.  iternext returns NULL without an exception when
 * the stream ends, with one on error.
 *
 * The grouping, tee and combinatoric tools are in mod_itertools_comb.c.
 */
#include "runtime/mod_itertools.h"

#include <stddef.h>
#include <string.h>

#include "runtime/complex.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* Shared helpers                                                       */

static inline MpyObject **refs_of(MpyObject *self)
{
    return (MpyObject **)((char *)self + sizeof(MpyObject));
}

void mpy__itertools_dealloc_refs(MpyObject *self, int nrefs)
{
    mpy_gc_untrack(self);
    MpyObject **refs = refs_of(self);
    for (int i = 0; i < nrefs; i++)
        MPY_CLEAR(refs[i]);
    mpy_object_free(self);
}

int mpy__itertools_traverse_refs(MpyObject *self, int nrefs, MpyVisitFunc visit, void *arg)
{
    MpyObject **refs = refs_of(self);
    for (int i = 0; i < nrefs; i++)
        MPY_VISIT(refs[i]);
    return 0;
}

int mpy__itertools_check_args(const char *name, size_t nargs, MpyObject *kwnames, size_t min,
                              size_t max)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max)
        mpy_err_format(mpy_exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
                       min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        mpy_err_format(mpy_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name,
                       min, min == 1 ? "" : "s", nargs);
    else
        mpy_err_format(mpy_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                       max, max == 1 ? "" : "s", nargs);
    return -1;
}

MpyObject *mpy__itertools_self_iter(MpyObject *self)
{
    return MPY_NEWREF(self);
}

/* A fresh, GC-tracked instance with its object fields set from `refs`
 * (new references are taken).  Returns: new reference or NULL. */
static MpyObject *make(MpyType *type, int nrefs, MpyObject *const *refs)
{
    MpyObject *self = mpy_object_alloc(type);
    if (self == NULL)
        return NULL;
    for (int i = 0; i < nrefs; i++)
        refs_of(self)[i] = refs[i] ? MPY_NEWREF(refs[i]) : NULL;
    mpy_gc_track(self);
    return self;
}

/* Defines the dealloc and traverse slots of a type with N object fields. */
#define REFS_SLOTS(prefix, N)                                                              \
    static void prefix##_dealloc(MpyObject *self) { mpy__itertools_dealloc_refs(self, N); } \
    static int prefix##_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)           \
    {                                                                                      \
        return mpy__itertools_traverse_refs(self, N, visit, arg);                          \
    }

/* The common part of every itertools type. */
#define ITER_TYPE(cname, pyname, prefix)                                                   \
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type), .name = "itertools." pyname,               \
    .basicsize = sizeof(cname), .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,       \
    .dealloc = prefix##_dealloc, .traverse = prefix##_traverse,                            \
    .iter = mpy__itertools_self_iter, .iternext = ITERTOOLS_NEXT(prefix##_next), .new = prefix##_new

/* ------------------------------------------------------------------ */
/* count(start=0, step=1)                                               */

typedef struct {
    MpyObject ob_base;
    MpyObject *current;
    MpyObject *step;
} CountObject;

REFS_SLOTS(count, 2)

static bool is_number(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    return mpy_int_check(o) || mpy_float_check(o) || mpy_object_type_is(o, &mpy_complex_type) ||
           t->nb_index != NULL || t->nb_int != NULL || t->nb_float != NULL;
}

static MpyObject *count_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"start", "step", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("count", args, nargs, kw, kwlist, 0, a) < 0)
        return NULL;
    MpyObject *start = a[0] ? a[0] : mpy_small_int(0);
    MpyObject *step = a[1] ? a[1] : mpy_small_int(1);
    if (!is_number(start) || !is_number(step))
        return mpy_err_format(mpy_exc_TypeError, "a number is required");
    MpyObject *refs[2] = {start, step};
    return make(type, 2, refs);
}

static MpyObject *count_next(MpyObject *self)
{
    CountObject *c = (CountObject *)self;
    MpyObject *next = mpy_number_binop(c->current, c->step, MPY_NB_ADD);
    if (next == NULL)
        return NULL;
    MpyObject *result = c->current;
    c->current = next;
    return result; /* the reference count held moves to the caller */
}

static MpyObject *count_repr(MpyObject *self)
{
    CountObject *c = (CountObject *)self;
    const char *name = mpy_type_name_of(self);
    if (strrchr(name, '.'))
        name = strrchr(name, '.') + 1;
    if (mpy_is_small_int(c->step) && mpy_small_int_value(c->step) == 1)
        return mpy_str_from_format("%s(%R)", name, c->current);
    return mpy_str_from_format("%s(%R, %R)", name, c->current, c->step);
}

ITERTOOLS_LOCKED_NEXT(count_next)

MpyType mpy_itertools_count_type = {
    ITER_TYPE(CountObject, "count", count),
    .doc = "Return a count object whose .__next__() method returns consecutive values.",
    .repr = count_repr,
};

/* ------------------------------------------------------------------ */
/* cycle(iterable)                                                      */

typedef struct {
    MpyObject ob_base;
    MpyObject *it;
    MpyObject *saved;   /* list of the items of the first pass */
    ptrdiff_t index;    /* position in `saved` once `it` is exhausted */
    bool firstpass;     /* still reading from `it` */
} CycleObject;

REFS_SLOTS(cycle, 2)

static MpyObject *cycle_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy__itertools_check_args("cycle", nargs, kw, 1, 1) < 0)
        return NULL;
    MpyObject *it = mpy_object_get_iter(args[0]);
    MpyObject *saved = it ? mpy_list_new(0) : NULL;
    MpyObject *refs[2] = {it, saved};
    MpyObject *self = saved ? make(type, 2, refs) : NULL;
    MPY_XDECREF(it);
    MPY_XDECREF(saved);
    if (self != NULL)
        ((CycleObject *)self)->firstpass = true;
    return self;
}

static MpyObject *cycle_next(MpyObject *self)
{
    CycleObject *c = (CycleObject *)self;
    if (c->firstpass) {
        MpyObject *item = mpy_iter_next(c->it);
        if (item != NULL) {
            if (mpy_list_append(c->saved, item) < 0) {
                MPY_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (mpy_err_occurred())
            return NULL;
        c->firstpass = false;
        MPY_CLEAR(c->it);
    }
    ptrdiff_t n = mpy_list_size(c->saved);
    if (n == 0)
        return NULL;
    MpyObject *item = mpy_list_get(c->saved, c->index);
    c->index = (c->index + 1) % n;
    return item;
}

ITERTOOLS_LOCKED_NEXT(cycle_next)

MpyType mpy_itertools_cycle_type = {
    ITER_TYPE(CycleObject, "cycle", cycle),
    .doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
};

/* ------------------------------------------------------------------ */
/* repeat(object[, times])                                              */

typedef struct {
    MpyObject ob_base;
    MpyObject *element;
    ptrdiff_t left;     /* -1: forever */
} RepeatObject;

REFS_SLOTS(repeat, 1)

static MpyObject *repeat_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"object", "times", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("repeat", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    ptrdiff_t left = -1;
    if (a[1] != NULL) {
        left = mpy_number_as_ssize(a[1], mpy_exc_OverflowError);
        if (left == -1 && mpy_err_occurred())
            return NULL;
        if (left < 0)
            left = 0;
    }
    MpyObject *self = make(type, 1, a);
    if (self != NULL)
        ((RepeatObject *)self)->left = left;
    return self;
}

static MpyObject *repeat_next(MpyObject *self)
{
    RepeatObject *r = (RepeatObject *)self;
    if (r->left == 0)
        return NULL;
    if (r->left > 0)
        r->left--;
    return MPY_NEWREF(r->element);
}

static MpyObject *repeat_repr(MpyObject *self)
{
    RepeatObject *r = (RepeatObject *)self;
    if (r->left < 0)
        return mpy_str_from_format("repeat(%R)", r->element);
    return mpy_str_from_format("repeat(%R, %zd)", r->element, r->left);
}

static MpyObject *repeat_length_hint(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RepeatObject *r = (RepeatObject *)self;
    if (r->left < 0)
        return mpy_err_format(mpy_exc_TypeError, "len() of unsized object");
    return mpy_int_from_ssize(r->left);
}

static const MpyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, MPY_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

ITERTOOLS_LOCKED_NEXT(repeat_next)

MpyType mpy_itertools_repeat_type = {
    ITER_TYPE(RepeatObject, "repeat", repeat),
    .doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
           "for the specified number of times.  If not specified, returns the object\nendlessly.",
    .repr = repeat_repr,
    .methods = repeat_methods,
};

/* ------------------------------------------------------------------ */
/* accumulate(iterable, func=None, *, initial=None)                     */

typedef struct {
    MpyObject ob_base;
    MpyObject *it;
    MpyObject *func;     /* NULL: addition */
    MpyObject *total;    /* NULL before the first item */
    MpyObject *initial;  /* produced first, then dropped */
} AccumulateObject;

REFS_SLOTS(accumulate, 4)

static MpyObject *accumulate_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"iterable", "func", "$initial", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse("accumulate", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *it = mpy_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    MpyObject *refs[4] = {it, a[1] == MPY_NONE ? NULL : a[1], NULL,
                          a[2] == MPY_NONE ? NULL : a[2]};
    MpyObject *self = make(type, 4, refs);
    MPY_DECREF(it);
    return self;
}

static MpyObject *accumulate_next(MpyObject *self)
{
    AccumulateObject *acc = (AccumulateObject *)self;
    if (acc->initial != NULL) {
        acc->total = acc->initial; /* the reference moves */
        acc->initial = NULL;
        return MPY_NEWREF(acc->total);
    }
    MpyObject *item = mpy_iter_next(acc->it);
    if (item == NULL)
        return NULL;
    if (acc->total == NULL) {
        acc->total = MPY_NEWREF(item);
        return item;
    }
    MpyObject *sum = acc->func ? mpy_object_call2(acc->func, acc->total, item)
                               : mpy_number_binop(acc->total, item, MPY_NB_ADD);
    MPY_DECREF(item);
    if (sum == NULL)
        return NULL;
    MPY_SETREF(acc->total, MPY_NEWREF(sum));
    return sum;
}

ITERTOOLS_LOCKED_NEXT(accumulate_next)

MpyType mpy_itertools_accumulate_type = {
    ITER_TYPE(AccumulateObject, "accumulate", accumulate),
    .doc = "Return series of accumulated sums (or other binary function results).",
};

/* ------------------------------------------------------------------ */
/* chain(*iterables), chain.from_iterable(iterable)                     */

typedef struct {
    MpyObject ob_base;
    MpyObject *source;  /* iterator over the iterables; NULL when done */
    MpyObject *active;  /* iterator over the current one */
} ChainObject;

REFS_SLOTS(chain, 2)

static MpyObject *chain_from_source(MpyType *type, MpyObject *iterable)
{
    MpyObject *source = mpy_object_get_iter(iterable);
    if (source == NULL)
        return NULL;
    MpyObject *refs[2] = {source, NULL};
    MpyObject *self = make(type, 2, refs);
    MPY_DECREF(source);
    return self;
}

static MpyObject *chain_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy__itertools_check_args("chain", nargs, kw, 0, (size_t)-1) < 0)
        return NULL;
    MpyObject *tuple = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (tuple == NULL)
        return NULL;
    MpyObject *self = chain_from_source(type, tuple);
    MPY_DECREF(tuple);
    return self;
}

static MpyObject *chain_from_iterable(MpyObject *cls, MpyObject *const *args, size_t n, MpyObject *k)
{
    return chain_from_source((MpyType *)cls, args[0]);
}

static MpyObject *chain_next(MpyObject *self)
{
    ChainObject *c = (ChainObject *)self;
    while (c->source != NULL) {
        if (c->active == NULL) {
            MpyObject *iterable = mpy_iter_next(c->source);
            if (iterable == NULL) {
                MPY_CLEAR(c->source);
                return NULL; /* exhausted, or the error of next() */
            }
            c->active = mpy_object_get_iter(iterable);
            MPY_DECREF(iterable);
            if (c->active == NULL)
                return NULL;
        }
        MpyObject *item = mpy_iter_next(c->active);
        if (item != NULL || mpy_err_occurred())
            return item;
        MPY_CLEAR(c->active);
    }
    return NULL;
}

static const MpyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, MPY_METH_O | MPY_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {NULL},
};

ITERTOOLS_LOCKED_NEXT(chain_next)

MpyType mpy_itertools_chain_type = {
    ITER_TYPE(ChainObject, "chain", chain),
    .doc = "Return a chain object whose .__next__() method returns elements from the\n"
           "first iterable until it is exhausted, then elements from the next\n"
           "iterable, until all of the iterables are exhausted.",
    .methods = chain_methods,
};

/* ------------------------------------------------------------------ */
/* compress(data, selectors)                                            */

typedef struct {
    MpyObject ob_base;
    MpyObject *data;
    MpyObject *selectors;
} CompressObject;

REFS_SLOTS(compress, 2)

static MpyObject *compress_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"data", "selectors", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("compress", args, nargs, kw, kwlist, 2, a) < 0)
        return NULL;
    MpyObject *refs[2] = {mpy_object_get_iter(a[0]), NULL};
    if (refs[0] != NULL)
        refs[1] = mpy_object_get_iter(a[1]);
    MpyObject *self = refs[1] ? make(type, 2, refs) : NULL;
    MPY_XDECREF(refs[0]);
    MPY_XDECREF(refs[1]);
    return self;
}

static MpyObject *compress_next(MpyObject *self)
{
    CompressObject *c = (CompressObject *)self;
    for (;;) {
        MpyObject *datum = mpy_iter_next(c->data);
        if (datum == NULL)
            return NULL;
        MpyObject *selector = mpy_iter_next(c->selectors);
        if (selector == NULL) {
            MPY_DECREF(datum);
            return NULL;
        }
        int ok = mpy_object_is_true(selector);
        MPY_DECREF(selector);
        if (ok > 0)
            return datum;
        MPY_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

ITERTOOLS_LOCKED_NEXT(compress_next)

MpyType mpy_itertools_compress_type = {
    ITER_TYPE(CompressObject, "compress", compress),
    .doc = "Return data elements corresponding to true selector elements.",
};

/* ------------------------------------------------------------------ */
/* dropwhile / takewhile / filterfalse / starmap: (function, iterable)  */

typedef struct {
    MpyObject ob_base;
    MpyObject *func;
    MpyObject *it;
    int state;          /* dropwhile: done dropping; takewhile: stopped */
} PredicateObject;

REFS_SLOTS(predicate, 2)

static MpyObject *predicate_make(const char *name, MpyType *type, MpyObject *const *args,
                                 size_t nargs, MpyObject *kw)
{
    if (mpy__itertools_check_args(name, nargs, kw, 2, 2) < 0)
        return NULL;
    MpyObject *it = mpy_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    MpyObject *refs[2] = {args[0], it};
    MpyObject *self = make(type, 2, refs);
    MPY_DECREF(it);
    return self;
}

/* pred(item) as 1/0/-1; a None predicate means truth (filterfalse). */
static int call_predicate(MpyObject *func, MpyObject *item)
{
    if (func == MPY_NONE)
        return mpy_object_is_true(item);
    MpyObject *r = mpy_object_call1(func, item);
    if (r == NULL)
        return -1;
    int t = mpy_object_is_true(r);
    MPY_DECREF(r);
    return t;
}

static MpyObject *dropwhile_new(MpyType *t, MpyObject *const *a, size_t n, MpyObject *k)
{
    return predicate_make("dropwhile", t, a, n, k);
}

static MpyObject *dropwhile_next(MpyObject *self)
{
    PredicateObject *p = (PredicateObject *)self;
    for (;;) {
        MpyObject *item = mpy_iter_next(p->it);
        if (item == NULL || p->state)
            return item;
        int ok = call_predicate(p->func, item);
        if (ok == 0) {
            p->state = 1;
            return item;
        }
        MPY_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static MpyObject *takewhile_new(MpyType *t, MpyObject *const *a, size_t n, MpyObject *k)
{
    return predicate_make("takewhile", t, a, n, k);
}

static MpyObject *takewhile_next(MpyObject *self)
{
    PredicateObject *p = (PredicateObject *)self;
    if (p->state)
        return NULL;
    MpyObject *item = mpy_iter_next(p->it);
    if (item == NULL)
        return NULL;
    int ok = call_predicate(p->func, item);
    if (ok > 0)
        return item;
    MPY_DECREF(item);
    if (ok == 0)
        p->state = 1;
    return NULL;
}

static MpyObject *filterfalse_new(MpyType *t, MpyObject *const *a, size_t n, MpyObject *k)
{
    return predicate_make("filterfalse", t, a, n, k);
}

static MpyObject *filterfalse_next(MpyObject *self)
{
    PredicateObject *p = (PredicateObject *)self;
    for (;;) {
        MpyObject *item = mpy_iter_next(p->it);
        if (item == NULL)
            return NULL;
        int ok = call_predicate(p->func, item);
        if (ok == 0)
            return item;
        MPY_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static MpyObject *starmap_new(MpyType *t, MpyObject *const *a, size_t n, MpyObject *k)
{
    return predicate_make("starmap", t, a, n, k);
}

static MpyObject *starmap_next(MpyObject *self)
{
    PredicateObject *p = (PredicateObject *)self;
    MpyObject *args = mpy_iter_next(p->it);
    if (args == NULL)
        return NULL;
    MpyObject *tuple = mpy_tuple_check_exact(args) ? MPY_NEWREF(args) : mpy_tuple_from_iterable(args);
    MPY_DECREF(args);
    if (tuple == NULL)
        return NULL;
    MpyObject *r = mpy_object_call_tuple(p->func, tuple, NULL);
    MPY_DECREF(tuple);
    return r;
}

#define dropwhile_dealloc predicate_dealloc
#define dropwhile_traverse predicate_traverse
#define takewhile_dealloc predicate_dealloc
#define takewhile_traverse predicate_traverse
#define filterfalse_dealloc predicate_dealloc
#define filterfalse_traverse predicate_traverse
#define starmap_dealloc predicate_dealloc
#define starmap_traverse predicate_traverse

ITERTOOLS_LOCKED_NEXT(dropwhile_next)

MpyType mpy_itertools_dropwhile_type = {
    ITER_TYPE(PredicateObject, "dropwhile", dropwhile),
    .doc = "Drop items from the iterable while predicate(item) is true.\n\n"
           "Afterwards, return every element until the iterable is exhausted.",
};

ITERTOOLS_LOCKED_NEXT(takewhile_next)

MpyType mpy_itertools_takewhile_type = {
    ITER_TYPE(PredicateObject, "takewhile", takewhile),
    .doc = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
};

ITERTOOLS_LOCKED_NEXT(filterfalse_next)

MpyType mpy_itertools_filterfalse_type = {
    ITER_TYPE(PredicateObject, "filterfalse", filterfalse),
    .doc = "Return those items of iterable for which function(item) is false.\n\n"
           "If function is None, return the items that are false.",
};

ITERTOOLS_LOCKED_NEXT(starmap_next)

MpyType mpy_itertools_starmap_type = {
    ITER_TYPE(PredicateObject, "starmap", starmap),
    .doc = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
};

/* ------------------------------------------------------------------ */
/* islice(iterable, stop) / islice(iterable, start, stop[, step])       */

typedef struct {
    MpyObject ob_base;
    MpyObject *it;      /* NULL once stop was reached */
    ptrdiff_t next;     /* index of the next item to produce */
    ptrdiff_t stop;     /* -1: None */
    ptrdiff_t step;
    ptrdiff_t count;    /* items read so far */
} IsliceObject;

REFS_SLOTS(islice, 1)

/* islice's index arguments: None (-> dflt) or an int.  A non-int gives
 * ValueError(msg); range checks are the caller's.  Returns 0 / -1. */
static int islice_index(MpyObject *o, ptrdiff_t dflt, const char *msg, ptrdiff_t *out)
{
    if (o == MPY_NONE) {
        *out = dflt;
        return 0;
    }
    if (!mpy_int_check(o) && MPY_TYPE(o)->nb_index == NULL) {
        mpy_err_set(mpy_exc_ValueError, msg);
        return -1;
    }
    ptrdiff_t v = mpy_number_as_ssize(o, mpy_exc_ValueError);
    if (v == -1 && mpy_err_occurred()) {
        mpy_err_clear();
        mpy_err_set(mpy_exc_ValueError, msg);
        return -1;
    }
    *out = v;
    return 0;
}

static MpyObject *islice_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char index_msg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (mpy__itertools_check_args("islice", nargs, kw, 2, 4) < 0)
        return NULL;
    ptrdiff_t start = 0, stop = -1, step = 1;
    MpyObject *stop_arg = nargs == 2 ? args[1] : args[2];
    if (islice_index(stop_arg, -1, stop_msg, &stop) < 0)
        return NULL;
    if (stop == -1 && stop_arg != MPY_NONE)
        return mpy_err_format(mpy_exc_ValueError, stop_msg);
    if (nargs > 2 && islice_index(args[1], 0, index_msg, &start) < 0)
        return NULL;
    if (start < 0 || stop < -1)
        return mpy_err_format(mpy_exc_ValueError, index_msg);
    if (nargs == 4 && args[3] != MPY_NONE) {
        MpyObject *s = args[3];
        step = -1;
        if (mpy_int_check(s) || MPY_TYPE(s)->nb_index != NULL) {
            step = mpy_number_as_ssize(s, NULL);
            if (step == -1 && mpy_err_occurred())
                return NULL;
        }
        if (step < 1)
            return mpy_err_format(mpy_exc_ValueError,
                                  "Step for islice() must be a positive integer or None.");
    }
    MpyObject *it = mpy_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    MpyObject *self = make(type, 1, &it);
    MPY_DECREF(it);
    if (self != NULL) {
        IsliceObject *s = (IsliceObject *)self;
        s->next = start;
        s->stop = stop;
        s->step = step;
    }
    return self;
}

static MpyObject *islice_next(MpyObject *self)
{
    IsliceObject *s = (IsliceObject *)self;
    if (s->it == NULL)
        return NULL;
    /* Skip to the next wanted index, never past stop. */
    while (s->count < s->next) {
        if (s->stop >= 0 && s->count >= s->stop)
            goto done;
        MpyObject *item = mpy_iter_next(s->it);
        if (item == NULL)
            goto done;
        MPY_DECREF(item);
        s->count++;
    }
    if (s->stop >= 0 && s->count >= s->stop)
        goto done;
    MpyObject *item = mpy_iter_next(s->it);
    if (item == NULL)
        goto done;
    s->count++;
    ptrdiff_t old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop >= 0 && s->next > s->stop))
        s->next = s->stop >= 0 ? s->stop : PTRDIFF_MAX;
    return item;
done:
    if (!mpy_err_occurred())
        MPY_CLEAR(s->it);
    return NULL;
}

ITERTOOLS_LOCKED_NEXT(islice_next)

MpyType mpy_itertools_islice_type = {
    ITER_TYPE(IsliceObject, "islice", islice),
    .doc = "islice(iterable, stop) --> islice object\n"
           "islice(iterable, start, stop[, step]) --> islice object\n\n"
           "Return an iterator whose next() method returns selected values from an iterable.",
};

/* ------------------------------------------------------------------ */
/* pairwise(iterable)                                                   */

typedef struct {
    MpyObject ob_base;
    MpyObject *it;      /* NULL when exhausted */
    MpyObject *old;     /* the previous item */
} PairwiseObject;

REFS_SLOTS(pairwise, 2)

static MpyObject *pairwise_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy__itertools_check_args("pairwise", nargs, kw, 1, 1) < 0)
        return NULL;
    MpyObject *refs[2] = {mpy_object_get_iter(args[0]), NULL};
    MpyObject *self = refs[0] ? make(type, 2, refs) : NULL;
    MPY_XDECREF(refs[0]);
    return self;
}

static MpyObject *pairwise_next(MpyObject *self)
{
    PairwiseObject *p = (PairwiseObject *)self;
    if (p->it == NULL)
        return NULL;
    if (p->old == NULL) {
        p->old = mpy_iter_next(p->it);
        if (p->old == NULL) {
            MPY_CLEAR(p->it);
            return NULL;
        }
    }
    MpyObject *item = mpy_iter_next(p->it);
    if (item == NULL) {
        MPY_CLEAR(p->it);
        MPY_CLEAR(p->old);
        return NULL;
    }
    MpyObject *pair = mpy_tuple_pack(2, p->old, item);
    MPY_SETREF(p->old, item);
    return pair;
}

ITERTOOLS_LOCKED_NEXT(pairwise_next)

MpyType mpy_itertools_pairwise_type = {
    ITER_TYPE(PairwiseObject, "pairwise", pairwise),
    .doc = "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
           "    s -> (s0,s1), (s1,s2), (s2, s3), ...",
};

/* ------------------------------------------------------------------ */
/* zip_longest(*iterables, fillvalue=None)                              */

typedef struct {
    MpyObject ob_base;
    MpyObject *iters;     /* tuple of iterators; exhausted ones become None */
    MpyObject *fillvalue;
    ptrdiff_t active;     /* iterators not yet exhausted */
} ZipLongestObject;

REFS_SLOTS(zip_longest, 2)

static MpyObject *zip_longest_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *fill = MPY_NONE;
    for (ptrdiff_t i = 0; kw != NULL && i < mpy_tuple_size(kw); i++) {
        if (!mpy_str_equal_cstr(mpy_tuple_item(kw, i), "fillvalue"))
            return mpy_err_format(mpy_exc_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + (size_t)i];
    }
    MpyObject *iters = mpy_tuple_new((ptrdiff_t)nargs);
    if (iters == NULL)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        MpyObject *it = mpy_object_get_iter(args[i]);
        if (it == NULL) {
            MPY_DECREF(iters);
            return NULL;
        }
        mpy_tuple_init_take(iters, (ptrdiff_t)i, it);
    }
    MpyObject *refs[2] = {iters, fill};
    MpyObject *self = make(type, 2, refs);
    MPY_DECREF(iters);
    if (self != NULL)
        ((ZipLongestObject *)self)->active = (ptrdiff_t)nargs;
    return self;
}

static MpyObject *zip_longest_next(MpyObject *self)
{
    ZipLongestObject *z = (ZipLongestObject *)self;
    ptrdiff_t n = mpy_tuple_size(z->iters);
    if (n == 0 || z->active == 0)
        return NULL;
    MpyObject *result = mpy_tuple_new(n);
    if (result == NULL)
        return NULL;
    MpyObject **its = mpy_tuple_items(z->iters);
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *item = NULL;
        if (its[i] != MPY_NONE) {
            item = mpy_iter_next(its[i]);
            if (item == NULL) {
                if (mpy_err_occurred()) {
                    MPY_DECREF(result);
                    return NULL;
                }
                MPY_SETREF(its[i], MPY_NEWREF(MPY_NONE));
                if (--z->active == 0) {
                    MPY_DECREF(result);
                    return NULL;
                }
            }
        }
        mpy_tuple_init_take(result, i, item ? item : MPY_NEWREF(z->fillvalue));
    }
    return result;
}

ITERTOOLS_LOCKED_NEXT(zip_longest_next)

MpyType mpy_itertools_zip_longest_type = {
    ITER_TYPE(ZipLongestObject, "zip_longest", zip_longest),
    .doc = "Return a zip_longest object whose .__next__() method returns a tuple where\n"
           "the i-th element comes from the i-th iterable argument.  Missing values are\n"
           "replaced by fillvalue.",
};

/* ------------------------------------------------------------------ */
/* The module                                                           */

static MpyType *const itertools_types[] = {
    &mpy_itertools_accumulate_type, &mpy_itertools_chain_type,
    &mpy_itertools_combinations_type, &mpy_itertools_cwr_type,
    &mpy_itertools_compress_type, &mpy_itertools_count_type,
    &mpy_itertools_cycle_type, &mpy_itertools_dropwhile_type,
    &mpy_itertools_filterfalse_type, &mpy_itertools_groupby_type,
    &mpy_itertools_islice_type, &mpy_itertools_pairwise_type,
    &mpy_itertools_permutations_type, &mpy_itertools_product_type,
    &mpy_itertools_repeat_type, &mpy_itertools_starmap_type,
    &mpy_itertools_takewhile_type, &mpy_itertools_zip_longest_type,
    &mpy_itertools_grouper_type, &mpy_itertools_tee_type,
    &mpy_itertools_teedata_type,
    NULL,
};

static const MpyMethodDef itertools_methods[] = {
    {"tee", mpy__itertools_tee, MPY_METH_FASTCALL, "Returns a tuple of n independent iterators."},
    {NULL},
};

static int itertools_exec(MpyObject *module)
{
    for (MpyType *const *t = itertools_types; *t != NULL; t++) {
        if (mpy_type_ready(*t) < 0 || mpy_module_add_type(module, *t) < 0)
            return -1;
    }
    return 0;
}

const MpyModuleDef mpy__itertools_module_def = {
    "itertools",
    "Functional tools for creating and using iterators.",
    itertools_methods,
    itertools_exec,
    1,
};

#undef REFS_SLOTS
#undef ITER_TYPE
