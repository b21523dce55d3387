/* runtime/format_spec.h: the format-spec mini-language and printf-style
 * number formatting.
 *
 * Models CPython's Python/formatter_unicode.c (format(x, spec), f-strings,
 * str.format) and the number half of Objects/unicodeobject.c's `%`
 * formatting (formatlong/formatfloat).
 *
 * The high-level entry points, mpy_format_int / mpy_format_float /
 * mpy_format_str, are declared in runtime/str.h.  This header adds:
 *
 *  - the parsed form of a spec, for other types that accept the same
 *    language (complex here; Decimal-like types later);
 *  - the printf API the `%` operator uses for %d %i %u %o %x %X and
 *    %e %E %f %F %g %G.
 */
#ifndef MINIPY_RUNTIME_FORMAT_SPEC_H
#define MINIPY_RUNTIME_FORMAT_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* The mini-language:                                                   */
/*   [[fill]align][sign][z][#][0][width][grouping][.precision][type]    */

typedef struct MpyFormatSpec {
    uint32_t fill;       /* code point; ' ' unless given (or '0' by the 0 flag) */
    char align;          /* '<' '>' '^' '=' */
    char sign;           /* '+' '-' ' ', or 0 when not given */
    bool no_neg_0;       /* 'z': a negative zero after rounding prints as 0 */
    bool alternate;      /* '#' */
    char grouping;       /* ',' or '_', or 0 */
    int group_size;      /* 3, or 4 for '_' with b/o/x/X */
    ptrdiff_t width;     /* -1 when not given */
    ptrdiff_t precision; /* -1 when not given */
    uint32_t type;       /* the presentation type, 0 when not given */
} MpyFormatSpec;

/* Parse `spec` (a str) for an object of type `type_name` ("int", used in
 * messages) whose presentation type defaults to `default_type` ('d' for
 * int, 's' for str, 0 for float) and alignment to `default_align` ('>'
 * for numbers, '<' for str).  Checks what CPython checks while parsing ("Invalid format
 * specifier", "Format specifier missing precision", "Cannot specify ','
 * with 's'.", "Cannot specify both ',' and '_'.", "Too many decimal digits
 * in format string").  Returns 0, or -1 with ValueError set. */
int mpy__format_spec_parse(MpyObject *spec, const char *type_name, char default_type,
                           char default_align, MpyFormatSpec *out);

/* q = mag * 10**k rounded to an integer, half to even, computed exactly
 * from the binary value of mag (what printf's "%.{k}f" shows, without the
 * point), when 0 <= k <= 19 and the result has at most 19 digits.
 * Returns false (no exception) when mag is negative, not finite, or out
 * of that range. */
bool mpy__double_round_scaled(double mag, int k, uint64_t *q);

/* Raise "Unknown format code 'x' for object of type 'T'".  Returns NULL. */
MpyObject *mpy__format_unknown_code(uint32_t code, const char *type_name);

/* format(complex, spec) (complex.__format__).  Returns: new str or NULL. */
MpyObject *mpy__format_complex(MpyObject *value, MpyObject *spec);

/* ------------------------------------------------------------------ */
/* printf-style numbers, for the `%` operator                           */
/*                                                                      */
/* The caller (runtime's `str % args`) parses "%[flags][width][.prec]T" */
/* itself, resolves '*' widths, converts the argument, then calls one   */
/* of the functions below, which append exactly what CPython's `%`      */
/* would produce for that one conversion, padding included:            */
/*                                                                      */
/*   '%+05d' % 42          -> spec {flags SIGN|ZERO, width 5, type 'd'} */
/*                            mpy__format_int(sb, 42, &spec)  "+0042"   */
/*   '%#x' % 255           -> "0xff";  '%.3x' % 5 -> "005"              */
/*   '%-8.2f|' % 3.14159   -> mpy__format_double(sb, 3.14159, ...)      */
/*                            "3.14    " (then the caller adds '|')     */
/*                                                                      */
/* Conversions are the caller's job, because their error messages      */
/* depend on the conversion character:                                 */
/*   %d %i %u: int(x) for floats and objects with __int__               */
/*     ("%d format: a real number is required, not str");               */
/*   %o %x %X: operator.index(x)                                        */
/*     ("%x format: an integer is required, not float");                */
/*   %e %f %g...: float(x) ("must be real number, not str").            */

enum {
    MPY_PRINTF_LEFT = 1 << 0,  /* '-': pad on the right */
    MPY_PRINTF_SIGN = 1 << 1,  /* '+': always a sign */
    MPY_PRINTF_BLANK = 1 << 2, /* ' ': a space where '+' would go */
    MPY_PRINTF_ALT = 1 << 3,   /* '#': 0o/0x/0X prefixes, keep '.' and zeros */
    MPY_PRINTF_ZERO = 1 << 4,  /* '0': pad with zeros after the sign (ignored with '-') */
};

typedef struct MpyPrintfSpec {
    int flags;           /* MPY_PRINTF_* */
    ptrdiff_t width;     /* minimum width, -1 when not given */
    ptrdiff_t precision; /* -1 when not given (floats: 6; ints: no minimum) */
    char type;           /* ints: d i u o x X; doubles: e E f F g G */
} MpyPrintfSpec;

/* Append the conversion of int `value` (tagged, int, bool or subclass).
 * Returns 0, or -1 with an exception (MemoryError, or ValueError from the
 * int->str digit limit for huge values in %d). */
int mpy__format_int(MpyStrBuilder *sb, MpyObject *value, const MpyPrintfSpec *spec);

/* Append the conversion of `value`.  Returns 0, or -1 + MemoryError. */
int mpy__format_double(MpyStrBuilder *sb, double value, const MpyPrintfSpec *spec);

#endif
