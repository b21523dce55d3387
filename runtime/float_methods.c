/* runtime/float_methods.c: the methods and attributes of float.
 *
 * Models the method table of CPython's Objects/floatobject.c:
 * is_integer, as_integer_ratio, hex/fromhex (C99 hexadecimal notation),
 * conjugate, the rounding protocol used by round() and math (__round__,
 * __trunc__, __floor__, __ceil__), __format__, __getnewargs__,
 * __getformat__, and the `real`/`imag` attributes.
 *
 * round(x, n) must be *correctly* rounded: round(2.675, 2) is 2.67 because
 * the double nearest 2.675 is slightly below it.  For n >= 0 printf's
 * "%.nf" (exact, ties to even) followed by strtod gives that; for n < 0 we
 * divide the exact binary value by 10**-n with GMP integers.
 */
#include "runtime/float.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <strings.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/float_impl.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static double value_of(MpyObject *self)
{
    return mpy_float_value(self);
}

static MpyObject *float_is_integer(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    double x = value_of(self);
    return mpy_bool_from(isfinite(x) && floor(x) == x);
}

static MpyObject *float_as_integer_ratio(MpyObject *self, MpyObject *const *args, size_t nargs,
                                         MpyObject *kwnames)
{
    double x = value_of(self);
    if (isinf(x))
        return mpy_err_format(mpy_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return mpy_err_format(mpy_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    // Scale the mantissa to an integer; each doubling moves one bit over.
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    MpyObject *n = mpy__int_from_mpz_take(num);
    MpyObject *d = mpy__int_from_mpz_take(den);
    MpyObject *t = (n && d) ? mpy_tuple_pack(2, n, d) : NULL;
    MPY_XDECREF(n);
    MPY_XDECREF(d);
    return t;
}

/* ------------------------------------------------------------------ */
/* hex() and fromhex()                                                  */

static MpyObject *float_hex(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    double x = value_of(self);
    if (isnan(x) || isinf(x))
        return mpy_float_repr_double(x);
    if (x == 0.0)
        return mpy_str_from_cstr(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    // Normalize to 1.xxx (or 0.xxx for subnormals) times 2**e.
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char buf[64], *p = buf;
    if (x < 0)
        *p++ = '-';
    int first = (int)m;
    m -= first;
    p += sprintf(p, "0x%x.", first);
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        int d = (int)m;
        m -= d;
        *p++ = "0123456789abcdef"[d];
    }
    sprintf(p, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return mpy_str_from_cstr(buf);
}

/* Parse C99 hex-float syntax as float.fromhex accepts it; the conversion
 * itself (with correct rounding) is strtod's.  Returns 0, 1 for malformed
 * text, 2 for overflow. */
static int parse_hex_float(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    size_t n;
    while ((n = mpy__num_space_len(p, end)) > 0)
        p += n;
    while (end > p && mpy__num_space_len(end - 1, end) == 1)
        end--;
    const char *body = p;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    size_t rest = (size_t)(end - p);
    if ((rest == 3 && strncasecmp(p, "inf", 3) == 0) ||
        (rest == 8 && strncasecmp(p, "infinity", 8) == 0) ||
        (rest == 3 && strncasecmp(p, "nan", 3) == 0)) {
        return mpy__parse_double(body, (size_t)(end - body), out) ? 0 : 1;
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
        p += 2;
    const char *digits = p;
    int ndigits = 0;
    while (p < end && (isxdigit((unsigned char)*p) || *p == '.')) {
        if (*p == '.' && memchr(digits, '.', (size_t)(p - digits)) != NULL)
            return 1;
        ndigits += *p != '.';
        p++;
    }
    if (ndigits == 0)
        return 1;
    const char *digits_end = p;
    const char *exp = "0";
    size_t exp_len = 1;
    if (p < end && (*p | 0x20) == 'p') {
        exp = ++p;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p == end || !isdigit((unsigned char)*p))
            return 1;
        while (p < end && isdigit((unsigned char)*p))
            p++;
        exp_len = (size_t)(p - exp);
    }
    if (p != end)
        return 1;
    size_t mlen = (size_t)(digits_end - digits);
    char *text = malloc(mlen + exp_len + 8);
    if (text == NULL)
        return 1;
    char *t = text;
    if (*body == '-')
        *t++ = '-';
    memcpy(t, "0x", 2);
    t += 2;
    memcpy(t, digits, mlen);
    t += mlen;
    *t++ = 'p';
    memcpy(t, exp, exp_len);
    t[exp_len] = '\0';
    *out = strtod(text, NULL);
    free(text);
    return isinf(*out) ? 2 : 0;
}

static MpyObject *float_fromhex(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    MpyObject *arg = args[0];
    if (!mpy_str_check(arg))
        return mpy_err_format(mpy_exc_TypeError, "fromhex() argument must be str, not %T", arg);
    double v;
    int status = parse_hex_float(mpy_str_utf8(arg), (size_t)mpy_str_size(arg), &v);
    if (status == 1)
        return mpy_err_format(mpy_exc_ValueError, "invalid hexadecimal floating-point string");
    if (status == 2)
        return mpy_err_format(mpy_exc_OverflowError,
                              "hexadecimal value too large to represent as a float");
    MpyObject *f = mpy_float_from_double(v);
    if (f == NULL || cls == (MpyObject *)&mpy_float_type)
        return f;
    MpyObject *sub = mpy_object_call1(cls, f);
    MPY_DECREF(f);
    return sub;
}

/* ------------------------------------------------------------------ */
/* Rounding                                                             */

/* round(x) with ties to even, as an int. */
static MpyObject *round_to_int(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return mpy__int_from_double_trunc(r);
}

/* x rounded to a multiple of 10**k (k > 0), ties to even, exactly. */
static MpyObject *round_to_tens(double x, unsigned long k)
{
    int e;
    double m = frexp(x, &e);
    mpz_t num, den, q, r, twice;
    mpz_inits(num, den, q, r, twice, NULL);
    mpz_set_d(num, ldexp(m, DBL_MANT_DIG));  // exact 53-bit integer
    e -= DBL_MANT_DIG;
    mpz_ui_pow_ui(den, 10, k);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_ui_pow_ui(den, 10, k);
    mpz_mul(q, q, den);
    bool overflow;
    double result = mpy__mpz_to_double(q, &overflow);
    mpz_clears(num, den, q, r, twice, NULL);
    if (overflow)
        return mpy_err_format(mpy_exc_OverflowError, "rounded value too large to represent");
    return mpy_float_from_double(result == 0.0 ? copysign(0.0, x) : result);
}

MpyObject *mpy__float_round_digits(double x, long ndigits)
{
    // Beyond these, rounding changes nothing / gives zero (CPython's
    // NDIGITS_MAX and NDIGITS_MIN for IEEE doubles).
    if (ndigits > 323 || !isfinite(x) || x == 0.0)
        return mpy_float_from_double(x);
    if (ndigits < -308)
        return mpy_float_from_double(0.0 * x);
    if (ndigits < 0)
        return round_to_tens(x, (unsigned long)-ndigits);
    char small[400];
    int n = snprintf(small, sizeof small, "%.*f", (int)ndigits, x);
    char *buf = small;
    if ((size_t)n >= sizeof small) {
        buf = mpy_mem_alloc((size_t)n + 1);
        if (buf == NULL)
            return NULL;
        snprintf(buf, (size_t)n + 1, "%.*f", (int)ndigits, x);
    }
    double r = strtod(buf, NULL);
    if (buf != small)
        mpy_mem_free(buf);
    if (isinf(r))
        return mpy_err_format(mpy_exc_OverflowError, "rounded value too large to represent");
    return mpy_float_from_double(r);
}

static MpyObject *float_round(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    static const char *const names[] = {"ndigits"};
    MpyObject *a[1];
    if (mpy__num_parse_args("__round__", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    double x = value_of(self);
    if (a[0] == NULL || a[0] == MPY_NONE)
        return round_to_int(x);
    MpyObject *nd = mpy_number_index(a[0]);
    if (nd == NULL)
        return NULL;
    long long n;
    if (!mpy_int_to_long_exact(nd, &n))
        n = mpy_int_sign(nd) > 0 ? 1000 : -1000;  // far beyond both limits
    MPY_DECREF(nd);
    return mpy__float_round_digits(x, (long)n);
}

static MpyObject *float_trunc(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    return mpy__int_from_double_trunc(value_of(self));
}

static MpyObject *float_floor(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    return mpy__int_from_double_trunc(floor(value_of(self)));
}

static MpyObject *float_ceil(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return mpy__int_from_double_trunc(ceil(value_of(self)));
}

/* ------------------------------------------------------------------ */
/* The rest                                                             */

static MpyObject *float_conjugate(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    if (mpy_float_check_exact(self))
        return MPY_NEWREF(self);
    return mpy_float_from_double(value_of(self));
}

static MpyObject *float_getnewargs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    MpyObject *f = mpy_float_from_double(value_of(self));
    if (f == NULL)
        return NULL;
    MpyObject *t = mpy_tuple_pack(1, f);
    MPY_DECREF(f);
    return t;
}

static MpyObject *float_getformat(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    MpyObject *arg = args[0];
    if (!mpy_str_check(arg))
        return mpy_err_format(mpy_exc_TypeError,
                              "__getformat__() argument must be str, not %T", arg);
    if (!mpy_str_equal_cstr(arg, "double") && !mpy_str_equal_cstr(arg, "float"))
        return mpy_err_format(mpy_exc_ValueError,
                              "__getformat__() argument 1 must be 'double' or 'float'");
    return mpy_str_from_cstr("IEEE, little-endian");
}

static MpyObject *float_format(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    MpyObject *spec = args[0];
    if (!mpy_str_check(spec))
        return mpy_err_format(mpy_exc_TypeError, "__format__() argument must be str, not %T",
                              spec);
    return mpy_format_float(self, spec);
}

const MpyMethodDef mpy__float_methods[] = {
    {"is_integer", float_is_integer, MPY_METH_NOARGS, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, MPY_METH_NOARGS,
     "Return integer ratio."},
    {"hex", float_hex, MPY_METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, MPY_METH_O | MPY_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"conjugate", float_conjugate, MPY_METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__round__", float_round, MPY_METH_FASTCALL, "Return the Integral closest to x, rounding half toward even."},
    {"__trunc__", float_trunc, MPY_METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, MPY_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, MPY_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__format__", float_format, MPY_METH_O, "Formats the float according to format_spec."},
    {"__getnewargs__", float_getnewargs, MPY_METH_NOARGS, NULL},
    {"__getformat__", float_getformat, MPY_METH_O | MPY_METH_CLASS,
     "You probably don't want to use this function."},
    {NULL, NULL, 0, NULL},
};

static MpyObject *get_real(MpyObject *self, void *closure)
{
    return float_conjugate(self, NULL, 0, NULL);
}

static MpyObject *get_imag(MpyObject *self, void *closure)
{
    return mpy_float_from_double(0.0);
}

const MpyGetSetDef mpy__float_getset[] = {
    {"real", get_real, NULL, "the real part of a complex number", NULL},
    {"imag", get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
