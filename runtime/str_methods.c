/* runtime/str_methods.c: the method table of str, and the methods that
 * search: find/index/count and their r-versions, startswith/endswith,
 * partition, replace, removeprefix/removesuffix; plus join, encode,
 * format/format_map and the dunders (__format__, __getnewargs__,
 * __sizeof__).
 *
 * Models the method half of CPython's Objects/unicodeobject.c and
 * Objects/stringlib/ (find.h, partition.h, join.h).  The other methods
 * live in str_split.c, str_case.c and str_pad.c.
 *
 * Searching works on the UTF-8 bytes (see runtime/str_search.c); only the
 * start/end arguments and the results need converting between character
 * indices and byte offsets, which is free for ASCII strings and one walk
 * over the text otherwise.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------------ */
/* find, rfind, index, rindex, count                                    */

/* What the find family needs to know about its arguments. */
typedef struct FindArgs {
    MpyObject *sub;
    ptrdiff_t start, end;           /* character range, clamped */
    ptrdiff_t byte_start, byte_end; /* the same range in bytes (when start <= end) */
} FindArgs;

/* Parse "sub[, start[, end]]" as PyArg_ParseTuple("O|OO:find") does.
 * Returns 0 / -1. */
static int parse_find_args(const char *fname, MpyObject *self,
                           MpyObject *const *args, size_t nargs, MpyObject *kwnames, FindArgs *fa)
{
    if (mpy__text_no_kwargs("str", fname, kwnames) < 0 ||
        mpy__text_check_tuple_args(fname, nargs, 1, 3) < 0)
        return -1;
    fa->sub = args[0];
    if (!mpy_str_check(fa->sub)) {
        mpy_err_format(mpy_exc_TypeError, "must be str, not %T", fa->sub);
        return -1;
    }
    if (mpy__text_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                              mpy_str_length(self), &fa->start, &fa->end) < 0)
        return -1;
    fa->byte_start = fa->byte_end = 0;
    if (fa->start <= fa->end)
        mpy__str_byte_range(self, fa->start, fa->end, &fa->byte_start, &fa->byte_end);
    return 0;
}

/* Character index of byte offset `off` inside the searched range. */
static ptrdiff_t char_index(MpyObject *self, const FindArgs *fa, ptrdiff_t off)
{
    if (((MpyStrObject *)self)->ascii)
        return fa->start + off;
    return fa->start + mpy__utf8_count(mpy_str_utf8(self) + fa->byte_start, off);
}

/* The index of the first (or last) occurrence, or -1. */
static ptrdiff_t find_in(MpyObject *self, const FindArgs *fa, bool reverse)
{
    if (fa->end - fa->start < mpy_str_length(fa->sub))
        return -1;
    const char *h = mpy_str_utf8(self) + fa->byte_start;
    ptrdiff_t hn = fa->byte_end - fa->byte_start;
    ptrdiff_t off = reverse ? mpy__search_rfind(h, hn, mpy_str_utf8(fa->sub), mpy_str_size(fa->sub))
                            : mpy__search_find(h, hn, mpy_str_utf8(fa->sub), mpy_str_size(fa->sub));
    return off < 0 ? -1 : char_index(self, fa, off);
}

/* find, rfind, index, rindex: the first (last) index of sub in
 * self[start:end], -1 or ValueError when absent. */
static MpyObject *find_common(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames, const char *fname, bool reverse, bool raise)
{
    FindArgs fa;
    if (parse_find_args(fname, self, args, nargs, kwnames, &fa) < 0)
        return NULL;
    ptrdiff_t i = find_in(self, &fa, reverse);
    if (i < 0 && raise)
        return mpy_err_format(mpy_exc_ValueError, "substring not found");
    return mpy_int_from_ssize(i);
}

static MpyObject *str_find(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "find", false, false);
}

static MpyObject *str_rfind(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rfind", true, false);
}

static MpyObject *str_index(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "index", false, true);
}

static MpyObject *str_rindex(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rindex", true, true);
}

/* Non-overlapping occurrences; "" occurs len(range) + 1 times. */
static MpyObject *str_count(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    FindArgs fa;
    if (parse_find_args("count", self, args, nargs, kwnames, &fa) < 0)
        return NULL;
    if (fa.end < fa.start)
        return mpy_int_from_ssize(0);
    if (mpy_str_size(fa.sub) == 0)
        return mpy_int_from_ssize(fa.end - fa.start + 1);
    ptrdiff_t n = mpy__search_count(mpy_str_utf8(self) + fa.byte_start, fa.byte_end - fa.byte_start,
                                    mpy_str_utf8(fa.sub), mpy_str_size(fa.sub), -1);
    return mpy_int_from_ssize(n);
}

/* ------------------------------------------------------------------ */
/* startswith, endswith                                                 */

/* Does `sub` match at the start (or end) of self[start:end]?  CPython's
 * tailmatch. */
static bool tail_match(MpyObject *self, MpyObject *sub, ptrdiff_t start, ptrdiff_t end,
                       bool at_end)
{
    ptrdiff_t sublen = mpy_str_length(sub);
    if (end - sublen < start)
        return false;
    if (sublen == 0)
        return true;
    ptrdiff_t b0, b1;
    mpy__str_byte_range(self, start, end, &b0, &b1);
    ptrdiff_t subsize = mpy_str_size(sub);
    if (b1 - b0 < subsize)
        return false;
    const char *at = mpy_str_utf8(self) + (at_end ? b1 - subsize : b0);
    return memcmp(at, mpy_str_utf8(sub), (size_t)subsize) == 0;
}

/* startswith/endswith: the prefix may be a tuple of candidates. */
static MpyObject *starts_ends_with(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames, const char *fname, bool at_end)
{
    if (mpy__text_no_kwargs("str", fname, kwnames) < 0 ||
        mpy__text_check_tuple_args(fname, nargs, 1, 3) < 0)
        return NULL;
    ptrdiff_t start, end;
    if (mpy__text_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                              mpy_str_length(self), &start, &end) < 0)
        return NULL;
    MpyObject *what = args[0];
    if (mpy_tuple_check(what)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(what); i++) {
            MpyObject *sub = mpy_tuple_item(what, i);
            if (!mpy_str_check(sub))
                return mpy_err_format(mpy_exc_TypeError,
                                      "tuple for %s must only contain str, not %T", fname, sub);
            if (tail_match(self, sub, start, end, at_end))
                return MPY_NEWREF(MPY_TRUE);
        }
        return MPY_NEWREF(MPY_FALSE);
    }
    if (!mpy_str_check(what))
        return mpy_err_format(mpy_exc_TypeError,
                              "%s first arg must be str or a tuple of str, not %T", fname, what);
    return MPY_NEWREF(mpy_bool_from(tail_match(self, what, start, end, at_end)));
}

static MpyObject *str_startswith(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return starts_ends_with(self, args, nargs, kwnames, "startswith", false);
}

static MpyObject *str_endswith(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return starts_ends_with(self, args, nargs, kwnames, "endswith", true);
}

/* ------------------------------------------------------------------ */
/* partition, rpartition                                                */

static MpyObject *partition_common(MpyObject *self, MpyObject *sep, bool reverse)
{
    if (!mpy_str_check(sep))
        return mpy_err_format(mpy_exc_TypeError, "must be str, not %T", sep);
    if (mpy_str_size(sep) == 0)
        return mpy_err_format(mpy_exc_ValueError, "empty separator");
    const char *s = mpy_str_utf8(self);
    ptrdiff_t n = mpy_str_size(self), sepsize = mpy_str_size(sep);
    ptrdiff_t at = reverse ? mpy__search_rfind(s, n, mpy_str_utf8(sep), sepsize)
                           : mpy__search_find(s, n, mpy_str_utf8(sep), sepsize);
    MpyObject *empty = mpy_str_empty();
    if (at < 0) {
        // Not found: (self, '', '') or ('', '', self), self as it is.
        MpyObject *r = reverse ? mpy_tuple_pack(3, empty, empty, self)
                               : mpy_tuple_pack(3, self, empty, empty);
        MPY_DECREF(empty);
        return r;
    }
    MPY_DECREF(empty);
    MpyObject *head = mpy_str_from_utf8_trusted(s, (size_t)at);
    MpyObject *tail = mpy_str_from_utf8_trusted(s + at + sepsize, (size_t)(n - at - sepsize));
    MpyObject *r = NULL;
    if (head != NULL && tail != NULL)
        r = mpy_tuple_pack(3, head, sep, tail);
    MPY_XDECREF(head);
    MPY_XDECREF(tail);
    return r;
}

static MpyObject *str_partition(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    return partition_common(self, args[0], false);
}

static MpyObject *str_rpartition(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return partition_common(self, args[0], true);
}

/* ------------------------------------------------------------------ */
/* removeprefix, removesuffix                                           */

static MpyObject *remove_affix(MpyObject *self, MpyObject *affix, const char *fname, bool suffix)
{
    if (!mpy_str_check(affix))
        return mpy_err_format(mpy_exc_TypeError, "%s() argument must be str, not %T", fname, affix);
    ptrdiff_t n = mpy_str_size(self), k = mpy_str_size(affix);
    const char *s = mpy_str_utf8(self);
    if (k == 0 || k > n || memcmp(suffix ? s + n - k : s, mpy_str_utf8(affix), (size_t)k) != 0)
        return mpy__str_unchanged(self);
    return mpy_str_from_utf8_trusted(suffix ? s : s + k, (size_t)(n - k));
}

static MpyObject *str_removeprefix(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    return remove_affix(self, args[0], "removeprefix", false);
}

static MpyObject *str_removesuffix(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    return remove_affix(self, args[0], "removesuffix", true);
}

/* ------------------------------------------------------------------ */
/* replace                                                              */

/* replace('', new): `new` before every character and at the end, at most
 * `max` times. */
static MpyObject *replace_empty(MpyObject *self, MpyObject *new, ptrdiff_t max)
{
    ptrdiff_t len = mpy_str_length(self);
    if (max < 0 || max > len + 1)
        max = len + 1;
    if (max == 0)
        return mpy__str_unchanged(self);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    for (ptrdiff_t done = 0; done < max; done++) {
        if (mpy_sb_append_str(&sb, new) < 0)
            goto fail;
        if (p == end)
            break;
        int n = mpy__utf8_seq_len((unsigned char)*p);
        if (mpy_sb_append(&sb, p, (size_t)n) < 0)
            goto fail;
        p += n;
    }
    if (mpy_sb_append(&sb, p, (size_t)(end - p)) < 0)
        goto fail;
    return mpy__sb_finish(&sb);
fail:
    mpy_sb_discard(&sb);
    return NULL;
}

/* Replace at most `max` (< 0: all) occurrences of old by new.
 * Returns: new reference or NULL. */
static MpyObject *replace_all(MpyObject *self, MpyObject *old, MpyObject *new, ptrdiff_t max)
{
    if (mpy_str_size(old) == 0)
        return replace_empty(self, new, max);
    const char *s = mpy_str_utf8(self), *o = mpy_str_utf8(old), *nw = mpy_str_utf8(new);
    ptrdiff_t n = mpy_str_size(self), on = mpy_str_size(old), nn = mpy_str_size(new);
    ptrdiff_t count = max == 0 ? 0 : mpy__search_count(s, n, o, on, max);
    if (count == 0)
        return mpy__str_unchanged(self);
    if (nn > on && (nn - on) > (PTRDIFF_MAX - n) / count)
        return mpy_err_format(mpy_exc_OverflowError, "replace string is too long");
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, n + count * (nn - on));
    if (r == NULL)
        return NULL;
    char *out = r->data;
    ptrdiff_t pos = 0;
    for (ptrdiff_t k = 0; k < count; k++) {
        ptrdiff_t at = pos + mpy__search_find(s + pos, n - pos, o, on);
        memcpy(out, s + pos, (size_t)(at - pos));
        out += at - pos;
        memcpy(out, nw, (size_t)nn);
        out += nn;
        pos = at + on;
    }
    memcpy(out, s + pos, (size_t)(n - pos));
    if (((MpyStrObject *)self)->ascii && ((MpyStrObject *)new)->ascii) {
        r->length = r->size;
        r->ascii = 1;
        return r->size <= 1 ? mpy__str_finish(r) : (MpyObject *)r;
    }
    return mpy__str_finish(r);
}

/* str.replace(old, new, count=-1), positional-only in 3.11. */
static MpyObject *str_replace(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    if (mpy__text_no_kwargs("str", "replace", kwnames) < 0 ||
        mpy__text_check_positional("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!mpy_str_check(args[i]))
            return mpy_err_format(mpy_exc_TypeError, "replace() argument %d must be str, not %T",
                                  i + 1, args[i]);
    ptrdiff_t max = -1;
    if (nargs == 3 && (max = mpy__text_as_ssize(args[2])) == -1 && mpy_err_occurred())
        return NULL;
    return replace_all(self, args[0], args[1], max);
}

/* ------------------------------------------------------------------ */
/* join                                                                 */

/* sep.join(items) over an array of borrowed items. */
static MpyObject *join_array(MpyObject *sep, MpyObject *const *items, ptrdiff_t n)
{
    if (n == 0)
        return mpy_str_empty();
    if (n == 1 && mpy_str_check_exact(items[0]))
        return MPY_NEWREF(items[0]);
    MpyStrObject *s = (MpyStrObject *)sep;
    ptrdiff_t size = s->size * (n - 1), length = s->length * (n - 1);
    bool ascii = s->ascii || n == 1;
    uint8_t kind = n > 1 ? s->kind : 1;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyStrObject *item = (MpyStrObject *)items[i];
        if (!mpy_str_check(items[i]))
            return mpy_err_format(mpy_exc_TypeError,
                                  "sequence item %zd: expected str instance, %T found", i,
                                  items[i]);
        if (item->size > PTRDIFF_MAX - size)
            return mpy_err_no_memory();
        size += item->size;
        length += item->length;
        ascii = ascii && item->ascii;
        if (item->kind > kind)
            kind = item->kind;
    }
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, size);
    if (r == NULL)
        return NULL;
    char *out = r->data;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (i > 0 && s->size > 0) {
            memcpy(out, s->data, (size_t)s->size);
            out += s->size;
        }
        MpyStrObject *item = (MpyStrObject *)items[i];
        memcpy(out, item->data, (size_t)item->size);
        out += item->size;
    }
    if (size <= 1)
        return mpy__str_finish(r);
    r->length = length;
    r->ascii = ascii;
    r->kind = kind;
    return (MpyObject *)r;
}

/* sep.join(iterable).  Lists and tuples are joined in place; any other
 * iterable is first turned into a list, so the size of the result is
 * known before copying and the text is allocated once. */
static MpyObject *str_join(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    MpyObject *iterable = args[0];
    if (mpy_list_check_exact(iterable))
        return join_array(self, ((MpyListObject *)iterable)->items, mpy_list_size(iterable));
    if (mpy_tuple_check_exact(iterable))
        return join_array(self, mpy_tuple_items(iterable), mpy_tuple_size(iterable));
    MpyType *t = MPY_TYPE(iterable);
    if (t->iter == NULL && t->getitem == NULL)
        return mpy_err_format(mpy_exc_TypeError, "can only join an iterable");
    MpyObject *list = mpy_list_from_iterable(iterable);
    if (list == NULL)
        return NULL;
    MpyObject *r = join_array(self, ((MpyListObject *)list)->items, mpy_list_size(list));
    MPY_DECREF(list);
    return r;
}

/* ------------------------------------------------------------------ */
/* encode, format, format_map                                           */

static const char *const encode_names[] = {"encoding", "errors"};

/* str.encode(encoding="utf-8", errors="strict") (runtime/codecs.c). */
static MpyObject *str_encode(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyObject *a[2];
    if (mpy__text_parse_args("encode", args, nargs, kwnames, encode_names, 2, 0, 0, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] != NULL && !mpy_str_check(a[i]))
            return mpy_err_format(mpy_exc_TypeError, "encode() argument '%s' must be str, not %T",
                                  encode_names[i], a[i]);
    return mpy_str_encode(self, a[0] ? mpy_str_utf8(a[0]) : "utf-8",
                          a[1] ? mpy_str_utf8(a[1]) : "strict");
}

static MpyObject *str_format_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kwnames)
{
    return mpy__str_format(self, args, nargs, kwnames, NULL);
}

static MpyObject *str_format_map(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return mpy__str_format(self, NULL, 0, NULL, args[0]);
}

/* str.__format__(spec): the format-spec language for text
 * (runtime/format_spec.c). */
static MpyObject *str_dunder_format(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kwnames)
{
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "__format__() argument must be str, not %T",
                              args[0]);
    return mpy_format_str(self, args[0]);
}

static MpyObject *str_getnewargs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyObject *copy = mpy_str_from_utf8_trusted(mpy_str_utf8(self), (size_t)mpy_str_size(self));
    if (copy == NULL)
        return NULL;
    MpyObject *r = mpy_tuple_pack(1, copy);
    MPY_DECREF(copy);
    return r;
}

/* The size CPython reports: its compact ASCII layout (48 bytes + one per
 * character + NUL) or compact layout (72 + kind per character + NUL). */
static MpyObject *str_sizeof(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyStrObject *s = (MpyStrObject *)self;
    ptrdiff_t size = s->ascii ? 48 + s->length + 1 : 72 + (s->length + 1) * s->kind;
    return mpy_int_from_ssize(size);
}

/* ------------------------------------------------------------------ */
/* The table                                                            */

const MpyMethodDef mpy__str_methods[] = {
    {"encode", str_encode, MPY_METH_FASTCALL,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace, MPY_METH_FASTCALL,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", mpy__str_split, MPY_METH_FASTCALL,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", mpy__str_rsplit, MPY_METH_FASTCALL,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join, MPY_METH_O, "Concatenate any number of strings."},
    {"capitalize", mpy__str_capitalize, MPY_METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", mpy__str_casefold, MPY_METH_NOARGS, "Return a version of the string suitable for caseless comparisons."},
    {"title", mpy__str_title, MPY_METH_NOARGS, "Return a version of the string where each word is titlecased."},
    {"center", mpy__str_center, MPY_METH_FASTCALL, "Return a centered string of length width."},
    {"count", str_count, MPY_METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\nstring S[start:end]."},
    {"expandtabs", mpy__str_expandtabs, MPY_METH_FASTCALL, "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find, MPY_METH_FASTCALL,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found."},
    {"partition", str_partition, MPY_METH_O, "Partition the string into three parts using the given separator."},
    {"index", str_index, MPY_METH_FASTCALL,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found."},
    {"ljust", mpy__str_ljust, MPY_METH_FASTCALL, "Return a left-justified string of length width."},
    {"lower", mpy__str_lower, MPY_METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", mpy__str_lstrip, MPY_METH_FASTCALL, "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind, MPY_METH_FASTCALL,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found."},
    {"rindex", str_rindex, MPY_METH_FASTCALL,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found."},
    {"rjust", mpy__str_rjust, MPY_METH_FASTCALL, "Return a right-justified string of length width."},
    {"rstrip", mpy__str_rstrip, MPY_METH_FASTCALL, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition, MPY_METH_O, "Partition the string into three parts using the given separator."},
    {"splitlines", mpy__str_splitlines, MPY_METH_FASTCALL, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", mpy__str_strip, MPY_METH_FASTCALL, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", mpy__str_swapcase, MPY_METH_NOARGS, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", mpy__str_translate, MPY_METH_O, "Replace each character in the string using the given translation table."},
    {"upper", mpy__str_upper, MPY_METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith, MPY_METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith, MPY_METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix, MPY_METH_O, "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, MPY_METH_O, "Return a str with the given suffix string removed if present."},
    {"isascii", mpy__str_isascii, MPY_METH_NOARGS, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", mpy__str_islower, MPY_METH_NOARGS, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", mpy__str_isupper, MPY_METH_NOARGS, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", mpy__str_istitle, MPY_METH_NOARGS, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", mpy__str_isspace, MPY_METH_NOARGS, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", mpy__str_isdecimal, MPY_METH_NOARGS, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", mpy__str_isdigit, MPY_METH_NOARGS, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", mpy__str_isnumeric, MPY_METH_NOARGS, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", mpy__str_isalpha, MPY_METH_NOARGS, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", mpy__str_isalnum, MPY_METH_NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", mpy__str_isidentifier, MPY_METH_NOARGS, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", mpy__str_isprintable, MPY_METH_NOARGS, "Return True if the string is printable, False otherwise."},
    {"zfill", mpy__str_zfill, MPY_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_method, MPY_METH_FASTCALL,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", str_format_map, MPY_METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping."},
    {"__format__", str_dunder_format, MPY_METH_O, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", mpy__str_maketrans, MPY_METH_FASTCALL | MPY_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof, MPY_METH_NOARGS, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs, MPY_METH_NOARGS, NULL},
    {NULL},
};
