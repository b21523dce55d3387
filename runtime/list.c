/* runtime/list.c: the list type and its iterators.
 *
 * Models CPython's Objects/listobject.c.  A list is an over-allocated array
 * of item pointers:
 *
 *     items: [ a | b | c | . | . ]     size 3, allocated 5
 *
 * Appending grows the array by about 1/8 (CPython's list_resize pattern), so
 * a run of appends costs amortized O(1).  The methods (append, pop, ...) are
 * in list_methods.c, list.sort in list_sort.c.
 *
 * Invariants a reader must keep:
 *  - items[0..size) are owned references, never NULL once the list is
 *    visible to Python code (mpy_list_new hands out NULL slots that the
 *    caller fills before anyone else sees the list).
 *  - Comparing or hashing an item, or dropping a reference, can run Python
 *    code that mutates this very list.  So loops re-read `size` and `items`
 *    after every such call, hold their own reference to the item they
 *    compare, and functions that remove items put the list back into a
 *    consistent shape *before* they DECREF what they removed (CPython's
 *    "recycle" arrays).
 *  - Mutating operations keep one exit so the free-threaded build can wrap
 *    them in MPY_BEGIN_CRITICAL / MPY_END_CRITICAL.
 */
#include "runtime/list.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/list_impl.h"

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct ListIter {
    MpyObject ob_base;
    ptrdiff_t index;
    MpyObject *seq; /* NULL once exhausted */
} ListIter;

extern MpyType mpy_list_iter_type, mpy_list_reverseiter_type;

static inline MpyListObject *as_list(MpyObject *o) { return (MpyListObject *)o; }

/* `size` is read without the lock by len() (free-threaded build): every
 * store goes through here. */
static inline void set_size(MpyListObject *l, ptrdiff_t n) { MPY_FT_STORE_RELAXED(l->size, n); }

/* ------------------------------------------------------------------ */
/* Storage                                                              */

/* Make room for `newsize` items and set size to it (CPython's
 * list_resize).  New slots are uninitialized.  Returns 0 / -1. */
int mpy__list_resize(MpyListObject *l, ptrdiff_t newsize)
{
    ptrdiff_t allocated = l->allocated;
    // Shrink only when less than half is used: otherwise a pop/append
    // pair at the boundary would reallocate every time.
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        set_size(l, newsize);
        return 0;
    }
    // Over-allocate by 1/8 plus a little, rounded to a multiple of 4;
    // jump straight to the exact size when that is bigger anyway.
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->size > (ptrdiff_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated > (size_t)PTRDIFF_MAX / sizeof(MpyObject *)) {
        mpy_err_no_memory();
        return -1;
    }
    MpyObject **items;
    if (new_allocated == 0) {
        mpy_mem_free(l->items);
        items = NULL;
    } else {
        items = mpy_mem_realloc(l->items, new_allocated * sizeof(MpyObject *));
        if (items == NULL)
            return -1;
    }
    l->items = items;
    set_size(l, newsize);
    l->allocated = (ptrdiff_t)new_allocated;
    return 0;
}

/* Drop every item.  The list is emptied *before* the items are released,
 * since a destructor may look at (or refill) the list. */
void mpy__list_clear(MpyListObject *l)
{
    MpyObject **items = l->items;
    ptrdiff_t n = l->size;
    if (items == NULL)
        return;
    l->items = NULL;
    set_size(l, 0);
    l->allocated = 0;
    while (--n >= 0)
        MPY_XDECREF(items[n]);
    mpy_mem_free(items);
}

/* mpy__list_clear in the list's critical section: the items are detached
 * under the lock and released after it. */
void mpy__list_clear_locked(MpyListObject *l)
{
    MpyObject **items;
    ptrdiff_t n;
    MPY_BEGIN_CRITICAL(l);
    items = l->items;
    n = l->size;
    if (items != NULL) { /* (an empty list may be one being sorted: leave it) */
        l->items = NULL;
        set_size(l, 0);
        l->allocated = 0;
    }
    MPY_END_CRITICAL();
    if (items == NULL)
        return;
    while (--n >= 0)
        MPY_XDECREF(items[n]);
    mpy_mem_free(items);
}

static MpyObject *list_alloc(MpyType *type, ptrdiff_t n)
{
    if (n < 0)
        return mpy_err_bad_internal_call("mpy_list_new");
    MpyListObject *l = (MpyListObject *)mpy_object_alloc(type);
    if (l == NULL)
        return NULL;
    if (n > 0) {
        if ((size_t)n > (size_t)PTRDIFF_MAX / sizeof(MpyObject *)) {
            MPY_DECREF(l);
            return mpy_err_no_memory();
        }
        l->items = mpy_mem_calloc((size_t)n, sizeof(MpyObject *));
        if (l->items == NULL) {
            MPY_DECREF(l);
            return NULL;
        }
        l->allocated = n;
        l->size = n;
    }
    mpy_gc_track((MpyObject *)l);
    return (MpyObject *)l;
}

/* ------------------------------------------------------------------ */
/* The C API                                                            */

MpyObject *mpy_list_new(ptrdiff_t n)
{
    return list_alloc(&mpy_list_type, n);
}

/* The public functions below keep the shape "compute in one block, act on
 * the result after it": that block is the list's critical section in the
 * free-threaded build (gil/critical.h); references are dropped after it,
 * since a destructor may run any code. */

MpyObject *mpy_list_get(MpyObject *self, ptrdiff_t i)
{
    MpyListObject *l = as_list(self);
    MpyObject *item = NULL;
    MPY_BEGIN_CRITICAL(l);
    if (i >= 0 && i < l->size)
        item = MPY_NEWREF(l->items[i]);
    MPY_END_CRITICAL();
    if (item == NULL)
        mpy_err_set(mpy_exc_IndexError, "list index out of range");
    return item;
}

int mpy_list_set(MpyObject *self, ptrdiff_t i, MpyObject *item)
{
    MpyListObject *l = as_list(self);
    MpyObject *old = NULL;
    bool ok;
    MPY_BEGIN_CRITICAL(l);
    ok = i >= 0 && i < l->size;
    if (ok) {
        old = l->items[i];
        l->items[i] = MPY_NEWREF(item);
    }
    MPY_END_CRITICAL();
    if (!ok) {
        mpy_err_set(mpy_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    MPY_XDECREF(old);
    return 0;
}

int mpy_list_append_take(MpyObject *self, MpyObject *item)
{
    MpyListObject *l = as_list(self);
    int result = 0;
    MPY_BEGIN_CRITICAL(l);
    ptrdiff_t n = l->size;
    if (MPY_LIKELY(n < l->allocated)) {
        l->items[n] = item;
        set_size(l, n + 1);
    } else if (mpy__list_resize(l, n + 1) == 0) {
        l->items[n] = item;
    } else {
        result = -1;
    }
    MPY_END_CRITICAL();
    if (result < 0)
        MPY_DECREF(item);
    return result;
}

int mpy_list_append(MpyObject *self, MpyObject *item)
{
    return mpy_list_append_take(self, MPY_NEWREF(item));
}

int mpy_list_insert(MpyObject *self, ptrdiff_t where, MpyObject *item)
{
    MpyListObject *l = as_list(self);
    int result;
    MPY_BEGIN_CRITICAL(l);
    ptrdiff_t n = l->size;
    result = mpy__list_resize(l, n + 1);
    if (result == 0) {
        if (where < 0 && (where += n) < 0)
            where = 0;
        if (where > n)
            where = n;
        memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(MpyObject *));
        l->items[where] = MPY_NEWREF(item);
    }
    MPY_END_CRITICAL();
    return result;
}

MpyObject *mpy_list_from_array(MpyObject *const *items, ptrdiff_t n)
{
    MpyObject *l = mpy_list_new(n);
    if (l == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < n; i++)
        as_list(l)->items[i] = MPY_NEWREF(items[i]);
    return l;
}

MpyObject *mpy_list_slice(MpyObject *self, ptrdiff_t start, ptrdiff_t stop)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(self);
    ptrdiff_t n = as_list(self)->size;
    if (start < 0)
        start = 0;
    else if (start > n)
        start = n;
    if (stop < start)
        stop = start;
    else if (stop > n)
        stop = n;
    result = stop == start ? mpy_list_new(0)
                           : mpy_list_from_array(as_list(self)->items + start, stop - start);
    MPY_END_CRITICAL();
    return result;
}

MpyObject *mpy_list_as_tuple(MpyObject *self)
{
    MpyObject *result;
    MPY_BEGIN_CRITICAL(self);
    result = mpy_tuple_from_array(as_list(self)->items, as_list(self)->size);
    MPY_END_CRITICAL();
    return result;
}

int mpy_list_reverse(MpyObject *self)
{
    MpyListObject *l = as_list(self);
    MPY_BEGIN_CRITICAL(l);
    if (l->size > 1) {
        MpyObject **lo = l->items, **hi = l->items + l->size - 1;
        for (; lo < hi; lo++, hi--) {
            MpyObject *t = *lo;
            *lo = *hi;
            *hi = t;
        }
    }
    MPY_END_CRITICAL();
    return 0;
}

/* A length estimate for preallocation: len() when the type has one, else
 * `dflt`.  Never fails (errors from __len__ are ignored here and will
 * surface, if at all, during the iteration itself). */
static ptrdiff_t length_hint(MpyObject *o, ptrdiff_t dflt)
{
    if (mpy_list_check(o))
        return mpy_list_size(o);
    if (mpy_tuple_check(o))
        return mpy_tuple_size(o);
    MpyType *type = MPY_TYPE(o);
    if (type->len == NULL || mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        return dflt;
    ptrdiff_t n = type->len(o);
    if (n < 0) {
        mpy_err_clear();
        return dflt;
    }
    return n;
}

/* Append the items of a list or tuple (which may be `l` itself); both
 * locked (CPython locks both for list.extend(list)). */
static int extend_from_array(MpyListObject *l, MpyObject *seq)
{
    int result = 0;
    MPY_BEGIN_CRITICAL2(l, seq);
    ptrdiff_t n = mpy_list_check(seq) ? as_list(seq)->size : mpy_tuple_size(seq);
    ptrdiff_t m = l->size;
    if (n > 0 && mpy__list_resize(l, m + n) < 0)
        result = -1;
    if (n > 0 && result == 0) {
        // Read the source only after the resize: for l.extend(l) it moved.
        MpyObject **src = mpy_list_check(seq) ? as_list(seq)->items : mpy_tuple_items(seq);
        for (ptrdiff_t i = 0; i < n; i++)
            l->items[m + i] = MPY_NEWREF(src[i]);
    }
    MPY_END_CRITICAL2();
    return result;
}

/* Reserve room for n more items without changing the size.  Returns 0 / -1. */
static int reserve(MpyListObject *l, ptrdiff_t n)
{
    int result = 0;
    MPY_BEGIN_CRITICAL(l);
    ptrdiff_t m = l->size;
    if (n > 0 && m <= PTRDIFF_MAX - n && l->allocated < m + n) {
        result = mpy__list_resize(l, m + n);
        if (result == 0)
            set_size(l, m);
    }
    MPY_END_CRITICAL();
    return result;
}

/* Give back what an over-generous reserve kept. */
static int trim(MpyListObject *l)
{
    int result = 0;
    MPY_BEGIN_CRITICAL(l);
    if (l->size < l->allocated)
        result = mpy__list_resize(l, l->size);
    MPY_END_CRITICAL();
    return result;
}

int mpy_list_extend(MpyObject *self, MpyObject *iterable)
{
    MpyListObject *l = as_list(self);
    if (mpy_list_check_exact(iterable) || mpy_tuple_check_exact(iterable) || iterable == self)
        return extend_from_array(l, iterable);
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return -1;
    int result = -1;
    if (reserve(l, length_hint(iterable, 8)) < 0)
        goto done;
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        if (mpy_list_append_take(self, item) < 0)
            goto done;
    }
    if (mpy_err_occurred())
        goto done;
    if (trim(l) < 0)
        goto done;
    result = 0;
done:
    MPY_DECREF(it);
    return result;
}

MpyObject *mpy_list_from_iterable(MpyObject *iterable)
{
    MpyObject *l = mpy_list_new(0);
    if (l == NULL)
        return NULL;
    if (mpy_list_extend(l, iterable) < 0) {
        MPY_DECREF(l);
        return NULL;
    }
    return l;
}

/* ------------------------------------------------------------------ */
/* Lifetime                                                             */

static void list_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MpyListObject *l = as_list(self);
    ptrdiff_t n = l->size;
    if (l->items != NULL) {
        while (--n >= 0)
            MPY_XDECREF(l->items[n]);
        mpy_mem_free(l->items);
    }
    mpy_object_free(self);
}

static int list_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyListObject *l = as_list(self);
    for (ptrdiff_t i = l->size; --i >= 0;)
        MPY_VISIT(l->items[i]);
    return 0;
}

static int list_tp_clear(MpyObject *self)
{
    mpy__list_clear_locked(as_list(self));
    return 0;
}

static MpyObject *list_new(MpyType *type, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    return list_alloc(type, 0);
}

static int list_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0 &&
        (MPY_TYPE(self) == &mpy_list_type || MPY_TYPE(self)->init == mpy_list_type.init)) {
        mpy_err_set(mpy_exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        mpy_err_format(mpy_exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    mpy__list_clear_locked(as_list(self));
    return nargs == 1 ? mpy_list_extend(self, args[0]) : 0;
}

/* ------------------------------------------------------------------ */
/* repr and comparison                                                  */

/* A new reference to item i, or NULL when i is past the end (no error). */
static MpyObject *list_item_ref(MpyListObject *l, ptrdiff_t i)
{
    MpyObject *item = NULL;
    MPY_BEGIN_CRITICAL(l);
    if (i >= 0 && i < l->size)
        item = MPY_NEWREF(l->items[i]);
    MPY_END_CRITICAL();
    return item;
}

static MpyObject *list_repr(MpyObject *self)
{
    MpyListObject *l = as_list(self);
    if (mpy_list_size(self) == 0)
        return mpy_str_from_cstr("[]");
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_cstr("[...]") : NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy_sb_append(&sb, "[", 1) < 0)
        goto fail;
    // The size is re-read each time: an item's __repr__ may change the list.
    for (ptrdiff_t i = 0;; i++) {
        MpyObject *item = list_item_ref(l, i);
        if (item == NULL)
            break;
        if (i > 0 && mpy_sb_append(&sb, ", ", 2) < 0) {
            MPY_DECREF(item);
            goto fail;
        }
        int failed = mpy_sb_append_repr(&sb, item) < 0;
        MPY_DECREF(item);
        if (failed)
            goto fail;
    }
    if (mpy_sb_append(&sb, "]", 1) < 0)
        goto fail;
    mpy_repr_leave(self);
    return mpy_sb_finish(&sb);
fail:
    mpy_repr_leave(self);
    mpy_sb_discard(&sb);
    return NULL;
}

/* Python's comparison of two C sizes, as a bool object. */
static MpyObject *compare_sizes(ptrdiff_t a, ptrdiff_t b, int op)
{
    bool r;
    switch (op) {
    case MPY_LT: r = a < b; break;
    case MPY_LE: r = a <= b; break;
    case MPY_EQ: r = a == b; break;
    case MPY_NE: r = a != b; break;
    case MPY_GT: r = a > b; break;
    default: r = a >= b; break;
    }
    return MPY_NEWREF(mpy_bool_from(r));
}

/* Lexicographic comparison.  Like mpy__sequence_richcompare, but sizes and
 * items are re-read after every item comparison, because __eq__ may
 * mutate either list. */
static MpyObject *list_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_list_check(a) || !mpy_list_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyListObject *x = as_list(a), *y = as_list(b);
    if (mpy_list_size(a) != mpy_list_size(b) && (op == MPY_EQ || op == MPY_NE))
        return MPY_NEWREF(mpy_bool_from(op == MPY_NE));
    // Items are fetched one pair at a time (under the lists' locks in the
    // free-threaded build): __eq__ may mutate either list.
    MpyObject *xi = NULL, *yi = NULL;
    for (ptrdiff_t i = 0;; i++) {
        xi = list_item_ref(x, i);
        yi = list_item_ref(y, i);
        if (xi == NULL || yi == NULL)
            break;
        int eq = xi == yi ? 1 : mpy_object_richcompare_bool(xi, yi, MPY_EQ);
        if (eq < 0) {
            MPY_DECREF(xi);
            MPY_DECREF(yi);
            return NULL;
        }
        if (!eq)
            break;
        MPY_CLEAR(xi);
        MPY_CLEAR(yi);
    }
    if (xi == NULL || yi == NULL) {
        MPY_XDECREF(xi);
        MPY_XDECREF(yi);
        return compare_sizes(mpy_list_size(a), mpy_list_size(b), op);
    }
    if (op == MPY_EQ || op == MPY_NE) {
        MPY_DECREF(xi);
        MPY_DECREF(yi);
        return MPY_NEWREF(mpy_bool_from(op == MPY_NE));
    }
    MpyObject *result = mpy_object_richcompare(xi, yi, op);
    MPY_DECREF(xi);
    MPY_DECREF(yi);
    return result;
}

/* ------------------------------------------------------------------ */
/* Sequence slots                                                       */

static ptrdiff_t list_len(MpyObject *self)
{
    return mpy_list_size(self);
}

static int list_contains(MpyObject *self, MpyObject *value)
{
    MpyListObject *l = as_list(self);
    for (ptrdiff_t i = 0;; i++) {
        MpyObject *item = list_item_ref(l, i);
        if (item == NULL)
            return 0;
        int r = mpy__list_item_equals(item, value);
        MPY_DECREF(item);
        if (r != 0)
            return r;
    }
}

/* a[start:stop:step] with already resolved indices. */
static MpyObject *list_subscript_slice(MpyListObject *l, ptrdiff_t start, ptrdiff_t step,
                                       ptrdiff_t len)
{
    if (step == 1) /* (items is NULL in an empty list: no `NULL + 0`) */
        return len == 0 ? mpy_list_new(0) : mpy_list_from_array(l->items + start, len);
    MpyObject *result = mpy_list_new(len);
    if (result == NULL)
        return NULL;
    for (ptrdiff_t i = 0, j = start; i < len; i++, j += step)
        as_list(result)->items[i] = MPY_NEWREF(l->items[j]);
    return result;
}

/* l[i] with a possibly negative index.  Returns: new reference or NULL
 * with IndexError. */
MpyObject *mpy__list_getitem_index(MpyObject *self, ptrdiff_t i)
{
    MpyListObject *l = as_list(self);
    MpyObject *item = NULL;
    MPY_BEGIN_CRITICAL(l);
    if (i < 0)
        i += l->size;
    if ((size_t)i < (size_t)l->size)
        item = MPY_NEWREF(l->items[i]);
    MPY_END_CRITICAL();
    if (item == NULL)
        mpy_err_set(mpy_exc_IndexError, "list index out of range");
    return item;
}

static MpyObject *list_subscript(MpyObject *self, MpyObject *key)
{
    MpyListObject *l = as_list(self);
    if (MPY_LIKELY(mpy_is_small_int(key)))
        return mpy__list_getitem_index(self, mpy_small_int_value(key));
    if (mpy_slice_check(key)) {
        MpyObject *result = NULL;
        ptrdiff_t start, stop, step, len;
        MPY_BEGIN_CRITICAL(l);
        if (mpy_slice_indices(key, l->size, &start, &stop, &step, &len) == 0)
            result = list_subscript_slice(l, start, step, len);
        MPY_END_CRITICAL();
        return result;
    }
    // Length 0: the raw index, normalized under the lock.
    ptrdiff_t i = mpy_sequence_index(key, 0, "list");
    if (i == -1 && mpy_err_occurred())
        return NULL;
    return mpy__list_getitem_index(self, i);
}

/* del a[i] / a[i] = value (value NULL deletes). */
int mpy__list_ass_item(MpyListObject *l, ptrdiff_t i, MpyObject *value)
{
    MpyObject *old = NULL;
    MPY_BEGIN_CRITICAL(l);
    if (i < 0)
        i += l->size;
    if ((size_t)i < (size_t)l->size) {
        old = l->items[i];
        if (value != NULL) {
            l->items[i] = MPY_NEWREF(value);
        } else {
            memmove(&l->items[i], &l->items[i + 1], (size_t)(l->size - i - 1) * sizeof(MpyObject *));
            // Shrinking keeps the old block if realloc fails: not an error.
            if (mpy__list_resize(l, l->size - 1) < 0)
                mpy_err_clear();
        }
    }
    MPY_END_CRITICAL();
    if (old == NULL) {
        mpy_err_set(mpy_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    MPY_DECREF(old); // last: its destructor may look at the list
    return 0;
}

/* The items of `value` as a list or tuple we hold a reference to (CPython's
 * PySequence_Fast).  A TypeError from iter() becomes `message`. */
static MpyObject *as_sequence(MpyObject *value, const char *message)
{
    if (mpy_list_check_exact(value) || mpy_tuple_check_exact(value))
        return MPY_NEWREF(value);
    MpyObject *it = mpy_object_get_iter(value);
    if (it == NULL) {
        if (mpy_err_matches(mpy_exc_TypeError)) {
            mpy_err_clear();
            mpy_err_set(mpy_exc_TypeError, message);
        }
        return NULL;
    }
    MpyObject *l = mpy_list_new(0);
    if (l != NULL && mpy_list_extend(l, it) < 0)
        MPY_CLEAR(l);
    MPY_DECREF(it);
    return l;
}

static MpyObject **seq_items(MpyObject *seq)
{
    return mpy_list_check(seq) ? as_list(seq)->items : mpy_tuple_items(seq);
}

static ptrdiff_t seq_size(MpyObject *seq)
{
    return mpy_list_check(seq) ? as_list(seq)->size : mpy_tuple_size(seq);
}

/* a[low:high] = seq (seq NULL deletes), where seq is a list or tuple that
 * is not `l` itself.  Removed items are released only after the list is
 * consistent again (CPython's list_ass_slice). */
static int list_ass_slice(MpyListObject *l, ptrdiff_t low, ptrdiff_t high, MpyObject *seq)
{
    ptrdiff_t n = seq == NULL ? 0 : seq_size(seq);
    if (low < 0)
        low = 0;
    else if (low > l->size)
        low = l->size;
    if (high < low)
        high = low;
    else if (high > l->size)
        high = l->size;
    ptrdiff_t norig = high - low, delta = n - norig;
    if (l->size + delta == 0) {
        mpy__list_clear(l);
        return 0;
    }
    MpyObject *recycle_small[8], **recycle = recycle_small;
    if (norig > 8 && (recycle = mpy_mem_alloc((size_t)norig * sizeof(MpyObject *))) == NULL)
        return -1;
    if (norig > 0)
        memcpy(recycle, &l->items[low], (size_t)norig * sizeof(MpyObject *));
    int result = -1;
    ptrdiff_t tail = l->size - high;
    if (delta < 0) {
        memmove(&l->items[high + delta], &l->items[high], (size_t)tail * sizeof(MpyObject *));
        if (mpy__list_resize(l, l->size + delta) < 0) {
            memmove(&l->items[high], &l->items[high + delta], (size_t)tail * sizeof(MpyObject *));
            memcpy(&l->items[low], recycle, (size_t)norig * sizeof(MpyObject *));
            goto done;
        }
    } else if (delta > 0) {
        if (mpy__list_resize(l, l->size + delta) < 0)
            goto done;
        memmove(&l->items[high + delta], &l->items[high], (size_t)tail * sizeof(MpyObject *));
    }
    MpyObject **src = n > 0 ? seq_items(seq) : NULL;
    for (ptrdiff_t k = 0; k < n; k++)
        l->items[low + k] = MPY_NEWREF(src[k]);
    for (ptrdiff_t k = norig - 1; k >= 0; k--)
        MPY_XDECREF(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_small)
        mpy_mem_free(recycle);
    return result;
}

/* del a[start:stop:step] for step != 1: close the gaps left by the
 * `len` removed items, then release them. */
static int list_del_extended(MpyListObject *l, ptrdiff_t start, ptrdiff_t step, ptrdiff_t len)
{
    if (len <= 0)
        return 0;
    if (step < 0) {
        // Walk the same items forwards.
        start = start + step * (len - 1);
        step = -step;
    }
    MpyObject **garbage = mpy_mem_alloc((size_t)len * sizeof(MpyObject *));
    if (garbage == NULL)
        return -1;
    MpyObject **items = l->items;
    ptrdiff_t size = l->size, write = start;
    for (ptrdiff_t read = start, i = 0; read < size; read++) {
        if (i < len && read == start + i * step)
            garbage[i++] = items[read];
        else
            items[write++] = items[read];
    }
    int result = mpy__list_resize(l, size - len);
    if (result < 0)
        mpy_err_clear(); // shrinking keeps the old block: the list is fine
    for (ptrdiff_t i = 0; i < len; i++)
        MPY_DECREF(garbage[i]);
    mpy_mem_free(garbage);
    return 0;
}

/* a[start:stop:step] = seq for step != 1: sizes must match exactly. */
static int list_assign_extended(MpyListObject *l, ptrdiff_t start, ptrdiff_t step, ptrdiff_t len,
                                MpyObject *seq)
{
    if (seq_size(seq) != len) {
        mpy_err_format(mpy_exc_ValueError,
                       "attempt to assign sequence of size %zd to extended slice of size %zd",
                       seq_size(seq), len);
        return -1;
    }
    if (len == 0)
        return 0;
    MpyObject **garbage = mpy_mem_alloc((size_t)len * sizeof(MpyObject *));
    if (garbage == NULL)
        return -1;
    MpyObject **src = seq_items(seq);
    for (ptrdiff_t i = 0, cur = start; i < len; i++, cur += step) {
        garbage[i] = l->items[cur];
        l->items[cur] = MPY_NEWREF(src[i]);
    }
    for (ptrdiff_t i = 0; i < len; i++)
        MPY_DECREF(garbage[i]);
    mpy_mem_free(garbage);
    return 0;
}

/* a[slice] = value / del a[slice]. */
static int list_ass_subscript_slice(MpyListObject *l, MpyObject *slice, MpyObject *value)
{
    ptrdiff_t start, stop, step, len;
    // Resolve the slice first (its errors come first, as in CPython) ...
    if (mpy_slice_indices(slice, mpy_list_size((MpyObject *)l), &start, &stop, &step, &len) < 0)
        return -1;
    MpyObject *seq = NULL;
    if (value != NULL) {
        // ... then materialize the value; a[::-1] = a needs a copy.
        if (value == (MpyObject *)l)
            seq = mpy_list_slice(value, 0, PTRDIFF_MAX);
        else
            seq = as_sequence(value, step == 1 ? "can only assign an iterable"
                                               : "must assign iterable to extended slice");
        if (seq == NULL)
            return -1;
    }
    int result = -1;
    MPY_BEGIN_CRITICAL(l);
    // Iterating `value` may have run code that resized the list (or, in
    // the free-threaded build, another thread did): resolve again.
    if (mpy_slice_indices(slice, l->size, &start, &stop, &step, &len) == 0) {
        if (step == 1)
            result = list_ass_slice(l, start, stop, seq);
        else if (seq == NULL)
            result = list_del_extended(l, start, step, len);
        else
            result = list_assign_extended(l, start, step, len, seq);
    }
    MPY_END_CRITICAL();
    MPY_XDECREF(seq);
    return result;
}

static int list_ass_subscript(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MpyListObject *l = as_list(self);
    if (MPY_LIKELY(mpy_is_small_int(key)))
        return mpy__list_ass_item(l, mpy_small_int_value(key), value);
    if (mpy_slice_check(key))
        return list_ass_subscript_slice(l, key, value);
    ptrdiff_t i = mpy_sequence_index(key, 0, "list"); // raw: see list_subscript
    if (i == -1 && mpy_err_occurred())
        return -1;
    return mpy__list_ass_item(l, i, value);
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */

/* For `[1] + x` and `[1] * x`: a class of the user's that implements the
 * operator gets its reflected method tried (return NotImplemented);
 * everything else gets the sequence error right away, as CPython's
 * sq_concat / sq_repeat fallbacks do. */
static bool defer_to_other(MpyObject *other, int op)
{
    MpyType *type = MPY_TYPE(other);
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) || type->nb[op] == NULL)
        return false;
    MpyObject *reflected = op == MPY_NB_ADD ? MPY_ID(__radd__) : MPY_ID(__rmul__);
    return mpy_type_lookup(type, reflected) != NULL;
}

static MpyObject *list_concat(MpyObject *a, MpyObject *b)
{
    if (!mpy_list_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!mpy_list_check(b)) {
        if (defer_to_other(b, MPY_NB_ADD))
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        return mpy_err_format(mpy_exc_TypeError, "can only concatenate list (not \"%T\") to list",
                              b);
    }
    MpyObject *result;
    MPY_BEGIN_CRITICAL2(a, b);
    ptrdiff_t na = as_list(a)->size, nb = as_list(b)->size;
    result = mpy_list_new(na + nb);
    if (result != NULL) {
        MpyObject **dst = as_list(result)->items;
        for (ptrdiff_t i = 0; i < na; i++)
            dst[i] = MPY_NEWREF(as_list(a)->items[i]);
        for (ptrdiff_t i = 0; i < nb; i++)
            dst[na + i] = MPY_NEWREF(as_list(b)->items[i]);
    }
    MPY_END_CRITICAL2();
    return result;
}

/* The repeat count of `seq * count`.  Returns 0 and stores it, 1 when the
 * operation is not ours (NotImplemented), -1 on error. */
static int repeat_count(MpyObject *count, ptrdiff_t *out)
{
    if (mpy_is_small_int(count)) {
        *out = mpy_small_int_value(count);
        return 0;
    }
    if (MPY_TYPE(count)->nb_index == NULL) {
        if (defer_to_other(count, MPY_NB_MULTIPLY))
            return 1;
        mpy_err_format(mpy_exc_TypeError, "can't multiply sequence by non-int of type '%T'", count);
        return -1;
    }
    ptrdiff_t n = mpy_number_as_ssize(count, mpy_exc_OverflowError);
    if (n == -1 && mpy_err_occurred())
        return -1;
    *out = n;
    return 0;
}

static MpyObject *list_repeat_items(MpyListObject *l, ptrdiff_t k)
{
    ptrdiff_t n = l->size;
    if (k <= 0 || n == 0)
        return mpy_list_new(0);
    if (n > PTRDIFF_MAX / (ptrdiff_t)sizeof(MpyObject *) / k)
        return mpy_err_no_memory();
    MpyObject *result = mpy_list_new(n * k);
    if (result == NULL)
        return NULL;
    MpyObject **dst = as_list(result)->items;
    for (ptrdiff_t r = 0; r < k; r++, dst += n)
        for (ptrdiff_t i = 0; i < n; i++)
            dst[i] = MPY_NEWREF(l->items[i]);
    return result;
}

static MpyObject *list_repeat(MpyObject *a, MpyObject *b)
{
    MpyObject *seq = mpy_list_check(a) ? a : b;
    MpyObject *count = seq == a ? b : a;
    if (!mpy_list_check(seq))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t k;
    int r = repeat_count(count, &k);
    if (r != 0)
        return r > 0 ? MPY_NEWREF(MPY_NOT_IMPLEMENTED) : NULL;
    MpyObject *result;
    MPY_BEGIN_CRITICAL(seq);
    result = list_repeat_items(as_list(seq), k);
    MPY_END_CRITICAL();
    return result;
}

static MpyObject *list_inplace_concat(MpyObject *self, MpyObject *other)
{
    if (!mpy_list_check(self))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!mpy_list_check(other) && defer_to_other(other, MPY_NB_ADD))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (mpy_list_extend(self, other) < 0)
        return NULL;
    return MPY_NEWREF(self);
}

static MpyObject *list_inplace_repeat(MpyObject *self, MpyObject *count)
{
    if (!mpy_list_check(self))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    ptrdiff_t k;
    int r = repeat_count(count, &k);
    if (r != 0)
        return r > 0 ? MPY_NEWREF(MPY_NOT_IMPLEMENTED) : NULL;
    MpyListObject *l = as_list(self);
    if (k <= 0) {
        mpy__list_clear_locked(l);
        return MPY_NEWREF(self);
    }
    int failed = 0;
    MPY_BEGIN_CRITICAL(l);
    ptrdiff_t n = l->size;
    if (n > 0 && k > 1) {
        if (n > PTRDIFF_MAX / (ptrdiff_t)sizeof(MpyObject *) / k) {
            mpy_err_no_memory();
            failed = 1;
        } else if (mpy__list_resize(l, n * k) < 0) {
            failed = 1;
        } else {
            for (ptrdiff_t r2 = 1; r2 < k; r2++)
                for (ptrdiff_t i = 0; i < n; i++)
                    l->items[r2 * n + i] = MPY_NEWREF(l->items[i]);
        }
    }
    MPY_END_CRITICAL();
    return failed ? NULL : MPY_NEWREF(self);
}

MpyObject *mpy__list_reverse_iter(MpyObject *self)
{
    ListIter *it = (ListIter *)mpy_object_alloc(&mpy_list_reverseiter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(self);
    it->index = mpy_list_size(self) - 1;
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static MpyObject *list_iter(MpyObject *self)
{
    ListIter *it = (ListIter *)mpy_object_alloc(&mpy_list_iter_type);
    if (it == NULL)
        return NULL;
    it->seq = MPY_NEWREF(self);
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

MpyType mpy_list_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "list",
    .doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new "
           "empty list.\nThe argument must be an iterable if specified.",
    .basicsize = sizeof(MpyListObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = mpy_hash_unhashable,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .new = list_new,
    .init = list_init,
    .traverse = list_traverse,
    .clear = list_tp_clear,
    .nb[MPY_NB_ADD] = list_concat,
    .nb[MPY_NB_MULTIPLY] = list_repeat,
    .nb_inplace[MPY_NB_ADD] = list_inplace_concat,
    .nb_inplace[MPY_NB_MULTIPLY] = list_inplace_repeat,
    .len = list_len,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .methods = mpy__list_methods,
};

/* ------------------------------------------------------------------ */
/* Iterators                                                            */

static void list_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((ListIter *)self)->seq);
    mpy_object_free(self);
}

static int list_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((ListIter *)self)->seq);
    return 0;
}

static MpyObject *list_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

/* Iterators shared between threads (free-threaded build) may skip or
 * repeat items, as CPython documents, but never crash: the list is read
 * under its lock, and an exhausted iterator keeps its list until it dies. */
static MpyObject *list_iter_next(MpyObject *self)
{
    ListIter *it = (ListIter *)self;
    MpyListObject *l = (MpyListObject *)it->seq;
    if (l == NULL)
        return NULL;
#if MPY_FREE_THREADED
    ptrdiff_t i = MPY_FT_LOAD_RELAXED(it->index);
    MpyObject *item = list_item_ref(l, i);
    if (item != NULL) {
        MPY_FT_STORE_RELAXED(it->index, i + 1);
        return item;
    }
    MPY_FT_STORE_RELAXED(it->index, PTRDIFF_MAX);
    return NULL;
#else
    if (MPY_LIKELY(it->index < l->size))
        return MPY_NEWREF(l->items[it->index++]);
    MPY_CLEAR(it->seq);
    return NULL;
#endif
}

static MpyObject *list_reverseiter_next(MpyObject *self)
{
    ListIter *it = (ListIter *)self;
    MpyListObject *l = (MpyListObject *)it->seq;
    if (l == NULL)
        return NULL;
    // The list may have shrunk since the last step.
    ptrdiff_t i = MPY_FT_LOAD_RELAXED(it->index);
    MpyObject *item = list_item_ref(l, i);
    if (item != NULL) {
        MPY_FT_STORE_RELAXED(it->index, i - 1);
        return item;
    }
    MPY_FT_STORE_RELAXED(it->index, -1);
#if !MPY_FREE_THREADED
    MPY_CLEAR(it->seq);
#endif
    return NULL;
}

static MpyObject *list_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                        MpyObject *k)
{
    ListIter *it = (ListIter *)self;
    ptrdiff_t left = 0;
    if (it->seq != NULL) {
        left = mpy_list_size(it->seq) - MPY_FT_LOAD_RELAXED(it->index);
        if (left < 0)
            left = 0;
    }
    return mpy_int_from_ssize(left);
}

static MpyObject *list_reverseiter_length_hint(MpyObject *self, MpyObject *const *a, size_t n,
                                               MpyObject *k)
{
    ListIter *it = (ListIter *)self;
    ptrdiff_t left = 0;
    ptrdiff_t i = MPY_FT_LOAD_RELAXED(it->index);
    if (it->seq != NULL && i < mpy_list_size(it->seq))
        left = i + 1;
    return mpy_int_from_ssize(left);
}

static const MpyMethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

static const MpyMethodDef list_reverseiter_methods[] = {
    {"__length_hint__", list_reverseiter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_list_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "list_iterator",
    .basicsize = sizeof(ListIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .iter = list_iter_self,
    .iternext = list_iter_next,
    .methods = list_iter_methods,
};

MpyType mpy_list_reverseiter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIter),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .iter = list_iter_self,
    .iternext = list_reverseiter_next,
    .methods = list_reverseiter_methods,
};
