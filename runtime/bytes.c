/* runtime/bytes.c: the `bytes` type (immutable byte strings) and its
 * iterator, plus what bytes and bytearray share: the bytes-like view,
 * repr, and the constructor logic of bytes(x) / bytearray(x).
 *
 * Models CPython's Objects/bytesobject.c.  A bytes object stores its bytes
 * inline after the header, followed by a NUL.  Indexing gives ints,
 * slicing gives bytes; `+` accepts any bytes-like right operand.  The
 * methods are in bytes_methods.c and bytes_text.c, mutable bytearray in
 * bytearray.c, `%` formatting in str_printf.c.
 */
#include "runtime/bytes.h"

#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/memoryview.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"

/* ------------------------------------------------------------------ */
/* Helpers shared with bytearray and the methods                        */

bool mpy__bytes_view(MpyObject *o, const char **data, ptrdiff_t *size)
{
    if (mpy_bytes_check(o)) {
        *data = mpy_bytes_data(o);
        *size = mpy_bytes_size(o);
        return true;
    }
    if (mpy_bytearray_check(o)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)o;
        *data = ba->data != NULL ? ba->data : "";
        *size = ba->size;
        return true;
    }
    if (mpy_memoryview_check(o))
        return mpy__memoryview_view(o, data, size);
    return false;
}

int mpy__bytes_view_required(MpyObject *o, const char **data, ptrdiff_t *size)
{
    if (mpy__bytes_view(o, data, size))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

MpyObject *mpy__bytes_like_new(MpyObject *self, const char *data, size_t n)
{
    return mpy_bytearray_check(self) ? mpy_bytearray_from(data, n) : mpy_bytes_from(data, n);
}

const char *mpy__bytes_owner(MpyObject *self)
{
    return mpy_bytearray_check(self) ? "bytearray" : "bytes";
}

/* A bytes instance of `type` (bytes or a subclass) with room for n bytes.
 * Returns: new reference or NULL. */
static MpyBytesObject *bytes_alloc(MpyType *type, size_t n)
{
    MpyBytesObject *b = (MpyBytesObject *)mpy_object_alloc_var(type, n + 1);
    if (b == NULL)
        return NULL;
    b->size = (ptrdiff_t)n;
    b->hash = -1;
    b->data[n] = '\0';
    return b;
}

MpyObject *mpy_bytes_from(const char *data, size_t n)
{
    MpyBytesObject *b = bytes_alloc(&mpy_bytes_type, n);
    if (b == NULL)
        return NULL;
    if (n > 0)
        memcpy(b->data, data, n);
    return (MpyObject *)b;
}

int mpy__bytes_repr_append(MpyStrBuilder *sb, const char *data, ptrdiff_t n)
{
    // Single quotes unless the data has ' and no ".
    char quote = memchr(data, '\'', (size_t)n) && !memchr(data, '"', (size_t)n) ? '"' : '\'';
    if (mpy_sb_append(sb, "b", 1) < 0 || mpy_sb_append(sb, &quote, 1) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        char buf[5];
        size_t len = 2;
        buf[0] = '\\';
        if (c == (unsigned char)quote || c == '\\')
            buf[1] = (char)c;
        else if (c == '\t')
            buf[1] = 't';
        else if (c == '\n')
            buf[1] = 'n';
        else if (c == '\r')
            buf[1] = 'r';
        else if (c < 0x20 || c >= 0x7F)
            len = (size_t)snprintf(buf, sizeof buf, "\\x%02x", c);
        else {
            buf[0] = (char)c;
            len = 1;
        }
        if (mpy_sb_append(sb, buf, len) < 0)
            return -1;
    }
    return mpy_sb_append(sb, &quote, 1);
}

MpyObject *mpy_bytes_repr(MpyObject *b)
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(b, &d, &n);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy__bytes_repr_append(&sb, d, n) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy__sb_finish(&sb);
}

/* ------------------------------------------------------------------ */
/* bytes(x) and bytearray(x)                                            */

int mpy__bytes_fill_from_iterable(MpyStrBuilder *out, MpyObject *iterable, bool for_bytes)
{
    const char *range_msg = for_bytes ? "bytes must be in range(0, 256)"
                                      : "byte must be in range(0, 256)";
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return -1;
    MpyObject *item;
    int err = 0;
    while (err == 0 && (item = mpy_iter_next(it)) != NULL) {
        ptrdiff_t v = -1;
        if (!mpy_int_check(item) && MPY_TYPE(item)->nb_index == NULL)
            mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", item);
        else
            v = mpy__text_as_ssize(item);
        MPY_DECREF(item);
        if (v == -1 && mpy_err_occurred()) {
            if (mpy_err_matches(mpy_exc_OverflowError)) {
                mpy_err_clear();
                mpy_err_set(mpy_exc_ValueError, range_msg);
            }
            err = -1;
        } else if (v < 0 || v > 255) {
            mpy_err_set(mpy_exc_ValueError, range_msg);
            err = -1;
        } else {
            char c = (char)v;
            err = mpy_sb_append(out, &c, 1);
        }
    }
    MPY_DECREF(it);
    return err < 0 || mpy_err_occurred() ? -1 : 0;
}

int mpy__bytes_fill_from_object(MpyStrBuilder *out, MpyObject *x, const char *fname)
{
    const char *d;
    ptrdiff_t n;
    if (mpy__bytes_view(x, &d, &n))
        return mpy_sb_append(out, d, (size_t)n);
    if (mpy_str_check(x)) {
        mpy_err_set(mpy_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (mpy_int_check(x) || MPY_TYPE(x)->nb_index != NULL) {
        ptrdiff_t count = mpy__text_as_ssize(x);
        if (count == -1 && mpy_err_occurred())
            return -1;
        if (count < 0) {
            mpy_err_set(mpy_exc_ValueError, "negative count");
            return -1;
        }
        if (mpy_sb_reserve(out, (size_t)count) < 0)
            return -1;
        char zeros[256] = {0};
        for (ptrdiff_t k = count; k > 0; k -= 256)
            if (mpy_sb_append(out, zeros, (size_t)(k < 256 ? k : 256)) < 0)
                return -1;
        return 0;
    }
    if (MPY_TYPE(x)->iter == NULL && MPY_TYPE(x)->getitem == NULL) {
        mpy_err_format(mpy_exc_TypeError, "cannot convert '%T' object to %s", x, fname);
        return -1;
    }
    return mpy__bytes_fill_from_iterable(out, x, strcmp(fname, "bytes") == 0);
}

static const char *const new_names[] = {"source", "encoding", "errors"};

int mpy__bytes_fill_from_args(MpyStrBuilder *out, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames, const char *fname)
{
    MpyObject *a[3];
    if (mpy__text_parse_args(fname, args, nargs, kwnames, new_names, 3, 0, 0, a) < 0)
        return -1;
    for (int i = 1; i < 3; i++) {
        if (a[i] != NULL && !mpy_str_check(a[i])) {
            mpy_err_format(mpy_exc_TypeError, "%s() argument '%s' must be str, not %T", fname,
                           new_names[i], a[i]);
            return -1;
        }
    }
    if (a[1] == NULL && a[2] == NULL)
        return a[0] == NULL ? 0 : mpy__bytes_fill_from_object(out, a[0], fname);
    if (a[0] == NULL || !mpy_str_check(a[0])) {
        mpy_err_set(mpy_exc_TypeError, a[1] != NULL ? "encoding without a string argument"
                                                    : "errors without a string argument");
        return -1;
    }
    if (a[1] == NULL) {
        mpy_err_set(mpy_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    MpyObject *encoded = mpy_str_encode(a[0], mpy_str_utf8(a[1]),
                                        a[2] ? mpy_str_utf8(a[2]) : "strict");
    if (encoded == NULL)
        return -1;
    int r = mpy_sb_append(out, mpy_bytes_data(encoded), (size_t)mpy_bytes_size(encoded));
    MPY_DECREF(encoded);
    return r;
}

/* bytes(x) for an object with __bytes__.  Returns: new reference, or NULL
 * without an exception when there is no __bytes__. */
static MpyObject *call_dunder_bytes(MpyObject *x)
{
    if (mpy_bytes_check(x) || mpy_str_check(x))
        return NULL;
    MpyObject *meth = mpy_object_lookup_attr(x, MPY_ID(__bytes__));
    if (meth == NULL)
        return NULL;
    MpyObject *r = mpy_object_call0(meth);
    MPY_DECREF(meth);
    if (r != NULL && !mpy_bytes_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        MPY_DECREF(r);
        return NULL;
    }
    return r;
}

/* bytes(), bytes(n), bytes(iterable of ints), bytes(bytes-like),
 * bytes(obj with __bytes__), bytes(str, encoding[, errors]).  For a
 * subclass, the bytes are copied into a new instance of it. */
static MpyObject *bytes_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *result = NULL;
    bool one_arg = nargs == 1 && (kwnames == NULL || mpy_tuple_size(kwnames) == 0);
    if (one_arg && mpy_bytes_check(args[0]) && MPY_TYPE(args[0]) == &mpy_bytes_type &&
        type == &mpy_bytes_type)
        return MPY_NEWREF(args[0]);
    if (one_arg) {
        result = call_dunder_bytes(args[0]);
        if (result == NULL && mpy_err_occurred())
            return NULL;
    }
    if (result == NULL) {
        MpyStrBuilder out;
        mpy_sb_init(&out);
        if (mpy__bytes_fill_from_args(&out, args, nargs, kwnames, "bytes") < 0) {
            mpy_sb_discard(&out);
            return NULL;
        }
        result = mpy_bytes_from(out.buf, out.len);
        mpy_sb_discard(&out);
        if (result == NULL)
            return NULL;
    }
    if (type == &mpy_bytes_type)
        return result;
    // A subclass: the same bytes in an instance of it.
    MpyBytesObject *sub = bytes_alloc(type, (size_t)mpy_bytes_size(result));
    if (sub != NULL) {
        memcpy(sub->data, mpy_bytes_data(result), (size_t)mpy_bytes_size(result));
        if (mpy_type_has_flag(type, MPY_TPFLAGS_HAVE_GC))
            mpy_gc_track((MpyObject *)sub);
    }
    MPY_DECREF(result);
    return (MpyObject *)sub;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *bytes_repr(MpyObject *self)
{
    return mpy_bytes_repr(self);
}

/* The same SipHash as str (equal to CPython's), cached. */
static MpyHash bytes_hash(MpyObject *self)
{
    MpyBytesObject *b = (MpyBytesObject *)self;
    if (b->hash == -1)
        b->hash = mpy__hash_bytes(b->data, (size_t)b->size);
    return b->hash;
}

/* Compare two byte strings as Python does: bytewise, then by length. */
static MpyObject *compare_views(const char *a, ptrdiff_t na, const char *b, ptrdiff_t nb, int op)
{
    int c;
    if ((op == MPY_EQ || op == MPY_NE) && na != nb) {
        c = 1;
    } else {
        c = memcmp(a, b, (size_t)(na < nb ? na : nb));
        if (c == 0)
            c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    bool r;
    switch (op) {
    case MPY_LT: r = c < 0; break;
    case MPY_LE: r = c <= 0; break;
    case MPY_EQ: r = c == 0; break;
    case MPY_NE: r = c != 0; break;
    case MPY_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return MPY_NEWREF(mpy_bool_from(r));
}

/* bytes compare only with bytes here; bytes == bytearray is answered by
 * bytearray's reflected comparison. */
static MpyObject *bytes_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_bytes_check(a) || !mpy_bytes_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return compare_views(mpy_bytes_data(a), mpy_bytes_size(a), mpy_bytes_data(b),
                         mpy_bytes_size(b), op);
}

/* bytes and bytearray compare by content with each other. */
MpyObject *mpy__bytes_compare_any(MpyObject *a, MpyObject *b, int op)
{
    const char *da, *db;
    ptrdiff_t na, nb;
    if (!mpy__bytes_view(a, &da, &na) || !mpy__bytes_view(b, &db, &nb))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return compare_views(da, na, db, nb, op);
}

static ptrdiff_t bytes_len(MpyObject *self)
{
    return mpy_bytes_size(self);
}

/* b[i] and b[i:j:k], shared with bytearray through mpy__bytes_subscript. */
MpyObject *mpy__bytes_subscript(MpyObject *self, MpyObject *key, const char *what)
{
    const char *d;
    ptrdiff_t n;
    mpy__bytes_view(self, &d, &n);
    if (mpy_slice_check(key)) {
        ptrdiff_t start, stop, step, count;
        if (mpy_slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        if (step == 1)
            return mpy__bytes_like_new(self, d + start, (size_t)(count > 0 ? count : 0));
        MpyStrBuilder out;
        mpy_sb_init(&out);
        for (ptrdiff_t i = 0, j = start; i < count; i++, j += step)
            if (mpy_sb_append(&out, d + j, 1) < 0) {
                mpy_sb_discard(&out);
                return NULL;
            }
        MpyObject *r = mpy__bytes_like_new(self, out.buf, out.len);
        mpy_sb_discard(&out);
        return r;
    }
    if (!mpy_int_check(key) && MPY_TYPE(key)->nb_index == NULL)
        return mpy_err_format(mpy_exc_TypeError, "%s indices must be integers or slices, not %T",
                              what, key);
    ptrdiff_t i = mpy_sequence_index(key, n, what);
    if (i == -1 && mpy_err_occurred())
        return NULL;
    if (i < 0 || i >= n)
        return mpy_err_format(mpy_exc_IndexError, "%s",
                              mpy_bytearray_check(self) ? "bytearray index out of range"
                                                        : "index out of range");
    return mpy_small_int((unsigned char)d[i]);
}

/* b[i] is an int; tagged-int keys take the short path. */
static MpyObject *bytes_getitem(MpyObject *self, MpyObject *key)
{
    if (mpy_is_small_int(key)) {
        ptrdiff_t i = (ptrdiff_t)mpy_small_int_value(key), n = mpy_bytes_size(self);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return mpy_err_format(mpy_exc_IndexError, "index out of range");
        return mpy_small_int((unsigned char)mpy_bytes_data(self)[i]);
    }
    return mpy__bytes_subscript(self, key, "byte");
}

/* `x in b` for bytes and bytearray: an int in range(256) or a bytes-like
 * object. */
int mpy__bytes_contains(MpyObject *self, MpyObject *item)
{
    const char *d, *s;
    ptrdiff_t n, sn;
    mpy__bytes_view(self, &d, &n);
    if (mpy__bytes_view(item, &s, &sn))
        return mpy__search_find(d, n, s, sn) >= 0;
    if (!mpy_int_check(item) && MPY_TYPE(item)->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", item);
        return -1;
    }
    ptrdiff_t v = mpy__text_as_ssize(item);
    if (v == -1 && mpy_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        mpy_err_set(mpy_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return n > 0 && memchr(d, (int)v, (size_t)n) != NULL;
}

/* bytes + any bytes-like object is bytes. */
static MpyObject *bytes_add(MpyObject *a, MpyObject *b)
{
    const char *da, *db;
    ptrdiff_t na, nb;
    if (!mpy_bytes_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!mpy__bytes_view(b, &db, &nb)) {
        if (mpy__defines_reflected(b, MPY_ID(__radd__)))
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        return mpy_err_format(mpy_exc_TypeError, "can't concat %T to %T", b, a);
    }
    mpy__bytes_view(a, &da, &na);
    if (nb == 0 && MPY_TYPE(a) == &mpy_bytes_type)
        return MPY_NEWREF(a);
    MpyBytesObject *r = bytes_alloc(&mpy_bytes_type, (size_t)(na + nb));
    if (r == NULL)
        return NULL;
    memcpy(r->data, da, (size_t)na);
    memcpy(r->data + na, db, (size_t)nb);
    return (MpyObject *)r;
}

/* The count operand of seq * count, or -1 + error (with CPython's message
 * for non-integers).  Shared with bytearray. */
ptrdiff_t mpy__bytes_repeat_count(MpyObject *count)
{
    if (!mpy_int_check(count) && MPY_TYPE(count)->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError, "can't multiply sequence by non-int of type '%T'", count);
        return -1;
    }
    ptrdiff_t k = mpy__text_as_ssize(count);
    return k < 0 && !mpy_err_occurred() ? 0 : k;
}

/* b * n and n * b. */
static MpyObject *bytes_mul(MpyObject *a, MpyObject *b)
{
    MpyObject *seq = mpy_bytes_check(a) ? a : b;
    MpyObject *count = seq == a ? b : a;
    if (!mpy_bytes_check(seq) || (count == b && mpy__defines_reflected(b, MPY_ID(__rmul__))))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t k = mpy__bytes_repeat_count(count);
    if (k == -1 && mpy_err_occurred())
        return NULL;
    ptrdiff_t n = mpy_bytes_size(seq);
    if (k == 1 && MPY_TYPE(seq) == &mpy_bytes_type)
        return MPY_NEWREF(seq);
    if (n > 0 && k > PTRDIFF_MAX / n)
        return mpy_err_no_memory();
    MpyBytesObject *r = bytes_alloc(&mpy_bytes_type, (size_t)(n * k));
    if (r == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < k; i++)
        memcpy(r->data + i * n, mpy_bytes_data(seq), (size_t)n);
    return (MpyObject *)r;
}

/* bytes % args (runtime/str_printf.c). */
static MpyObject *bytes_mod(MpyObject *a, MpyObject *b)
{
    if (!mpy_bytes_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return mpy__bytes_printf_format(a, b, false);
}

/* ------------------------------------------------------------------ */
/* The iterator (ints)                                                  */

typedef struct BytesIter {
    MpyObject ob_base;
    MpyObject *seq;      /* NULL once exhausted */
    ptrdiff_t index;
} BytesIter;

MpyType mpy_bytes_iter_type;

static MpyObject *bytes_iter(MpyObject *self)
{
    BytesIter *it = (BytesIter *)mpy_object_alloc(&mpy_bytes_iter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(self);
    return (MpyObject *)it;
}

static void bytes_iter_dealloc(MpyObject *self)
{
    MPY_XDECREF(((BytesIter *)self)->seq);
    mpy_object_free(self);
}

/* The next byte as an int (tagged: no allocation). */
static MpyObject *bytes_iter_next(MpyObject *self)
{
    BytesIter *it = (BytesIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index < mpy_bytes_size(it->seq))
        return mpy_small_int((unsigned char)mpy_bytes_data(it->seq)[it->index++]);
    MPY_CLEAR(it->seq);
    return NULL;
}

static MpyObject *bytes_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *bytes_iter_length_hint(MpyObject *self, MpyObject *const *args, size_t nargs,
                                         MpyObject *kwnames)
{
    BytesIter *it = (BytesIter *)self;
    return mpy_int_from_ssize(it->seq ? mpy_bytes_size(it->seq) - it->index : 0);
}

static const MpyMethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_bytes_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytes_iter_dealloc,
    .iter = bytes_iter_self,
    .iternext = bytes_iter_next,
    .methods = bytes_iter_methods,
};

/* ------------------------------------------------------------------ */
/* bytes-only methods and the type                                      */

static MpyObject *bytes_getnewargs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    MpyObject *copy = mpy_bytes_from(mpy_bytes_data(self), (size_t)mpy_bytes_size(self));
    if (copy == NULL)
        return NULL;
    MpyObject *r = mpy_tuple_pack(1, copy);
    MPY_DECREF(copy);
    return r;
}

static MpyObject *bytes_dunder_bytes(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    if (MPY_TYPE(self) == &mpy_bytes_type)
        return MPY_NEWREF(self);
    return mpy_bytes_from(mpy_bytes_data(self), (size_t)mpy_bytes_size(self));
}

/* The size CPython reports: 33 bytes of header, the bytes and a NUL. */
static MpyObject *bytes_sizeof(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return mpy_int_from_ssize(33 + mpy_bytes_size(self));
}

static const MpyMethodDef bytes_methods[] = {
    {"__sizeof__", bytes_sizeof, MPY_METH_NOARGS, "Returns the size of the bytes object in memory, in bytes."},
    {"__getnewargs__", bytes_getnewargs, MPY_METH_NOARGS, NULL},
    {"__bytes__", bytes_dunder_bytes, MPY_METH_NOARGS, "Convert this value to exact type bytes."},
    {"capitalize", mpy__bytes_capitalize, MPY_METH_NOARGS, "B.capitalize() -> copy of B"},
    {"center", mpy__bytes_center, MPY_METH_FASTCALL, "Return a centered string of length width."},
    {"count", mpy__bytes_count, MPY_METH_FASTCALL, "B.count(sub[, start[, end]]) -> int"},
    {"decode", mpy__bytes_decode, MPY_METH_FASTCALL, "Decode the bytes using the codec registered for encoding."},
    {"endswith", mpy__bytes_endswith, MPY_METH_FASTCALL, "B.endswith(suffix[, start[, end]]) -> bool"},
    {"expandtabs", mpy__bytes_expandtabs, MPY_METH_FASTCALL, "Return a copy where all tab characters are expanded using spaces."},
    {"find", mpy__bytes_find, MPY_METH_FASTCALL, "B.find(sub[, start[, end]]) -> int"},
    {"fromhex", mpy__bytes_fromhex, MPY_METH_O | MPY_METH_CLASS, "Create a bytes object from a string of hexadecimal numbers."},
    {"hex", mpy__bytes_hex, MPY_METH_FASTCALL, "Create a string of hexadecimal numbers from a bytes object."},
    {"index", mpy__bytes_index, MPY_METH_FASTCALL, "B.index(sub[, start[, end]]) -> int"},
    {"isalnum", mpy__bytes_isalnum, MPY_METH_NOARGS, "B.isalnum() -> bool"},
    {"isalpha", mpy__bytes_isalpha, MPY_METH_NOARGS, "B.isalpha() -> bool"},
    {"isascii", mpy__bytes_isascii, MPY_METH_NOARGS, "B.isascii() -> bool"},
    {"isdigit", mpy__bytes_isdigit, MPY_METH_NOARGS, "B.isdigit() -> bool"},
    {"islower", mpy__bytes_islower, MPY_METH_NOARGS, "B.islower() -> bool"},
    {"isspace", mpy__bytes_isspace, MPY_METH_NOARGS, "B.isspace() -> bool"},
    {"istitle", mpy__bytes_istitle, MPY_METH_NOARGS, "B.istitle() -> bool"},
    {"isupper", mpy__bytes_isupper, MPY_METH_NOARGS, "B.isupper() -> bool"},
    {"join", mpy__bytes_join, MPY_METH_O, "Concatenate any number of bytes objects."},
    {"ljust", mpy__bytes_ljust, MPY_METH_FASTCALL, "Return a left-justified string of length width."},
    {"lower", mpy__bytes_lower, MPY_METH_NOARGS, "B.lower() -> copy of B"},
    {"lstrip", mpy__bytes_lstrip, MPY_METH_FASTCALL, "Strip leading bytes contained in the argument."},
    {"maketrans", mpy__bytes_maketrans, MPY_METH_FASTCALL | MPY_METH_STATIC, "Return a translation table useable for the bytes or bytearray translate method."},
    {"partition", mpy__bytes_partition, MPY_METH_O, "Partition the bytes into three parts using the given separator."},
    {"removeprefix", mpy__bytes_removeprefix, MPY_METH_O, "Return a bytes object with the given prefix string removed if present."},
    {"removesuffix", mpy__bytes_removesuffix, MPY_METH_O, "Return a bytes object with the given suffix string removed if present."},
    {"replace", mpy__bytes_replace, MPY_METH_FASTCALL, "Return a copy with all occurrences of substring old replaced by new."},
    {"rfind", mpy__bytes_rfind, MPY_METH_FASTCALL, "B.rfind(sub[, start[, end]]) -> int"},
    {"rindex", mpy__bytes_rindex, MPY_METH_FASTCALL, "B.rindex(sub[, start[, end]]) -> int"},
    {"rjust", mpy__bytes_rjust, MPY_METH_FASTCALL, "Return a right-justified string of length width."},
    {"rpartition", mpy__bytes_rpartition, MPY_METH_O, "Partition the bytes into three parts using the given separator."},
    {"rsplit", mpy__bytes_rsplit, MPY_METH_FASTCALL, "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"rstrip", mpy__bytes_rstrip, MPY_METH_FASTCALL, "Strip trailing bytes contained in the argument."},
    {"split", mpy__bytes_split, MPY_METH_FASTCALL, "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"splitlines", mpy__bytes_splitlines, MPY_METH_FASTCALL, "Return a list of the lines in the bytes, breaking at line boundaries."},
    {"startswith", mpy__bytes_startswith, MPY_METH_FASTCALL, "B.startswith(prefix[, start[, end]]) -> bool"},
    {"strip", mpy__bytes_strip, MPY_METH_FASTCALL, "Strip leading and trailing bytes contained in the argument."},
    {"swapcase", mpy__bytes_swapcase, MPY_METH_NOARGS, "B.swapcase() -> copy of B"},
    {"title", mpy__bytes_title, MPY_METH_NOARGS, "B.title() -> copy of B"},
    {"translate", mpy__bytes_translate, MPY_METH_FASTCALL, "Return a copy with each character mapped by the given translation table."},
    {"upper", mpy__bytes_upper, MPY_METH_NOARGS, "B.upper() -> copy of B"},
    {"zfill", mpy__bytes_zfill, MPY_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {NULL},
};

MpyType mpy_bytes_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "bytes",
    .doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
    .basicsize = sizeof(MpyBytesObject),
    .itemsize = 1,
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_BYTES_SUBCLASS,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = mpy__bytes_contains,
    .nb[MPY_NB_ADD] = bytes_add,
    .nb[MPY_NB_MULTIPLY] = bytes_mul,
    .nb[MPY_NB_REMAINDER] = bytes_mod,
    .new = bytes_new,
    .methods = bytes_methods,
};
