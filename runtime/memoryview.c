/* runtime/memoryview.c: the `memoryview` type.
 *
 * Models the one-dimensional, unsigned-byte ('B') part of CPython's
 * Objects/memoryobject.c.  minipy has no general buffer protocol: a view
 * is a reference to a bytes or bytearray object plus a window on it
 * (first byte `start`, `length` items, `step` bytes apart), so slicing a
 * view makes another window on the same object and writes through a view
 * of a bytearray change the bytearray.
 *
 * The data pointer is fetched again at each access because a bytearray
 * may move its buffer (CPython forbids resizing an exported bytearray; we
 * do not track exports, so a view of a shrunk bytearray raises instead of
 * reading past the end).
 */
#include "runtime/memoryview.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"

typedef struct MpyMemoryViewObject {
    MpyObject ob_base;
    MpyObject *obj;     /* the viewed bytes or bytearray; NULL once released */
    ptrdiff_t start;    /* offset of item 0 in obj's bytes */
    ptrdiff_t length;   /* number of items */
    ptrdiff_t step;     /* distance between items, in bytes (may be < 0) */
    bool readonly;
} MpyMemoryViewObject;

static MpyMemoryViewObject *as_mv(MpyObject *o)
{
    return (MpyMemoryViewObject *)o;
}

/* ------------------------------------------------------------------ */
/* Construction and access                                              */

static MpyObject *make_view(MpyObject *obj, ptrdiff_t start, ptrdiff_t length, ptrdiff_t step)
{
    MpyMemoryViewObject *mv = (MpyMemoryViewObject *)mpy_object_alloc(&mpy_memoryview_type);
    if (mv == NULL)
        return NULL;
    mv->obj = MPY_NEWREF(obj);
    mv->start = start;
    mv->length = length;
    mv->step = step;
    mv->readonly = !mpy_bytearray_check(obj);
    mpy_gc_track((MpyObject *)mv);
    return (MpyObject *)mv;
}

/* ValueError for any use of a released view.  Returns -1. */
static int check_released(MpyMemoryViewObject *mv)
{
    if (mv->obj != NULL)
        return 0;
    mpy_err_set(mpy_exc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

/* The address of item 0, checking the window still fits the object.
 * Returns the pointer, or NULL + ValueError. */
static char *item0(MpyMemoryViewObject *mv)
{
    if (check_released(mv) < 0)
        return NULL;
    char *base;
    ptrdiff_t size;
    if (mpy_bytearray_check(mv->obj)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)mv->obj;
        base = ba->data != NULL ? ba->data : (char *)"";
        size = ba->size;
    } else {
        base = (char *)mpy_bytes_data(mv->obj);
        size = mpy_bytes_size(mv->obj);
    }
    if (mv->length > 0) {
        ptrdiff_t last = mv->start + (mv->length - 1) * mv->step;
        if (mv->start < 0 || mv->start >= size || last < 0 || last >= size) {
            mpy_err_set(mpy_exc_ValueError, "memoryview: the underlying bytearray was resized");
            return NULL;
        }
    }
    return base + mv->start;
}

/* Copy the viewed bytes into a new bytes object.  Returns: new ref or NULL. */
static MpyObject *to_bytes(MpyMemoryViewObject *mv)
{
    char *p = item0(mv);
    if (p == NULL)
        return NULL;
    if (mv->step == 1)
        return mpy_bytes_from(p, (size_t)mv->length);
    char *tmp = mpy_mem_alloc(mv->length > 0 ? (size_t)mv->length : 1);
    if (tmp == NULL)
        return mpy_err_no_memory();
    for (ptrdiff_t i = 0; i < mv->length; i++)
        tmp[i] = p[i * mv->step];
    MpyObject *r = mpy_bytes_from(tmp, (size_t)mv->length);
    mpy_mem_free(tmp);
    return r;
}

bool mpy__memoryview_view(MpyObject *o, const char **data, ptrdiff_t *size)
{
    MpyMemoryViewObject *mv = as_mv(o);
    if (mv->obj == NULL || mv->step != 1)
        return false;
    char *p = item0(mv);
    if (p == NULL) {
        mpy_err_clear();
        return false;
    }
    *data = p;
    *size = mv->length;
    return true;
}

/* memoryview(object) */
static MpyObject *memoryview_new(MpyType *type, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    static const char *const kwlist[] = {"object", NULL};
    MpyObject *obj;
    if (mpy_arg_parse("memoryview", args, nargs, kwnames, kwlist, 1, &obj) < 0)
        return NULL;
    (void)type;
    if (mpy_memoryview_check(obj)) {
        MpyMemoryViewObject *src = as_mv(obj);
        if (check_released(src) < 0)
            return NULL;
        MpyObject *r = make_view(src->obj, src->start, src->length, src->step);
        if (r != NULL)
            as_mv(r)->readonly = src->readonly;
        return r;
    }
    if (mpy_bytes_check(obj))
        return make_view(obj, 0, mpy_bytes_size(obj), 1);
    if (mpy_bytearray_check(obj))
        return make_view(obj, 0, ((MpyByteArrayObject *)obj)->size, 1);
    return mpy_err_format(mpy_exc_TypeError, "memoryview: a bytes-like object is required, not '%T'",
                          obj);
}

static void memoryview_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_CLEAR(as_mv(self)->obj);
    mpy_object_free(self);
}

static int memoryview_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(as_mv(self)->obj);
    return 0;
}

static int memoryview_clear(MpyObject *self)
{
    MPY_CLEAR(as_mv(self)->obj);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *memoryview_repr(MpyObject *self)
{
    if (as_mv(self)->obj == NULL)
        return mpy_str_from_format("<released memory at %p>", (void *)self);
    return mpy_str_from_format("<memory at %p>", (void *)self);
}

static ptrdiff_t memoryview_len(MpyObject *self)
{
    if (check_released(as_mv(self)) < 0)
        return -1;
    return as_mv(self)->length;
}

/* The index `key` of item, checked against the length.  Returns 0 / -1. */
static int item_index(MpyMemoryViewObject *mv, MpyObject *key, ptrdiff_t *out)
{
    ptrdiff_t i = mpy_number_as_ssize(key, mpy_exc_IndexError);
    if (i == -1 && mpy_err_occurred())
        return -1;
    if (i < 0)
        i += mv->length;
    if (i < 0 || i >= mv->length) {
        mpy_err_set(mpy_exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = i;
    return 0;
}

static bool is_index(MpyObject *key)
{
    return mpy_is_small_int(key) || MPY_TYPE(key)->nb_index != NULL;
}

static MpyObject *memoryview_getitem(MpyObject *self, MpyObject *key)
{
    MpyMemoryViewObject *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    if (mpy_slice_check(key)) {
        ptrdiff_t start, stop, step, count;
        if (mpy_slice_indices(key, mv->length, &start, &stop, &step, &count) < 0)
            return NULL;
        MpyObject *r = make_view(mv->obj, mv->start + start * mv->step, count, step * mv->step);
        if (r != NULL)
            as_mv(r)->readonly = mv->readonly;
        return r;
    }
    if (key == MPY_ELLIPSIS)
        return MPY_NEWREF(self);
    if (!is_index(key))
        return mpy_err_set(mpy_exc_TypeError, "memoryview: invalid slice key"), NULL;
    ptrdiff_t i;
    if (item_index(mv, key, &i) < 0)
        return NULL;
    char *p = item0(mv);
    if (p == NULL)
        return NULL;
    return mpy_small_int((unsigned char)p[i * mv->step]);
}

/* The byte value of `value` for format 'B'.  Returns 0..255, or -1. */
static int byte_of(MpyObject *value)
{
    if (!mpy_int_check(value)) {
        mpy_err_set(mpy_exc_TypeError, "memoryview: invalid type for format 'B'");
        return -1;
    }
    ptrdiff_t v = mpy_number_as_ssize(value, mpy_exc_ValueError);
    if ((v == -1 && mpy_err_occurred()) || v < 0 || v > 255) {
        mpy_err_clear();
        mpy_err_set(mpy_exc_ValueError, "memoryview: invalid value for format 'B'");
        return -1;
    }
    return (int)v;
}

static int setitem_impl(MpyMemoryViewObject *mv, MpyObject *key, MpyObject *value)
{
    if (check_released(mv) < 0)
        return -1;
    if (mv->readonly) {
        mpy_err_set(mpy_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        mpy_err_set(mpy_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (mpy_slice_check(key)) {
        ptrdiff_t start, stop, step, count;
        if (mpy_slice_indices(key, mv->length, &start, &stop, &step, &count) < 0)
            return -1;
        const char *src;
        ptrdiff_t n;
        if (!mpy__bytes_view(value, &src, &n)) {
            if (mpy_err_occurred())
                return -1;
            mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", value);
            return -1;
        }
        if (n != count) {
            mpy_err_set(mpy_exc_ValueError,
                        "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        char *p = item0(mv);
        if (p == NULL)
            return -1;
        // memmove semantics: the source may overlap the destination.
        char *tmp = mpy_mem_alloc(n > 0 ? (size_t)n : 1);
        if (tmp == NULL) {
            mpy_err_no_memory();
            return -1;
        }
        memcpy(tmp, src, (size_t)n);
        for (ptrdiff_t i = 0; i < count; i++)
            p[(start + i * step) * mv->step] = tmp[i];
        mpy_mem_free(tmp);
        return 0;
    }
    if (!is_index(key)) {
        mpy_err_set(mpy_exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    ptrdiff_t i;
    if (item_index(mv, key, &i) < 0)
        return -1;
    int b = byte_of(value);
    if (b < 0)
        return -1;
    char *p = item0(mv);
    if (p == NULL)
        return -1;
    p[i * mv->step] = (char)b;
    return 0;
}

static int memoryview_setitem(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MpyMemoryViewObject *mv = as_mv(self);
    MpyObject *obj = mv->obj;
    if (obj == NULL)
        return check_released(mv);
    int r;
    MPY_INCREF(obj);
    MPY_BEGIN_CRITICAL(obj);
    r = setitem_impl(mv, key, value);
    MPY_END_CRITICAL();
    MPY_DECREF(obj);
    return r;
}

static MpyObject *memoryview_tolist_impl(MpyMemoryViewObject *mv)
{
    char *p = item0(mv);
    if (p == NULL)
        return NULL;
    MpyObject *list = mpy_list_new(mv->length);
    if (list == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < mv->length; i++)
        mpy_list_init_take(list, i, mpy_small_int((unsigned char)p[i * mv->step]));
    return list;
}

static MpyObject *memoryview_iter(MpyObject *self)
{
    MpyObject *list = memoryview_tolist_impl(as_mv(self));
    if (list == NULL)
        return NULL;
    MpyObject *it = mpy_object_get_iter(list);
    MPY_DECREF(list);
    return it;
}

/* v == other compares the bytes with any bytes-like object. */
static MpyObject *memoryview_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if ((op != MPY_EQ && op != MPY_NE) || !mpy_memoryview_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyMemoryViewObject *mv = as_mv(a);
    bool other_view = mpy_memoryview_check(b);
    if (mv->obj == NULL || (other_view && as_mv(b)->obj == NULL)) {
        bool same = a == b;
        return MPY_NEWREF((same == (op == MPY_EQ)) ? MPY_TRUE : MPY_FALSE);
    }
    if (!other_view && !mpy_bytes_check(b) && !mpy_bytearray_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyObject *x = to_bytes(mv);
    if (x == NULL)
        return NULL;
    MpyObject *y = other_view ? to_bytes(as_mv(b)) : MPY_NEWREF(b);
    if (y == NULL) {
        MPY_DECREF(x);
        return NULL;
    }
    MpyObject *r = mpy__bytes_compare_any(x, y, op);
    MPY_DECREF(x);
    MPY_DECREF(y);
    return r;
}

static MpyHash memoryview_hash(MpyObject *self)
{
    MpyMemoryViewObject *mv = as_mv(self);
    if (check_released(mv) < 0)
        return -1;
    if (!mv->readonly) {
        mpy_err_set(mpy_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    MpyObject *b = to_bytes(mv);
    if (b == NULL)
        return -1;
    MpyHash h = mpy__hash_bytes(mpy_bytes_data(b), (size_t)mpy_bytes_size(b));
    MPY_DECREF(b);
    return h;
}

/* ------------------------------------------------------------------ */
/* Methods and attributes                                               */

static MpyObject *memoryview_tobytes(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    static const char *const kwlist[] = {"order", NULL};
    MpyObject *order = NULL;
    if (mpy_arg_parse("tobytes", args, nargs, kwnames, kwlist, 0, &order) < 0)
        return NULL;
    return to_bytes(as_mv(self));
}

static MpyObject *memoryview_tolist(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return memoryview_tolist_impl(as_mv(self));
}

static MpyObject *memoryview_hex(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyObject *b = to_bytes(as_mv(self));
    if (b == NULL)
        return NULL;
    MpyObject *r = mpy__bytes_hex(b, args, nargs, kwnames);
    MPY_DECREF(b);
    return r;
}

static MpyObject *memoryview_toreadonly(MpyObject *self, MpyObject *const *args, size_t nargs,
                                        MpyObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    MpyMemoryViewObject *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    MpyObject *r = make_view(mv->obj, mv->start, mv->length, mv->step);
    if (r != NULL)
        as_mv(r)->readonly = true;
    return r;
}

static MpyObject *memoryview_release(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    MPY_CLEAR(as_mv(self)->obj);
    return MPY_NEWREF(MPY_NONE);
}

static MpyObject *memoryview_enter(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return MPY_NEWREF(self);
}

static MpyObject *memoryview_exit(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    MPY_CLEAR(as_mv(self)->obj);
    return MPY_NEWREF(MPY_NONE);
}

static const MpyMethodDef memoryview_methods[] = {
    {"tobytes", memoryview_tobytes, MPY_METH_FASTCALL, "Return the data in the buffer as a byte string."},
    {"tolist", memoryview_tolist, MPY_METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"hex", memoryview_hex, MPY_METH_FASTCALL, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"toreadonly", memoryview_toreadonly, MPY_METH_NOARGS, "Return a readonly version of the memoryview."},
    {"release", memoryview_release, MPY_METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"__enter__", memoryview_enter, MPY_METH_NOARGS, NULL},
    {"__exit__", memoryview_exit, MPY_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static MpyObject *get_obj(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return MPY_NEWREF(as_mv(self)->obj);
}

static MpyObject *get_nbytes(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_small_int(as_mv(self)->length);
}

static MpyObject *get_readonly(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return MPY_NEWREF(as_mv(self)->readonly ? MPY_TRUE : MPY_FALSE);
}

static MpyObject *get_itemsize(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_small_int(1);
}

static MpyObject *get_format(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_str_from_cstr("B");
}

static MpyObject *get_ndim(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_small_int(1);
}

static MpyObject *get_shape(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_tuple_pack(1, mpy_small_int(as_mv(self)->length));
}

static MpyObject *get_strides(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_tuple_pack(1, mpy_small_int(as_mv(self)->step));
}

static MpyObject *get_suboffsets(MpyObject *self, void *closure)
{
    (void)closure;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return mpy_tuple_pack(0);
}

static MpyObject *get_contiguous(MpyObject *self, void *closure)
{
    (void)closure;
    MpyMemoryViewObject *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    return MPY_NEWREF(mv->step == 1 || mv->length <= 1 ? MPY_TRUE : MPY_FALSE);
}

static MpyObject *get_released(MpyObject *self, void *closure)
{
    (void)closure;
    return MPY_NEWREF(as_mv(self)->obj == NULL ? MPY_TRUE : MPY_FALSE);
}

static const MpyGetSetDef memoryview_getset[] = {
    {"obj", get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", get_nbytes, NULL, "The amount of space in bytes that the array would use.", NULL},
    {"readonly", get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", get_itemsize, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", get_format, NULL, "A string containing the format of each element.", NULL},
    {"ndim", get_ndim, NULL, "The number of dimensions the memory represents.", NULL},
    {"shape", get_shape, NULL, "A tuple of ndim integers giving the shape of the memory.", NULL},
    {"strides", get_strides, NULL, "A tuple of ndim integers giving the size in bytes of each step.", NULL},
    {"suboffsets", get_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays.", NULL},
    {"c_contiguous", get_contiguous, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", get_contiguous, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", get_contiguous, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {"released", get_released, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

MpyType mpy_memoryview_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "memoryview",
    .doc = "Create a new memoryview object which references the given object.",
    .basicsize = sizeof(MpyMemoryViewObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = memoryview_dealloc,
    .repr = memoryview_repr,
    .hash = memoryview_hash,
    .richcompare = memoryview_richcompare,
    .iter = memoryview_iter,
    .new = memoryview_new,
    .traverse = memoryview_traverse,
    .clear = memoryview_clear,
    .len = memoryview_len,
    .getitem = memoryview_getitem,
    .setitem = memoryview_setitem,
    .methods = memoryview_methods,
    .getset = memoryview_getset,
};
