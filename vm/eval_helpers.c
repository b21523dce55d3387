/* vm/eval_helpers.c: the uncommon cases of the eval loop's instructions.
 *
 * Models the helper functions at the bottom of CPython's Python/ceval.c
 * (unpack_iterable, do_raise, import_from, format_exc_check_arg ...) and
 * the name-lookup error messages of 3.11.  Every function here is called
 * from exactly one opcode body in vm/eval.c; see vm/eval_internal.h.
 */
#include "vm/eval_internal.h"

#include <stdio.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/float.h"
#include "runtime/range.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Unpacking                                                            */

int mpy__eval_unpack(MpyObject *seq, int before, int after, bool starred, MpyObject **sp)
{
    /* Fast path: exact tuples and lists of the right size (free-threaded:
     * tuples only; a list could change size while we copy). */
    if (!starred && (mpy_tuple_check_exact(seq) || (!MPY_FREE_THREADED && mpy_list_check_exact(seq)))) {
        ptrdiff_t n = mpy_tuple_check_exact(seq) ? mpy_tuple_size(seq) : mpy_list_size(seq);
        MpyObject **items = mpy_tuple_check_exact(seq) ? mpy_tuple_items(seq) : ((MpyListObject *)seq)->items;
        if (n == before) {
            for (int i = 0; i < before; i++)
                sp[before - 1 - i] = MPY_NEWREF(items[i]);
            return 0;
        }
        if (n > before)
            mpy_err_format(mpy_exc_ValueError, "too many values to unpack (expected %d)", before);
        else
            mpy_err_format(mpy_exc_ValueError, "not enough values to unpack (expected %d, got %zd)",
                           before, n);
        return -1;
    }
    MpyObject *it = mpy_object_get_iter(seq);
    if (it == NULL) {
        if (mpy_err_matches(mpy_exc_TypeError) && MPY_TYPE(seq)->iter == NULL && MPY_TYPE(seq)->getitem == NULL) {
            mpy_err_clear();
            mpy_err_format(mpy_exc_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    int total = before + after + (starred ? 1 : 0);
    MpyObject **top = sp + total; /* items fill downwards from the top */
    int i;
    for (i = 0; i < before; i++) {
        MpyObject *v = mpy_iter_next(it);
        if (v == NULL) {
            if (!mpy_err_occurred()) {
                if (starred)
                    mpy_err_format(mpy_exc_ValueError,
                                   "not enough values to unpack (expected at least %d, got %d)",
                                   before + after, i);
                else
                    mpy_err_format(mpy_exc_ValueError,
                                   "not enough values to unpack (expected %d, got %d)", before, i);
            }
            goto fail;
        }
        *--top = v;
    }
    if (!starred) {
        MpyObject *extra = mpy_iter_next(it);
        if (extra != NULL) {
            MPY_DECREF(extra);
            mpy_err_format(mpy_exc_ValueError, "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (mpy_err_occurred())
            goto fail;
        MPY_DECREF(it);
        return 0;
    }
    MpyObject *rest = mpy_list_from_iterable(it);
    if (rest == NULL)
        goto fail;
    ptrdiff_t n = mpy_list_size(rest);
    if (n < after) {
        mpy_err_format(mpy_exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                       before + after, before + n);
        MPY_DECREF(rest);
        goto fail;
    }
    *--top = rest;
    MpyListObject *l = (MpyListObject *)rest;
    for (int k = 0; k < after; k++) {
        *--top = l->items[n - after + k];
        l->items[n - after + k] = NULL;
    }
    l->size -= after;
    MPY_DECREF(it);
    return 0;
fail:
    while (top < sp + total) {
        MPY_DECREF(*top);
        top++;
    }
    MPY_DECREF(it);
    return -1;
}

/* ------------------------------------------------------------------ */
/* raise                                                                */

int mpy__eval_do_raise(MpyThreadState *tstate, MpyObject *exc, MpyObject *cause)
{
    if (exc == NULL) {
        MpyObject *handled = NULL;
        for (MpyExcInfo *i = tstate->exc_info; i != NULL && handled == NULL; i = i->previous) {
            if (i->exc_value != NULL && i->exc_value != MPY_NONE)
                handled = i->exc_value;
        }
        if (handled == NULL) {
            mpy_err_set(mpy_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        mpy_err_restore_raw(MPY_NEWREF(handled));
        return 1;
    }
    MpyObject *value;
    if (mpy_exc_type_check(exc)) {
        value = mpy_object_call0(exc);
        if (value == NULL)
            return 0;
        if (!mpy_exc_check(value)) {
            mpy_err_format(mpy_exc_TypeError,
                           "calling %R should have returned an instance of BaseException, not %T", exc, value);
            MPY_DECREF(value);
            return 0;
        }
    } else if (mpy_exc_check(exc)) {
        value = MPY_NEWREF(exc);
    } else {
        mpy_err_set(mpy_exc_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause != NULL) {
        MpyObject *fixed;
        if (cause == MPY_NONE) {
            fixed = NULL;
        } else if (mpy_exc_type_check(cause)) {
            fixed = mpy_object_call0(cause);
            if (fixed == NULL) {
                MPY_DECREF(value);
                return 0;
            }
        } else if (mpy_exc_check(cause)) {
            fixed = MPY_NEWREF(cause);
        } else {
            mpy_err_set(mpy_exc_TypeError, "exception causes must derive from BaseException");
            MPY_DECREF(value);
            return 0;
        }
        mpy_exc_set_cause(value, fixed);
        MPY_XDECREF(fixed);
    }
    mpy_err_restore(value);
    return 0;
}

/* ------------------------------------------------------------------ */
/* except* (the logic is Python: runtime/lib/_exceptiongroup.py)        */

static MpyObject *call_exceptiongroup(const char *func, MpyObject *a, MpyObject *b)
{
    MpyObject *module = mpy_import_module_cstr("_exceptiongroup");
    if (module == NULL)
        return NULL;
    MpyObject *args[2] = {a, b};
    MpyObject *r = mpy_object_call_method_cstr(module, func, args, 2);
    MPY_DECREF(module);
    return r;
}

MpyObject *mpy__eval_check_eg_match(MpyObject *exc, MpyObject *type, MpyObject **match)
{
    MpyObject *pair = call_exceptiongroup("check_eg_match", exc, type);
    if (pair == NULL)
        return NULL;
    if (!mpy_tuple_check(pair) || mpy_tuple_size(pair) != 2) {
        MPY_DECREF(pair);
        return mpy_err_format(mpy_exc_SystemError, "check_eg_match must return a pair");
    }
    MpyObject *rest = MPY_NEWREF(mpy_tuple_item(pair, 0));
    *match = MPY_NEWREF(mpy_tuple_item(pair, 1));
    MPY_DECREF(pair);
    return rest;
}

MpyObject *mpy__eval_prep_reraise_star(MpyObject *orig, MpyObject *list)
{
    return call_exceptiongroup("prep_reraise_star", orig, list);
}

/* ------------------------------------------------------------------ */
/* Names                                                                */

static void name_error(MpyObject *name)
{
    MpyObject *msg = mpy_str_from_format("name '%U' is not defined", name);
    if (msg == NULL)
        return;
    MpyObject *exc = mpy_exc_new(mpy_exc_NameError, &msg, 1);
    MPY_DECREF(msg);
    if (exc == NULL)
        return;
    mpy_object_setattr_cstr(exc, "name", name);
    mpy_err_restore(exc);
}

/* Look `name` up in a namespace that may be any mapping.  Returns: new
 * reference, or NULL without an exception when it is missing. */
static MpyObject *mapping_lookup(MpyObject *ns, MpyObject *name)
{
    if (mpy_dict_check_exact(ns)) {
        MpyObject *v = mpy_dict_get_str_borrowed(ns, name);
        return v ? MPY_NEWREF(v) : NULL;
    }
    MpyObject *v = mpy_object_getitem(ns, name);
    if (v == NULL && mpy_err_matches(mpy_exc_KeyError))
        mpy_err_clear();
    return v;
}

/* The builtins minipy writes in Python and loads on first use (CPython has
 * them in C): BaseExceptionGroup and ExceptionGroup.  Returns: new
 * reference, or NULL (with an exception only if the loading failed). */
static MpyObject *lazy_builtin(MpyObject *builtins, MpyObject *name)
{
    if (!mpy_str_check(name) ||
        (!mpy_str_equal_cstr(name, "ExceptionGroup") && !mpy_str_equal_cstr(name, "BaseExceptionGroup")))
        return NULL;
    MpyObject *module = mpy_import_module_cstr("_exceptiongroup");
    if (module == NULL)
        return NULL;
    MPY_DECREF(module);
    return mapping_lookup(builtins, name);
}

MpyObject *mpy__eval_load_name(MpyFrame *frame, MpyObject *name)
{
    if (frame->locals == NULL) {
        mpy_err_format(mpy_exc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    MpyObject *v = mapping_lookup(frame->locals, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    v = mapping_lookup(frame->globals, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    v = mapping_lookup(frame->builtins, name);
    if (v == NULL && !mpy_err_occurred())
        v = lazy_builtin(frame->builtins, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    name_error(name);
    return NULL;
}

MpyObject *mpy__eval_load_global(MpyFrame *frame, MpyObject *name)
{
    MpyObject *v = mapping_lookup(frame->globals, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    v = mapping_lookup(frame->builtins, name);
    if (v == NULL && !mpy_err_occurred())
        v = lazy_builtin(frame->builtins, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    name_error(name);
    return NULL;
}

MpyObject *mpy__eval_load_classderef(MpyFrame *frame, int oparg)
{
    MpyCodeObject *co = frame->code;
    MpyObject *name = oparg < co->ncellvars ? mpy_tuple_item(co->cellvars, oparg)
                                            : mpy_tuple_item(co->freevars, oparg - co->ncellvars);
    if (frame->locals != NULL) {
        MpyObject *v = mapping_lookup(frame->locals, name);
        if (v != NULL || mpy_err_occurred())
            return v;
    }
    MpyObject *v = ((MpyCellObject *)frame->localsplus[co->nlocals + oparg])->ref;
    if (v == NULL) {
        mpy__eval_unbound_deref(frame, oparg);
        return NULL;
    }
    return MPY_NEWREF(v);
}

int mpy__eval_store_name(MpyFrame *frame, MpyObject *name, MpyObject *value)
{
    if (frame->locals == NULL) {
        mpy_err_format(mpy_exc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (mpy_dict_check_exact(frame->locals))
        return mpy_dict_set(frame->locals, name, value);
    return mpy_object_setitem(frame->locals, name, value);
}

int mpy__eval_delete_name(MpyFrame *frame, MpyObject *name)
{
    if (frame->locals == NULL) {
        mpy_err_format(mpy_exc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    int r = mpy_object_delitem(frame->locals, name);
    if (r < 0 && mpy_err_matches(mpy_exc_KeyError)) {
        mpy_err_clear();
        name_error(name);
    }
    return r;
}

int mpy__eval_delete_global(MpyFrame *frame, MpyObject *name)
{
    int r = mpy_dict_del(frame->globals, name);
    if (r < 0 && mpy_err_matches(mpy_exc_KeyError)) {
        mpy_err_clear();
        name_error(name);
    }
    return r;
}

void mpy__eval_unbound_local(MpyFrame *frame, int oparg)
{
    MpyObject *name = mpy_tuple_item(frame->code->varnames, oparg);
    MpyObject *msg = mpy_str_from_format(
        "cannot access local variable '%U' where it is not associated with a value", name);
    if (msg == NULL)
        return;
    MpyObject *exc = mpy_exc_new(mpy_exc_UnboundLocalError, &msg, 1);
    MPY_DECREF(msg);
    if (exc != NULL) {
        mpy_object_setattr_cstr(exc, "name", name);
        mpy_err_restore(exc);
    }
}

void mpy__eval_unbound_deref(MpyFrame *frame, int oparg)
{
    MpyCodeObject *co = frame->code;
    if (oparg < co->ncellvars) {
        MpyObject *name = mpy_tuple_item(co->cellvars, oparg);
        mpy_err_format(mpy_exc_UnboundLocalError,
                       "cannot access local variable '%U' where it is not associated with a value", name);
    } else {
        MpyObject *name = mpy_tuple_item(co->freevars, oparg - co->ncellvars);
        mpy_err_format(mpy_exc_NameError,
                       "cannot access free variable '%U' where it is not associated with a value in "
                       "enclosing scope", name);
    }
}

/* ------------------------------------------------------------------ */
/* Definitions                                                          */

MpyObject *mpy__eval_make_function(MpyFrame *frame, MpyObject *code, int flags, MpyObject **args)
{
    MpyFunctionObject *f = (MpyFunctionObject *)mpy_function_new(code, frame->globals);
    if (f == NULL)
        return NULL;
    MPY_SETREF(f->builtins, MPY_NEWREF(frame->builtins));
    int k = 0;
    if (flags & 1)
        f->defaults = MPY_NEWREF(args[k++]);
    if (flags & 2)
        f->kwdefaults = MPY_NEWREF(args[k++]);
    if (flags & 4)
        f->annotations = MPY_NEWREF(args[k++]);
    if (flags & 8)
        f->closure = MPY_NEWREF(args[k++]);
    MpyCodeObject *co = (MpyCodeObject *)code;
    f->simple_call = f->simple_call && f->closure == NULL && co->nfreevars == 0;
    return (MpyObject *)f;
}

MpyObject *mpy__eval_build_class(MpyFrame *frame)
{
    MpyObject *bc = mapping_lookup(frame->builtins, MPY_ID(__build_class__));
    if (bc == NULL && !mpy_err_occurred())
        mpy_err_set(mpy_exc_NameError, "__build_class__ not found");
    return bc;
}

/* ------------------------------------------------------------------ */
/* Imports                                                              */

MpyObject *mpy__eval_import_name(MpyFrame *frame, MpyObject *name, MpyObject *fromlist,
                                 MpyObject *level)
{
    MpyObject *import_func = mapping_lookup(frame->builtins, MPY_ID(__import__));
    if (import_func == NULL) {
        if (!mpy_err_occurred())
            mpy_err_set(mpy_exc_ImportError, "__import__ not found");
        return NULL;
    }
    int lvl = (int)mpy_int_as_long(level);
    MpyObject *r;
    if (MPY_TYPE(import_func) == &mpy_builtin_function_type &&
        ((MpyBuiltinFunctionObject *)import_func)->def->func == mpy__builtin_import) {
        r = mpy_import_module_level(name, frame->globals, fromlist, lvl);
    } else {
        MpyObject *locals = frame->locals ? frame->locals : MPY_NONE;
        MpyObject *args[5] = {name, frame->globals, locals, fromlist, level};
        r = mpy_object_call(import_func, args, 5, NULL);
    }
    MPY_DECREF(import_func);
    return r;
}

MpyObject *mpy__eval_import_from(MpyObject *module, MpyObject *name)
{
    MpyObject *v = mpy_object_lookup_attr(module, name);
    if (v != NULL || mpy_err_occurred())
        return v;
    /* A submodule not yet bound as an attribute (circular imports). */
    MpyObject *pkgname = mpy_object_lookup_attr(module, MPY_ID(__name__));
    if (pkgname != NULL && mpy_str_check(pkgname)) {
        MpyObject *full = mpy_str_from_format("%U.%U", pkgname, name);
        if (full != NULL) {
            v = mpy_dict_get(mpy__interp->modules, full);
            MPY_DECREF(full);
            if (v != NULL) {
                MPY_DECREF(pkgname);
                return v;
            }
        }
    }
    mpy_err_clear();
    MpyObject *path = mpy_object_lookup_attr(module, MPY_ID(__file__));
    mpy_err_clear();
    MpyObject *msg;
    if (pkgname == NULL || !mpy_str_check(pkgname))
        msg = mpy_str_from_format("cannot import name '%U' from '<unknown module name>' (unknown location)", name);
    else if (path != NULL && mpy_str_check(path))
        msg = mpy_str_from_format("cannot import name '%U' from '%U' (%U)", name, pkgname, path);
    else
        msg = mpy_str_from_format("cannot import name '%U' from '%U' (unknown location)", name, pkgname);
    if (msg != NULL) {
        MpyObject *exc = mpy_exc_new(mpy_exc_ImportError, &msg, 1);
        if (exc != NULL) {
            if (pkgname != NULL)
                mpy_object_setattr_cstr(exc, "name", pkgname);
            if (path != NULL)
                mpy_object_setattr_cstr(exc, "path", path);
            mpy_err_restore(exc);
        }
        MPY_DECREF(msg);
    }
    MPY_XDECREF(pkgname);
    MPY_XDECREF(path);
    return NULL;
}

int mpy__eval_import_star(MpyFrame *frame, MpyObject *module)
{
    if (frame->locals == NULL) {
        mpy_err_set(mpy_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    MpyObject *all = mpy_object_lookup_attr(module, MPY_ID(__all__));
    bool skip_private = all == NULL;
    if (all == NULL) {
        if (mpy_err_occurred())
            return -1;
        MpyObject *dict = mpy_object_lookup_attr(module, MPY_ID(__dict__));
        if (dict == NULL) {
            if (!mpy_err_occurred())
                mpy_err_set(mpy_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = mpy_dict_check(dict) ? mpy_dict_keys(dict) : mpy_list_from_iterable(dict);
        MPY_DECREF(dict);
        if (all == NULL)
            return -1;
    }
    MpyObject *it = mpy_object_get_iter(all);
    MPY_DECREF(all);
    if (it == NULL)
        return -1;
    MpyObject *name;
    int err = 0;
    while (err == 0 && (name = mpy_iter_next(it)) != NULL) {
        if (!mpy_str_check(name)) {
            mpy_err_format(mpy_exc_TypeError, "Item in %s.__all__ must be str, not %T", "module", name);
            err = -1;
        } else if (!(skip_private && mpy_str_utf8(name)[0] == '_')) {
            MpyObject *v = mpy_object_getattr(module, name);
            err = v == NULL ? -1 : mpy__eval_store_name(frame, name, v);
            MPY_XDECREF(v);
        }
        MPY_DECREF(name);
    }
    MPY_DECREF(it);
    return err < 0 || mpy_err_occurred() ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Strings                                                              */

MpyObject *mpy__eval_format_value(MpyObject *value, int conversion, MpyObject *spec)
{
    MpyObject *v;
    switch (conversion) {
    case 1: v = mpy_object_str(value); break;
    case 2: v = mpy_object_repr(value); break;
    case 3: v = mpy_object_ascii(value); break;
    default: v = MPY_NEWREF(value); break;
    }
    if (v == NULL)
        return NULL;
    if (spec == NULL && mpy_str_check_exact(v))
        return v;
    MpyObject *r = mpy_object_format(v, spec);
    MPY_DECREF(v);
    return r;
}

MpyObject *mpy__eval_build_string(MpyObject **items, int n)
{
    return mpy_str_concat_array(items, n);
}

MpyObject *mpy__eval_int_addsub_unique(MpyObject *left, MpyObject *right, bool subtract)
{
    mpz_ptr z = ((MpyIntObject *)left)->value;
    if (mpy_is_small_int(right)) {
        intptr_t v = mpy_small_int_value(right);
        unsigned long magnitude = v < 0 ? (unsigned long)-(uintptr_t)v : (unsigned long)v;
        if ((v < 0) != subtract)
            mpz_sub_ui(z, z, magnitude);
        else
            mpz_add_ui(z, z, magnitude);
    } else if (subtract) {
        mpz_sub(z, z, ((MpyIntObject *)right)->value);
    } else {
        mpz_add(z, z, ((MpyIntObject *)right)->value);
    }
    // Ints that fit are always tagged: switch representation.
    if (mpz_fits_slong_p(z) && mpy_small_int_fits(mpz_get_si(z))) {
        MpyObject *small = mpy_small_int(mpz_get_si(z));
        MPY_DECREF(left);
        return small;
    }
    return left;
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */

MpyObject *mpy__eval_build_map(MpyObject **items, int n)
{
    MpyObject *d = mpy_dict_new();
    if (d == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (mpy_dict_set(d, items[2 * i], items[2 * i + 1]) < 0) {
            MPY_DECREF(d);
            return NULL;
        }
    }
    return d;
}

MpyObject *mpy__eval_build_const_key_map(MpyObject **values, MpyObject *keys, int n)
{
    MpyObject *d = mpy_dict_new();
    if (d == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (mpy_dict_set(d, mpy_tuple_item(keys, i), values[i]) < 0) {
            MPY_DECREF(d);
            return NULL;
        }
    }
    return d;
}

int mpy__eval_dict_update(MpyObject *dict, MpyObject *update)
{
    if (mpy_dict_check(update))
        return mpy_dict_merge(dict, update, 1);
    MpyObject *keys = mpy_object_lookup_attr(update, MPY_ID(keys));
    if (keys == NULL) {
        if (!mpy_err_occurred())
            mpy_err_format(mpy_exc_TypeError, "'%T' object is not a mapping", update);
        return -1;
    }
    MPY_DECREF(keys);
    return mpy_dict_merge(dict, update, 1);
}

/* CPython's _PyObject_FunctionStr: "module.qualname()" ("len()" for
 * builtins), or "X object" for other callables. */
static const char *function_name(MpyObject *callable, char *buf, size_t size)
{
    MpyObject *q = mpy_object_lookup_attr(callable, MPY_ID(__qualname__));
    mpy_err_clear();
    if (q == NULL || !mpy_str_check(q)) {
        snprintf(buf, size, "%s object", mpy_type_name_of(callable));
        MPY_XDECREF(q);
        return buf;
    }
    MpyObject *m = mpy_object_lookup_attr(callable, MPY_ID(__module__));
    mpy_err_clear();
    if (m != NULL && mpy_str_check(m) && !mpy_str_equal_cstr(m, "builtins"))
        snprintf(buf, size, "%s.%s()", mpy_str_utf8(m), mpy_str_utf8(q));
    else
        snprintf(buf, size, "%s()", mpy_str_utf8(q));
    MPY_XDECREF(m);
    MPY_DECREF(q);
    return buf;
}

int mpy__eval_dict_merge(MpyObject *callable, MpyObject *dict, MpyObject *update)
{
    char name[200];
    if (!mpy_dict_check(update)) {
        MpyObject *keys = mpy_object_lookup_attr(update, MPY_ID(keys));
        if (keys == NULL) {
            if (!mpy_err_occurred())
                mpy_err_format(mpy_exc_TypeError, "%s argument after ** must be a mapping, not %T",
                               function_name(callable, name, sizeof name), update);
            return -1;
        }
        MPY_DECREF(keys);
    }
    if (mpy_dict_merge(dict, update, 2) == 0)
        return 0;
    if (mpy_err_matches(mpy_exc_KeyError)) {
        MpyObject *exc = mpy_err_fetch();
        MpyObject *args = mpy_exc_get_args(exc);
        if (args != NULL && mpy_tuple_size(args) == 1) {
            MpyObject *key = mpy_tuple_item(args, 0);
            if (mpy_str_check(key))
                mpy_err_format(mpy_exc_TypeError, "%s got multiple values for keyword argument '%U'",
                               function_name(callable, name, sizeof name), key);
            else
                mpy_err_format(mpy_exc_TypeError, "%s keywords must be strings",
                               function_name(callable, name, sizeof name));
        }
        MPY_DECREF(exc);
    }
    return -1;
}

int mpy__eval_list_extend(MpyObject *list, MpyObject *iterable)
{
    if (mpy_list_extend(list, iterable) == 0)
        return 0;
    if (mpy_err_matches(mpy_exc_TypeError) && MPY_TYPE(iterable)->iter == NULL &&
        MPY_TYPE(iterable)->getitem == NULL) {
        mpy_err_clear();
        mpy_err_format(mpy_exc_TypeError, "Value after * must be an iterable, not %T", iterable);
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* f(*args, **kwargs)                                                   */

MpyObject *mpy__eval_call_ex(MpyObject *callable, MpyObject *self, MpyObject *args, MpyObject *kwargs)
{
    MpyObject *tuple;
    if (mpy_tuple_check_exact(args)) {
        tuple = MPY_NEWREF(args);
    } else {
        if (MPY_TYPE(args)->iter == NULL && MPY_TYPE(args)->getitem == NULL) {
            char name[200];
            return mpy_err_format(mpy_exc_TypeError, "%s argument after * must be an iterable, not %T",
                                  function_name(callable, name, sizeof name), args);
        }
        tuple = mpy_tuple_from_iterable(args);
        if (tuple == NULL)
            return NULL;
    }
    if (self != NULL) {
        ptrdiff_t n = mpy_tuple_size(tuple);
        MpyObject *with_self = mpy_tuple_new(n + 1);
        if (with_self == NULL) {
            MPY_DECREF(tuple);
            return NULL;
        }
        mpy_tuple_init_take(with_self, 0, MPY_NEWREF(self));
        for (ptrdiff_t i = 0; i < n; i++)
            mpy_tuple_init_take(with_self, i + 1, MPY_NEWREF(mpy_tuple_item(tuple, i)));
        MPY_SETREF(tuple, with_self);
    }
    MpyObject *kw = kwargs;
    if (kw != NULL && !mpy_dict_check(kw)) {
        kw = mpy_dict_new();
        if (kw == NULL || mpy__eval_dict_merge(callable, kw, kwargs) < 0) {
            MPY_XDECREF(kw);
            MPY_DECREF(tuple);
            return NULL;
        }
    }
    MpyObject *r = mpy_object_call_tuple(callable, tuple, kw);
    if (kw != kwargs)
        MPY_XDECREF(kw);
    MPY_DECREF(tuple);
    return r;
}

/* ------------------------------------------------------------------ */
/* with and except                                                      */

MpyObject *mpy__eval_before_with(MpyObject *mgr, MpyObject **exit)
{
    MpyType *t = MPY_TYPE(mgr);
    MpyObject *enter = mpy_type_lookup(t, MPY_ID(__enter__));
    MpyObject *ex = mpy_type_lookup(t, MPY_ID(__exit__));
    if (enter == NULL || ex == NULL) {
        if (enter == NULL)
            mpy_err_format(mpy_exc_TypeError, "'%T' object does not support the context manager protocol", mgr);
        else
            mpy_err_format(mpy_exc_TypeError,
                           "'%T' object does not support the context manager protocol (missed __exit__ method)", mgr);
        return NULL;
    }
    MpyObject *bound_exit = MPY_TYPE(ex)->descr_get ? MPY_TYPE(ex)->descr_get(ex, mgr, (MpyObject *)t)
                                                    : MPY_NEWREF(ex);
    if (bound_exit == NULL)
        return NULL;
    MpyObject *bound_enter = MPY_TYPE(enter)->descr_get
                                 ? MPY_TYPE(enter)->descr_get(enter, mgr, (MpyObject *)t)
                                 : MPY_NEWREF(enter);
    if (bound_enter == NULL) {
        MPY_DECREF(bound_exit);
        return NULL;
    }
    MpyObject *res = mpy_object_call0(bound_enter);
    MPY_DECREF(bound_enter);
    if (res == NULL) {
        MPY_DECREF(bound_exit);
        return NULL;
    }
    *exit = bound_exit;
    return res;
}

MpyObject *mpy__eval_with_except(MpyObject *exit, MpyObject *exc)
{
    MpyObject *tb = mpy_exc_get_traceback(exc);
    MpyObject *args[3] = {(MpyObject *)MPY_TYPE(exc), exc, tb ? tb : MPY_NONE};
    return mpy_object_call(exit, args, 3, NULL);
}

int mpy__eval_check_exc_match(MpyObject *exc, MpyObject *type)
{
    if (mpy_tuple_check(type)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(type); i++) {
            if (!mpy_exc_type_check(mpy_tuple_item(type, i))) {
                mpy_err_set(mpy_exc_TypeError,
                            "catching classes that do not inherit from BaseException is not allowed");
                return -1;
            }
        }
    } else if (!mpy_exc_type_check(type)) {
        mpy_err_set(mpy_exc_TypeError,
                    "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return mpy_err_given_matches(exc, type);
}

/* ------------------------------------------------------------------ */
/* Generators                                                           */

int mpy__eval_send(MpyObject *receiver, MpyObject *value, MpyObject **result)
{
    if (mpy_gen_like_check(receiver))
        return mpy__gen_send_ex(receiver, value, result);
    MpyObject *r;
    if (value == MPY_NONE && MPY_TYPE(receiver)->iternext != NULL)
        r = MPY_TYPE(receiver)->iternext(receiver);
    else
        r = mpy_object_call_method_cstr(receiver, "send", &value, 1);
    if (r != NULL) {
        *result = r;
        return 1;
    }
    if (mpy_err_occurred() && !mpy_err_matches(mpy_exc_StopIteration))
        return -1;
    MpyObject *stop = mpy_err_fetch();
    *result = MPY_NEWREF(stop ? mpy_exc_stop_iteration_value(stop) : MPY_NONE);
    MPY_XDECREF(stop);
    return 0;
}

MpyObject *mpy__eval_get_yield_from_iter(MpyObject *o)
{
    if (mpy_gen_check(o))
        return MPY_NEWREF(o);
    return mpy_object_get_iter(o);
}

/* ------------------------------------------------------------------ */
/* Interactive mode and annotations                                     */

int mpy__eval_print_expr(MpyObject *v)
{
    MpyObject *hook = mpy_dict_get_str_borrowed(mpy__interp->sysdict, mpy_str_intern_cstr("displayhook"));
    if (hook == NULL) {
        mpy_err_set(mpy_exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    MpyObject *r = mpy_object_call1(hook, v);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

int mpy__eval_setup_annotations(MpyFrame *frame)
{
    if (frame->locals == NULL) {
        mpy_err_set(mpy_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    MpyObject *ann = mapping_lookup(frame->locals, MPY_ID(__annotations__));
    if (ann != NULL) {
        MPY_DECREF(ann);
        return 0;
    }
    if (mpy_err_occurred())
        return -1;
    ann = mpy_dict_new();
    if (ann == NULL)
        return -1;
    int r = mpy__eval_store_name(frame, MPY_ID(__annotations__), ann);
    MPY_DECREF(ann);
    return r;
}

/* ------------------------------------------------------------------ */
/* match statements                                                     */

int mpy__eval_match_mapping(MpyObject *subject)
{
    if (mpy_dict_check(subject))
        return 1;
    /* collections.abc.Mapping registrations are not tracked: dicts only. */
    return 0;
}

int mpy__eval_match_sequence(MpyObject *subject)
{
    if (mpy_str_check(subject) || MPY_TYPE_CHECK_FLAG(subject, MPY_TPFLAGS_BYTES_SUBCLASS) ||
        MPY_TYPE(subject) == &mpy_bytearray_type)
        return 0;
    return mpy_list_check(subject) || mpy_tuple_check(subject) ||
           MPY_TYPE(subject) == &mpy_range_type;
}

MpyObject *mpy__eval_match_keys(MpyObject *subject, MpyObject *keys)
{
    ptrdiff_t n = mpy_tuple_size(keys);
    MpyObject *values = mpy_tuple_new(n);
    if (values == NULL)
        return NULL;
    MpyObject *get = mpy_object_getattr_cstr(subject, "get");
    if (get == NULL) {
        MPY_DECREF(values);
        return NULL;
    }
    MpyObject *dummy = mpy_object_call0((MpyObject *)&mpy_object_type);
    for (ptrdiff_t i = 0; dummy != NULL && i < n; i++) {
        MpyObject *args[2] = {mpy_tuple_item(keys, i), dummy};
        MpyObject *v = mpy_object_call(get, args, 2, NULL);
        if (v == NULL || v == dummy) {
            MPY_XDECREF(v);
            for (ptrdiff_t j = i; j < n; j++)
                mpy_tuple_init_take(values, j, MPY_NEWREF(MPY_NONE));
            MPY_DECREF(get);
            MPY_DECREF(dummy);
            MPY_DECREF(values);
            return v == NULL ? NULL : MPY_NEWREF(MPY_NONE);
        }
        mpy_tuple_init_take(values, i, v);
    }
    MPY_DECREF(get);
    MPY_XDECREF(dummy);
    return values;
}

MpyObject *mpy__eval_copy_dict_without_keys(MpyObject *subject, MpyObject *keys)
{
    MpyObject *rest = mpy_dict_new();
    if (rest == NULL || mpy_dict_update(rest, subject) < 0) {
        MPY_XDECREF(rest);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < mpy_tuple_size(keys); i++) {
        if (mpy_dict_del(rest, mpy_tuple_item(keys, i)) < 0) {
            MPY_DECREF(rest);
            return NULL;
        }
    }
    return rest;
}

/* Positional sub-patterns of class patterns use __match_args__; the
 * built-in types that match themselves (int, str ...) take the subject. */
static bool matches_self(MpyType *t)
{
    return t == &mpy_bool_type || t == &mpy_bytearray_type || t == &mpy_bytes_type ||
           t == &mpy_dict_type || t == &mpy_float_type || t == &mpy_frozenset_type ||
           t == &mpy_int_type || t == &mpy_list_type || t == &mpy_set_type ||
           t == &mpy_str_type || t == &mpy_tuple_type;
}

MpyObject *mpy__eval_match_class(MpyObject *subject, MpyObject *cls, int nargs, MpyObject *names)
{
    if (!mpy_type_check(cls))
        return mpy_err_format(mpy_exc_TypeError, "called match pattern must be a class");
    if (!mpy_object_type_is(subject, (MpyType *)cls))
        return MPY_NEWREF(MPY_NONE);
    ptrdiff_t nkw = mpy_tuple_size(names);
    MpyObject *attrs = mpy_list_new(0);
    if (attrs == NULL)
        return NULL;
    MpyObject *match_args = NULL;
    if (nargs > 0) {
        match_args = mpy_object_lookup_attr(cls, mpy_str_intern_cstr("__match_args__"));
        if (match_args == NULL && mpy_err_occurred())
            goto fail;
        if (match_args == NULL) {
            if (!matches_self((MpyType *)cls)) {
                mpy_err_format(mpy_exc_TypeError, "%s() accepts 0 positional sub-patterns (%d given)",
                               ((MpyType *)cls)->name, nargs);
                goto fail;
            }
            if (nargs > 1) {
                mpy_err_format(mpy_exc_TypeError, "%s() accepts 1 positional sub-pattern (%d given)",
                               ((MpyType *)cls)->name, nargs);
                goto fail;
            }
            if (mpy_list_append(attrs, subject) < 0)
                goto fail;
        } else {
            if (!mpy_tuple_check(match_args)) {
                mpy_err_format(mpy_exc_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                               ((MpyType *)cls)->name, match_args);
                goto fail;
            }
            if (nargs > mpy_tuple_size(match_args)) {
                mpy_err_format(mpy_exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                               ((MpyType *)cls)->name, mpy_tuple_size(match_args),
                               mpy_tuple_size(match_args) == 1 ? "" : "s", nargs);
                goto fail;
            }
            for (int i = 0; i < nargs; i++) {
                MpyObject *v = mpy_object_lookup_attr(subject, mpy_tuple_item(match_args, i));
                if (v == NULL) {
                    if (mpy_err_occurred())
                        goto fail;
                    MPY_DECREF(attrs);
                    MPY_XDECREF(match_args);
                    return MPY_NEWREF(MPY_NONE);
                }
                if (mpy_list_append_take(attrs, v) < 0)
                    goto fail;
            }
        }
    }
    for (ptrdiff_t i = 0; i < nkw; i++) {
        MpyObject *v = mpy_object_lookup_attr(subject, mpy_tuple_item(names, i));
        if (v == NULL) {
            if (mpy_err_occurred())
                goto fail;
            MPY_DECREF(attrs);
            MPY_XDECREF(match_args);
            return MPY_NEWREF(MPY_NONE);
        }
        if (mpy_list_append_take(attrs, v) < 0)
            goto fail;
    }
    MPY_XDECREF(match_args);
    MpyObject *t = mpy_list_as_tuple(attrs);
    MPY_DECREF(attrs);
    return t;
fail:
    MPY_XDECREF(match_args);
    MPY_DECREF(attrs);
    return NULL;
}
