/* runtime/float_impl.h: what the number files share about doubles (internal).
 *
 * The double -> text conversion behind repr(), str(), format() and the
 * printf-style % operator (CPython's PyOS_double_to_string, in
 * Python/pystrtod.c), plus a few helpers float.c, complex.c, mod_math.c and
 * format_spec.c share.
 */
#ifndef MINIPY_RUNTIME_FLOAT_IMPL_H
#define MINIPY_RUNTIME_FLOAT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/object.h"

/* Flags of mpy__double_to_cstr (CPython's Py_DTSF_*). */
enum {
    MPY_DTOA_SIGN = 1,      /* always write a sign: "+1.5" */
    MPY_DTOA_ADD_DOT_0 = 2, /* "1" -> "1.0" when there is no '.' and no exponent */
    MPY_DTOA_ALT = 4,       /* '#' of printf: keep the '.' and trailing zeros */
    MPY_DTOA_NO_NEG_0 = 8,  /* 'z': "-0.00" -> "0.00" */
};

/* `v` as text, CPython style:
 *   type 'e' 'E' 'f' 'F' 'g' 'G' with `precision` digits (as C's printf,
 *   'g' with precision 0 meaning 1), or 'r' for the shortest text that
 *   reads back as `v` (precision ignored; what repr() shows: exponent form
 *   when the decimal exponent is < -4 or >= 16).
 * Infinities and NaNs are "inf"/"nan" ("INF"/"NAN" for upper-case types);
 * a NaN never shows a '-'.
 * Returns: a NUL-terminated string from mpy_mem_alloc (release it with
 * mpy_mem_free), or NULL + MemoryError. */
char *mpy__double_to_cstr(double v, char type, int precision, unsigned flags);

/* Same, into `buf` of `size` bytes.  Returns the length, or -1 (without an
 * exception) if it does not fit; 32 bytes always suffice for 'r', and
 * precision + 330 for the others. */
int mpy__double_to_buf(double v, char type, int precision, unsigned flags, char *buf,
                       size_t size);

/* The decimal digits of the shortest round-tripping form of finite v != 0:
 * writes 1..17 digits (NUL-terminated, no trailing zeros) into digits[18]
 * and the position of the decimal point: v == 0.DIGITS * 10**(*decpt). */
void mpy__double_shortest(double v, char *digits, int *decpt);

/* Parse Python float syntax (sign, digits with single '_' between digits,
 * '.', exponent, "inf"/"infinity"/"nan" in any case), surrounded by
 * optional whitespace.  Returns true and stores the value, or false if the
 * text is not a float literal (no exception set). */
bool mpy__parse_double(const char *s, size_t len, double *out);

/* The value of a float or int operand as a double.  Returns 1 with *out
 * set, 0 if `o` is neither (NotImplemented), -1 with OverflowError for
 * an int too large. */
int mpy__float_operand(MpyObject *o, double *out);

/* a ** b for doubles as float.__pow__ computes it; a negative base with a
 * non-integral exponent gives a complex result.  Returns: new reference
 * or NULL + exception. */
MpyObject *mpy__float_pow_doubles(double a, double b);

/* Complex a ** b (runtime/complex.c).  Returns: new reference or NULL. */
MpyObject *mpy__complex_pow_doubles(double ar, double ai, double br, double bi);

/* round(x, ndigits) for a double, correctly rounded as CPython's
 * double_round.  Returns: new float, or NULL + OverflowError. */
MpyObject *mpy__float_round_digits(double x, long ndigits);

/* runtime/float_methods.c: the method table and attributes of float. */
extern const MpyMethodDef mpy__float_methods[];
extern const MpyGetSetDef mpy__float_getset[];

#endif
