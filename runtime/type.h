/* runtime/type.h: the type system: readying static types, creating classes,
 * looking names up along the MRO, and keeping caches honest.
 *
 * Models CPython's Objects/typeobject.c.  A type's attributes live in its
 * dict; `mro` is computed with C3 linearization; slots a type does not fill
 * itself are inherited from its bases; for classes defined in Python, a slot
 * is pointed at a generic dispatcher when the class (or a base) defines the
 * matching dunder method (runtime/slots.c), and built-in types get Python
 * visible wrappers for their slots (`int.__add__`).
 *
 * Attribute lookups through the MRO are cached in a global table keyed by
 * (type version, name); assigning to a class attribute bumps the version of
 * the class and all its subclasses.
 */
#ifndef MINIPY_RUNTIME_TYPE_H
#define MINIPY_RUNTIME_TYPE_H

#include "runtime/object.h"

/* Finish a static type: MPY_TPFLAGS_READY, bases/mro, dict with methods,
 * members, getsets and slot wrappers, inherited slots.  Returns 0 / -1. */
int mpy_type_ready(MpyType *type);
/* Undo mpy_type_ready for a static type at finalization. */
void mpy__type_unready(MpyType *type);
/* The subclass registry of a type (runtime/type.c). */
void mpy__type_remove_subclass(MpyType *base, MpyType *type);
/* Returns: new list of the direct subclasses. */
MpyObject *mpy__type_subclasses(MpyType *type);
/* Forget every cached attribute lookup (finalization). */
void mpy__type_cache_clear(void);

/* Find `name` along type's MRO.  Returns: borrowed reference or NULL (no
 * exception is set when it is missing). */
MpyObject *mpy_type_lookup(MpyType *type, MpyObject *name);
/* After changing a type's dict directly: invalidate its caches. */
void mpy_type_modified(MpyType *type);

/* type(name, bases, dict): create a class.  `metatype` is `type` or a
 * subclass.  Returns: new reference or NULL. */
MpyObject *mpy_type_new_class(MpyType *metatype, MpyObject *name, MpyObject *bases,
                              MpyObject *dict, MpyObject *kwnames_and_values);
/* The most derived metaclass of `metatype` and the bases' metaclasses.
 * Returns: borrowed reference, or NULL + TypeError (metaclass conflict). */
MpyType *mpy_type_calculate_metaclass(MpyType *metatype, MpyObject *bases);

/* object.__new__ / object.__init__ and the default slots of user classes. */
MpyObject *mpy_object_generic_new(MpyType *type, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames);

/* Fill slots of a heap type from its dunder methods (runtime/slots.c). */
void mpy__slots_fixup(MpyType *type);
/* Re-point one slot after `type.__name__ = f` (runtime/slots.c). */
void mpy__slots_update(MpyType *type, MpyObject *name);
/* Add Python-visible wrappers for a static type's slots (runtime/slots.c).
 * Returns 0 / -1. */
int mpy__slots_add_wrappers(MpyType *type);

/* __qualname__ of a type as a str.  Returns: new reference. */
MpyObject *mpy_type_qualname(MpyType *type);
/* "module.QualName" as tracebacks and reprs show it (no module for
 * builtins and __main__? No: repr shows __main__).  Returns: new ref. */
MpyObject *mpy_type_module_name(MpyType *type);

#endif
