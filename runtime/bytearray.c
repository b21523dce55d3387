/* runtime/bytearray.c: the `bytearray` type (mutable byte strings) and its
 * iterator.
 *
 * Models CPython's Objects/bytearrayobject.c.  The bytes live in a separate
 * over-allocated buffer (`data`, with room for `allocated` bytes, always
 * NUL-terminated when not NULL), so appending is amortized O(1) as for
 * lists.  Everything bytes can do, bytearray can (the shared methods are
 * in bytes_methods.c and bytes_text.c and return bytearrays here); this
 * file adds item and slice assignment and the list-like mutators.
 *
 * Invariant: 0 <= size < allocated whenever data != NULL, and data[size]
 * is 0.  Code that holds a view of `data` must not let Python code run
 * (which could resize it) before it is done with the view.
 */
#include "runtime/bytes.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"

static MpyByteArrayObject *as_ba(MpyObject *o)
{
    return (MpyByteArrayObject *)o;
}

/* Make room for exactly `size` bytes (contents up to min(old, new) kept).
 * Returns 0 / -1 + MemoryError. */
static int resize(MpyByteArrayObject *ba, ptrdiff_t size)
{
    // CPython's policy (so __alloc__ and __sizeof__ agree): small growth
    // over-allocates by 1/8, as lists do, so appends are amortized O(1);
    // a big jump or a big shrink allocates exactly.
    if (size == ba->size && (ba->data != NULL || size == 0))
        return 0; // nothing to do (and an empty bytearray stays unallocated)
    ptrdiff_t cap = ba->allocated;
    if (size + 1 > cap)
        cap = size <= cap + (cap >> 3) ? size + (size >> 3) + (size < 9 ? 3 : 6) : size + 1;
    else if (size < cap / 2)
        cap = size + 1;
    if (cap != ba->allocated) {
        char *p = mpy_mem_realloc(ba->data, (size_t)cap);
        if (p == NULL)
            return -1;
        ba->data = p;
        ba->allocated = cap;
    }
    MPY_FT_STORE_RELAXED(ba->size, size);
    ba->data[size] = '\0';
    return 0;
}

/* Replace bytes [start, stop) with src[0..n).  `src` must not point into
 * ba->data (callers copy first when it might). */
static int splice(MpyByteArrayObject *ba, ptrdiff_t start, ptrdiff_t stop, const char *src,
                  ptrdiff_t n)
{
    ptrdiff_t old = ba->size, tail = old - stop, growth = n - (stop - start);
    if (growth > 0 && resize(ba, old + growth) < 0)
        return -1;
    if (tail > 0)
        memmove(ba->data + start + n, ba->data + stop, (size_t)tail);
    if (n > 0)
        memcpy(ba->data + start, src, (size_t)n);
    if (growth < 0)
        return resize(ba, old + growth);
    return 0;
}

MpyObject *mpy_bytearray_from(const char *data, size_t n)
{
    MpyByteArrayObject *ba = (MpyByteArrayObject *)mpy_object_alloc(&mpy_bytearray_type);
    if (ba == NULL)
        return NULL;
    if (n > 0 && splice(ba, 0, 0, data, (ptrdiff_t)n) < 0) {
        MPY_DECREF(ba);
        return NULL;
    }
    return (MpyObject *)ba;
}

/* An int in range(256) from `o`.  Returns the byte, or -1 + exception. */
static int byte_value(MpyObject *o)
{
    if (!mpy_int_check(o) && MPY_TYPE(o)->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    ptrdiff_t v = mpy__text_as_ssize(o);
    if (v == -1 && mpy_err_occurred()) {
        if (!mpy_err_matches(mpy_exc_OverflowError))
            return -1;
        mpy_err_clear();
    }
    if (v < 0 || v > 255) {
        mpy_err_set(mpy_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

static MpyObject *bytearray_new(MpyType *type, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    return mpy_object_alloc(type); // filled by __init__, as in CPython
}

static int bytearray_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyStrBuilder out;
    mpy_sb_init(&out);
    if (mpy__bytes_fill_from_args(&out, args, nargs, kwnames, "bytearray") < 0) {
        mpy_sb_discard(&out);
        return -1;
    }
    MpyByteArrayObject *ba = as_ba(self);
    int r = splice(ba, 0, ba->size, out.buf, (ptrdiff_t)out.len);
    mpy_sb_discard(&out);
    return r;
}

static void bytearray_dealloc(MpyObject *self)
{
    mpy_mem_free(as_ba(self)->data);
    mpy_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *bytearray_repr_impl(MpyObject *self)
{
    MpyByteArrayObject *ba = as_ba(self);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy_sb_append_cstr(&sb, mpy_type_name_of(self)) < 0 || mpy_sb_append(&sb, "(", 1) < 0 ||
        mpy__bytes_repr_append(&sb, ba->data ? ba->data : "", ba->size) < 0 ||
        mpy_sb_append(&sb, ")", 1) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

static ptrdiff_t bytearray_len(MpyObject *self)
{
    return MPY_FT_LOAD_RELAXED(as_ba(self)->size);
}

static MpyObject *bytearray_getitem(MpyObject *self, MpyObject *key)
{
    MpyObject *r;
    MPY_BEGIN_CRITICAL(self);
    r = mpy__bytes_subscript(self, key, "bytearray");
    MPY_END_CRITICAL();
    return r;
}

/* del b[i:j:k] */
static int delete_slice(MpyByteArrayObject *ba, ptrdiff_t start, ptrdiff_t step, ptrdiff_t count)
{
    if (count <= 0)
        return 0;
    if (step < 0) {
        // The same positions, walked upwards.
        start = start + step * (count - 1);
        step = -step;
    }
    if (step == 1)
        return splice(ba, start, start + count, NULL, 0);
    ptrdiff_t out = start;
    for (ptrdiff_t i = start; i < ba->size; i++)
        if (i < start + step * count && (i - start) % step == 0)
            continue;
        else
            ba->data[out++] = ba->data[i];
    return resize(ba, out);
}

/* b[i:j:k] = value */
static int assign_slice(MpyByteArrayObject *ba, MpyObject *slice, MpyObject *value)
{
    ptrdiff_t start, stop, step, count;
    if (mpy_slice_indices(slice, ba->size, &start, &stop, &step, &count) < 0)
        return -1;
    if (value == NULL)
        return delete_slice(ba, start, step, count);
    MpyStrBuilder src;
    mpy_sb_init(&src);
    const char *d;
    ptrdiff_t n;
    if (mpy__bytes_view(value, &d, &n)) {
        // Copy: the value may be this very bytearray.
        if (mpy_sb_append(&src, d, (size_t)n) < 0)
            goto fail;
    } else if (mpy_int_check(value) || mpy_str_check(value) ||
               (MPY_TYPE(value)->iter == NULL && MPY_TYPE(value)->getitem == NULL)) {
        mpy_err_set(mpy_exc_TypeError,
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        goto fail;
    } else if (mpy__bytes_fill_from_iterable(&src, value, false) < 0) {
        goto fail;
    }
    n = (ptrdiff_t)src.len;
    int r;
    if (step == 1) {
        r = splice(ba, start, stop < start ? start : stop, src.buf, n);
    } else if (n != count) {
        mpy_err_format(mpy_exc_ValueError,
                       "attempt to assign bytes of size %zd to extended slice of size %zd", n, count);
        r = -1;
    } else {
        for (ptrdiff_t i = 0, j = start; i < count; i++, j += step)
            ba->data[j] = src.buf[i];
        r = 0;
    }
    mpy_sb_discard(&src);
    return r;
fail:
    mpy_sb_discard(&src);
    return -1;
}

/* b[i] = int, b[i:j:k] = bytes-like or iterable of ints, and del. */
static int bytearray_setitem_impl(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MpyByteArrayObject *ba = as_ba(self);
    if (mpy_slice_check(key))
        return assign_slice(ba, key, value);
    if (!mpy_int_check(key) && MPY_TYPE(key)->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError, "bytearray indices must be integers or slices, not %T", key);
        return -1;
    }
    ptrdiff_t i = mpy_sequence_index(key, ba->size, "bytearray");
    if (i == -1 && mpy_err_occurred())
        return -1;
    if (i < 0 || i >= ba->size) {
        mpy_err_set(mpy_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (value == NULL)
        return splice(ba, i, i + 1, NULL, 0);
    int b = byte_value(value);
    if (b < 0)
        return -1;
    ba->data[i] = (char)b;
    return 0;
}

/* bytearray + bytes-like is a new bytearray. */
static MpyObject *bytearray_add(MpyObject *a, MpyObject *b)
{
    const char *da, *db;
    ptrdiff_t na, nb;
    if (!mpy_bytearray_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!mpy__bytes_view(b, &db, &nb)) {
        if (mpy__defines_reflected(b, MPY_ID(__radd__)))
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        return mpy_err_format(mpy_exc_TypeError, "can't concat %T to %T", b, a);
    }
    mpy__bytes_view(a, &da, &na);
    MpyObject *r = mpy_bytearray_from(da, (size_t)na);
    if (r != NULL && splice(as_ba(r), na, na, db, nb) < 0)
        MPY_CLEAR(r);
    return r;
}

/* b += bytes-like: extends b in place. */
static MpyObject *bytearray_iadd_impl(MpyObject *a, MpyObject *b)
{
    const char *db;
    ptrdiff_t nb;
    if (!mpy__bytes_view(b, &db, &nb))
        return mpy_err_format(mpy_exc_TypeError, "can't concat %T to %T", b, a);
    MpyByteArrayObject *ba = as_ba(a);
    int r;
    if (b == a) {
        // b += b: copy the source before the buffer moves.
        MpyObject *copy = mpy_bytes_from(db, (size_t)nb);
        if (copy == NULL)
            return NULL;
        r = splice(ba, ba->size, ba->size, mpy_bytes_data(copy), nb);
        MPY_DECREF(copy);
    } else {
        r = splice(ba, ba->size, ba->size, db, nb);
    }
    return r < 0 ? NULL : MPY_NEWREF(a);
}

/* self repeated k times, in place. */
static int repeat_in_place(MpyByteArrayObject *ba, ptrdiff_t k)
{
    ptrdiff_t n = ba->size;
    if (k <= 0 || n == 0)
        return resize(ba, 0);
    if (n > PTRDIFF_MAX / k - 1) {
        mpy_err_no_memory();
        return -1;
    }
    if (resize(ba, n * k) < 0)
        return -1;
    for (ptrdiff_t i = 1; i < k; i++)
        memcpy(ba->data + i * n, ba->data, (size_t)n);
    return 0;
}

/* b * n and n * b: a new bytearray. */
static MpyObject *bytearray_mul(MpyObject *a, MpyObject *b)
{
    MpyObject *seq = mpy_bytearray_check(a) ? a : b;
    MpyObject *count = seq == a ? b : a;
    if (!mpy_bytearray_check(seq) || (count == b && mpy__defines_reflected(b, MPY_ID(__rmul__))))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t k = mpy__bytes_repeat_count(count);
    if (k == -1 && mpy_err_occurred())
        return NULL;
    MpyByteArrayObject *src = as_ba(seq);
    MpyObject *r = mpy_bytearray_from(src->data, (size_t)src->size);
    if (r != NULL && repeat_in_place(as_ba(r), k) < 0)
        MPY_CLEAR(r);
    return r;
}

/* b *= n: repeats b in place. */
static MpyObject *bytearray_imul_impl(MpyObject *a, MpyObject *b)
{
    ptrdiff_t k = mpy__bytes_repeat_count(b);
    if (k == -1 && mpy_err_occurred())
        return NULL;
    return repeat_in_place(as_ba(a), k) < 0 ? NULL : MPY_NEWREF(a);
}

static MpyObject *bytearray_mod(MpyObject *a, MpyObject *b)
{
    if (!mpy_bytearray_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return mpy__bytes_printf_format(a, b, true);
}

/* ------------------------------------------------------------------ */
/* The iterator (sees later changes, as CPython's)                      */

typedef struct ByteArrayIter {
    MpyObject ob_base;
    MpyObject *seq;     /* NULL once exhausted */
    ptrdiff_t index;
} ByteArrayIter;

MpyType mpy_bytearray_iter_type;

static MpyObject *bytearray_iter(MpyObject *self)
{
    ByteArrayIter *it = (ByteArrayIter *)mpy_object_alloc(&mpy_bytearray_iter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(self);
    return (MpyObject *)it;
}

static void bytearray_iter_dealloc(MpyObject *self)
{
    MPY_XDECREF(((ByteArrayIter *)self)->seq);
    mpy_object_free(self);
}

static MpyObject *bytearray_iter_next(MpyObject *self)
{
    ByteArrayIter *it = (ByteArrayIter *)self;
    if (it->seq == NULL)
        return NULL;
    MpyByteArrayObject *ba = as_ba(it->seq);
    int byte = -1;
    MPY_BEGIN_CRITICAL(ba);
    if (it->index < ba->size)
        byte = (unsigned char)ba->data[it->index++];
    MPY_END_CRITICAL();
    if (byte >= 0)
        return mpy_small_int(byte);
    MPY_CLEAR(it->seq);
    return NULL;
}

static MpyObject *bytearray_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *bytearray_iter_length_hint(MpyObject *self, MpyObject *const *args,
                                             size_t nargs, MpyObject *kwnames)
{
    ByteArrayIter *it = (ByteArrayIter *)self;
    ptrdiff_t left = it->seq ? as_ba(it->seq)->size - it->index : 0;
    return mpy_int_from_ssize(left > 0 ? left : 0);
}

static const MpyMethodDef bytearray_iter_methods[] = {
    {"__length_hint__", bytearray_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_bytearray_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "bytearray_iterator",
    .basicsize = sizeof(ByteArrayIter),
    .dealloc = bytearray_iter_dealloc,
    .iter = bytearray_iter_self,
    .iternext = bytearray_iter_next,
    .methods = bytearray_iter_methods,
};

/* ------------------------------------------------------------------ */
/* Mutating methods                                                     */

static MpyObject *ba_append(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    int b = byte_value(args[0]);
    if (b < 0)
        return NULL;
    MpyByteArrayObject *ba = as_ba(self);
    char c = (char)b;
    if (splice(ba, ba->size, ba->size, &c, 1) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* extend(bytes-like or iterable of ints) */
static MpyObject *ba_extend(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    MpyObject *src = args[0];
    MpyType *t = MPY_TYPE(src);
    const char *d;
    ptrdiff_t n;
    MpyStrBuilder out;
    mpy_sb_init(&out);
    int r;
    if (mpy__bytes_view(src, &d, &n)) {
        r = mpy_sb_append(&out, d, (size_t)n); // a copy: src may be self
    } else if (t->iter == NULL && t->getitem == NULL) {
        mpy_sb_discard(&out);
        return mpy_err_format(mpy_exc_TypeError, "can't extend bytearray with %T", src);
    } else {
        r = mpy__bytes_fill_from_iterable(&out, src, false);
    }
    MpyByteArrayObject *ba = as_ba(self);
    if (r == 0)
        r = splice(ba, ba->size, ba->size, out.buf, (ptrdiff_t)out.len);
    mpy_sb_discard(&out);
    return r < 0 ? NULL : MPY_RETURN_NONE;
}

/* pop(index=-1): remove and return one byte. */
static MpyObject *ba_pop(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (mpy__text_no_kwargs("bytearray", "pop", kwnames) < 0 ||
        mpy__text_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    MpyByteArrayObject *ba = as_ba(self);
    ptrdiff_t i = -1;
    if (nargs == 1 && (i = mpy__text_as_ssize(args[0])) == -1 && mpy_err_occurred())
        return NULL;
    if (ba->size == 0)
        return mpy_err_format(mpy_exc_IndexError, "pop from empty bytearray");
    if (i < 0)
        i += ba->size;
    if (i < 0 || i >= ba->size)
        return mpy_err_format(mpy_exc_IndexError, "pop index out of range");
    unsigned char c = (unsigned char)ba->data[i];
    if (splice(ba, i, i + 1, NULL, 0) < 0)
        return NULL;
    return mpy_small_int(c);
}

/* insert(index, byte) */
static MpyObject *ba_insert(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    if (mpy__text_no_kwargs("bytearray", "insert", kwnames) < 0 ||
        mpy__text_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    MpyByteArrayObject *ba = as_ba(self);
    ptrdiff_t i = mpy__text_as_ssize(args[0]);
    if (i == -1 && mpy_err_occurred())
        return NULL;
    int b = byte_value(args[1]);
    if (b < 0)
        return NULL;
    // Clamp like list.insert.
    if (i < 0 && (i += ba->size) < 0)
        i = 0;
    if (i > ba->size)
        i = ba->size;
    char c = (char)b;
    if (splice(ba, i, i, &c, 1) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* remove(byte): the first occurrence. */
static MpyObject *ba_remove(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    int b = byte_value(args[0]);
    if (b < 0)
        return NULL;
    MpyByteArrayObject *ba = as_ba(self);
    const char *p = ba->size > 0 ? memchr(ba->data, b, (size_t)ba->size) : NULL;
    if (p == NULL)
        return mpy_err_format(mpy_exc_ValueError, "value not found in bytearray");
    if (splice(ba, p - ba->data, p - ba->data + 1, NULL, 0) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *ba_clear(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    MpyByteArrayObject *ba = as_ba(self);
    if (resize(ba, 0) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *ba_copy(MpyObject *self, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames)
{
    MpyByteArrayObject *ba = as_ba(self);
    return mpy_bytearray_from(ba->data, (size_t)ba->size);
}

static MpyObject *ba_reverse(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyByteArrayObject *ba = as_ba(self);
    for (ptrdiff_t i = 0, j = ba->size - 1; i < j; i++, j--) {
        char t = ba->data[i];
        ba->data[i] = ba->data[j];
        ba->data[j] = t;
    }
    return MPY_RETURN_NONE;
}

/* __alloc__(): bytes allocated, as CPython reports it. */
static MpyObject *ba_alloc(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return mpy_int_from_ssize(as_ba(self)->allocated);
}

static MpyObject *ba_sizeof(MpyObject *self, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    return mpy_int_from_ssize(56 + as_ba(self)->allocated);
}

/* Free-threaded build: every method runs in the bytearray's critical
 * section (another thread may resize the buffer under a reader); the
 * slots below take it too.  The GIL build calls the functions directly. */
#if MPY_FREE_THREADED
#define BA_LOCKED(fn)                                                                      \
    static MpyObject *fn##_locked(MpyObject *self, MpyObject *const *args, size_t nargs,   \
                                  MpyObject *kw)                                           \
    {                                                                                      \
        MpyObject *r;                                                                      \
        MPY_BEGIN_CRITICAL(self);                                                          \
        r = fn(self, args, nargs, kw);                                                     \
        MPY_END_CRITICAL();                                                                \
        return r;                                                                          \
    }
#define L(fn) fn##_locked
#else
#define BA_LOCKED(fn)
#define L(fn) fn
#endif

BA_LOCKED(ba_alloc)
BA_LOCKED(ba_sizeof)
BA_LOCKED(ba_append)
BA_LOCKED(ba_clear)
BA_LOCKED(ba_copy)
BA_LOCKED(ba_extend)
BA_LOCKED(ba_insert)
BA_LOCKED(ba_pop)
BA_LOCKED(ba_remove)
BA_LOCKED(ba_reverse)
BA_LOCKED(mpy__bytes_capitalize)
BA_LOCKED(mpy__bytes_center)
BA_LOCKED(mpy__bytes_count)
BA_LOCKED(mpy__bytes_decode)
BA_LOCKED(mpy__bytes_endswith)
BA_LOCKED(mpy__bytes_expandtabs)
BA_LOCKED(mpy__bytes_find)
BA_LOCKED(mpy__bytes_hex)
BA_LOCKED(mpy__bytes_index)
BA_LOCKED(mpy__bytes_isalnum)
BA_LOCKED(mpy__bytes_isalpha)
BA_LOCKED(mpy__bytes_isascii)
BA_LOCKED(mpy__bytes_isdigit)
BA_LOCKED(mpy__bytes_islower)
BA_LOCKED(mpy__bytes_isspace)
BA_LOCKED(mpy__bytes_istitle)
BA_LOCKED(mpy__bytes_isupper)
BA_LOCKED(mpy__bytes_join)
BA_LOCKED(mpy__bytes_ljust)
BA_LOCKED(mpy__bytes_lower)
BA_LOCKED(mpy__bytes_lstrip)
BA_LOCKED(mpy__bytes_partition)
BA_LOCKED(mpy__bytes_removeprefix)
BA_LOCKED(mpy__bytes_removesuffix)
BA_LOCKED(mpy__bytes_replace)
BA_LOCKED(mpy__bytes_rfind)
BA_LOCKED(mpy__bytes_rindex)
BA_LOCKED(mpy__bytes_rjust)
BA_LOCKED(mpy__bytes_rpartition)
BA_LOCKED(mpy__bytes_rsplit)
BA_LOCKED(mpy__bytes_rstrip)
BA_LOCKED(mpy__bytes_split)
BA_LOCKED(mpy__bytes_splitlines)
BA_LOCKED(mpy__bytes_startswith)
BA_LOCKED(mpy__bytes_strip)
BA_LOCKED(mpy__bytes_swapcase)
BA_LOCKED(mpy__bytes_title)
BA_LOCKED(mpy__bytes_translate)
BA_LOCKED(mpy__bytes_upper)
BA_LOCKED(mpy__bytes_zfill)

static const MpyMethodDef bytearray_methods[] = {
    {"__alloc__", L(ba_alloc), MPY_METH_NOARGS, "B.__alloc__() -> int"},
    {"__sizeof__", L(ba_sizeof), MPY_METH_NOARGS, "Returns the size of the bytearray object in memory, in bytes."},
    {"append", L(ba_append), MPY_METH_O, "Append a single item to the end of the bytearray."},
    {"clear", L(ba_clear), MPY_METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", L(ba_copy), MPY_METH_NOARGS, "Return a copy of B."},
    {"extend", L(ba_extend), MPY_METH_O, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", L(ba_insert), MPY_METH_FASTCALL, "Insert a single item into the bytearray before the given index."},
    {"pop", L(ba_pop), MPY_METH_FASTCALL, "Remove and return a single item from B."},
    {"remove", L(ba_remove), MPY_METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", L(ba_reverse), MPY_METH_NOARGS, "Reverse the order of the values in B in place."},
    {"capitalize", L(mpy__bytes_capitalize), MPY_METH_NOARGS, "B.capitalize() -> copy of B"},
    {"center", L(mpy__bytes_center), MPY_METH_FASTCALL, "Return a centered string of length width."},
    {"count", L(mpy__bytes_count), MPY_METH_FASTCALL, "B.count(sub[, start[, end]]) -> int"},
    {"decode", L(mpy__bytes_decode), MPY_METH_FASTCALL, "Decode the bytearray using the codec registered for encoding."},
    {"endswith", L(mpy__bytes_endswith), MPY_METH_FASTCALL, "B.endswith(suffix[, start[, end]]) -> bool"},
    {"expandtabs", L(mpy__bytes_expandtabs), MPY_METH_FASTCALL, "Return a copy where all tab characters are expanded using spaces."},
    {"find", L(mpy__bytes_find), MPY_METH_FASTCALL, "B.find(sub[, start[, end]]) -> int"},
    {"fromhex", mpy__bytes_fromhex, MPY_METH_O | MPY_METH_CLASS, "Create a bytearray object from a string of hexadecimal numbers."},
    {"hex", L(mpy__bytes_hex), MPY_METH_FASTCALL, "Create a string of hexadecimal numbers from a bytearray object."},
    {"index", L(mpy__bytes_index), MPY_METH_FASTCALL, "B.index(sub[, start[, end]]) -> int"},
    {"isalnum", L(mpy__bytes_isalnum), MPY_METH_NOARGS, "B.isalnum() -> bool"},
    {"isalpha", L(mpy__bytes_isalpha), MPY_METH_NOARGS, "B.isalpha() -> bool"},
    {"isascii", L(mpy__bytes_isascii), MPY_METH_NOARGS, "B.isascii() -> bool"},
    {"isdigit", L(mpy__bytes_isdigit), MPY_METH_NOARGS, "B.isdigit() -> bool"},
    {"islower", L(mpy__bytes_islower), MPY_METH_NOARGS, "B.islower() -> bool"},
    {"isspace", L(mpy__bytes_isspace), MPY_METH_NOARGS, "B.isspace() -> bool"},
    {"istitle", L(mpy__bytes_istitle), MPY_METH_NOARGS, "B.istitle() -> bool"},
    {"isupper", L(mpy__bytes_isupper), MPY_METH_NOARGS, "B.isupper() -> bool"},
    {"join", L(mpy__bytes_join), MPY_METH_O, "Concatenate any number of bytes/bytearray objects."},
    {"ljust", L(mpy__bytes_ljust), MPY_METH_FASTCALL, "Return a left-justified string of length width."},
    {"lower", L(mpy__bytes_lower), MPY_METH_NOARGS, "B.lower() -> copy of B"},
    {"lstrip", L(mpy__bytes_lstrip), MPY_METH_FASTCALL, "Strip leading bytes contained in the argument."},
    {"maketrans", mpy__bytes_maketrans, MPY_METH_FASTCALL | MPY_METH_STATIC, "Return a translation table useable for the bytes or bytearray translate method."},
    {"partition", L(mpy__bytes_partition), MPY_METH_O, "Partition the bytearray into three parts using the given separator."},
    {"removeprefix", L(mpy__bytes_removeprefix), MPY_METH_O, "Return a bytearray with the given prefix string removed if present."},
    {"removesuffix", L(mpy__bytes_removesuffix), MPY_METH_O, "Return a bytearray with the given suffix string removed if present."},
    {"replace", L(mpy__bytes_replace), MPY_METH_FASTCALL, "Return a copy with all occurrences of substring old replaced by new."},
    {"rfind", L(mpy__bytes_rfind), MPY_METH_FASTCALL, "B.rfind(sub[, start[, end]]) -> int"},
    {"rindex", L(mpy__bytes_rindex), MPY_METH_FASTCALL, "B.rindex(sub[, start[, end]]) -> int"},
    {"rjust", L(mpy__bytes_rjust), MPY_METH_FASTCALL, "Return a right-justified string of length width."},
    {"rpartition", L(mpy__bytes_rpartition), MPY_METH_O, "Partition the bytearray into three parts using the given separator."},
    {"rsplit", L(mpy__bytes_rsplit), MPY_METH_FASTCALL, "Return a list of the sections in the bytearray, using sep as the delimiter."},
    {"rstrip", L(mpy__bytes_rstrip), MPY_METH_FASTCALL, "Strip trailing bytes contained in the argument."},
    {"split", L(mpy__bytes_split), MPY_METH_FASTCALL, "Return a list of the sections in the bytearray, using sep as the delimiter."},
    {"splitlines", L(mpy__bytes_splitlines), MPY_METH_FASTCALL, "Return a list of the lines in the bytearray, breaking at line boundaries."},
    {"startswith", L(mpy__bytes_startswith), MPY_METH_FASTCALL, "B.startswith(prefix[, start[, end]]) -> bool"},
    {"strip", L(mpy__bytes_strip), MPY_METH_FASTCALL, "Strip leading and trailing bytes contained in the argument."},
    {"swapcase", L(mpy__bytes_swapcase), MPY_METH_NOARGS, "B.swapcase() -> copy of B"},
    {"title", L(mpy__bytes_title), MPY_METH_NOARGS, "B.title() -> copy of B"},
    {"translate", L(mpy__bytes_translate), MPY_METH_FASTCALL, "Return a copy with each character mapped by the given translation table."},
    {"upper", L(mpy__bytes_upper), MPY_METH_NOARGS, "B.upper() -> copy of B"},
    {"zfill", L(mpy__bytes_zfill), MPY_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {NULL},
};

static int bytearray_setitem(MpyObject *self, MpyObject *key, MpyObject *value)
{
    int r;
    MPY_BEGIN_CRITICAL(self);
    r = bytearray_setitem_impl(self, key, value);
    MPY_END_CRITICAL();
    return r;
}

static MpyObject *bytearray_iadd(MpyObject *a, MpyObject *b)
{
    MpyObject *r;
    MPY_BEGIN_CRITICAL(a);
    r = bytearray_iadd_impl(a, b);
    MPY_END_CRITICAL();
    return r;
}

static MpyObject *bytearray_imul(MpyObject *a, MpyObject *b)
{
    MpyObject *r;
    MPY_BEGIN_CRITICAL(a);
    r = bytearray_imul_impl(a, b);
    MPY_END_CRITICAL();
    return r;
}

static MpyObject *bytearray_repr(MpyObject *self)
{
    MpyObject *r;
    MPY_BEGIN_CRITICAL(self);
    r = bytearray_repr_impl(self);
    MPY_END_CRITICAL();
    return r;
}

MpyType mpy_bytearray_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "bytearray",
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array",
    .basicsize = sizeof(MpyByteArrayObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = bytearray_dealloc,
    .repr = bytearray_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = mpy__bytes_compare_any,
    .iter = bytearray_iter,
    .len = bytearray_len,
    .getitem = bytearray_getitem,
    .setitem = bytearray_setitem,
    .contains = mpy__bytes_contains,
    .nb[MPY_NB_ADD] = bytearray_add,
    .nb[MPY_NB_MULTIPLY] = bytearray_mul,
    .nb[MPY_NB_REMAINDER] = bytearray_mod,
    .nb_inplace[MPY_NB_ADD] = bytearray_iadd,
    .nb_inplace[MPY_NB_MULTIPLY] = bytearray_imul,
    .new = bytearray_new,
    .init = bytearray_init,
    .methods = bytearray_methods,
};
