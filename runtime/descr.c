/* runtime/descr.c: built-in callables and descriptors.
 *
 * Models CPython's Objects/methodobject.c (builtin_function_or_method),
 * Objects/descrobject.c (method/member/getset/wrapper descriptors, property,
 * mappingproxy) and the classmethod/staticmethod part of funcobject.c.
 * See runtime/descr.h for the cast of characters.
 */
#include "runtime/descr.h"
#include <stdio.h>

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/slots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* Calling C functions                                                  */

/* Write "name" or "Owner.name" for messages. */
static void display_name(char *buf, size_t size, const MpyMethodDef *def, MpyType *owner)
{
    if (owner != NULL) {
        const char *tn = owner->name_obj ? mpy_str_utf8(owner->name_obj) : owner->name;
        snprintf(buf, size, "%s.%s", tn, def->name);
    } else {
        snprintf(buf, size, "%s", def->name);
    }
}

MpyObject *mpy__cfunc_call(const MpyMethodDef *def, MpyType *owner, MpyObject *self,
                           MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    int conv = def->flags & (MPY_METH_NOARGS | MPY_METH_O | MPY_METH_FASTCALL);
    if (conv != MPY_METH_FASTCALL) {
        char name[128];
        if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
            display_name(name, sizeof name, def, owner);
            return mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", name);
        }
        if (conv == MPY_METH_NOARGS && nargs != 0) {
            display_name(name, sizeof name, def, owner);
            return mpy_err_format(mpy_exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        }
        if (conv == MPY_METH_O && nargs != 1) {
            display_name(name, sizeof name, def, owner);
            return mpy_err_format(mpy_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                                  name, nargs);
        }
    }
    if (mpy_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    MpyObject *r = def->func(self, args, nargs, kwnames);
    mpy_leave_recursive_call();
    return r;
}

/* ------------------------------------------------------------------ */
/* Argument helpers for FASTCALL functions                              */

int mpy_arg_no_kwargs(const char *funcname, MpyObject *kwnames)
{
    if (kwnames == NULL || mpy_tuple_size(kwnames) == 0)
        return 0;
    mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", funcname);
    return -1;
}

int mpy_arg_check_positional(const char *funcname, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        mpy_err_format(mpy_exc_TypeError, "%s expected %s%zu argument%s, got %zu", funcname,
                       min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        mpy_err_format(mpy_exc_TypeError, "%s expected %s%zu argument%s, got %zu", funcname,
                       min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int mpy_arg_parse(const char *funcname, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                  const char *const *kwlist, size_t min, MpyObject **out)
{
    size_t nparams = 0, npositional = 0;
    while (kwlist[nparams] != NULL) {
        if (kwlist[nparams][0] != '$')
            npositional = nparams + 1;
        nparams++;
    }
    for (size_t i = 0; i < nparams; i++)
        out[i] = NULL;
    if (nargs > npositional) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", funcname,
                       npositional, npositional == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    ptrdiff_t nkw = kwnames ? mpy_tuple_size(kwnames) : 0;
    for (ptrdiff_t k = 0; k < nkw; k++) {
        MpyObject *key = mpy_tuple_item(kwnames, k);
        size_t i;
        for (i = 0; i < nparams; i++) {
            const char *pname = kwlist[i][0] == '$' ? kwlist[i] + 1 : kwlist[i];
            if (pname[0] != '\0' && mpy_str_equal_cstr(key, pname))
                break;
        }
        if (i == nparams) {
            mpy_err_format(mpy_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                           funcname, key);
            return -1;
        }
        if (out[i] != NULL) {
            mpy_err_format(mpy_exc_TypeError, "argument for %s() given by name ('%U') and position (%zu)",
                           funcname, key, i + 1);
            return -1;
        }
        out[i] = args[nargs + (size_t)k];
    }
    for (size_t i = 0; i < min; i++) {
        if (out[i] == NULL) {
            const char *pname = kwlist[i][0] == '$' ? kwlist[i] + 1 : kwlist[i];
            mpy_err_format(mpy_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                           funcname, pname, i + 1);
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* builtin_function_or_method                                           */

MpyObject *mpy_cfunction_new(const MpyMethodDef *def, MpyObject *self, MpyObject *module)
{
    MpyBuiltinFunctionObject *f =
        (MpyBuiltinFunctionObject *)mpy_object_alloc(&mpy_builtin_function_type);
    if (f == NULL)
        return NULL;
    f->def = def;
    f->self = self ? MPY_NEWREF(self) : NULL;
    f->module = module ? MPY_NEWREF(module) : NULL;
    mpy_gc_track((MpyObject *)f);
    return (MpyObject *)f;
}

static MpyObject *cfunc_bound(const MpyMethodDef *def, MpyObject *self, MpyType *owner)
{
    MpyObject *f = mpy_cfunction_new(def, self, NULL);
    if (f != NULL)
        ((MpyBuiltinFunctionObject *)f)->owner = owner;
    return f;
}

static void cfunc_dealloc(MpyObject *o)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(f->self);
    MPY_XDECREF(f->module);
    mpy_object_free(o);
}

static int cfunc_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    MPY_VISIT(f->self);
    MPY_VISIT(f->module);
    return 0;
}

static MpyObject *cfunc_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    return mpy__cfunc_call(f->def, f->owner, f->self, args, nargs, kwnames);
}

static MpyObject *cfunc_repr(MpyObject *o)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    if (f->self == NULL || f->owner == NULL)
        return mpy_str_from_format("<built-in function %s>", f->def->name);
    return mpy_str_from_format("<built-in method %s of %T object at %p>", f->def->name, f->self,
                               (void *)f->self);
}

static MpyObject *cfunc_get_name(MpyObject *o, void *c)
{
    return mpy_str_from_cstr(((MpyBuiltinFunctionObject *)o)->def->name);
}

static MpyObject *cfunc_get_qualname(MpyObject *o, void *c)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    if (f->owner != NULL)
        return mpy_str_from_format("%s.%s", f->owner->name, f->def->name);
    return mpy_str_from_cstr(f->def->name);
}

static MpyObject *cfunc_get_self(MpyObject *o, void *c)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    return MPY_NEWREF(f->self ? f->self : MPY_NONE);
}

static MpyObject *cfunc_get_doc(MpyObject *o, void *c)
{
    const char *doc = ((MpyBuiltinFunctionObject *)o)->def->doc;
    return doc ? mpy_str_from_cstr(doc) : MPY_NEWREF(MPY_NONE);
}

static MpyObject *cfunc_get_module(MpyObject *o, void *c)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    if (f->module != NULL && mpy_module_check(f->module))
        return MPY_NEWREF(mpy_module_get_name(f->module));
    return MPY_NEWREF(f->module ? f->module : MPY_NONE);
}

static MpyHash cfunc_hash(MpyObject *o)
{
    MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)o;
    MpyHash h = mpy_hash_pointer(f->def) ^ (f->self ? mpy_hash_pointer(f->self) : 0);
    return h == -1 ? -2 : h;
}

static MpyObject *cfunc_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if ((op != MPY_EQ && op != MPY_NE) || MPY_TYPE(b) != &mpy_builtin_function_type)
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyBuiltinFunctionObject *x = (MpyBuiltinFunctionObject *)a, *y = (MpyBuiltinFunctionObject *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return MPY_NEWREF(mpy_bool_from(eq == (op == MPY_EQ)));
}

static const MpyGetSetDef cfunc_getset[] = {
    {"__name__", cfunc_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunc_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunc_get_self, NULL, NULL, NULL},
    {"__doc__", cfunc_get_doc, NULL, NULL, NULL},
    {"__module__", cfunc_get_module, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_builtin_function_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(MpyBuiltinFunctionObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = cfunc_dealloc,
    .traverse = cfunc_traverse,
    .call = cfunc_call,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcompare = cfunc_richcompare,
    .getset = cfunc_getset,
};

/* ------------------------------------------------------------------ */
/* method_descriptor and classmethod_descriptor                         */

static MpyObject *new_descr(MpyType *descr_type, MpyType *owner, const void *def, size_t size)
{
    MpyObject *d = mpy_object_alloc(descr_type);
    if (d == NULL)
        return NULL;
    MpyMethodDescrObject *m = (MpyMethodDescrObject *)d; /* shared prefix of all descrs */
    m->owner = owner;
    m->def = def;
    MPY_UNUSED(size);
    return d;
}

MpyObject *mpy_descr_new_method(MpyType *owner, const MpyMethodDef *def)
{
    MpyType *t = (def->flags & MPY_METH_CLASS) ? &mpy_classmethod_descr_type : &mpy_method_descr_type;
    return new_descr(t, owner, def, sizeof(MpyMethodDescrObject));
}

static int check_self(MpyMethodDescrObject *d, MpyObject *self, const char *name)
{
    if (mpy_type_is_subtype(MPY_TYPE(self), d->owner))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                   name, d->owner->name, self);
    return -1;
}

static MpyObject *method_descr_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyMethodDescrObject *d = (MpyMethodDescrObject *)o;
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "unbound method %s.%s() needs an argument",
                              d->owner->name, d->def->name);
    if (check_self(d, args[0], d->def->name) < 0)
        return NULL;
    return mpy__cfunc_call(d->def, d->owner, args[0], args + 1, nargs - 1, kw);
}

static MpyObject *method_descr_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyMethodDescrObject *d = (MpyMethodDescrObject *)o;
    if (obj == NULL)
        return MPY_NEWREF(o);
    if (check_self(d, obj, d->def->name) < 0)
        return NULL;
    return cfunc_bound(d->def, obj, d->owner);
}

static MpyObject *classmethod_descr_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyMethodDescrObject *d = (MpyMethodDescrObject *)o;
    if (owner == NULL)
        owner = (MpyObject *)MPY_TYPE(obj);
    return cfunc_bound(d->def, owner, d->owner);
}

static MpyObject *classmethod_descr_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyMethodDescrObject *d = (MpyMethodDescrObject *)o;
    if (nargs < 1 || !mpy_type_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "descriptor '%s' of '%s' object needs a type",
                              d->def->name, d->owner->name);
    return mpy__cfunc_call(d->def, d->owner, args[0], args + 1, nargs - 1, kw);
}

static MpyObject *descr_repr(MpyObject *o)
{
    MpyMethodDescrObject *d = (MpyMethodDescrObject *)o;
    const char *kind = MPY_TYPE(o) == &mpy_method_descr_type ? "method"
                       : MPY_TYPE(o) == &mpy_classmethod_descr_type ? "method"
                       : MPY_TYPE(o) == &mpy_wrapper_descr_type ? "slot wrapper"
                       : MPY_TYPE(o) == &mpy_member_descr_type ? "member" : "attribute";
    const char *name = MPY_TYPE(o) == &mpy_wrapper_descr_type
                           ? ((MpyWrapperDescrObject *)o)->slot->name
                           : ((const MpyMethodDef *)d->def)->name;
    return mpy_str_from_format("<%s '%s' of '%s' objects>", kind, name, d->owner->name);
}

static MpyObject *descr_get_name(MpyObject *o, void *c)
{
    if (MPY_TYPE(o) == &mpy_wrapper_descr_type)
        return mpy_str_from_cstr(((MpyWrapperDescrObject *)o)->slot->name);
    return mpy_str_from_cstr(((const MpyMethodDef *)((MpyMethodDescrObject *)o)->def)->name);
}

static MpyObject *descr_get_qualname(MpyObject *o, void *c)
{
    MpyObject *name = descr_get_name(o, c);
    if (name == NULL)
        return NULL;
    MpyObject *r = mpy_str_from_format("%s.%U", ((MpyMethodDescrObject *)o)->owner->name, name);
    MPY_DECREF(name);
    return r;
}

static MpyObject *descr_get_objclass(MpyObject *o, void *c)
{
    return MPY_NEWREF(((MpyMethodDescrObject *)o)->owner);
}

static MpyObject *method_descr_get_doc(MpyObject *o, void *c)
{
    const char *doc = ((MpyMethodDescrObject *)o)->def->doc;
    return doc ? mpy_str_from_cstr(doc) : MPY_NEWREF(MPY_NONE);
}

static const MpyGetSetDef method_descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL, NULL},
    {NULL},
};

static const MpyGetSetDef plain_descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_method_descr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "method_descriptor",
    .basicsize = sizeof(MpyMethodDescrObject),
    .flags = MPY_TPFLAGS_METHOD_DESCRIPTOR,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .repr = descr_repr,
    .getset = method_descr_getset,
};

MpyType mpy_classmethod_descr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(MpyMethodDescrObject),
    .call = classmethod_descr_call,
    .descr_get = classmethod_descr_get,
    .repr = descr_repr,
    .getset = method_descr_getset,
};

/* ------------------------------------------------------------------ */
/* wrapper_descriptor and method-wrapper                                */

MpyObject *mpy_descr_new_wrapper(MpyType *owner, const MpySlotDef *slot, void *wrapped)
{
    MpyWrapperDescrObject *w = (MpyWrapperDescrObject *)mpy_object_alloc(&mpy_wrapper_descr_type);
    if (w == NULL)
        return NULL;
    w->owner = owner;
    w->slot = slot;
    w->wrapped = wrapped;
    return (MpyObject *)w;
}

static MpyObject *wrapper_call_with(MpyWrapperDescrObject *w, MpyObject *self, MpyObject *const *args,
                                    size_t nargs, MpyObject *kw)
{
    if (!mpy_type_is_subtype(MPY_TYPE(self), w->owner))
        return mpy_err_format(mpy_exc_TypeError,
                              "descriptor '%s' requires a '%s' object but received a '%T'",
                              w->slot->name, w->owner->name, self);
    return w->slot->wrapper(self, args, nargs, kw, w->wrapped, w->slot);
}

static MpyObject *wrapper_descr_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyWrapperDescrObject *w = (MpyWrapperDescrObject *)o;
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                              w->slot->name, w->owner->name);
    return wrapper_call_with(w, args[0], args + 1, nargs - 1, kw);
}

static MpyObject *wrapper_descr_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyWrapperDescrObject *w = (MpyWrapperDescrObject *)o;
    if (obj == NULL)
        return MPY_NEWREF(o);
    if (!mpy_type_is_subtype(MPY_TYPE(obj), w->owner))
        return mpy_err_format(mpy_exc_TypeError,
                              "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                              w->slot->name, w->owner->name, obj);
    MpyMethodWrapperObject *m = (MpyMethodWrapperObject *)mpy_object_alloc(&mpy_method_wrapper_type);
    if (m == NULL)
        return NULL;
    m->descr = (MpyWrapperDescrObject *)MPY_NEWREF(o);
    m->self = MPY_NEWREF(obj);
    mpy_gc_track((MpyObject *)m);
    return (MpyObject *)m;
}

MpyType mpy_wrapper_descr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(MpyWrapperDescrObject),
    .flags = MPY_TPFLAGS_METHOD_DESCRIPTOR,
    .call = wrapper_descr_call,
    .descr_get = wrapper_descr_get,
    .repr = descr_repr,
    .getset = plain_descr_getset,
};

static void method_wrapper_dealloc(MpyObject *o)
{
    MpyMethodWrapperObject *m = (MpyMethodWrapperObject *)o;
    mpy_gc_untrack(o);
    MPY_DECREF(m->descr);
    MPY_DECREF(m->self);
    mpy_object_free(o);
}

static int method_wrapper_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyMethodWrapperObject *m = (MpyMethodWrapperObject *)o;
    MPY_VISIT((MpyObject *)m->descr);
    MPY_VISIT(m->self);
    return 0;
}

static MpyObject *method_wrapper_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyMethodWrapperObject *m = (MpyMethodWrapperObject *)o;
    return wrapper_call_with(m->descr, m->self, args, nargs, kw);
}

static MpyObject *method_wrapper_repr(MpyObject *o)
{
    MpyMethodWrapperObject *m = (MpyMethodWrapperObject *)o;
    return mpy_str_from_format("<method-wrapper '%s' of %T object at %p>", m->descr->slot->name,
                               m->self, (void *)m->self);
}

static MpyObject *method_wrapper_get_self(MpyObject *o, void *c)
{
    return MPY_NEWREF(((MpyMethodWrapperObject *)o)->self);
}

static MpyObject *method_wrapper_get_name(MpyObject *o, void *c)
{
    return mpy_str_from_cstr(((MpyMethodWrapperObject *)o)->descr->slot->name);
}

static const MpyGetSetDef method_wrapper_getset[] = {
    {"__self__", method_wrapper_get_self, NULL, NULL, NULL},
    {"__name__", method_wrapper_get_name, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_method_wrapper_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "method-wrapper",
    .basicsize = sizeof(MpyMethodWrapperObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = method_wrapper_dealloc,
    .traverse = method_wrapper_traverse,
    .call = method_wrapper_call,
    .repr = method_wrapper_repr,
    .getset = method_wrapper_getset,
};

/* ------------------------------------------------------------------ */
/* member_descriptor and getset_descriptor                              */

MpyObject *mpy_descr_new_member(MpyType *owner, const MpyMemberDef *def)
{
    return new_descr(&mpy_member_descr_type, owner, def, sizeof(MpyMemberDescrObject));
}

MpyObject *mpy_descr_new_getset(MpyType *owner, const MpyGetSetDef *def)
{
    return new_descr(&mpy_getset_descr_type, owner, def, sizeof(MpyGetSetDescrObject));
}

static int check_descr_obj(MpyType *owner, const char *name, MpyObject *obj)
{
    if (mpy_type_is_subtype(MPY_TYPE(obj), owner))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                   name, owner->name, obj);
    return -1;
}

static MpyObject *member_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyMemberDescrObject *d = (MpyMemberDescrObject *)o;
    if (obj == NULL)
        return MPY_NEWREF(o);
    if (check_descr_obj(d->owner, d->def->name, obj) < 0)
        return NULL;
    char *addr = (char *)obj + d->def->offset;
    switch (d->def->type) {
    case MPY_MEMBER_OBJECT: {
        MpyObject *v = *(MpyObject **)addr;
        return MPY_NEWREF(v ? v : MPY_NONE);
    }
    case MPY_MEMBER_OBJECT_EX: {
        MpyObject *v = *(MpyObject **)addr;
        if (v == NULL)
            return mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute '%s'", obj,
                                  d->def->name);
        return MPY_NEWREF(v);
    }
    case MPY_MEMBER_INT: return mpy_int_from_long(*(int *)addr);
    case MPY_MEMBER_SSIZE: return mpy_int_from_ssize(*(ptrdiff_t *)addr);
    case MPY_MEMBER_BOOL: return MPY_NEWREF(mpy_bool_from(*(char *)addr != 0));
    case MPY_MEMBER_DOUBLE: return mpy_float_from_double(*(double *)addr);
    default: return mpy_err_bad_internal_call("member_get");
    }
}

static int member_set(MpyObject *o, MpyObject *obj, MpyObject *value)
{
    MpyMemberDescrObject *d = (MpyMemberDescrObject *)o;
    if (check_descr_obj(d->owner, d->def->name, obj) < 0)
        return -1;
    if (d->def->flags & MPY_MEMBER_READONLY) {
        mpy_err_set(mpy_exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + d->def->offset;
    switch (d->def->type) {
    case MPY_MEMBER_OBJECT:
    case MPY_MEMBER_OBJECT_EX: {
        MpyObject **slot = (MpyObject **)addr;
        if (value == NULL && d->def->type == MPY_MEMBER_OBJECT_EX && *slot == NULL) {
            mpy_err_set(mpy_exc_AttributeError, d->def->name); /* CPython 3.11 says just the name */
            return -1;
        }
        MPY_XINCREF(value);
        MPY_SETREF(*slot, value);
        return 0;
    }
    case MPY_MEMBER_INT:
    case MPY_MEMBER_SSIZE: {
        if (value == NULL) {
            mpy_err_set(mpy_exc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
        ptrdiff_t v = mpy_number_as_ssize(value, mpy_exc_OverflowError);
        if (v == -1 && mpy_err_occurred())
            return -1;
        if (d->def->type == MPY_MEMBER_INT)
            *(int *)addr = (int)v;
        else
            *(ptrdiff_t *)addr = v;
        return 0;
    }
    case MPY_MEMBER_BOOL: {
        int b = value ? mpy_object_is_true(value) : 0;
        if (b < 0)
            return -1;
        *(char *)addr = (char)b;
        return 0;
    }
    case MPY_MEMBER_DOUBLE: {
        double v = value ? mpy_float_as_double(value) : 0.0;
        if (v == -1.0 && mpy_err_occurred())
            return -1;
        *(double *)addr = v;
        return 0;
    }
    default:
        mpy_err_bad_internal_call("member_set");
        return -1;
    }
}

static MpyObject *member_get_name(MpyObject *o, void *c)
{
    return mpy_str_from_cstr(((MpyMemberDescrObject *)o)->def->name);
}

static const MpyGetSetDef member_getset[] = {
    {"__name__", member_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};

static MpyObject *member_repr(MpyObject *o)
{
    MpyMemberDescrObject *d = (MpyMemberDescrObject *)o;
    return mpy_str_from_format("<member '%s' of '%s' objects>", d->def->name, d->owner->name);
}

MpyType mpy_member_descr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "member_descriptor",
    .basicsize = sizeof(MpyMemberDescrObject),
    .descr_get = member_get,
    .descr_set = member_set,
    .repr = member_repr,
    .getset = member_getset,
};

static MpyObject *getset_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyGetSetDescrObject *d = (MpyGetSetDescrObject *)o;
    if (obj == NULL)
        return MPY_NEWREF(o);
    if (check_descr_obj(d->owner, d->def->name, obj) < 0)
        return NULL;
    if (d->def->get == NULL)
        return mpy_err_format(mpy_exc_AttributeError, "attribute '%s' of '%s' objects is not readable",
                              d->def->name, d->owner->name);
    return d->def->get(obj, d->def->closure);
}

static int getset_set(MpyObject *o, MpyObject *obj, MpyObject *value)
{
    MpyGetSetDescrObject *d = (MpyGetSetDescrObject *)o;
    if (check_descr_obj(d->owner, d->def->name, obj) < 0)
        return -1;
    if (d->def->set == NULL) {
        mpy_err_format(mpy_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                       d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

static MpyObject *getset_repr(MpyObject *o)
{
    MpyGetSetDescrObject *d = (MpyGetSetDescrObject *)o;
    return mpy_str_from_format("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static MpyObject *getset_get_name(MpyObject *o, void *c)
{
    return mpy_str_from_cstr(((MpyGetSetDescrObject *)o)->def->name);
}

static const MpyGetSetDef getset_getset[] = {
    {"__name__", getset_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_getset_descr_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "getset_descriptor",
    .basicsize = sizeof(MpyGetSetDescrObject),
    .descr_get = getset_get,
    .descr_set = getset_set,
    .repr = getset_repr,
    .getset = getset_getset,
};

/* ------------------------------------------------------------------ */
/* staticmethod and classmethod                                         */

static MpyObject *wrapper_new(MpyType *type, MpyObject *callable)
{
    MpyStaticMethodObject *s = (MpyStaticMethodObject *)mpy_object_alloc(type);
    if (s == NULL)
        return NULL;
    s->callable = MPY_NEWREF(callable);
    mpy_gc_track((MpyObject *)s);
    return (MpyObject *)s;
}

MpyObject *mpy_staticmethod_new(MpyObject *callable) { return wrapper_new(&mpy_staticmethod_type, callable); }
MpyObject *mpy_classmethod_new(MpyObject *callable) { return wrapper_new(&mpy_classmethod_type, callable); }

static MpyObject *sm_tp_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    const char *name = type == &mpy_classmethod_type ? "classmethod" : "staticmethod";
    if (mpy_arg_no_kwargs(name, kw) < 0 || mpy_arg_check_positional(name, nargs, 1, 1) < 0)
        return NULL;
    return wrapper_new(type, args[0]);
}

static void sm_dealloc(MpyObject *o)
{
    MpyStaticMethodObject *s = (MpyStaticMethodObject *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(s->callable);
    MPY_XDECREF(s->dict);
    mpy_object_free(o);
}

static int sm_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyStaticMethodObject *s = (MpyStaticMethodObject *)o;
    MPY_VISIT(s->callable);
    MPY_VISIT(s->dict);
    return 0;
}

static MpyObject *sm_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    return MPY_NEWREF(((MpyStaticMethodObject *)o)->callable);
}

static MpyObject *sm_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return mpy_object_call(((MpyStaticMethodObject *)o)->callable, args, nargs, kw);
}

static MpyObject *cm_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    MpyStaticMethodObject *s = (MpyStaticMethodObject *)o;
    if (owner == NULL)
        owner = (MpyObject *)MPY_TYPE(obj);
    if (MPY_TYPE(s->callable)->descr_get != NULL && MPY_TYPE(s->callable) != &mpy_function_type &&
        MPY_TYPE(s->callable) != &mpy_builtin_function_type)
        return MPY_TYPE(s->callable)->descr_get(s->callable, owner, NULL);
    return mpy_method_new(s->callable, owner);
}

static MpyObject *sm_get_func(MpyObject *o, void *c)
{
    return MPY_NEWREF(((MpyStaticMethodObject *)o)->callable);
}

static MpyObject *sm_get_isabstract(MpyObject *o, void *c)
{
    MpyObject *f = ((MpyStaticMethodObject *)o)->callable;
    MpyObject *v = mpy_object_lookup_attr(f, mpy_str_intern_cstr("__isabstractmethod__"));
    if (v == NULL)
        return mpy_err_occurred() ? NULL : MPY_NEWREF(MPY_FALSE);
    return v;
}

/* Forward __name__, __doc__ ... to the wrapped callable (3.10+). */
static MpyObject *sm_getattro(MpyObject *o, MpyObject *name)
{
    MpyObject *r = mpy_object_generic_getattr(o, name);
    if (r != NULL || !mpy_err_matches(mpy_exc_AttributeError))
        return r;
    const char *s = mpy_str_utf8(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0 || strcmp(s, "__doc__") == 0 ||
        strcmp(s, "__module__") == 0 || strcmp(s, "__wrapped__") == 0) {
        mpy_err_clear();
        if (strcmp(s, "__wrapped__") == 0)
            return MPY_NEWREF(((MpyStaticMethodObject *)o)->callable);
        return mpy_object_getattr(((MpyStaticMethodObject *)o)->callable, name);
    }
    return NULL;
}

static const MpyGetSetDef sm_getset[] = {
    {"__func__", sm_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL},
    {NULL},
};

static MpyObject *sm_repr(MpyObject *o)
{
    return mpy_str_from_format("<%s(%R)>", MPY_TYPE(o)->name, ((MpyStaticMethodObject *)o)->callable);
}

MpyType mpy_staticmethod_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "staticmethod",
    .basicsize = sizeof(MpyStaticMethodObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .descr_get = sm_get,
    .call = sm_call,
    .getattr = sm_getattro,
    .new = sm_tp_new,
    .repr = sm_repr,
    .getset = sm_getset,
    .dictoffset = offsetof(MpyStaticMethodObject, dict),
};

MpyType mpy_classmethod_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "classmethod",
    .basicsize = sizeof(MpyStaticMethodObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .descr_get = cm_get,
    .getattr = sm_getattro,
    .new = sm_tp_new,
    .repr = sm_repr,
    .getset = sm_getset,
    .dictoffset = offsetof(MpyStaticMethodObject, dict),
};

/* ------------------------------------------------------------------ */
/* mappingproxy                                                         */

typedef struct MappingProxy {
    MpyObject ob_base;
    MpyObject *mapping;
} MappingProxy;

MpyObject *mpy_mappingproxy_new(MpyObject *mapping)
{
    MappingProxy *p = (MappingProxy *)mpy_object_alloc(&mpy_mappingproxy_type);
    if (p == NULL)
        return NULL;
    p->mapping = MPY_NEWREF(mapping);
    mpy_gc_track((MpyObject *)p);
    return (MpyObject *)p;
}

static void mp_dealloc(MpyObject *o)
{
    mpy_gc_untrack(o);
    MPY_DECREF(((MappingProxy *)o)->mapping);
    mpy_object_free(o);
}

static int mp_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((MappingProxy *)o)->mapping);
    return 0;
}

static MpyObject *mp_getitem(MpyObject *o, MpyObject *key) { return mpy_object_getitem(((MappingProxy *)o)->mapping, key); }
static ptrdiff_t mp_len(MpyObject *o) { return mpy_object_length(((MappingProxy *)o)->mapping); }
static int mp_contains(MpyObject *o, MpyObject *key) { return mpy_sequence_contains(((MappingProxy *)o)->mapping, key); }
static MpyObject *mp_iter(MpyObject *o) { return mpy_object_get_iter(((MappingProxy *)o)->mapping); }
static MpyObject *mp_repr(MpyObject *o) { return mpy_str_from_format("mappingproxy(%R)", ((MappingProxy *)o)->mapping); }
static MpyObject *mp_str(MpyObject *o) { return mpy_object_str(((MappingProxy *)o)->mapping); }

static MpyObject *mp_forward(MpyObject *self, const char *name, MpyObject *const *args, size_t nargs)
{
    return mpy_object_call_method_cstr(((MappingProxy *)self)->mapping, name, args, nargs);
}

static MpyObject *mp_keys(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return mp_forward(s, "keys", a, n); }
static MpyObject *mp_values(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return mp_forward(s, "values", a, n); }
static MpyObject *mp_items(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return mp_forward(s, "items", a, n); }
static MpyObject *mp_get(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return mp_forward(s, "get", a, n); }
static MpyObject *mp_copy(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return mp_forward(s, "copy", a, n); }

static const MpyMethodDef mp_methods[] = {
    {"keys", mp_keys, MPY_METH_NOARGS, NULL},
    {"values", mp_values, MPY_METH_NOARGS, NULL},
    {"items", mp_items, MPY_METH_NOARGS, NULL},
    {"get", mp_get, MPY_METH_FASTCALL, NULL},
    {"copy", mp_copy, MPY_METH_NOARGS, NULL},
    {NULL},
};

MpyType mpy_mappingproxy_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "mappingproxy",
    .basicsize = sizeof(MappingProxy),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = mp_dealloc,
    .traverse = mp_traverse,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .repr = mp_repr,
    .str = mp_str,
    .methods = mp_methods,
};

