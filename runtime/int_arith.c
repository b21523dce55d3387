/* runtime/int_arith.c: arithmetic on ints.
 *
 * Models the arithmetic half of CPython's Objects/longobject.c.  Every
 * operation has two paths:
 *
 *  - both operands tagged: plain machine arithmetic on the tagged words,
 *    with __builtin_*_overflow telling when the result leaves the tagged
 *    range.  No allocation, no reference counts; these are the paths that
 *    loops like `while n: n -= 1` take.
 *  - otherwise (big values, bools, int subclasses): GMP on read-only views
 *    of the operands (mpy__int_view), the result normalized back to a
 *    tagged word when it fits.
 *
 * Tagged-word tricks used below (a tagged word is 2*v + 1):
 *   a + b  ==  (a - 1) + b        a - b  ==  a - (b - 1)
 *   a * b  ==  ((a >> 1) * (b - 1)) | 1
 *   a & b, a | b work on the words directly; a ^ b needs the tag put back.
 *
 * Python semantics kept here: // and % round towards minus infinity (the
 * remainder has the sign of the divisor); `/` is correctly rounded even for
 * huge operands; a negative exponent gives a float; pow(a, -b, m) uses the
 * modular inverse.
 */
#include "runtime/int.h"

#include <float.h>
#include <math.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int_impl.h"
#include "runtime/tuple.h"

static inline bool both_small(MpyObject *a, MpyObject *b)
{
    return ((uintptr_t)a & (uintptr_t)b & 1) != 0;
}

static inline bool both_int(MpyObject *a, MpyObject *b)
{
    return mpy_int_check(a) && mpy_int_check(b);
}

static MpyObject *not_implemented(void)
{
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

static size_t bit_length(mpz_srcptr z)
{
    return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
}

/* ------------------------------------------------------------------ */
/* + - *                                                                */

MpyObject *mpy__int_add(MpyObject *a, MpyObject *b)
{
    intptr_t r;
    if (both_small(a, b) && !__builtin_add_overflow((intptr_t)a - 1, (intptr_t)b, &r))
        return (MpyObject *)r;
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_add(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_sub(MpyObject *a, MpyObject *b)
{
    intptr_t r;
    if (both_small(a, b) && !__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r))
        return (MpyObject *)r;
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_sub(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_mul(MpyObject *a, MpyObject *b)
{
    intptr_t r;
    if (both_small(a, b) &&
        !__builtin_mul_overflow(mpy_small_int_value(a), (intptr_t)b - 1, &r))
        return (MpyObject *)(r | 1);
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_srcptr za = mpy__int_view(a, &va), zb = mpy__int_view(b, &vb);
    if (mpy__int_check_bits((uint64_t)bit_length(za) + bit_length(zb)) < 0)
        return NULL;
    mpz_t z;
    mpz_init(z);
    mpz_mul(z, za, zb);
    return mpy__int_from_mpz_take(z);
}

/* ------------------------------------------------------------------ */
/* // % divmod                                                          */

static bool is_zero(MpyObject *o)
{
    return mpy_is_small_int(o) ? o == mpy_small_int(0) : mpz_sgn(((MpyIntObject *)o)->value) == 0;
}

MpyObject *mpy__int_floordiv(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b) && b != mpy_small_int(0)) {
        intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b);
        intptr_t q = x / y;
        if (x % y != 0 && ((x ^ y) < 0))
            q--;
        return mpy_int_from_long(q);  // -2**62 // -1 leaves the tagged range
    }
    if (!both_int(a, b))
        return not_implemented();
    if (is_zero(b))
        return mpy_err_format(mpy_exc_ZeroDivisionError, "integer division or modulo by zero");
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_q(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_mod(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b) && b != mpy_small_int(0)) {
        intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b);
        intptr_t r = x % y;
        if (r != 0 && ((r ^ y) < 0))
            r += y;
        return mpy_small_int(r);
    }
    if (!both_int(a, b))
        return not_implemented();
    if (is_zero(b))
        return mpy_err_format(mpy_exc_ZeroDivisionError, "integer modulo by zero");
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_r(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_divmod(MpyObject *a, MpyObject *b)
{
    if (!both_int(a, b))
        return not_implemented();
    if (is_zero(b))
        return mpy_err_format(mpy_exc_ZeroDivisionError, "integer division or modulo by zero");
    MpyObject *q, *r;
    if (both_small(a, b)) {
        q = mpy__int_floordiv(a, b);
        r = mpy__int_mod(a, b);
    } else {
        MpyIntView va, vb;
        mpz_t zq, zr;
        mpz_init(zq);
        mpz_init(zr);
        mpz_fdiv_qr(zq, zr, mpy__int_view(a, &va), mpy__int_view(b, &vb));
        q = mpy__int_from_mpz_take(zq);
        r = mpy__int_from_mpz_take(zr);
    }
    if (q == NULL || r == NULL) {
        MPY_XDECREF(q);
        MPY_XDECREF(r);
        return NULL;
    }
    MpyObject *t = mpy_tuple_new(2);
    if (t == NULL) {
        MPY_DECREF(q);
        MPY_DECREF(r);
        return NULL;
    }
    mpy_tuple_init_take(t, 0, q);
    mpy_tuple_init_take(t, 1, r);
    return t;
}

/* ------------------------------------------------------------------ */
/* True division                                                        */

/* |a| / |b| for big operands, correctly rounded (CPython's
 * long_true_divide): scale so the integer quotient has 2-3 bits more than
 * a double's mantissa, fold the remainder into a sticky bit, round half to
 * even by hand (subnormal results keep fewer bits), then scale back. */
static double true_divide_big(mpz_srcptr a, mpz_srcptr b, bool *overflow)
{
    *overflow = false;
    long diff = (long)bit_length(a) - (long)bit_length(b);
    if (diff > DBL_MAX_EXP) {
        *overflow = true;
        return 0.0;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return 0.0;
    long shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (shift <= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)-shift);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)shift);
    mpz_tdiv_qr(q, r, num, den);
    uint64_t x = mpz_getlimbn(q, 0);
    bool inexact = mpz_sgn(r) != 0;
    int x_bits = (int)bit_length(q);
    mpz_clears(num, den, q, r, NULL);

    int keep_from = DBL_MIN_EXP - (int)shift;  // bits a subnormal result can hold
    int extra_bits = (x_bits > keep_from ? x_bits : keep_from) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra_bits - 1);  // the "half" bit
    uint64_t low = x | inexact;
    if ((low & mask) && (low & (3 * mask - 1)))
        x += mask;
    x &= ~(2 * mask - 1);
    double result = ldexp((double)x, (int)shift);
    if (isinf(result))
        *overflow = true;
    return result;
}

double mpy__int_true_divide(MpyObject *a, MpyObject *b)
{
    const intptr_t exact = (intptr_t)1 << DBL_MANT_DIG;
    if (both_small(a, b)) {
        intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b);
        if (y != 0 && x >= -exact && x <= exact && y >= -exact && y <= exact)
            return (double)x / (double)y;  // both exact: one rounding
    }
    MpyIntView va, vb;
    mpz_srcptr za = mpy__int_view(a, &va), zb = mpy__int_view(b, &vb);
    if (mpz_sgn(zb) == 0) {
        mpy_err_set(mpy_exc_ZeroDivisionError, "division by zero");
        return -1.0;
    }
    bool negative = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
    if (mpz_sgn(za) == 0)
        return negative ? -0.0 : 0.0;
    bool overflow;
    double d = true_divide_big(za, zb, &overflow);
    if (overflow) {
        mpy_err_set(mpy_exc_OverflowError, "integer division result too large for a float");
        return -1.0;
    }
    return negative ? -d : d;
}

MpyObject *mpy__int_truediv(MpyObject *a, MpyObject *b)
{
    if (!both_int(a, b))
        return not_implemented();
    double d = mpy__int_true_divide(a, b);
    if (d == -1.0 && mpy_err_occurred())
        return NULL;
    return mpy_float_from_double(d);
}

/* ------------------------------------------------------------------ */
/* Powers                                                               */

/* x ** e for machine ints by repeated squaring; false on overflow. */
static bool small_pow(intptr_t x, uintptr_t e, intptr_t *out)
{
    intptr_t result = 1;
    while (e != 0) {
        if ((e & 1) && __builtin_mul_overflow(result, x, &result))
            return false;
        e >>= 1;
        if (e != 0 && __builtin_mul_overflow(x, x, &x))
            return false;
    }
    *out = result;
    return true;
}

static MpyObject *big_pow(mpz_srcptr base, mpz_srcptr exp)
{
    // 0, 1 and -1 stay small whatever the exponent.
    if (mpz_cmpabs_ui(base, 1) <= 0) {
        if (mpz_sgn(base) == 0)
            return mpy_small_int(mpz_sgn(exp) == 0 ? 1 : 0);
        if (mpz_sgn(base) < 0 && mpz_odd_p(exp))
            return mpy_small_int(-1);
        return mpy_small_int(1);
    }
    uint64_t bits;
    if (!mpz_fits_ulong_p(exp) ||
        __builtin_mul_overflow((uint64_t)mpz_get_ui(exp), (uint64_t)bit_length(base) - 1, &bits) ||
        mpy__int_check_bits(bits) < 0) {
        if (!mpy_err_occurred())
            mpy_err_no_memory();
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    mpz_pow_ui(z, base, mpz_get_ui(exp));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_pow(MpyObject *a, MpyObject *b)
{
    if (!both_int(a, b))
        return not_implemented();
    if (mpy_int_sign(b) < 0)
        return mpy_float_binop(a, b, MPY_NB_POWER);  // 2 ** -1 == 0.5
    if (both_small(a, b)) {
        intptr_t r;
        if (small_pow(mpy_small_int_value(a), (uintptr_t)mpy_small_int_value(b), &r))
            return mpy_int_from_long(r);
    }
    MpyIntView va, vb;
    return big_pow(mpy__int_view(a, &va), mpy__int_view(b, &vb));
}

MpyObject *mpy__int_pow3(MpyObject *a, MpyObject *b, MpyObject *m)
{
    if (m == NULL || m == MPY_NONE)
        return mpy__int_pow(a, b);
    if (!both_int(a, b) || !mpy_int_check(m))
        return not_implemented();
    MpyIntView va, vb, vm;
    mpz_srcptr za = mpy__int_view(a, &va), zb = mpy__int_view(b, &vb);
    mpz_srcptr zm = mpy__int_view(m, &vm);
    if (mpz_sgn(zm) == 0)
        return mpy_err_format(mpy_exc_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t mod, base, z;
    mpz_inits(mod, base, z, NULL);
    mpz_abs(mod, zm);
    mpz_mod(base, za, mod);
    if (mpz_sgn(zb) < 0 && mpz_invert(base, base, mod) == 0) {
        mpz_clears(mod, base, z, NULL);
        return mpy_err_format(mpy_exc_ValueError, "base is not invertible for the given modulus");
    }
    if (mpz_sgn(zb) < 0) {
        mpz_neg(z, zb);
        mpz_powm(z, base, z, mod);
    } else {
        mpz_powm(z, base, zb, mod);
    }
    // The result takes the sign of the modulus, as % does.
    if (mpz_sgn(zm) < 0 && mpz_sgn(z) != 0)
        mpz_sub(z, z, mod);
    mpz_clears(mod, base, NULL);
    return mpy__int_from_mpz_take(z);
}

/* ------------------------------------------------------------------ */
/* Shifts and bitwise operators                                         */

/* The shift count as a non-negative mp_bitcnt_t; -1 + error if negative.
 * Counts beyond the bitcnt range are reported through *huge. */
static int shift_count(MpyObject *b, mp_bitcnt_t *count, bool *huge)
{
    MpyIntView vb;
    mpz_srcptr zb = mpy__int_view(b, &vb);
    if (mpz_sgn(zb) < 0) {
        mpy_err_set(mpy_exc_ValueError, "negative shift count");
        return -1;
    }
    *huge = !mpz_fits_ulong_p(zb);
    *count = *huge ? 0 : mpz_get_ui(zb);
    return 0;
}

MpyObject *mpy__int_lshift(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b)) {
        intptr_t x = mpy_small_int_value(a), s = mpy_small_int_value(b);
        if (s >= 0 && s < 62) {
            intptr_t r = (intptr_t)((uintptr_t)x << s);
            if ((r >> s) == x && mpy_small_int_fits(r))
                return mpy_small_int(r);
        }
    }
    if (!both_int(a, b))
        return not_implemented();
    mp_bitcnt_t count;
    bool huge;
    if (shift_count(b, &count, &huge) < 0)
        return NULL;
    if (is_zero(a))
        return mpy_small_int(0);
    if (huge)
        return mpy_err_format(mpy_exc_OverflowError, "too many digits in integer");
    MpyIntView va;
    mpz_srcptr za = mpy__int_view(a, &va);
    if (mpy__int_check_bits(count) < 0 || mpy__int_check_bits((uint64_t)count + bit_length(za)) < 0)
        return NULL;
    mpz_t z;
    mpz_init(z);
    mpz_mul_2exp(z, za, count);
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_rshift(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b)) {
        intptr_t x = mpy_small_int_value(a), s = mpy_small_int_value(b);
        if (s >= 0)
            return mpy_small_int(s >= 63 ? (x < 0 ? -1 : 0) : x >> s);
    }
    if (!both_int(a, b))
        return not_implemented();
    mp_bitcnt_t count;
    bool huge;
    if (shift_count(b, &count, &huge) < 0)
        return NULL;
    MpyIntView va;
    mpz_srcptr za = mpy__int_view(a, &va);
    if (huge || count >= bit_length(za))
        return mpy_small_int(mpz_sgn(za) < 0 ? -1 : 0);
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_q_2exp(z, za, count);  // floor: -5 >> 1 == -3
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_and(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b))
        return (MpyObject *)((uintptr_t)a & (uintptr_t)b);
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_and(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_or(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b))
        return (MpyObject *)((uintptr_t)a | (uintptr_t)b);
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_ior(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_xor(MpyObject *a, MpyObject *b)
{
    if (both_small(a, b))
        return (MpyObject *)(((uintptr_t)a ^ (uintptr_t)b) | 1);
    if (!both_int(a, b))
        return not_implemented();
    MpyIntView va, vb;
    mpz_t z;
    mpz_init(z);
    mpz_xor(z, mpy__int_view(a, &va), mpy__int_view(b, &vb));
    return mpy__int_from_mpz_take(z);
}

/* ------------------------------------------------------------------ */
/* Unary operators                                                      */

MpyObject *mpy__int_neg(MpyObject *a)
{
    if (mpy_is_small_int(a))
        return mpy_int_from_long(-(long long)mpy_small_int_value(a));
    mpz_t z;
    mpz_init(z);
    mpz_neg(z, ((MpyIntObject *)a)->value);
    return mpy__int_from_mpz_take(z);
}

MpyObject *mpy__int_pos(MpyObject *a)
{
    return mpy__int_exact_copy(a);
}

MpyObject *mpy__int_abs(MpyObject *a)
{
    if (mpy_int_sign(a) < 0)
        return mpy__int_neg(a);
    return mpy__int_exact_copy(a);
}

MpyObject *mpy__int_invert(MpyObject *a)
{
    if (mpy_is_small_int(a))
        return (MpyObject *)(~(uintptr_t)a | 1);  // ~(2v+1) | 1 == 2*(~v) + 1
    mpz_t z;
    mpz_init(z);
    mpz_com(z, ((MpyIntObject *)a)->value);
    return mpy__int_from_mpz_take(z);
}

int mpy__int_bool(MpyObject *a)
{
    return !is_zero(a);
}

MpyObject *mpy__int_float(MpyObject *a)
{
    double d = mpy_int_as_double(a);
    if (d == -1.0 && mpy_err_occurred())
        return NULL;
    return mpy_float_from_double(d);
}

/* ------------------------------------------------------------------ */
/* The generic entry point                                              */

MpyObject *mpy_int_binop(MpyObject *a, MpyObject *b, int op)
{
    switch (op) {
    case MPY_NB_ADD: return mpy__int_add(a, b);
    case MPY_NB_SUBTRACT: return mpy__int_sub(a, b);
    case MPY_NB_MULTIPLY: return mpy__int_mul(a, b);
    case MPY_NB_FLOOR_DIVIDE: return mpy__int_floordiv(a, b);
    case MPY_NB_REMAINDER: return mpy__int_mod(a, b);
    case MPY_NB_TRUE_DIVIDE: return mpy__int_truediv(a, b);
    case MPY_NB_POWER: return mpy__int_pow(a, b);
    case MPY_NB_LSHIFT: return mpy__int_lshift(a, b);
    case MPY_NB_RSHIFT: return mpy__int_rshift(a, b);
    case MPY_NB_AND: return mpy__int_and(a, b);
    case MPY_NB_OR: return mpy__int_or(a, b);
    case MPY_NB_XOR: return mpy__int_xor(a, b);
    default: return not_implemented();
    }
}
