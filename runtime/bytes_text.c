/* runtime/bytes_text.c: the bytes/bytearray methods that treat bytes as
 * ASCII text: case conversion, the is* predicates, padding (center, ljust,
 * rjust, zfill, expandtabs), hex/fromhex, translate/maketrans and decode.
 *
 * Models Objects/bytes_methods.c (the _Py_bytes_* helpers) and the
 * matching parts of bytesobject.c.  Only ASCII letters have a case and
 * only ASCII whitespace counts as space: bytes have no encoding.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/int.h"

static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static unsigned char to_lower(unsigned char c) { return is_upper(c) ? (unsigned char)(c + 32) : c; }
static unsigned char to_upper(unsigned char c) { return is_lower(c) ? (unsigned char)(c - 32) : c; }

/* A copy of self's bytes to modify in place, as a new object of self's
 * family.  Returns: new reference or NULL; *data points into it. */
static MpyObject *copy_of(MpyObject *self, char **data, ptrdiff_t *n)
{
    const char *d;
    mpy__bytes_view(self, &d, n);
    MpyObject *r = mpy__bytes_like_new(self, d, (size_t)*n);
    if (r != NULL)
        mpy__bytes_view(r, (const char **)data, n);
    return r;
}

/* ------------------------------------------------------------------ */
/* Case                                                                 */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

/* lower/upper/swapcase/capitalize/title on ASCII letters only. */
static MpyObject *convert_case(MpyObject *self, int how)
{
    char *d;
    ptrdiff_t n;
    MpyObject *r = copy_of(self, &d, &n);
    if (r == NULL)
        return NULL;
    bool prev_cased = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        switch (how) {
        case CASE_LOWER: c = to_lower(c); break;
        case CASE_UPPER: c = to_upper(c); break;
        case CASE_SWAP: c = is_lower(c) ? to_upper(c) : to_lower(c); break;
        case CASE_CAPITALIZE: c = i == 0 ? to_upper(c) : to_lower(c); break;
        default:
            c = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = is_alpha(c);
            break;
        }
        d[i] = (char)c;
    }
    return r;
}

MpyObject *mpy__bytes_lower(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return convert_case(self, CASE_LOWER);
}

MpyObject *mpy__bytes_upper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return convert_case(self, CASE_UPPER);
}

MpyObject *mpy__bytes_swapcase(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return convert_case(self, CASE_SWAP);
}

MpyObject *mpy__bytes_capitalize(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    return convert_case(self, CASE_CAPITALIZE);
}

MpyObject *mpy__bytes_title(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return convert_case(self, CASE_TITLE);
}

/* ------------------------------------------------------------------ */
/* Predicates                                                           */

static MpyObject *all_bytes(MpyObject *self, bool (*test)(unsigned char))
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    if (n == 0)
        return MPY_NEWREF(MPY_FALSE);
    for (ptrdiff_t i = 0; i < n; i++)
        if (!test((unsigned char)d[i]))
            return MPY_NEWREF(MPY_FALSE);
    return MPY_NEWREF(MPY_TRUE);
}

static bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

MpyObject *mpy__bytes_isalpha(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_bytes(self, is_alpha);
}

MpyObject *mpy__bytes_isalnum(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_bytes(self, is_alnum);
}

MpyObject *mpy__bytes_isdigit(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_bytes(self, is_digit);
}

MpyObject *mpy__bytes_isspace(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return all_bytes(self, is_space);
}

MpyObject *mpy__bytes_isascii(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    for (ptrdiff_t i = 0; i < n; i++)
        if ((unsigned char)d[i] >= 0x80)
            return MPY_NEWREF(MPY_FALSE);
    return MPY_NEWREF(MPY_TRUE);
}

/* islower / isupper: some letter of the wanted case, none of the other. */
static MpyObject *one_case(MpyObject *self, bool (*wanted)(unsigned char),
                           bool (*other)(unsigned char))
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    bool cased = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (other((unsigned char)d[i]))
            return MPY_NEWREF(MPY_FALSE);
        cased = cased || wanted((unsigned char)d[i]);
    }
    return MPY_NEWREF(mpy_bool_from(cased));
}

MpyObject *mpy__bytes_islower(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return one_case(self, is_lower, is_upper);
}

MpyObject *mpy__bytes_isupper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return one_case(self, is_upper, is_lower);
}

MpyObject *mpy__bytes_istitle(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    bool cased = false, prev_cased = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (is_upper(c)) {
            if (prev_cased)
                return MPY_NEWREF(MPY_FALSE);
            prev_cased = cased = true;
        } else if (is_lower(c)) {
            if (!prev_cased)
                return MPY_NEWREF(MPY_FALSE);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return MPY_NEWREF(mpy_bool_from(cased));
}

/* ------------------------------------------------------------------ */
/* center, ljust, rjust, zfill, expandtabs                              */

static MpyObject *pad(MpyObject *self, ptrdiff_t left, ptrdiff_t right, char fill)
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    MpyObject *r = NULL;
    char block[64];
    memset(block, fill, sizeof block);
    int err = 0;
    for (ptrdiff_t k = left; k > 0 && err == 0; k -= 64)
        err = mpy_sb_append(&out, block, (size_t)(k < 64 ? k : 64));
    if (err == 0)
        err = mpy_sb_append(&out, d, (size_t)n);
    for (ptrdiff_t k = right; k > 0 && err == 0; k -= 64)
        err = mpy_sb_append(&out, block, (size_t)(k < 64 ? k : 64));
    if (err == 0)
        r = mpy__bytes_like_new(self, out.buf, out.len);
    mpy_sb_discard(&out);
    return r;
}

enum { PAD_LEFT, PAD_RIGHT, PAD_CENTER };

static MpyObject *justify(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames, const char *fname, int how)
{
    if (mpy__text_no_kwargs(mpy__bytes_owner(self), fname, kwnames) < 0 ||
        mpy__text_check_positional(fname, nargs, 1, 2) < 0)
        return NULL;
    ptrdiff_t width = mpy__text_as_ssize(args[0]);
    if (width == -1 && mpy_err_occurred())
        return NULL;
    char fill = ' ';
    if (nargs > 1) {
        const char *f;
        ptrdiff_t fn;
        if (!mpy__bytes_view(args[1], &f, &fn) || fn != 1)
            return mpy_err_format(mpy_exc_TypeError,
                                  "%s() argument 2 must be a byte string of length 1, not %T",
                                  fname, args[1]);
        fill = f[0];
    }
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    ptrdiff_t extra = width - n;
    if (extra <= 0)
        return mpy__bytes_like_new(self, d, (size_t)n);
    switch (how) {
    case PAD_LEFT: return pad(self, extra, 0, fill);
    case PAD_RIGHT: return pad(self, 0, extra, fill);
    default: {
        ptrdiff_t left = extra / 2 + (extra & width & 1);
        return pad(self, left, extra - left, fill);
    }
    }
}

MpyObject *mpy__bytes_center(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "center", PAD_CENTER);
}

MpyObject *mpy__bytes_ljust(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "ljust", PAD_RIGHT);
}

MpyObject *mpy__bytes_rjust(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    return justify(self, args, nargs, kwnames, "rjust", PAD_LEFT);
}

/* zfill(width): zeros on the left, after a leading sign. */
MpyObject *mpy__bytes_zfill(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    ptrdiff_t width = mpy__text_as_ssize(args[0]);
    if (width == -1 && mpy_err_occurred())
        return NULL;
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    if (width <= n)
        return mpy__bytes_like_new(self, d, (size_t)n);
    ptrdiff_t k = width - n;
    MpyObject *r = pad(self, k, 0, '0');
    if (r == NULL)
        return NULL;
    // A sign moves in front of the zeros: b'-12' -> b'-0012'.
    char *out;
    mpy__bytes_view(r, (const char **)&out, &n);
    if (out[k] == '+' || out[k] == '-') {
        out[0] = out[k];
        out[k] = '0';
    }
    return r;
}

static const char *const expandtabs_names[] = {"tabsize"};

/* expandtabs(tabsize=8), as for str. */
MpyObject *mpy__bytes_expandtabs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyObject *a[1];
    if (mpy__text_parse_args("expandtabs", args, nargs, kwnames, expandtabs_names, 1, 0, 0, a) < 0)
        return NULL;
    ptrdiff_t tabsize = 8;
    if (a[0] != NULL && (tabsize = mpy__text_as_ssize(a[0])) == -1 && mpy_err_occurred())
        return NULL;
    const char *d;
    ptrdiff_t n, column = 0;
    mpy__bytes_view(self, &d, &n);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    int err = 0;
    for (ptrdiff_t i = 0; i < n && err == 0; i++) {
        if (d[i] == '\t') {
            if (tabsize > 0) {
                ptrdiff_t spaces = tabsize - column % tabsize;
                column += spaces;
                for (ptrdiff_t k = 0; k < spaces && err == 0; k++)
                    err = mpy_sb_append(&out, " ", 1);
            }
        } else {
            column = d[i] == '\n' || d[i] == '\r' ? 0 : column + 1;
            err = mpy_sb_append(&out, d + i, 1);
        }
    }
    MpyObject *r = err == 0 ? mpy__bytes_like_new(self, out.buf, out.len) : NULL;
    mpy_sb_discard(&out);
    return r;
}

/* ------------------------------------------------------------------ */
/* hex, fromhex                                                         */

static const char *const hex_names[] = {"sep", "bytes_per_sep"};

/* hex(sep=None, bytes_per_sep=1): two lowercase digits per byte, with
 * sep between groups of bytes_per_sep bytes. */
MpyObject *mpy__bytes_hex(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *a[2];
    if (mpy__text_parse_args("hex", args, nargs, kwnames, hex_names, 2, 0, 0, a) < 0)
        return NULL;
    char sep = 0;
    if (a[0] != NULL && a[0] != MPY_NONE) {
        const char *s;
        ptrdiff_t sn;
        if (mpy_str_check(a[0])) {
            s = mpy_str_utf8(a[0]);
            sn = mpy_str_length(a[0]);
        } else if (!mpy__bytes_view(a[0], &s, &sn)) {
            sn = mpy_object_length(a[0]);
            if (sn < 0)
                return NULL;
        }
        if (sn != 1)
            return mpy_err_format(mpy_exc_ValueError, "sep must be length 1.");
        if ((unsigned char)s[0] >= 0x80)
            return mpy_err_format(mpy_exc_ValueError, "sep must be ASCII.");
        sep = s[0];
    }
    ptrdiff_t group = 1;
    if (a[1] != NULL && (group = mpy__text_as_ssize(a[1])) == -1 && mpy_err_occurred())
        return NULL;
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    bool from_left = group < 0;
    if (group < 0)
        group = -group;
    if (sep == 0 || group == 0)
        group = n + 1; // no separators
    MpyStrBuilder out;
    mpy_sb_init(&out);
    static const char digits[] = "0123456789abcdef";
    int err = 0;
    for (ptrdiff_t i = 0; i < n && err == 0; i++) {
        // Groups count from the right unless bytes_per_sep is negative.
        ptrdiff_t pos = from_left ? i : n - i;
        if (i > 0 && pos % group == 0)
            err = mpy_sb_append(&out, &sep, 1);
        char pair[2] = {digits[(unsigned char)d[i] >> 4], digits[(unsigned char)d[i] & 15]};
        if (err == 0)
            err = mpy_sb_append(&out, pair, 2);
    }
    if (err < 0) {
        mpy_sb_discard(&out);
        return NULL;
    }
    return mpy__sb_finish(&out);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* bytes.fromhex(string) / bytearray.fromhex(string): a classmethod, so
 * `self` is the class. */
MpyObject *mpy__bytes_fromhex(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    MpyObject *s = args[0];
    if (!mpy_str_check(s))
        return mpy_err_format(mpy_exc_TypeError, "fromhex() argument must be str, not %T", s);
    const char *p = mpy_str_utf8(s);
    ptrdiff_t n = mpy_str_size(s);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    for (ptrdiff_t i = 0; i < n;) {
        if (is_space((unsigned char)p[i])) {
            i++;
            continue;
        }
        int hi = hex_value(p[i]);
        int lo = i + 1 < n ? hex_value(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            ptrdiff_t bad = hi < 0 ? i : i + 1;
            mpy_sb_discard(&out);
            return mpy_err_format(mpy_exc_ValueError,
                                  "non-hexadecimal number found in fromhex() arg at position %zd",
                                  mpy__utf8_count(p, bad));
        }
        char byte = (char)(hi * 16 + lo);
        if (mpy_sb_append(&out, &byte, 1) < 0) {
            mpy_sb_discard(&out);
            return NULL;
        }
        i += 2;
    }
    MpyType *cls = (MpyType *)self;
    bool bytearray = cls == &mpy_bytearray_type;
    MpyObject *r = bytearray ? mpy_bytearray_from(out.buf, out.len) : mpy_bytes_from(out.buf, out.len);
    mpy_sb_discard(&out);
    if (r == NULL || cls == &mpy_bytes_type || bytearray)
        return r;
    // A subclass: cls(result), as CPython.
    MpyObject *sub = mpy_object_call1(self, r);
    MPY_DECREF(r);
    return sub;
}

/* ------------------------------------------------------------------ */
/* translate, maketrans, decode                                         */

static const char *const translate_names[] = {"table", "delete"};

/* translate(table, /, delete=b''): table is None or 256 bytes. */
MpyObject *mpy__bytes_translate(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    MpyObject *a[2];
    if (mpy__text_parse_args("translate", args, nargs, kwnames, translate_names, 2, 1, 1, a) < 0)
        return NULL;
    const char *table = NULL, *del = "";
    ptrdiff_t tn = 0, dn = 0;
    if (a[0] != MPY_NONE) {
        if (mpy__bytes_view_required(a[0], &table, &tn) < 0)
            return NULL;
        if (tn != 256)
            return mpy_err_format(mpy_exc_ValueError, "translation table must be 256 characters long");
    }
    if (a[1] != NULL && mpy__bytes_view_required(a[1], &del, &dn) < 0)
        return NULL;
    bool deleted[256] = {false};
    for (ptrdiff_t i = 0; i < dn; i++)
        deleted[(unsigned char)del[i]] = true;
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    int err = 0;
    for (ptrdiff_t i = 0; i < n && err == 0; i++) {
        unsigned char c = (unsigned char)d[i];
        if (deleted[c])
            continue;
        char t = table ? table[c] : (char)c;
        err = mpy_sb_append(&out, &t, 1);
    }
    MpyObject *r = err == 0 ? mpy__bytes_like_new(self, out.buf, out.len) : NULL;
    mpy_sb_discard(&out);
    return r;
}

/* bytes.maketrans(frm, to): a static method. */
MpyObject *mpy__bytes_maketrans(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    if (mpy__text_no_kwargs("bytes", "maketrans", kwnames) < 0 ||
        mpy__text_check_positional("maketrans", nargs, 2, 2) < 0)
        return NULL;
    const char *frm, *to;
    ptrdiff_t fn, tn;
    if (mpy__bytes_view_required(args[0], &frm, &fn) < 0 ||
        mpy__bytes_view_required(args[1], &to, &tn) < 0)
        return NULL;
    if (fn != tn)
        return mpy_err_format(mpy_exc_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int c = 0; c < 256; c++)
        table[c] = (char)c;
    for (ptrdiff_t i = 0; i < fn; i++)
        table[(unsigned char)frm[i]] = to[i];
    return mpy_bytes_from(table, 256);
}

static const char *const decode_names[] = {"encoding", "errors"};

/* decode(encoding="utf-8", errors="strict") (runtime/codecs.c). */
MpyObject *mpy__bytes_decode(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyObject *a[2];
    if (mpy__text_parse_args("decode", args, nargs, kwnames, decode_names, 2, 0, 0, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] != NULL && !mpy_str_check(a[i]))
            return mpy_err_format(mpy_exc_TypeError, "decode() argument '%s' must be str, not %T",
                                  decode_names[i], a[i]);
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    return mpy_bytes_decode(d, (size_t)n, a[0] ? mpy_str_utf8(a[0]) : "utf-8",
                            a[1] ? mpy_str_utf8(a[1]) : "strict");
}
