/* runtime/mod_math_int.c: the exact functions of the math module.
 *
 * Models the integer half of CPython's Modules/mathmodule.c: factorial,
 * gcd, lcm, isqrt, comb and perm compute with GMP on exact ints (their
 * arguments go through __index__, so floats are refused with "'float'
 * object cannot be interpreted as an integer"); fsum adds floats without
 * accumulating rounding error (Shewchuk's exact partial sums, as CPython);
 * prod multiplies anything with the generic `*`.
 */
#include "runtime/mod_math.h"

#include <math.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"

/* operator.index(o) as an mpz in `out` (initialized by the caller).
 * Returns 0 / -1. */
static int index_mpz(MpyObject *o, mpz_t out)
{
    MpyObject *i = mpy_number_index(o);
    if (i == NULL)
        return -1;
    mpy_int_to_mpz(i, out);
    MPY_DECREF(i);
    return 0;
}

static size_t bits(mpz_srcptr z)
{
    return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
}

MpyObject *mpy__math_factorial(MpyObject *module, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    mpz_t n;
    mpz_init(n);
    if (index_mpz(args[0], n) < 0) {
        mpz_clear(n);
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return mpy_err_format(mpy_exc_ValueError, "factorial() not defined for negative values");
    }
    if (!mpz_fits_slong_p(n)) {
        mpz_clear(n);
        return mpy_err_format(mpy_exc_OverflowError,
                              "factorial() argument should not exceed %ld", (long)INT64_MAX);
    }
    unsigned long k = mpz_get_ui(n);
    mpz_clear(n);
    // log2(k!) < k * log2(k)
    if (mpy__int_check_bits((uint64_t)((double)k * log2((double)k + 1.0))) < 0)
        return NULL;
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, k);
    return mpy__int_from_mpz_take(r);
}

/* gcd/lcm over any number of arguments. */
static MpyObject *fold_ints(MpyObject *const *args, size_t nargs, bool lcm)
{
    mpz_t acc, x;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        if (index_mpz(args[i], x) < 0) {
            mpz_clears(acc, x, NULL);
            return NULL;
        }
        if (lcm) {
            if (mpy__int_check_bits((uint64_t)bits(acc) + bits(x)) < 0) {
                mpz_clears(acc, x, NULL);
                return NULL;
            }
            mpz_lcm(acc, acc, x);
        } else {
            mpz_gcd(acc, acc, x);
        }
    }
    mpz_clear(x);
    return mpy__int_from_mpz_take(acc);
}

MpyObject *mpy__math_gcd(MpyObject *module, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames)
{
    return fold_ints(args, nargs, false);
}

MpyObject *mpy__math_lcm(MpyObject *module, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames)
{
    return fold_ints(args, nargs, true);
}

MpyObject *mpy__math_isqrt(MpyObject *module, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    mpz_t n;
    mpz_init(n);
    if (index_mpz(args[0], n) < 0) {
        mpz_clear(n);
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return mpy_err_format(mpy_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(n, n);
    return mpy__int_from_mpz_take(n);
}

/* Read n and k for comb/perm, with CPython's checks.  Returns 0 / -1. */
static int comb_args(const char *name, MpyObject *const *args, size_t nargs, size_t min,
                     mpz_t n, mpz_t k, bool *k_given)
{
    if (mpy__math_check_nargs(name, nargs, min, 2) < 0 || index_mpz(args[0], n) < 0)
        return -1;
    *k_given = nargs == 2 && args[1] != MPY_NONE;
    if (*k_given && index_mpz(args[1], k) < 0)
        return -1;
    if (mpz_sgn(n) < 0) {
        mpy_err_set(mpy_exc_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (*k_given && mpz_sgn(k) < 0) {
        mpy_err_set(mpy_exc_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

/* n choose k (want_perm false) or n!/(n-k)! (true), with 0 for k > n. */
static MpyObject *comb_or_perm(mpz_t n, mpz_t k, bool want_perm)
{
    mpz_t r, kk;
    mpz_inits(r, kk, NULL);
    if (mpz_cmp(k, n) > 0)
        goto done;  // r == 0
    mpz_sub(kk, n, k);  // comb(n, k) == comb(n, n - k): use the smaller
    if (want_perm || mpz_cmp(kk, k) > 0)
        mpz_set(kk, k);
    if (!mpz_fits_ulong_p(kk)) {
        mpz_clears(r, kk, NULL);
        return mpy_err_format(mpy_exc_OverflowError, "%s must not exceed %ld",
                              want_perm ? "k" : "min(n - k, k)", (long)INT64_MAX);
    }
    unsigned long small_k = mpz_get_ui(kk);
    if (mpy__int_check_bits((uint64_t)small_k * (bits(n) + 1)) < 0) {
        mpz_clears(r, kk, NULL);
        return NULL;
    }
    mpz_bin_ui(r, n, small_k);
    if (want_perm) {
        mpz_fac_ui(kk, small_k);
        mpz_mul(r, r, kk);
    }
done:
    mpz_clear(kk);
    return mpy__int_from_mpz_take(r);
}

MpyObject *mpy__math_comb(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    mpz_t n, k;
    mpz_inits(n, k, NULL);
    bool k_given;
    MpyObject *r = NULL;
    if (comb_args("comb", args, nargs, 2, n, k, &k_given) == 0)
        r = comb_or_perm(n, k, false);
    mpz_clears(n, k, NULL);
    return r;
}

MpyObject *mpy__math_perm(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    mpz_t n, k;
    mpz_inits(n, k, NULL);
    bool k_given;
    MpyObject *r = NULL;
    if (comb_args("perm", args, nargs, 1, n, k, &k_given) == 0) {
        if (!k_given)
            mpz_set(k, n);
        r = comb_or_perm(n, k, true);
    }
    mpz_clears(n, k, NULL);
    return r;
}

/* ------------------------------------------------------------------ */
/* fsum                                                                 */

typedef struct Partials {
    double *p;
    size_t n, cap;
    double small[32];
} Partials;

static int partials_push(Partials *ps, double x)
{
    if (ps->n == ps->cap) {
        size_t cap = ps->cap * 2;
        double *p = ps->p == ps->small ? mpy_mem_alloc(cap * sizeof(double))
                                       : mpy_mem_realloc(ps->p, cap * sizeof(double));
        if (p == NULL)
            return -1;
        if (ps->p == ps->small)
            memcpy(p, ps->small, sizeof ps->small);
        ps->p = p;
        ps->cap = cap;
    }
    ps->p[ps->n++] = x;
    return 0;
}

/* Add x into the non-overlapping partial sums (Shewchuk's msum). */
static int partials_add(Partials *ps, double x, double *special, double *inf_sum)
{
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < ps->n; j++) {
        double y = ps->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            ps->p[i++] = lo;
        x = hi;
    }
    ps->n = i;
    if (x == 0.0)
        return 0;
    if (!isfinite(x)) {
        // Either an inf/nan summand, or the partials overflowed.
        if (isfinite(xsave)) {
            mpy_err_set(mpy_exc_OverflowError, "intermediate overflow in fsum");
            return -1;
        }
        if (isinf(xsave))
            *inf_sum += xsave;
        *special += xsave;
        ps->n = 0;
        return 0;
    }
    return partials_push(ps, x);
}

/* The correctly rounded sum of the partials (largest last). */
static double partials_total(Partials *ps)
{
    size_t n = ps->n;
    double hi = 0.0, lo = 0.0;
    if (n == 0)
        return 0.0;
    hi = ps->p[--n];
    while (n > 0) {
        double x = hi, y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0)
            break;
    }
    // Half-way cases: make the rounding of hi + lo + rest exact.
    if (n > 0 && ((lo < 0.0 && ps->p[n - 1] < 0.0) || (lo > 0.0 && ps->p[n - 1] > 0.0))) {
        double y = lo * 2.0, x = hi + y;
        if (y == x - hi)
            hi = x;
    }
    return hi;
}

MpyObject *mpy__math_fsum(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    MpyObject *it = mpy_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    Partials ps = {.n = 0, .cap = 32};
    ps.p = ps.small;
    double special = 0.0, inf_sum = 0.0;
    MpyObject *item, *result = NULL;
    while ((item = mpy_iter_next(it)) != NULL) {
        double x = mpy_float_as_double(item);
        MPY_DECREF(item);
        if ((x == -1.0 && mpy_err_occurred()) || partials_add(&ps, x, &special, &inf_sum) < 0)
            goto done;
    }
    if (mpy_err_occurred())
        goto done;
    if (special != 0.0) {
        if (isnan(inf_sum))
            mpy_err_set(mpy_exc_ValueError, "-inf + inf in fsum");
        else
            result = mpy_float_from_double(special);
        goto done;
    }
    result = mpy_float_from_double(partials_total(&ps));
done:
    if (ps.p != ps.small)
        mpy_mem_free(ps.p);
    MPY_DECREF(it);
    return result;
}

/* ------------------------------------------------------------------ */
/* prod                                                                 */

MpyObject *mpy__math_prod(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    static const char *const names[] = {"", "start"};
    MpyObject *a[2];
    if (mpy__num_parse_args("prod()", args, nargs, kwnames, names, 2, 1, 1, a) < 0)
        return NULL;
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "prod() takes exactly 1 positional argument (%d given)",
                              (int)nargs);
    MpyObject *acc = a[1] != NULL ? MPY_NEWREF(a[1]) : mpy_small_int(1);
    MpyObject *it = mpy_object_get_iter(a[0]);
    if (it == NULL) {
        MPY_DECREF(acc);
        return NULL;
    }
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        MpyObject *next = mpy_number_binop(acc, item, MPY_NB_MULTIPLY);
        MPY_DECREF(item);
        MPY_DECREF(acc);
        acc = next;
        if (acc == NULL)
            break;
    }
    MPY_DECREF(it);
    if (acc != NULL && mpy_err_occurred()) {
        MPY_DECREF(acc);
        return NULL;
    }
    return acc;
}
