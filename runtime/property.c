/* runtime/property.c: the `property` descriptor.
 *
 * Models property in CPython's Objects/descrobject.c: a data descriptor
 * that calls fget/fset/fdel, with the getter/setter/deleter decorators
 * returning a copy that replaces one function, and __set_name__ recording
 * the attribute name for error messages.
 */
#include "runtime/descr.h"

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef MpyPropertyObject Prop;

static void prop_dealloc(MpyObject *o)
{
    Prop *p = (Prop *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(p->fget);
    MPY_XDECREF(p->fset);
    MPY_XDECREF(p->fdel);
    MPY_XDECREF(p->doc);
    MPY_XDECREF(p->name);
    mpy_object_free(o);
}

static int prop_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    Prop *p = (Prop *)o;
    MPY_VISIT(p->fget);
    MPY_VISIT(p->fset);
    MPY_VISIT(p->fdel);
    MPY_VISIT(p->doc);
    return 0;
}

static MpyObject *none_to_null(MpyObject *v)
{
    return v == NULL || v == MPY_NONE ? NULL : MPY_NEWREF(v);
}

static int prop_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    MpyObject *a[4];
    if (mpy_arg_parse("property", args, nargs, kwnames, kwlist, 0, a) < 0)
        return -1;
    Prop *p = (Prop *)self;
    MPY_SETREF(p->fget, none_to_null(a[0]));
    MPY_SETREF(p->fset, none_to_null(a[1]));
    MPY_SETREF(p->fdel, none_to_null(a[2]));
    MpyObject *doc = none_to_null(a[3]);
    if (doc == NULL && p->fget != NULL) {
        doc = mpy_object_lookup_attr(p->fget, MPY_ID(__doc__));
        if (doc == NULL && mpy_err_occurred())
            return -1;
    }
    MPY_SETREF(p->doc, doc);
    return 0;
}

static MpyObject *prop_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *o = mpy_object_alloc(type);
    if (o != NULL)
        mpy_gc_track(o);
    return o;
}

/* "property 'x' of 'A' object has no setter" */
static void missing(Prop *p, MpyObject *obj, const char *what)
{
    if (p->name != NULL)
        mpy_err_format(mpy_exc_AttributeError, "property %R of '%T' object has no %s", p->name, obj, what);
    else
        mpy_err_format(mpy_exc_AttributeError, "property of '%T' object has no %s", obj, what);
}

static MpyObject *prop_get(MpyObject *self, MpyObject *obj, MpyObject *owner)
{
    Prop *p = (Prop *)self;
    if (obj == NULL)
        return MPY_NEWREF(self);
    if (p->fget == NULL) {
        missing(p, obj, "getter");
        return NULL;
    }
    return mpy_object_call1(p->fget, obj);
}

static int prop_set(MpyObject *self, MpyObject *obj, MpyObject *value)
{
    Prop *p = (Prop *)self;
    MpyObject *f = value == NULL ? p->fdel : p->fset;
    if (f == NULL) {
        missing(p, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    MpyObject *r = value == NULL ? mpy_object_call1(f, obj) : mpy_object_call2(f, obj, value);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

/* A copy of the property with one function replaced. */
static MpyObject *prop_copy(MpyObject *self, int which, MpyObject *func)
{
    Prop *p = (Prop *)self;
    MpyObject *args[4] = {p->fget ? p->fget : MPY_NONE, p->fset ? p->fset : MPY_NONE,
                          p->fdel ? p->fdel : MPY_NONE, MPY_NONE};
    args[which] = func;
    /* Keep an explicit doc, but let a new getter supply its own. */
    if (p->doc != NULL && !(which == 0 && p->fget != NULL))
        args[3] = p->doc;
    MpyObject *copy = mpy_object_call((MpyObject *)MPY_TYPE(self), args, 4, NULL);
    if (copy != NULL && p->name != NULL && MPY_TYPE(copy) == &mpy_property_type)
        ((Prop *)copy)->name = MPY_NEWREF(p->name);
    return copy;
}

static MpyObject *prop_getter(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return prop_copy(s, 0, a[0]); }
static MpyObject *prop_setter(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return prop_copy(s, 1, a[0]); }
static MpyObject *prop_deleter(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) { return prop_copy(s, 2, a[0]); }

static MpyObject *prop_set_name(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (nargs != 2)
        return mpy_err_format(mpy_exc_TypeError, "__set_name__() takes 2 positional arguments but %zu were given", nargs);
    MPY_SETREF(((Prop *)self)->name, MPY_NEWREF(args[1]));
    return MPY_RETURN_NONE;
}

static const MpyMethodDef prop_methods[] = {
    {"getter", prop_getter, MPY_METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", prop_setter, MPY_METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", prop_deleter, MPY_METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", prop_set_name, MPY_METH_FASTCALL, "Method to set name of a property."},
    {NULL},
};

static MpyObject *get_field(MpyObject *v) { return MPY_NEWREF(v ? v : MPY_NONE); }
static MpyObject *prop_fget(MpyObject *o, void *c) { return get_field(((Prop *)o)->fget); }
static MpyObject *prop_fset(MpyObject *o, void *c) { return get_field(((Prop *)o)->fset); }
static MpyObject *prop_fdel(MpyObject *o, void *c) { return get_field(((Prop *)o)->fdel); }
static MpyObject *prop_doc(MpyObject *o, void *c) { return get_field(((Prop *)o)->doc); }

static int prop_set_doc(MpyObject *o, MpyObject *v, void *c)
{
    MPY_XINCREF(v);
    MPY_SETREF(((Prop *)o)->doc, v);
    return 0;
}

static MpyObject *prop_isabstract(MpyObject *o, void *c)
{
    Prop *p = (Prop *)o;
    MpyObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (fs[i] == NULL)
            continue;
        MpyObject *v = mpy_object_lookup_attr(fs[i], mpy_str_intern_cstr("__isabstractmethod__"));
        if (v == NULL) {
            if (mpy_err_occurred())
                return NULL;
            continue;
        }
        int t = mpy_object_is_true(v);
        MPY_DECREF(v);
        if (t != 0)
            return t < 0 ? NULL : MPY_NEWREF(MPY_TRUE);
    }
    return MPY_NEWREF(MPY_FALSE);
}

static const MpyGetSetDef prop_getset[] = {
    {"fget", prop_fget, NULL, NULL, NULL},
    {"fset", prop_fset, NULL, NULL, NULL},
    {"fdel", prop_fdel, NULL, NULL, NULL},
    {"__doc__", prop_doc, prop_set_doc, NULL, NULL},
    {"__isabstractmethod__", prop_isabstract, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_property_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "property",
    .doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring",
    .basicsize = sizeof(Prop),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = prop_dealloc,
    .traverse = prop_traverse,
    .descr_get = prop_get,
    .descr_set = prop_set,
    .new = prop_new,
    .init = prop_init,
    .methods = prop_methods,
    .getset = prop_getset,
};
