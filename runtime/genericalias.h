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

/* `X | Y` for types (PEP 604): the nb[MPY_NB_OR] slot of `type` can be
 * this function.  Returns a types.UnionType, X itself for X | X, or
 * NotImplemented when an operand is not a type, None or alias.
 * Returns: new reference, or NULL + exception. */
MpyObject *mpy_generic_alias_type_or(MpyObject *a, MpyObject *b);

/* PEP 560 for __build_class__: replace each base that is not a class but
 * has __mro_entries__(bases) by the tuple that method returns.
 * Returns: new reference to the resolved bases (`bases` itself, with a
 * new reference, when nothing changed; the caller then stores the
 * original tuple as __orig_bases__ in the class namespace when the
 * result differs), or NULL + exception. */
MpyObject *mpy_resolve_bases(MpyObject *bases);

#endif
