/* runtime/format_spec.c: format(value, spec) for int, float, complex and
 * str, and printf-style number conversions for `%`.
 *
 * Models CPython's Python/formatter_unicode.c.  A spec is parsed once into
 * an MpyFormatSpec; each type then produces the text of its value in three
 * pieces, and one layout function puts them together:
 *
 *      [padding] [sign] [prefix] [padding if '='] [digits] [rest] [padding]
 *                  -      0x                        1,234   .50e+03 %
 *
 * `digits` is the run of integer digits, the only part that gets thousands
 * separators.  With '=' alignment and a '0' fill (what "08" means) the
 * padding becomes leading zeros that are grouped too: format(1234, '08,')
 * is '0,001,234', one character wider than asked, exactly as in CPython.
 *
 * The printf API at the end serves the `%` operator; it follows the rules
 * of CPython's formatlong/formatfloat instead (precision pads integer
 * digits with zeros, '#' adds 0o/0x, '0' pads after the sign).
 */
#include "runtime/format_spec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/float_impl.h"
#include "runtime/int.h"
#include "runtime/int_impl.h"

/* ------------------------------------------------------------------ */
/* Parsing                                                              */

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Read a decimal number at cp[*pos]; -1 if there are no digits, -2 (with
 * ValueError) if it does not fit. */
static ptrdiff_t read_number(const uint32_t *cp, size_t n, size_t *pos)
{
    ptrdiff_t value = -1;
    while (*pos < n && cp[*pos] >= '0' && cp[*pos] <= '9') {
        int d = (int)(cp[*pos] - '0');
        if (value < 0)
            value = 0;
        if (value > (PTRDIFF_MAX - d) / 10) {
            mpy_err_set(mpy_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        value = value * 10 + d;
        (*pos)++;
    }
    return value;
}

static int bad_separator_type(char sep, uint32_t type)
{
    if (type > 32 && type < 128)
        mpy_err_format(mpy_exc_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    else
        mpy_err_format(mpy_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                       (unsigned)type);
    return -1;
}

/* The checks of CPython's parse_internal_render_format_spec that depend on
 * the type character: which types take a thousands separator. */
static int check_grouping(MpyFormatSpec *f)
{
    if (f->grouping == 0)
        return 0;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_') {
            f->group_size = 4;  // every four digits in bin/oct/hex
            return 0;
        }
        return bad_separator_type(f->grouping, f->type);
    default:
        return bad_separator_type(f->grouping, f->type);
    }
}

static int parse_code_points(const uint32_t *cp, size_t n, MpyObject *spec, const char *type_name,
                             char default_type, char default_align, MpyFormatSpec *f)
{
    *f = (MpyFormatSpec){.fill = ' ', .align = default_align, .group_size = 3, .width = -1,
                         .precision = -1, .type = (uint32_t)default_type};
    size_t pos = 0;
    bool fill_given = false, align_given = false;
    if (n >= 2 && is_align(cp[1])) {
        f->fill = cp[0];
        f->align = (char)cp[1];
        fill_given = align_given = true;
        pos = 2;
    } else if (n >= 1 && is_align(cp[0])) {
        f->align = (char)cp[0];
        align_given = true;
        pos = 1;
    }
    if (pos < n && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' '))
        f->sign = (char)cp[pos++];
    if (pos < n && cp[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && cp[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_given && pos < n && cp[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    if ((f->width = read_number(cp, n, &pos)) == -2)
        return -1;
    if (pos < n && cp[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < n && cp[pos] == '_') {
        if (f->grouping != 0)
            goto both_separators;
        f->grouping = '_';
        pos++;
    }
    if (pos < n && cp[pos] == ',' && f->grouping == '_')
        goto both_separators;
    if (pos < n && cp[pos] == '.') {
        pos++;
        f->precision = read_number(cp, n, &pos);
        if (f->precision == -2)
            return -1;
        if (f->precision == -1) {
            mpy_err_set(mpy_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - pos > 1) {
        mpy_err_format(mpy_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                       spec, type_name);
        return -1;
    }
    if (n - pos == 1)
        f->type = cp[pos];
    return check_grouping(f);

both_separators:
    mpy_err_set(mpy_exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

int mpy__format_spec_parse(MpyObject *spec, const char *type_name, char default_type,
                           char default_align, MpyFormatSpec *out)
{
    size_t n = (size_t)mpy_str_length(spec);
    uint32_t small[64];
    uint32_t *cp = n <= 64 ? small : mpy_mem_alloc(n * sizeof *cp);
    if (cp == NULL)
        return -1;
    const char *p = mpy_str_utf8(spec);
    if (((MpyStrObject *)spec)->ascii) {
        for (size_t i = 0; i < n; i++)
            cp[i] = (unsigned char)p[i];
    } else {
        for (size_t i = 0; i < n; i++) {
            int len;
            cp[i] = mpy_utf8_decode(p, &len);
            p += len;
        }
    }
    int r = parse_code_points(cp, n, spec, type_name, default_type, default_align, out);
    if (cp != small)
        mpy_mem_free(cp);
    return r;
}

MpyObject *mpy__format_unknown_code(uint32_t code, const char *type_name)
{
    if (code > 32 && code < 128)
        return mpy_err_format(mpy_exc_ValueError,
                              "Unknown format code '%c' for object of type '%s'", (int)code,
                              type_name);
    return mpy_err_format(mpy_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type '%s'", (unsigned)code,
                          type_name);
}

/* ------------------------------------------------------------------ */
/* Layout                                                               */

/* Widths beyond this are refused up front, as the allocation would fail. */
#define MAX_PADDING ((ptrdiff_t)1 << 31)

static int append_fill(MpyStrBuilder *sb, uint32_t fill, ptrdiff_t count)
{
    if (count > MAX_PADDING) {
        mpy_err_no_memory();
        return -1;
    }
    if (count <= 0)
        return 0;  // the common case: no padding at all
    // Append a block of up to 64 fill characters at a time: a width of
    // 10**8 is legal and should cost 10**8 bytes, not 10**8 calls.
    char enc[4], block[64 * 4];
    int len = mpy_utf8_encode(fill, enc);
    int nblock = count < 64 ? (int)count : 64;
    if (len == 1)
        memset(block, enc[0], (size_t)nblock);
    else
        for (int i = 0; i < nblock; i++)
            memcpy(block + i * len, enc, (size_t)len);
    while (count > 0) {
        ptrdiff_t n = count < 64 ? count : 64;
        if (mpy_sb_append(sb, block, (size_t)(n * len)) < 0)
            return -1;
        count -= n;
    }
    return 0;
}

/* Group `digits` right to left, padding with zeros up to min_width
 * (CPython's _PyUnicode_InsertThousandsGrouping).  Returns a malloc'd
 * string and its length, or NULL + MemoryError. */
static char *group_digits(const char *digits, size_t n, ptrdiff_t min_width, char sep, int group,
                          size_t *out_len)
{
    size_t cap = n + (min_width > 0 ? (size_t)min_width : 0) + n / (size_t)group + 8;
    char *buf = mpy_mem_alloc(cap);
    if (buf == NULL)
        return NULL;
    char *w = buf + cap;
    if (sep == 0 || n == 0) {
        // No separators (or no digits, as for "inf"): just leading zeros.
        w -= n;
        memcpy(w, digits, n);
        for (ptrdiff_t k = (ptrdiff_t)n; k < min_width; k++)
            *--w = '0';
    } else {
        ptrdiff_t remaining = (ptrdiff_t)n, minw = min_width;
        bool use_sep = false;
        for (;;) {
            ptrdiff_t l = remaining > minw ? remaining : minw;
            l = l < 1 ? 1 : l;
            l = l > group ? group : l;
            ptrdiff_t nzeros = l > remaining ? l - remaining : 0;
            ptrdiff_t nchars = remaining < l ? remaining : l;
            if (use_sep)
                *--w = sep;
            w -= nchars;
            memcpy(w, digits + remaining - nchars, (size_t)nchars);
            for (ptrdiff_t k = 0; k < nzeros; k++)
                *--w = '0';
            use_sep = true;
            remaining -= nchars;
            minw -= l;
            if (remaining <= 0 && minw <= 0)
                break;
            minw -= 1;
        }
    }
    *out_len = (size_t)(buf + cap - w);
    memmove(buf, w, *out_len);
    return buf;
}

/* Append n bytes of ASCII text (digits, signs, prefixes, exponents): no
 * scan for multi-byte characters is needed. */
static int append_ascii(MpyStrBuilder *sb, const char *text, size_t n)
{
    if (n == 0)
        return 0;
    if (mpy_sb_reserve(sb, n) < 0)
        return -1;
    memcpy(sb->buf + sb->len, text, n);
    sb->len += n;
    sb->nchars += (ptrdiff_t)n;
    return 0;
}

/* Put [sign][prefix][digits][rest] together with padding per the spec. */
static int write_number(MpyStrBuilder *sb, const MpyFormatSpec *f, char sign, const char *prefix,
                        const char *digits, size_t ndigits, const char *rest, size_t nrest)
{
    char head[4];  // the sign and a two-letter prefix
    size_t nhead = 0;
    if (sign)
        head[nhead++] = sign;
    for (; *prefix; prefix++)
        head[nhead++] = *prefix;
    ptrdiff_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0)
        min_width = f->width - (ptrdiff_t)nhead - (ptrdiff_t)nrest;
    // Only separators or zero padding change the digits.
    char *grouped = NULL;
    size_t ngrouped = ndigits;
    if (f->grouping != 0 || min_width > (ptrdiff_t)ndigits) {
        grouped = group_digits(digits, ndigits, min_width, f->grouping, f->group_size, &ngrouped);
        if (grouped == NULL)
            return -1;
        digits = grouped;
    }
    ptrdiff_t pad = f->width - (ptrdiff_t)(nhead + ngrouped + nrest);
    if (pad < 0)
        pad = 0;
    ptrdiff_t left = 0, right = 0, middle = 0;
    switch (f->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': middle = pad; break;
    default: left = pad; break;
    }
    int r = 0;
    size_t total = nhead + ngrouped + nrest + (size_t)pad;
    if (pad > MAX_PADDING) {
        mpy_err_no_memory();  // as append_fill would say
        r = -1;
    } else if (mpy_sb_reserve(sb, total) < 0) {
        r = -1;
    } else if (f->fill < 0x80) {
        // All ASCII (the usual case): write the pieces straight in.
        char *w = sb->buf + sb->len;
        memset(w, (int)f->fill, (size_t)left);
        w += left;
        memcpy(w, head, nhead);
        w += nhead;
        memset(w, (int)f->fill, (size_t)middle);
        w += middle;
        memcpy(w, digits, ngrouped);
        w += ngrouped;
        memcpy(w, rest, nrest);
        w += nrest;
        memset(w, (int)f->fill, (size_t)right);
        sb->len += total;
        sb->nchars += (ptrdiff_t)total;
    } else {
        r = append_fill(sb, f->fill, left) | append_ascii(sb, head, nhead) |
            append_fill(sb, f->fill, middle) | append_ascii(sb, digits, ngrouped) |
            append_ascii(sb, rest, nrest) | append_fill(sb, f->fill, right);
    }
    if (grouped != NULL)
        mpy_mem_free(grouped);
    return r < 0 ? -1 : 0;
}

/* Pad already-built text (str, 'c', complex) to the width. */
static int write_padded(MpyStrBuilder *sb, const MpyFormatSpec *f, const char *text, size_t size,
                        ptrdiff_t nchars)
{
    ptrdiff_t pad = f->width > nchars ? f->width - nchars : 0;
    ptrdiff_t left = f->align == '>' ? pad : f->align == '^' ? pad / 2 : 0;
    if (append_fill(sb, f->fill, left) < 0 || mpy_sb_append(sb, text, size) < 0 ||
        append_fill(sb, f->fill, pad - left) < 0)
        return -1;
    return 0;
}

static char sign_char(bool negative, char spec_sign)
{
    if (negative)
        return '-';
    return spec_sign == '+' ? '+' : spec_sign == ' ' ? ' ' : 0;
}

/* Index just past the leading run of digits of text. */
static size_t digit_run(const char *text)
{
    size_t i = 0;
    while (text[i] >= '0' && text[i] <= '9')
        i++;
    return i;
}

/* ------------------------------------------------------------------ */
/* Floats                                                               */

/* 10**k for k = 0..19: every one is exact both as uint64_t and as a
 * double (5**19 < 2**53). */
static const uint64_t pow10_u64[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
    100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull};

/* The fast path of '%.{precision}f' (f-strings like f"{x:.2f}" are the
 * common case): the C library's printf works in multi-precision
 * arithmetic and costs thousands of instructions per number.  A double is
 * exactly m / 2**shift with m < 2**53, so when the answer has at most 19
 * digits, m * 10**precision fits in 128 bits and q = round(v * 10**precision)
 * is one shift; the bits shifted out decide the rounding, half to even on
 * the exact binary value, as printf and CPython's dtoa.c do
 * (mpy__double_round_scaled; float.c's repr uses it too). */
bool mpy__double_round_scaled(double mag, int k, uint64_t *q)
{
    if (!(mag >= 0.0) || k < 0 || k > 19 || mag * (double)pow10_u64[k] >= 1e19)
        return false;  // more than 19 digits (or close), or not finite
    *q = 0;
    if (mag == 0.0)
        return true;
    // mag = m / 2**shift exactly, from the IEEE 754 fields.
    uint64_t bits;
    memcpy(&bits, &mag, sizeof bits);
    int biased = (int)(bits >> 52);  // the sign bit is clear
    uint64_t m = bits & ((1ull << 52) - 1);
    int shift = 1074;  // subnormal: m * 2**-1074
    if (biased != 0) {
        m |= 1ull << 52;
        shift = 1075 - biased;
    }
    if (shift <= 0) {
        *q = (m << -shift) * pow10_u64[k];  // < 10**19, checked above
    } else if (shift < 128) {
        unsigned __int128 n = (unsigned __int128)m * pow10_u64[k];
        uint64_t r = (uint64_t)(n >> shift);
        unsigned __int128 rest = n - ((unsigned __int128)r << shift);
        unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
        if (rest > half || (rest == half && (r & 1)))
            r++;
        *q = r;
    }
    // else mag < 2**-75: far below half a unit of the last digit, q = 0
    return true;
}

/* Writes what mpy__double_to_buf would write ("-0.50", with flags ALT and
 * NO_NEG_0 honoured) into buf (>= 32 bytes).  Returns the length, or -1
 * when v is outside the fast range (the caller takes the slow path). */
static int fixed_text_fast(double v, int precision, unsigned flags, char *buf)
{
    uint64_t q;
    if (!isfinite(v) || (flags & (MPY_DTOA_SIGN | MPY_DTOA_ADD_DOT_0)) ||
        !mpy__double_round_scaled(fabs(v), precision, &q))
        return -1;
    char digits[24];
    char *end = digits + sizeof digits, *d = end;
    bool zero = q == 0;
    do {
        *--d = (char)('0' + q % 10);
        q /= 10;
    } while (q != 0);
    int nd = (int)(end - d);
    char *out = buf;
    if (signbit(v) && !(zero && (flags & MPY_DTOA_NO_NEG_0)))
        *out++ = '-';
    int int_digits = nd - precision;
    if (int_digits <= 0) {
        *out++ = '0';
    } else {
        memcpy(out, d, (size_t)int_digits);
        out += int_digits;
        d += int_digits;
        nd -= int_digits;
    }
    if (precision > 0 || (flags & MPY_DTOA_ALT))
        *out++ = '.';
    if (precision > nd) {
        memset(out, '0', (size_t)(precision - nd));
        out += precision - nd;
    }
    memcpy(out, d, (size_t)nd);
    out += nd;
    *out = '\0';
    return (int)(out - buf);
}

/* Size of the buffers double_text can answer in. */
#define SMALL_TEXT 64

/* mpy__double_to_cstr with the fixed-point fast path: the text lands in
 * `small` (SMALL_TEXT bytes) when it can, else in a new mpy_mem_alloc
 * block.  Returns: small, a block to mpy_mem_free, or NULL + exception. */
static char *double_text(double v, char type, int precision, unsigned flags, char *small)
{
    if ((type == 'f' || type == 'F') && fixed_text_fast(v, precision, flags, small) >= 0)
        return small;
    return mpy__double_to_cstr(v, type, precision, flags);
}

static void free_text(char *text, char *small)
{
    if (text != small)
        mpy_mem_free(text);
}

/* The text of |v| per the spec's float rules (CPython's
 * format_float_internal), with *negative telling the sign.  Returns a
 * string from mpy_mem_alloc, or NULL + exception. */
static char *float_text(double v, const MpyFormatSpec *f, bool *negative, bool *percent,
                        char *small)
{
    unsigned flags = 0;
    char type = (char)f->type;
    ptrdiff_t precision = f->precision;
    int default_precision = 6;
    if (f->alternate)
        flags |= MPY_DTOA_ALT;
    if (f->no_neg_0)
        flags |= MPY_DTOA_NO_NEG_0;
    if (type == 0) {
        // Like repr() without a precision, else like 'g' with a '.0'.
        flags |= MPY_DTOA_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    *percent = type == '%';
    if (*percent) {
        type = 'f';
        v *= 100;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    if (precision > 100000000) {
        mpy_err_set(mpy_exc_ValueError, "precision too big");
        return NULL;
    }
    char *text = double_text(v, type, (int)precision, flags, small);
    if (text == NULL)
        return NULL;
    *negative = text[0] == '-';
    if (*negative)
        memmove(text, text + 1, strlen(text));
    return text;
}

static int format_double_spec(MpyStrBuilder *sb, double v, const MpyFormatSpec *f)
{
    bool negative, percent;
    char small[SMALL_TEXT];
    char *text = float_text(v, f, &negative, &percent, small);
    if (text == NULL)
        return -1;
    size_t nd = digit_run(text), len = strlen(text);
    if (percent)
        text[len++] = '%';  // room: the buffer has slack beyond the text
    int r = write_number(sb, f, sign_char(negative, f->sign), "", text, nd, text + nd, len - nd);
    free_text(text, small);
    return r;
}

static bool is_float_type(uint32_t t)
{
    return t == 0 || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' ||
           t == 'n' || t == '%';
}

MpyObject *mpy_format_float(MpyObject *value, MpyObject *spec)
{
    if (spec == NULL || mpy_str_length(spec) == 0)
        return mpy_object_str(value);
    MpyFormatSpec f;
    if (mpy__format_spec_parse(spec, mpy_type_name_of(value), 0, '>', &f) < 0)
        return NULL;
    if (!is_float_type(f.type))
        return mpy__format_unknown_code(f.type, mpy_type_name_of(value));
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (format_double_spec(&sb, mpy_float_value(value), &f) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* Ints                                                                 */

/* Digits of |value| in `base` (upper case for 'X').  Returns a new str
 * or NULL; *negative tells the sign. */
static MpyObject *int_digits(MpyObject *value, int base, bool upper, bool *negative)
{
    *negative = mpy_int_sign(value) < 0;
    MpyObject *abs = *negative ? mpy__int_abs(value) : MPY_NEWREF(value);
    if (abs == NULL)
        return NULL;
    MpyObject *s = mpy_int_to_string(abs, base);
    MPY_DECREF(abs);
    if (s == NULL || !upper)
        return s;
    MpyStrObject *so = (MpyStrObject *)s;
    MpyObject *u = mpy_str_from_utf8_trusted(so->data, (size_t)so->size);
    if (u != NULL)
        for (char *p = ((MpyStrObject *)u)->data; *p; p++)
            if (*p >= 'a' && *p <= 'f')
                *p = (char)(*p - 'a' + 'A');
    MPY_DECREF(s);
    return u;
}

/* Digits of |tagged int| in `base` (2, 8, 10 or 16), written backwards
 * so that they end at buf[72].  Returns their count. */
static size_t small_int_digits(MpyObject *value, int base, bool upper, char buf[72],
                               bool *negative)
{
    intptr_t v = mpy_small_int_value(value);
    *negative = v < 0;
    uint64_t mag = v < 0 ? 0ull - (uint64_t)v : (uint64_t)v;
    const char *chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *end = buf + 72, *p = end;
    if (base == 10) {
        do {  // a constant divisor: a multiplication, not a division
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag != 0);
    } else {
        unsigned bits = base == 16 ? 4 : base == 8 ? 3 : 1;
        do {
            *--p = chars[mag & (uint64_t)(base - 1)];
            mag >>= bits;
        } while (mag != 0);
    }
    return (size_t)(end - p);
}

static int format_char(MpyStrBuilder *sb, MpyObject *value, const MpyFormatSpec *f)
{
    if (f->sign != 0) {
        mpy_err_set(mpy_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        return -1;
    }
    if (f->alternate) {
        mpy_err_set(mpy_exc_ValueError,
                    "Alternate form (#) not allowed with integer format specifier 'c'");
        return -1;
    }
    long long cp;
    if (!mpy_int_to_long_exact(value, &cp)) {
        mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (cp < 0 || cp > 0x10ffff) {
        mpy_err_set(mpy_exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    char enc[4];
    int len = mpy_utf8_encode((uint32_t)cp, enc);
    MpyFormatSpec g = *f;
    if (g.align == '=')
        g.align = '>';
    return write_padded(sb, &g, enc, (size_t)len, 1);
}

static int format_int_spec(MpyStrBuilder *sb, MpyObject *value, const MpyFormatSpec *f)
{
    if (f->precision != -1) {
        mpy_err_set(mpy_exc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (f->no_neg_0) {
        mpy_err_set(mpy_exc_ValueError,
                    "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (f->type == 'c')
        return format_char(sb, value, f);
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    bool negative;
    if (mpy_is_small_int(value)) {
        // The common case: no str object for the digits.
        char buf[72];
        size_t n = small_int_digits(value, base, f->type == 'X', buf, &negative);
        return write_number(sb, f, sign_char(negative, f->sign), f->alternate ? prefix : "",
                            buf + sizeof buf - n, n, "", 0);
    }
    MpyObject *digits = int_digits(value, base, f->type == 'X', &negative);
    if (digits == NULL)
        return -1;
    int r = write_number(sb, f, sign_char(negative, f->sign), f->alternate ? prefix : "",
                         mpy_str_utf8(digits), (size_t)mpy_str_size(digits), "", 0);
    MPY_DECREF(digits);
    return r;
}

MpyObject *mpy_format_int(MpyObject *value, MpyObject *spec)
{
    if (spec == NULL || mpy_str_length(spec) == 0)
        return mpy_object_str(value);
    MpyFormatSpec f;
    if (mpy__format_spec_parse(spec, mpy_type_name_of(value), 'd', '>', &f) < 0)
        return NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int r;
    switch (f.type) {
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        r = format_int_spec(&sb, value, &f);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = mpy_int_as_double(value);
        r = (d == -1.0 && mpy_err_occurred()) ? -1 : format_double_spec(&sb, d, &f);
        break;
    }
    default:
        mpy_sb_discard(&sb);
        return mpy__format_unknown_code(f.type, mpy_type_name_of(value));
    }
    if (r < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* Strings                                                              */

static MpyObject *string_spec_error(const MpyFormatSpec *f)
{
    if (f->sign == ' ')
        return mpy_err_format(mpy_exc_ValueError, "Space not allowed in string format specifier");
    if (f->sign != 0)
        return mpy_err_format(mpy_exc_ValueError, "Sign not allowed in string format specifier");
    if (f->no_neg_0)
        return mpy_err_format(mpy_exc_ValueError,
                              "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alternate)
        return mpy_err_format(mpy_exc_ValueError,
                              "Alternate form (#) not allowed in string format specifier");
    return mpy_err_format(mpy_exc_ValueError,
                          "'=' alignment not allowed in string format specifier");
}

MpyObject *mpy_format_str(MpyObject *value, MpyObject *spec)
{
    if (spec == NULL || mpy_str_length(spec) == 0)
        return mpy_object_str(value);
    MpyFormatSpec f;
    if (mpy__format_spec_parse(spec, mpy_type_name_of(value), 's', '<', &f) < 0)
        return NULL;
    if (f.type != 's')
        return mpy__format_unknown_code(f.type, mpy_type_name_of(value));
    if (f.sign != 0 || f.no_neg_0 || f.alternate || f.align == '=')
        return string_spec_error(&f);
    ptrdiff_t length = mpy_str_length(value);
    if (f.precision >= 0 && f.precision < length)
        length = f.precision;
    if (length == mpy_str_length(value) && f.width <= length && mpy_str_check_exact(value))
        return MPY_NEWREF(value);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    ptrdiff_t bytes = mpy_str_byte_offset(value, length);
    if (write_padded(&sb, &f, mpy_str_utf8(value), (size_t)bytes, length) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* Complex                                                              */

static int format_complex_spec(MpyStrBuilder *sb, double re, double im, MpyFormatSpec *f)
{
    if (f->fill == '0') {
        mpy_err_set(mpy_exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (f->align == '=') {
        mpy_err_set(mpy_exc_ValueError,
                    "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    char type = (char)f->type;
    int precision = (int)f->precision, default_precision = 6;
    bool skip_re = false, parens = false;
    unsigned flags = f->alternate ? MPY_DTOA_ALT : 0;
    if (f->no_neg_0)
        flags |= MPY_DTOA_NO_NEG_0;
    if (type == 0) {
        // Like repr() (parentheses unless the real part is +0), or 'g'.
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && copysign(1.0, re) == 1.0)
            skip_re = true;
        else
            parens = true;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *re_text = mpy__double_to_cstr(re, type, precision, flags);
    char *im_text = mpy__double_to_cstr(im, type, precision, flags);
    int r = -1;
    if (re_text != NULL && im_text != NULL) {
        MpyStrBuilder body;
        mpy_sb_init(&body);
        bool re_neg = re_text[0] == '-';
        char sign = sign_char(re_neg, f->sign);
        char head[2] = {sign, 0};
        r = mpy_sb_append_cstr(&body, parens ? "(" : "");
        if (!skip_re)
            r |= mpy_sb_append_cstr(&body, head) | mpy_sb_append_cstr(&body, re_text + re_neg);
        if (!skip_re && im_text[0] != '-')
            r |= mpy_sb_append_cstr(&body, "+");
        else if (skip_re && im_text[0] != '-' && f->sign != 0 && f->sign != '-')
            r |= mpy_sb_append_cstr(&body, f->sign == '+' ? "+" : " ");
        r |= mpy_sb_append_cstr(&body, im_text) | mpy_sb_append_cstr(&body, parens ? "j)" : "j");
        if (r == 0) {
            ptrdiff_t nchars = body.nchars;
            MpyObject *s = mpy_sb_finish(&body);
            r = s == NULL ? -1
                          : write_padded(sb, f, mpy_str_utf8(s), (size_t)mpy_str_size(s), nchars);
            MPY_XDECREF(s);
        } else {
            mpy_sb_discard(&body);
            r = -1;
        }
    }
    mpy_mem_free(re_text);
    mpy_mem_free(im_text);
    return r;
}

MpyObject *mpy__format_complex(MpyObject *value, MpyObject *spec)
{
    if (spec == NULL || mpy_str_length(spec) == 0)
        return mpy_object_str(value);
    MpyFormatSpec f;
    if (mpy__format_spec_parse(spec, mpy_type_name_of(value), 0, '>', &f) < 0)
        return NULL;
    if (!is_float_type(f.type) || f.type == '%')
        return mpy__format_unknown_code(f.type, mpy_type_name_of(value));
    MpyComplexObject *c = (MpyComplexObject *)value;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (format_complex_spec(&sb, c->real, c->imag, &f) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* printf-style                                                         */

/* [pad][sign][prefix][zeros][body][pad] as CPython's `%` lays it out. */
static int printf_emit(MpyStrBuilder *sb, const MpyPrintfSpec *spec, char sign,
                       const char *prefix, const char *body, size_t nbody)
{
    size_t nhead = (sign ? 1 : 0) + strlen(prefix);
    ptrdiff_t pad = spec->width - (ptrdiff_t)(nhead + nbody);
    if (pad < 0)
        pad = 0;
    bool left = spec->flags & MPY_PRINTF_LEFT;
    bool zeros = (spec->flags & MPY_PRINTF_ZERO) && !left;
    char signbuf[2] = {sign, 0};
    int r = 0;
    if (!left && !zeros)
        r |= append_fill(sb, ' ', pad);
    r |= mpy_sb_append_cstr(sb, signbuf) | mpy_sb_append_cstr(sb, prefix);
    if (zeros)
        r |= append_fill(sb, '0', pad);
    r |= mpy_sb_append(sb, body, nbody);
    if (left)
        r |= append_fill(sb, ' ', pad);
    return r < 0 ? -1 : 0;
}

static char printf_sign(bool negative, int flags)
{
    if (negative)
        return '-';
    return (flags & MPY_PRINTF_SIGN) ? '+' : (flags & MPY_PRINTF_BLANK) ? ' ' : 0;
}

int mpy__format_int(MpyStrBuilder *sb, MpyObject *value, const MpyPrintfSpec *spec)
{
    int base = 10;
    const char *prefix = "";
    switch (spec->type) {
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    bool negative;
    char small[72];
    MpyObject *digits = NULL;
    const char *text;
    size_t n;
    if (mpy_is_small_int(value)) {
        n = small_int_digits(value, base, spec->type == 'X', small, &negative);
        text = small + sizeof small - n;
    } else {
        digits = int_digits(value, base, spec->type == 'X', &negative);
        if (digits == NULL)
            return -1;
        text = mpy_str_utf8(digits);
        n = (size_t)mpy_str_size(digits);
    }
    char *body = NULL;
    if (spec->precision > (ptrdiff_t)n) {
        // The precision is a minimum number of digits.
        body = mpy_mem_alloc((size_t)spec->precision);
        if (body == NULL) {
            MPY_XDECREF(digits);
            return -1;
        }
        memset(body, '0', (size_t)spec->precision - n);
        memcpy(body + spec->precision - n, text, n);
        text = body;
        n = (size_t)spec->precision;
    }
    int r = printf_emit(sb, spec, printf_sign(negative, spec->flags),
                        (spec->flags & MPY_PRINTF_ALT) ? prefix : "", text, n);
    mpy_mem_free(body);
    MPY_XDECREF(digits);
    return r;
}

int mpy__format_double(MpyStrBuilder *sb, double value, const MpyPrintfSpec *spec)
{
    int precision = spec->precision < 0 ? 6 : (int)spec->precision;
    unsigned flags = (spec->flags & MPY_PRINTF_ALT) ? MPY_DTOA_ALT : 0;
    char small[SMALL_TEXT];
    char *text = double_text(value, spec->type, precision, flags, small);
    if (text == NULL)
        return -1;
    bool negative = text[0] == '-';
    const char *body = text + negative;
    int r = printf_emit(sb, spec, printf_sign(negative, spec->flags), "", body, strlen(body));
    free_text(text, small);
    return r;
}
