/* runtime/str_split.c: str.split, rsplit, splitlines, strip, lstrip and
 * rstrip.
 *
 * Models CPython's Objects/stringlib/split.h and the strip functions of
 * Objects/unicodeobject.c.  All of them walk the UTF-8 bytes once.  ASCII
 * bytes are classified with a table; only bytes >= 0x80 need decoding to
 * test for the other Unicode whitespace (U+00A0, U+2000...) and line breaks
 * (U+0085, U+2028, U+2029).  Pieces of an ASCII string are made without a
 * validation scan.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"

/* ASCII whitespace as str.isspace sees it: \t \n \v \f \r, \x1c-\x1f, space. */
static const bool ascii_space[128] = {
    ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true,
    [0x1C] = true, [0x1D] = true, [0x1E] = true, [0x1F] = true, [' '] = true,
};

/* Is there a whitespace character at p?  Stores its byte length. */
static inline bool space_at(const char *p, int *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_space[c];
    }
    uint32_t cp = mpy_utf8_decode(p, len);
    return mpy__unicode_is_space(cp);
}

static int append_piece(MpyObject *list, MpyObject *self, const char *p, ptrdiff_t n);

/* split() of an ASCII string: the same loop as split_whitespace with a
 * table lookup per byte (the common case, and a hot one). */
static int split_ascii_whitespace(MpyObject *list, MpyObject *self, ptrdiff_t maxsplit)
{
    const char *s = mpy_str_utf8(self);
    ptrdiff_t n = mpy_str_size(self), i = 0;
    while (i < n) {
        while (i < n && ascii_space[(unsigned char)s[i]])
            i++;
        if (i == n)
            break;
        if (maxsplit-- <= 0)
            return append_piece(list, self, s + i, n - i);
        ptrdiff_t j = i;
        while (j < n && !ascii_space[(unsigned char)s[j]])
            j++;
        if (append_piece(list, self, s + i, j - i) < 0)
            return -1;
        i = j;
    }
    return 0;
}

/* Start of the character that ends just before p (p > s). */
static const char *prev_char(const char *s, const char *p)
{
    do
        p--;
    while (p > s && ((unsigned char)*p & 0xC0) == 0x80);
    return p;
}

/* A new str for n bytes at p, a piece of `self`. */
static MpyObject *piece(MpyObject *self, const char *p, ptrdiff_t n)
{
    if (((MpyStrObject *)self)->ascii)
        return mpy__str_from_ascii(p, (size_t)n);
    return mpy_str_from_utf8_trusted(p, (size_t)n);
}

static int append_piece(MpyObject *list, MpyObject *self, const char *p, ptrdiff_t n)
{
    MpyObject *s = n == mpy_str_size(self) ? mpy__str_unchanged(self) : piece(self, p, n);
    if (s == NULL)
        return -1;
    return mpy_list_append_take(list, s);
}

/* ------------------------------------------------------------------ */
/* split and rsplit                                                     */

static const char *const split_names[] = {"sep", "maxsplit"};

/* The (sep=None, maxsplit=-1) arguments of split and rsplit; a negative
 * maxsplit means no limit. */
static int parse_split_args(const char *fname, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames, MpyObject **sep, ptrdiff_t *maxsplit)
{
    MpyObject *a[2];
    if (mpy__text_parse_args(fname, args, nargs, kwnames, split_names, 2, 0, 0, a) < 0)
        return -1;
    *sep = a[0] == MPY_NONE ? NULL : a[0];
    if (*sep != NULL && !mpy_str_check(*sep)) {
        mpy_err_format(mpy_exc_TypeError, "must be str or None, not %T", *sep);
        return -1;
    }
    if (*sep != NULL && mpy_str_size(*sep) == 0) {
        mpy_err_set(mpy_exc_ValueError, "empty separator");
        return -1;
    }
    *maxsplit = -1;
    if (a[1] != NULL && (*maxsplit = mpy__text_as_ssize(a[1])) == -1 && mpy_err_occurred())
        return -1;
    if (*maxsplit < 0)
        *maxsplit = PTRDIFF_MAX;
    return 0;
}

/* split() on runs of whitespace. */
static int split_whitespace(MpyObject *list, MpyObject *self, ptrdiff_t maxsplit)
{
    const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self), *p = s;
    int len;
    while (p < end) {
        while (p < end && space_at(p, &len))
            p += len;
        if (p == end)
            break;
        if (maxsplit-- <= 0) // the rest, trailing whitespace included
            return append_piece(list, self, p, end - p);
        const char *word = p;
        while (p < end && !space_at(p, &len))
            p += len;
        if (append_piece(list, self, word, p - word) < 0)
            return -1;
    }
    return 0;
}

/* rsplit() on runs of whitespace; pieces are appended last first. */
static int rsplit_whitespace(MpyObject *list, MpyObject *self, ptrdiff_t maxsplit)
{
    const char *s = mpy_str_utf8(self), *p = s + mpy_str_size(self);
    int len;
    while (p > s) {
        const char *c;
        while (p > s && space_at(c = prev_char(s, p), &len))
            p = c;
        if (p == s)
            break;
        if (maxsplit-- <= 0) // the rest, leading whitespace included
            return append_piece(list, self, s, p - s);
        const char *word_end = p;
        while (p > s && !space_at(c = prev_char(s, p), &len))
            p = c;
        if (append_piece(list, self, p, word_end - p) < 0)
            return -1;
    }
    return 0;
}

/* split(sep): empty pieces are kept ("a,,b" -> ['a', '', 'b']). */
static int split_sep(MpyObject *list, MpyObject *self, MpyObject *sep, ptrdiff_t maxsplit)
{
    const char *s = mpy_str_utf8(self), *sp = mpy_str_utf8(sep);
    ptrdiff_t n = mpy_str_size(self), sn = mpy_str_size(sep), pos = 0;
    while (maxsplit-- > 0) {
        ptrdiff_t at = mpy__search_find(s + pos, n - pos, sp, sn);
        if (at < 0)
            break;
        if (append_piece(list, self, s + pos, at) < 0)
            return -1;
        pos += at + sn;
    }
    return append_piece(list, self, s + pos, n - pos);
}

/* rsplit(sep): splits from the right; pieces are appended last first
 * and the caller reverses the list. */
static int rsplit_sep(MpyObject *list, MpyObject *self, MpyObject *sep, ptrdiff_t maxsplit)
{
    const char *s = mpy_str_utf8(self), *sp = mpy_str_utf8(sep);
    ptrdiff_t end = mpy_str_size(self), sn = mpy_str_size(sep);
    while (maxsplit-- > 0) {
        ptrdiff_t at = mpy__search_rfind(s, end, sp, sn);
        if (at < 0)
            break;
        if (append_piece(list, self, s + at + sn, end - at - sn) < 0)
            return -1;
        end = at;
    }
    return append_piece(list, self, s, end);
}

MpyObject *mpy__str_split(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    MpyObject *sep;
    ptrdiff_t maxsplit;
    if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    int r = sep != NULL                      ? split_sep(list, self, sep, maxsplit)
            : ((MpyStrObject *)self)->ascii ? split_ascii_whitespace(list, self, maxsplit)
                                             : split_whitespace(list, self, maxsplit);
    if (r < 0) {
        MPY_DECREF(list);
        return NULL;
    }
    return list;
}

MpyObject *mpy__str_rsplit(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    MpyObject *sep;
    ptrdiff_t maxsplit;
    if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    int r = sep == NULL ? rsplit_whitespace(list, self, maxsplit)
                        : rsplit_sep(list, self, sep, maxsplit);
    if (r < 0 || mpy_list_reverse(list) < 0) {
        MPY_DECREF(list);
        return NULL;
    }
    return list;
}

/* ------------------------------------------------------------------ */
/* splitlines                                                           */

/* Byte length of the line break at p (\r\n counts as one), or 0. */
static int linebreak_at(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        if (c == '\r')
            return p + 1 < end && p[1] == '\n' ? 2 : 1;
        return c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E);
    }
    int len;
    uint32_t cp = mpy_utf8_decode(p, &len);
    return mpy__unicode_is_linebreak(cp) ? len : 0;
}

static const char *const splitlines_names[] = {"keepends"};

MpyObject *mpy__str_splitlines(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    MpyObject *a[1];
    if (mpy__text_parse_args("splitlines", args, nargs, kwnames, splitlines_names, 1, 0, 0, a) < 0)
        return NULL;
    ptrdiff_t keepends = 0;
    if (a[0] != NULL && (keepends = mpy__text_as_ssize(a[0])) == -1 && mpy_err_occurred())
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self), *p = s, *line = s;
    while (p < end) {
        int brk = linebreak_at(p, end);
        if (brk == 0) {
            p += mpy__utf8_seq_len((unsigned char)*p);
            continue;
        }
        ptrdiff_t n = (p - line) + (keepends ? brk : 0);
        if (append_piece(list, self, line, n) < 0)
            goto fail;
        p += brk;
        line = p;
    }
    if (line < end && append_piece(list, self, line, end - line) < 0)
        goto fail;
    return list;
fail:
    MPY_DECREF(list);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* strip, lstrip, rstrip                                                */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

/* The set of characters to strip: whitespace (chars == NULL), a byte table
 * for ASCII `chars`, or the decoded characters otherwise. */
typedef struct StripSet {
    MpyObject *chars;
    bool table[128];
} StripSet;

/* Is the character at p in the set?  Stores its byte length. */
static bool in_set(const StripSet *set, const char *p, int *len)
{
    if (set->chars == NULL)
        return space_at(p, len);
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return set->table[c];
    }
    *len = mpy__utf8_seq_len(c);
    if (((MpyStrObject *)set->chars)->ascii)
        return false;
    return mpy__search_find(mpy_str_utf8(set->chars), mpy_str_size(set->chars), p, *len) >= 0;
}

/* strip/lstrip/rstrip(chars=None): find the first and last characters
 * not in the set and return what lies between. */
static MpyObject *strip_common(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames, const char *fname, int how)
{
    if (mpy__text_no_kwargs("str", fname, kwnames) < 0 ||
        mpy__text_check_positional(fname, nargs, 0, 1) < 0)
        return NULL;
    if ((nargs == 0 || args[0] == MPY_NONE) && ((MpyStrObject *)self)->ascii) {
        // Whitespace off ASCII text (the usual case): one table lookup a byte.
        const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self), *p = s;
        if (how & STRIP_LEFT)
            while (p < end && ascii_space[(unsigned char)*p])
                p++;
        if (how & STRIP_RIGHT)
            while (end > p && ascii_space[(unsigned char)end[-1]])
                end--;
        if (p == s && end == s + mpy_str_size(self))
            return mpy__str_unchanged(self);
        return mpy__str_from_ascii(p, (size_t)(end - p));
    }
    StripSet set = {.chars = nargs > 0 && args[0] != MPY_NONE ? args[0] : NULL};
    if (set.chars != NULL) {
        if (!mpy_str_check(set.chars))
            return mpy_err_format(mpy_exc_TypeError, "%s arg must be None or str", fname);
        memset(set.table, 0, sizeof set.table);
        const unsigned char *c = (const unsigned char *)mpy_str_utf8(set.chars);
        for (ptrdiff_t i = 0; i < mpy_str_size(set.chars); i++)
            if (c[i] < 0x80)
                set.table[c[i]] = true;
    }
    const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self), *p = s;
    int len;
    if (how & STRIP_LEFT)
        while (p < end && in_set(&set, p, &len))
            p += len;
    if (how & STRIP_RIGHT) {
        while (end > p) {
            const char *c = prev_char(p, end);
            if (!in_set(&set, c, &len))
                break;
            end = c;
        }
    }
    if (p == s && end == s + mpy_str_size(self))
        return mpy__str_unchanged(self);
    return piece(self, p, end - p);
}

MpyObject *mpy__str_strip(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "strip", STRIP_BOTH);
}

MpyObject *mpy__str_lstrip(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "lstrip", STRIP_LEFT);
}

MpyObject *mpy__str_rstrip(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "rstrip", STRIP_RIGHT);
}
