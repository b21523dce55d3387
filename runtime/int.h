/* runtime/int.h: Python int (arbitrary precision) and bool.
 *
 * Models CPython's Objects/longobject.c and boolobject.c, with one twist:
 * two representations share the one type `int`.
 *
 *  - Small ints (|v| < 2**62) are *tagged* words, not objects (object.h):
 *    creating one is a shift, they are never freed and never counted.
 *  - Other values are MpyIntObjects holding a GMP integer.  A boxed object of
 *    exact type `int` never holds a value that fits a tagged word (results
 *    are always normalized), so "is it small?" is one bit test.
 *  - Instances of int subclasses, and True/False (bool is an int subclass),
 *    are always MpyIntObjects, whatever their value.
 *
 * Arithmetic on two tagged ints never allocates; overflow is detected with
 * __builtin_*_overflow and continues in GMP.  Semantics follow Python:
 * floor division and modulo round towards minus infinity, `/` is correctly
 * rounded true division, `**` with a negative exponent gives a float, and
 * hash(n) is n modulo 2**61 - 1 with CPython's sign rules (hash(-1) == -2).
 */
#ifndef MINIPY_RUNTIME_INT_H
#define MINIPY_RUNTIME_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <gmp.h>

#include "runtime/object.h"

typedef struct MpyIntObject {
    MpyObject ob_base;
    mpz_t value;
} MpyIntObject;

extern MpyType mpy_int_type;  /* declared in object.h too, for MPY_TYPE */
extern MpyType mpy_bool_type;
extern MpyIntObject mpy__true, mpy__false;
#define MPY_TRUE ((MpyObject *)&mpy__true)
#define MPY_FALSE ((MpyObject *)&mpy__false)
/* Returns: new reference to True or False. */
static inline MpyObject *mpy_bool_from(bool b) { return b ? MPY_TRUE : MPY_FALSE; }
#define MPY_RETURN_TRUE MPY_TRUE
#define MPY_RETURN_FALSE MPY_FALSE

/* isinstance(o, int) (includes bool); exact: type(o) is int. */
static inline bool mpy_int_check(const MpyObject *o)
{
    return mpy_is_small_int(o) || mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_INT_SUBCLASS);
}
static inline bool mpy_int_check_exact(const MpyObject *o)
{
    return mpy_is_small_int(o) || o->ob_type == &mpy_int_type;
}
static inline bool mpy_bool_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_bool_type;
}

/* Constructors.  Returns: new reference (a tagged word when it fits), or
 * NULL + MemoryError. */
MpyObject *mpy_int_from_long(long long v);
MpyObject *mpy_int_from_ulong(unsigned long long v);
MpyObject *mpy_int_from_ssize(ptrdiff_t v);
MpyObject *mpy_int_from_mpz(const mpz_t v);          /* copies v */
/* int(x) for a finite double (truncates); ValueError for NaN,
 * OverflowError for infinities ("cannot convert float infinity to integer"). */
MpyObject *mpy_int_from_double(double v);
/* int(s, base) over UTF-8 text: whitespace, sign, underscores, 0x/0o/0b
 * prefixes (base 0 or matching), as Python.  `len` bytes of `s`.
 * Errors: ValueError "invalid literal for int() with base 10: 'x'". */
MpyObject *mpy_int_from_string(const char *s, size_t len, int base);

/* Conversions to C.  Each returns -1 with an exception (OverflowError
 * "Python int too large to convert to C long", TypeError for non-ints;
 * check mpy_err_occurred() when -1 is a legal value). */
long long mpy_int_as_long(MpyObject *o);
ptrdiff_t mpy_int_as_ssize(MpyObject *o);
/* The value as a double; OverflowError "int too large to convert to float". */
double mpy_int_as_double(MpyObject *o);
/* Clamp-free test: does this int fit a long long?  Stores it if so. */
bool mpy_int_to_long_exact(MpyObject *o, long long *out);
/* Copy the value of any int (tagged or boxed, including bool) into an
 * initialized mpz. */
void mpy_int_to_mpz(MpyObject *o, mpz_t out);
/* Sign: -1, 0 or 1. */
int mpy_int_sign(MpyObject *o);

/* str(n) / repr(n) in `base` (2, 8, 10, 16) without prefix.  Returns: new str.
 * Raises ValueError beyond sys.get_int_max_str_digits() for base 10. */
MpyObject *mpy_int_to_string(MpyObject *o, int base);
/* hex()/oct()/bin() with the 0x/0o/0b prefix.  Returns: new str. */
MpyObject *mpy_int_to_prefixed_string(MpyObject *o, int base);

MpyHash mpy_int_hash(MpyObject *o);

/* Arithmetic on two ints (either may be tagged).  `op` is MPY_NB_*.
 * Returns: new reference, NotImplemented if an operand is not an int,
 * or NULL + exception (ZeroDivisionError "division by zero" /
 * "integer division or modulo by zero", ValueError "negative shift count"). */
MpyObject *mpy_int_binop(MpyObject *a, MpyObject *b, int op);
/* Compare two ints: -1, 0, 1. */
int mpy_int_compare(MpyObject *a, MpyObject *b);

/* sys.set_int_max_str_digits (0 = unlimited); default 4300 as CPython. */
extern int mpy_int_max_str_digits;

#endif
