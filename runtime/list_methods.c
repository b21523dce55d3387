/* runtime/list_methods.c: the Python-visible methods of list (append,
 * extend, insert, pop, remove, index, count, clear, copy, reverse, sort).
 *
 * Models the method table of CPython's Objects/listobject.c.  The storage
 * and the slots are in runtime/list.c, the sorting algorithm in
 * runtime/list_sort.c.  As there, a method that compares items re-reads
 * the list's size after each comparison: __eq__ may change the list.
 */
#include "runtime/list.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/error.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static inline MpyListObject *as_list(MpyObject *o) { return (MpyListObject *)o; }

static MpyObject *list_append_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    if (mpy_list_append(self, args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *list_extend_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    if (mpy_list_extend(self, args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* An index argument (pop, insert): ints and __index__ objects. */
static int index_arg(MpyObject *o, ptrdiff_t *out)
{
    if (mpy_is_small_int(o)) {
        *out = mpy_small_int_value(o);
        return 0;
    }
    MpyObject *i = mpy_number_index(o); // TypeError for non-integers
    if (i == NULL)
        return -1;
    *out = mpy_int_as_ssize(i);
    MPY_DECREF(i);
    return *out == -1 && mpy_err_occurred() ? -1 : 0;
}

static MpyObject *list_insert_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    if (nargs != 2)
        return mpy_err_format(mpy_exc_TypeError, "insert expected 2 arguments, got %zu", nargs);
    ptrdiff_t where;
    if (index_arg(args[0], &where) < 0 || mpy_list_insert(self, where, args[1]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *list_pop_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kw)
{
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "pop expected at most 1 argument, got %zu", nargs);
    ptrdiff_t i = -1;
    if (nargs == 1 && index_arg(args[0], &i) < 0)
        return NULL;
    MpyListObject *l = as_list(self);
    MpyObject *item = NULL;
    const char *error = NULL;
    MPY_BEGIN_CRITICAL(l);
    if (l->size == 0) {
        error = "pop from empty list";
    } else if (i < 0 && (i += l->size) < 0) {
        error = "pop index out of range";
    } else if (i >= l->size) {
        error = "pop index out of range";
    } else {
        item = l->items[i]; // the list's reference becomes the caller's
        memmove(&l->items[i], &l->items[i + 1], (size_t)(l->size - i - 1) * sizeof(MpyObject *));
        if (mpy__list_resize(l, l->size - 1) < 0)
            mpy_err_clear(); // shrinking keeps the old block: not an error
    }
    MPY_END_CRITICAL();
    if (error != NULL)
        mpy_err_set(mpy_exc_IndexError, error);
    return item;
}

static MpyObject *list_clear_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    mpy__list_clear_locked(as_list(self));
    return MPY_RETURN_NONE;
}

static MpyObject *list_copy_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    return mpy_list_slice(self, 0, PTRDIFF_MAX);
}

static MpyObject *list_count_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    MpyListObject *l = as_list(self);
    ptrdiff_t count = 0;
    int r = 0;
    // One critical section for the whole scan, as CPython's: __eq__ runs
    // inside it (a blocking __eq__ suspends it, see gil/critical.h).
    MPY_BEGIN_CRITICAL(l);
    for (ptrdiff_t i = 0; i < l->size && r >= 0; i++) {
        r = mpy__list_item_equals(l->items[i], args[0]);
        count += r > 0;
    }
    MPY_END_CRITICAL();
    return r < 0 ? NULL : mpy_int_from_ssize(count);
}

/* A start/stop bound of list.index: clamped, None not allowed. */
static int bound_arg(MpyObject *o, ptrdiff_t *out)
{
    if (mpy_is_small_int(o)) {
        *out = mpy_small_int_value(o);
        return 0;
    }
    if (MPY_TYPE(o)->nb_index == NULL) {
        mpy_err_set(mpy_exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    *out = mpy_number_as_ssize(o, NULL);
    return *out == -1 && mpy_err_occurred() ? -1 : 0;
}

static MpyObject *list_index_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kw)
{
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "index expected at least 1 argument, got %zu",
                              nargs);
    if (nargs > 3)
        return mpy_err_format(mpy_exc_TypeError, "index expected at most 3 arguments, got %zu",
                              nargs);
    MpyListObject *l = as_list(self);
    ptrdiff_t start = 0, stop = PTRDIFF_MAX;
    if ((nargs >= 2 && bound_arg(args[1], &start) < 0) ||
        (nargs >= 3 && bound_arg(args[2], &stop) < 0))
        return NULL;
    ptrdiff_t found = -1;
    int r = 0;
    MPY_BEGIN_CRITICAL(l);
    if (start < 0 && (start += l->size) < 0)
        start = 0;
    if (stop < 0 && (stop += l->size) < 0)
        stop = 0;
    for (ptrdiff_t i = start; i < stop && i < l->size; i++) {
        r = mpy__list_item_equals(l->items[i], args[0]);
        if (r != 0) {
            found = i;
            break;
        }
    }
    MPY_END_CRITICAL();
    if (r < 0)
        return NULL;
    if (found >= 0)
        return mpy_int_from_ssize(found);
    return mpy_err_format(mpy_exc_ValueError, "%R is not in list", args[0]);
}

static MpyObject *list_remove_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    MpyListObject *l = as_list(self);
    int r = 0;
    MpyObject *removed = NULL;
    MPY_BEGIN_CRITICAL(l);
    for (ptrdiff_t i = 0; i < l->size; i++) {
        r = mpy__list_item_equals(l->items[i], args[0]);
        if (r != 0) {
            if (r > 0 && i < l->size) { // __eq__ may have shrunk the list
                removed = l->items[i];
                memmove(&l->items[i], &l->items[i + 1],
                        (size_t)(l->size - i - 1) * sizeof(MpyObject *));
                if (mpy__list_resize(l, l->size - 1) < 0)
                    mpy_err_clear(); // shrinking keeps the old block
            }
            break;
        }
    }
    MPY_END_CRITICAL();
    if (r < 0)
        return NULL;
    if (removed != NULL) {
        MPY_DECREF(removed); // after the section: its destructor may run any code
        return MPY_RETURN_NONE;
    }
    return mpy_err_format(mpy_exc_ValueError, "list.remove(x): x not in list");
}

static MpyObject *list_reverse_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                      MpyObject *kw)
{
    mpy_list_reverse(self);
    return MPY_RETURN_NONE;
}

/* list.sort(*, key=None, reverse=False); the algorithm is in list_sort.c. */
static MpyObject *list_sort_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    if (nargs > 0)
        return mpy_err_format(mpy_exc_TypeError, "sort() takes no positional arguments");
    MpyObject *key = NULL, *reverse = NULL;
    ptrdiff_t nkw = kwnames == NULL ? 0 : mpy_tuple_size(kwnames);
    for (ptrdiff_t i = 0; i < nkw; i++) {
        MpyObject *name = mpy_tuple_item(kwnames, i);
        if (mpy_str_equal_cstr(name, "key"))
            key = args[i];
        else if (mpy_str_equal_cstr(name, "reverse"))
            reverse = args[i];
        else
            return mpy_err_format(mpy_exc_TypeError, "%R is an invalid keyword argument for sort()",
                                  name);
    }
    bool rev = false;
    if (reverse != NULL) {
        ptrdiff_t r;
        if (mpy_is_small_int(reverse) || mpy_int_check(reverse)) {
            r = mpy_int_sign(reverse);
        } else {
            MpyObject *i = mpy_number_index(reverse);
            if (i == NULL)
                return NULL;
            r = mpy_int_sign(i);
            MPY_DECREF(i);
        }
        rev = r != 0;
    }
    if (mpy_list_sort(self, key == MPY_NONE ? NULL : key, rev) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *list_reversed_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                       MpyObject *kw)
{
    return mpy__list_reverse_iter(self);
}

static MpyObject *list_sizeof_method(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    size_t size = MPY_TYPE(self)->basicsize +
                  (size_t)MPY_FT_LOAD_RELAXED(as_list(self)->allocated) * sizeof(MpyObject *);
    return mpy_int_from_ssize((ptrdiff_t)size);
}

const MpyMethodDef mpy__list_methods[] = {
    {"__class_getitem__", mpy_generic_alias_class_getitem, MPY_METH_O | MPY_METH_CLASS, "See PEP 585"},
    {"__reversed__", list_reversed_method, MPY_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof_method, MPY_METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_method, MPY_METH_NOARGS, "Remove all items from list."},
    {"copy", list_copy_method, MPY_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", list_append_method, MPY_METH_O, "Append object to the end of the list."},
    {"insert", list_insert_method, MPY_METH_FASTCALL, "Insert object before index."},
    {"extend", list_extend_method, MPY_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", list_pop_method, MPY_METH_FASTCALL,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or "
     "index is out of range."},
    {"remove", list_remove_method, MPY_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", list_index_method, MPY_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count_method, MPY_METH_O, "Return number of occurrences of value."},
    {"reverse", list_reverse_method, MPY_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", list_sort_method, MPY_METH_FASTCALL,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list "
     "itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\nascending or "
     "descending, according to their function values.\n\nThe reverse flag can be set to sort in "
     "descending order."},
    {NULL},
};

