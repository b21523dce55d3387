/* runtime/module.c: module objects and the table of built-in modules.
 *
 * Models CPython's Objects/moduleobject.c.  A module is a namespace dict
 * plus a definition for modules written in C.  Attribute lookup falls back
 * to a module-level __getattr__ (PEP 562) and otherwise says "module 'x'
 * has no attribute 'y'".
 */
#include "runtime/module.h"

#include <stddef.h>
#include <string.h>

#include "gil/brc.h"
#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

/* The built-in modules (runtime/modules.def). */
#define MPY_BUILTIN_MODULE(pyname, var) extern const MpyModuleDef var;
#include "runtime/modules.def"
#undef MPY_BUILTIN_MODULE

const MpyBuiltinModule mpy__builtin_modules[] = {
#define MPY_BUILTIN_MODULE(pyname, var) {pyname, &var},
#include "runtime/modules.def"
#undef MPY_BUILTIN_MODULE
    {NULL, NULL},
};

const MpyModuleDef *mpy__find_builtin_module(const char *name)
{
    for (const MpyBuiltinModule *m = mpy__builtin_modules; m->name != NULL; m++) {
        if (strcmp(m->name, name) == 0)
            return m->def;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

static int init_dict(MpyObject *dict, MpyObject *name, MpyObject *doc)
{
    if (mpy_dict_set(dict, MPY_ID(__name__), name) < 0 ||
        mpy_dict_set(dict, MPY_ID(__doc__), doc) < 0 ||
        mpy_dict_set(dict, MPY_ID(__package__), MPY_NONE) < 0 ||
        mpy_dict_set(dict, MPY_ID(__loader__), MPY_NONE) < 0 ||
        mpy_dict_set(dict, MPY_ID(__spec__), MPY_NONE) < 0)
        return -1;
    return 0;
}

MpyObject *mpy_module_new(MpyObject *name)
{
    MpyModuleObject *m = (MpyModuleObject *)mpy_object_alloc(&mpy_module_type);
    if (m == NULL)
        return NULL;
    if ((m->dict = mpy_dict_new()) == NULL || init_dict(m->dict, name, MPY_NONE) < 0) {
        MPY_DECREF(m);
        return NULL;
    }
    mpy_gc_track((MpyObject *)m);
    mpy__ft_shared_object_created((MpyObject *)m);
    return (MpyObject *)m;
}

MpyObject *mpy_module_new_cstr(const char *name)
{
    MpyObject *s = mpy_str_from_cstr(name);
    if (s == NULL)
        return NULL;
    MpyObject *m = mpy_module_new(s);
    MPY_DECREF(s);
    return m;
}

MpyObject *mpy_module_from_def(const MpyModuleDef *def)
{
    MpyObject *m = mpy_module_new_cstr(def->name);
    if (m == NULL)
        return NULL;
    ((MpyModuleObject *)m)->def = def;
    if (def->doc != NULL && mpy_module_add_str(m, "__doc__", def->doc) < 0)
        goto fail;
    for (const MpyMethodDef *md = def->methods; md != NULL && md->name != NULL; md++) {
        MpyObject *f = mpy_cfunction_new(md, m, m);
        if (f == NULL || mpy_module_add_take(m, md->name, f) < 0)
            goto fail;
    }
    if (def->exec != NULL && def->exec(m) < 0)
        goto fail;
    return m;
fail:
    MPY_DECREF(m);
    return NULL;
}

MpyObject *mpy_module_get_dict(MpyObject *module)
{
    return ((MpyModuleObject *)module)->dict;
}

MpyObject *mpy_module_get_name(MpyObject *module)
{
    MpyObject *dict = ((MpyModuleObject *)module)->dict;
    MpyObject *name = dict ? mpy_dict_get_str_borrowed(dict, MPY_ID(__name__)) : NULL;
    return name != NULL && mpy_str_check(name) ? name : NULL;
}

int mpy_module_add(MpyObject *module, const char *name, MpyObject *value)
{
    return mpy_dict_set_cstr(((MpyModuleObject *)module)->dict, name, value);
}

int mpy_module_add_take(MpyObject *module, const char *name, MpyObject *value)
{
    if (value == NULL)
        return -1;
    int r = mpy_module_add(module, name, value);
    MPY_DECREF(value);
    return r;
}

int mpy_module_add_int(MpyObject *module, const char *name, long long value)
{
    return mpy_module_add_take(module, name, mpy_int_from_long(value));
}

int mpy_module_add_float(MpyObject *module, const char *name, double value)
{
    return mpy_module_add_take(module, name, mpy_float_from_double(value));
}

int mpy_module_add_str(MpyObject *module, const char *name, const char *value)
{
    return mpy_module_add_take(module, name, mpy_str_from_cstr(value));
}

int mpy_module_add_type(MpyObject *module, MpyType *type)
{
    const char *dot = strrchr(type->name, '.');
    return mpy_module_add(module, dot ? dot + 1 : type->name, (MpyObject *)type);
}

/* ------------------------------------------------------------------ */
/* The module type                                                      */

static MpyObject *module_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyModuleObject *m = (MpyModuleObject *)mpy_object_alloc(type);
    if (m == NULL)
        return NULL;
    if ((m->dict = mpy_dict_new()) == NULL) {
        MPY_DECREF(m);
        return NULL;
    }
    mpy_gc_track((MpyObject *)m);
    return (MpyObject *)m;
}

static int module_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"name", "doc", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("module", args, nargs, kwnames, kwlist, 1, a) < 0)
        return -1;
    if (!mpy_str_check(a[0])) {
        mpy_err_format(mpy_exc_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
        return -1;
    }
    return init_dict(((MpyModuleObject *)self)->dict, a[0], a[1] ? a[1] : MPY_NONE);
}

static void module_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(((MpyModuleObject *)self)->dict);
    mpy_object_free(self);
}

static int module_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((MpyModuleObject *)self)->dict);
    return 0;
}

static int module_clear(MpyObject *self)
{
    MPY_CLEAR(((MpyModuleObject *)self)->dict);
    return 0;
}

/* The modules CPython 3.11 freezes into its binary (Python/frozen.c): it
 * shows them as "(frozen)" whether minipy writes them in C or Python. */
static bool frozen_in_cpython(const char *name)
{
    static const char *const names[] = {
        "abc", "codecs", "io", "_collections_abc", "_sitebuiltins", "genericpath", "ntpath",
        "posixpath", "os", "os.path", "site", "stat", "importlib.util", "importlib.machinery",
        "runpy", "zipimport", NULL,
    };
    for (const char *const *n = names; *n != NULL; n++) {
        if (strcmp(*n, name) == 0)
            return true;
    }
    return false;
}

/* Is `self` the module the import system made from minipy's frozen source
 * (runtime/lib)? (Not a types.ModuleType that only shares the name.) */
static bool loaded_frozen(MpyObject *self, MpyObject *name)
{
    if (mpy__find_frozen_module(mpy_str_utf8(name)) == NULL || mpy__interp == NULL ||
        mpy__interp->modules == NULL)
        return false;
    return mpy_dict_get_str_borrowed(mpy__interp->modules, name) == self;
}

/* As CPython: "from 'path'" for a module with a file, "(built-in)" for a
 * module written in C, "(frozen)" for one compiled into the binary.  For
 * stdlib modules CPython loads from a .py file but minipy freezes (threading,
 * json ...) there is no path to show: they say "(frozen)". */
static MpyObject *module_repr(MpyObject *self)
{
    MpyModuleObject *m = (MpyModuleObject *)self;
    MpyObject *name = mpy_module_get_name(self);
    MpyObject *file = m->dict ? mpy_dict_get_str_borrowed(m->dict, MPY_ID(__file__)) : NULL;
    if (name == NULL)
        return mpy_str_from_cstr("<module '?'>");
    if (file != NULL && mpy_str_check(file))
        return mpy_str_from_format("<module %R from %R>", name, file);
    if (mpy_str_check(name) && frozen_in_cpython(mpy_str_utf8(name)))
        return mpy_str_from_format("<module %R (frozen)>", name);
    if (m->def != NULL)
        return mpy_str_from_format("<module %R (built-in)>", name);
    if (mpy_str_check(name) && loaded_frozen(self, name))
        return mpy_str_from_format("<module %R (frozen)>", name);
    return mpy_str_from_format("<module %R>", name);
}

static MpyObject *module_getattro(MpyObject *self, MpyObject *name)
{
    MpyObject *r = mpy__object_generic_lookup(self, name);
    if (r != NULL || mpy_err_occurred())
        return r;
    MpyModuleObject *m = (MpyModuleObject *)self;
    MpyObject *getattr = m->dict ? mpy_dict_get_str_borrowed(m->dict, MPY_ID(__getattr__)) : NULL;
    if (getattr != NULL)
        return mpy_object_call1(getattr, name);
    // builtins.ExceptionGroup: loaded on first use (vm/eval_helpers.c).
    if (mpy__interp != NULL && m->dict == mpy__interp->builtins && mpy_str_check(name) &&
        (mpy_str_equal_cstr(name, "ExceptionGroup") || mpy_str_equal_cstr(name, "BaseExceptionGroup"))) {
        MpyObject *loaded = mpy_import_module_cstr("_exceptiongroup");
        if (loaded == NULL)
            return NULL;
        MPY_DECREF(loaded);
        r = mpy_dict_get_str_borrowed(m->dict, name);
        if (r != NULL)
            return MPY_NEWREF(r);
    }
    MpyObject *modname = mpy_module_get_name(self);
    if (modname != NULL)
        mpy_err_format(mpy_exc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    else
        mpy_err_format(mpy_exc_AttributeError, "module has no attribute '%U'", name);
    // .name and .obj, as CPython sets them (for "Did you mean" hints).
    MpyObject *exc = mpy_err_fetch();
    if (exc != NULL) {
        mpy_object_setattr_cstr(exc, "name", name);
        mpy_object_setattr_cstr(exc, "obj", self);
        mpy_err_restore_raw(exc);
    }
    return NULL;
}

static MpyObject *module_dir(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyModuleObject *m = (MpyModuleObject *)self;
    MpyObject *dirfunc = m->dict ? mpy_dict_get_str_borrowed(m->dict, MPY_ID(__dir__)) : NULL;
    if (dirfunc != NULL)
        return mpy_object_call0(dirfunc);
    return mpy_dict_keys(m->dict);
}

static const MpyMethodDef module_methods[] = {
    {"__dir__", module_dir, MPY_METH_NOARGS, NULL},
    {NULL},
};

static MpyObject *module_get_dict(MpyObject *self, void *c)
{
    return MPY_NEWREF(((MpyModuleObject *)self)->dict);
}

static const MpyGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_module_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "module",
    .doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .basicsize = sizeof(MpyModuleObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattr = module_getattro,
    .new = module_new,
    .init = module_init,
    .methods = module_methods,
    .getset = module_getset,
    .dictoffset = offsetof(MpyModuleObject, dict),
};
