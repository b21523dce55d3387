/* runtime/object_type.c: the `object` type (root of every class) and the
 * singletons None, NotImplemented and Ellipsis.
 *
 * Models object_* in CPython's Objects/typeobject.c and the singletons of
 * Objects/object.c and sliceobject.c.
 */
#include "runtime/object.h"

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* object                                                               */

static int object_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames);

static bool excess_args(size_t nargs, MpyObject *kwnames)
{
    return nargs > 0 || (kwnames != NULL && mpy_tuple_size(kwnames) > 0);
}

static MpyObject *object_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (type->new != object_new)
            return mpy_err_format(mpy_exc_TypeError,
                                  "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->init == object_init)
            return mpy_err_format(mpy_exc_TypeError, "%s() takes no arguments", type->name);
    }
    if (mpy_type_has_flag(type, MPY_TPFLAGS_ABSTRACT)) {
        MpyObject *abstract = type->dict ? mpy_dict_get_cstr(type->dict, "__abstractmethods__") : NULL;
        if (abstract != NULL) {
            MpyObject *sorted = mpy_list_from_iterable(abstract);
            MPY_DECREF(abstract);
            if (sorted == NULL || mpy_list_sort(sorted, NULL, false) < 0) {
                MPY_XDECREF(sorted);
                return NULL;
            }
            MpyObject *sep = mpy_str_from_cstr(", ");
            MpyObject *joined = sep ? mpy_str_join(sep, sorted) : NULL;
            ptrdiff_t n = mpy_list_size(sorted);
            MPY_XDECREF(sep);
            MPY_DECREF(sorted);
            if (joined == NULL)
                return NULL;
            mpy_err_format(mpy_exc_TypeError,
                           "Can't instantiate abstract class %s with abstract method%s %U",
                           type->name, n > 1 ? "s" : "", joined);
            MPY_DECREF(joined);
            return NULL;
        }
        if (mpy_err_occurred())
            return NULL;
    }
    return mpy_object_alloc(type);
}

static int object_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyType *type = MPY_TYPE(self);
    if (excess_args(nargs, kwnames)) {
        if (type->init != object_init) {
            mpy_err_set(mpy_exc_TypeError,
                        "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->new == object_new) {
            mpy_err_format(mpy_exc_TypeError, "%s() takes no arguments", type->name);
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(MpyObject *self)
{
    mpy_object_free(self);
}

static MpyObject *object_repr(MpyObject *self)
{
    return mpy_object_default_repr(self);
}

static MpyObject *object_str(MpyObject *self)
{
    return mpy_object_repr(self);
}

static MpyHash object_hash(MpyObject *self)
{
    return mpy_hash_pointer(self);
}

static MpyObject *object_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (op == MPY_EQ)
        return MPY_NEWREF(a == b ? MPY_TRUE : MPY_NOT_IMPLEMENTED);
    if (op == MPY_NE) {
        /* By default != is the inverse of ==, unless == is NotImplemented. */
        MpyRichCmpFunc cmp = MPY_TYPE(a)->richcompare;
        if (cmp == NULL)
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        MpyObject *r = cmp(a, b, MPY_EQ);
        if (r == NULL || r == MPY_NOT_IMPLEMENTED)
            return r;
        int t = mpy_object_is_true(r);
        MPY_DECREF(r);
        return t < 0 ? NULL : MPY_NEWREF(mpy_bool_from(!t));
    }
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

static MpyObject *object_get_class(MpyObject *self, void *c)
{
    return MPY_NEWREF(MPY_TYPE(self));
}

static int object_set_class(MpyObject *self, MpyObject *value, void *c)
{
    if (value == NULL) {
        mpy_err_set(mpy_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!mpy_type_check(value)) {
        mpy_err_format(mpy_exc_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    MpyType *old = MPY_TYPE(self), *new_type = (MpyType *)value;
    if (!mpy_type_has_flag(old, MPY_TPFLAGS_HEAPTYPE) || !mpy_type_has_flag(new_type, MPY_TPFLAGS_HEAPTYPE)) {
        mpy_err_set(mpy_exc_TypeError,
                    "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (old->basicsize != new_type->basicsize || old->itemsize != new_type->itemsize ||
        (old->flags & (MPY_TPFLAGS_MANAGED_DICT | MPY_TPFLAGS_HAVE_GC)) !=
            (new_type->flags & (MPY_TPFLAGS_MANAGED_DICT | MPY_TPFLAGS_HAVE_GC))) {
        mpy_err_format(mpy_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                       new_type->name, old->name);
        return -1;
    }
    MPY_INCREF(new_type);
    self->ob_type = new_type;
    MPY_DECREF(old);
    return 0;
}

static MpyObject *object_get_dict(MpyObject *self, void *c)
{
    MpyObject **dp = mpy_object_dict_ptr(self);
    if (dp == NULL)
        return mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    if (*dp == NULL && (*dp = mpy_dict_new()) == NULL)
        return NULL;
    return MPY_NEWREF(*dp);
}

static int object_set_dict(MpyObject *self, MpyObject *value, void *c)
{
    MpyObject **dp = mpy_object_dict_ptr(self);
    if (dp == NULL) {
        mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
        return -1;
    }
    if (value == NULL || !mpy_dict_check(value)) {
        mpy_err_format(mpy_exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'",
                       value ? value : MPY_NONE);
        return -1;
    }
    MPY_SETREF(*dp, MPY_NEWREF(value));
    return 0;
}

static const MpyGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL},
};

/* __dict__ of instances of classes that have one: added to each such class
 * by runtime/type_new.c (object() itself has no __dict__). */
const MpyGetSetDef mpy__instance_dict_getset = {"__dict__", object_get_dict, object_set_dict,
                                                NULL, NULL};

static MpyObject *object_dir(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyObject *names = mpy_dict_new();
    if (names == NULL)
        return NULL;
    MpyObject **dp = mpy_object_dict_ptr(self);
    if (dp != NULL && *dp != NULL && mpy_dict_merge(names, *dp, 1) < 0)
        goto fail;
    MpyObject *cls_names = mpy_object_dir((MpyObject *)MPY_TYPE(self));
    if (cls_names == NULL)
        goto fail;
    for (ptrdiff_t i = 0; i < mpy_list_size(cls_names); i++) {
        if (mpy_dict_set(names, ((MpyListObject *)cls_names)->items[i], MPY_NONE) < 0) {
            MPY_DECREF(cls_names);
            goto fail;
        }
    }
    MPY_DECREF(cls_names);
    MpyObject *r = mpy_dict_keys(names);
    MPY_DECREF(names);
    return r;
fail:
    MPY_DECREF(names);
    return NULL;
}

static MpyObject *object_format(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    MpyObject *spec = args[0];
    if (!mpy_str_check(spec))
        return mpy_err_format(mpy_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    if (mpy_str_length(spec) > 0)
        return mpy_err_format(mpy_exc_TypeError, "unsupported format string passed to %T.__format__", self);
    return mpy_object_str(self);
}

static MpyObject *object_init_subclass(MpyObject *cls, MpyObject *const *a, size_t n, MpyObject *kw)
{
    if (n > 0 || (kw != NULL && mpy_tuple_size(kw) > 0))
        return mpy_err_format(mpy_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                              ((MpyType *)cls)->name);
    return MPY_RETURN_NONE;
}

static MpyObject *object_subclasshook(MpyObject *cls, MpyObject *const *a, size_t n, MpyObject *kw)
{
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

static MpyObject *object_sizeof(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_ssize((ptrdiff_t)MPY_TYPE(self)->basicsize);
}

/* Call copyreg.<func>(self, *extra): the default pickling logic lives in
 * Python (runtime/lib/copyreg.py), as CPython's copyreg._reduce_ex does. */
static MpyObject *call_copyreg(const char *func, MpyObject *self, MpyObject *extra)
{
    MpyObject *copyreg = mpy_import_module_cstr("copyreg");
    if (copyreg == NULL)
        return NULL;
    MpyObject *args[2] = {self, extra};
    MpyObject *r = mpy_object_call_method_cstr(copyreg, func, args, extra != NULL ? 2 : 1);
    MPY_DECREF(copyreg);
    return r;
}

/* object.__getstate__(): the __dict__ (None when empty), with the slot
 * values as (dict, slots) for classes with __slots__. */
static MpyObject *object_getstate(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return call_copyreg("_object_getstate", self, NULL);
}

/* The reduction when the class does not define __reduce__ (CPython:
 * _common_reduce): copyreg.__newobj__ for protocol 2 and up, else
 * copyreg._reconstructor. */
static MpyObject *common_reduce(MpyObject *self, MpyObject *protocol)
{
    return call_copyreg("_reduce_ex", self, protocol);
}

static MpyObject *object_reduce(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyObject *zero = mpy_int_from_long(0);
    MpyObject *r = common_reduce(self, zero);
    MPY_DECREF(zero);
    return r;
}

/* object.__reduce_ex__(protocol): the class's own __reduce__ if it
 * overrides object's, else the default reduction. */
static MpyObject *object_reduce_ex(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    if (k != NULL && mpy_tuple_size(k) > 0)
        return mpy_err_format(mpy_exc_TypeError, "object.__reduce_ex__() takes no keyword arguments");
    if (n != 1)
        return mpy_err_format(mpy_exc_TypeError,
                              "object.__reduce_ex__() takes exactly one argument (%zu given)", n);
    MpyObject *protocol = mpy_number_index(a[0]);
    if (protocol == NULL)
        return NULL;
    MpyObject *cls_reduce = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__reduce__));
    MpyObject *obj_reduce = mpy_type_lookup(&mpy_object_type, MPY_ID(__reduce__));
    MpyObject *r;
    if (cls_reduce != NULL && cls_reduce != obj_reduce)
        r = mpy_object_call_method(self, MPY_ID(__reduce__), NULL, 0);
    else
        r = common_reduce(self, protocol);
    MPY_DECREF(protocol);
    return r;
}

static const MpyMethodDef object_methods[] = {
    {"__dir__", object_dir, MPY_METH_NOARGS, "Default dir() implementation."},
    {"__format__", object_format, MPY_METH_O, "Default object formatter."},
    {"__init_subclass__", object_init_subclass, MPY_METH_FASTCALL | MPY_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, MPY_METH_FASTCALL | MPY_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof, MPY_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__getstate__", object_getstate, MPY_METH_NOARGS, "Helper for pickle."},
    {"__reduce__", object_reduce, MPY_METH_NOARGS, "Helper for pickle."},
    {"__reduce_ex__", object_reduce_ex, MPY_METH_FASTCALL, "Helper for pickle."},
    {NULL},
};

MpyType mpy_object_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "object",
    .doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
    .basicsize = sizeof(MpyObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = mpy_object_generic_getattr,
    .setattr = mpy_object_generic_setattr,
    .new = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
};

/* ------------------------------------------------------------------ */
/* None, NotImplemented, Ellipsis                                       */

static MpyObject *none_repr(MpyObject *self) { return mpy_str_from_cstr("None"); }
static int none_bool(MpyObject *self) { return 0; }

static MpyObject *none_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (excess_args(nargs, kw))
        return mpy_err_format(mpy_exc_TypeError, "NoneType takes no arguments");
    return MPY_NEWREF(MPY_NONE);
}

MpyType mpy_none_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "NoneType",
    .basicsize = sizeof(MpyObject),
    .repr = none_repr,
    .nb_bool = none_bool,
    .new = none_new,
};
MpyObject mpy__none = MPY_STATIC_HEAD(&mpy_none_type);

static MpyObject *ni_repr(MpyObject *self) { return mpy_str_from_cstr("NotImplemented"); }
static MpyObject *ni_reduce(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_str_from_cstr("NotImplemented");
}
static const MpyMethodDef ni_methods[] = {{"__reduce__", ni_reduce, MPY_METH_NOARGS, NULL}, {NULL}};

static MpyObject *ni_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (excess_args(nargs, kw))
        return mpy_err_format(mpy_exc_TypeError, "NotImplementedType takes no arguments");
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

MpyType mpy_not_implemented_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(MpyObject),
    .repr = ni_repr,
    .new = ni_new,
    .methods = ni_methods,
};
MpyObject mpy__not_implemented = MPY_STATIC_HEAD(&mpy_not_implemented_type);

static MpyObject *ellipsis_repr(MpyObject *self) { return mpy_str_from_cstr("Ellipsis"); }

static MpyObject *ellipsis_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (excess_args(nargs, kw))
        return mpy_err_format(mpy_exc_TypeError, "ellipsis takes no arguments");
    return MPY_NEWREF(MPY_ELLIPSIS);
}

MpyType mpy_ellipsis_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "ellipsis",
    .basicsize = sizeof(MpyObject),
    .repr = ellipsis_repr,
    .new = ellipsis_new,
};
MpyObject mpy__ellipsis = MPY_STATIC_HEAD(&mpy_ellipsis_type);
