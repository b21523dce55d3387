/* runtime/int_impl.h: what the number files share about ints (internal).
 *
 * runtime/int.c, int_arith.c, int_methods.c, bool.c, float.c, complex.c,
 * mod_math.c and format_spec.c all need to look at an int's value as a GMP
 * integer, whichever representation it has, and to turn a GMP result back
 * into the canonical representation.  Those helpers live here; nothing
 * outside the number files should need them (runtime/int.h is the public
 * face).
 *
 * Invariants kept by every helper below:
 *  - an object of exact type `int` that is not tagged holds a value outside
 *    the tagged range (mpy__int_from_mpz_take normalizes);
 *  - bools and instances of int subclasses are MpyIntObjects whatever their
 *    value, so code must never assume "boxed" means "big".
 */
#ifndef MINIPY_RUNTIME_INT_IMPL_H
#define MINIPY_RUNTIME_INT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gmp.h>

#include "runtime/int.h"

/* ------------------------------------------------------------------ */
/* Reading any int as an mpz without allocating                         */

/* Scratch space that lets a tagged int pose as a read-only mpz: GMP's
 * mpz_roinit_n points an mpz at limbs we own, so no allocation happens.
 * |tagged value| <= 2**62 always fits one 64-bit limb. */
typedef struct MpyIntView {
    mpz_t z;
    mp_limb_t limb;
} MpyIntView;

/* The value of int `o` (tagged, int, bool or subclass) as a read-only mpz.
 * Returns: a pointer valid while `o` and `view` live.  Cannot fail. */
static inline mpz_srcptr mpy__int_view(MpyObject *o, MpyIntView *view)
{
    if (!mpy_is_small_int(o))
        return ((MpyIntObject *)o)->value;
    intptr_t v = mpy_small_int_value(o);
    view->limb = v < 0 ? (mp_limb_t)0 - (mp_limb_t)v : (mp_limb_t)v;
    return mpz_roinit_n(view->z, &view->limb, v < 0 ? -1 : (v > 0 ? 1 : 0));
}

/* Is int `o` representable as a C intptr_t?  Stores it if so.  Bools and
 * small subclass instances count too. */
static inline bool mpy__int_small_value(MpyObject *o, intptr_t *out)
{
    if (mpy_is_small_int(o)) {
        *out = mpy_small_int_value(o);
        return true;
    }
    mpz_srcptr z = ((MpyIntObject *)o)->value;
    if (mpz_fits_slong_p(z)) {
        *out = mpz_get_si(z);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Building ints                                                        */

/* The int holding the value of `v`, which is consumed: its memory is
 * moved into the result (or cleared when the result is tagged), so the
 * caller must not use or clear `v` afterwards, on success or failure.
 * Returns: new reference, or NULL + MemoryError. */
MpyObject *mpy__int_from_mpz_take(mpz_ptr v);

/* An instance of `type` (int or a subclass of int, bool excluded) holding
 * the value of int `value`.  For type `int` this is `value` itself.
 * Returns: new reference, or NULL + exception.  Refs: borrows `value`. */
MpyObject *mpy__int_new_subtype(MpyType *type, MpyObject *value);

/* Copy of the value of any int as a plain int (bools and subclass
 * instances become exact ints).  Returns: new reference or NULL. */
MpyObject *mpy__int_exact_copy(MpyObject *o);

/* The int nearest to `v` rounding towards zero (int(3.7) == 3).
 * ValueError for NaN, OverflowError for infinities. */
MpyObject *mpy__int_from_double_trunc(double v);

/* The double nearest to the mpz `z` (ties to even, as CPython).  Sets
 * *overflow (and returns +-HUGE_VAL) when it is beyond the double range. */
double mpy__mpz_to_double(mpz_srcptr z, bool *overflow);

/* Length in bytes of the ASCII whitespace character (str.isspace) at the
 * start of p..end, or 0 if it does not start with one. */
size_t mpy__num_space_len(const char *p, const char *end);

/* Numbers may be written with any Unicode decimal digits and surrounded by
 * any Unicode whitespace (int('\u0663') == 3).  Like CPython, parsers first
 * map such text to ASCII: decimal digits become '0'..'9', whitespace ' ',
 * other non-ASCII characters '\x7f' (which no syntax accepts).
 * Returns: NULL if `s` is pure ASCII (use it as is), else a new buffer from
 * mpy_mem_alloc with its length in *out_len (NULL + MemoryError can only
 * be told apart with mpy_err_occurred()). */
char *mpy__num_to_ascii(const char *s, size_t len, size_t *out_len);

/* ------------------------------------------------------------------ */
/* Size guard                                                           */

/* GMP calls abort() when it cannot get memory, so operations that would
 * build absurdly large numbers are refused with MemoryError before GMP is
 * asked.  2**32 bits is 512 MiB for one number. */
#define MPY__INT_MAX_BITS ((uint64_t)1 << 32)

/* Returns 0 if a result of about `bits` bits may be built, else -1 with
 * MemoryError set. */
int mpy__int_check_bits(uint64_t bits);

/* ------------------------------------------------------------------ */
/* Pieces of the int type that live in different files                 */

/* runtime/int_arith.c: the numeric slots of `int` (also used by bool). */
MpyObject *mpy__int_add(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_sub(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_mul(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_floordiv(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_mod(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_truediv(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_pow(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_pow3(MpyObject *a, MpyObject *b, MpyObject *mod);
MpyObject *mpy__int_divmod(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_lshift(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_rshift(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_and(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_or(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_xor(MpyObject *a, MpyObject *b);
MpyObject *mpy__int_neg(MpyObject *a);
MpyObject *mpy__int_pos(MpyObject *a);
MpyObject *mpy__int_abs(MpyObject *a);
MpyObject *mpy__int_invert(MpyObject *a);
int mpy__int_bool(MpyObject *a);
MpyObject *mpy__int_float(MpyObject *a);
/* a / b for two ints, correctly rounded.  Returns the double, or -1.0
 * with ZeroDivisionError / OverflowError set (check mpy_err_occurred). */
double mpy__int_true_divide(MpyObject *a, MpyObject *b);

/* runtime/int_methods.c: methods and attributes of `int`. */
extern const MpyMethodDef mpy__int_methods[];
extern const MpyGetSetDef mpy__int_getset[];
/* round(n, ndigits) for an int n and an int ndigits (CPython's
 * _PyLong_Round semantics).  Returns: new reference or NULL. */
MpyObject *mpy__int_round(MpyObject *n, MpyObject *ndigits);

/* ------------------------------------------------------------------ */
/* Argument parsing shared by the number files (runtime/num_args.c)     */

/* Sort positional and keyword arguments of a vectorcall into out[0..nnames)
 * by parameter name.  `names` lists the parameter names; the first
 * `posonly` of them are positional-only; `required` of them are required.
 * Missing optional parameters are left NULL.  `fname` names the function
 * in messages ("int()", "to_bytes()").  Returns 0, or -1 + TypeError.
 * Refs: out[] holds borrowed references. */
int mpy__num_parse_args(const char *fname, MpyObject *const *args, size_t nargs,
                        MpyObject *kwnames, const char *const *names, size_t nnames,
                        size_t posonly, size_t required, MpyObject **out);

/* `o` as a C ptrdiff_t index, with OverflowError beyond its range and
 * TypeError "'float' object cannot be interpreted as an integer" for
 * non-ints (via __index__).  -1 + exception on error. */
ptrdiff_t mpy__num_index_ssize(MpyObject *o);

#endif
