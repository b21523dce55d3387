/* runtime/float_repr.c: doubles to text and text to doubles.
 *
 * Models CPython's Python/pystrtod.c (PyOS_double_to_string and
 * PyOS_string_to_double).  CPython carries David Gay's dtoa.c to find the
 * shortest digit string that reads back as the same double (repr(0.1) is
 * '0.1', not '0.1000000000000000055511151231257827').  We get the same
 * digits from the C library, which rounds correctly in both directions:
 * the shortest string is the smallest precision p for which printf's
 * correctly rounded p-digit form, read back with strtod, gives the value
 * again.  Thanks to DBL_DIG (every 15-digit decimal survives a round trip)
 * only p = 15, 16 and 17 need trying (see mpy__double_shortest).
 *
 * Layout rules (repr): exponent form when the decimal exponent is below -4
 * or at least 16 ('1e-05', '1e+16'), plain digits otherwise, with '.0'
 * added to integral values ('100.0').  The other modes ('e', 'f', 'g' with
 * a precision) are printf's, with CPython's spelling of inf and nan.
 */
#include "runtime/float_impl.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* Shortest digits                                                      */

/* Does the p-significant-digit form of v read back as v?  Leaves the
 * "%.{p-1}e" text in buf. */
static bool round_trips(double v, int p, char *buf, size_t size)
{
    snprintf(buf, size, "%.*e", p - 1, v);
    return strtod(buf, NULL) == v;
}

/* buf is "D.DDDDe+XX" or "De+XX": collect the digits without trailing
 * zeros and read the exponent. */
static void collect_digits(const char *buf, char *digits, int *decpt)
{
    int n = 0;
    const char *s = buf;
    for (; *s != 'e'; s++)
        if (*s != '.')
            digits[n++] = *s;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = atoi(s + 1) + 1;
}

/* Increase the last mantissa digit of the "%.*e" text in buf by one unit
 * (carrying), and tell whether that reads back as v.  Leaves buf bumped. */
static bool bump_round_trips(double v, char *buf)
{
    char *e = strchr(buf, 'e');
    char *q = e - 1;
    for (;; q--) {
        if (*q == '.')
            continue;
        if (*q != '9') {
            (*q)++;
            break;
        }
        *q = '0';
        if (q == buf)  // 9.99e+05 -> 1.00e+06: rare enough to give up
            return false;
    }
    return strtod(buf, NULL) == v;
}

void mpy__double_shortest(double v, char *digits, int *decpt)
{
    char buf[40];
    v = fabs(v);
    if (v < DBL_MIN) {
        // Subnormals carry fewer than 53 bits, so the DBL_DIG shortcut
        // below does not hold: try every length (they are rare).
        int p = 1;
        while (p < 17 && !round_trips(v, p, buf, sizeof buf) && !bump_round_trips(v, buf))
            p++;
        if (p == 17)
            round_trips(v, 17, buf, sizeof buf);
        collect_digits(buf, digits, decpt);
        return;
    }
    // Any decimal of at most 15 digits survives the trip to a double and
    // back (DBL_DIG), so if the 15-digit rounding of v reads back as v,
    // that rounding with its trailing zeros dropped is the shortest form.
    // Otherwise the answer has 16 or 17 digits.
    if (!round_trips(v, 15, buf, sizeof buf) && !round_trips(v, 16, buf, sizeof buf)) {
        // Next to a power of two the gap below v is half the gap above, so
        // the nearest 16-digit decimal may miss while the one above hits.
        int e2;
        if (frexp(v, &e2) != 0.5 || !bump_round_trips(v, buf))
            round_trips(v, 17, buf, sizeof buf);
    }
    collect_digits(buf, digits, decpt);
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

typedef struct Out {
    char *buf;
    size_t size, len;
    bool overflow;
} Out;

static void put(Out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->size) {
        o->overflow = true;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void put_char(Out *o, char c, size_t count)
{
    for (size_t i = 0; i < count; i++)
        put(o, &c, 1);
}

/* repr layout of shortest digits (see the file comment). */
static void write_repr(Out *o, const char *digits, int decpt, unsigned flags)
{
    int n = (int)strlen(digits);
    if (decpt <= -4 || decpt > 16) {
        char exp[16];
        put(o, digits, 1);
        if (n > 1) {
            put(o, ".", 1);
            put(o, digits + 1, (size_t)n - 1);
        }
        int e = decpt - 1;
        snprintf(exp, sizeof exp, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        put(o, exp, strlen(exp));
    } else if (decpt <= 0) {
        put(o, "0.", 2);
        put_char(o, '0', (size_t)-decpt);
        put(o, digits, (size_t)n);
    } else if (decpt >= n) {
        put(o, digits, (size_t)n);
        put_char(o, '0', (size_t)(decpt - n));
        if (flags & MPY_DTOA_ADD_DOT_0)
            put(o, ".0", 2);
    } else {
        put(o, digits, (size_t)decpt);
        put(o, ".", 1);
        put(o, digits + decpt, (size_t)(n - decpt));
    }
}

/* printf modes.  `text` is the magnitude as printf wrote it. */
static void write_printf(Out *o, double mag, char type, int precision, unsigned flags)
{
    char fmt[16];
    char lower = (char)(type | 0x20);
    snprintf(fmt, sizeof fmt, "%%%s.*%c", (flags & MPY_DTOA_ALT) ? "#" : "", lower);
    int n = snprintf(NULL, 0, fmt, precision, mag);
    if (o->len + (size_t)n + 1 > o->size) {
        o->overflow = true;
        return;
    }
    snprintf(o->buf + o->len, (size_t)n + 1, fmt, precision, mag);
    char *text = o->buf + o->len;
    o->len += (size_t)n;
    if (type != lower)
        for (char *p = text; *p; p++)
            if (*p == 'e')
                *p = 'E';
    if ((flags & MPY_DTOA_ADD_DOT_0) && strpbrk(text, ".eE") == NULL)
        put(o, ".0", 2);
}

/* CPython's 'g' with ADD_DOT_0 (format's '' type with a precision)
 * switches to exponent form one digit earlier than C's %g, so that the
 * added ".0" never shows a digit the precision does not allow:
 * format(100.0, '.3') is '1e+02'.  That differs from %g only when the
 * decimal exponent is exactly precision - 1. */
static bool g_needs_exponent(double v, int precision)
{
    // Digits past the 17th of a double never carry into the exponent, so
    // 21 digits tell the exponent of any larger precision, and buf holds
    // them all (format(1.5, '.70') used to cut the 'e' off).
    char buf[64];
    int digits = precision < 21 ? precision : 21;
    snprintf(buf, sizeof buf, "%.*e", digits - 1, fabs(v));
    const char *e = strchr(buf, 'e');
    return e != NULL && atoi(e + 1) == precision - 1;
}

/* %e with precision - 1 digits, trailing zeros dropped unless ALT. */
static void write_g_as_e(Out *o, double mag, char type, int precision, unsigned flags)
{
    // Only called when the exponent is precision - 1 <= 308: "%.308e" of a
    // double is at most 316 characters.
    char buf[340];
    snprintf(buf, sizeof buf, (flags & MPY_DTOA_ALT) ? "%#.*e" : "%.*e", precision - 1, mag);
    char *e = strchr(buf, 'e');
    char *end = e;
    if (!(flags & MPY_DTOA_ALT) && strchr(buf, '.') != NULL) {
        while (end[-1] == '0')
            end--;
        if (end[-1] == '.')
            end--;
    }
    put(o, buf, (size_t)(end - buf));
    if (type == 'G')
        *e = 'E';
    put(o, e, strlen(e));
}

/* Are all digits of the mantissa in text zero ("0.000", "0e+00")? */
static bool mantissa_is_zero(const char *text)
{
    for (; *text && *text != 'e' && *text != 'E'; text++)
        if (*text >= '1' && *text <= '9')
            return false;
    return true;
}

int mpy__double_to_buf(double v, char type, int precision, unsigned flags, char *buf,
                       size_t size)
{
    Out o = {buf, size, 0, false};
    if (size == 0)
        return -1;
    buf[0] = '\0';
    bool upper = type >= 'A' && type <= 'Z';
    bool neg = signbit(v) && !isnan(v);
    // Leave room for the sign, decide on it at the end.
    put(&o, " ", 1);
    if (!isfinite(v)) {
        const char *word = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        put(&o, word, 3);
    } else if (type == 'r') {
        if (v == 0.0) {
            put(&o, "0", 1);
            if (flags & MPY_DTOA_ADD_DOT_0)
                put(&o, ".0", 2);
        } else {
            char digits[20];
            int decpt;
            mpy__double_shortest(v, digits, &decpt);
            write_repr(&o, digits, decpt, flags);
        }
    } else {
        if ((type | 0x20) == 'g' && precision == 0)
            precision = 1;
        if ((type | 0x20) == 'g' && (flags & MPY_DTOA_ADD_DOT_0) && g_needs_exponent(v, precision))
            write_g_as_e(&o, fabs(v), type, precision, flags);
        else
            write_printf(&o, fabs(v), type, precision, flags);
    }
    if (o.overflow)
        return -1;
    if (neg && (flags & MPY_DTOA_NO_NEG_0) && isfinite(v) && mantissa_is_zero(buf + 1))
        neg = false;
    if (neg)
        buf[0] = '-';
    else if (flags & MPY_DTOA_SIGN)
        buf[0] = '+';
    else {
        memmove(buf, buf + 1, o.len);  // includes the NUL
        o.len--;
    }
    return (int)o.len;
}

char *mpy__double_to_cstr(double v, char type, int precision, unsigned flags)
{
    size_t size = (type == 'r' ? 0 : (size_t)(precision < 0 ? 0 : precision)) + 340;
    char *buf = mpy_mem_alloc(size);
    if (buf == NULL)
        return NULL;
    if (mpy__double_to_buf(v, type, precision, flags, buf, size) < 0) {
        mpy_mem_free(buf);
        mpy_err_set(mpy_exc_SystemError, "float formatting overflowed its buffer");
        return NULL;
    }
    return buf;
}

int mpy_float_repr_buf(double v, char *buf, size_t size)
{
    // Integral values below 2**53 are common (100.0) and need no search.
    if (v == floor(v) && fabs(v) < 9007199254740992.0 && fabs(v) < 1e16 && v != 0.0)
        return snprintf(buf, size, "%.0f.0", v);
    int n = mpy__double_to_buf(v, 'r', 0, MPY_DTOA_ADD_DOT_0, buf, size);
    return n < 0 ? 0 : n;
}

MpyObject *mpy_float_repr_double(double v)
{
    char buf[40];
    int n = mpy_float_repr_buf(v, buf, sizeof buf);
    return mpy_str_from_utf8_trusted(buf, (size_t)n);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static bool match_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i])
            return false;
    return true;
}

/* Copy a run of digits with single underscores between them into *dst.
 * Returns the number of digits, or -1 for a misplaced underscore. */
static int copy_digits(const char **pp, const char *end, char **dst)
{
    const char *p = *pp;
    int n = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            *(*dst)++ = *p++;
            n++;
        } else if (*p == '_' && n > 0 && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
            p++;
        } else {
            break;
        }
    }
    if (p < end && *p == '_')
        return -1;
    *pp = p;
    return n;
}

static bool parse_ascii_double(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    size_t n;
    while ((n = mpy__num_space_len(p, end)) > 0)
        p += n;
    while (end > p && mpy__num_space_len(end - 1, end) == 1)
        end--;
    bool neg = false;
    const char *start = p;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    if (match_word(p, end, "inf") || match_word(p, end, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (match_word(p, end, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    char small[128];
    size_t need = (size_t)(end - start) + 1;
    char *clean = need <= sizeof small ? small : malloc(need);
    if (clean == NULL)
        return false;
    char *d = clean;
    if (neg)
        *d++ = '-';
    bool ok = true;
    int int_digits = copy_digits(&p, end, &d), frac_digits = 0;
    if (int_digits < 0)
        ok = false;
    if (ok && p < end && *p == '.') {
        *d++ = *p++;
        frac_digits = copy_digits(&p, end, &d);
        if (frac_digits < 0)
            ok = false;
    }
    if (int_digits + frac_digits <= 0)
        ok = false;
    if (ok && p < end && (*p == 'e' || *p == 'E')) {
        *d++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *d++ = *p++;
        if (copy_digits(&p, end, &d) <= 0)
            ok = false;
    }
    if (ok && p != end)
        ok = false;
    *d = '\0';
    if (ok)
        *out = strtod(clean, NULL);
    if (clean != small)
        free(clean);
    return ok;
}

bool mpy__parse_double(const char *s, size_t len, double *out)
{
    size_t alen;
    char *ascii = mpy__num_to_ascii(s, len, &alen);
    if (ascii == NULL)
        return parse_ascii_double(s, len, out);
    bool ok = parse_ascii_double(ascii, alen, out);
    mpy_mem_free(ascii);
    return ok;
}
