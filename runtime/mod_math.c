/* runtime/mod_math.c: the math module (floating-point functions).
 *
 * Models CPython's Modules/mathmodule.c.  Most functions are the C
 * library's, wrapped so that errors surface the way CPython reports them:
 *
 *  - a NaN result from a non-NaN argument is a domain error:
 *    ValueError("math domain error")  (sqrt(-1), log(0), acos(2));
 *  - an infinite result from a finite argument is OverflowError("math
 *    range error") for functions that can overflow (exp, cosh, ...) and a
 *    domain error for the others (atanh(1));
 *  - underflow to zero is not an error (exp(-1000) == 0.0).
 *
 * Arguments are converted with float() semantics (mpy_float_as_double), so
 * ints of any size work until they exceed the double range; log() is the
 * exception and takes the logarithm of huge ints exactly enough.
 * floor/ceil/trunc return ints and honour __floor__/__ceil__/__trunc__.
 * The exact integer functions live in mod_math_int.c.
 */
#include "runtime/mod_math.h"

#include <float.h>
#include <math.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_impl.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

int mpy__math_check_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max)
        mpy_err_format(mpy_exc_TypeError, "%s expected %d argument%s, got %d", name, (int)min,
                       min == 1 ? "" : "s", (int)nargs);
    else if (nargs < min)
        mpy_err_format(mpy_exc_TypeError, "%s expected at least %d argument%s, got %d", name,
                       (int)min, min == 1 ? "" : "s", (int)nargs);
    else
        mpy_err_format(mpy_exc_TypeError, "%s expected at most %d argument%s, got %d", name,
                       (int)max, max == 1 ? "" : "s", (int)nargs);
    return -1;
}

static MpyObject *domain_error(void)
{
    return mpy_err_format(mpy_exc_ValueError, "math domain error");
}

static MpyObject *range_error(void)
{
    return mpy_err_format(mpy_exc_OverflowError, "math range error");
}

/* Read a float argument.  Returns 0 / -1. */
static int arg_double(MpyObject *o, double *out)
{
    *out = mpy_float_as_double(o);
    return (*out == -1.0 && mpy_err_occurred()) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* One- and two-argument functions                                      */

/* f(x) with CPython's error rules (math_1 in mathmodule.c). */
static MpyObject *math_1(MpyObject *arg, double (*f)(double), bool can_overflow)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return mpy_float_from_double(r);
}

/* f(x, y) with CPython's error rules (math_2). */
static MpyObject *math_2(const char *name, MpyObject *const *args, size_t nargs,
                         double (*f)(double, double))
{
    double x, y;
    if (mpy__math_check_nargs(name, nargs, 2, 2) < 0 || arg_double(args[0], &x) < 0 ||
        arg_double(args[1], &y) < 0)
        return NULL;
    double r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return mpy_float_from_double(r);
}

/* MATH_FUNC1(name, c_function, can_overflow) defines math_<name>, a
 * one-argument wrapper around the C function. */
#define MATH_FUNC1(name, cfunc, overflow)                                                  \
    static MpyObject *math_##name(MpyObject *module, MpyObject *const *args, size_t nargs, \
                                  MpyObject *kwnames)                                      \
    {                                                                                      \
        return math_1(args[0], cfunc, overflow);                                           \
    }

MATH_FUNC1(acos, acos, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(tanh, tanh, false)

#undef MATH_FUNC1

/* degrees() and radians() never raise: an overflow is simply inf. */
static MpyObject *scale_by(MpyObject *arg, double factor)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return mpy_float_from_double(x * factor);
}

static MpyObject *math_degrees(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return scale_by(args[0], 180.0 / M_PI);
}

static MpyObject *math_radians(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return scale_by(args[0], M_PI / 180.0);
}

static bool is_nonpositive_integer(double x)
{
    return x <= 0.0 && floor(x) == x;
}

static MpyObject *math_gamma(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return mpy_float_from_double(x);
    if (x == -HUGE_VAL || (isfinite(x) && is_nonpositive_integer(x)))
        return domain_error();
    double r = tgamma(x);
    if (isinf(r) && isfinite(x))
        return range_error();
    return mpy_float_from_double(r);
}

static MpyObject *math_lgamma(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (!isfinite(x))
        return mpy_float_from_double(isnan(x) ? x : HUGE_VAL);
    if (is_nonpositive_integer(x))
        return domain_error();
    double r = lgamma(x);
    if (isinf(r))
        return range_error();
    return mpy_float_from_double(r);
}

static MpyObject *math_atan2(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return math_2("atan2", args, n, atan2);
}

static MpyObject *math_copysign(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return math_2("copysign", args, n, copysign);
}

static double py_fmod(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return fmod(x, y);
}

static MpyObject *math_fmod(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return math_2("fmod", args, n, py_fmod);
}

static double py_remainder(double x, double y)
{
    if (isinf(y) && isfinite(x))
        return x;
    return remainder(x, y);
}

static MpyObject *math_remainder(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return math_2("remainder", args, n, py_remainder);
}

static MpyObject *math_nextafter(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x, y;
    if (mpy__math_check_nargs("nextafter", n, 2, 2) < 0 || arg_double(args[0], &x) < 0 ||
        arg_double(args[1], &y) < 0)
        return NULL;
    return mpy_float_from_double(nextafter(x, y));
}

static MpyObject *math_ulp(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x) || isinf(x))
        return mpy_float_from_double(fabs(x));
    x = fabs(x);
    if (x == DBL_MAX)
        return mpy_float_from_double(x - nextafter(x, 0.0));
    return mpy_float_from_double(nextafter(x, HUGE_VAL) - x);
}

/* math.pow: C99 pow with CPython's choices for the special cases. */
static MpyObject *math_pow(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x, y, r;
    if (mpy__math_check_nargs("pow", n, 2, 2) < 0 || arg_double(args[0], &x) < 0 ||
        arg_double(args[1], &y) < 0)
        return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0)
                r = odd_y ? x : fabs(x);
            else if (y == 0.0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        } else if (fabs(x) == 1.0)
            r = 1.0;
        else if (y > 0.0 && fabs(x) > 1.0)
            r = y;
        else if (y < 0.0 && fabs(x) < 1.0)
            r = -y;
        else
            r = 0.0;
        return mpy_float_from_double(r);
    }
    r = pow(x, y);
    if (isnan(r))
        return domain_error();
    if (isinf(r))
        return x == 0.0 ? domain_error() : range_error();
    return mpy_float_from_double(r);
}

/* ------------------------------------------------------------------ */
/* Logarithms                                                           */

/* func(x) for a float or int argument; huge ints are split as
 * m * 2**e first, so log(10**400) works (CPython's loghelper). */
static int log_helper(MpyObject *arg, double (*func)(double), double *out)
{
    if (mpy_int_check(arg)) {
        if (mpy_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        MpyIntView view;
        mpz_srcptr z = mpy__int_view(arg, &view);
        if (mpz_sizeinbase(z, 2) > 1000) {
            long e;
            double mant = mpz_get_d_2exp(&e, z);
            *out = func(mant) + func(2.0) * (double)e;
            return 0;
        }
    }
    double x;
    if (arg_double(arg, &x) < 0)
        return -1;
    if (x <= 0.0) {  // also catches -inf; NaN passes through
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static MpyObject *math_log(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double num, den;
    if (mpy__math_check_nargs("log", n, 1, 2) < 0 || log_helper(args[0], log, &num) < 0)
        return NULL;
    if (n == 1)
        return mpy_float_from_double(num);
    if (log_helper(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "float division by zero");
    return mpy_float_from_double(num / den);
}

static MpyObject *log_one(MpyObject *arg, double (*func)(double))
{
    double r;
    if (log_helper(arg, func, &r) < 0)
        return NULL;
    return mpy_float_from_double(r);
}

static MpyObject *math_log2(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return log_one(args[0], log2);
}

static MpyObject *math_log10(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return log_one(args[0], log10);
}

static MpyObject *math_log1p(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return math_1(args[0], log1p, false);
}

/* ------------------------------------------------------------------ */
/* Rounding to ints                                                     */

/* Call o.<name>() if the type defines it; NULL without an exception when
 * it does not. */
static MpyObject *call_special(MpyObject *o, MpyObject *name)
{
    if (mpy_type_lookup(MPY_TYPE(o), name) == NULL)
        return NULL;
    return mpy_object_call_method(o, name, NULL, 0);
}

static MpyObject *round_with(MpyObject *o, MpyObject *name, double (*func)(double))
{
    if (mpy_float_check_exact(o))
        return mpy__int_from_double_trunc(func(mpy_float_value(o)));
    if (mpy_int_check_exact(o))
        return MPY_NEWREF(o);
    MpyObject *r = call_special(o, name);
    if (r != NULL || mpy_err_occurred())
        return r;
    double x;
    if (arg_double(o, &x) < 0)
        return NULL;
    return mpy__int_from_double_trunc(func(x));
}

static MpyObject *math_floor(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return round_with(args[0], MPY_ID(__floor__), floor);
}

static MpyObject *math_ceil(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return round_with(args[0], MPY_ID(__ceil__), ceil);
}

static MpyObject *math_trunc(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    MpyObject *o = args[0];
    if (mpy_float_check_exact(o))
        return mpy__int_from_double_trunc(mpy_float_value(o));
    if (mpy_int_check_exact(o))
        return MPY_NEWREF(o);
    MpyObject *r = call_special(o, MPY_ID(__trunc__));
    if (r == NULL && !mpy_err_occurred())
        mpy_err_format(mpy_exc_TypeError, "type %s doesn't define __trunc__ method",
                       mpy_type_name_of(o));
    return r;
}

/* ------------------------------------------------------------------ */
/* Decomposition and classification                                     */

static MpyObject *pair(MpyObject *a, MpyObject *b)
{
    MpyObject *t = (a && b) ? mpy_tuple_pack(2, a, b) : NULL;
    MPY_XDECREF(a);
    MPY_XDECREF(b);
    return t;
}

static MpyObject *math_frexp(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double mant = isfinite(x) ? frexp(x, &e) : x;
    return pair(mpy_float_from_double(mant), mpy_small_int(e));
}

static MpyObject *math_ldexp(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x;
    if (mpy__math_check_nargs("ldexp", n, 2, 2) < 0 || arg_double(args[0], &x) < 0)
        return NULL;
    if (!mpy_int_check(args[1]))
        return mpy_err_format(mpy_exc_TypeError, "Expected an int as second argument to ldexp.");
    long long e;
    if (!mpy_int_to_long_exact(args[1], &e))
        e = mpy_int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
    if (e > INT32_MAX)
        e = INT32_MAX;
    if (e < INT32_MIN)
        e = INT32_MIN;
    if (x == 0.0 || !isfinite(x))
        return mpy_float_from_double(x);
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return mpy_float_from_double(r);
}

static MpyObject *math_modf(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double x, ip;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x))
        return pair(mpy_float_from_double(copysign(0.0, x)), mpy_float_from_double(x));
    double frac = modf(x, &ip);
    return pair(mpy_float_from_double(frac), mpy_float_from_double(ip));
}

static MpyObject *classify(MpyObject *arg, int (*test)(double))
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return mpy_bool_from(test(x));
}

static int test_finite(double x) { return isfinite(x); }
static int test_inf(double x) { return isinf(x); }
static int test_nan(double x) { return isnan(x); }

static MpyObject *math_isfinite(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return classify(args[0], test_finite);
}

static MpyObject *math_isinf(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return classify(args[0], test_inf);
}

static MpyObject *math_isnan(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    return classify(args[0], test_nan);
}

static MpyObject *math_isclose(MpyObject *m, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    MpyObject *a[4];
    if (nargs > 2)
        return mpy_err_format(mpy_exc_TypeError,
                              "isclose() takes exactly 2 positional arguments (%d given)",
                              (int)nargs);
    if (mpy__num_parse_args("isclose()", args, nargs, kwnames, names, 4, 0, 2, a) < 0)
        return NULL;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (arg_double(a[0], &x) < 0 || arg_double(a[1], &y) < 0 ||
        (a[2] != NULL && arg_double(a[2], &rel_tol) < 0) ||
        (a[3] != NULL && arg_double(a[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return mpy_err_format(mpy_exc_ValueError, "tolerances must be non-negative");
    if (x == y)
        return MPY_TRUE;
    if (isinf(x) || isinf(y))
        return MPY_FALSE;
    double diff = fabs(y - x);
    return mpy_bool_from(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) ||
                         diff <= abs_tol);
}

/* ------------------------------------------------------------------ */
/* hypot and dist: CPython's accurate vector_norm                       */

/* sqrt(sum(v*v)) without undue overflow or rounding: scale by a power of
 * two so the largest component is in [0.5, 1), square and add exactly
 * (fma gives each product's rounding error), then correct the square root
 * once (mathmodule.c's vector_norm). */
static double vector_norm(size_t n, double *vec, double max, bool found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        double hi = x * x, lo = fma(x, x, -hi);  // x*x == hi + lo exactly
        double sum = csum + hi;
        frac2 += (csum - sum) + hi;
        csum = sum;
        frac1 += lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    double hi = -h * h, lo = fma(-h, h, -hi);
    double sum = csum + hi;
    frac2 += (csum - sum) + hi;
    csum = sum;
    frac1 += lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

/* Collect |args| as doubles, tracking the max and NaNs. */
static int collect_abs(MpyObject *const *items, size_t n, double *vec, double *max,
                       bool *found_nan)
{
    for (size_t i = 0; i < n; i++) {
        double x;
        if (arg_double(items[i], &x) < 0)
            return -1;
        x = fabs(x);
        vec[i] = x;
        *found_nan |= isnan(x);
        if (x > *max)
            *max = x;
    }
    return 0;
}

static MpyObject *math_hypot(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    double small[16], *vec = n <= 16 ? small : mpy_mem_alloc(n * sizeof(double));
    if (vec == NULL)
        return NULL;
    double max = 0.0;
    bool found_nan = false;
    MpyObject *r = NULL;
    if (collect_abs(args, n, vec, &max, &found_nan) == 0)
        r = mpy_float_from_double(vector_norm(n, vec, max, found_nan));
    if (vec != small)
        mpy_mem_free(vec);
    return r;
}

static MpyObject *math_dist(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    if (mpy__math_check_nargs("dist", n, 2, 2) < 0)
        return NULL;
    MpyObject *p = mpy_tuple_from_iterable(args[0]);
    MpyObject *q = p == NULL ? NULL : mpy_tuple_from_iterable(args[1]);
    MpyObject *r = NULL;
    double *vec = NULL;
    if (q == NULL)
        goto done;
    size_t dim = (size_t)mpy_tuple_size(p);
    if ((size_t)mpy_tuple_size(q) != dim) {
        mpy_err_set(mpy_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    vec = mpy_mem_alloc((dim + 1) * sizeof(double));
    if (vec == NULL)
        goto done;
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < dim; i++) {
        double a, b;
        if (arg_double(mpy_tuple_item(p, (ptrdiff_t)i), &a) < 0 ||
            arg_double(mpy_tuple_item(q, (ptrdiff_t)i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    r = mpy_float_from_double(vector_norm(dim, vec, max, found_nan));
done:
    mpy_mem_free(vec);
    MPY_XDECREF(p);
    MPY_XDECREF(q);
    return r;
}

/* ------------------------------------------------------------------ */
/* The module                                                           */

static const MpyMethodDef math_methods[] = {
    {"acos", math_acos, MPY_METH_O, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, MPY_METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, MPY_METH_O, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, MPY_METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, MPY_METH_O, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, MPY_METH_FASTCALL, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, MPY_METH_O, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, MPY_METH_O, "Return the cube root of x."},
    {"ceil", math_ceil, MPY_METH_O, "Return the ceiling of x as an Integral."},
    {"comb", mpy__math_comb, MPY_METH_FASTCALL, "Number of ways to choose k items from n items."},
    {"copysign", math_copysign, MPY_METH_FASTCALL, "Return a float with the magnitude of x but the sign of y."},
    {"cos", math_cos, MPY_METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, MPY_METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, MPY_METH_O, "Convert angle x from radians to degrees."},
    {"dist", math_dist, MPY_METH_FASTCALL, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, MPY_METH_O, "Error function at x."},
    {"erfc", math_erfc, MPY_METH_O, "Complementary error function at x."},
    {"exp", math_exp, MPY_METH_O, "Return e raised to the power of x."},
    {"exp2", math_exp2, MPY_METH_O, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, MPY_METH_O, "Return exp(x)-1."},
    {"fabs", math_fabs, MPY_METH_O, "Return the absolute value of the float x."},
    {"factorial", mpy__math_factorial, MPY_METH_O, "Find n!."},
    {"floor", math_floor, MPY_METH_O, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, MPY_METH_FASTCALL, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, MPY_METH_O, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", mpy__math_fsum, MPY_METH_O, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, MPY_METH_O, "Gamma function at x."},
    {"gcd", mpy__math_gcd, MPY_METH_FASTCALL, "Greatest Common Divisor."},
    {"hypot", math_hypot, MPY_METH_FASTCALL, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, MPY_METH_FASTCALL, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, MPY_METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, MPY_METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, MPY_METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", mpy__math_isqrt, MPY_METH_O, "Return the integer part of the square root of the input."},
    {"lcm", mpy__math_lcm, MPY_METH_FASTCALL, "Least Common Multiple."},
    {"ldexp", math_ldexp, MPY_METH_FASTCALL, "Return x * (2**i)."},
    {"lgamma", math_lgamma, MPY_METH_O, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, MPY_METH_FASTCALL, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, MPY_METH_O, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, MPY_METH_O, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, MPY_METH_O, "Return the base 2 logarithm of x."},
    {"modf", math_modf, MPY_METH_O, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, MPY_METH_FASTCALL, "Return the next floating-point value after x towards y."},
    {"perm", mpy__math_perm, MPY_METH_FASTCALL, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, MPY_METH_FASTCALL, "Return x**y (x to the power of y)."},
    {"prod", mpy__math_prod, MPY_METH_FASTCALL, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, MPY_METH_O, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, MPY_METH_FASTCALL, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, MPY_METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, MPY_METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, MPY_METH_O, "Return the square root of x."},
    {"tan", math_tan, MPY_METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, MPY_METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, MPY_METH_O, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, MPY_METH_O, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

static int math_exec(MpyObject *module)
{
    if (mpy_module_add_float(module, "pi", M_PI) < 0 ||
        mpy_module_add_float(module, "e", M_E) < 0 ||
        mpy_module_add_float(module, "tau", 2.0 * M_PI) < 0 ||
        mpy_module_add_float(module, "inf", HUGE_VAL) < 0 ||
        mpy_module_add_float(module, "nan", NAN) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__math_module_def = {
    "math",
    "This module provides access to the mathematical functions\n"
    "defined by the C standard.",
    math_methods,
    math_exec,
    1,
};
