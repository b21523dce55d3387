/* runtime/mod_collections.c: the _collections module: deque, the field
 * descriptor of namedtuple and the counting helper behind
 * collections.Counter.
 *
 * Models CPython's Modules/_collectionsmodule.c.  CPython builds a deque
 * from a doubly linked list of 64-item blocks; we use one growable ring
 * buffer instead, which gives the same O(1) appends and pops at both ends,
 * O(1) indexing, and is simpler to read:
 *
 *     items:  [ c  d  .  .  .  .  a  b ]      capacity 8 (a power of two)
 *                    ^head+size    ^head       item i is at
 *                                              items[(head + i) & (capacity-1)]
 *
 * Invariants:
 *  - 0 <= size <= capacity, capacity is 0 or a power of two;
 *  - maxlen is -1 (unbounded) or size <= maxlen after every operation;
 *  - `state` changes on every mutation, so iterators can detect them
 *    ("deque mutated during iteration") as CPython's do.
 *
 * The rest of the collections module is Python (runtime/lib/collections).
 */
#include "runtime/module.h"

#include "gil/critical.h"

#include <stddef.h>
#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct DequeObject {
    MpyObject ob_base;
    MpyObject **items;
    ptrdiff_t capacity;
    ptrdiff_t head;
    ptrdiff_t size;
    ptrdiff_t maxlen; /* -1: unbounded */
    size_t state;
} DequeObject;

typedef struct DequeIter {
    MpyObject ob_base;
    DequeObject *deque;
    ptrdiff_t index;  /* items still to produce: forward from `index` */
    ptrdiff_t left;   /* how many remain */
    size_t state;
} DequeIter;

extern MpyType mpy_deque_type;
extern MpyType mpy_deque_iter_type;
extern MpyType mpy_deque_reviter_type;

static inline DequeObject *as_deque(MpyObject *o) { return (DequeObject *)o; }

static inline bool deque_check(MpyObject *o) { return mpy_object_type_is(o, &mpy_deque_type); }

/* Slot of logical item i (0 <= i < size). */
static inline MpyObject **slot(DequeObject *d, ptrdiff_t i)
{
    return &d->items[(d->head + i) & (d->capacity - 1)];
}

/* ------------------------------------------------------------------ */
/* Storage                                                              */

/* Make room for one more item.  Returns 0 / -1. */
static int reserve_one(DequeObject *d)
{
    if (d->size < d->capacity)
        return 0;
    ptrdiff_t cap = d->capacity ? d->capacity * 2 : 8;
    MpyObject **items = mpy_mem_alloc((size_t)cap * sizeof(MpyObject *));
    if (items == NULL)
        return -1;
    for (ptrdiff_t i = 0; i < d->size; i++)
        items[i] = *slot(d, i);
    mpy_mem_free(d->items);
    d->items = items;
    d->capacity = cap;
    d->head = 0;
    return 0;
}

/* Remove and return the leftmost / rightmost item (size > 0).
 * Returns: the reference the deque held. */
static MpyObject *take_left(DequeObject *d)
{
    MpyObject *item = *slot(d, 0);
    d->head = (d->head + 1) & (d->capacity - 1);
    d->size--;
    d->state++;
    return item;
}

static MpyObject *take_right(DequeObject *d)
{
    MpyObject *item = *slot(d, d->size - 1);
    d->size--;
    d->state++;
    return item;
}

/* Append consuming `item`; trims the left end past maxlen.  Returns 0 / -1. */
static int push_right_take(DequeObject *d, MpyObject *item)
{
    if (d->maxlen == 0) {
        MPY_DECREF(item);
        return 0;
    }
    if (reserve_one(d) < 0) {
        MPY_DECREF(item);
        return -1;
    }
    *slot(d, d->size) = item;
    d->size++;
    d->state++;
    if (d->maxlen >= 0 && d->size > d->maxlen)
        MPY_DECREF(take_left(d));
    return 0;
}

static int push_left_take(DequeObject *d, MpyObject *item)
{
    if (d->maxlen == 0) {
        MPY_DECREF(item);
        return 0;
    }
    if (reserve_one(d) < 0) {
        MPY_DECREF(item);
        return -1;
    }
    d->head = (d->head - 1) & (d->capacity - 1);
    *slot(d, 0) = item;
    d->size++;
    d->state++;
    if (d->maxlen >= 0 && d->size > d->maxlen)
        MPY_DECREF(take_right(d));
    return 0;
}

static void clear_items(DequeObject *d)
{
    while (d->size > 0)
        MPY_DECREF(take_right(d));
    d->head = 0;
}

/* Remove logical item i, closing the gap.  Returns the held reference. */
static MpyObject *remove_at(DequeObject *d, ptrdiff_t i)
{
    MpyObject *item = *slot(d, i);
    if (i < d->size / 2) {
        for (ptrdiff_t k = i; k > 0; k--)
            *slot(d, k) = *slot(d, k - 1);
        d->head = (d->head + 1) & (d->capacity - 1);
    } else {
        for (ptrdiff_t k = i; k < d->size - 1; k++)
            *slot(d, k) = *slot(d, k + 1);
    }
    d->size--;
    d->state++;
    return item;
}

/* Rotate right by n steps (left for negative n). */
static void rotate(DequeObject *d, ptrdiff_t n)
{
    if (d->size <= 1)
        return;
    ptrdiff_t m = n % d->size;
    if (m < 0)
        m += d->size;
    if (m == 0)
        return;
    ptrdiff_t mask = d->capacity - 1;
    if (m <= d->size / 2) {
        for (ptrdiff_t k = 0; k < m; k++) {
            ptrdiff_t last = (d->head + d->size - 1) & mask;
            d->head = (d->head - 1) & mask;
            d->items[d->head] = d->items[last];
        }
    } else {
        for (ptrdiff_t k = 0; k < d->size - m; k++) {
            ptrdiff_t end = (d->head + d->size) & mask;
            d->items[end] = d->items[d->head];
            d->head = (d->head + 1) & mask;
        }
    }
    d->state++;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

static MpyObject *deque_append_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (push_right_take(as_deque(self), MPY_NEWREF(args[0])) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *deque_appendleft_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (push_left_take(as_deque(self), MPY_NEWREF(args[0])) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *deque_pop_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    if (d->size == 0)
        return mpy_err_format(mpy_exc_IndexError, "pop from an empty deque");
    return take_right(d);
}

static MpyObject *deque_popleft_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    if (d->size == 0)
        return mpy_err_format(mpy_exc_IndexError, "pop from an empty deque");
    return take_left(d);
}

/* extend / extendleft.  Iterating over the deque itself would never end,
 * so a self-extend goes through a list copy first. */
static int extend_impl(DequeObject *d, MpyObject *iterable, bool left)
{
    MpyObject *source = (MpyObject *)d == iterable ? mpy_list_from_iterable(iterable)
                                                   : MPY_NEWREF(iterable);
    if (source == NULL)
        return -1;
    MpyObject *it = mpy_object_get_iter(source);
    MPY_DECREF(source);
    if (it == NULL)
        return -1;
    MpyObject *item;
    int r = 0;
    while ((item = mpy_iter_next(it)) != NULL) {
        r = left ? push_left_take(d, item) : push_right_take(d, item);
        if (r < 0)
            break;
    }
    MPY_DECREF(it);
    return r < 0 || mpy_err_occurred() ? -1 : 0;
}

static MpyObject *deque_extend_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (extend_impl(as_deque(self), args[0], false) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *deque_extendleft_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (extend_impl(as_deque(self), args[0], true) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *deque_rotate_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("rotate", kw) < 0 || mpy_arg_check_positional("rotate", nargs, 0, 1) < 0)
        return NULL;
    ptrdiff_t n = 1;
    if (nargs == 1) {
        n = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
        if (n == -1 && mpy_err_occurred())
            return NULL;
    }
    rotate(as_deque(self), n);
    return MPY_RETURN_NONE;
}

static MpyObject *deque_clear_method_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    clear_items(as_deque(self));
    return MPY_RETURN_NONE;
}

/* Compare item i with `value`, failing if the comparison mutated the deque.
 * Returns 1/0/-1. */
static int item_equals(DequeObject *d, ptrdiff_t i, MpyObject *value, const char *what)
{
    size_t state = d->state;
    MpyObject *item = MPY_NEWREF(*slot(d, i));
    int eq = mpy_object_richcompare_bool(item, value, MPY_EQ);
    MPY_DECREF(item);
    if (eq >= 0 && d->state != state) {
        mpy_err_format(mpy_exc_RuntimeError, "%s", what);
        return -1;
    }
    return eq;
}

static MpyObject *deque_count_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    ptrdiff_t count = 0;
    for (ptrdiff_t i = 0; i < d->size; i++) {
        int eq = item_equals(d, i, args[0], "deque mutated during iteration");
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return mpy_int_from_ssize(count);
}

/* A start/stop argument of index(): clamped like slice indices. */
static int index_arg(MpyObject *o, ptrdiff_t size, ptrdiff_t *out)
{
    if (!mpy_int_check(o) && mpy_object_lookup_attr(o, MPY_ID(__index__)) == NULL) {
        if (!mpy_err_occurred())
            mpy_err_set(mpy_exc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return -1;
    }
    ptrdiff_t v = mpy_number_as_ssize(o, NULL);
    if (v == -1 && mpy_err_occurred())
        return -1;
    if (v < 0) {
        v += size;
        if (v < 0)
            v = 0;
    }
    if (v > size)
        v = size;
    *out = v;
    return 0;
}

static MpyObject *deque_index_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    DequeObject *d = as_deque(self);
    if (mpy_arg_no_kwargs("index", kw) < 0 || mpy_arg_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    ptrdiff_t start = 0, stop = d->size;
    if ((nargs > 1 && index_arg(args[1], d->size, &start) < 0) ||
        (nargs > 2 && index_arg(args[2], d->size, &stop) < 0))
        return NULL;
    for (ptrdiff_t i = start; i < stop && i < d->size; i++) {
        int eq = item_equals(d, i, args[0], "deque mutated during iteration");
        if (eq < 0)
            return NULL;
        if (eq)
            return mpy_int_from_ssize(i);
    }
    return mpy_err_format(mpy_exc_ValueError, "%R is not in deque", args[0]);
}

static MpyObject *deque_remove_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    for (ptrdiff_t i = 0; i < d->size; i++) {
        int eq = item_equals(d, i, args[0], "deque mutated during remove().");
        if (eq < 0)
            return NULL;
        if (eq) {
            MPY_DECREF(remove_at(d, i));
            return MPY_RETURN_NONE;
        }
    }
    return mpy_err_format(mpy_exc_ValueError, "%R is not in deque", args[0]);
}

static MpyObject *deque_insert_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    DequeObject *d = as_deque(self);
    if (mpy_arg_no_kwargs("insert", kw) < 0 || mpy_arg_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    ptrdiff_t i = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
    if (i == -1 && mpy_err_occurred())
        return NULL;
    if (d->maxlen >= 0 && d->size >= d->maxlen)
        return mpy_err_format(mpy_exc_IndexError, "deque already at its maximum size");
    if (i < 0) {
        i += d->size;
        if (i < 0)
            i = 0;
    }
    if (i > d->size)
        i = d->size;
    if (reserve_one(d) < 0)
        return NULL;
    /* Open a gap at i by shifting the right part one place right. */
    for (ptrdiff_t k = d->size; k > i; k--)
        *slot(d, k) = *slot(d, k - 1);
    *slot(d, i) = MPY_NEWREF(args[1]);
    d->size++;
    d->state++;
    return MPY_RETURN_NONE;
}

static MpyObject *deque_reverse_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    for (ptrdiff_t i = 0, j = d->size - 1; i < j; i++, j--) {
        MpyObject *t = *slot(d, i);
        *slot(d, i) = *slot(d, j);
        *slot(d, j) = t;
    }
    d->state++;
    return MPY_RETURN_NONE;
}

static MpyObject *new_empty_deque(ptrdiff_t maxlen)
{
    DequeObject *d = (DequeObject *)mpy_object_alloc(&mpy_deque_type);
    if (d == NULL)
        return NULL;
    d->maxlen = maxlen;
    mpy_gc_track((MpyObject *)d);
    return (MpyObject *)d;
}

/* copy(): exact deques copy directly, subclasses call their constructor
 * with (self) or (self, maxlen). */
static MpyObject *deque_copy_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    if (MPY_TYPE(self) == &mpy_deque_type) {
        MpyObject *c = new_empty_deque(d->maxlen);
        if (c == NULL)
            return NULL;
        for (ptrdiff_t i = 0; i < d->size; i++) {
            if (push_right_take(as_deque(c), MPY_NEWREF(*slot(d, i))) < 0) {
                MPY_DECREF(c);
                return NULL;
            }
        }
        return c;
    }
    if (d->maxlen < 0)
        return mpy_object_call1((MpyObject *)MPY_TYPE(self), self);
    MpyObject *maxlen = mpy_int_from_ssize(d->maxlen);
    if (maxlen == NULL)
        return NULL;
    MpyObject *r = mpy_object_call2((MpyObject *)MPY_TYPE(self), self, maxlen);
    MPY_DECREF(maxlen);
    return r;
}

static MpyObject *deque_iter(MpyObject *self);



/* (type, () or ((), maxlen), __dict__ or None, iter(self)) */
static MpyObject *deque_reduce_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    DequeObject *d = as_deque(self);
    MpyObject **dictptr = mpy_object_dict_ptr(self);
    MpyObject *state = dictptr != NULL && *dictptr != NULL && mpy_dict_size(*dictptr) > 0
                           ? *dictptr : MPY_NONE;
    MpyObject *ctor_args;
    if (d->maxlen < 0) {
        ctor_args = mpy_tuple_new(0);
    } else {
        MpyObject *empty = mpy_tuple_new(0);
        MpyObject *maxlen = mpy_int_from_ssize(d->maxlen);
        ctor_args = empty && maxlen ? mpy_tuple_pack(2, empty, maxlen) : NULL;
        MPY_XDECREF(empty);
        MPY_XDECREF(maxlen);
    }
    MpyObject *it = ctor_args ? deque_iter(self) : NULL;
    MpyObject *r = it ? mpy_tuple_pack(4, (MpyObject *)MPY_TYPE(self), ctor_args, state, it) : NULL;
    MPY_XDECREF(ctor_args);
    MPY_XDECREF(it);
    return r;
}

static MpyObject *deque_sizeof_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_ssize((ptrdiff_t)(sizeof(DequeObject) +
                                          (size_t)as_deque(self)->capacity * sizeof(MpyObject *)));
}

static MpyObject *deque_reversed(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k);

static MpyObject *deque_get_maxlen(MpyObject *self, void *c)
{
    ptrdiff_t m = as_deque(self)->maxlen;
    return m < 0 ? MPY_RETURN_NONE : mpy_int_from_ssize(m);
}

/* Free-threaded build: every operation runs in a critical section on
 * the deque (append/popleft from several threads is a documented safe
 * pattern); in the GIL build the macros are plain braces. */
#define LOCKED_METHOD(name)                                                                 \
    static MpyObject *name(MpyObject *self, MpyObject *const *args, size_t nargs,          \
                           MpyObject *kw)                                                  \
    {                                                                                       \
        MpyObject *result;                                                                  \
        MPY_BEGIN_CRITICAL(self);                                                           \
        result = name##_impl(self, args, nargs, kw);                                        \
        MPY_END_CRITICAL();                                                                 \
        return result;                                                                      \
    }

LOCKED_METHOD(deque_append)
LOCKED_METHOD(deque_appendleft)
LOCKED_METHOD(deque_pop)
LOCKED_METHOD(deque_popleft)
LOCKED_METHOD(deque_extend)
LOCKED_METHOD(deque_extendleft)
LOCKED_METHOD(deque_rotate)
LOCKED_METHOD(deque_clear_method)
LOCKED_METHOD(deque_count)
LOCKED_METHOD(deque_index)
LOCKED_METHOD(deque_remove)
LOCKED_METHOD(deque_insert)
LOCKED_METHOD(deque_reverse)
LOCKED_METHOD(deque_copy)
LOCKED_METHOD(deque_reduce)
LOCKED_METHOD(deque_sizeof)

static const MpyMethodDef deque_methods[] = {
    {"append", deque_append, MPY_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, MPY_METH_O, "Add an element to the left side of the deque."},
    {"clear", deque_clear_method, MPY_METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, MPY_METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, MPY_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", deque_count, MPY_METH_O, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend, MPY_METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, MPY_METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, MPY_METH_FASTCALL, "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert, MPY_METH_FASTCALL, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, MPY_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, MPY_METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, MPY_METH_NOARGS, "Return state information for pickling."},
    {"remove", deque_remove, MPY_METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed, MPY_METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse, MPY_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, MPY_METH_FASTCALL, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof, MPY_METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {NULL},
};

static const MpyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL},
};

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *deque_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    DequeObject *d = (DequeObject *)mpy_object_alloc(type);
    if (d == NULL)
        return NULL;
    d->maxlen = -1;
    mpy_gc_track((MpyObject *)d);
    return (MpyObject *)d;
}

/* deque(iterable=(), maxlen=None); re-running __init__ empties the deque. */
static int deque_init_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    DequeObject *d = as_deque(self);
    MpyObject *iterable = nargs > 0 ? args[0] : NULL;
    MpyObject *maxlen_obj = nargs > 1 ? args[1] : NULL;
    if (nargs > 2) {
        mpy_err_format(mpy_exc_TypeError, "deque() takes at most 2 arguments (%d given)",
                       (int)(nargs + (kwnames ? mpy_tuple_size(kwnames) : 0)));
        return -1;
    }
    for (ptrdiff_t i = 0; kwnames != NULL && i < mpy_tuple_size(kwnames); i++) {
        MpyObject *name = mpy_tuple_item(kwnames, i);
        if (mpy_str_equal_cstr(name, "iterable") && iterable == NULL)
            iterable = args[nargs + i];
        else if (mpy_str_equal_cstr(name, "maxlen") && maxlen_obj == NULL)
            maxlen_obj = args[nargs + i];
        else {
            mpy_err_format(mpy_exc_TypeError, "%R is an invalid keyword argument for deque()", name);
            return -1;
        }
    }
    ptrdiff_t maxlen = -1;
    if (maxlen_obj != NULL && maxlen_obj != MPY_NONE) {
        if (!mpy_int_check(maxlen_obj)) {
            mpy_err_set(mpy_exc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = mpy_number_as_ssize(maxlen_obj, mpy_exc_OverflowError);
        if (maxlen == -1 && mpy_err_occurred())
            return -1;
        if (maxlen < 0) {
            mpy_err_set(mpy_exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->size > 0)
        clear_items(d);
    if (iterable != NULL)
        return extend_impl(d, iterable, false);
    return 0;
}

static int deque_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    int result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_init_impl(self, args, nargs, kwnames);
    MPY_END_CRITICAL();
    return result;
}

static void deque_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    DequeObject *d = as_deque(self);
    clear_items(d);
    mpy_mem_free(d->items);
    mpy_object_free(self);
}

static int deque_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    DequeObject *d = as_deque(self);
    for (ptrdiff_t i = 0; i < d->size; i++)
        MPY_VISIT(*slot(d, i));
    return 0;
}

static int deque_tp_clear(MpyObject *self)
{
    clear_items(as_deque(self));
    return 0;
}

static ptrdiff_t deque_len_impl(MpyObject *self)
{
    return as_deque(self)->size;
}

/* An integer index for d[i]; other keys are refused as CPython's
 * sequence protocol does. */
static int item_index(DequeObject *d, MpyObject *key, ptrdiff_t *out)
{
    if (!mpy_int_check(key) && mpy_object_lookup_attr(key, MPY_ID(__index__)) == NULL) {
        if (!mpy_err_occurred())
            mpy_err_format(mpy_exc_TypeError, "sequence index must be integer, not '%T'", key);
        return -1;
    }
    ptrdiff_t i = mpy_number_as_ssize(key, mpy_exc_IndexError);
    if (i == -1 && mpy_err_occurred())
        return -1;
    if (i < 0)
        i += d->size;
    if (i < 0 || i >= d->size) {
        mpy_err_set(mpy_exc_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static MpyObject *deque_getitem_impl(MpyObject *self, MpyObject *key)
{
    DequeObject *d = as_deque(self);
    ptrdiff_t i;
    if (item_index(d, key, &i) < 0)
        return NULL;
    return MPY_NEWREF(*slot(d, i));
}

static int deque_setitem_impl(MpyObject *self, MpyObject *key, MpyObject *value)
{
    DequeObject *d = as_deque(self);
    ptrdiff_t i;
    if (item_index(d, key, &i) < 0)
        return -1;
    if (value == NULL) {
        MPY_DECREF(remove_at(d, i));
        return 0;
    }
    MPY_SETREF(*slot(d, i), MPY_NEWREF(value));
    return 0;
}

static int deque_contains_impl(MpyObject *self, MpyObject *value)
{
    DequeObject *d = as_deque(self);
    for (ptrdiff_t i = 0; i < d->size; i++) {
        int eq = item_equals(d, i, value, "deque mutated during iteration");
        if (eq != 0)
            return eq;
    }
    return 0;
}

/* deque([1, 2]) / deque([], maxlen=3) / Sub([1]) */
static MpyObject *deque_repr_impl(MpyObject *self)
{
    DequeObject *d = as_deque(self);
    const char *full = MPY_TYPE(self)->name;
    const char *dot = strrchr(full, '.');
    const char *name = dot ? dot + 1 : full;
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_cstr("[...]") : NULL;
    MpyObject *list = mpy_list_new(0);
    for (ptrdiff_t i = 0; list != NULL && i < d->size; i++) {
        if (mpy_list_append(list, *slot(d, i)) < 0)
            MPY_CLEAR(list);
    }
    MpyObject *items = list ? mpy_object_repr(list) : NULL;
    mpy_repr_leave(self);
    MPY_XDECREF(list);
    if (items == NULL)
        return NULL;
    MpyObject *result = d->maxlen < 0
                            ? mpy_str_from_format("%s(%U)", name, items)
                            : mpy_str_from_format("%s(%U, maxlen=%zd)", name, items, d->maxlen);
    MPY_DECREF(items);
    return result;
}

static MpyObject *deque_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!deque_check(a) || !deque_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyObject *la = mpy_list_from_iterable(a);
    MpyObject *lb = la ? mpy_list_from_iterable(b) : NULL;
    MpyObject *r = lb ? mpy_object_richcompare(la, lb, op) : NULL;
    MPY_XDECREF(la);
    MPY_XDECREF(lb);
    return r;
}

static MpyObject *deque_concat(MpyObject *a, MpyObject *b)
{
    if (!deque_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!deque_check(b))
        return mpy_err_format(mpy_exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                              MPY_TYPE(b)->name);
    MpyObject *c = deque_copy(a, NULL, 0, NULL);
    if (c != NULL && extend_impl(as_deque(c), b, false) < 0)
        MPY_CLEAR(c);
    return c;
}

static MpyObject *deque_inplace_concat_impl(MpyObject *a, MpyObject *b)
{
    if (extend_impl(as_deque(a), b, false) < 0)
        return NULL;
    return MPY_NEWREF(a);
}

/* In-place repetition: append the original items n-1 more times (a
 * bounded deque only needs enough rounds to refill its window). */
static int repeat_in_place(DequeObject *d, ptrdiff_t n)
{
    ptrdiff_t size = d->size;
    if (n <= 0 || size == 0) {
        clear_items(d);
        return 0;
    }
    if (d->maxlen >= 0 && n - 1 > d->maxlen / size + 1)
        n = d->maxlen / size + 2;
    MpyObject *original = mpy_list_from_iterable((MpyObject *)d);
    if (original == NULL)
        return -1;
    int r = 0;
    for (ptrdiff_t round = 1; r == 0 && round < n; round++) {
        for (ptrdiff_t i = 0; r == 0 && i < size; i++)
            r = push_right_take(d, MPY_NEWREF(((MpyListObject *)original)->items[i]));
    }
    MPY_DECREF(original);
    return r;
}

static int repeat_count(MpyObject *n_obj, ptrdiff_t *n)
{
    if (!mpy_int_check(n_obj) && mpy_object_lookup_attr(n_obj, MPY_ID(__index__)) == NULL) {
        if (!mpy_err_occurred())
            mpy_err_format(mpy_exc_TypeError, "can't multiply sequence by non-int of type '%T'", n_obj);
        return -1;
    }
    *n = mpy_number_as_ssize(n_obj, mpy_exc_OverflowError);
    return *n == -1 && mpy_err_occurred() ? -1 : 0;
}

static MpyObject *deque_repeat(MpyObject *a, MpyObject *b)
{
    MpyObject *dq = deque_check(a) ? a : b;
    MpyObject *count = dq == a ? b : a;
    if (!deque_check(dq))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t n;
    if (repeat_count(count, &n) < 0)
        return NULL;
    MpyObject *c = deque_copy(dq, NULL, 0, NULL);
    if (c != NULL && repeat_in_place(as_deque(c), n) < 0)
        MPY_CLEAR(c);
    return c;
}

static MpyObject *deque_inplace_repeat_impl(MpyObject *a, MpyObject *b)
{
    ptrdiff_t n;
    if (repeat_count(b, &n) < 0 || repeat_in_place(as_deque(a), n) < 0)
        return NULL;
    return MPY_NEWREF(a);
}

static MpyObject *deque_getitem(MpyObject *self, MpyObject *key)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_getitem_impl(self, key);
    MPY_END_CRITICAL();
    return result;
}

static int deque_setitem(MpyObject *self, MpyObject *key, MpyObject *value)
{
    int result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_setitem_impl(self, key, value);
    MPY_END_CRITICAL();
    return result;
}

static int deque_contains(MpyObject *self, MpyObject *value)
{
    int result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_contains_impl(self, value);
    MPY_END_CRITICAL();
    return result;
}

static MpyObject *deque_repr(MpyObject *self)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_repr_impl(self);
    MPY_END_CRITICAL();
    return result;
}

static ptrdiff_t deque_len(MpyObject *self)
{
    ptrdiff_t result;
    MPY_BEGIN_CRITICAL(self);
    result = deque_len_impl(self);
    MPY_END_CRITICAL();
    return result;
}

static MpyObject *deque_inplace_concat(MpyObject *a, MpyObject *b)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(a);
    result = deque_inplace_concat_impl(a, b);
    MPY_END_CRITICAL();
    return result;
}

static MpyObject *deque_inplace_repeat(MpyObject *a, MpyObject *b)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(a);
    result = deque_inplace_repeat_impl(a, b);
    MPY_END_CRITICAL();
    return result;
}

MpyType mpy_deque_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "collections.deque",
    .doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
           "A list-like sequence optimized for data accesses near its endpoints.",
    .basicsize = sizeof(DequeObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = deque_dealloc,
    .repr = deque_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = deque_richcompare,
    .iter = deque_iter,
    .new = deque_new,
    .init = deque_init,
    .traverse = deque_traverse,
    .clear = deque_tp_clear,
    .nb[MPY_NB_ADD] = deque_concat,
    .nb[MPY_NB_MULTIPLY] = deque_repeat,
    .nb_inplace[MPY_NB_ADD] = deque_inplace_concat,
    .nb_inplace[MPY_NB_MULTIPLY] = deque_inplace_repeat,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .methods = deque_methods,
    .getset = deque_getset,
};

/* ------------------------------------------------------------------ */
/* Iterators                                                            */

static MpyObject *make_iter(MpyObject *self, MpyType *type)
{
    DequeIter *it = (DequeIter *)mpy_object_alloc(type);
    if (it == NULL)
        return NULL;
    DequeObject *d = as_deque(self);
    it->deque = (DequeObject *)MPY_NEWREF(self);
    it->index = type == &mpy_deque_iter_type ? 0 : d->size - 1;
    it->left = d->size;
    it->state = d->state;
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static MpyObject *deque_iter(MpyObject *self)
{
    return make_iter(self, &mpy_deque_iter_type);
}

static MpyObject *deque_reversed(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return make_iter(self, &mpy_deque_reviter_type);
}

static MpyObject *iter_next_impl(MpyObject *self, int step)
{
    DequeIter *it = (DequeIter *)self;
    if (it->left == 0)
        return NULL;
    if (it->deque->state != it->state) {
        it->left = 0;
        return mpy_err_format(mpy_exc_RuntimeError, "deque mutated during iteration");
    }
    MpyObject *item = *slot(it->deque, it->index);
    it->index += step;
    it->left--;
    return MPY_NEWREF(item);
}

static MpyObject *iter_next(MpyObject *self, int step)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(((DequeIter *)self)->deque);
    result = iter_next_impl(self, step);
    MPY_END_CRITICAL();
    return result;
}

static MpyObject *deque_iter_next(MpyObject *self)
{
    return iter_next(self, 1);
}

static MpyObject *deque_reviter_next(MpyObject *self)
{
    return iter_next(self, -1);
}

static MpyObject *deque_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static void deque_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((DequeIter *)self)->deque);
    mpy_object_free(self);
}

static int deque_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((DequeIter *)self)->deque);
    return 0;
}

static MpyObject *deque_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_ssize(((DequeIter *)self)->left);
}

static const MpyMethodDef deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, MPY_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_deque_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(DequeIter),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = deque_iter_dealloc,
    .traverse = deque_iter_traverse,
    .iter = deque_iter_self,
    .iternext = deque_iter_next,
    .methods = deque_iter_methods,
};

MpyType mpy_deque_reviter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(DequeIter),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = deque_iter_dealloc,
    .traverse = deque_iter_traverse,
    .iter = deque_iter_self,
    .iternext = deque_reviter_next,
    .methods = deque_iter_methods,
};

/* ------------------------------------------------------------------ */
/* _tuplegetter(index, doc): the field descriptors of namedtuple         */

typedef struct TupleGetter {
    MpyObject ob_base;
    ptrdiff_t index;
    MpyObject *doc;
} TupleGetter;

extern MpyType mpy_tuplegetter_type;

static MpyObject *tuplegetter_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("_tuplegetter", kw) < 0 ||
        mpy_arg_check_positional("_tuplegetter", nargs, 2, 2) < 0)
        return NULL;
    ptrdiff_t index = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
    if (index == -1 && mpy_err_occurred())
        return NULL;
    TupleGetter *g = (TupleGetter *)mpy_object_alloc(type);
    if (g == NULL)
        return NULL;
    g->index = index;
    g->doc = MPY_NEWREF(args[1]);
    mpy_gc_track((MpyObject *)g);
    return (MpyObject *)g;
}

static MpyObject *tuplegetter_get(MpyObject *self, MpyObject *obj, MpyObject *owner)
{
    TupleGetter *g = (TupleGetter *)self;
    if (obj == NULL || obj == MPY_NONE)
        return MPY_NEWREF(self);
    if (!mpy_tuple_check(obj))
        return mpy_err_format(mpy_exc_TypeError,
                              "descriptor for index '%zd' for tuple subclasses doesn't apply to '%T' object",
                              g->index, obj);
    if (g->index < 0 || g->index >= mpy_tuple_size(obj))
        return mpy_err_format(mpy_exc_IndexError, "tuple index out of range");
    return MPY_NEWREF(mpy_tuple_item(obj, g->index));
}

static int tuplegetter_set(MpyObject *self, MpyObject *obj, MpyObject *value)
{
    mpy_err_set(mpy_exc_AttributeError, value == NULL ? "can't delete attribute" : "can't set attribute");
    return -1;
}

static MpyObject *tuplegetter_reduce(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    TupleGetter *g = (TupleGetter *)self;
    MpyObject *index = mpy_int_from_ssize(g->index);
    MpyObject *args = index ? mpy_tuple_pack(2, index, g->doc) : NULL;
    MPY_XDECREF(index);
    MpyObject *r = args ? mpy_tuple_pack(2, (MpyObject *)MPY_TYPE(self), args) : NULL;
    MPY_XDECREF(args);
    return r;
}

static void tuplegetter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((TupleGetter *)self)->doc);
    mpy_object_free(self);
}

static int tuplegetter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((TupleGetter *)self)->doc);
    return 0;
}

static const MpyMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, MPY_METH_NOARGS, NULL},
    {NULL},
};

static const MpyMemberDef tuplegetter_members[] = {
    {"__doc__", MPY_MEMBER_OBJECT, offsetof(TupleGetter, doc), 0, NULL},
    {NULL},
};

MpyType mpy_tuplegetter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_collections._tuplegetter",
    .basicsize = sizeof(TupleGetter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = tuplegetter_dealloc,
    .traverse = tuplegetter_traverse,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .new = tuplegetter_new,
    .methods = tuplegetter_methods,
    .members = tuplegetter_members,
};

/* ------------------------------------------------------------------ */
/* _count_elements(mapping, iterable): Counter's inner loop             */

static MpyObject *count_elements(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_check_positional("_count_elements", nargs, 2, 2) < 0)
        return NULL;
    MpyObject *mapping = args[0];
    MpyObject *it = mpy_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    /* Plain dict access is only correct when the mapping does not
     * override __getitem__/__setitem__ (Counter's own get is dict.get). */
    MpyObject *get = mpy_object_lookup_attr(mapping, MPY_ID(get));
    if (get == NULL) {
        MPY_DECREF(it);
        return mpy_err_occurred() ? NULL : mpy_err_format(mpy_exc_AttributeError, "get");
    }
    bool fast = mpy_dict_check(mapping) &&
                mpy_type_lookup(MPY_TYPE(mapping), MPY_ID(get)) ==
                    mpy_type_lookup(&mpy_dict_type, MPY_ID(get)) &&
                mpy_type_lookup(MPY_TYPE(mapping), MPY_ID(__setitem__)) ==
                    mpy_type_lookup(&mpy_dict_type, MPY_ID(__setitem__));
    MpyObject *one = mpy_small_int(1), *zero = mpy_small_int(0);
    MpyObject *elem;
    int r = 0;
    while (r == 0 && (elem = mpy_iter_next(it)) != NULL) {
        MpyObject *old = fast ? mpy_dict_get(mapping, elem) : NULL;
        if (old == NULL && !mpy_err_occurred() && !fast)
            old = mpy_object_call2(get, elem, zero);
        if (old == NULL && !mpy_err_occurred())
            old = MPY_NEWREF(zero);
        MpyObject *new_count = old ? mpy_number_binop(old, one, MPY_NB_ADD) : NULL;
        MPY_XDECREF(old);
        r = new_count ? (fast ? mpy_dict_set(mapping, elem, new_count)
                              : mpy_object_setitem(mapping, elem, new_count)) : -1;
        MPY_XDECREF(new_count);
        MPY_DECREF(elem);
    }
    MPY_XDECREF(get);
    MPY_DECREF(it);
    if (r < 0 || mpy_err_occurred())
        return NULL;
    return MPY_RETURN_NONE;
}

static const MpyMethodDef collections_methods[] = {
    {"_count_elements", count_elements, MPY_METH_FASTCALL, "Count elements in the iterable, updating the mapping"},
    {NULL},
};

static int collections_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_deque_type) < 0 || mpy_type_ready(&mpy_deque_iter_type) < 0 ||
        mpy_type_ready(&mpy_deque_reviter_type) < 0 || mpy_type_ready(&mpy_tuplegetter_type) < 0)
        return -1;
    if (mpy_module_add_type(module, &mpy_deque_type) < 0 ||
        mpy_module_add(module, "_deque_iterator", (MpyObject *)&mpy_deque_iter_type) < 0 ||
        mpy_module_add(module, "_deque_reverse_iterator", (MpyObject *)&mpy_deque_reviter_type) < 0 ||
        mpy_module_add(module, "_tuplegetter", (MpyObject *)&mpy_tuplegetter_type) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__collections_module_def = {
    "_collections", "High performance data structures.", collections_methods, collections_exec, 1,
};
