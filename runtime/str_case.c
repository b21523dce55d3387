/* runtime/str_case.c: case conversion (lower, upper, casefold, capitalize,
 * title, swapcase) and the character-class predicates (isalpha, isdigit,
 * islower, istitle, isidentifier ...).
 *
 * Models the do_lower/do_upper/... functions and the unicode_is* methods
 * of CPython's Objects/unicodeobject.c, with the full (multi-character)
 * Unicode case mappings: 'ß'.upper() == 'SS', 'ﬁ'.upper() == 'FI'.  Like
 * CPython, lowering a capital sigma gives 'ς' at the end of a word and 'σ'
 * elsewhere (the "final sigma" rule).  Pure-ASCII strings take a byte loop.
 */
#include "runtime/str_impl.h"

#include "runtime/error.h"
#include "runtime/int.h"

/* ------------------------------------------------------------------ */
/* Case conversion                                                      */

/* The byte-per-byte conversion of an ASCII string. */
enum { ASCII_LOWER, ASCII_UPPER, ASCII_SWAP, ASCII_CAPITALIZE, ASCII_TITLE };

static MpyObject *ascii_convert(MpyObject *self, int how)
{
    ptrdiff_t n = mpy_str_size(self);
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, n);
    if (r == NULL)
        return NULL;
    const unsigned char *s = (const unsigned char *)mpy_str_utf8(self);
    unsigned char *d = (unsigned char *)r->data;
    // One simple loop per conversion, so the compiler can vectorize them:
    // an ASCII letter changes case by flipping bit 0x20.
    switch (how) {
    case ASCII_LOWER:
        for (ptrdiff_t i = 0; i < n; i++)
            d[i] = s[i] ^ ((unsigned char)(s[i] - 'A') < 26u ? 0x20 : 0);
        break;
    case ASCII_UPPER:
        for (ptrdiff_t i = 0; i < n; i++)
            d[i] = s[i] ^ ((unsigned char)(s[i] - 'a') < 26u ? 0x20 : 0);
        break;
    case ASCII_SWAP:
        for (ptrdiff_t i = 0; i < n; i++)
            d[i] = s[i] ^ ((unsigned char)((s[i] | 0x20) - 'a') < 26u ? 0x20 : 0);
        break;
    default: {
        // capitalize: upper first, lower the rest; title: upper after an
        // uncased character, lower after a cased one.
        bool prev_cased = false;
        for (ptrdiff_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            bool letter = (unsigned char)((c | 0x20) - 'a') < 26u;
            bool up = how == ASCII_CAPITALIZE ? i == 0 : !prev_cased;
            if (letter)
                c = up ? (unsigned char)(c & ~0x20) : (unsigned char)(c | 0x20);
            prev_cased = letter;
            d[i] = c;
        }
        break;
    }
    }
    r->length = n;
    r->ascii = 1;
    return n <= 1 ? mpy__str_finish(r) : (MpyObject *)r;
}

/* CPython's handle_capital_sigma: is the capital sigma at `at` the end of
 * a word?  Yes when a cased letter precedes it and none follows it
 * (case-ignorable characters, such as apostrophes, are skipped). */
static bool final_sigma(const char *s, const char *end, const char *at)
{
    const char *p = at;
    uint32_t c = 0;
    bool found = false;
    while (p > s) {
        do
            p--;
        while (p > s && ((unsigned char)*p & 0xC0) == 0x80);
        int len;
        c = mpy_utf8_decode(p, &len);
        if (!mpy__unicode_is_case_ignorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !mpy__unicode_is_cased(c))
        return false;
    int len;
    p = at + 2; // U+03A3 is two bytes in UTF-8
    while (p < end) {
        c = mpy_utf8_decode(p, &len);
        if (!mpy__unicode_is_case_ignorable(c))
            return !mpy__unicode_is_cased(c);
        p += len;
    }
    return true;
}

/* Append one code point (the builder's ascii flag and count kept exact).
 * Returns 0, or -1 with MemoryError set. */
static inline int put_char(MpyStrBuilder *sb, uint32_t cp)
{
    if (sb->len + 5 > sb->cap && mpy_sb_reserve(sb, 4) < 0)
        return -1;
    if (cp < 0x80) {
        sb->buf[sb->len++] = (char)cp;
    } else {
        sb->len += (size_t)mpy_utf8_encode(cp, sb->buf + sb->len);
        sb->ascii = false;
    }
    sb->nchars++;
    return 0;
}

/* Append the lowercase form of the character `c` found at `at`. */
static int append_lower(MpyStrBuilder *sb, uint32_t c, const char *s, const char *end,
                        const char *at)
{
    if (c < 0x80)
        return put_char(sb, c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (c == 0x3A3)
        return put_char(sb, final_sigma(s, end, at) ? 0x3C2 : 0x3C3);
    uint32_t out[3];
    int n = mpy__unicode_case_full(c, MPY_CASE_LOWER, out);
    for (int i = 0; i < n; i++)
        if (put_char(sb, out[i]) < 0)
            return -1;
    return 0;
}

/* Append the full upper/title/casefold mapping of c (1 to 3 chars). */
static int append_mapped(MpyStrBuilder *sb, uint32_t c, int which)
{
    uint32_t out[3];
    int n = mpy__unicode_case_full(c, which, out);
    for (int i = 0; i < n; i++)
        if (put_char(sb, out[i]) < 0)
            return -1;
    return 0;
}

enum { CONV_LOWER, CONV_UPPER, CONV_FOLD, CONV_SWAP, CONV_CAPITALIZE, CONV_TITLE };

/* The general conversion, one code point at a time. */
static MpyObject *convert(MpyObject *self, int how)
{
    const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self), *p = s;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    bool prev_cased = false;
    // Usually the result is as long as the text: one allocation.
    int err = mpy_sb_reserve(&sb, (size_t)(end - s));
    for (ptrdiff_t i = 0; p < end && err == 0; i++) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x80 && (how == CONV_LOWER || how == CONV_FOLD || how == CONV_UPPER)) {
            // ASCII characters of mixed text: no decoding, no tables.
            if (how == CONV_UPPER)
                b = b >= 'a' && b <= 'z' ? (unsigned char)(b - 32) : b;
            else
                b = b >= 'A' && b <= 'Z' ? (unsigned char)(b + 32) : b;
            err = put_char(&sb, b);
            p++;
            continue;
        }
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        switch (how) {
        case CONV_LOWER:
            err = append_lower(&sb, c, s, end, p);
            break;
        case CONV_UPPER:
            err = append_mapped(&sb, c, MPY_CASE_UPPER);
            break;
        case CONV_FOLD:
            err = append_mapped(&sb, c, MPY_CASE_FOLD);
            break;
        case CONV_SWAP:
            if (mpy__unicode_is_upper(c))
                err = append_lower(&sb, c, s, end, p);
            else if (mpy__unicode_is_lower(c))
                err = append_mapped(&sb, c, MPY_CASE_UPPER);
            else
                err = put_char(&sb, c);
            break;
        case CONV_CAPITALIZE:
            err = i == 0 ? append_mapped(&sb, c, MPY_CASE_TITLE) : append_lower(&sb, c, s, end, p);
            break;
        default:
            err = prev_cased ? append_lower(&sb, c, s, end, p)
                             : append_mapped(&sb, c, MPY_CASE_TITLE);
            prev_cased = mpy__unicode_is_cased(c);
            break;
        }
        p += len;
    }
    if (err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy__sb_finish(&sb);
}

/* Pick the byte loop for ASCII text, the code point loop otherwise. */
static MpyObject *case_method(MpyObject *self, int how, int ascii_how)
{
    if (((MpyStrObject *)self)->ascii)
        return ascii_convert(self, ascii_how);
    return convert(self, how);
}

MpyObject *mpy__str_lower(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return case_method(self, CONV_LOWER, ASCII_LOWER);
}

MpyObject *mpy__str_upper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return case_method(self, CONV_UPPER, ASCII_UPPER);
}

MpyObject *mpy__str_casefold(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return case_method(self, CONV_FOLD, ASCII_LOWER);
}

MpyObject *mpy__str_swapcase(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return case_method(self, CONV_SWAP, ASCII_SWAP);
}

MpyObject *mpy__str_capitalize(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return case_method(self, CONV_CAPITALIZE, ASCII_CAPITALIZE);
}

MpyObject *mpy__str_title(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return case_method(self, CONV_TITLE, ASCII_TITLE);
}

/* ------------------------------------------------------------------ */
/* Predicates                                                           */

/* True when the string is not empty and every character has one of the
 * `mask` flags. */
static MpyObject *all_chars(MpyObject *self, unsigned mask)
{
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    if (p == end)
        return MPY_NEWREF(MPY_FALSE);
    while (p < end) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        if (!(mpy__unicode_flags(c) & mask))
            return MPY_NEWREF(MPY_FALSE);
        p += len;
    }
    return MPY_NEWREF(MPY_TRUE);
}

MpyObject *mpy__str_isalpha(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_ALPHA);
}

MpyObject *mpy__str_isalnum(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_ALPHA | MPY_UCD_DECIMAL | MPY_UCD_DIGIT | MPY_UCD_NUMERIC);
}

MpyObject *mpy__str_isdecimal(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_DECIMAL);
}

MpyObject *mpy__str_isdigit(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_DIGIT);
}

MpyObject *mpy__str_isnumeric(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_NUMERIC);
}

MpyObject *mpy__str_isspace(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_chars(self, MPY_UCD_SPACE);
}

MpyObject *mpy__str_isascii(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return MPY_NEWREF(mpy_bool_from(((MpyStrObject *)self)->ascii));
}

MpyObject *mpy__str_isprintable(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    if (mpy_str_size(self) == 0)
        return MPY_NEWREF(MPY_TRUE); // unlike the others, '' is printable
    return all_chars(self, MPY_UCD_PRINTABLE);
}

MpyObject *mpy__str_isidentifier(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    if (p == end)
        return MPY_NEWREF(MPY_FALSE);
    for (bool first = true; p < end; first = false) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        if (!(mpy__unicode_flags(c) & (first ? MPY_UCD_XID_START : MPY_UCD_XID_CONTINUE)))
            return MPY_NEWREF(MPY_FALSE);
        p += len;
    }
    return MPY_NEWREF(MPY_TRUE);
}

/* islower / isupper: no character of the opposite case (or titlecase),
 * and at least one cased character of the wanted case. */
static MpyObject *is_one_case(MpyObject *self, unsigned wanted, unsigned opposite)
{
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    bool cased = false;
    while (p < end) {
        int len;
        unsigned f = mpy__unicode_flags(mpy_utf8_decode(p, &len));
        if (f & (opposite | MPY_UCD_TITLE))
            return MPY_NEWREF(MPY_FALSE);
        if (f & wanted)
            cased = true;
        p += len;
    }
    return MPY_NEWREF(mpy_bool_from(cased));
}

MpyObject *mpy__str_islower(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return is_one_case(self, MPY_UCD_LOWER, MPY_UCD_UPPER);
}

MpyObject *mpy__str_isupper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return is_one_case(self, MPY_UCD_UPPER, MPY_UCD_LOWER);
}

/* istitle: uppercase and titlecase characters only after uncased ones,
 * lowercase ones only after cased ones, and at least one cased. */
MpyObject *mpy__str_istitle(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        int len;
        unsigned f = mpy__unicode_flags(mpy_utf8_decode(p, &len));
        if (f & (MPY_UCD_UPPER | MPY_UCD_TITLE)) {
            if (prev_cased)
                return MPY_NEWREF(MPY_FALSE);
            prev_cased = cased = true;
        } else if (f & MPY_UCD_LOWER) {
            if (!prev_cased)
                return MPY_NEWREF(MPY_FALSE);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
        p += len;
    }
    return MPY_NEWREF(mpy_bool_from(cased));
}
