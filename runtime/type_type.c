/* runtime/type_type.c: the `type` type itself: calling a class, attribute
 * access on classes, and the attributes every class has (__name__,
 * __mro__, __dict__ ...).
 *
 * Models the type_* functions of CPython's Objects/typeobject.c.
 */
#include "runtime/type.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"


/* ------------------------------------------------------------------ */
/* Calling a class: obj = type.__new__(cls, ...); obj.__init__(...)     */

static MpyObject *type_call(MpyObject *callable, MpyObject *const *args, size_t nargs,
                            MpyObject *kwnames)
{
    MpyType *type = (MpyType *)callable;
    if (type == &mpy_type_type && nargs == 1 && (kwnames == NULL || mpy_tuple_size(kwnames) == 0))
        return MPY_NEWREF(MPY_TYPE(args[0]));
    if (type->new == NULL)
        return mpy_err_format(mpy_exc_TypeError, "cannot create '%s' instances", type->name);
    MpyObject *obj = type->new(type, args, nargs, kwnames);
    if (obj == NULL)
        return NULL;
    if (!mpy_type_is_subtype(MPY_TYPE(obj), type))
        return obj; /* __new__ returned something else: no __init__ */
    MpyType *objtype = MPY_TYPE(obj);
    if (mpy_type_has_flag(objtype, MPY_TPFLAGS_HEAPTYPE) && mpy_object_is_gc(obj) &&
        !mpy_gc_is_tracked(obj))
        mpy_gc_track(obj);
    if (objtype->init != NULL && objtype->init(obj, args, nargs, kwnames) < 0) {
        MPY_DECREF(obj);
        return NULL;
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Attribute access on classes                                          */

static MpyObject *type_getattro(MpyObject *self, MpyObject *name)
{
    MpyType *type = (MpyType *)self;
    MpyType *meta = MPY_TYPE(self);
    MpyObject *meta_attr = mpy_type_lookup(meta, name);
    MpyDescrGetFunc meta_get = NULL;
    if (meta_attr != NULL) {
        MPY_INCREF(meta_attr);
        meta_get = MPY_TYPE(meta_attr)->descr_get;
        if (meta_get != NULL && MPY_TYPE(meta_attr)->descr_set != NULL) {
            MpyObject *r = meta_get(meta_attr, self, (MpyObject *)meta);
            MPY_DECREF(meta_attr);
            return r;
        }
    }
    MpyObject *attr = mpy_type_lookup(type, name);
    if (attr != NULL) {
        MPY_XDECREF(meta_attr);
        MpyDescrGetFunc get = MPY_TYPE(attr)->descr_get;
        if (get != NULL) {
            MPY_INCREF(attr);
            MpyObject *r = get(attr, NULL, self);
            MPY_DECREF(attr);
            return r;
        }
        return MPY_NEWREF(attr);
    }
    if (meta_get != NULL) {
        MpyObject *r = meta_get(meta_attr, self, (MpyObject *)meta);
        MPY_DECREF(meta_attr);
        return r;
    }
    if (meta_attr != NULL)
        return meta_attr;
    MpyObject *exc_args[1];
    MpyObject *msg = mpy_str_from_format("type object '%s' has no attribute '%U'",
                                         mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) && type->name_obj
                                             ? mpy_str_utf8(type->name_obj) : type->name,
                                         name);
    if (msg == NULL)
        return NULL;
    exc_args[0] = msg;
    MpyObject *exc = mpy_exc_new(mpy_exc_AttributeError, exc_args, 1);
    MPY_DECREF(msg);
    if (exc != NULL) {
        mpy_object_setattr_cstr(exc, "name", name);
        mpy_object_setattr_cstr(exc, "obj", self);
        mpy_err_restore(exc);
    }
    return NULL;
}

static int type_setattro(MpyObject *self, MpyObject *name, MpyObject *value)
{
    MpyType *type = (MpyType *)self;
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE)) {
        mpy_err_format(mpy_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'",
                       name, type->name);
        return -1;
    }
    /* Data descriptors on the metatype (__name__, __doc__ ...) first. */
    MpyObject *meta_attr = mpy_type_lookup(MPY_TYPE(self), name);
    if (meta_attr != NULL && MPY_TYPE(meta_attr)->descr_set != NULL)
        return MPY_TYPE(meta_attr)->descr_set(meta_attr, self, value);
    int r;
    if (value == NULL) {
        r = mpy_dict_del(type->dict, name);
        if (r < 0 && mpy_err_matches(mpy_exc_KeyError)) {
            mpy_err_clear();
            mpy_err_format(mpy_exc_AttributeError, "type object '%s' has no attribute '%U'",
                           type->name, name);
        }
    } else {
        MpyObject *key = mpy_str_intern_take(MPY_NEWREF(name));
        r = key ? mpy_dict_set(type->dict, key, value) : -1;
        MPY_XDECREF(key);
    }
    if (r < 0)
        return -1;
    mpy_type_modified(type);
    const char *s = mpy_str_utf8(name);
    if (s[0] == '_' && s[1] == '_')
        mpy__slots_update(type, name);
    return 0;
}

/* ------------------------------------------------------------------ */
/* repr, dealloc, GC                                                    */

static MpyObject *type_repr(MpyObject *self)
{
    MpyType *type = (MpyType *)self;
    MpyObject *module = mpy_type_module_name(type);
    MpyObject *qual = mpy_type_qualname(type);
    MpyObject *r = NULL;
    if (module != NULL && qual != NULL) {
        if (mpy_str_equal_cstr(module, "builtins"))
            r = mpy_str_from_format("<class '%U'>", qual);
        else
            r = mpy_str_from_format("<class '%U.%U'>", module, qual);
    }
    MPY_XDECREF(module);
    MPY_XDECREF(qual);
    return r;
}

static int type_is_gc(MpyObject *o)
{
    return mpy_type_has_flag((MpyType *)o, MPY_TPFLAGS_HEAPTYPE);
}

static int type_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyType *type = (MpyType *)self;
    MPY_VISIT(type->dict);
    MPY_VISIT(type->bases);
    MPY_VISIT(type->mro);
    MPY_VISIT((MpyObject *)type->base);
    return 0;
}

static int type_clear(MpyObject *self)
{
    MpyType *type = (MpyType *)self;
    mpy_type_modified(type);
    MPY_CLEAR(type->dict);
    MPY_CLEAR(type->mro);
    return 0;
}

static void type_dealloc(MpyObject *self)
{
    MpyType *type = (MpyType *)self;
    mpy_gc_untrack(self);
    mpy_type_modified(type);
    if (type->bases != NULL) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(type->bases); i++)
            mpy__type_remove_subclass((MpyType *)mpy_tuple_item(type->bases, i), type);
    }
    MPY_CLEAR(type->dict);
    MPY_CLEAR(type->mro);
    MPY_CLEAR(type->bases);
    MPY_CLEAR(type->subclasses);
    MPY_CLEAR(type->name_obj);
    MPY_CLEAR(type->qualname);
    MPY_CLEAR(type->module);
    MPY_XDECREF((MpyObject *)type->base);
    free((void *)type->members); /* __slots__ descriptors' definitions */
    mpy_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Attributes of classes                                                */

static MpyObject *type_get_name(MpyObject *self, void *c)
{
    MpyType *type = (MpyType *)self;
    if (type->name_obj != NULL)
        return MPY_NEWREF(type->name_obj);
    const char *dot = strrchr(type->name, '.');
    return mpy_str_from_cstr(dot ? dot + 1 : type->name);
}

static int check_settable(MpyType *type, MpyObject *value, const char *what)
{
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE)) {
        mpy_err_format(mpy_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", what,
                       type->name);
        return -1;
    }
    if (value == NULL) {
        mpy_err_format(mpy_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                       what, type->name);
        return -1;
    }
    return 0;
}

static int type_set_name(MpyObject *self, MpyObject *value, void *c)
{
    MpyType *type = (MpyType *)self;
    if (check_settable(type, value, "__name__") < 0)
        return -1;
    if (!mpy_str_check(value)) {
        mpy_err_format(mpy_exc_TypeError, "can only assign string to %s.__name__, not '%T'",
                       type->name, value);
        return -1;
    }
    MPY_SETREF(type->name_obj, MPY_NEWREF(value));
    type->name = mpy_str_utf8(value);
    return 0;
}

static MpyObject *type_get_qualname(MpyObject *self, void *c)
{
    return mpy_type_qualname((MpyType *)self);
}

static int type_set_qualname(MpyObject *self, MpyObject *value, void *c)
{
    MpyType *type = (MpyType *)self;
    if (check_settable(type, value, "__qualname__") < 0)
        return -1;
    if (!mpy_str_check(value)) {
        mpy_err_format(mpy_exc_TypeError, "can only assign string to %s.__qualname__, not '%T'",
                       type->name, value);
        return -1;
    }
    MPY_SETREF(type->qualname, MPY_NEWREF(value));
    return 0;
}

static MpyObject *type_get_module(MpyObject *self, void *c)
{
    return mpy_type_module_name((MpyType *)self);
}

static int type_set_module(MpyObject *self, MpyObject *value, void *c)
{
    MpyType *type = (MpyType *)self;
    if (check_settable(type, value, "__module__") < 0)
        return -1;
    mpy_type_modified(type);
    return mpy_dict_set(type->dict, MPY_ID(__module__), value);
}

static MpyObject *type_get_doc(MpyObject *self, void *c)
{
    MpyType *type = (MpyType *)self;
    // A built-in type's own doc wins over a __doc__ descriptor for its
    // instances in its dict (property.__doc__ is the type's doc).
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE) && type->doc != NULL)
        return mpy_str_from_cstr(type->doc);
    MpyObject *doc = type->dict ? mpy_dict_get_str_borrowed(type->dict, MPY_ID(__doc__)) : NULL;
    if (doc == NULL)
        return MPY_NEWREF(MPY_NONE);
    if (MPY_TYPE(doc)->descr_get != NULL)
        return MPY_TYPE(doc)->descr_get(doc, NULL, self);
    return MPY_NEWREF(doc);
}

static int type_set_doc(MpyObject *self, MpyObject *value, void *c)
{
    MpyType *type = (MpyType *)self;
    if (check_settable(type, value, "__doc__") < 0)
        return -1;
    mpy_type_modified(type);
    return mpy_dict_set(type->dict, MPY_ID(__doc__), value);
}

static MpyObject *type_get_dict(MpyObject *self, void *c)
{
    return mpy_mappingproxy_new(((MpyType *)self)->dict);
}

static MpyObject *type_get_bases(MpyObject *self, void *c)
{
    return MPY_NEWREF(((MpyType *)self)->bases);
}

static MpyObject *type_get_base(MpyObject *self, void *c)
{
    MpyType *base = ((MpyType *)self)->base;
    return MPY_NEWREF(base ? (MpyObject *)base : MPY_NONE);
}

static MpyObject *type_get_mro(MpyObject *self, void *c)
{
    MpyObject *mro = ((MpyType *)self)->mro;
    return MPY_NEWREF(mro ? mro : MPY_NONE);
}

static MpyObject *type_get_annotations(MpyObject *self, void *c)
{
    MpyType *type = (MpyType *)self;
    MpyObject *a = type->dict ? mpy_dict_get_str_borrowed(type->dict, MPY_ID(__annotations__)) : NULL;
    if (a != NULL)
        return MPY_NEWREF(a);
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        return mpy_err_format(mpy_exc_AttributeError, "type object '%s' has no attribute '__annotations__'", type->name);
    a = mpy_dict_new();
    if (a != NULL && mpy_dict_set(type->dict, MPY_ID(__annotations__), a) < 0)
        MPY_CLEAR(a);
    return a;
}

static const MpyGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, NULL, NULL, NULL},
    {NULL},
};

/* ------------------------------------------------------------------ */
/* Methods of classes                                                   */

static MpyObject *type_mro_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyObject *mro = ((MpyType *)self)->mro;
    return mro ? mpy_list_from_iterable(mro) : mpy_list_new(0);
}

static MpyObject *type_subclasses_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy__type_subclasses((MpyType *)self);
}

static MpyObject *type_instancecheck(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    MpyObject *inst = args[0];
    if (mpy_type_is_subtype(MPY_TYPE(inst), (MpyType *)self))
        return MPY_NEWREF(MPY_TRUE);
    /* An object may claim another class through __class__ (proxies). */
    MpyObject *cls = mpy_object_lookup_attr(inst, MPY_ID(__class__));
    if (cls == NULL)
        return mpy_err_occurred() ? NULL : MPY_NEWREF(MPY_FALSE);
    bool r = cls != (MpyObject *)MPY_TYPE(inst) && mpy_type_check(cls) &&
             mpy_type_is_subtype((MpyType *)cls, (MpyType *)self);
    MPY_DECREF(cls);
    return MPY_NEWREF(mpy_bool_from(r));
}

static MpyObject *type_subclasscheck(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (!mpy_type_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "issubclass() arg 1 must be a class");
    return MPY_NEWREF(mpy_bool_from(mpy_type_is_subtype((MpyType *)args[0], (MpyType *)self)));
}

static MpyObject *type_prepare(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_dict_new();
}

static MpyObject *type_dir_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k);

static MpyObject *type_sizeof(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_ssize((ptrdiff_t)sizeof(MpyType));
}

static const MpyMethodDef type_methods[] = {
    {"mro", type_mro_method, MPY_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, MPY_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, MPY_METH_O, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, MPY_METH_O, "Check if a class is a subclass."},
    {"__prepare__", type_prepare, MPY_METH_FASTCALL | MPY_METH_CLASS,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__dir__", type_dir_method, MPY_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, MPY_METH_NOARGS, NULL},
    {NULL},
};

/* dir(cls): the merged dicts of the class and its bases. */
static MpyObject *type_dir_method(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyObject *names = mpy_dict_new();
    if (names == NULL)
        return NULL;
    MpyObject *mro = ((MpyType *)self)->mro;
    for (ptrdiff_t i = mro ? mpy_tuple_size(mro) : 0; i-- > 0;) {
        MpyType *t = (MpyType *)mpy_tuple_item(mro, i);
        if (t->dict != NULL && mpy_dict_merge(names, t->dict, 1) < 0) {
            MPY_DECREF(names);
            return NULL;
        }
    }
    MpyObject *list = mpy_dict_keys(names);
    MPY_DECREF(names);
    return list;
}

/* ------------------------------------------------------------------ */
/* type(x) and type(name, bases, dict)                                  */

static MpyObject *type_new_slot(MpyType *metatype, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    size_t nkw = kwnames ? (size_t)mpy_tuple_size(kwnames) : 0;
    if (nargs == 1 && nkw == 0)
        return MPY_NEWREF(MPY_TYPE(args[0]));
    if (nargs != 3)
        return mpy_err_format(mpy_exc_TypeError, "type() takes 1 or 3 arguments");
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "type.__new__() argument 1 must be str, not %T", args[0]);
    if (!mpy_tuple_check(args[1]))
        return mpy_err_format(mpy_exc_TypeError, "type.__new__() argument 2 must be tuple, not %T", args[1]);
    if (!mpy_dict_check(args[2]))
        return mpy_err_format(mpy_exc_TypeError, "type.__new__() argument 3 must be dict, not %T", args[2]);
    MpyObject *kw = NULL;
    if (nkw > 0) {
        kw = mpy_dict_new();
        if (kw == NULL)
            return NULL;
        for (size_t i = 0; i < nkw; i++) {
            if (mpy_dict_set(kw, mpy_tuple_item(kwnames, (ptrdiff_t)i), args[nargs + i]) < 0) {
                MPY_DECREF(kw);
                return NULL;
            }
        }
    }
    // The most derived metaclass of the bases wins (metaclass conflict
    // otherwise); one with its own __new__ takes over, as in CPython.
    MpyType *winner = mpy_type_calculate_metaclass(metatype, args[1]);
    if (winner == NULL) {
        MPY_XDECREF(kw);
        return NULL;
    }
    if (winner != metatype && winner->new != NULL && winner->new != type_new_slot) {
        MPY_XDECREF(kw);
        return winner->new(winner, args, nargs, kwnames);
    }
    MpyObject *r = mpy_type_new_class(winner, args[0], args[1], args[2], kw);
    MPY_XDECREF(kw);
    return r;
}

static int type_init_slot(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        mpy_err_set(mpy_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static MpyObject *type_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (op != MPY_EQ && op != MPY_NE)
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return MPY_NEWREF(mpy_bool_from((a == b) == (op == MPY_EQ)));
}

static MpyHash type_hash(MpyObject *self)
{
    return mpy_hash_pointer(self);
}

MpyType mpy_type_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "type",
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .basicsize = sizeof(MpyType),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_TYPE_SUBCLASS,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .hash = type_hash,
    .richcompare = type_richcompare,
    .getattr = type_getattro,
    .setattr = type_setattro,
    .call = type_call,
    .nb[MPY_NB_OR] = mpy_generic_alias_type_or, /* int | None (PEP 604) */
    .new = type_new_slot,
    .init = type_init_slot,
    .traverse = type_traverse,
    .clear = type_clear,
    .methods = type_methods,
    .getset = type_getset,
    .is_gc = type_is_gc,
    .dictoffset = offsetof(MpyType, dict),
};
