/* runtime/tuple.c: the tuple type.
 *
 * Models CPython's Objects/tupleobject.c: items inline after the header,
 * the empty tuple an immortal singleton, the xxHash-based hash (so
 * hash((1, 2)) and the order of sets of tuples match CPython),
 * lexicographic comparison, and the tuple iterator.
 */
#include "runtime/tuple.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

typedef struct TupleIter {
    MpyObject ob_base;
    ptrdiff_t index;
    MpyObject *seq; /* NULL once exhausted */
} TupleIter;

extern MpyType mpy_tuple_iter_type;

static MpyObject *empty_tuple;

/* ------------------------------------------------------------------ */
/* Free lists                                                           */

/* Small tuples come and go all the time (argument tuples, exception
 * args, `return a, b`), so, as CPython does, freed exact tuples of 1 to
 * 19 items are kept on one free list per size and reused without malloc.
 * A kept block is the whole allocation: the GC header in front of the
 * tuple (runtime/gc.h) and the tuple; it is untracked before it is kept.
 *
 * The lists are per thread (initial-exec TLS), so neither build needs a
 * lock: a tuple freed by another thread than its maker joins the freeing
 * thread's list.  A thread's lists are freed when it exits (a pthread key
 * destructor), or, in the child of a fork, when it does not exist there
 * (a pthread_atfork handler: its TLS is still mapped, in glibc's stack
 * cache, and nothing else would ever free those blocks). */
#define TUPLE_FREE_SIZES 20
/* On in both builds.  (They were off on minipyt for a while: with them,
 * tests/py/mp_pool_worker_death.py corrupted the parent's heap in 3 of
 * ~170 runs, the mark of a stale reference-count write by another thread
 * into a recycled block.  After ft_immortal stopped immortalizing objects
 * other threads own (gil/ft_immortal.c), 1,500 runs with the lists on and
 * `make test-tsan` showed nothing: a regression shows up there first.) */
#define TUPLE_FREE_LISTS 1
#define TUPLE_FREE_MAX_LEN 100 /* blocks kept per size */

typedef struct TupleFreeList {
    void *head[TUPLE_FREE_SIZES]; /* blocks linked through their first word */
    uint16_t len[TUPLE_FREE_SIZES];
    bool registered;              /* the exit destructor is armed */
    struct TupleFreeList *next, **pprev; /* all registered lists, under tuple_free_mutex */
} TupleFreeList;

static _Thread_local TupleFreeList tuple_free __attribute__((tls_model("initial-exec")));
static pthread_key_t tuple_free_key;
static pthread_once_t tuple_free_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t tuple_free_mutex = PTHREAD_MUTEX_INITIALIZER;
static TupleFreeList *tuple_free_all;

static void tuple_free_blocks(TupleFreeList *fl)
{
    for (int k = 0; k < TUPLE_FREE_SIZES; k++) {
        while (fl->head[k] != NULL) {
            void *block = fl->head[k];
            fl->head[k] = *(void **)block;
            free(block);
        }
        fl->len[k] = 0;
    }
}

static void tuple_free_release(void *arg)
{
    TupleFreeList *fl = arg;
    pthread_mutex_lock(&tuple_free_mutex);
    tuple_free_blocks(fl);
    *fl->pprev = fl->next;
    if (fl->next != NULL)
        fl->next->pprev = fl->pprev;
    fl->registered = false;  // a later push (another destructor) re-arms it
    pthread_mutex_unlock(&tuple_free_mutex);
}

static void tuple_free_prepare_fork(void)
{
    pthread_mutex_lock(&tuple_free_mutex);
}

static void tuple_free_parent_fork(void)
{
    pthread_mutex_unlock(&tuple_free_mutex);
}

/* In the child only this thread exists: free the other threads' lists. */
static void tuple_free_child_fork(void)
{
    for (TupleFreeList *fl = tuple_free_all; fl != NULL; fl = fl->next) {
        if (fl != &tuple_free)
            tuple_free_blocks(fl);
    }
    tuple_free_all = NULL;
    if (tuple_free.registered) {
        tuple_free.next = NULL;
        tuple_free.pprev = &tuple_free_all;
        tuple_free_all = &tuple_free;
    }
    pthread_mutex_unlock(&tuple_free_mutex);
}

static void tuple_free_key_create(void)
{
    if (pthread_key_create(&tuple_free_key, tuple_free_release) != 0 ||
        pthread_atfork(tuple_free_prepare_fork, tuple_free_parent_fork, tuple_free_child_fork) != 0)
        abort();
}

/* Keep the untracked exact tuple `t` of n items (0 < n < TUPLE_FREE_SIZES)
 * for reuse; false if the list is full. */
static bool tuple_free_push(MpyTupleObject *t, ptrdiff_t n)
{
    TupleFreeList *fl = &tuple_free;
    if (fl->len[n] >= TUPLE_FREE_MAX_LEN)
        return false;
    if (MPY_UNLIKELY(!fl->registered)) {
        pthread_once(&tuple_free_once, tuple_free_key_create);
        if (pthread_setspecific(tuple_free_key, fl) != 0)
            return false;
        pthread_mutex_lock(&tuple_free_mutex);
        fl->next = tuple_free_all;
        fl->pprev = &tuple_free_all;
        if (tuple_free_all != NULL)
            tuple_free_all->pprev = &fl->next;
        tuple_free_all = fl;
        fl->registered = true;
        pthread_mutex_unlock(&tuple_free_mutex);
    }
    void *block = mpy__gc_head((MpyObject *)t);
    *(void **)block = fl->head[n];
    fl->head[n] = block;
    fl->len[n]++;
    return true;
}

/* A kept block for n items made into a fresh zeroed tuple, as
 * mpy_object_alloc_var would make it, or NULL if there is none. */
static MpyTupleObject *tuple_free_pop(ptrdiff_t n)
{
    TupleFreeList *fl = &tuple_free;
    void *block = fl->head[n];
    if (block == NULL)
        return NULL;
    fl->head[n] = *(void **)block;
    fl->len[n]--;
    memset(block, 0,
           sizeof(MpyGCHead) + sizeof(MpyTupleObject) + (size_t)n * sizeof(MpyObject *));
    MpyObject *o = mpy__gc_object(block);
    mpy__refcnt_init(o);
    o->ob_type = &mpy_tuple_type;
    return (MpyTupleObject *)o;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

MpyObject *mpy_tuple_new(ptrdiff_t n)
{
    if (n == 0 && empty_tuple != NULL)
        return MPY_NEWREF(empty_tuple);
    if (n < 0)
        return mpy_err_bad_internal_call("mpy_tuple_new");
    MpyTupleObject *t = TUPLE_FREE_LISTS && n < TUPLE_FREE_SIZES ? tuple_free_pop(n) : NULL;
    if (t == NULL)
        t = (MpyTupleObject *)mpy_object_alloc_var(&mpy_tuple_type, (size_t)n);
    if (t == NULL)
        return NULL;
    t->size = n;
    mpy_gc_track((MpyObject *)t);
    return (MpyObject *)t;
}

MpyObject *mpy_tuple_empty(void)
{
    return MPY_NEWREF(empty_tuple);
}

/* Create the empty tuple.  Returns 0 / -1. */
int mpy__tuple_init(void)
{
    if (empty_tuple != NULL)
        return 0;
    MpyTupleObject *t = (MpyTupleObject *)mpy_object_alloc_var(&mpy_tuple_type, 0);
    if (t == NULL)
        return -1;
    empty_tuple = (MpyObject *)t;
    mpy_object_immortalize(empty_tuple);
    return 0;
}

MpyObject *mpy_tuple_from_array(MpyObject *const *items, ptrdiff_t n)
{
    MpyObject *t = mpy_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < n; i++)
        mpy_tuple_init_take(t, i, MPY_NEWREF(items[i]));
    return t;
}

MpyObject *mpy_tuple_pack(ptrdiff_t n, ...)
{
    MpyObject *t = mpy_tuple_new(n);
    if (t == NULL)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ptrdiff_t i = 0; i < n; i++)
        mpy_tuple_init_take(t, i, MPY_NEWREF(va_arg(ap, MpyObject *)));
    va_end(ap);
    return t;
}

MpyObject *mpy_tuple_from_iterable(MpyObject *iterable)
{
    if (mpy_tuple_check_exact(iterable))
        return MPY_NEWREF(iterable);
    if (mpy_list_check(iterable))
        return mpy_list_as_tuple(iterable);
    MpyObject *list = mpy_list_from_iterable(iterable);
    if (list == NULL)
        return NULL;
    MpyObject *t = mpy_list_as_tuple(list);
    MPY_DECREF(list);
    return t;
}

MpyObject *mpy_tuple_slice(MpyObject *t, ptrdiff_t start, ptrdiff_t stop)
{
    ptrdiff_t n = mpy_tuple_size(t);
    if (start < 0)
        start = 0;
    if (stop > n)
        stop = n;
    if (start == 0 && stop == n && mpy_tuple_check_exact(t))
        return MPY_NEWREF(t);
    if (stop <= start)
        return mpy_tuple_empty();
    return mpy_tuple_from_array(mpy_tuple_items(t) + start, stop - start);
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static void tuple_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MpyTupleObject *t = (MpyTupleObject *)self;
    for (ptrdiff_t i = 0; i < t->size; i++)
        MPY_XDECREF(t->items[i]);
    // Subclass instances come here from subtype_dealloc; only exact
    // tuples (nothing in front but the GC header) are kept.
    if (TUPLE_FREE_LISTS && self->ob_type == &mpy_tuple_type && t->size > 0 &&
        t->size < TUPLE_FREE_SIZES &&
        tuple_free_push(t, t->size))
        return;
    mpy_object_free(self);
}

static int tuple_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyTupleObject *t = (MpyTupleObject *)self;
    for (ptrdiff_t i = 0; i < t->size; i++)
        MPY_VISIT(t->items[i]);
    return 0;
}

static MpyObject *tuple_repr(MpyObject *self)
{
    ptrdiff_t n = mpy_tuple_size(self);
    if (n == 0)
        return mpy_str_from_cstr("()");
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_cstr("(...)") : NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy_sb_append(&sb, "(", 1) < 0)
        goto fail;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (i > 0 && mpy_sb_append(&sb, ", ", 2) < 0)
            goto fail;
        if (mpy_sb_append_repr(&sb, mpy_tuple_item(self, i)) < 0)
            goto fail;
    }
    if (mpy_sb_append_cstr(&sb, n == 1 ? ",)" : ")") < 0)
        goto fail;
    mpy_repr_leave(self);
    return mpy_sb_finish(&sb);
fail:
    mpy_repr_leave(self);
    mpy_sb_discard(&sb);
    return NULL;
}

static MpyHash tuple_hash(MpyObject *self)
{
    const uint64_t prime1 = 11400714785074694791ULL;
    const uint64_t prime2 = 14029467366897019727ULL;
    const uint64_t prime5 = 2870177450012600261ULL;
    ptrdiff_t n = mpy_tuple_size(self);
    uint64_t acc = prime5;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyHash h = mpy_object_hash(mpy_tuple_item(self, i));
        if (h == -1)
            return -1;
        acc += (uint64_t)h * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += (uint64_t)n ^ (prime5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (MpyHash)acc;
}

/* Lexicographic comparison shared by tuples and lists: `a` and `b` are the
 * item arrays.  Returns: new reference or NULL. */
MpyObject *mpy__sequence_richcompare(MpyObject *const *a, ptrdiff_t na, MpyObject *const *b,
                                     ptrdiff_t nb, int op)
{
    if (na != nb && (op == MPY_EQ || op == MPY_NE))
        return MPY_NEWREF(mpy_bool_from(op == MPY_NE));
    ptrdiff_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = mpy_object_richcompare_bool(a[i], b[i], MPY_EQ);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case MPY_LT: r = na < nb; break;
        case MPY_LE: r = na <= nb; break;
        case MPY_EQ: r = na == nb; break;
        case MPY_NE: r = na != nb; break;
        case MPY_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return MPY_NEWREF(mpy_bool_from(r));
    }
    if (op == MPY_EQ)
        return MPY_NEWREF(MPY_FALSE);
    if (op == MPY_NE)
        return MPY_NEWREF(MPY_TRUE);
    return mpy_object_richcompare(a[i], b[i], op);
}

static MpyObject *tuple_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_tuple_check(a) || !mpy_tuple_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return mpy__sequence_richcompare(mpy_tuple_items(a), mpy_tuple_size(a), mpy_tuple_items(b),
                                     mpy_tuple_size(b), op);
}

static ptrdiff_t tuple_len(MpyObject *self)
{
    return mpy_tuple_size(self);
}

static int tuple_contains(MpyObject *self, MpyObject *item)
{
    for (ptrdiff_t i = 0; i < mpy_tuple_size(self); i++) {
        int r = mpy_object_richcompare_bool(mpy_tuple_item(self, i), item, MPY_EQ);
        if (r != 0)
            return r;
    }
    return 0;
}

static MpyObject *tuple_getitem(MpyObject *self, MpyObject *key)
{
    ptrdiff_t n = mpy_tuple_size(self);
    if (mpy_is_small_int(key)) {
        ptrdiff_t i = mpy_small_int_value(key);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return mpy_err_format(mpy_exc_IndexError, "tuple index out of range");
        return MPY_NEWREF(mpy_tuple_item(self, i));
    }
    if (mpy_slice_check(key)) {
        ptrdiff_t start, stop, step, len;
        if (mpy_slice_indices(key, n, &start, &stop, &step, &len) < 0)
            return NULL;
        if (step == 1)
            return mpy_tuple_slice(self, start, stop);
        MpyObject *t = mpy_tuple_new(len);
        if (t == NULL)
            return NULL;
        for (ptrdiff_t i = 0, j = start; i < len; i++, j += step)
            mpy_tuple_init_take(t, i, MPY_NEWREF(mpy_tuple_item(self, j)));
        return t;
    }
    ptrdiff_t i = mpy_sequence_index(key, n, "tuple");
    if (i == -1 && mpy_err_occurred())
        return NULL;
    if (i < 0 || i >= n)
        return mpy_err_format(mpy_exc_IndexError, "tuple index out of range");
    return MPY_NEWREF(mpy_tuple_item(self, i));
}

/* For `(1,) + x` and `(1,) * x`: a user class that implements the
 * reflected operator gets it tried (NotImplemented); everything else gets
 * the sequence error, as CPython's sq_concat / sq_repeat fallbacks do. */
static bool defer_to_other(MpyObject *other, int op)
{
    MpyType *type = MPY_TYPE(other);
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) || type->nb[op] == NULL)
        return false;
    MpyObject *reflected = op == MPY_NB_ADD ? MPY_ID(__radd__) : MPY_ID(__rmul__);
    return mpy_type_lookup(type, reflected) != NULL;
}

static MpyObject *tuple_add(MpyObject *a, MpyObject *b)
{
    if (!mpy_tuple_check(a) || !mpy_tuple_check(b)) {
        if (mpy_tuple_check(a) && !defer_to_other(b, MPY_NB_ADD))
            return mpy_err_format(mpy_exc_TypeError,
                                  "can only concatenate tuple (not \"%T\") to tuple", b);
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    }
    ptrdiff_t na = mpy_tuple_size(a), nb = mpy_tuple_size(b);
    if (nb == 0 && mpy_tuple_check_exact(a))
        return MPY_NEWREF(a);
    if (na == 0 && mpy_tuple_check_exact(b))
        return MPY_NEWREF(b);
    MpyObject *t = mpy_tuple_new(na + nb);
    if (t == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < na; i++)
        mpy_tuple_init_take(t, i, MPY_NEWREF(mpy_tuple_item(a, i)));
    for (ptrdiff_t i = 0; i < nb; i++)
        mpy_tuple_init_take(t, na + i, MPY_NEWREF(mpy_tuple_item(b, i)));
    return t;
}

static MpyObject *tuple_mul(MpyObject *a, MpyObject *b)
{
    MpyObject *seq = mpy_tuple_check(a) ? a : b;
    MpyObject *count = seq == a ? b : a;
    if (!mpy_tuple_check(seq) || !mpy_int_check(count)) {
        if (mpy_tuple_check(seq) && MPY_TYPE(count)->nb_index == NULL &&
            !defer_to_other(count, MPY_NB_MULTIPLY))
            return mpy_err_format(mpy_exc_TypeError,
                                  "can't multiply sequence by non-int of type '%T'", count);
        if (!mpy_tuple_check(seq) || MPY_TYPE(count)->nb_index == NULL)
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    }
    ptrdiff_t k = mpy_number_as_ssize(count, mpy_exc_OverflowError);
    if (k == -1 && mpy_err_occurred())
        return NULL;
    ptrdiff_t n = mpy_tuple_size(seq);
    if (k <= 0 || n == 0)
        return mpy_tuple_empty();
    if (k == 1 && mpy_tuple_check_exact(seq))
        return MPY_NEWREF(seq);
    if (n > PTRDIFF_MAX / (ptrdiff_t)sizeof(MpyObject *) / k)
        return mpy_err_no_memory();
    MpyObject *t = mpy_tuple_new(n * k);
    if (t == NULL)
        return NULL;
    for (ptrdiff_t r = 0; r < k; r++)
        for (ptrdiff_t i = 0; i < n; i++)
            mpy_tuple_init_take(t, r * n + i, MPY_NEWREF(mpy_tuple_item(seq, i)));
    return t;
}

static MpyObject *tuple_iter(MpyObject *self)
{
    TupleIter *it = (TupleIter *)mpy_object_alloc(&mpy_tuple_iter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(self);
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static MpyObject *tuple_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0 && type == &mpy_tuple_type)
        return mpy_err_format(mpy_exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    MpyObject *t = nargs == 0 ? mpy_tuple_empty() : mpy_tuple_from_iterable(args[0]);
    if (t == NULL || type == &mpy_tuple_type)
        return t;
    /* A subclass: copy into an instance of it. */
    ptrdiff_t n = mpy_tuple_size(t);
    MpyTupleObject *sub = (MpyTupleObject *)mpy_object_alloc_var(type, (size_t)n);
    if (sub == NULL) {
        MPY_DECREF(t);
        return NULL;
    }
    sub->size = n;
    for (ptrdiff_t i = 0; i < n; i++)
        sub->items[i] = MPY_NEWREF(mpy_tuple_item(t, i));
    MPY_DECREF(t);
    mpy_gc_track((MpyObject *)sub);
    return (MpyObject *)sub;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

static MpyObject *tuple_count(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    ptrdiff_t count = 0;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(self); i++) {
        int r = mpy_object_richcompare_bool(mpy_tuple_item(self, i), args[0], MPY_EQ);
        if (r < 0)
            return NULL;
        count += r;
    }
    return mpy_int_from_ssize(count);
}

static MpyObject *tuple_index(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (nargs < 1 || nargs > 3)
        return mpy_err_format(mpy_exc_TypeError, nargs < 1 ? "index expected at least 1 argument, got %zu"
                                                           : "index expected at most 3 arguments, got %zu", nargs);
    ptrdiff_t n = mpy_tuple_size(self), start = 0, stop = n;
    if (nargs >= 2 && (start = mpy_number_as_ssize(args[1], NULL)) == -1 && mpy_err_occurred())
        return NULL;
    if (nargs >= 3 && (stop = mpy_number_as_ssize(args[2], NULL)) == -1 && mpy_err_occurred())
        return NULL;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    for (ptrdiff_t i = start; i < stop && i < n; i++) {
        int r = mpy_object_richcompare_bool(mpy_tuple_item(self, i), args[0], MPY_EQ);
        if (r < 0)
            return NULL;
        if (r)
            return mpy_int_from_ssize(i);
    }
    return mpy_err_format(mpy_exc_ValueError, "tuple.index(x): x not in tuple");
}

static MpyObject *tuple_getnewargs(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *kw)
{
    MpyObject *copy = mpy_tuple_slice(self, 0, mpy_tuple_size(self));
    if (copy == NULL)
        return NULL;
    MpyObject *r = mpy_tuple_pack(1, copy);
    MPY_DECREF(copy);
    return r;
}

static const MpyMethodDef tuple_methods[] = {
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {"count", tuple_count, MPY_METH_O, "Return number of occurrences of value."},
    {"index", tuple_index, MPY_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"__getnewargs__", tuple_getnewargs, MPY_METH_NOARGS, NULL},
    {NULL},
};

MpyType mpy_tuple_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "tuple",
    .doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.",
    .basicsize = sizeof(MpyTupleObject),
    .itemsize = sizeof(MpyObject *),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_TUPLE_SUBCLASS,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .new = tuple_new,
    .traverse = tuple_traverse,
    .nb[MPY_NB_ADD] = tuple_add,
    .nb[MPY_NB_MULTIPLY] = tuple_mul,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .methods = tuple_methods,
};

/* ------------------------------------------------------------------ */
/* The iterator                                                         */

static void tuple_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((TupleIter *)self)->seq);
    mpy_object_free(self);
}

static int tuple_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((TupleIter *)self)->seq);
    return 0;
}

static MpyObject *tuple_iter_next(MpyObject *self)
{
    TupleIter *it = (TupleIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index < mpy_tuple_size(it->seq))
        return MPY_NEWREF(mpy_tuple_item(it->seq, it->index++));
    MPY_CLEAR(it->seq);
    return NULL;
}

static MpyObject *tuple_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *tuple_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    TupleIter *it = (TupleIter *)self;
    return mpy_int_from_ssize(it->seq ? mpy_tuple_size(it->seq) - it->index : 0);
}

static const MpyMethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, MPY_METH_NOARGS, NULL},
    {NULL},
};

MpyType mpy_tuple_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = tuple_iter_dealloc,
    .traverse = tuple_iter_traverse,
    .iter = tuple_iter_self,
    .iternext = tuple_iter_next,
    .methods = tuple_iter_methods,
};
