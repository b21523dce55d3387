/* runtime/str_pad.c: str methods that lay text out or map it character by
 * character: center, ljust, rjust, zfill, expandtabs, translate and the
 * static method str.maketrans.
 *
 * Models pad(), unicode_zfill, unicode_expandtabs and the charmap
 * translation of CPython's Objects/unicodeobject.c.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"

/* ------------------------------------------------------------------ */
/* center, ljust, rjust, zfill                                          */

/* `left` copies of fill, the text of self, `right` copies of fill. */
static MpyObject *pad(MpyObject *self, ptrdiff_t left, ptrdiff_t right, uint32_t fill)
{
    char fillbuf[4];
    int fn = mpy_utf8_encode(fill, fillbuf);
    ptrdiff_t n = mpy_str_size(self);
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, n + (left + right) * fn);
    if (r == NULL)
        return NULL;
    char *out = r->data;
    for (ptrdiff_t i = 0; i < left; i++, out += fn)
        memcpy(out, fillbuf, (size_t)fn);
    memcpy(out, mpy_str_utf8(self), (size_t)n);
    out += n;
    for (ptrdiff_t i = 0; i < right; i++, out += fn)
        memcpy(out, fillbuf, (size_t)fn);
    if (fill < 0x80 && ((MpyStrObject *)self)->ascii) {
        r->length = r->size;
        r->ascii = 1;
        return (MpyObject *)r;
    }
    return mpy__str_finish(r);
}

enum { PAD_LEFT, PAD_RIGHT, PAD_CENTER };

/* center/ljust/rjust(width, fillchar=' '): unchanged when already wide
 * enough. */
static MpyObject *justify(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames, const char *fname, int how)
{
    if (mpy__text_no_kwargs("str", fname, kwnames) < 0 ||
        mpy__text_check_positional(fname, nargs, 1, 2) < 0)
        return NULL;
    ptrdiff_t width = mpy__text_as_ssize(args[0]);
    if (width == -1 && mpy_err_occurred())
        return NULL;
    uint32_t fill = ' ';
    if (nargs > 1) {
        if (!mpy_str_check(args[1]))
            return mpy_err_format(mpy_exc_TypeError,
                                  "The fill character must be a unicode character, not %T", args[1]);
        if (mpy_str_length(args[1]) != 1)
            return mpy_err_format(mpy_exc_TypeError,
                                  "The fill character must be exactly one character long");
        int len;
        fill = mpy_utf8_decode(mpy_str_utf8(args[1]), &len);
    }
    ptrdiff_t extra = width - mpy_str_length(self);
    if (extra <= 0)
        return mpy__str_unchanged(self);
    switch (how) {
    case PAD_LEFT: return pad(self, extra, 0, fill);
    case PAD_RIGHT: return pad(self, 0, extra, fill);
    default: {
        // CPython's rounding: the odd space goes left when width is odd.
        ptrdiff_t left = extra / 2 + (extra & width & 1);
        return pad(self, left, extra - left, fill);
    }
    }
}

MpyObject *mpy__str_center(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "center", PAD_CENTER);
}

MpyObject *mpy__str_ljust(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "ljust", PAD_RIGHT);
}

MpyObject *mpy__str_rjust(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "rjust", PAD_LEFT);
}

/* zfill(width): zeros on the left, after a leading sign. */
MpyObject *mpy__str_zfill(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    ptrdiff_t width = mpy__text_as_ssize(args[0]);
    if (width == -1 && mpy_err_occurred())
        return NULL;
    ptrdiff_t extra = width - mpy_str_length(self);
    if (extra <= 0)
        return mpy__str_unchanged(self);
    MpyObject *r = pad(self, extra, 0, '0');
    if (r == NULL)
        return NULL;
    // A sign moves in front of the zeros: '-12' -> '-0012'.
    char *data = ((MpyStrObject *)r)->data;
    if (data[extra] == '+' || data[extra] == '-') {
        data[0] = data[extra];
        data[extra] = '0';
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* expandtabs                                                           */

static const char *const expandtabs_names[] = {"tabsize"};

/* expandtabs(tabsize=8): each tab becomes spaces up to the next multiple
 * of tabsize; the column restarts after \n and \r. */
MpyObject *mpy__str_expandtabs(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    MpyObject *a[1];
    if (mpy__text_parse_args("expandtabs", args, nargs, kwnames, expandtabs_names, 1, 0, 0, a) < 0)
        return NULL;
    ptrdiff_t tabsize = 8;
    if (a[0] != NULL && (tabsize = mpy__text_as_ssize(a[0])) == -1 && mpy_err_occurred())
        return NULL;
    const char *s = mpy_str_utf8(self), *end = s + mpy_str_size(self);
    if (memchr(s, '\t', (size_t)(end - s)) == NULL)
        return mpy__str_unchanged(self);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    ptrdiff_t column = 0;
    for (const char *p = s; p < end;) {
        int len = mpy__utf8_seq_len((unsigned char)*p);
        int err = 0;
        if (*p == '\t') {
            if (tabsize > 0) {
                ptrdiff_t spaces = tabsize - column % tabsize;
                column += spaces;
                for (ptrdiff_t i = 0; i < spaces && err == 0; i++)
                    err = mpy_sb_append(&sb, " ", 1);
            }
        } else {
            column = *p == '\n' || *p == '\r' ? 0 : column + 1;
            err = mpy_sb_append(&sb, p, (size_t)len);
        }
        if (err < 0) {
            mpy_sb_discard(&sb);
            return NULL;
        }
        p += len;
    }
    return mpy__sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* translate                                                            */

/* The cached answer for an ASCII character that maps to itself. */
static MpyObject keep_marker;
#define KEEP (&keep_marker)

/* table[c]: a new reference to the mapping (None, int or str), KEEP when
 * the table has no entry, or NULL on error. */
static MpyObject *lookup_char(MpyObject *table, uint32_t c)
{
    MpyObject *key = mpy_int_from_long(c);
    MpyObject *v;
    if (mpy_dict_check_exact(table)) {
        v = mpy_dict_get(table, key);
        if (v == NULL && !mpy_err_occurred())
            v = KEEP;
    } else {
        v = mpy_object_getitem(table, key);
        if (v == NULL && mpy_err_matches(mpy_exc_LookupError)) {
            mpy_err_clear();
            v = KEEP;
        }
    }
    MPY_DECREF(key);
    if (v == NULL || v == KEEP || v == MPY_NONE || mpy_str_check(v))
        return v;
    if (!mpy_int_check(v)) {
        MPY_DECREF(v);
        return mpy_err_format(mpy_exc_TypeError, "character mapping must return integer, None or str");
    }
    long long cp = mpy_int_as_long(v);
    if (cp == -1 && mpy_err_occurred())
        mpy_err_clear();
    if (cp < 0 || cp > 0x10FFFF) {
        MPY_DECREF(v);
        return mpy_err_format(mpy_exc_ValueError, "character mapping must be in range(0x110000)");
    }
    return v;
}

/* Append what translate() maps the character p[0..len) to. */
static int append_mapping(MpyStrBuilder *sb, MpyObject *m, const char *p, int len)
{
    if (m == KEEP)
        return mpy_sb_append(sb, p, (size_t)len);
    if (m == MPY_NONE)
        return 0;
    if (mpy_str_check(m))
        return mpy_sb_append_str(sb, m);
    return mpy_sb_append_char(sb, (uint32_t)mpy_int_as_long(m));
}

/* translate(table): table[ord(c)] for each character, through any
 * object with __getitem__.  A LookupError keeps the character, None
 * deletes it.  The answers for ASCII characters are cached, so a long
 * text costs one lookup per distinct character. */
MpyObject *mpy__str_translate(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    MpyObject *table = args[0];
    MpyObject *cache[128] = {NULL}; // answers for ASCII characters
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    const char *p = mpy_str_utf8(self), *end = p + mpy_str_size(self);
    int err = 0;
    while (p < end && err == 0) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        MpyObject *m;
        if (c < 128) {
            if (cache[c] == NULL)
                cache[c] = lookup_char(table, c);
            m = cache[c];
            if (m == NULL)
                break;
            err = append_mapping(&sb, m, p, len);
        } else {
            m = lookup_char(table, c);
            if (m == NULL)
                break;
            err = append_mapping(&sb, m, p, len);
            if (m != KEEP)
                MPY_DECREF(m);
        }
        p += len;
    }
    for (int c = 0; c < 128; c++)
        if (cache[c] != NULL && cache[c] != KEEP)
            MPY_DECREF(cache[c]);
    if (p < end || err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy__sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* maketrans                                                            */

/* str.maketrans(dict): keys made ordinals. */
static MpyObject *maketrans_from_dict(MpyObject *x)
{
    if (!mpy_dict_check(x))
        return mpy_err_format(mpy_exc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
    MpyObject *result = mpy_dict_new();
    if (result == NULL)
        return NULL;
    ptrdiff_t pos = 0;
    MpyObject *key, *value;
    while (mpy_dict_next(x, &pos, &key, &value)) {
        MpyObject *newkey;
        if (mpy_str_check(key)) {
            if (mpy_str_length(key) != 1) {
                mpy_err_set(mpy_exc_ValueError, "string keys in translate table must be of length 1");
                goto fail;
            }
            int len;
            newkey = mpy_int_from_long(mpy_utf8_decode(mpy_str_utf8(key), &len));
        } else if (mpy_int_check(key)) {
            newkey = MPY_NEWREF(key);
        } else {
            mpy_err_set(mpy_exc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
        int r = mpy_dict_set(result, newkey, value);
        MPY_DECREF(newkey);
        if (r < 0)
            goto fail;
    }
    return result;
fail:
    MPY_DECREF(result);
    return NULL;
}

/* Map each character of x to the one at the same place in y, and each
 * character of z (may be NULL) to None. */
static MpyObject *maketrans_from_strs(MpyObject *x, MpyObject *y, MpyObject *z)
{
    if (mpy_str_length(x) != mpy_str_length(y))
        return mpy_err_format(mpy_exc_ValueError,
                              "the first two maketrans arguments must have equal length");
    MpyObject *result = mpy_dict_new();
    if (result == NULL)
        return NULL;
    const char *px = mpy_str_utf8(x), *py = mpy_str_utf8(y);
    for (ptrdiff_t i = 0; i < mpy_str_length(x); i++) {
        int lx, ly;
        MpyObject *k = mpy_int_from_long(mpy_utf8_decode(px, &lx));
        MpyObject *v = mpy_int_from_long(mpy_utf8_decode(py, &ly));
        int r = mpy_dict_set(result, k, v);
        MPY_DECREF(k);
        MPY_DECREF(v);
        if (r < 0)
            goto fail;
        px += lx;
        py += ly;
    }
    const char *pz = z ? mpy_str_utf8(z) : "", *zend = pz + (z ? mpy_str_size(z) : 0);
    while (pz < zend) {
        int len;
        MpyObject *k = mpy_int_from_long(mpy_utf8_decode(pz, &len));
        int r = mpy_dict_set(result, k, MPY_NONE);
        MPY_DECREF(k);
        if (r < 0)
            goto fail;
        pz += len;
    }
    return result;
fail:
    MPY_DECREF(result);
    return NULL;
}

/* str.maketrans(dict) / (x, y) / (x, y, z): a static method building the
 * {ordinal: replacement} dict that translate() uses. */
MpyObject *mpy__str_maketrans(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    if (mpy__text_no_kwargs("str", "maketrans", kwnames) < 0 ||
        mpy__text_check_positional("maketrans", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return maketrans_from_dict(args[0]);
    for (size_t i = 1; i < nargs; i++)
        if (!mpy_str_check(args[i]))
            return mpy_err_format(mpy_exc_TypeError, "maketrans() argument %zu must be str, not %T",
                                  i + 1, args[i]);
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError,
                              "first maketrans argument must be a string if there is a second argument");
    return maketrans_from_strs(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

#undef KEEP
