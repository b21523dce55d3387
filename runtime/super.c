/* runtime/super.c: super(), the proxy that looks attributes up in the MRO
 * after a given class.
 *
 * Models super_* in CPython's Objects/typeobject.c, including the
 * zero-argument form, which reads the caller's frame: the class comes from
 * the `__class__` free variable and the instance from the first argument.
 */
#include "runtime/super.h"
#include "runtime/dict.h"

#include "gil/tstate.h"
#include "runtime/error.h"
#include "runtime/func.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/eval.h"

typedef struct SuperObject {
    MpyObject ob_base;
    MpyType *type;      /* the class given to super() */
    MpyObject *obj;     /* the instance or class, or NULL (unbound) */
    MpyType *obj_type;  /* the type whose MRO is searched */
} SuperObject;

/* The type whose MRO super() walks: type(obj), or obj itself for a class. */
static MpyType *supercheck(MpyType *type, MpyObject *obj)
{
    if (mpy_type_check(obj) && mpy_type_is_subtype((MpyType *)obj, type))
        return (MpyType *)obj;
    if (mpy_type_is_subtype(MPY_TYPE(obj), type))
        return MPY_TYPE(obj);
    mpy_err_set(mpy_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Zero-argument super(): look at the calling frame. */
static int super_from_frame(MpyType **type, MpyObject **obj)
{
    MpyFrame *f = mpy_eval_current_frame();
    if (f == NULL) {
        mpy_err_set(mpy_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    MpyCodeObject *co = f->code;
    if (co->argcount == 0) {
        mpy_err_set(mpy_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    MpyObject *first = f->localsplus[0];
    if (first == NULL && co->cell2arg != NULL) {
        for (int i = 0; i < co->ncellvars; i++) {
            if (co->cell2arg[i] == 0)
                first = ((MpyCellObject *)f->localsplus[co->nlocals + i])->ref;
        }
    }
    if (first == NULL) {
        mpy_err_set(mpy_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nfreevars; i++) {
        MpyObject *name = mpy_tuple_item(co->freevars, i);
        if (!mpy_str_equal_cstr(name, "__class__"))
            continue;
        MpyObject *cell = f->localsplus[co->nlocals + co->ncellvars + i];
        MpyObject *cls = ((MpyCellObject *)cell)->ref;
        if (cls == NULL) {
            mpy_err_set(mpy_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!mpy_type_check(cls)) {
            mpy_err_format(mpy_exc_RuntimeError, "super(): __class__ is not a type (%T)", cls);
            return -1;
        }
        *type = (MpyType *)cls;
        *obj = first;
        return 0;
    }
    mpy_err_set(mpy_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static MpyObject *super_new(MpyType *stype, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (kw != NULL && mpy_tuple_size(kw) > 0)
        return mpy_err_format(mpy_exc_TypeError, "super() takes no keyword arguments");
    if (nargs > 2)
        return mpy_err_format(mpy_exc_TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    MpyType *type;
    MpyObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(&type, &obj) < 0)
            return NULL;
    } else {
        if (!mpy_type_check(args[0]))
            return mpy_err_format(mpy_exc_TypeError, "super() argument 1 must be a type, not %T", args[0]);
        type = (MpyType *)args[0];
        obj = nargs == 2 && args[1] != MPY_NONE ? args[1] : NULL;
    }
    MpyType *obj_type = NULL;
    if (obj != NULL && (obj_type = supercheck(type, obj)) == NULL)
        return NULL;
    SuperObject *su = (SuperObject *)mpy_object_alloc(stype);
    if (su == NULL)
        return NULL;
    su->type = (MpyType *)MPY_NEWREF(type);
    su->obj = obj ? MPY_NEWREF(obj) : NULL;
    su->obj_type = obj_type ? (MpyType *)MPY_NEWREF(obj_type) : NULL;
    mpy_gc_track((MpyObject *)su);
    return (MpyObject *)su;
}

static MpyObject *super_getattro(MpyObject *self, MpyObject *name)
{
    SuperObject *su = (SuperObject *)self;
    MpyType *start = su->obj_type;
    /* __class__ is the super object's own. */
    if (start != NULL && !mpy_str_equal_cstr(name, "__class__")) {
        MpyObject *mro = start->mro;
        ptrdiff_t n = mro ? mpy_tuple_size(mro) : 0, i = 0;
        while (i < n && (MpyType *)mpy_tuple_item(mro, i) != su->type)
            i++;
        for (i++; i < n; i++) {
            MpyType *t = (MpyType *)mpy_tuple_item(mro, i);
            MpyObject *v = t->dict ? mpy_dict_get_str_borrowed(t->dict, name) : NULL;
            if (v == NULL)
                continue;
            MpyDescrGetFunc get = MPY_TYPE(v)->descr_get;
            if (get == NULL)
                return MPY_NEWREF(v);
            MPY_INCREF(v);
            MpyObject *r = get(v, su->obj == (MpyObject *)start ? NULL : su->obj, (MpyObject *)start);
            MPY_DECREF(v);
            return r;
        }
    }
    return mpy_object_generic_getattr(self, name);
}

static MpyObject *super_descr_get(MpyObject *self, MpyObject *obj, MpyObject *owner)
{
    SuperObject *su = (SuperObject *)self;
    if (obj == NULL || su->obj != NULL)
        return MPY_NEWREF(self);
    MpyObject *args[2] = {(MpyObject *)su->type, obj};
    return mpy_object_call((MpyObject *)MPY_TYPE(self), args, 2, NULL);
}

static MpyObject *super_repr(MpyObject *self)
{
    SuperObject *su = (SuperObject *)self;
    if (su->obj_type != NULL)
        return mpy_str_from_format("<super: <class '%s'>, <%s object>>", su->type->name, su->obj_type->name);
    return mpy_str_from_format("<super: <class '%s'>, NULL>", su->type->name);
}

static void super_dealloc(MpyObject *self)
{
    SuperObject *su = (SuperObject *)self;
    mpy_gc_untrack(self);
    MPY_XDECREF(su->type);
    MPY_XDECREF(su->obj);
    MPY_XDECREF(su->obj_type);
    mpy_object_free(self);
}

static int super_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    SuperObject *su = (SuperObject *)self;
    MPY_VISIT(su->obj);
    MPY_VISIT((MpyObject *)su->type);
    MPY_VISIT((MpyObject *)su->obj_type);
    return 0;
}

static MpyObject *super_get_thisclass(MpyObject *self, void *c)
{
    return MPY_NEWREF(((SuperObject *)self)->type);
}

static MpyObject *super_get_self(MpyObject *self, void *c)
{
    MpyObject *o = ((SuperObject *)self)->obj;
    return MPY_NEWREF(o ? o : MPY_NONE);
}

static MpyObject *super_get_self_class(MpyObject *self, void *c)
{
    MpyType *t = ((SuperObject *)self)->obj_type;
    return MPY_NEWREF(t ? (MpyObject *)t : MPY_NONE);
}

static const MpyGetSetDef super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()", NULL},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None", NULL},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None", NULL},
    {NULL},
};

MpyType mpy_super_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "super",
    .doc = "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)",
    .basicsize = sizeof(SuperObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .getattr = super_getattro,
    .descr_get = super_descr_get,
    .repr = super_repr,
    .new = super_new,
    .getset = super_getset,
};
