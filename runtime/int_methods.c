/* runtime/int_methods.c: the methods and attributes of int.
 *
 * Models the method table of CPython's Objects/longobject.c:
 * bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio, conjugate,
 * the numbers.Integral attributes (real, imag, numerator, denominator), the
 * rounding protocol used by round() and math (__round__, __trunc__,
 * __floor__, __ceil__), __format__, __sizeof__ and __getnewargs__.
 * The operator dunders (__add__ ...) are generated from the type's slots by
 * the type system and are not listed here.
 */
#include "runtime/int.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static size_t bit_length(mpz_srcptr z)
{
    return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
}

static MpyObject *int_bit_length(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyIntView v;
    return mpy_int_from_ulong(bit_length(mpy__int_view(self, &v)));
}

static MpyObject *int_bit_count(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    MpyIntView v;
    mpz_srcptr z = mpy__int_view(self, &v);
    if (mpz_sgn(z) >= 0)
        return mpy_int_from_ulong(mpz_popcount(z));
    mpz_t abs;
    mpz_init(abs);
    mpz_neg(abs, z);
    unsigned long n = mpz_popcount(abs);
    mpz_clear(abs);
    return mpy_int_from_ulong(n);
}

/* The byteorder argument: 1 for "big", -1 for "little" (mpz order).
 * Returns 0 with ValueError/TypeError set on failure. */
static int byte_order(MpyObject *o)
{
    if (o == NULL)
        return 1;
    if (!mpy_str_check(o)) {
        mpy_err_format(mpy_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T",
                       o);
        return 0;
    }
    if (mpy_str_equal_cstr(o, "big"))
        return 1;
    if (mpy_str_equal_cstr(o, "little"))
        return -1;
    mpy_err_set(mpy_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return 0;
}

static int flag_arg(MpyObject *o)
{
    return o == NULL ? 0 : mpy_object_is_true(o);
}

static MpyObject *int_to_bytes(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    MpyObject *a[3];
    if (mpy__num_parse_args("to_bytes()", args, nargs, kwnames, names, 3, 0, 0, a) < 0)
        return NULL;
    if (nargs > 2)
        return mpy_err_format(mpy_exc_TypeError,
                              "to_bytes() takes at most 2 positional arguments (%d given)",
                              (int)nargs);
    ptrdiff_t length = 1;
    if (a[0] != NULL && (length = mpy__num_index_ssize(a[0])) == -1 && mpy_err_occurred())
        return NULL;
    if (length < 0)
        return mpy_err_format(mpy_exc_ValueError, "length argument must be non-negative");
    int order = byte_order(a[1]);
    int is_signed = flag_arg(a[2]);
    if (order == 0 || is_signed < 0)
        return NULL;
    MpyIntView v;
    mpz_srcptr z = mpy__int_view(self, &v);
    if (!is_signed && mpz_sgn(z) < 0)
        return mpy_err_format(mpy_exc_OverflowError, "can't convert negative int to unsigned");
    // Range check: bits needed, with a sign bit for signed conversions.
    size_t need = bit_length(z);
    if (is_signed && mpz_sgn(z) < 0) {
        mpz_t t;  // -2**(k-1) needs only k bits
        mpz_init(t);
        mpz_com(t, z);
        need = bit_length(t) + 1;
        mpz_clear(t);
    } else if (is_signed) {
        need += 1;
    }
    if ((uint64_t)need > (uint64_t)length * 8)
        return mpy_err_format(mpy_exc_OverflowError, "int too big to convert");
    unsigned char *out = mpy_mem_calloc((size_t)length + 1, 1);
    if (out == NULL)
        return NULL;
    mpz_t t;
    mpz_init_set(t, z);
    if (mpz_sgn(t) < 0) {  // two's complement: add 2**(8*length)
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, (mp_bitcnt_t)length * 8);
        mpz_add(t, t, m);
        mpz_clear(m);
    }
    size_t count = 0, nbytes = (bit_length(t) + 7) / 8;
    if (nbytes > 0) {
        unsigned char *dst = order > 0 ? out + length - nbytes : out;
        mpz_export(dst, &count, order, 1, 0, 0, t);
    }
    MpyObject *bytes = mpy_bytes_from((const char *)out, (size_t)length);
    mpy_mem_free(out);
    mpz_clear(t);
    return bytes;
}

static MpyObject *int_from_bytes(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    MpyObject *a[3];
    if (mpy__num_parse_args("from_bytes()", args, nargs, kwnames, names, 3, 0, 1, a) < 0)
        return NULL;
    int order = byte_order(a[1]);
    int is_signed = flag_arg(a[2]);
    if (order == 0 || is_signed < 0)
        return NULL;
    MpyObject *bytes;
    if (mpy_bytes_check(a[0]))
        bytes = MPY_NEWREF(a[0]);
    else if (mpy_str_check(a[0]) || mpy_int_check(a[0])) // CPython's PyObject_Bytes refuses these
        return mpy_err_format(mpy_exc_TypeError, "cannot convert '%T' object to bytes", a[0]);
    else
        bytes = mpy_object_call1((MpyObject *)&mpy_bytes_type, a[0]);
    if (bytes == NULL)
        return NULL;
    const unsigned char *data = (const unsigned char *)mpy_bytes_data(bytes);
    size_t n = (size_t)mpy_bytes_size(bytes);
    mpz_t z;
    mpz_init(z);
    if (n > 0) {
        mpz_import(z, n, order, 1, 0, 0, data);
        unsigned char top = order > 0 ? data[0] : data[n - 1];
        if (is_signed && (top & 0x80)) {
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, m);
            mpz_clear(m);
        }
    }
    MPY_DECREF(bytes);
    MpyObject *result = mpy__int_from_mpz_take(z);
    if (result == NULL || cls == (MpyObject *)&mpy_int_type)
        return result;
    MpyObject *sub = mpy_object_call1(cls, result);
    MPY_DECREF(result);
    return sub;
}

static MpyObject *int_as_integer_ratio(MpyObject *self, MpyObject *const *args, size_t nargs,
                                       MpyObject *kwnames)
{
    MpyObject *n = mpy__int_exact_copy(self);
    if (n == NULL)
        return NULL;
    MpyObject *t = mpy_tuple_pack(2, n, mpy_small_int(1));
    MPY_DECREF(n);
    return t;
}

/* conjugate(), __trunc__(), __floor__(), __ceil__(), __index__: self as an exact int. */
static MpyObject *int_self(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return mpy__int_exact_copy(self);
}

MpyObject *mpy__int_round(MpyObject *n, MpyObject *ndigits)
{
    if (mpy_int_sign(ndigits) >= 0)
        return mpy__int_exact_copy(n);
    // Round to a multiple of 10**-ndigits, ties to even.
    MpyIntView vd, vn;
    mpz_srcptr zd = mpy__int_view(ndigits, &vd);
    mpz_srcptr zn = mpy__int_view(n, &vn);
    mpz_t k;
    mpz_init(k);
    mpz_neg(k, zd);
    // 10**k has more than 3.32*k bits; beyond |n| the answer is 0.
    if (!mpz_fits_ulong_p(k) || mpz_get_ui(k) > bit_length(zn) / 3 + 2) {
        mpz_clear(k);
        return mpy_small_int(0);
    }
    mpz_t pow10, q, r, twice;
    mpz_inits(pow10, q, r, twice, NULL);
    mpz_ui_pow_ui(pow10, 10, mpz_get_ui(k));
    mpz_fdiv_qr(q, r, zn, pow10);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, pow10);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, pow10);
    mpz_clears(k, pow10, r, twice, NULL);
    return mpy__int_from_mpz_take(q);
}

static MpyObject *int_round_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    static const char *const names[] = {"ndigits"};
    MpyObject *a[1];
    if (mpy__num_parse_args("__round__", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    if (a[0] == NULL || a[0] == MPY_NONE)
        return mpy__int_exact_copy(self);
    MpyObject *nd = mpy_number_index(a[0]);
    if (nd == NULL)
        return NULL;
    MpyObject *r = mpy__int_round(self, nd);
    MPY_DECREF(nd);
    return r;
}

static MpyObject *int_format(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyObject *spec = args[0];
    if (!mpy_str_check(spec))
        return mpy_err_format(mpy_exc_TypeError, "__format__() argument must be str, not %T",
                              spec);
    return mpy_format_int(self, spec);
}

/* CPython's size: a 24-byte header plus 4 bytes per 30-bit digit (at least one). */
static MpyObject *int_sizeof(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyIntView v;
    size_t digits = (bit_length(mpy__int_view(self, &v)) + 29) / 30;
    return mpy_int_from_ulong(24 + 4 * (digits == 0 ? 1 : digits));
}

static MpyObject *int_getnewargs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyObject *n = mpy__int_exact_copy(self);
    if (n == NULL)
        return NULL;
    MpyObject *t = mpy_tuple_pack(1, n);
    MPY_DECREF(n);
    return t;
}

const MpyMethodDef mpy__int_methods[] = {
    {"bit_length", int_bit_length, MPY_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, MPY_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes, MPY_METH_FASTCALL, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, MPY_METH_FASTCALL | MPY_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, MPY_METH_NOARGS,
     "Return integer ratio: a pair of integers whose ratio equals self."},
    {"conjugate", int_self, MPY_METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"__trunc__", int_self, MPY_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_self, MPY_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, MPY_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_method, MPY_METH_FASTCALL,
     "Rounding an Integral returns itself.\nRounding with an ndigits argument also returns an integer."},
    {"__format__", int_format, MPY_METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, MPY_METH_NOARGS, "Returns size in memory, in bytes."},
    {"__getnewargs__", int_getnewargs, MPY_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpyObject *get_self(MpyObject *self, void *closure)
{
    return mpy__int_exact_copy(self);
}

static MpyObject *get_zero(MpyObject *self, void *closure)
{
    return mpy_small_int(0);
}

static MpyObject *get_one(MpyObject *self, void *closure)
{
    return mpy_small_int(1);
}

const MpyGetSetDef mpy__int_getset[] = {
    {"real", get_self, NULL, "the real part of a complex number", NULL},
    {"imag", get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
