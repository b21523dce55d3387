/* runtime/int.c: the int type: representation, conversions, text, hashing.
 *
 * Models the core of CPython's Objects/longobject.c.  An int is either a
 * tagged word (|v| < 2**62, see object.h) or an MpyIntObject wrapping a GMP
 * mpz_t.  This file holds what is about *values*: building ints from C
 * numbers, doubles and text, converting them back, int <-> str in any base
 * (with CPython's 4300-digit guard against quadratic-time conversions),
 * hashing and comparison, the `int(x, base)` constructor and the type
 * object itself.  Arithmetic is in int_arith.c, methods in int_methods.c.
 *
 * Invariant: an object of exact type `int` never holds a value in the
 * tagged range; every result goes through mpy__int_from_mpz_take, which
 * picks the representation.  Bools and subclass instances are always
 * boxed.
 *
 * GMP memory: GMP has no way to report a failed allocation except by
 * aborting.  We route its allocations through our own functions (so they
 * show up in one place), and refuse operations whose result would be
 * absurdly large before calling GMP (mpy__int_check_bits).
 */
#include "runtime/int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/init.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

int mpy_int_max_str_digits = 4300;

/* ------------------------------------------------------------------ */
/* GMP memory and start-up                                              */

static void gmp_out_of_memory(size_t n)
{
    fprintf(stderr, "minipy: fatal error: out of memory (GMP wanted %zu bytes)\n", n);
    abort();
}

static void *gmp_alloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL)
        gmp_out_of_memory(n);
    return p;
}

static void *gmp_realloc(void *p, size_t old_size, size_t n)
{
    (void)old_size;
    void *q = realloc(p, n);
    if (q == NULL)
        gmp_out_of_memory(n);
    return q;
}

static void gmp_free(void *p, size_t size)
{
    (void)size;
    free(p);
}

int mpy__int_init(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    mpz_init_set_ui(mpy__true.value, 1);
    mpz_init_set_ui(mpy__false.value, 0);
    return 0;
}

void mpy__int_fini(void)
{
    mpz_clear(mpy__true.value);
    mpz_clear(mpy__false.value);
}

int mpy__int_check_bits(uint64_t bits)
{
    if (bits > MPY__INT_MAX_BITS) {
        mpy_err_no_memory();
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Building ints                                                        */

static void int_dealloc(MpyObject *self)
{
    mpz_clear(((MpyIntObject *)self)->value);
    mpy_object_free(self);
}

MpyObject *mpy__int_from_mpz_take(mpz_ptr v)
{
    if (mpz_fits_slong_p(v)) {
        long x = mpz_get_si(v);
        if (mpy_small_int_fits(x)) {
            mpz_clear(v);
            return mpy_small_int(x);
        }
    }
    MpyIntObject *o = (MpyIntObject *)mpy_object_alloc(&mpy_int_type);
    if (o == NULL) {
        mpz_clear(v);
        return NULL;
    }
    // Move the limbs: the object now owns what `v` pointed at.
    *o->value = *v;
    return (MpyObject *)o;
}

/* A boxed exact int for a value known to be outside the tagged range. */
static MpyObject *int_box_si(long long v)
{
    MpyIntObject *o = (MpyIntObject *)mpy_object_alloc(&mpy_int_type);
    if (o == NULL)
        return NULL;
    mpz_init_set_si(o->value, v);
    return (MpyObject *)o;
}

MpyObject *mpy_int_from_long(long long v)
{
    if (mpy_small_int_fits(v))
        return mpy_small_int((intptr_t)v);
    return int_box_si(v);
}

MpyObject *mpy_int_from_ulong(unsigned long long v)
{
    if (v <= (unsigned long long)MPY_SMALLINT_MAX)
        return mpy_small_int((intptr_t)v);
    MpyIntObject *o = (MpyIntObject *)mpy_object_alloc(&mpy_int_type);
    if (o == NULL)
        return NULL;
    mpz_init_set_ui(o->value, v);
    return (MpyObject *)o;
}

MpyObject *mpy_int_from_ssize(ptrdiff_t v)
{
    return mpy_int_from_long(v);
}

MpyObject *mpy_int_from_mpz(const mpz_t v)
{
    mpz_t copy;
    mpz_init_set(copy, v);
    return mpy__int_from_mpz_take(copy);
}

MpyObject *mpy__int_from_double_trunc(double v)
{
    if (isnan(v))
        return mpy_err_format(mpy_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(v))
        return mpy_err_format(mpy_exc_OverflowError, "cannot convert float infinity to integer");
    // 2**62 is exactly representable: every double strictly inside fits.
    if (v > -4611686018427387904.0 && v < 4611686018427387904.0)
        return mpy_small_int((intptr_t)v);
    mpz_t z;
    mpz_init_set_d(z, v);
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy_int_from_double(double v)
{
    return mpy__int_from_double_trunc(v);
}

MpyObject *mpy__int_exact_copy(MpyObject *o)
{
    if (mpy_int_check_exact(o))
        return MPY_NEWREF(o);
    mpz_t z;
    mpz_init_set(z, ((MpyIntObject *)o)->value);
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_new_subtype(MpyType *type, MpyObject *value)
{
    if (type == &mpy_int_type)
        return mpy__int_exact_copy(value);
    MpyIntObject *o = (MpyIntObject *)mpy_object_alloc(type);
    if (o == NULL)
        return NULL;
    MpyIntView view;
    mpz_init_set(o->value, mpy__int_view(value, &view));
    return (MpyObject *)o;
}

/* ------------------------------------------------------------------ */
/* Conversions to C                                                     */

static MpyObject *not_an_int(MpyObject *o)
{
    return mpy_err_format(mpy_exc_TypeError, "an integer is required (got type %T)", o);
}

bool mpy_int_to_long_exact(MpyObject *o, long long *out)
{
    if (mpy_is_small_int(o)) {
        *out = mpy_small_int_value(o);
        return true;
    }
    if (!mpy_int_check(o))
        return false;
    mpz_srcptr z = ((MpyIntObject *)o)->value;
    if (!mpz_fits_slong_p(z))
        return false;
    *out = mpz_get_si(z);
    return true;
}

long long mpy_int_as_long(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return mpy_small_int_value(o);
    if (!mpy_int_check(o)) {
        not_an_int(o);
        return -1;
    }
    long long v;
    if (mpy_int_to_long_exact(o, &v))
        return v;
    mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C long");
    return -1;
}

ptrdiff_t mpy_int_as_ssize(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return mpy_small_int_value(o);
    if (!mpy_int_check(o)) {
        not_an_int(o);
        return -1;
    }
    long long v;
    if (mpy_int_to_long_exact(o, &v))
        return (ptrdiff_t)v;
    mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

double mpy__mpz_to_double(mpz_srcptr z, bool *overflow)
{
    *overflow = false;
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 53)
        return mpz_get_d(z);  // exact
    if (bits > 1024) {
        *overflow = true;
        return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    // Keep the top 55 bits plus a "sticky" bit for everything below, then
    // let the uint64 -> double conversion round half to even.
    size_t shift = bits - 55;
    mpz_t top;
    mpz_init(top);
    mpz_tdiv_q_2exp(top, z, shift);
    uint64_t q = mpz_getlimbn(top, 0);
    mpz_clear(top);
    if (mpz_scan1(z, 0) < shift)
        q |= 1;
    double d = ldexp((double)q, (int)shift);
    if (isinf(d)) {
        *overflow = true;
        return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

double mpy_int_as_double(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return (double)mpy_small_int_value(o);
    if (!mpy_int_check(o)) {
        not_an_int(o);
        return -1.0;
    }
    bool overflow;
    double d = mpy__mpz_to_double(((MpyIntObject *)o)->value, &overflow);
    if (overflow) {
        mpy_err_set(mpy_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

void mpy_int_to_mpz(MpyObject *o, mpz_t out)
{
    MpyIntView view;
    mpz_set(out, mpy__int_view(o, &view));
}

int mpy_int_sign(MpyObject *o)
{
    if (mpy_is_small_int(o)) {
        intptr_t v = mpy_small_int_value(o);
        return (v > 0) - (v < 0);
    }
    return mpz_sgn(((MpyIntObject *)o)->value);
}

/* ------------------------------------------------------------------ */
/* int -> text                                                          */

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Write |v| in `base` backwards ending at `end`.  Returns the start. */
static char *write_digits_backwards(unsigned long long v, int base, char *end)
{
    if (base == 10) {
        do {  // a constant divisor compiles to a multiplication
            *--end = (char)('0' + v % 10);
            v /= 10;
        } while (v != 0);
        return end;
    }
    do {
        *--end = digit_chars[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v != 0);
    return end;
}

static MpyObject *too_many_digits_to_str(void)
{
    return mpy_err_format(mpy_exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion; "
                          "use sys.set_int_max_str_digits() to increase the limit",
                          mpy_int_max_str_digits);
}

/* Text of int `o` with an optional prefix ("0x") after the sign. */
static MpyObject *int_to_text(MpyObject *o, int base, const char *prefix)
{
    size_t plen = strlen(prefix);
    if (mpy_is_small_int(o)) {
        char buf[80];
        intptr_t v = mpy_small_int_value(o);
        unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
        char *p = write_digits_backwards(mag, base, buf + sizeof buf);
        p -= plen;
        memcpy(p, prefix, plen);
        if (v < 0)
            *--p = '-';
        return mpy_str_from_utf8_trusted(p, (size_t)(buf + sizeof buf - p));
    }
    mpz_srcptr z = ((MpyIntObject *)o)->value;
    size_t ndigits = mpz_sizeinbase(z, base);  // exact, or one too many
    bool limited = base == 10 && mpy_int_max_str_digits > 0;
    if (limited && ndigits > (size_t)mpy_int_max_str_digits + 1)
        return too_many_digits_to_str();
    char *buf = mpy_mem_alloc(ndigits + plen + 3);
    if (buf == NULL)
        return NULL;
    char *digits = buf + plen + 1;
    mpz_get_str(digits, base, z);
    size_t n = strlen(digits);
    bool neg = digits[0] == '-';
    if (limited && n - neg > (size_t)mpy_int_max_str_digits) {
        mpy_mem_free(buf);
        return too_many_digits_to_str();
    }
    // Lay out [-][prefix]digits in front of the magnitude.
    char *p = digits + neg;
    p -= plen;
    memmove(p, prefix, plen);
    if (neg)
        *--p = '-';
    MpyObject *s = mpy_str_from_utf8_trusted(p, n - neg + plen + neg);
    mpy_mem_free(buf);
    return s;
}

MpyObject *mpy_int_to_string(MpyObject *o, int base)
{
    return int_to_text(o, base, "");
}

MpyObject *mpy_int_to_prefixed_string(MpyObject *o, int base)
{
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    return int_to_text(o, base, prefix);
}

static MpyObject *int_repr(MpyObject *self)
{
    return int_to_text(self, 10, "");
}

/* ------------------------------------------------------------------ */
/* text -> int                                                          */

/* Length in bytes of the (ASCII) whitespace character at p, or 0.
 * Non-ASCII text was mapped to ASCII first (mpy__num_to_ascii). */
static size_t space_len(const unsigned char *p, const unsigned char *end)
{
    if (p >= end)
        return 0;
    unsigned c = p[0];
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

size_t mpy__num_space_len(const char *p, const char *end)
{
    return space_len((const unsigned char *)p, (const unsigned char *)end);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Parse Python int syntax.  Returns 0 with *out set, 1 for a malformed
 * literal (no exception set: the caller words the message), -1 with an
 * exception set (digit limit, memory). */
static int parse_ascii_int(const char *text, size_t len, int base, MpyObject **out)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    size_t n;
    while ((n = space_len(p, end)) > 0)
        p += n;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    bool after_prefix = false, zeros_only = false;
    if (p + 1 < end && p[0] == '0') {
        int c = p[1] | 0x20, pbase = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pbase != 0 && (base == 0 || base == pbase)) {
            base = pbase;
            p += 2;
            after_prefix = true;
        }
    }
    if (base == 0) {
        // "0" followed by more digits is the old octal syntax: only zeros allowed.
        zeros_only = p < end && *p == '0';
        base = 10;
    }
    char small[64], *digits = small;
    size_t cap = sizeof small, ndigits = 0;
    bool prev_digit = after_prefix;  // one '_' may follow the prefix
    int status = 0;
    for (; p < end && space_len(p, end) == 0; p++) {
        if (*p == '_') {
            if (!prev_digit) {
                status = 1;
                break;
            }
            prev_digit = false;
            continue;
        }
        if (digit_value(*p) >= base || (zeros_only && *p != '0')) {
            status = 1;
            break;
        }
        if (ndigits + 2 > cap) {
            size_t ncap = cap * 2 < len + 2 ? len + 2 : cap * 2;
            char *nd = digits == small ? mpy_mem_alloc(ncap) : mpy_mem_realloc(digits, ncap);
            if (nd == NULL) {
                status = -1;
                break;
            }
            if (digits == small)
                memcpy(nd, small, ndigits);
            digits = nd, cap = ncap;
        }
        digits[ndigits++] = (char)*p;
        prev_digit = true;
    }
    while ((n = space_len(p, end)) > 0)
        p += n;
    if (status != 0) {
        // malformed, or out of memory: nothing more to do
    } else if (p != end || ndigits == 0 || !prev_digit) {
        status = 1;
    } else if ((base & (base - 1)) != 0 && mpy_int_max_str_digits > 0 &&
               ndigits > (size_t)mpy_int_max_str_digits) {
        mpy_err_format(mpy_exc_ValueError,
                       "Exceeds the limit (%d digits) for integer string conversion: value has "
                       "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                       mpy_int_max_str_digits, ndigits);
        status = -1;
    } else {
        digits[ndigits] = '\0';
        mpz_t z;
        mpz_init_set_str(z, digits, base);  // digits were validated above
        if (neg)
            mpz_neg(z, z);
        *out = mpy__int_from_mpz_take(z);
        status = *out == NULL ? -1 : 0;
    }
    if (digits != small)
        mpy_mem_free(digits);
    return status;
}

static int parse_int(const char *text, size_t len, int base, MpyObject **out)
{
    size_t alen;
    char *ascii = mpy__num_to_ascii(text, len, &alen);
    if (ascii == NULL)
        return mpy_err_occurred() ? -1 : parse_ascii_int(text, len, base, out);
    int status = parse_ascii_int(ascii, alen, base, out);
    mpy_mem_free(ascii);
    return status;
}

/* "invalid literal for int() with base 10: 'abc'", the repr cut at 200. */
static MpyObject *invalid_literal(MpyObject *repr, int base)
{
    if (repr == NULL)
        return NULL;
    if (mpy_str_length(repr) > 200) {
        MpyObject *cut = mpy_str_substring(repr, 0, 200);
        MPY_DECREF(repr);
        if (cut == NULL)
            return NULL;
        repr = cut;
    }
    mpy_err_format(mpy_exc_ValueError, "invalid literal for int() with base %d: %U", base, repr);
    MPY_DECREF(repr);
    return NULL;
}

MpyObject *mpy_int_from_string(const char *s, size_t len, int base)
{
    MpyObject *result = NULL;
    int status = parse_int(s, len, base, &result);
    if (status == 0)
        return result;
    if (status < 0)
        return NULL;
    MpyObject *text = mpy_str_from_utf8(s, len);
    if (text == NULL)
        return NULL;
    MpyObject *repr = mpy_object_repr(text);
    MPY_DECREF(text);
    return invalid_literal(repr, base);
}

/* int(x, base) for str, bytes and bytearray; NULL + TypeError otherwise
 * when `strict`, NULL without an exception when not. */
static MpyObject *int_from_text_object(MpyObject *x, int base)
{
    const char *data;
    size_t size;
    if (mpy_str_check(x)) {
        data = mpy_str_utf8(x);
        size = (size_t)mpy_str_size(x);
    } else if (mpy_bytes_check(x)) {
        data = mpy_bytes_data(x);
        size = (size_t)mpy_bytes_size(x);
    } else if (mpy_bytearray_check(x)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)x;
        data = ba->data != NULL ? ba->data : "";
        size = (size_t)ba->size;
    } else {
        return NULL;
    }
    MpyObject *result = NULL;
    int status = parse_int(data, size, base, &result);
    if (status == 0)
        return result;
    if (status < 0)
        return NULL;
    return invalid_literal(mpy_object_repr(x), base);
}

/* ------------------------------------------------------------------ */
/* The int() constructor                                                */

/* Check what an __int__ / __index__ returned; make it an exact int. */
static MpyObject *exact_int_result(MpyObject *r, const char *method)
{
    if (r == NULL || mpy_int_check_exact(r))
        return r;
    if (!mpy_int_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "%s returned non-int (type %T)", method, r);
        MPY_DECREF(r);
        return NULL;
    }
    MpyObject *copy = mpy__int_exact_copy(r);
    MPY_DECREF(r);
    return copy;
}

/* int(x) for one argument (CPython's PyNumber_Long). */
static MpyObject *int_from_object(MpyObject *x)
{
    if (mpy_int_check_exact(x))
        return MPY_NEWREF(x);
    MpyType *type = MPY_TYPE(x);
    if (type->nb_int != NULL)
        return exact_int_result(type->nb_int(x), "__int__");
    if (type->nb_index != NULL)
        return exact_int_result(type->nb_index(x), "__index__");
    MpyObject *trunc = mpy_type_lookup(type, MPY_ID(__trunc__));
    if (trunc != NULL) {
        MpyObject *r = mpy_object_call_method(x, MPY_ID(__trunc__), NULL, 0);
        if (r == NULL || mpy_int_check(r))
            return exact_int_result(r, "__trunc__");
        if (MPY_TYPE(r)->nb_index == NULL) {
            mpy_err_format(mpy_exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
            MPY_DECREF(r);
            return NULL;
        }
        MpyObject *i = exact_int_result(MPY_TYPE(r)->nb_index(r), "__index__");
        MPY_DECREF(r);
        return i;
    }
    MpyObject *r = int_from_text_object(x, 10);
    if (r == NULL && mpy_err_occurred() == NULL)
        mpy_err_format(mpy_exc_TypeError,
                       "int() argument must be a string, a bytes-like object or a real number, "
                       "not '%s'",
                       type->name);
    return r;
}

static MpyObject *int_new(MpyType *type, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    static const char *const names[] = {"", "base"};
    MpyObject *a[2];
    if (mpy__num_parse_args("int()", args, nargs, kwnames, names, 2, 1, 0, a) < 0)
        return NULL;
    MpyObject *value;
    if (a[1] == NULL) {
        value = a[0] == NULL ? mpy_small_int(0) : int_from_object(a[0]);
    } else {
        if (a[0] == NULL)
            return mpy_err_format(mpy_exc_TypeError, "int() missing string argument");
        ptrdiff_t base = mpy__num_index_ssize(a[1]);
        if (base == -1 && mpy_err_occurred())
            return NULL;
        if (base != 0 && (base < 2 || base > 36))
            return mpy_err_format(mpy_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        value = int_from_text_object(a[0], (int)base);
        if (value == NULL && mpy_err_occurred() == NULL)
            return mpy_err_format(mpy_exc_TypeError,
                                  "int() can't convert non-string with explicit base");
    }
    if (value == NULL || type == &mpy_int_type)
        return value;
    MpyObject *result = mpy__int_new_subtype(type, value);
    MPY_DECREF(value);
    return result;
}

/* ------------------------------------------------------------------ */
/* Hashing and comparison                                               */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

MpyHash mpy_int_hash(MpyObject *o)
{
    MpyHash h;
    if (mpy_is_small_int(o)) {
        intptr_t v = mpy_small_int_value(o);
        h = v >= 0 ? (MpyHash)((uint64_t)v % HASH_MODULUS)
                   : -(MpyHash)((0 - (uint64_t)v) % HASH_MODULUS);
    } else {
        mpz_srcptr z = ((MpyIntObject *)o)->value;
        h = (MpyHash)mpz_tdiv_ui(z, HASH_MODULUS);  // |z| mod M
        if (mpz_sgn(z) < 0)
            h = -h;
    }
    return h == -1 ? -2 : h;
}

int mpy_int_compare(MpyObject *a, MpyObject *b)
{
    if (mpy_is_small_int(a) && mpy_is_small_int(b))
        return ((intptr_t)a > (intptr_t)b) - ((intptr_t)a < (intptr_t)b);
    MpyIntView va, vb;
    int c = mpz_cmp(mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return (c > 0) - (c < 0);
}

static MpyObject *int_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_int_check(a) || !mpy_int_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    int c = mpy_int_compare(a, b);
    bool r;
    switch (op) {
    case MPY_LT: r = c < 0; break;
    case MPY_LE: r = c <= 0; break;
    case MPY_EQ: r = c == 0; break;
    case MPY_NE: r = c != 0; break;
    case MPY_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return mpy_bool_from(r);
}

/* nb_int / nb_index: an exact int with the same value. */
static MpyObject *int_int(MpyObject *self)
{
    return mpy__int_exact_copy(self);
}

/* ------------------------------------------------------------------ */
/* The type object                                                      */

MpyType mpy_int_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "int",
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.",
    .basicsize = sizeof(MpyIntObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_INT_SUBCLASS | MPY_TPFLAGS_IMMUTABLETYPE,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = mpy_int_hash,
    .richcompare = int_richcompare,
    .new = int_new,
    .nb[MPY_NB_ADD] = mpy__int_add,
    .nb[MPY_NB_SUBTRACT] = mpy__int_sub,
    .nb[MPY_NB_MULTIPLY] = mpy__int_mul,
    .nb[MPY_NB_FLOOR_DIVIDE] = mpy__int_floordiv,
    .nb[MPY_NB_REMAINDER] = mpy__int_mod,
    .nb[MPY_NB_TRUE_DIVIDE] = mpy__int_truediv,
    .nb[MPY_NB_POWER] = mpy__int_pow,
    .nb[MPY_NB_LSHIFT] = mpy__int_lshift,
    .nb[MPY_NB_RSHIFT] = mpy__int_rshift,
    .nb[MPY_NB_AND] = mpy__int_and,
    .nb[MPY_NB_OR] = mpy__int_or,
    .nb[MPY_NB_XOR] = mpy__int_xor,
    .nb_power3 = mpy__int_pow3,
    .nb_divmod = mpy__int_divmod,
    .nb_negative = mpy__int_neg,
    .nb_positive = mpy__int_pos,
    .nb_absolute = mpy__int_abs,
    .nb_invert = mpy__int_invert,
    .nb_bool = mpy__int_bool,
    .nb_int = int_int,
    .nb_float = mpy__int_float,
    .nb_index = int_int,
    .methods = mpy__int_methods,
    .getset = mpy__int_getset,
};
