/* runtime/module.h: module objects and built-in (C) modules.
 *
 * Models CPython's Objects/moduleobject.c.  A module is a namespace dict
 * with a name.  A built-in module is described by an MpyModuleDef (its
 * functions plus an `exec` hook that adds constants and types) and listed
 * in runtime/modules.def; `import math` finds it there (runtime/import.c).
 */
#ifndef MINIPY_RUNTIME_MODULE_H
#define MINIPY_RUNTIME_MODULE_H

#include "runtime/object.h"

typedef struct MpyModuleObject {
    MpyObject ob_base;
    MpyObject *dict;      /* the namespace: __name__, __doc__, globals */
    const struct MpyModuleDef *def; /* NULL for modules written in Python */
} MpyModuleObject;

typedef struct MpyModuleDef {
    const char *name;               /* "math", "os.path" */
    const char *doc;
    const MpyMethodDef *methods;    /* module-level functions (self is the module) */
    /* Fills the new module (constants, types, submodules).  Returns 0 / -1. */
    int (*exec)(MpyObject *module);
    /* 1 if the module is safe without the GIL (free-threaded build); 0
     * makes importing it turn the GIL on, as CPython 3.13t does. */
    int gil_not_used;
} MpyModuleDef;

extern MpyType mpy_module_type;

static inline bool mpy_module_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_is_subtype(o->ob_type, &mpy_module_type);
}

/* A new empty module named `name` (a str), with __name__, __doc__ None,
 * __package__ None, __loader__ None, __spec__ None.
 * Returns: new reference or NULL. */
MpyObject *mpy_module_new(MpyObject *name);
MpyObject *mpy_module_new_cstr(const char *name);
/* Build a module from its definition and run its exec hook.
 * Returns: new reference or NULL. */
MpyObject *mpy_module_from_def(const MpyModuleDef *def);
/* Returns: borrowed reference to the module's namespace dict. */
MpyObject *mpy_module_get_dict(MpyObject *module);
/* Add a global.  `_take` consumes the reference to value, also on failure.
 * Returns 0 / -1. */
int mpy_module_add(MpyObject *module, const char *name, MpyObject *value);
int mpy_module_add_take(MpyObject *module, const char *name, MpyObject *value);
int mpy_module_add_int(MpyObject *module, const char *name, long long value);
int mpy_module_add_float(MpyObject *module, const char *name, double value);
int mpy_module_add_str(MpyObject *module, const char *name, const char *value);
int mpy_module_add_type(MpyObject *module, MpyType *type); /* under type->name's last part */
/* Returns: borrowed reference to the module's __name__ str (or NULL). */
MpyObject *mpy_module_get_name(MpyObject *module);

/* The table of built-in modules (runtime/modules.def). */
typedef struct MpyBuiltinModule {
    const char *name;
    const MpyModuleDef *def;
} MpyBuiltinModule;
extern const MpyBuiltinModule mpy__builtin_modules[];
const MpyModuleDef *mpy__find_builtin_module(const char *name);

#endif
