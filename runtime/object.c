/* runtime/object.c: the generic object protocol: repr/str, hashing,
 * comparison, truth, attributes, calls, iteration and containers.
 *
 * Models CPython's Objects/object.c and the call/iteration/mapping parts of
 * Objects/abstract.c (numbers are in runtime/abstract.c).  Every function
 * here dispatches through the type's slots, adding the checks and error
 * messages Python defines ("'int' object is not callable", "__repr__
 * returned non-string (type int)").
 */
#include "runtime/object.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* Reference counts                                                     */

static void call_dealloc(MpyObject *o)
{
    MpyDeallocFunc dealloc = o->ob_type->dealloc;
    if (dealloc != NULL)
        dealloc(o);
    else
        mpy_object_free(o); /* types that own nothing but their memory */
}

/* The dealloc depth guard (CPython's "trashcan", Py_TRASHCAN_BEGIN):
 * freeing a list that holds a list that holds a list ... a million deep,
 * or a linked list of instances, would nest a million deallocs on the C
 * stack and crash.  Past DEALLOC_MAX_DEPTH nested deallocs, an object is
 * parked in a per-thread array instead, and the outermost mpy__dealloc
 * frees the parked ones after its own, each starting a new, shallow
 * nest.  A parked object has a count of 0 and nothing refers to it; it is
 * untracked first so that a collection meanwhile cannot see it. */
enum { DEALLOC_MAX_DEPTH = 200 };
static _Thread_local int dealloc_depth;
static _Thread_local MpyObject **parked;
static _Thread_local size_t parked_len, parked_cap;

static bool park(MpyObject *o)
{
    if (parked_len == parked_cap) {
        size_t cap = parked_cap ? parked_cap * 2 : 256;
        MpyObject **bigger = realloc(parked, cap * sizeof *bigger);
        if (bigger == NULL)
            return false; /* no memory: recurse after all */
        parked = bigger;
        parked_cap = cap;
    }
    if (mpy_object_is_gc(o))
        mpy_gc_untrack(o);
    parked[parked_len++] = o;
    return true;
}

void mpy__dealloc(MpyObject *o)
{
    if (dealloc_depth >= DEALLOC_MAX_DEPTH && park(o))
        return;
    dealloc_depth++;
    call_dealloc(o);
    if (dealloc_depth == 1 && parked != NULL) {
        while (parked_len > 0)
            call_dealloc(parked[--parked_len]);
        free(parked); /* a thread may exit next: keep nothing */
        parked = NULL;
        parked_cap = 0;
    }
    dealloc_depth--;
}

intptr_t mpy_refcnt(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return 4294967295; /* what CPython 3.12 reports for immortal small ints */
    return mpy__is_immortal(o) ? 4294967295 : mpy__refcnt_total(o);
}

void mpy_object_immortalize(MpyObject *o)
{
    if (!mpy_is_small_int(o))
        mpy__refcnt_make_immortal(o);
}

/* ------------------------------------------------------------------ */
/* Recursion guards                                                     */

int mpy_enter_recursive_call(const char *where)
{
    MpyThreadState *tstate = mpy__tstate_get();
    if (MPY_UNLIKELY(mpy__c_stack_exhausted(tstate)) ||
        MPY_UNLIKELY(++tstate->c_depth > 50000)) {
        if (!mpy__c_stack_exhausted(tstate))
            tstate->c_depth--;
        mpy_err_format(mpy_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void mpy_leave_recursive_call(void)
{
    mpy__tstate_get()->c_depth--;
}

int mpy_repr_enter(MpyObject *o)
{
    MpyThreadState *tstate = mpy__tstate_get();
    if (tstate->repr_stack == NULL && (tstate->repr_stack = mpy_list_new(0)) == NULL)
        return -1;
    MpyListObject *stack = (MpyListObject *)tstate->repr_stack;
    for (ptrdiff_t i = 0; i < stack->size; i++) {
        if (stack->items[i] == o)
            return 1;
    }
    return mpy_list_append(tstate->repr_stack, o) < 0 ? -1 : 0;
}

void mpy_repr_leave(MpyObject *o)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyListObject *stack = (MpyListObject *)tstate->repr_stack;
    if (stack == NULL)
        return;
    for (ptrdiff_t i = stack->size - 1; i >= 0; i--) {
        if (stack->items[i] == o) {
            /* Remove without running any code: the item is `o`, which the
             * caller still references. */
            MpyObject *item = stack->items[i];
            memmove(&stack->items[i], &stack->items[i + 1],
                    (size_t)(stack->size - i - 1) * sizeof(MpyObject *));
            stack->size--;
            MPY_DECREF(item);
            return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* repr, str, hash                                                      */

MpyObject *mpy_object_default_repr(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    MpyObject *module = mpy_type_module_name(t);
    MpyObject *qual = mpy_type_qualname(t);
    MpyObject *r = NULL;
    if (module != NULL && qual != NULL) {
        if (mpy_str_equal_cstr(module, "builtins"))
            r = mpy_str_from_format("<%U object at %p>", qual, (void *)o);
        else
            r = mpy_str_from_format("<%U.%U object at %p>", module, qual, (void *)o);
    }
    MPY_XDECREF(module);
    MPY_XDECREF(qual);
    return r;
}

static MpyObject *check_str_result(MpyObject *r, const char *what)
{
    if (r != NULL && !mpy_str_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "%s returned non-string (type %T)", what, r);
        MPY_DECREF(r);
        return NULL;
    }
    return r;
}

MpyObject *mpy_object_repr(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    if (t->repr == NULL)
        return mpy_object_default_repr(o);
    if (mpy_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    MpyObject *r = t->repr(o);
    mpy_leave_recursive_call();
    return check_str_result(r, "__repr__");
}

MpyObject *mpy_object_str(MpyObject *o)
{
    if (mpy_str_check_exact(o))
        return MPY_NEWREF(o);
    MpyType *t = MPY_TYPE(o);
    if (t->str == NULL)
        return mpy_object_repr(o);
    if (mpy_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    MpyObject *r = t->str(o);
    mpy_leave_recursive_call();
    return check_str_result(r, "__str__");
}

MpyObject *mpy_object_ascii(MpyObject *o)
{
    MpyObject *r = mpy_object_repr(o);
    if (r == NULL || ((MpyStrObject *)r)->ascii)
        return r;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    const char *p = mpy_str_utf8(r), *end = p + mpy_str_size(r);
    while (p < end) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        p += len;
        int err;
        if (c < 0x80)
            err = mpy_sb_append_char(&sb, c);
        else if (c < 0x100)
            err = mpy_sb_printf(&sb, "\\x%02x", c);
        else if (c < 0x10000)
            err = mpy_sb_printf(&sb, "\\u%04x", c);
        else
            err = mpy_sb_printf(&sb, "\\U%08x", c);
        if (err < 0) {
            mpy_sb_discard(&sb);
            MPY_DECREF(r);
            return NULL;
        }
    }
    MPY_DECREF(r);
    return mpy_sb_finish(&sb);
}

MpyHash mpy_hash_pointer(const void *p)
{
    /* Rotate by 4 so the always-zero alignment bits do not waste hash
     * table slots (CPython's _Py_HashPointer). */
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    MpyHash h = (MpyHash)y;
    return h == -1 ? -2 : h;
}

MpyHash mpy_hash_unhashable(MpyObject *o)
{
    mpy_err_format(mpy_exc_TypeError, "unhashable type: '%T'", o);
    return -1;
}

MpyHash mpy_object_hash(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return mpy_int_hash(o);
    MpyType *t = o->ob_type;
    if (t->hash == NULL)
        return mpy_hash_unhashable(o);
    return t->hash(o);
}

/* ------------------------------------------------------------------ */
/* Comparison and truth                                                 */

static const int swapped_op[] = {MPY_GT, MPY_GE, MPY_EQ, MPY_NE, MPY_LT, MPY_LE};
static const char *const op_strings[] = {"<", "<=", "==", "!=", ">", ">="};

static MpyObject *do_richcompare(MpyObject *a, MpyObject *b, int op)
{
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b);
    bool checked_reverse = false;
    MpyObject *r;
    if (ta != tb && mpy_type_is_subtype(tb, ta) && tb->richcompare != NULL) {
        checked_reverse = true;
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    if (ta->richcompare != NULL) {
        r = ta->richcompare(a, b, op);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    if (!checked_reverse && tb->richcompare != NULL) {
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    if (op == MPY_EQ)
        return MPY_NEWREF(mpy_bool_from(a == b));
    if (op == MPY_NE)
        return MPY_NEWREF(mpy_bool_from(a != b));
    return mpy_err_format(mpy_exc_TypeError, "'%s' not supported between instances of '%T' and '%T'",
                          op_strings[op], a, b);
}

MpyObject *mpy_object_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (mpy_is_small_int(a) && mpy_is_small_int(b)) {
        intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b);
        bool r = op == MPY_LT ? x < y : op == MPY_LE ? x <= y : op == MPY_EQ ? x == y
                 : op == MPY_NE ? x != y : op == MPY_GT ? x > y : x >= y;
        return MPY_NEWREF(mpy_bool_from(r));
    }
    if (mpy_enter_recursive_call(" in comparison") < 0)
        return NULL;
    MpyObject *r = do_richcompare(a, b, op);
    mpy_leave_recursive_call();
    return r;
}

int mpy_object_richcompare_bool(MpyObject *a, MpyObject *b, int op)
{
    if (a == b) {
        if (op == MPY_EQ)
            return 1;
        if (op == MPY_NE)
            return 0;
    }
    MpyObject *r = mpy_object_richcompare(a, b, op);
    if (r == NULL)
        return -1;
    int t = r == MPY_TRUE ? 1 : r == MPY_FALSE ? 0 : mpy_object_is_true(r);
    MPY_DECREF(r);
    return t;
}

int mpy_object_is_true(MpyObject *o)
{
    if (o == MPY_TRUE)
        return 1;
    if (o == MPY_FALSE || o == MPY_NONE)
        return 0;
    if (mpy_is_small_int(o))
        return mpy_small_int_value(o) != 0;
    MpyType *t = o->ob_type;
    if (t->nb_bool != NULL)
        return t->nb_bool(o);
    if (t->len != NULL) {
        ptrdiff_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int mpy_object_not(MpyObject *o)
{
    int r = mpy_object_is_true(o);
    return r < 0 ? r : !r;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

MpyObject *mpy__object_ensure_dict(MpyObject **dictptr)
{
    MpyObject *dict = MPY_FT_LOAD_ACQUIRE(*dictptr);
    if (dict != NULL)
        return dict;
    dict = mpy_dict_new();
    if (dict == NULL)
        return NULL;
#if MPY_FREE_THREADED
    /* Two threads may set the first attribute at once: one dict wins. */
    MpyObject *expected = NULL;
    if (!__atomic_compare_exchange_n(dictptr, &expected, dict, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        MPY_DECREF(dict);
        return expected;
    }
#else
    *dictptr = dict;
#endif
    return dict;
}

MpyObject **mpy_object_dict_ptr(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return NULL;
    MpyType *t = o->ob_type;
    if (mpy_type_has_flag(t, MPY_TPFLAGS_MANAGED_DICT))
        return mpy__managed_dict_ptr(o);
    if (t->dictoffset != 0)
        return (MpyObject **)((char *)o + t->dictoffset);
    return NULL;
}

/* Raise AttributeError "'X' object has no attribute 'name'" with .name
 * and .obj set, as CPython 3.10+ does. */
static void raise_no_attribute(MpyObject *o, MpyObject *name)
{
    MpyObject *msg;
    if (mpy_module_check(o)) {
        MpyObject *modname = mpy_module_get_name(o);
        msg = modname ? mpy_str_from_format("module '%U' has no attribute '%U'", modname, name)
                      : mpy_str_from_format("module has no attribute '%U'", name);
    } else {
        msg = mpy_str_from_format("'%T' object has no attribute '%U'", o, name);
    }
    if (msg == NULL)
        return;
    MpyObject *exc = mpy_exc_new(mpy_exc_AttributeError, &msg, 1);
    MPY_DECREF(msg);
    if (exc == NULL)
        return;
    mpy_object_setattr_cstr(exc, "name", name);
    mpy_object_setattr_cstr(exc, "obj", o);
    mpy_err_restore(exc);
}

/* The generic lookup; `suppress`: a missing attribute returns NULL with
 * no exception. */
/* A descriptor's AttributeError (an unset slot, a property) means "no such
 * attribute" to lookups that do not raise (hasattr, getattr with default).
 * Returns: `r`, or NULL with the AttributeError cleared. */
static MpyObject *suppress_attribute_error(MpyObject *r)
{
    if (r == NULL && mpy_err_matches(mpy_exc_AttributeError))
        mpy_err_clear();
    return r;
}

/* `dict`: the instance dict to search, or NULL for the object's own. */
static MpyObject *generic_getattr_in(MpyObject *o, MpyObject *name, MpyObject *dict, bool suppress)
{
    MpyType *t = MPY_TYPE(o);
    MpyObject *descr = mpy_type_lookup(t, name);
    MpyDescrGetFunc get = NULL;
    if (descr != NULL) {
        MPY_INCREF(descr);
        get = MPY_TYPE(descr)->descr_get;
        if (get != NULL && MPY_TYPE(descr)->descr_set != NULL) {
            MpyObject *r = get(descr, o, (MpyObject *)t);
            MPY_DECREF(descr);
            return suppress ? suppress_attribute_error(r) : r;
        }
    }
    if (dict == NULL) {
        MpyObject **dictptr = mpy_object_dict_ptr(o);
        dict = dictptr != NULL ? *dictptr : NULL;
    }
    if (dict != NULL) {
        MpyObject *v = mpy_str_check_exact(name) ? mpy_dict_get_str_borrowed(dict, name)
                                                  : mpy_dict_get(dict, name);
        if (v != NULL) {
            if (mpy_str_check_exact(name))
                MPY_INCREF(v);
            MPY_XDECREF(descr);
            return v;
        }
        if (mpy_err_occurred()) {
            MPY_XDECREF(descr);
            return NULL;
        }
    }
    if (get != NULL) {
        MpyObject *r = get(descr, o, (MpyObject *)t);
        MPY_DECREF(descr);
        return suppress ? suppress_attribute_error(r) : r;
    }
    if (descr != NULL)
        return descr;
    if (!suppress)
        raise_no_attribute(o, name);
    return NULL;
}

static MpyObject *generic_getattr(MpyObject *o, MpyObject *name, bool suppress)
{
    return generic_getattr_in(o, name, NULL, suppress);
}

MpyObject *mpy__object_generic_getattr_dict(MpyObject *o, MpyObject *name, MpyObject *dict)
{
    return generic_getattr_in(o, name, dict, false);
}

MpyObject *mpy_object_generic_getattr(MpyObject *o, MpyObject *name)
{
    return generic_getattr(o, name, false);
}

MpyObject *mpy__object_generic_lookup(MpyObject *o, MpyObject *name)
{
    return generic_getattr(o, name, true);
}

static int check_name(MpyObject *name)
{
    if (mpy_str_check(name))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

MpyObject *mpy_object_getattr(MpyObject *o, MpyObject *name)
{
    if (check_name(name) < 0)
        return NULL;
    MpyType *t = MPY_TYPE(o);
    if (t->getattr != NULL)
        return t->getattr(o, name);
    return generic_getattr(o, name, false);
}

MpyObject *mpy_object_getattr_cstr(MpyObject *o, const char *name)
{
    MpyObject *s = mpy_str_intern_cstr(name);
    return s ? mpy_object_getattr(o, s) : NULL;
}

MpyObject *mpy_object_lookup_attr(MpyObject *o, MpyObject *name)
{
    MpyType *t = MPY_TYPE(o);
    if (t->getattr == NULL || t->getattr == mpy_object_generic_getattr)
        return generic_getattr(o, name, true);
    MpyObject *r = mpy_object_getattr(o, name);
    if (r == NULL && mpy_err_matches(mpy_exc_AttributeError))
        mpy_err_clear();
    return r;
}

int mpy_object_hasattr(MpyObject *o, MpyObject *name)
{
    MpyObject *r = mpy_object_lookup_attr(o, name);
    if (r == NULL)
        return mpy_err_occurred() ? -1 : 0;
    MPY_DECREF(r);
    return 1;
}

int mpy_object_generic_setattr(MpyObject *o, MpyObject *name, MpyObject *value)
{
    return mpy__object_generic_setattr_dict(o, name, value, NULL);
}

int mpy__object_generic_setattr_dict(MpyObject *o, MpyObject *name, MpyObject *value, MpyObject *dict)
{
    MpyType *t = MPY_TYPE(o);
    MpyObject *descr = mpy_type_lookup(t, name);
    if (descr != NULL && MPY_TYPE(descr)->descr_set != NULL) {
        MPY_INCREF(descr);
        int r = MPY_TYPE(descr)->descr_set(descr, o, value);
        MPY_DECREF(descr);
        return r;
    }
    if (dict != NULL) {
        if (value != NULL)
            return mpy_dict_set(dict, name, value);
        if (mpy_dict_del(dict, name) == 0)
            return 0;
        if (mpy_err_matches(mpy_exc_KeyError)) {
            mpy_err_clear();
            raise_no_attribute(o, name);
        }
        return -1;
    }
    MpyObject **dictptr = mpy_object_dict_ptr(o);
    if (dictptr == NULL) {
        if (descr == NULL)
            mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute '%U'", o, name);
        else
            mpy_err_format(mpy_exc_AttributeError, "'%T' object attribute '%U' is read-only", o, name);
        return -1;
    }
    if (value == NULL) {
        if (*dictptr == NULL || mpy_dict_del(*dictptr, name) < 0) {
            if (*dictptr == NULL || mpy_err_matches(mpy_exc_KeyError)) {
                mpy_err_clear();
                raise_no_attribute(o, name);
            }
            return -1;
        }
        return 0;
    }
    dict = mpy__object_ensure_dict(dictptr);
    return dict == NULL ? -1 : mpy_dict_set(dict, name, value);
}

int mpy_object_setattr(MpyObject *o, MpyObject *name, MpyObject *value)
{
    if (check_name(name) < 0)
        return -1;
    MpyType *t = MPY_TYPE(o);
    if (t->setattr != NULL)
        return t->setattr(o, name, value);
    if (t->getattr != NULL && t->getattr != mpy_object_generic_getattr && mpy_is_small_int(o)) {
        mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute '%U'", o, name);
        return -1;
    }
    return mpy_object_generic_setattr(o, name, value);
}

int mpy_object_setattr_cstr(MpyObject *o, const char *name, MpyObject *value)
{
    MpyObject *s = mpy_str_intern_cstr(name);
    return s ? mpy_object_setattr(o, s, value) : -1;
}

int mpy_object_get_method(MpyObject *o, MpyObject *name, MpyObject **method)
{
    MpyType *t = MPY_TYPE(o);
    *method = NULL;
    if (t->getattr != NULL && t->getattr != mpy_object_generic_getattr) {
        *method = mpy_object_getattr(o, name);
        return *method == NULL ? -1 : 0;
    }
    MpyObject *descr = mpy_type_lookup(t, name);
    if (descr != NULL && mpy_type_has_flag(MPY_TYPE(descr), MPY_TPFLAGS_METHOD_DESCRIPTOR)) {
        /* A function on the class: unless the instance dict shadows it,
         * call it with `o` prepended, without a bound method. */
        MpyObject **dictptr = mpy_object_dict_ptr(o);
        if (dictptr == NULL || *dictptr == NULL || mpy_dict_size(*dictptr) == 0 ||
            mpy_dict_get_str_borrowed(*dictptr, name) == NULL) {
            if (mpy_err_occurred())
                return -1;
            *method = MPY_NEWREF(descr);
            return 1;
        }
    }
    *method = generic_getattr(o, name, false);
    return *method == NULL ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Calls                                                                */

MpyObject *mpy_object_call(MpyObject *callable, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    MpyType *t = MPY_TYPE(callable);
    if (t->call == NULL)
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not callable", callable);
    MpyObject *r = t->call(callable, args, nargs, kwnames);
    MPY_ASSERT((r != NULL) != (mpy_err_occurred() != NULL));
    return r;
}

bool mpy_callable_check(MpyObject *o)
{
    return MPY_TYPE(o)->call != NULL;
}

MpyObject *mpy_object_call0(MpyObject *callable)
{
    return mpy_object_call(callable, NULL, 0, NULL);
}

MpyObject *mpy_object_call1(MpyObject *callable, MpyObject *arg)
{
    return mpy_object_call(callable, &arg, 1, NULL);
}

MpyObject *mpy_object_call2(MpyObject *callable, MpyObject *a, MpyObject *b)
{
    MpyObject *args[2] = {a, b};
    return mpy_object_call(callable, args, 2, NULL);
}

MpyObject *mpy_object_call_tuple(MpyObject *callable, MpyObject *args, MpyObject *kwargs)
{
    ptrdiff_t nargs = mpy_tuple_size(args);
    ptrdiff_t nkw = kwargs ? mpy_dict_size(kwargs) : 0;
    if (nkw == 0)
        return mpy_object_call(callable, mpy_tuple_items(args), (size_t)nargs, NULL);
    MpyObject **stack = mpy_mem_alloc((size_t)(nargs + nkw) * sizeof(MpyObject *));
    MpyObject *kwnames = mpy_tuple_new(nkw);
    MpyObject *r = NULL;
    if (stack == NULL || kwnames == NULL)
        goto done;
    for (ptrdiff_t i = 0; i < nargs; i++)
        stack[i] = mpy_tuple_item(args, i);
    ptrdiff_t pos = 0, k = 0;
    MpyObject *key, *value;
    while (mpy_dict_next(kwargs, &pos, &key, &value)) {
        if (!mpy_str_check(key)) {
            mpy_err_set(mpy_exc_TypeError, "keywords must be strings");
            goto done;
        }
        mpy_tuple_init_take(kwnames, k, MPY_NEWREF(key));
        stack[nargs + k] = value;
        k++;
    }
    r = mpy_object_call(callable, stack, (size_t)nargs, kwnames);
done:
    mpy_mem_free(stack);
    MPY_XDECREF(kwnames);
    return r;
}

MpyObject *mpy_object_call_method(MpyObject *o, MpyObject *name, MpyObject *const *args, size_t nargs)
{
    MpyObject *meth;
    int unbound = mpy_object_get_method(o, name, &meth);
    if (unbound < 0)
        return NULL;
    MpyObject *r;
    if (unbound) {
        MpyObject *small[8];
        MpyObject **stack = nargs + 1 <= 8 ? small : mpy_mem_alloc((nargs + 1) * sizeof(MpyObject *));
        if (stack == NULL) {
            MPY_DECREF(meth);
            return NULL;
        }
        stack[0] = o;
        for (size_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        r = mpy_object_call(meth, stack, nargs + 1, NULL);
        if (stack != small)
            mpy_mem_free(stack);
    } else {
        r = mpy_object_call(meth, args, nargs, NULL);
    }
    MPY_DECREF(meth);
    return r;
}

MpyObject *mpy_object_call_method_cstr(MpyObject *o, const char *name, MpyObject *const *args,
                                       size_t nargs)
{
    MpyObject *s = mpy_str_intern_cstr(name);
    return s ? mpy_object_call_method(o, s, args, nargs) : NULL;
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */

bool mpy_iter_check(MpyObject *o)
{
    return MPY_TYPE(o)->iternext != NULL;
}

MpyObject *mpy_object_get_iter(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    if (t->iter == NULL) {
        if (t->getitem != NULL && !mpy_dict_check(o))
            return mpy_seq_iter_new(o);
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not iterable", o);
    }
    MpyObject *it = t->iter(o);
    if (it != NULL && !mpy_iter_check(it)) {
        mpy_err_format(mpy_exc_TypeError, "iter() returned non-iterator of type '%T'", it);
        MPY_DECREF(it);
        return NULL;
    }
    return it;
}

MpyObject *mpy_iter_next(MpyObject *iter)
{
    MpyObject *r = MPY_TYPE(iter)->iternext(iter);
    if (r == NULL && mpy_err_matches(mpy_exc_StopIteration))
        mpy_err_clear();
    return r;
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */

ptrdiff_t mpy_object_length(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    if (t->len == NULL) {
        mpy_err_format(mpy_exc_TypeError, "object of type '%T' has no len()", o);
        return -1;
    }
    return t->len(o);
}

MpyObject *mpy_object_getitem(MpyObject *o, MpyObject *key)
{
    MpyType *t = MPY_TYPE(o);
    if (t->getitem != NULL)
        return t->getitem(o, key);
    if (mpy_type_check(o)) {
        MpyObject *meth = mpy_object_lookup_attr(o, MPY_ID(__class_getitem__));
        if (meth != NULL) {
            MpyObject *r = mpy_object_call1(meth, key);
            MPY_DECREF(meth);
            return r;
        }
        if (mpy_err_occurred())
            return NULL;
        // list[int], dict[str, int] ... (PEP 585) for the built-in generic
        // types whose method tables lack __class_getitem__.
        if (o == (MpyObject *)&mpy_list_type || o == (MpyObject *)&mpy_dict_type ||
            o == (MpyObject *)&mpy_tuple_type || o == (MpyObject *)&mpy_set_type ||
            o == (MpyObject *)&mpy_frozenset_type || o == (MpyObject *)&mpy_type_type)
            return mpy_generic_alias_new(o, key);
        return mpy_err_format(mpy_exc_TypeError, "type '%s' is not subscriptable", ((MpyType *)o)->name);
    }
    return mpy_err_format(mpy_exc_TypeError, "'%T' object is not subscriptable", o);
}

int mpy_object_setitem(MpyObject *o, MpyObject *key, MpyObject *value)
{
    MpyType *t = MPY_TYPE(o);
    if (t->setitem == NULL) {
        mpy_err_format(mpy_exc_TypeError, "'%T' object does not support item assignment", o);
        return -1;
    }
    return t->setitem(o, key, value);
}

int mpy_object_delitem(MpyObject *o, MpyObject *key)
{
    MpyType *t = MPY_TYPE(o);
    if (t->setitem == NULL) {
        // CPython words this differently when it tries the sequence
        // protocol (types with sequence slots, classes; integer keys).
        bool seq = t->getitem != NULL || t->len != NULL || t->contains != NULL ||
                   mpy_type_has_flag(t, MPY_TPFLAGS_HEAPTYPE);
        bool index = mpy_is_small_int(key) || MPY_TYPE(key)->nb_index != NULL;
        mpy_err_format(mpy_exc_TypeError,
                       seq && index ? "'%T' object doesn't support item deletion"
                                    : "'%T' object does not support item deletion", o);
        return -1;
    }
    return t->setitem(o, key, NULL);
}

int mpy_sequence_contains(MpyObject *container, MpyObject *item)
{
    MpyType *t = MPY_TYPE(container);
    if (t->contains != NULL)
        return t->contains(container, item);
    if (t->iter == NULL && t->getitem == NULL) {
        mpy_err_format(mpy_exc_TypeError, "argument of type '%T' is not iterable", container);
        return -1;
    }
    MpyObject *it = mpy_object_get_iter(container);
    if (it == NULL)
        return -1;
    int found = 0;
    MpyObject *x;
    while ((x = mpy_iter_next(it)) != NULL) {
        found = mpy_object_richcompare_bool(x, item, MPY_EQ);
        MPY_DECREF(x);
        if (found != 0)
            break;
    }
    MPY_DECREF(it);
    if (found == 0 && mpy_err_occurred())
        return -1;
    return found;
}

/* ------------------------------------------------------------------ */
/* isinstance / issubclass                                              */

bool mpy_type_is_subtype(MpyType *a, MpyType *b)
{
    if (a == b)
        return true;
    MpyObject *mro = a->mro;
    if (mro != NULL) {
        ptrdiff_t n = mpy_tuple_size(mro);
        for (ptrdiff_t i = 0; i < n; i++) {
            if ((MpyType *)mpy_tuple_item(mro, i) == b)
                return true;
        }
        return false;
    }
    for (MpyType *t = a; t != NULL; t = t->base) {
        if (t == b)
            return true;
    }
    return b == &mpy_object_type;
}

static int recursive_check(MpyObject *o, MpyObject *cls, bool instance)
{
    if (mpy_tuple_check(cls)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(cls); i++) {
            int r = instance ? mpy_object_isinstance(o, mpy_tuple_item(cls, i))
                             : mpy_object_issubclass(o, mpy_tuple_item(cls, i));
            if (r != 0)
                return r;
        }
        return 0;
    }
    /* A metaclass may override the check (abc.ABCMeta). */
    MpyType *meta = MPY_TYPE(cls);
    if (meta != &mpy_type_type) {
        MpyObject *hook = mpy_type_lookup(meta, instance ? MPY_ID(__instancecheck__)
                                                         : MPY_ID(__subclasscheck__));
        MpyObject *base_hook = mpy_type_lookup(&mpy_type_type, instance ? MPY_ID(__instancecheck__)
                                                                        : MPY_ID(__subclasscheck__));
        if (hook != NULL && hook != base_hook) {
            MpyObject *args[2] = {cls, o};
            MpyObject *r = mpy_object_call(hook, args, 2, NULL);
            if (r == NULL)
                return -1;
            int t = mpy_object_is_true(r);
            MPY_DECREF(r);
            return t;
        }
    }
    if (!mpy_type_check(cls)) {
        mpy_err_format(mpy_exc_TypeError, instance
                           ? "isinstance() arg 2 must be a type, a tuple of types, or a union"
                           : "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (instance)
        return mpy_type_is_subtype(MPY_TYPE(o), (MpyType *)cls);
    if (!mpy_type_check(o)) {
        mpy_err_set(mpy_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return mpy_type_is_subtype((MpyType *)o, (MpyType *)cls);
}

int mpy_object_isinstance(MpyObject *o, MpyObject *cls)
{
    if (MPY_TYPE(o) == (MpyType *)cls)
        return 1;
    if (mpy_enter_recursive_call(" in __instancecheck__") < 0)
        return -1;
    int r = recursive_check(o, cls, true);
    mpy_leave_recursive_call();
    return r;
}

int mpy_object_issubclass(MpyObject *derived, MpyObject *cls)
{
    if (mpy_enter_recursive_call(" in __subclasscheck__") < 0)
        return -1;
    int r = recursive_check(derived, cls, false);
    mpy_leave_recursive_call();
    return r;
}

/* ------------------------------------------------------------------ */
/* dir()                                                                */

MpyObject *mpy_object_dir(MpyObject *o)
{
    /* A special method: looked up on the type, not the instance (so
     * dir(list) uses type.__dir__, not the unbound object.__dir__). */
    MpyObject *meth = mpy_type_lookup(MPY_TYPE(o), MPY_ID(__dir__));
    if (meth == NULL)
        return mpy_err_format(mpy_exc_TypeError, "object does not provide __dir__");
    MpyObject *r = mpy_object_call1(meth, o);
    if (r == NULL)
        return NULL;
    MpyObject *list = mpy_list_from_iterable(r);
    MPY_DECREF(r);
    if (list != NULL && mpy_list_sort(list, NULL, false) < 0)
        MPY_CLEAR(list);
    return list;
}
