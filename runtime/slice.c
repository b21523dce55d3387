/* runtime/slice.c: slice objects and the index arithmetic of sequences.
 *
 * Models CPython's Objects/sliceobject.c.  A slice is three arbitrary
 * objects (None when omitted); sequences turn it into concrete C indices
 * with mpy_slice_indices(), which follows PySlice_GetIndicesEx in two steps:
 *
 *   unpack: None becomes the default for the step's direction, and every
 *           index is clamped into the ptrdiff_t range (a[:10**100] is fine);
 *   adjust: negative indices count from the end, then everything is
 *           clamped into [0, length] (or [-1, length-1] for negative steps),
 *           and the number of selected items is computed.
 *
 * slice.indices() and range slicing need the same rules on unbounded ints
 * (range(10**20)[::2]); mpy__slice_long_indices does them with GMP.
 *
 * In Python 3.11 slices compare like (start, stop, step) tuples and are
 * unhashable.
 */
#include "runtime/slice.h"

#include <gmp.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* Declared here until runtime/slice.h carries it (see the report). */
int mpy__slice_long_indices(MpyObject *slice, MpyObject *length, MpyObject **start,
                            MpyObject **stop, MpyObject **step);

/* ------------------------------------------------------------------ */
/* Construction                                                         */

MpyObject *mpy_slice_new(MpyObject *start, MpyObject *stop, MpyObject *step)
{
    MpySliceObject *s = (MpySliceObject *)mpy_object_alloc(&mpy_slice_type);
    if (s == NULL)
        return NULL;
    s->start = MPY_NEWREF(start != NULL ? start : MPY_NONE);
    s->stop = MPY_NEWREF(stop != NULL ? stop : MPY_NONE);
    s->step = MPY_NEWREF(step != NULL ? step : MPY_NONE);
    mpy_gc_track((MpyObject *)s);
    return (MpyObject *)s;
}

/* ------------------------------------------------------------------ */
/* Index arithmetic on C integers                                       */

static bool has_index(MpyObject *o)
{
    return mpy_is_small_int(o) || MPY_TYPE(o)->nb_index != NULL;
}

/* One bound of a slice as a C index, clamped to the ptrdiff_t range
 * (CPython's _PyEval_SliceIndex).  Returns 0, or -1 + TypeError. */
static int slice_index(MpyObject *o, ptrdiff_t *out)
{
    if (mpy_is_small_int(o)) {
        *out = mpy_small_int_value(o);
        return 0;
    }
    if (!has_index(o)) {
        mpy_err_set(mpy_exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ptrdiff_t v = mpy_number_as_ssize(o, NULL);
    if (v == -1 && mpy_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* Step one: defaults and clamping to C integers (PySlice_Unpack). */
static int slice_unpack(MpySliceObject *s, ptrdiff_t *start, ptrdiff_t *stop, ptrdiff_t *step)
{
    if (s->step == MPY_NONE) {
        *step = 1;
    } else {
        if (slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            mpy_err_set(mpy_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        // Keep `-step` representable for code that reverses a slice.
        if (*step < -PTRDIFF_MAX)
            *step = -PTRDIFF_MAX;
    }
    if (s->start == MPY_NONE)
        *start = *step < 0 ? PTRDIFF_MAX : 0;
    else if (slice_index(s->start, start) < 0)
        return -1;
    if (s->stop == MPY_NONE)
        *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

/* Clamp one bound into the sequence (part of PySlice_AdjustIndices). */
static ptrdiff_t adjust_bound(ptrdiff_t i, ptrdiff_t length, ptrdiff_t step)
{
    if (i < 0) {
        i += length;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= length) {
        i = step < 0 ? length - 1 : length;
    }
    return i;
}

int mpy_slice_indices(MpyObject *slice, ptrdiff_t length, ptrdiff_t *start, ptrdiff_t *stop,
                      ptrdiff_t *step, ptrdiff_t *slicelength)
{
    if (slice_unpack((MpySliceObject *)slice, start, stop, step) < 0)
        return -1;
    *start = adjust_bound(*start, length, *step);
    *stop = adjust_bound(*stop, length, *step);
    if (*step < 0)
        *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else
        *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return 0;
}

ptrdiff_t mpy_sequence_index(MpyObject *o, ptrdiff_t length, const char *type_name)
{
    ptrdiff_t i;
    if (mpy_is_small_int(o)) {
        i = mpy_small_int_value(o);
    } else {
        if (!has_index(o)) {
            mpy_err_format(mpy_exc_TypeError, "%s indices must be integers or slices, not %T",
                           type_name, o);
            return -1;
        }
        i = mpy_number_as_ssize(o, mpy_exc_IndexError);
        if (i == -1 && mpy_err_occurred())
            return -1;
    }
    if (i < 0)
        i += length;
    return i;
}

/* ------------------------------------------------------------------ */
/* Index arithmetic on unbounded ints (CPython's _PySlice_GetLongIndices) */

/* A bound as an mpz (initialized by the caller).  Returns 0 / -1. */
static int long_index(MpyObject *o, mpz_t out)
{
    if (!has_index(o)) {
        mpy_err_set(mpy_exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    MpyObject *i = mpy_number_index(o);
    if (i == NULL)
        return -1;
    mpy_int_to_mpz(i, out);
    MPY_DECREF(i);
    return 0;
}

/* Resolve a start or stop bound: None takes `dflt`; negative values count
 * from the end; the result is clamped into [lower, upper]. */
static int long_bound(MpyObject *o, mpz_t out, const mpz_t dflt, const mpz_t length,
                      const mpz_t lower, const mpz_t upper)
{
    if (o == MPY_NONE) {
        mpz_set(out, dflt);
        return 0;
    }
    if (long_index(o, out) < 0)
        return -1;
    if (mpz_sgn(out) < 0) {
        mpz_add(out, out, length);
        if (mpz_cmp(out, lower) < 0)
            mpz_set(out, lower);
    } else if (mpz_cmp(out, upper) > 0) {
        mpz_set(out, upper);
    }
    return 0;
}

/* The slice resolved against an int `length` (>= 0), with unbounded ints.
 * Returns 0 with three new references stored, or -1 + exception. */
int mpy__slice_long_indices(MpyObject *slice, MpyObject *length, MpyObject **start,
                            MpyObject **stop, MpyObject **step)
{
    MpySliceObject *s = (MpySliceObject *)slice;
    mpz_t zstart, zstop, zstep, zlen, lower, upper;
    mpz_inits(zstart, zstop, zstep, zlen, lower, upper, NULL);
    int result = -1;
    *start = *stop = *step = NULL;
    mpy_int_to_mpz(length, zlen);
    if (s->step == MPY_NONE) {
        mpz_set_ui(zstep, 1);
    } else {
        if (long_index(s->step, zstep) < 0)
            goto done;
        if (mpz_sgn(zstep) == 0) {
            mpy_err_set(mpy_exc_ValueError, "slice step cannot be zero");
            goto done;
        }
    }
    bool negative = mpz_sgn(zstep) < 0;
    if (negative) {
        mpz_set_si(lower, -1);
        mpz_sub_ui(upper, zlen, 1);
    } else {
        mpz_set_ui(lower, 0);
        mpz_set(upper, zlen);
    }
    if (long_bound(s->start, zstart, negative ? upper : lower, zlen, lower, upper) < 0 ||
        long_bound(s->stop, zstop, negative ? lower : upper, zlen, lower, upper) < 0)
        goto done;
    *start = mpy_int_from_mpz(zstart);
    *stop = mpy_int_from_mpz(zstop);
    *step = mpy_int_from_mpz(zstep);
    if (*start == NULL || *stop == NULL || *step == NULL) {
        MPY_CLEAR(*start);
        MPY_CLEAR(*stop);
        MPY_CLEAR(*step);
        goto done;
    }
    result = 0;
done:
    mpz_clears(zstart, zstop, zstep, zlen, lower, upper, NULL);
    return result;
}

/* ------------------------------------------------------------------ */
/* The type                                                             */

static void slice_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MpySliceObject *s = (MpySliceObject *)self;
    MPY_XDECREF(s->start);
    MPY_XDECREF(s->stop);
    MPY_XDECREF(s->step);
    mpy_object_free(self);
}

static int slice_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpySliceObject *s = (MpySliceObject *)self;
    MPY_VISIT(s->start);
    MPY_VISIT(s->stop);
    MPY_VISIT(s->step);
    return 0;
}

static MpyObject *slice_repr(MpyObject *self)
{
    MpySliceObject *s = (MpySliceObject *)self;
    return mpy_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* Slices compare as the tuples (start, stop, step). */
static MpyObject *slice_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_slice_check(a) || !mpy_slice_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (a == b) {
        bool same = op == MPY_EQ || op == MPY_LE || op == MPY_GE;
        return MPY_NEWREF(mpy_bool_from(same));
    }
    MpySliceObject *x = (MpySliceObject *)a, *y = (MpySliceObject *)b;
    MpyObject *tx = mpy_tuple_pack(3, x->start, x->stop, x->step);
    MpyObject *ty = tx == NULL ? NULL : mpy_tuple_pack(3, y->start, y->stop, y->step);
    MpyObject *result = ty == NULL ? NULL : mpy_object_richcompare(tx, ty, op);
    MPY_XDECREF(tx);
    MPY_XDECREF(ty);
    return result;
}

static MpyObject *slice_new(MpyType *type, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0)
        return mpy_err_format(mpy_exc_TypeError, "slice() takes no keyword arguments");
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "slice expected at least 1 argument, got %zu",
                              nargs);
    if (nargs > 3)
        return mpy_err_format(mpy_exc_TypeError, "slice expected at most 3 arguments, got %zu",
                              nargs);
    if (nargs == 1)
        return mpy_slice_new(NULL, args[0], NULL);
    return mpy_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

/* slice.indices(length) -> (start, stop, step) */
static MpyObject *slice_indices_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                       MpyObject *kwnames)
{
    MpyObject *length = mpy_number_index(args[0]);
    if (length == NULL)
        return NULL;
    MpyObject *result = NULL;
    if (mpy_int_sign(length) < 0) {
        mpy_err_set(mpy_exc_ValueError, "length should not be negative");
    } else {
        MpyObject *start, *stop, *step;
        if (mpy__slice_long_indices(self, length, &start, &stop, &step) == 0) {
            result = mpy_tuple_pack(3, start, stop, step);
            MPY_DECREF(start);
            MPY_DECREF(stop);
            MPY_DECREF(step);
        }
    }
    MPY_DECREF(length);
    return result;
}

static MpyObject *slice_reduce(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    MpySliceObject *s = (MpySliceObject *)self;
    MpyObject *t = mpy_tuple_pack(3, s->start, s->stop, s->step);
    if (t == NULL)
        return NULL;
    MpyObject *r = mpy_tuple_pack(2, (MpyObject *)&mpy_slice_type, t);
    MPY_DECREF(t);
    return r;
}

static const MpyMethodDef slice_methods[] = {
    {"indices", slice_indices_method, MPY_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described by\nS. "
     "Out of bounds indices are clipped in a manner consistent with the\nhandling of normal "
     "slices."},
    {"__reduce__", slice_reduce, MPY_METH_NOARGS, "Return state information for pickling."},
    {NULL},
};

static const MpyMemberDef slice_members[] = {
    {"start", MPY_MEMBER_OBJECT, offsetof(MpySliceObject, start), MPY_MEMBER_READONLY, NULL},
    {"stop", MPY_MEMBER_OBJECT, offsetof(MpySliceObject, stop), MPY_MEMBER_READONLY, NULL},
    {"step", MPY_MEMBER_OBJECT, offsetof(MpySliceObject, step), MPY_MEMBER_READONLY, NULL},
    {NULL},
};

MpyType mpy_slice_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "slice",
    .doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for "
           "extended slicing (e.g. a[0:10:2]).",
    .basicsize = sizeof(MpySliceObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = slice_richcompare,
    .new = slice_new,
    .traverse = slice_traverse,
    .methods = slice_methods,
    .members = slice_members,
};
