/* runtime/bytes_methods.c: the searching and splitting methods bytes and
 * bytearray share: find/index/count and their r-versions, startswith,
 * endswith, partition, split, rsplit, splitlines, strip, replace, join,
 * removeprefix and removesuffix.
 *
 * Models Objects/bytes_methods.c and the stringlib templates CPython
 * instantiates for both types.  Every method works on a borrowed view of
 * the bytes (data, size) and builds its results with mpy__bytes_like_new,
 * so a bytearray method returns bytearrays and a bytes method bytes.
 * The case, padding, hex and translate methods are in bytes_text.c.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/tuple.h"

/* bytes' notion of whitespace (Py_ISSPACE): ASCII only. */
static bool byte_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static void view(MpyObject *self, const char **data, ptrdiff_t *size)
{
    mpy__bytes_view(self, data, size);
}

/* self itself when nothing changed and it is an exact bytes. */
static MpyObject *unchanged(MpyObject *self)
{
    if (!mpy_is_small_int(self) && MPY_TYPE(self) == &mpy_bytes_type)
        return MPY_NEWREF(self);
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    return mpy__bytes_like_new(self, d, (size_t)n);
}

/* ------------------------------------------------------------------ */
/* find, rfind, index, rindex, count                                    */

typedef struct Needle {
    const char *data;
    ptrdiff_t size;
    char byte;          /* storage when the needle is an int */
} Needle;

/* The sub argument: a bytes-like object or an int in range(256). */
static int parse_needle(MpyObject *o, Needle *nd)
{
    if (mpy__bytes_view(o, &nd->data, &nd->size))
        return 0;
    if (!mpy_int_check(o) && MPY_TYPE(o)->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError,
                       "argument should be integer or bytes-like object, not '%T'", o);
        return -1;
    }
    ptrdiff_t v = mpy__text_as_ssize(o);
    if (v == -1 && mpy_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        mpy_err_set(mpy_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    nd->byte = (char)v;
    nd->data = &nd->byte;
    nd->size = 1;
    return 0;
}

/* Parse "sub[, start[, end]]".  Returns 0 / -1. */
static int parse_find(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                      const char *fname, Needle *nd, ptrdiff_t *start, ptrdiff_t *end)
{
    if (mpy__text_no_kwargs(mpy__bytes_owner(self), fname, kwnames) < 0 ||
        mpy__text_check_tuple_args(fname, nargs, 1, 3) < 0 || parse_needle(args[0], nd) < 0)
        return -1;
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    return mpy__text_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, start,
                                 end);
}

/* find, rfind, index, rindex over self[start:end]. */
static MpyObject *find_common(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames, const char *fname, bool reverse, bool raise)
{
    Needle nd;
    ptrdiff_t start, end;
    if (parse_find(self, args, nargs, kwnames, fname, &nd, &start, &end) < 0)
        return NULL;
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    ptrdiff_t i = -1;
    if (end - start >= nd.size) {
        i = reverse ? mpy__search_rfind(d + start, end - start, nd.data, nd.size)
                    : mpy__search_find(d + start, end - start, nd.data, nd.size);
        if (i >= 0)
            i += start;
    }
    if (i < 0 && raise)
        return mpy_err_format(mpy_exc_ValueError, "subsection not found");
    return mpy_int_from_ssize(i);
}

MpyObject *mpy__bytes_find(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "find", false, false);
}

MpyObject *mpy__bytes_rfind(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rfind", true, false);
}

MpyObject *mpy__bytes_index(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "index", false, true);
}

MpyObject *mpy__bytes_rindex(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rindex", true, true);
}

MpyObject *mpy__bytes_count(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    Needle nd;
    ptrdiff_t start, end;
    if (parse_find(self, args, nargs, kwnames, "count", &nd, &start, &end) < 0)
        return NULL;
    if (end < start)
        return mpy_int_from_ssize(0);
    if (nd.size == 0)
        return mpy_int_from_ssize(end - start + 1);
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    return mpy_int_from_ssize(mpy__search_count(d + start, end - start, nd.data, nd.size, -1));
}

/* ------------------------------------------------------------------ */
/* startswith, endswith                                                 */

static int tail_match(MpyObject *self, MpyObject *sub, ptrdiff_t start, ptrdiff_t end, bool at_end)
{
    const char *s, *d;
    ptrdiff_t sn, n;
    if (mpy__bytes_view_required(sub, &s, &sn) < 0)
        return -1;
    view(self, &d, &n);
    if (end - sn < start)
        return 0;
    return memcmp(d + (at_end ? end - sn : start), s, (size_t)sn) == 0;
}

/* startswith/endswith: a bytes-like prefix or a tuple of them. */
static MpyObject *starts_ends_with(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames, const char *fname, bool at_end)
{
    if (mpy__text_no_kwargs(mpy__bytes_owner(self), fname, kwnames) < 0 ||
        mpy__text_check_tuple_args(fname, nargs, 1, 3) < 0)
        return NULL;
    const char *d;
    ptrdiff_t n, start, end;
    view(self, &d, &n);
    if (mpy__text_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, &start,
                              &end) < 0)
        return NULL;
    MpyObject *what = args[0];
    if (mpy_tuple_check(what)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(what); i++) {
            int r = tail_match(self, mpy_tuple_item(what, i), start, end, at_end);
            if (r != 0)
                return r < 0 ? NULL : MPY_NEWREF(MPY_TRUE);
        }
        return MPY_NEWREF(MPY_FALSE);
    }
    const char *s;
    ptrdiff_t sn;
    if (!mpy__bytes_view(what, &s, &sn))
        return mpy_err_format(mpy_exc_TypeError,
                              "%s first arg must be bytes or a tuple of bytes, not %T", fname, what);
    int r = tail_match(self, what, start, end, at_end);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

MpyObject *mpy__bytes_startswith(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return starts_ends_with(self, args, nargs, kwnames, "startswith", false);
}

MpyObject *mpy__bytes_endswith(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return starts_ends_with(self, args, nargs, kwnames, "endswith", true);
}

/* ------------------------------------------------------------------ */
/* partition, rpartition, removeprefix, removesuffix                    */

static MpyObject *partition_common(MpyObject *self, MpyObject *sepobj, bool reverse)
{
    const char *d, *sep;
    ptrdiff_t n, sn;
    if (mpy__bytes_view_required(sepobj, &sep, &sn) < 0)
        return NULL;
    if (sn == 0)
        return mpy_err_format(mpy_exc_ValueError, "empty separator");
    view(self, &d, &n);
    ptrdiff_t at = reverse ? mpy__search_rfind(d, n, sep, sn) : mpy__search_find(d, n, sep, sn);
    MpyObject *parts[3];
    if (at < 0) {
        parts[reverse ? 2 : 0] = unchanged(self);
        parts[1] = mpy__bytes_like_new(self, "", 0);
        parts[reverse ? 0 : 2] = mpy__bytes_like_new(self, "", 0);
    } else {
        parts[0] = mpy__bytes_like_new(self, d, (size_t)at);
        parts[1] = mpy_bytes_check(self) && mpy_bytes_check(sepobj) ? MPY_NEWREF(sepobj)
                   : mpy__bytes_like_new(self, sep, (size_t)sn);
        parts[2] = mpy__bytes_like_new(self, d + at + sn, (size_t)(n - at - sn));
    }
    MpyObject *r = NULL;
    if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL)
        r = mpy_tuple_pack(3, parts[0], parts[1], parts[2]);
    for (int i = 0; i < 3; i++)
        MPY_XDECREF(parts[i]);
    return r;
}

MpyObject *mpy__bytes_partition(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    return partition_common(self, args[0], false);
}

MpyObject *mpy__bytes_rpartition(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return partition_common(self, args[0], true);
}

/* removeprefix/removesuffix. */
static MpyObject *remove_affix(MpyObject *self, MpyObject *affix, bool suffix)
{
    const char *d, *a;
    ptrdiff_t n, an;
    if (mpy__bytes_view_required(affix, &a, &an) < 0)
        return NULL;
    view(self, &d, &n);
    if (an == 0 || an > n || memcmp(suffix ? d + n - an : d, a, (size_t)an) != 0)
        return unchanged(self);
    return mpy__bytes_like_new(self, suffix ? d : d + an, (size_t)(n - an));
}

MpyObject *mpy__bytes_removeprefix(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    return remove_affix(self, args[0], false);
}

MpyObject *mpy__bytes_removesuffix(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    return remove_affix(self, args[0], true);
}

/* ------------------------------------------------------------------ */
/* split, rsplit, splitlines                                            */

static int append_piece(MpyObject *list, MpyObject *self, const char *p, ptrdiff_t n)
{
    const char *d;
    ptrdiff_t size;
    view(self, &d, &size);
    MpyObject *b = p == d && n == size ? unchanged(self) : mpy__bytes_like_new(self, p, (size_t)n);
    if (b == NULL)
        return -1;
    return mpy_list_append_take(list, b);
}

static const char *const split_names[] = {"sep", "maxsplit"};

/* Parse (sep=None, maxsplit=-1); *sep NULL for whitespace. */
static int parse_split(const char *fname, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                       const char **sep, ptrdiff_t *sn, ptrdiff_t *maxsplit)
{
    MpyObject *a[2];
    if (mpy__text_parse_args(fname, args, nargs, kwnames, split_names, 2, 0, 0, a) < 0)
        return -1;
    *sep = NULL;
    if (a[0] != NULL && a[0] != MPY_NONE) {
        if (mpy__bytes_view_required(a[0], sep, sn) < 0)
            return -1;
        if (*sn == 0) {
            mpy_err_set(mpy_exc_ValueError, "empty separator");
            return -1;
        }
    }
    *maxsplit = -1;
    if (a[1] != NULL && (*maxsplit = mpy__text_as_ssize(a[1])) == -1 && mpy_err_occurred())
        return -1;
    if (*maxsplit < 0)
        *maxsplit = PTRDIFF_MAX;
    return 0;
}

/* split() on runs of ASCII whitespace (sep NULL) or on sep. */
static int split_into(MpyObject *list, MpyObject *self, const char *sep, ptrdiff_t sn,
                      ptrdiff_t maxsplit)
{
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    ptrdiff_t i = 0;
    if (sep == NULL) {
        while (i < n) {
            while (i < n && byte_space((unsigned char)d[i]))
                i++;
            if (i == n)
                break;
            if (maxsplit-- <= 0)
                return append_piece(list, self, d + i, n - i);
            ptrdiff_t j = i;
            while (j < n && !byte_space((unsigned char)d[j]))
                j++;
            if (append_piece(list, self, d + i, j - i) < 0)
                return -1;
            i = j;
        }
        return 0;
    }
    while (maxsplit-- > 0) {
        ptrdiff_t at = mpy__search_find(d + i, n - i, sep, sn);
        if (at < 0)
            break;
        if (append_piece(list, self, d + i, at) < 0)
            return -1;
        i += at + sn;
    }
    return append_piece(list, self, d + i, n - i);
}

/* rsplit: pieces are appended last first; the caller reverses. */
static int rsplit_into(MpyObject *list, MpyObject *self, const char *sep, ptrdiff_t sn,
                       ptrdiff_t maxsplit)
{
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    ptrdiff_t end = n;
    if (sep == NULL) {
        while (end > 0) {
            while (end > 0 && byte_space((unsigned char)d[end - 1]))
                end--;
            if (end == 0)
                break;
            if (maxsplit-- <= 0)
                return append_piece(list, self, d, end);
            ptrdiff_t j = end;
            while (j > 0 && !byte_space((unsigned char)d[j - 1]))
                j--;
            if (append_piece(list, self, d + j, end - j) < 0)
                return -1;
            end = j;
        }
        return 0;
    }
    while (maxsplit-- > 0) {
        ptrdiff_t at = mpy__search_rfind(d, end, sep, sn);
        if (at < 0)
            break;
        if (append_piece(list, self, d + at + sn, end - at - sn) < 0)
            return -1;
        end = at;
    }
    return append_piece(list, self, d, end);
}

static MpyObject *split_common(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames, bool reverse)
{
    const char *sep;
    ptrdiff_t sn = 0, maxsplit;
    if (parse_split(reverse ? "rsplit" : "split", args, nargs, kwnames, &sep, &sn, &maxsplit) < 0)
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    int r = reverse ? rsplit_into(list, self, sep, sn, maxsplit)
                    : split_into(list, self, sep, sn, maxsplit);
    if (r < 0 || (reverse && mpy_list_reverse(list) < 0)) {
        MPY_DECREF(list);
        return NULL;
    }
    return list;
}

MpyObject *mpy__bytes_split(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return split_common(self, args, nargs, kwnames, false);
}

MpyObject *mpy__bytes_rsplit(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return split_common(self, args, nargs, kwnames, true);
}

static const char *const splitlines_names[] = {"keepends"};

/* splitlines(keepends=False): only \n, \r and \r\n end lines in bytes. */
MpyObject *mpy__bytes_splitlines(MpyObject *self, MpyObject *const *args, size_t nargs,
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
    const char *d;
    ptrdiff_t n;
    view(self, &d, &n);
    ptrdiff_t line = 0, i = 0;
    while (i < n) {
        if (d[i] != '\n' && d[i] != '\r') {
            i++;
            continue;
        }
        ptrdiff_t brk = d[i] == '\r' && i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
        if (append_piece(list, self, d + line, i - line + (keepends ? brk : 0)) < 0)
            goto fail;
        i += brk;
        line = i;
    }
    if (line < n && append_piece(list, self, d + line, n - line) < 0)
        goto fail;
    return list;
fail:
    MPY_DECREF(list);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* strip, lstrip, rstrip                                                */

static MpyObject *strip_common(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames, const char *fname, bool left, bool right)
{
    if (mpy__text_no_kwargs(mpy__bytes_owner(self), fname, kwnames) < 0 ||
        mpy__text_check_positional(fname, nargs, 0, 1) < 0)
        return NULL;
    bool set[256] = {false};
    if (nargs > 0 && args[0] != MPY_NONE) {
        const char *c;
        ptrdiff_t cn;
        if (mpy__bytes_view_required(args[0], &c, &cn) < 0)
            return NULL;
        for (ptrdiff_t i = 0; i < cn; i++)
            set[(unsigned char)c[i]] = true;
    } else {
        for (int c = 0; c < 256; c++)
            set[c] = byte_space((unsigned char)c);
    }
    const char *d;
    ptrdiff_t n, i = 0;
    view(self, &d, &n);
    ptrdiff_t j = n;
    if (left)
        while (i < j && set[(unsigned char)d[i]])
            i++;
    if (right)
        while (j > i && set[(unsigned char)d[j - 1]])
            j--;
    if (i == 0 && j == n)
        return unchanged(self);
    return mpy__bytes_like_new(self, d + i, (size_t)(j - i));
}

MpyObject *mpy__bytes_strip(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "strip", true, true);
}

MpyObject *mpy__bytes_lstrip(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "lstrip", true, false);
}

MpyObject *mpy__bytes_rstrip(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "rstrip", false, true);
}

/* ------------------------------------------------------------------ */
/* replace, join                                                        */

MpyObject *mpy__bytes_replace(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    if (mpy__text_no_kwargs(mpy__bytes_owner(self), "replace", kwnames) < 0 ||
        mpy__text_check_positional("replace", nargs, 2, 3) < 0)
        return NULL;
    const char *d, *o, *nw;
    ptrdiff_t n, on, nn, max = -1;
    if (mpy__bytes_view_required(args[0], &o, &on) < 0 ||
        mpy__bytes_view_required(args[1], &nw, &nn) < 0)
        return NULL;
    if (nargs == 3 && (max = mpy__text_as_ssize(args[2])) == -1 && mpy_err_occurred())
        return NULL;
    view(self, &d, &n);
    if (max < 0)
        max = PTRDIFF_MAX;
    MpyStrBuilder out;
    mpy_sb_init(&out);
    ptrdiff_t i = 0, done = 0;
    int err = 0;
    if (on == 0) {
        // An empty pattern matches before every byte and at the end.
        while (done < max && err == 0) {
            err = mpy_sb_append(&out, nw, (size_t)nn);
            done++;
            if (i == n)
                break;
            if (err == 0)
                err = mpy_sb_append(&out, d + i++, 1);
        }
    } else {
        for (; done < max && err == 0; done++) {
            ptrdiff_t at = mpy__search_find(d + i, n - i, o, on);
            if (at < 0)
                break;
            err = mpy_sb_append(&out, d + i, (size_t)at);
            if (err == 0)
                err = mpy_sb_append(&out, nw, (size_t)nn);
            i += at + on;
        }
    }
    if (err == 0)
        err = mpy_sb_append(&out, d + i, (size_t)(n - i));
    MpyObject *r = NULL;
    if (err == 0)
        r = done == 0 ? unchanged(self) : mpy__bytes_like_new(self, out.buf, out.len);
    mpy_sb_discard(&out);
    return r;
}

/* sep.join(iterable of bytes-like objects). */
MpyObject *mpy__bytes_join(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    MpyObject *iterable = args[0];
    MpyType *t = MPY_TYPE(iterable);
    if (t->iter == NULL && t->getitem == NULL)
        return mpy_err_format(mpy_exc_TypeError, "can only join an iterable");
    MpyObject *list = mpy_list_from_iterable(iterable);
    if (list == NULL)
        return NULL;
    MpyStrBuilder out;
    mpy_sb_init(&out);
    MpyObject *r = NULL;
    for (ptrdiff_t i = 0; i < mpy_list_size(list); i++) {
        MpyObject *item = ((MpyListObject *)list)->items[i];
        const char *d, *sep;
        ptrdiff_t n, sn;
        if (!mpy__bytes_view(item, &d, &n)) {
            mpy_err_format(mpy_exc_TypeError,
                           "sequence item %zd: expected a bytes-like object, %T found", i, item);
            goto done;
        }
        view(self, &sep, &sn);
        if ((i > 0 && mpy_sb_append(&out, sep, (size_t)sn) < 0) ||
            mpy_sb_append(&out, d, (size_t)n) < 0)
            goto done;
    }
    r = mpy__bytes_like_new(self, out.buf, out.len);
done:
    mpy_sb_discard(&out);
    MPY_DECREF(list);
    return r;
}
