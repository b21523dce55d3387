/* runtime/embed_convert.c: the embedding API's objects: reference counts,
 * C values <-> Python objects, containers, attributes and calls.
 *
 * Models the parts of CPython's Objects/abstract.c, longobject.c,
 * floatobject.c, unicodeobject.c (UTF-8), listobject.c, tupleobject.c and
 * dictobject.c that Include/Python.h offers to an embedding program.
 *
 * Each function is a checked wrapper: it refuses NULL and wrongly typed
 * arguments with an exception (the core functions it calls trust their
 * callers and would crash), then calls the core.  Lists and tuples take
 * a direct path; other sequences and mappings go through the generic
 * protocol (mpy_object_getitem ...), so a host works with whatever Python
 * code hands it.
 */
#include "runtime/embed.h"

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* Enter the API and check that `o` is not NULL.  On failure the exception
 * (if any could be set) is set and false returned. */
static bool enter_with(const char *func, MpyObject *o, const char *param)
{
    if (!mpy__embed_enter(func))
        return false;
    if (o == NULL) {
        mpy__embed_null_arg(func, param);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Reference counts and types                                           */

void mpy_object_incref(MpyObject *o)
{
    if (o != NULL)
        mpy_incref(o);
}

void mpy_object_decref(MpyObject *o)
{
    if (o != NULL)
        mpy_decref(o);
}

MpyObject *mpy_object_newref(MpyObject *o)
{
    if (o != NULL)
        mpy_incref(o);
    return o;
}

intptr_t mpy_object_refcount(MpyObject *o)
{
    if (!enter_with("mpy_object_refcount", o, "o"))
        return -1;
    return mpy_refcnt(o);
}

int mpy_object_is_instance(MpyObject *o, MpyType *type)
{
    static const char func[] = "mpy_object_is_instance";
    if (!enter_with(func, o, "o") || !enter_with(func, (MpyObject *)type, "type"))
        return -1;
    return mpy_object_type_is(o, type);
}

const char *mpy_object_type_name(MpyObject *o)
{
    if (!enter_with("mpy_object_type_name", o, "o"))
        return NULL;
    return mpy_type_name_of(o);
}

/* ------------------------------------------------------------------ */
/* Generic operations                                                   */

MpyObject *mpy_object_to_str(MpyObject *o)
{
    return enter_with("mpy_object_to_str", o, "o") ? mpy_object_str(o) : NULL;
}

MpyObject *mpy_object_to_repr(MpyObject *o)
{
    return enter_with("mpy_object_to_repr", o, "o") ? mpy_object_repr(o) : NULL;
}

int mpy_object_truth(MpyObject *o)
{
    return enter_with("mpy_object_truth", o, "o") ? mpy_object_is_true(o) : -1;
}

ptrdiff_t mpy_object_size(MpyObject *o)
{
    return enter_with("mpy_object_size", o, "o") ? mpy_object_length(o) : -1;
}

bool mpy_object_is_callable(MpyObject *o)
{
    return o != NULL && mpy__embed_enter("mpy_object_is_callable") && mpy_callable_check(o);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

static bool enter_attr(const char *func, MpyObject *o, const char *name)
{
    if (!enter_with(func, o, "o"))
        return false;
    if (name == NULL) {
        mpy__embed_null_arg(func, "name");
        return false;
    }
    return true;
}

MpyObject *mpy_attr_get(MpyObject *o, const char *name)
{
    return enter_attr("mpy_attr_get", o, name) ? mpy_object_getattr_cstr(o, name) : NULL;
}

int mpy_attr_set(MpyObject *o, const char *name, MpyObject *value)
{
    return enter_attr("mpy_attr_set", o, name) ? mpy_object_setattr_cstr(o, name, value) : -1;
}

int mpy_attr_has(MpyObject *o, const char *name)
{
    if (!enter_attr("mpy_attr_has", o, name))
        return -1;
    MpyObject *key = mpy_str_from_cstr(name);
    if (key == NULL)
        return -1;
    int found = mpy_object_hasattr(o, key);
    MPY_DECREF(key);
    return found;
}

/* ------------------------------------------------------------------ */
/* Calls                                                                */

/* The callable and every one of the `nargs` arguments are there. */
static bool check_call(const char *func, MpyObject *callable, MpyObject *const *args, size_t nargs)
{
    if (!enter_with(func, callable, "callable"))
        return false;
    if (nargs > 0 && args == NULL) {
        mpy__embed_null_arg(func, "args");
        return false;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == NULL) {
            mpy_err_format(mpy_exc_SystemError, "%s(): argument %zu is NULL", func, i);
            return false;
        }
    }
    return true;
}

MpyObject *mpy_call(MpyObject *callable, MpyObject *const *args, size_t nargs)
{
    if (!check_call("mpy_call", callable, args, nargs))
        return NULL;
    return mpy_object_call(callable, args, nargs, NULL);
}

MpyObject *mpy_call_kw(MpyObject *callable, MpyObject *const *args, size_t nargs, MpyObject *kwargs)
{
    static const char func[] = "mpy_call_kw";
    if (!check_call(func, callable, args, nargs))
        return NULL;
    if (kwargs == NULL)
        return mpy_object_call(callable, args, nargs, NULL);
    if (!mpy_dict_check(kwargs))
        return mpy_err_format(mpy_exc_TypeError, "%s(): kwargs must be a dict, not %T", func, kwargs);
    MpyObject *tuple = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (tuple == NULL)
        return NULL;
    MpyObject *result = mpy_object_call_tuple(callable, tuple, kwargs);
    MPY_DECREF(tuple);
    return result;
}

MpyObject *mpy_call_method(MpyObject *o, const char *name, MpyObject *const *args, size_t nargs)
{
    static const char func[] = "mpy_call_method";
    if (!check_call(func, o, args, nargs))
        return NULL;
    if (name == NULL)
        return mpy__embed_null_arg(func, "name");
    return mpy_object_call_method_cstr(o, name, args, nargs);
}

/* ------------------------------------------------------------------ */
/* None, bool, numbers                                                  */

MpyObject *mpy_none(void)
{
    return mpy__embed_enter("mpy_none") ? MPY_NEWREF(MPY_NONE) : NULL;
}

bool mpy_object_is_none(MpyObject *o)
{
    return o == MPY_NONE;
}

MpyObject *mpy_bool_create(int v)
{
    return mpy__embed_enter("mpy_bool_create") ? MPY_NEWREF(mpy_bool_from(v != 0)) : NULL;
}

MpyObject *mpy_int_create(int64_t v)
{
    return mpy__embed_enter("mpy_int_create") ? mpy_int_from_long((long long)v) : NULL;
}

int mpy_int_to_int64(MpyObject *o, int64_t *out)
{
    static const char func[] = "mpy_int_to_int64";
    if (!enter_with(func, o, "o"))
        return -1;
    if (out == NULL) {
        mpy__embed_null_arg(func, "out");
        return -1;
    }
    MpyObject *index = mpy_number_index(o);  // int, bool or __index__
    if (index == NULL)
        return -1;
    long long v;
    bool fits = mpy_int_to_long_exact(index, &v);
    MPY_DECREF(index);
    if (!fits) {
        mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C int64_t");
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

MpyObject *mpy_float_create(double v)
{
    return mpy__embed_enter("mpy_float_create") ? mpy_float_from_double(v) : NULL;
}

int mpy_float_to_double(MpyObject *o, double *out)
{
    static const char func[] = "mpy_float_to_double";
    if (!enter_with(func, o, "o"))
        return -1;
    if (out == NULL) {
        mpy__embed_null_arg(func, "out");
        return -1;
    }
    MpyObject *saved = mpy_err_fetch();  // so that -1.0 can be told from an error
    double v = mpy_float_as_double(o);
    bool failed = v == -1.0 && mpy_err_occurred() != NULL;
    if (saved != NULL && !failed)
        mpy_err_restore_raw(saved);
    else
        MPY_XDECREF(saved);
    if (failed)
        return -1;
    *out = v;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */

MpyObject *mpy_str_create(const char *utf8)
{
    static const char func[] = "mpy_str_create";
    if (!mpy__embed_enter(func))
        return NULL;
    if (utf8 == NULL)
        return mpy__embed_null_arg(func, "utf8");
    return mpy_str_from_utf8(utf8, strlen(utf8));
}

MpyObject *mpy_str_create_n(const char *utf8, size_t n)
{
    static const char func[] = "mpy_str_create_n";
    if (!mpy__embed_enter(func))
        return NULL;
    if (utf8 == NULL && n > 0)
        return mpy__embed_null_arg(func, "utf8");
    return n == 0 ? mpy_str_empty() : mpy_str_from_utf8(utf8, n);
}

const char *mpy_str_to_utf8(MpyObject *s, size_t *len)
{
    static const char func[] = "mpy_str_to_utf8";
    if (!enter_with(func, s, "s"))
        return NULL;
    if (!mpy_str_check(s)) {
        mpy_err_format(mpy_exc_TypeError, "%s(): expected str, not %T", func, s);
        return NULL;
    }
    if (len != NULL)
        *len = (size_t)mpy_str_size(s);
    return mpy_str_utf8(s);
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */

MpyObject *mpy_list_create(void)
{
    return mpy__embed_enter("mpy_list_create") ? mpy_list_new(0) : NULL;
}

MpyObject *mpy_tuple_create(ptrdiff_t n)
{
    if (!mpy__embed_enter("mpy_tuple_create"))
        return NULL;
    if (n < 0)
        return mpy_err_format(mpy_exc_ValueError, "mpy_tuple_create(): negative size %zd", n);
    MpyObject *tuple = mpy_tuple_new(n);
    for (ptrdiff_t i = 0; tuple != NULL && i < n; i++)
        mpy_tuple_init_take(tuple, i, MPY_NEWREF(MPY_NONE));
    return tuple;
}

MpyObject *mpy_dict_create(void)
{
    return mpy__embed_enter("mpy_dict_create") ? mpy_dict_new() : NULL;
}

/* The index object for the generic protocol.  Returns: new ref or NULL. */
static MpyObject *index_object(ptrdiff_t i)
{
    return mpy_int_from_ssize(i);
}

MpyObject *mpy_sequence_get(MpyObject *seq, ptrdiff_t i)
{
    if (!enter_with("mpy_sequence_get", seq, "seq"))
        return NULL;
    if (mpy_list_check_exact(seq))
        return mpy_list_get(seq, i < 0 ? i + mpy_list_size(seq) : i);
    if (mpy_tuple_check_exact(seq)) {
        ptrdiff_t n = mpy_tuple_size(seq);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return mpy_err_format(mpy_exc_IndexError, "tuple index out of range");
        return MPY_NEWREF(mpy_tuple_item(seq, i));
    }
    MpyObject *key = index_object(i);
    MpyObject *item = key != NULL ? mpy_object_getitem(seq, key) : NULL;
    MPY_XDECREF(key);
    return item;
}

/* Filling a tuple that only the caller holds (CPython's PyTuple_SetItem
 * rule).  Returns 0 / -1. */
static int tuple_fill(MpyObject *tuple, ptrdiff_t i, MpyObject *item)
{
    if (mpy_refcnt(tuple) != 1) {
        mpy_err_set(mpy_exc_TypeError, "'tuple' object does not support item assignment");
        return -1;
    }
    ptrdiff_t n = mpy_tuple_size(tuple);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        mpy_err_set(mpy_exc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    MpyObject **items = mpy_tuple_items(tuple);
    MPY_SETREF(items[i], MPY_NEWREF(item));
    return 0;
}

int mpy_sequence_set(MpyObject *seq, ptrdiff_t i, MpyObject *item)
{
    static const char func[] = "mpy_sequence_set";
    if (!enter_with(func, seq, "seq") || !enter_with(func, item, "item"))
        return -1;
    if (mpy_list_check_exact(seq))
        return mpy_list_set(seq, i < 0 ? i + mpy_list_size(seq) : i, item);
    if (mpy_tuple_check_exact(seq))
        return tuple_fill(seq, i, item);
    MpyObject *key = index_object(i);
    int result = key != NULL ? mpy_object_setitem(seq, key, item) : -1;
    MPY_XDECREF(key);
    return result;
}

int mpy_sequence_append(MpyObject *list, MpyObject *item)
{
    static const char func[] = "mpy_sequence_append";
    if (!enter_with(func, list, "list") || !enter_with(func, item, "item"))
        return -1;
    if (mpy_list_check_exact(list))
        return mpy_list_append(list, item);
    MpyObject *r = mpy_object_call_method_cstr(list, "append", &item, 1);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

MpyObject *mpy_mapping_get(MpyObject *mapping, MpyObject *key)
{
    static const char func[] = "mpy_mapping_get";
    if (!enter_with(func, mapping, "mapping") || !enter_with(func, key, "key"))
        return NULL;
    if (!mpy_dict_check_exact(mapping))  // subclasses may have __missing__
        return mpy_object_getitem(mapping, key);
    MpyObject *value = mpy_dict_get(mapping, key);
    if (value == NULL && !mpy_err_occurred())
        mpy_err_key_error(key);
    return value;
}

MpyObject *mpy_mapping_get_str(MpyObject *mapping, const char *key)
{
    static const char func[] = "mpy_mapping_get_str";
    if (!enter_with(func, mapping, "mapping"))
        return NULL;
    if (key == NULL)
        return mpy__embed_null_arg(func, "key");
    MpyObject *k = mpy_str_from_cstr(key);
    MpyObject *value = k != NULL ? mpy_mapping_get(mapping, k) : NULL;
    MPY_XDECREF(k);
    return value;
}

int mpy_mapping_set(MpyObject *mapping, MpyObject *key, MpyObject *value)
{
    static const char func[] = "mpy_mapping_set";
    if (!enter_with(func, mapping, "mapping") || !enter_with(func, key, "key") ||
        !enter_with(func, value, "value"))
        return -1;
    if (mpy_dict_check_exact(mapping))
        return mpy_dict_set(mapping, key, value);
    return mpy_object_setitem(mapping, key, value);
}

int mpy_mapping_set_str(MpyObject *mapping, const char *key, MpyObject *value)
{
    static const char func[] = "mpy_mapping_set_str";
    if (!enter_with(func, mapping, "mapping"))
        return -1;
    if (key == NULL) {
        mpy__embed_null_arg(func, "key");
        return -1;
    }
    MpyObject *k = mpy_str_from_cstr(key);
    int result = k != NULL ? mpy_mapping_set(mapping, k, value) : -1;
    MPY_XDECREF(k);
    return result;
}

int mpy_mapping_del_str(MpyObject *mapping, const char *key)
{
    static const char func[] = "mpy_mapping_del_str";
    if (!enter_with(func, mapping, "mapping"))
        return -1;
    if (key == NULL) {
        mpy__embed_null_arg(func, "key");
        return -1;
    }
    MpyObject *k = mpy_str_from_cstr(key);
    int result = k != NULL ? mpy_object_delitem(mapping, k) : -1;
    MPY_XDECREF(k);
    return result;
}

MpyObject *mpy_mapping_keys(MpyObject *mapping)
{
    if (!enter_with("mpy_mapping_keys", mapping, "mapping"))
        return NULL;
    if (mpy_dict_check_exact(mapping))
        return mpy_dict_keys(mapping);
    MpyObject *view = mpy_object_call_method_cstr(mapping, "keys", NULL, 0);
    MpyObject *list = view != NULL ? mpy_list_from_iterable(view) : NULL;
    MPY_XDECREF(view);
    return list;
}
