/* runtime/genericalias.h: `list[int]` and friends.
 *
 * Models the entry point of CPython's Objects/genericaliasobject.c
 * (Py_GenericAlias).  The alias type itself is types.GenericAlias, written
 * in Python (runtime/lib/types.py); C code reaches it through here.
 */
#ifndef MINIPY_RUNTIME_GENERICALIAS_H
#define MINIPY_RUNTIME_GENERICALIAS_H

#include "runtime/object.h"

/* types.GenericAlias(origin, args).
 * Returns: new reference, or NULL + exception (ImportError if the types
 * module cannot load).
 * Refs:    borrows both. */
MpyObject *mpy_generic_alias_new(MpyObject *origin, MpyObject *args);

/* The C function behind `__class_getitem__` of built-in generic types:
 * put it in a type's method table as
 *   {"__class_getitem__", mpy_generic_alias_class_getitem,
 *    MPY_METH_O | MPY_METH_CLASS, "See PEP 585"}
 * `cls` is the class, args[0] the subscript.
 * Returns: new reference to the alias, or NULL + exception. */
MpyObject *mpy_generic_alias_class_getitem(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                           MpyObject *kwnames);

#endif
