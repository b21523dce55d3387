/* runtime/range.c: range objects and their iterators.
 *
 * Models CPython's Objects/rangeobject.c.  A range stores start, stop, step
 * and its length as int objects, so range(10**20) works; everything is
 * computed, nothing is materialized:
 *
 *     length  = max(0, ceil((stop - start) / step))
 *     r[i]    = start + i * step                      for 0 <= i < length
 *     x in r  = x between the bounds and (x - start) % step == 0   (O(1))
 *
 * The common case gets fast paths: when start, stop, step and length are
 * tagged small ints (mpy_is_small_int), the arithmetic is plain C, and iteration
 * uses MpyRangeIterObject, whose `next` step is a compare, an add and a
 * shift (it hands out tagged ints, so `for i in range(n)` never allocates).
 * Every value of such a range lies between start and stop, both tagged, so
 * it is tagged too.  Other ranges use GMP arithmetic and the slower
 * longrange_iterator.
 */
#include "runtime/range.h"

#include <gmp.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* Declared here until runtime/slice.h carries it (runtime/slice.c). */
int mpy__slice_long_indices(MpyObject *slice, MpyObject *length, MpyObject **start,
                            MpyObject **stop, MpyObject **step);

/* Iterator over a range whose values may not be tagged. */
typedef struct LongRangeIter {
    MpyObject ob_base;
    MpyObject *next;      /* int: the value handed out next */
    MpyObject *step;      /* int */
    MpyObject *remaining; /* int: values still to come */
} LongRangeIter;

static inline MpyRangeObject *as_range(MpyObject *o) { return (MpyRangeObject *)o; }

/* Are start, stop, step and length all tagged?  Then so is every item:
 * the items lie between start and stop. */
static inline bool is_small(const MpyRangeObject *r)
{
    return mpy_is_small_int(r->start) && mpy_is_small_int(r->stop) &&
           mpy_is_small_int(r->step) && mpy_is_small_int(r->length);
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                           */

/* The number of items: max(0, (hi - lo - 1) // |step| + 1). */
static MpyObject *compute_length(MpyObject *start, MpyObject *stop, MpyObject *step)
{
    if (mpy_is_small_int(start) && mpy_is_small_int(stop) && mpy_is_small_int(step)) {
        intptr_t lo = mpy_small_int_value(start), hi = mpy_small_int_value(stop);
        intptr_t st = mpy_small_int_value(step);
        if (st < 0) {
            intptr_t t = lo;
            lo = hi;
            hi = t;
            st = -st;
        }
        if (lo >= hi)
            return mpy_small_int(0);
        // hi - lo < 2**63 for tagged values: exact in unsigned arithmetic.
        uint64_t n = ((uint64_t)hi - (uint64_t)lo - 1) / (uint64_t)st + 1;
        return mpy_int_from_ulong(n);
    }
    mpz_t lo, hi, st;
    mpz_inits(lo, hi, st, NULL);
    mpy_int_to_mpz(start, lo);
    mpy_int_to_mpz(stop, hi);
    mpy_int_to_mpz(step, st);
    if (mpz_sgn(st) < 0) {
        mpz_swap(lo, hi);
        mpz_neg(st, st);
    }
    if (mpz_cmp(lo, hi) >= 0) {
        mpz_set_ui(hi, 0);
    } else {
        mpz_sub(hi, hi, lo);
        mpz_sub_ui(hi, hi, 1);
        mpz_fdiv_q(hi, hi, st);
        mpz_add_ui(hi, hi, 1);
    }
    MpyObject *n = mpy_int_from_mpz(hi);
    mpz_clears(lo, hi, st, NULL);
    return n;
}

/* start + i * step, for an int i.  Returns: new reference or NULL. */
static MpyObject *compute_item(MpyRangeObject *r, MpyObject *i)
{
    intptr_t product, sum;
    if (is_small(r) && mpy_is_small_int(i) &&
        !__builtin_mul_overflow(mpy_small_int_value(i), mpy_small_int_value(r->step), &product) &&
        !__builtin_add_overflow(product, mpy_small_int_value(r->start), &sum))
        return mpy_int_from_long(sum); // one step past the end may leave the tagged range
    mpz_t a, b;
    mpz_inits(a, b, NULL);
    mpy_int_to_mpz(i, a);
    mpy_int_to_mpz(r->step, b);
    mpz_mul(a, a, b);
    mpy_int_to_mpz(r->start, b);
    mpz_add(a, a, b);
    MpyObject *v = mpy_int_from_mpz(a);
    mpz_clears(a, b, NULL);
    return v;
}

/* `ob in r` for an int ob, in O(1).  Returns 1 / 0. */
static int contains_int(MpyRangeObject *r, MpyObject *ob)
{
    if (is_small(r) && mpy_is_small_int(ob)) {
        intptr_t x = mpy_small_int_value(ob), start = mpy_small_int_value(r->start);
        intptr_t stop = mpy_small_int_value(r->stop), step = mpy_small_int_value(r->step);
        if (step > 0 ? !(start <= x && x < stop) : !(stop < x && x <= start))
            return 0;
        return (x - start) % step == 0;
    }
    mpz_t x, start, stop, step;
    mpz_inits(x, start, stop, step, NULL);
    mpy_int_to_mpz(ob, x);
    mpy_int_to_mpz(r->start, start);
    mpy_int_to_mpz(r->stop, stop);
    mpy_int_to_mpz(r->step, step);
    int result;
    if (mpz_sgn(step) > 0)
        result = mpz_cmp(start, x) <= 0 && mpz_cmp(x, stop) < 0;
    else
        result = mpz_cmp(x, start) <= 0 && mpz_cmp(stop, x) < 0;
    if (result) {
        mpz_sub(x, x, start);
        result = mpz_divisible_p(x, step) != 0;
    }
    mpz_clears(x, start, stop, step, NULL);
    return result;
}

static bool is_exact_int_or_bool(MpyObject *o)
{
    return mpy_int_check_exact(o) || mpy_bool_check(o);
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

/* operator.index(o) as an exact int (range(True) is range(0, 1)).
 * Returns: new reference or NULL. */
static MpyObject *exact_index(MpyObject *o)
{
    MpyObject *i = mpy_number_index(o);
    if (i == NULL || mpy_int_check_exact(i))
        return i;
    MpyObject *exact = mpy_int_binop(i, mpy_small_int(0), MPY_NB_ADD);
    MPY_DECREF(i);
    return exact;
}

/* Builds a range from three ints (borrowed; step != 0). */
static MpyObject *make_range(MpyObject *start, MpyObject *stop, MpyObject *step)
{
    MpyObject *length = compute_length(start, stop, step);
    if (length == NULL)
        return NULL;
    MpyRangeObject *r = (MpyRangeObject *)mpy_object_alloc(&mpy_range_type);
    if (r == NULL) {
        MPY_DECREF(length);
        return NULL;
    }
    r->start = MPY_NEWREF(start);
    r->stop = MPY_NEWREF(stop);
    r->step = MPY_NEWREF(step);
    r->length = length;
    return (MpyObject *)r;
}

MpyObject *mpy_range_new(MpyObject *start, MpyObject *stop, MpyObject *step)
{
    MpyObject *args[3] = {NULL, NULL, NULL};
    MpyObject *in[3] = {start, stop, step != NULL ? step : mpy_small_int(1)};
    MpyObject *result = NULL;
    for (int i = 0; i < 3; i++)
        if ((args[i] = exact_index(in[i])) == NULL)
            goto done;
    if (mpy_int_sign(args[2]) == 0) {
        mpy_err_set(mpy_exc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    result = make_range(args[0], args[1], args[2]);
done:
    for (int i = 0; i < 3; i++)
        MPY_XDECREF(args[i]);
    return result;
}

static MpyObject *range_new(MpyType *type, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0)
        return mpy_err_format(mpy_exc_TypeError, "range() takes no keyword arguments");
    switch (nargs) {
    case 0:
        return mpy_err_format(mpy_exc_TypeError, "range expected at least 1 argument, got 0");
    case 1:
        return mpy_range_new(mpy_small_int(0), args[0], NULL);
    case 2:
        return mpy_range_new(args[0], args[1], NULL);
    case 3:
        return mpy_range_new(args[0], args[1], args[2]);
    default:
        return mpy_err_format(mpy_exc_TypeError, "range expected at most 3 arguments, got %zu",
                              nargs);
    }
}

static void range_dealloc(MpyObject *self)
{
    MpyRangeObject *r = as_range(self);
    MPY_DECREF(r->start);
    MPY_DECREF(r->stop);
    MPY_DECREF(r->step);
    MPY_DECREF(r->length);
    mpy_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *range_repr(MpyObject *self)
{
    MpyRangeObject *r = as_range(self);
    if (r->step == mpy_small_int(1))
        return mpy_str_from_format("range(%R, %R)", r->start, r->stop);
    return mpy_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ptrdiff_t range_len(MpyObject *self)
{
    MpyObject *length = as_range(self)->length;
    if (mpy_is_small_int(length))
        return mpy_small_int_value(length);
    return mpy_int_as_ssize(length); // OverflowError beyond ptrdiff_t
}

static int range_bool(MpyObject *self)
{
    return as_range(self)->length != mpy_small_int(0);
}

static int int_eq(MpyObject *a, MpyObject *b)
{
    return mpy_int_compare(a, b) == 0;
}

/* Ranges are equal when they hold the same values. */
static bool range_equals(MpyRangeObject *a, MpyRangeObject *b)
{
    if (a == b)
        return true;
    if (!int_eq(a->length, b->length))
        return false;
    if (a->length == mpy_small_int(0))
        return true;
    if (!int_eq(a->start, b->start))
        return false;
    if (a->length == mpy_small_int(1))
        return true;
    return int_eq(a->step, b->step);
}

static MpyObject *range_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (MPY_TYPE(a) != &mpy_range_type || MPY_TYPE(b) != &mpy_range_type ||
        (op != MPY_EQ && op != MPY_NE))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    bool eq = range_equals(as_range(a), as_range(b));
    return MPY_NEWREF(mpy_bool_from(eq == (op == MPY_EQ)));
}

/* hash((len, start, step)), with None for what does not matter: equal
 * ranges hash equal. */
static MpyHash range_hash(MpyObject *self)
{
    MpyRangeObject *r = as_range(self);
    MpyObject *start = MPY_NONE, *step = MPY_NONE;
    if (r->length != mpy_small_int(0)) {
        start = r->start;
        if (r->length != mpy_small_int(1))
            step = r->step;
    }
    MpyObject *t = mpy_tuple_pack(3, r->length, start, step);
    if (t == NULL)
        return -1;
    MpyHash h = mpy_object_hash(t);
    MPY_DECREF(t);
    return h;
}

/* Linear search for objects that are not ints (3.0 in range(5)).
 * `count` selects counting; otherwise returns the first index or -1
 * (no exception) when absent, -2 on error. */
static ptrdiff_t iter_search(MpyObject *self, MpyObject *value, bool count)
{
    MpyObject *it = mpy_object_get_iter(self);
    if (it == NULL)
        return -2;
    ptrdiff_t i = 0, n = 0, result = -1;
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        int r = mpy_object_richcompare_bool(item, value, MPY_EQ);
        MPY_DECREF(item);
        if (r < 0) {
            result = -2;
            break;
        }
        if (r > 0) {
            n++;
            if (!count) {
                result = i;
                break;
            }
        }
        i++;
    }
    MPY_DECREF(it);
    if (result == -1 && mpy_err_occurred())
        result = -2;
    if (count && result == -1)
        result = n;
    return result;
}

static int range_contains(MpyObject *self, MpyObject *value)
{
    if (is_exact_int_or_bool(value))
        return contains_int(as_range(self), value);
    ptrdiff_t r = iter_search(self, value, false);
    return r == -2 ? -1 : r >= 0;
}

/* r[i] for an int i (negative counts from the end). */
static MpyObject *range_item(MpyRangeObject *r, MpyObject *i)
{
    if (is_small(r) && mpy_is_small_int(i)) {
        intptr_t n = mpy_small_int_value(r->length), k = mpy_small_int_value(i);
        if (k < 0)
            k += n;
        if (k < 0 || k >= n)
            return mpy_err_format(mpy_exc_IndexError, "range object index out of range");
        return mpy_small_int(mpy_small_int_value(r->start) + k * mpy_small_int_value(r->step));
    }
    MpyObject *k = MPY_NEWREF(i);
    if (mpy_int_sign(k) < 0) {
        MPY_SETREF(k, mpy_int_binop(k, r->length, MPY_NB_ADD));
        if (k == NULL)
            return NULL;
    }
    MpyObject *result = NULL;
    if (mpy_int_sign(k) < 0 || mpy_int_compare(k, r->length) >= 0)
        mpy_err_set(mpy_exc_IndexError, "range object index out of range");
    else
        result = compute_item(r, k);
    MPY_DECREF(k);
    return result;
}

/* r[a:b:c] is again a range. */
static MpyObject *range_slice(MpyRangeObject *r, MpyObject *slice)
{
    MpyObject *start, *stop, *step;
    if (mpy__slice_long_indices(slice, r->length, &start, &stop, &step) < 0)
        return NULL;
    MpyObject *result = NULL;
    MpyObject *substep = mpy_int_binop(r->step, step, MPY_NB_MULTIPLY);
    MpyObject *substart = substep == NULL ? NULL : compute_item(r, start);
    MpyObject *substop = substart == NULL ? NULL : compute_item(r, stop);
    if (substop != NULL)
        result = make_range(substart, substop, substep);
    MPY_XDECREF(substep);
    MPY_XDECREF(substart);
    MPY_XDECREF(substop);
    MPY_DECREF(start);
    MPY_DECREF(stop);
    MPY_DECREF(step);
    return result;
}

static MpyObject *range_subscript(MpyObject *self, MpyObject *key)
{
    MpyRangeObject *r = as_range(self);
    if (mpy_is_small_int(key))
        return range_item(r, key);
    if (mpy_slice_check(key))
        return range_slice(r, key);
    if (MPY_TYPE(key)->nb_index == NULL)
        return mpy_err_format(mpy_exc_TypeError, "range indices must be integers or slices, not %T",
                              key);
    MpyObject *i = mpy_number_index(key);
    if (i == NULL)
        return NULL;
    MpyObject *result = range_item(r, i);
    MPY_DECREF(i);
    return result;
}

/* ------------------------------------------------------------------ */
/* Iterators                                                            */

static MpyObject *small_iter_new(intptr_t start, intptr_t step, intptr_t count)
{
    MpyRangeIterObject *it = (MpyRangeIterObject *)mpy_object_alloc(&mpy_range_iter_type);
    if (it == NULL)
        return NULL;
    it->next = start;
    it->step = step;
    it->remaining = count;
    return (MpyObject *)it;
}

/* Consumes the references to start, step and count. */
static MpyObject *long_iter_new_take(MpyObject *start, MpyObject *step, MpyObject *count)
{
    LongRangeIter *it = NULL;
    if (start != NULL && step != NULL && count != NULL)
        it = (LongRangeIter *)mpy_object_alloc(&mpy_longrange_iter_type);
    if (it == NULL) {
        MPY_XDECREF(start);
        MPY_XDECREF(step);
        MPY_XDECREF(count);
        return NULL;
    }
    it->next = start;
    it->step = step;
    it->remaining = count;
    return (MpyObject *)it;
}

static MpyObject *range_iter(MpyObject *self)
{
    MpyRangeObject *r = as_range(self);
    if (is_small(r))
        return small_iter_new(mpy_small_int_value(r->start), mpy_small_int_value(r->step),
                              mpy_small_int_value(r->length));
    return long_iter_new_take(MPY_NEWREF(r->start), MPY_NEWREF(r->step), MPY_NEWREF(r->length));
}

/* reversed(r): from the last item down by step. */
static MpyObject *range_reversed(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kw)
{
    MpyRangeObject *r = as_range(self);
    if (is_small(r)) {
        intptr_t n = mpy_small_int_value(r->length), step = mpy_small_int_value(r->step);
        intptr_t last = n == 0 ? 0 : mpy_small_int_value(r->start) + (n - 1) * step;
        return small_iter_new(last, -step, n);
    }
    MpyObject *last;
    if (r->length == mpy_small_int(0)) {
        last = MPY_NEWREF(r->start);
    } else {
        MpyObject *i = mpy_int_binop(r->length, mpy_small_int(1), MPY_NB_SUBTRACT);
        last = i == NULL ? NULL : compute_item(r, i);
        MPY_XDECREF(i);
    }
    return long_iter_new_take(last, mpy_number_negative(r->step), MPY_NEWREF(r->length));
}

static MpyObject *range_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *range_iter_next(MpyObject *self)
{
    MpyRangeIterObject *it = (MpyRangeIterObject *)self;
    if (MPY_LIKELY(it->remaining > 0)) {
        intptr_t v = it->next;
        it->next = v + it->step;
        it->remaining--;
        return mpy_small_int(v);
    }
    return NULL;
}

static MpyObject *range_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                         MpyObject *k)
{
    return mpy_int_from_ssize(((MpyRangeIterObject *)self)->remaining);
}

static void long_iter_dealloc(MpyObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    MPY_DECREF(it->next);
    MPY_DECREF(it->step);
    MPY_DECREF(it->remaining);
    mpy_object_free(self);
}

static MpyObject *long_iter_next(MpyObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    if (mpy_int_sign(it->remaining) <= 0)
        return NULL;
    MpyObject *next = mpy_int_binop(it->next, it->step, MPY_NB_ADD);
    MpyObject *remaining = mpy_int_binop(it->remaining, mpy_small_int(1), MPY_NB_SUBTRACT);
    if (next == NULL || remaining == NULL) {
        MPY_XDECREF(next);
        MPY_XDECREF(remaining);
        return NULL;
    }
    MpyObject *result = it->next; // our reference passes to the caller
    it->next = next;
    MPY_SETREF(it->remaining, remaining);
    return result;
}

static MpyObject *long_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                        MpyObject *k)
{
    return MPY_NEWREF(((LongRangeIter *)self)->remaining);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

static MpyObject *range_count(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kw)
{
    if (is_exact_int_or_bool(args[0]))
        return mpy_small_int(contains_int(as_range(self), args[0]));
    ptrdiff_t n = iter_search(self, args[0], true);
    return n < 0 ? NULL : mpy_int_from_ssize(n);
}

static MpyObject *range_index(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kw)
{
    MpyRangeObject *r = as_range(self);
    MpyObject *value = args[0];
    if (!is_exact_int_or_bool(value)) {
        ptrdiff_t i = iter_search(self, value, false);
        if (i == -1)
            mpy_err_set(mpy_exc_ValueError, "sequence.index(x): x not in sequence");
        return i < 0 ? NULL : mpy_int_from_ssize(i);
    }
    if (!contains_int(r, value))
        return mpy_err_format(mpy_exc_ValueError, "%R is not in range", value);
    // (value - start) // step
    MpyObject *diff = mpy_int_binop(value, r->start, MPY_NB_SUBTRACT);
    if (diff == NULL)
        return NULL;
    MpyObject *index = mpy_int_binop(diff, r->step, MPY_NB_FLOOR_DIVIDE);
    MPY_DECREF(diff);
    return index;
}

static MpyObject *range_reduce(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kw)
{
    MpyRangeObject *r = as_range(self);
    MpyObject *t = mpy_tuple_pack(3, r->start, r->stop, r->step);
    if (t == NULL)
        return NULL;
    MpyObject *result = mpy_tuple_pack(2, (MpyObject *)&mpy_range_type, t);
    MPY_DECREF(t);
    return result;
}

static const MpyMethodDef range_methods[] = {
    {"__reversed__", range_reversed, MPY_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce, MPY_METH_NOARGS, NULL},
    {"count", range_count, MPY_METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index, MPY_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {NULL},
};

static const MpyMemberDef range_members[] = {
    {"start", MPY_MEMBER_OBJECT, offsetof(MpyRangeObject, start), MPY_MEMBER_READONLY, NULL},
    {"stop", MPY_MEMBER_OBJECT, offsetof(MpyRangeObject, stop), MPY_MEMBER_READONLY, NULL},
    {"step", MPY_MEMBER_OBJECT, offsetof(MpyRangeObject, step), MPY_MEMBER_READONLY, NULL},
    {NULL},
};

MpyType mpy_range_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "range",
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
           "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
           "These are exactly the valid indices for a list of 4 elements.\n"
           "When step is given, it specifies the increment (or decrement).",
    .basicsize = sizeof(MpyRangeObject),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new = range_new,
    .nb_bool = range_bool,
    .len = range_len,
    .getitem = range_subscript,
    .contains = range_contains,
    .methods = range_methods,
    .members = range_members,
};

static const MpyMethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_range_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "range_iterator",
    .basicsize = sizeof(MpyRangeIterObject),
    .dealloc = mpy_object_free,
    .iter = range_iter_self,
    .iternext = range_iter_next,
    .methods = range_iter_methods,
};

static const MpyMethodDef long_iter_methods[] = {
    {"__length_hint__", long_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_longrange_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIter),
    .dealloc = long_iter_dealloc,
    .iter = range_iter_self,
    .iternext = long_iter_next,
    .methods = long_iter_methods,
};
