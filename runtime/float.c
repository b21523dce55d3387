/* runtime/float.c: the float type: storage, arithmetic, comparison, hash.
 *
 * Models CPython's Objects/floatobject.c.  A float is a boxed C double.
 *
 * Allocation: freed exact floats are kept on a per-thread free list
 * (MpyThreadState.float_freelist, linked through ob_type as CPython does),
 * so `x * y + z` in a loop recycles the same few blocks instead of calling
 * malloc and free.  Only the owning thread touches its list, so neither
 * build needs a lock.
 *
 * Semantics kept from CPython:
 *  - // and % round towards minus infinity; % takes the sign of the
 *    divisor; both raise ZeroDivisionError (with CPython's messages) instead
 *    of returning inf/nan;
 *  - float ** float overflowing raises OverflowError, a negative base with
 *    a fractional exponent gives a complex number;
 *  - comparisons with ints are exact, even beyond 2**53 (2**53 + 1 > 2.0**53);
 *  - hash(x) == hash(n) when x == n, using the same modulus 2**61 - 1, and a
 *    NaN hashes by identity.
 * Methods (hex, fromhex, as_integer_ratio, __round__ ...) are in
 * float_methods.c; text conversion is in float_repr.c.
 */
#include "runtime/float.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/float_impl.h"
#include "runtime/format_spec.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define FREELIST_MAX 100

/* ------------------------------------------------------------------ */
/* Allocation                                                           */

MpyObject *mpy_float_from_double(double v)
{
    MpyThreadState *ts = mpy__tstate;
    MpyFloatObject *f;
    if (ts != NULL && ts->float_freelist != NULL) {
        f = (MpyFloatObject *)ts->float_freelist;
        ts->float_freelist = (MpyObject *)f->ob_base.ob_type;
        ts->float_freelist_len--;
        f->ob_base.ob_type = &mpy_float_type;
        mpy__refcnt_init(&f->ob_base);
    } else {
        f = (MpyFloatObject *)mpy_object_alloc(&mpy_float_type);
        if (f == NULL)
            return NULL;
    }
    f->value = v;
    return (MpyObject *)f;
}

static void float_dealloc(MpyObject *self)
{
    MpyThreadState *ts = mpy__tstate;
    if (self->ob_type == &mpy_float_type && ts != NULL && ts->float_freelist_len < FREELIST_MAX) {
        self->ob_type = (MpyType *)ts->float_freelist;
        ts->float_freelist = self;
        ts->float_freelist_len++;
        return;
    }
    mpy_object_free(self);
}

void mpy__float_freelist_clear(void *tstate)
{
    MpyThreadState *ts = tstate;
    while (ts->float_freelist != NULL) {
        MpyObject *f = ts->float_freelist;
        ts->float_freelist = (MpyObject *)f->ob_type;
        f->ob_type = &mpy_float_type;
        mpy_object_free(f);
    }
    ts->float_freelist_len = 0;
}

/* A float of `type` (float or a subclass). */
static MpyObject *float_new_of_type(MpyType *type, double v)
{
    if (type == &mpy_float_type)
        return mpy_float_from_double(v);
    MpyFloatObject *f = (MpyFloatObject *)mpy_object_alloc(type);
    if (f != NULL)
        f->value = v;
    return (MpyObject *)f;
}

/* ------------------------------------------------------------------ */
/* Conversions                                                          */

int mpy__float_operand(MpyObject *o, double *out)
{
    if (mpy_is_small_int(o)) {
        *out = (double)mpy_small_int_value(o);
        return 1;
    }
    if (o->ob_type == &mpy_float_type || mpy_float_check(o)) {
        *out = ((MpyFloatObject *)o)->value;
        return 1;
    }
    if (mpy_int_check(o)) {
        *out = mpy_int_as_double(o);
        return (*out == -1.0 && mpy_err_occurred()) ? -1 : 1;
    }
    return 0;
}

MpyObject *mpy_float_from_string(const char *s, size_t len)
{
    double v;
    if (mpy__parse_double(s, len, &v))
        return mpy_float_from_double(v);
    MpyObject *text = mpy_str_from_utf8(s, len);
    if (text == NULL)
        return NULL;
    mpy_err_format(mpy_exc_ValueError, "could not convert string to float: %R", text);
    MPY_DECREF(text);
    return NULL;
}

/* float(x) for str, bytes and bytearray; NULL without an exception when
 * x is none of them. */
static MpyObject *float_from_text_object(MpyObject *x)
{
    const char *data;
    size_t size;
    if (mpy_str_check(x))
        return mpy_float_from_string(mpy_str_utf8(x), (size_t)mpy_str_size(x));
    if (mpy_bytes_check(x)) {
        data = mpy_bytes_data(x);
        size = (size_t)mpy_bytes_size(x);
    } else if (mpy_bytearray_check(x)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)x;
        data = ba->data != NULL ? ba->data : "";
        size = (size_t)ba->size;
    } else {
        return NULL;
    }
    double v;
    if (mpy__parse_double(data, size, &v))
        return mpy_float_from_double(v);
    return mpy_err_format(mpy_exc_ValueError, "could not convert string to float: %R", x);
}

/* Call __float__ and check the result.  Returns 0 / -1. */
static int call_nb_float(MpyObject *o, double *out)
{
    MpyObject *r = MPY_TYPE(o)->nb_float(o);
    if (r == NULL)
        return -1;
    if (!mpy_float_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "%T.__float__ returned non-float (type %T)", o, r);
        MPY_DECREF(r);
        return -1;
    }
    *out = mpy_float_value(r);
    MPY_DECREF(r);
    return 0;
}

double mpy_float_as_double(MpyObject *o)
{
    double v;
    int r = mpy__float_operand(o, &v);
    if (r != 0)
        return v;
    MpyType *type = MPY_TYPE(o);
    if (type->nb_float != NULL)
        return call_nb_float(o, &v) < 0 ? -1.0 : v;
    if (type->nb_index != NULL) {
        MpyObject *i = mpy_number_index(o);
        if (i == NULL)
            return -1.0;
        v = mpy_int_as_double(i);
        MPY_DECREF(i);
        return v;
    }
    mpy_err_format(mpy_exc_TypeError, "must be real number, not %T", o);
    return -1.0;
}

static MpyObject *float_new(MpyType *type, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0)
        return mpy_err_format(mpy_exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "float expected at most 1 argument, got %d",
                              (int)nargs);
    if (nargs == 0)
        return float_new_of_type(type, 0.0);
    MpyObject *x = args[0];
    double v;
    if (mpy_float_check_exact(x) && type == &mpy_float_type)
        return MPY_NEWREF(x);
    if (mpy_float_check(x) || mpy_int_check(x) || MPY_TYPE(x)->nb_float != NULL ||
        MPY_TYPE(x)->nb_index != NULL) {
        v = mpy_float_as_double(x);
        if (v == -1.0 && mpy_err_occurred())
            return NULL;
        return float_new_of_type(type, v);
    }
    MpyObject *f = float_from_text_object(x);
    if (f == NULL) {
        if (mpy_err_occurred() == NULL)
            mpy_err_format(mpy_exc_TypeError,
                           "float() argument must be a string or a real number, not '%s'",
                           mpy_type_name_of(x));
        return NULL;
    }
    if (type == &mpy_float_type)
        return f;
    MpyObject *sub = float_new_of_type(type, mpy_float_value(f));
    MPY_DECREF(f);
    return sub;
}

/* ------------------------------------------------------------------ */
/* repr, hash, truth                                                    */

/* repr() of the common floats without the C library: CPython shows the
 * shortest decimal that reads back as the same double.  For plain
 * notation (1e-4 <= |v| < 1e16) try k = 0, 1, 2 ... decimals: the k-digit
 * decimal nearest to v is q / 10**k with q = round(|v| * 10**k) (exact,
 * mpy__double_round_scaled), and it reads back as v when q / 10**k, one
 * correctly rounded division of two exact doubles (q < 2**52, k <= 15),
 * equals |v|.  The first k that works gives the shortest text (a shorter
 * one would read back too at a smaller k), and of that length the digits
 * nearest to v, as CPython's dtoa.c picks.  Values that need 16 or 17
 * digits (0.1 + 0.2) leave for the general path.
 * Returns: the length written to buf (>= 32 bytes), or -1. */
static int repr_fast(double v, char *buf)
{
    static const double pow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    double mag = fabs(v);
    if (!(mag >= 1e-4 && mag < 1e16))
        return -1;
    for (int k = 0; k < 16; k++) {
        uint64_t q;
        if (!mpy__double_round_scaled(mag, k, &q) || q >= (1ull << 52))
            return -1;
        if ((double)q / pow10[k] != mag)
            continue;
        char digits[24], *end = digits + sizeof digits, *d = end;
        do {
            *--d = (char)('0' + q % 10);
            q /= 10;
        } while (q != 0);
        int nd = (int)(end - d);
        char *out = buf;
        if (signbit(v))
            *out++ = '-';
        if (nd <= k) {  // 0.000ddd
            *out++ = '0';
            *out++ = '.';
            memset(out, '0', (size_t)(k - nd));
            out += k - nd;
            memcpy(out, d, (size_t)nd);
            out += nd;
        } else {
            memcpy(out, d, (size_t)(nd - k));
            out += nd - k;
            *out++ = '.';
            if (k == 0) {
                *out++ = '0';  // 100.0
            } else {
                memcpy(out, d + nd - k, (size_t)k);
                out += k;
            }
        }
        return (int)(out - buf);
    }
    return -1;
}

static MpyObject *float_repr(MpyObject *self)
{
    char buf[48];
    int n = repr_fast(mpy_float_value(self), buf);
    if (n >= 0)
        return mpy_str_from_utf8_trusted(buf, (size_t)n);
    return mpy_float_repr_double(mpy_float_value(self));
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

/* CPython's _Py_HashDouble: reduce the exact value m * 2**e modulo
 * 2**61 - 1, so integral floats hash like the equal int.  The mantissa is
 * consumed 28 bits at a time; multiplying by 2**k modulo 2**61 - 1 is a
 * rotation of the 61-bit word. */
MpyHash mpy_float_hash_double(double v)
{
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    MpyHash h = (MpyHash)x * sign;
    return h == -1 ? -2 : h;
}

static MpyHash float_hash(MpyObject *self)
{
    double v = mpy_float_value(self);
    if (isnan(v)) {
        // By identity, like CPython's _Py_HashPointer: rotate out the
        // alignment bits.
        uintptr_t p = (uintptr_t)self;
        MpyHash h = (MpyHash)((p >> 4) | (p << (8 * sizeof(p) - 4)));
        return h == -1 ? -2 : h;
    }
    return mpy_float_hash_double(v);
}

static int float_bool(MpyObject *self)
{
    return mpy_float_value(self) != 0.0;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                           */

static MpyObject *compare_result(int c, int op)
{
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

static MpyObject *compare_doubles(double a, double b, int op)
{
    bool r;
    switch (op) {
    case MPY_LT: r = a < b; break;
    case MPY_LE: r = a <= b; break;
    case MPY_EQ: r = a == b; break;
    case MPY_NE: r = a != b; break;
    case MPY_GT: r = a > b; break;
    default: r = a >= b; break;
    }
    return mpy_bool_from(r);
}

/* float `a` against int `b`, exactly: GMP's mpz_cmp_d compares an integer
 * with a double without rounding either. */
static MpyObject *compare_with_int(double a, MpyObject *b, int op)
{
    const intptr_t exact = (intptr_t)1 << DBL_MANT_DIG;
    if (mpy_is_small_int(b)) {
        intptr_t v = mpy_small_int_value(b);
        if (v >= -exact && v <= exact)
            return compare_doubles(a, (double)v, op);
    }
    if (isnan(a))
        return mpy_bool_from(op == MPY_NE);
    if (isinf(a))
        return compare_result(a > 0 ? 1 : -1, op);
    MpyIntView view;
    int c = mpz_cmp_d(mpy__int_view(b, &view), a);  // sign of b - a
    return compare_result((c < 0) - (c > 0), op);
}

static int swapped_op(int op)
{
    static const int swapped[] = {MPY_GT, MPY_GE, MPY_EQ, MPY_NE, MPY_LT, MPY_LE};
    return swapped[op];
}

static MpyObject *float_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (mpy_float_check(a) && mpy_float_check(b))
        return compare_doubles(mpy_float_value(a), mpy_float_value(b), op);
    if (mpy_float_check(a) && mpy_int_check(b))
        return compare_with_int(mpy_float_value(a), b, op);
    if (mpy_int_check(a) && mpy_float_check(b))
        return compare_with_int(mpy_float_value(b), a, swapped_op(op));
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                           */

/* Both operands as doubles.  Returns 1, 0 (NotImplemented) or -1. */
static int operands(MpyObject *a, MpyObject *b, double *x, double *y)
{
    int r = mpy__float_operand(a, x);
    if (r <= 0)
        return r;
    return mpy__float_operand(b, y);
}

/* What a failed `operands` call returns from a binary slot. */
static MpyObject *operand_failure(int r)
{
    return r == 0 ? MPY_NEWREF(MPY_NOT_IMPLEMENTED) : NULL;
}

static MpyObject *float_add(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return mpy_float_from_double(x + y);
}

static MpyObject *float_sub(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return mpy_float_from_double(x - y);
}

static MpyObject *float_mul(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return mpy_float_from_double(x * y);
}

static MpyObject *float_truediv(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    if (y == 0.0)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "float division by zero");
    return mpy_float_from_double(x / y);
}

/* Python's divmod for doubles (CPython's _float_div_mod): fmod gives the
 * exact remainder; fix its sign to the divisor's, then derive the
 * quotient and snap it to the nearest integer. */
static void float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

static MpyObject *float_floordiv(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    if (y == 0.0)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "float floor division by zero");
    double q, m;
    float_div_mod(x, y, &q, &m);
    return mpy_float_from_double(q);
}

static MpyObject *float_mod(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    if (y == 0.0)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "float modulo");
    double q, m;
    float_div_mod(x, y, &q, &m);
    return mpy_float_from_double(m);
}

static MpyObject *float_divmod(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    if (y == 0.0)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "float divmod()");
    double q, m;
    float_div_mod(x, y, &q, &m);
    MpyObject *fq = mpy_float_from_double(q);
    MpyObject *fr = mpy_float_from_double(m);
    MpyObject *t = (fq && fr) ? mpy_tuple_pack(2, fq, fr) : NULL;
    MPY_XDECREF(fq);
    MPY_XDECREF(fr);
    return t;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* float ** float with C99's special cases pinned down as CPython does. */
MpyObject *mpy__float_pow_doubles(double iv, double iw)
{
    if (iw == 0.0)
        return mpy_float_from_double(1.0);
    if (isnan(iv))
        return mpy_float_from_double(iv);
    if (isnan(iw))
        return mpy_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return mpy_float_from_double(1.0);
        return mpy_float_from_double((iw > 0) == (iv > 1.0) ? fabs(iw) : 0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0)
            return mpy_float_from_double(odd ? iv : fabs(iv));
        return mpy_float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0)
            return mpy_err_format(mpy_exc_ZeroDivisionError,
                                  "0.0 cannot be raised to a negative power");
        return mpy_float_from_double(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return mpy__complex_pow_doubles(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return mpy_float_from_double(negate ? -1.0 : 1.0);
    double ix = pow(iv, iw);
    if (isinf(ix)) {
        MpyObject *args = mpy_tuple_new(2);
        MpyObject *msg = mpy_str_from_cstr(strerror(ERANGE));
        if (args != NULL && msg != NULL) {
            mpy_tuple_init_take(args, 0, mpy_small_int(ERANGE));
            mpy_tuple_init_take(args, 1, msg);
            mpy_err_set_object(mpy_exc_OverflowError, args);
            MPY_DECREF(args);
        } else {
            MPY_XDECREF(args);
            MPY_XDECREF(msg);
        }
        return NULL;
    }
    return mpy_float_from_double(negate ? -ix : ix);
}

static MpyObject *float_pow(MpyObject *a, MpyObject *b)
{
    double x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return mpy__float_pow_doubles(x, y);
}

static MpyObject *float_pow3(MpyObject *a, MpyObject *b, MpyObject *m)
{
    if (m != NULL && m != MPY_NONE)
        return mpy_err_format(mpy_exc_TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
    return float_pow(a, b);
}

MpyObject *mpy_float_binop(MpyObject *a, MpyObject *b, int op)
{
    switch (op) {
    case MPY_NB_ADD: return float_add(a, b);
    case MPY_NB_SUBTRACT: return float_sub(a, b);
    case MPY_NB_MULTIPLY: return float_mul(a, b);
    case MPY_NB_TRUE_DIVIDE: return float_truediv(a, b);
    case MPY_NB_FLOOR_DIVIDE: return float_floordiv(a, b);
    case MPY_NB_REMAINDER: return float_mod(a, b);
    case MPY_NB_POWER: return float_pow(a, b);
    default: return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    }
}

static MpyObject *float_neg(MpyObject *a)
{
    return mpy_float_from_double(-mpy_float_value(a));
}

static MpyObject *float_float(MpyObject *a)
{
    if (mpy_float_check_exact(a))
        return MPY_NEWREF(a);
    return mpy_float_from_double(mpy_float_value(a));
}

static MpyObject *float_abs(MpyObject *a)
{
    return mpy_float_from_double(fabs(mpy_float_value(a)));
}

static MpyObject *float_int(MpyObject *a)
{
    return mpy__int_from_double_trunc(mpy_float_value(a));
}

MpyType mpy_float_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "float",
    .doc = "Convert a string or number to a floating point number, if possible.",
    .basicsize = sizeof(MpyFloatObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_IMMUTABLETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new = float_new,
    .nb[MPY_NB_ADD] = float_add,
    .nb[MPY_NB_SUBTRACT] = float_sub,
    .nb[MPY_NB_MULTIPLY] = float_mul,
    .nb[MPY_NB_TRUE_DIVIDE] = float_truediv,
    .nb[MPY_NB_FLOOR_DIVIDE] = float_floordiv,
    .nb[MPY_NB_REMAINDER] = float_mod,
    .nb[MPY_NB_POWER] = float_pow,
    .nb_power3 = float_pow3,
    .nb_divmod = float_divmod,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .methods = mpy__float_methods,
    .getset = mpy__float_getset,
};
