/* runtime/func.c: function, method and cell objects.
 *
 * Models CPython's Objects/funcobject.c, classobject.c (bound methods) and
 * cellobject.c.  Calling a function is in vm/eval.c; this file owns the
 * objects and their Python-visible attributes.
 */
#include "runtime/func.h"

#include <stddef.h>

#include "gil/brc.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Functions                                                            */

/* The builtins a function runs with: globals["__builtins__"] (a module or
 * a dict), else the interpreter's.  Returns: borrowed dict. */
static MpyObject *builtins_for(MpyObject *globals)
{
    MpyObject *b = mpy_dict_get_str_borrowed(globals, MPY_ID(__builtins__));
    if (b != NULL) {
        if (mpy_module_check(b))
            return mpy_module_get_dict(b);
        if (mpy_dict_check(b))
            return b;
    }
    return mpy__interp->builtins;
}

MpyObject *mpy_function_new(MpyObject *code, MpyObject *globals)
{
    MpyCodeObject *co = (MpyCodeObject *)code;
    MpyFunctionObject *f = (MpyFunctionObject *)mpy_object_alloc(&mpy_function_type);
    if (f == NULL)
        return NULL;
    f->code = MPY_NEWREF(code);
    f->globals = MPY_NEWREF(globals);
    f->builtins = MPY_NEWREF(builtins_for(globals));
    f->name = MPY_NEWREF(co->name);
    f->qualname = MPY_NEWREF(co->qualname);
    MpyObject *doc = MPY_NONE;
    if ((co->flags & MPY_CO_OPTIMIZED) && mpy_tuple_size(co->consts) > 0 &&
        mpy_str_check(mpy_tuple_item(co->consts, 0)))
        doc = mpy_tuple_item(co->consts, 0);
    f->doc = MPY_NEWREF(doc);
    MpyObject *module = mpy_dict_get_str_borrowed(globals, MPY_ID(__name__));
    f->module = MPY_NEWREF(module != NULL ? module : MPY_NONE);
    f->simple_call = !(co->flags & (MPY_CO_VARARGS | MPY_CO_VARKEYWORDS | MPY_CO_GENERATOR | MPY_CO_COROUTINE |
                                   MPY_CO_ASYNC_GENERATOR)) &&
                     co->kwonlyargcount == 0 && co->ncellvars == 0 && co->nfreevars == 0;
    mpy_gc_track((MpyObject *)f);
    mpy__ft_shared_object_created((MpyObject *)f);
    return (MpyObject *)f;
}

static void func_dealloc(MpyObject *o)
{
    MpyFunctionObject *f = (MpyFunctionObject *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(f->code);
    MPY_XDECREF(f->globals);
    MPY_XDECREF(f->builtins);
    MPY_XDECREF(f->name);
    MPY_XDECREF(f->qualname);
    MPY_XDECREF(f->defaults);
    MPY_XDECREF(f->kwdefaults);
    MPY_XDECREF(f->closure);
    MPY_XDECREF(f->doc);
    MPY_XDECREF(f->module);
    MPY_XDECREF(f->dict);
    MPY_XDECREF(f->annotations);
    mpy_object_free(o);
}

static int func_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyFunctionObject *f = (MpyFunctionObject *)o;
    MPY_VISIT(f->code);
    MPY_VISIT(f->globals);
    MPY_VISIT(f->defaults);
    MPY_VISIT(f->kwdefaults);
    MPY_VISIT(f->closure);
    MPY_VISIT(f->doc);
    MPY_VISIT(f->module);
    MPY_VISIT(f->dict);
    MPY_VISIT(f->annotations);
    return 0;
}

static int func_clear(MpyObject *o)
{
    MpyFunctionObject *f = (MpyFunctionObject *)o;
    MPY_CLEAR(f->defaults);
    MPY_CLEAR(f->kwdefaults);
    MPY_CLEAR(f->closure);
    MPY_CLEAR(f->dict);
    MPY_CLEAR(f->annotations);
    MPY_CLEAR(f->doc);
    MPY_CLEAR(f->module);
    return 0;
}

static MpyObject *func_repr(MpyObject *o)
{
    return mpy_str_from_format("<function %U at %p>", ((MpyFunctionObject *)o)->qualname, (void *)o);
}

static MpyObject *func_descr_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    if (obj == NULL)
        return MPY_NEWREF(o);
    return mpy_method_new(o, obj);
}

static MpyObject *field_or_none(MpyObject *v) { return MPY_NEWREF(v ? v : MPY_NONE); }

static MpyObject *func_get_name(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFunctionObject *)o)->name); }
static MpyObject *func_get_qualname(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFunctionObject *)o)->qualname); }
static MpyObject *func_get_code(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFunctionObject *)o)->code); }
static MpyObject *func_get_globals(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFunctionObject *)o)->globals); }
static MpyObject *func_get_builtins(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFunctionObject *)o)->builtins); }
static MpyObject *func_get_closure(MpyObject *o, void *c) { return field_or_none(((MpyFunctionObject *)o)->closure); }
static MpyObject *func_get_defaults(MpyObject *o, void *c) { return field_or_none(((MpyFunctionObject *)o)->defaults); }
static MpyObject *func_get_kwdefaults(MpyObject *o, void *c) { return field_or_none(((MpyFunctionObject *)o)->kwdefaults); }

static int set_str_field(MpyObject **field, MpyObject *v, const char *what)
{
    if (v == NULL || !mpy_str_check(v)) {
        mpy_err_format(mpy_exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    MPY_SETREF(*field, MPY_NEWREF(v));
    return 0;
}

static int func_set_name(MpyObject *o, MpyObject *v, void *c) { return set_str_field(&((MpyFunctionObject *)o)->name, v, "__name__"); }
static int func_set_qualname(MpyObject *o, MpyObject *v, void *c) { return set_str_field(&((MpyFunctionObject *)o)->qualname, v, "__qualname__"); }

static int func_set_defaults(MpyObject *o, MpyObject *v, void *c)
{
    if (v == MPY_NONE)
        v = NULL;
    if (v != NULL && !mpy_tuple_check(v)) {
        mpy_err_set(mpy_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    MPY_XINCREF(v);
    MPY_SETREF(((MpyFunctionObject *)o)->defaults, v);
    return 0;
}

static int func_set_kwdefaults(MpyObject *o, MpyObject *v, void *c)
{
    if (v == MPY_NONE)
        v = NULL;
    if (v != NULL && !mpy_dict_check(v)) {
        mpy_err_set(mpy_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    MPY_XINCREF(v);
    MPY_SETREF(((MpyFunctionObject *)o)->kwdefaults, v);
    return 0;
}

static MpyObject *func_get_doc(MpyObject *o, void *c) { return field_or_none(((MpyFunctionObject *)o)->doc); }
static int func_set_doc(MpyObject *o, MpyObject *v, void *c)
{
    MpyObject *nv = MPY_NEWREF(v ? v : MPY_NONE);
    MPY_SETREF(((MpyFunctionObject *)o)->doc, nv);
    return 0;
}

static MpyObject *func_get_module(MpyObject *o, void *c) { return field_or_none(((MpyFunctionObject *)o)->module); }
static int func_set_module(MpyObject *o, MpyObject *v, void *c)
{
    MpyObject *nv = MPY_NEWREF(v ? v : MPY_NONE);
    MPY_SETREF(((MpyFunctionObject *)o)->module, nv);
    return 0;
}

static MpyObject *func_get_annotations(MpyObject *o, void *c)
{
    MpyFunctionObject *f = (MpyFunctionObject *)o;
    if (f->annotations == NULL && (f->annotations = mpy_dict_new()) == NULL)
        return NULL;
    if (mpy_tuple_check(f->annotations)) {
        /* MAKE_FUNCTION stores (name, value, name, value ...). */
        MpyObject *d = mpy_dict_new();
        if (d == NULL)
            return NULL;
        MpyObject *t = f->annotations;
        for (ptrdiff_t i = 0; i + 1 < mpy_tuple_size(t); i += 2) {
            if (mpy_dict_set(d, mpy_tuple_item(t, i), mpy_tuple_item(t, i + 1)) < 0) {
                MPY_DECREF(d);
                return NULL;
            }
        }
        MPY_SETREF(f->annotations, d);
    }
    return MPY_NEWREF(f->annotations);
}

static int func_set_annotations(MpyObject *o, MpyObject *v, void *c)
{
    if (v == MPY_NONE)
        v = NULL;
    if (v != NULL && !mpy_dict_check(v)) {
        mpy_err_set(mpy_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    MPY_XINCREF(v);
    MPY_SETREF(((MpyFunctionObject *)o)->annotations, v);
    return 0;
}

/* __dict__ (function attributes): the accessors of ordinary instances
 * (runtime/object_type.c), over the `dict` field at the type's dictoffset. */
extern const MpyGetSetDef mpy__instance_dict_getset;

static MpyObject *func_get_dict(MpyObject *o, void *c)
{
    return mpy__instance_dict_getset.get(o, c);
}

static int func_set_dict(MpyObject *o, MpyObject *v, void *c)
{
    return mpy__instance_dict_getset.set(o, v, c);
}

static const MpyGetSetDef func_getset[] = {
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__code__", func_get_code, NULL, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL, NULL},
    {"__module__", func_get_module, func_set_module, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {NULL},
};

MpyType mpy_function_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "function",
    .doc = "Create a function object.",
    .basicsize = sizeof(MpyFunctionObject),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = func_dealloc,
    .traverse = func_traverse,
    .clear = func_clear,
    .repr = func_repr,
    .call = mpy__function_call,
    .descr_get = func_descr_get,
    .getset = func_getset,
    .dictoffset = offsetof(MpyFunctionObject, dict),
};

/* ------------------------------------------------------------------ */
/* Bound methods                                                        */

MpyObject *mpy_method_new(MpyObject *func, MpyObject *self)
{
    MpyMethodObject *m = (MpyMethodObject *)mpy_object_alloc(&mpy_method_type);
    if (m == NULL)
        return NULL;
    m->func = MPY_NEWREF(func);
    m->self = MPY_NEWREF(self);
    mpy_gc_track((MpyObject *)m);
    return (MpyObject *)m;
}

static void method_dealloc(MpyObject *o)
{
    MpyMethodObject *m = (MpyMethodObject *)o;
    mpy_gc_untrack(o);
    MPY_DECREF(m->func);
    MPY_DECREF(m->self);
    mpy_object_free(o);
}

static int method_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyMethodObject *m = (MpyMethodObject *)o;
    MPY_VISIT(m->func);
    MPY_VISIT(m->self);
    return 0;
}

/* self.func(*args): prepend self without building a tuple. */
static MpyObject *method_call(MpyObject *o, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyMethodObject *m = (MpyMethodObject *)o;
    size_t total = nargs + (kwnames ? (size_t)mpy_tuple_size(kwnames) : 0);
    MpyObject *small[8];
    MpyObject **stack = total + 1 <= 8 ? small : mpy_mem_alloc((total + 1) * sizeof(MpyObject *));
    if (stack == NULL)
        return NULL;
    stack[0] = m->self;
    for (size_t i = 0; i < total; i++)
        stack[i + 1] = args[i];
    MpyObject *r = mpy_object_call(m->func, stack, nargs + 1, kwnames);
    if (stack != small)
        mpy_mem_free(stack);
    return r;
}

static MpyObject *method_repr(MpyObject *o)
{
    MpyMethodObject *m = (MpyMethodObject *)o;
    MpyObject *name = mpy_object_lookup_attr(m->func, MPY_ID(__qualname__));
    if (name == NULL && !mpy_err_occurred())
        name = mpy_object_lookup_attr(m->func, MPY_ID(__name__));
    if (name == NULL) {
        if (mpy_err_occurred())
            return NULL;
        name = mpy_str_from_cstr("?");
    }
    MpyObject *r = mpy_str_from_format("<bound method %S of %R>", name, m->self);
    MPY_DECREF(name);
    return r;
}

static MpyObject *method_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if ((op != MPY_EQ && op != MPY_NE) || !mpy_method_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MpyMethodObject *x = (MpyMethodObject *)a, *y = (MpyMethodObject *)b;
    int eq = mpy_object_richcompare_bool(x->func, y->func, MPY_EQ);
    if (eq < 0)
        return NULL;
    eq = eq && x->self == y->self;
    return MPY_NEWREF(mpy_bool_from((op == MPY_EQ) == (eq != 0)));
}

static MpyHash method_hash(MpyObject *o)
{
    MpyMethodObject *m = (MpyMethodObject *)o;
    MpyHash h = mpy_object_hash(m->func);
    if (h == -1)
        return -1;
    h ^= mpy_hash_pointer(m->self);
    return h == -1 ? -2 : h;
}

/* Attributes other than __func__/__self__ come from the function. */
static MpyObject *method_getattro(MpyObject *o, MpyObject *name)
{
    MpyObject *descr = mpy_type_lookup(MPY_TYPE(o), name);
    if (descr != NULL && MPY_TYPE(descr)->descr_get != NULL)
        return MPY_TYPE(descr)->descr_get(descr, o, (MpyObject *)MPY_TYPE(o));
    if (descr != NULL)
        return MPY_NEWREF(descr);
    return mpy_object_getattr(((MpyMethodObject *)o)->func, name);
}

static MpyObject *method_descr_get(MpyObject *o, MpyObject *obj, MpyObject *owner)
{
    return MPY_NEWREF(o);
}

/* method.__doc__ is the function's (CPython's method_get_doc). */
static MpyObject *method_get_doc(MpyObject *o, void *closure)
{
    return mpy_object_getattr_cstr(((MpyMethodObject *)o)->func, "__doc__");
}

static const MpyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL},
};

static const MpyMemberDef method_members[] = {
    {"__func__", MPY_MEMBER_OBJECT, offsetof(MpyMethodObject, func), MPY_MEMBER_READONLY, NULL},
    {"__self__", MPY_MEMBER_OBJECT, offsetof(MpyMethodObject, self), MPY_MEMBER_READONLY, NULL},
    {NULL},
};

MpyType mpy_method_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "method",
    .basicsize = sizeof(MpyMethodObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .call = method_call,
    .repr = method_repr,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .getattr = method_getattro,
    .descr_get = method_descr_get,
    .members = method_members,
    .getset = method_getset,
};

/* ------------------------------------------------------------------ */
/* Cells                                                                */

MpyObject *mpy_cell_new(MpyObject *ref)
{
    MpyCellObject *c = (MpyCellObject *)mpy_object_alloc(&mpy_cell_type);
    if (c == NULL)
        return NULL;
    c->ref = ref ? MPY_NEWREF(ref) : NULL;
    mpy_gc_track((MpyObject *)c);
    return (MpyObject *)c;
}

static void cell_dealloc(MpyObject *o)
{
    mpy_gc_untrack(o);
    MPY_XDECREF(((MpyCellObject *)o)->ref);
    mpy_object_free(o);
}

static int cell_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((MpyCellObject *)o)->ref);
    return 0;
}

static int cell_clear(MpyObject *o)
{
    MPY_CLEAR(((MpyCellObject *)o)->ref);
    return 0;
}

static MpyObject *cell_repr(MpyObject *o)
{
    MpyObject *ref = ((MpyCellObject *)o)->ref;
    if (ref == NULL)
        return mpy_str_from_format("<cell at %p: empty>", (void *)o);
    return mpy_str_from_format("<cell at %p: %T object at %p>", (void *)o, ref, (void *)ref);
}

static MpyObject *cell_get_contents(MpyObject *o, void *c)
{
    MpyObject *ref = ((MpyCellObject *)o)->ref;
    if (ref == NULL)
        return mpy_err_format(mpy_exc_ValueError, "Cell is empty");
    return MPY_NEWREF(ref);
}

static int cell_set_contents(MpyObject *o, MpyObject *v, void *c)
{
    MPY_XINCREF(v);
    MPY_SETREF(((MpyCellObject *)o)->ref, v);
    return 0;
}

static const MpyGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL},
};

MpyType mpy_cell_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "cell",
    .basicsize = sizeof(MpyCellObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .getset = cell_getset,
};
