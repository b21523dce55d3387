/* runtime/descr.h: descriptors and built-in callables.
 *
 * Models CPython's Objects/descrobject.c, methodobject.c and funcobject.c's
 * classmethod/staticmethod, and property from descrobject.c:
 *
 *   builtin_function_or_method  a C function, maybe bound to a self (len,
 *                               [].append once bound)
 *   method_descriptor           a C method in a type's dict (list.append)
 *   classmethod_descriptor      a C classmethod (dict.fromkeys)
 *   wrapper_descriptor          a slot seen from Python (int.__add__)
 *   method-wrapper              a wrapper bound to an instance ((1).__add__)
 *   member_descriptor           a C struct field (exception.args ...)
 *   getset_descriptor           computed attribute in C (type.__name__)
 *   property, staticmethod, classmethod   the Python-level decorators
 */
#ifndef MINIPY_RUNTIME_DESCR_H
#define MINIPY_RUNTIME_DESCR_H

#include "runtime/object.h"

typedef struct MpyBuiltinFunctionObject {
    MpyObject ob_base;
    const MpyMethodDef *def;
    MpyObject *self;      /* bound instance, module, or NULL */
    MpyType *owner;       /* the type for bound methods (messages), or NULL */
    MpyObject *module;    /* __module__ for module functions, or NULL */
} MpyBuiltinFunctionObject;

typedef struct MpyMethodDescrObject {
    MpyObject ob_base;
    MpyType *owner;
    const MpyMethodDef *def;
} MpyMethodDescrObject;

typedef struct MpyMemberDescrObject {
    MpyObject ob_base;
    MpyType *owner;
    const MpyMemberDef *def;
} MpyMemberDescrObject;

typedef struct MpyGetSetDescrObject {
    MpyObject ob_base;
    MpyType *owner;
    const MpyGetSetDef *def;
} MpyGetSetDescrObject;

struct MpySlotDef;
typedef struct MpyWrapperDescrObject {
    MpyObject ob_base;
    MpyType *owner;
    const struct MpySlotDef *slot;
    void *wrapped;        /* the C slot function this wrapper calls */
} MpyWrapperDescrObject;

typedef struct MpyMethodWrapperObject {
    MpyObject ob_base;
    MpyWrapperDescrObject *descr;
    MpyObject *self;
} MpyMethodWrapperObject;

typedef struct MpyPropertyObject {
    MpyObject ob_base;
    MpyObject *fget, *fset, *fdel, *doc;
    MpyObject *name;      /* from __set_name__, for messages */
} MpyPropertyObject;

typedef struct MpyStaticMethodObject {
    MpyObject ob_base;
    MpyObject *callable;
    MpyObject *dict;
} MpyStaticMethodObject; /* also classmethod */

extern MpyType mpy_builtin_function_type;
extern MpyType mpy_method_descr_type;
extern MpyType mpy_classmethod_descr_type;
extern MpyType mpy_wrapper_descr_type;
extern MpyType mpy_method_wrapper_type;
extern MpyType mpy_member_descr_type;
extern MpyType mpy_getset_descr_type;
extern MpyType mpy_property_type;
extern MpyType mpy_staticmethod_type;
extern MpyType mpy_classmethod_type;
extern MpyType mpy_mappingproxy_type;

/* A builtin function for `def` bound to `self` (NULL for none); `module`
 * is the module for module-level functions.  Returns: new reference. */
MpyObject *mpy_cfunction_new(const MpyMethodDef *def, MpyObject *self, MpyObject *module);
/* Descriptors for a type's dict.  Returns: new reference or NULL. */
MpyObject *mpy_descr_new_method(MpyType *owner, const MpyMethodDef *def);
MpyObject *mpy_descr_new_member(MpyType *owner, const MpyMemberDef *def);
MpyObject *mpy_descr_new_getset(MpyType *owner, const MpyGetSetDef *def);
MpyObject *mpy_descr_new_wrapper(MpyType *owner, const struct MpySlotDef *slot, void *wrapped);
MpyObject *mpy_staticmethod_new(MpyObject *callable);
MpyObject *mpy_classmethod_new(MpyObject *callable);
/* A read-only view of a mapping (type.__dict__).  Returns: new ref. */
MpyObject *mpy_mappingproxy_new(MpyObject *mapping);

/* Call the C function of `def` with the METH_* convention checks
 * ("x() takes no arguments (1 given)").  `qualname_owner` (may be NULL)
 * prefixes the name in messages ("list.append()").
 * Returns: new reference or NULL + exception. */
MpyObject *mpy__cfunc_call(const MpyMethodDef *def, MpyType *qualname_owner, MpyObject *self,
                           MpyObject *const *args, size_t nargs, MpyObject *kwnames);

/* Argument checking for METH_FASTCALL functions, with CPython's messages.
 * Each returns 0, or -1 with TypeError set. */
int mpy_arg_no_kwargs(const char *funcname, MpyObject *kwnames);
int mpy_arg_check_positional(const char *funcname, size_t nargs, size_t min, size_t max);
/* Bind positional and keyword arguments to `kwlist` names: out[i] gets a
 * borrowed reference or NULL when missing.  Names starting with '$' are
 * keyword-only, a leading '|' in the list is not used: `min` counts the
 * required leading parameters.  Messages as CPython's Argument Clinic:
 * "f() got an unexpected keyword argument 'x'", "f() missing required
 * argument 'x' (pos 1)", "f() takes at most 2 arguments (3 given)".
 * Returns 0 / -1. */
int mpy_arg_parse(const char *funcname, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                  const char *const *kwlist, size_t min, MpyObject **out);

#endif
