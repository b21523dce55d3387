/* include/minipy/object.h: objects as a host sees them: opaque pointers
 * with reference counts, attributes, calls, str() and repr().
 *
 * Models the parts of CPython's Include/object.h and Include/abstract.h
 * an embedding program uses.
 *
 * Reference ownership, the one rule to learn: every `MpyObject *` you hold
 * is either owned (you must drop it with MPY_DECREF once done, or hand it
 * on) or borrowed (you must not).  Each function says which in its Refs and
 * Returns lines.  A "new reference" is owned by the caller.
 */
#ifndef MINIPY_INCLUDE_MINIPY_OBJECT_H
#define MINIPY_INCLUDE_MINIPY_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* Any Python value.  Opaque: use the functions, never the fields. */
typedef struct MpyObject MpyObject;
/* A Python type (int, ValueError ...).  Opaque. */
typedef struct MpyType MpyType;

/* ------------------------------------------------------------------ */
/* Reference counts                                                     */

/* Add a reference to `o` (NULL is ignored).
 * Returns: nothing; cannot fail.
 * Threads: attached thread only (no entry check: it is too hot). */
void mpy_object_incref(MpyObject *o);

/* Drop a reference to `o` (NULL is ignored); the object is freed when its
 * last reference goes.
 * Returns: nothing; cannot fail.
 * Threads: attached thread only (no entry check: it is too hot). */
void mpy_object_decref(MpyObject *o);

/* Returns: `o` itself after adding a reference (for `return mpy_object_newref(x);`).
 * Refs:    `o` must not be NULL. */
MpyObject *mpy_object_newref(MpyObject *o);

/* The reference count of `o`, as sys.getrefcount would report it minus
 * its own argument.  For tests and debugging.
 * Returns: the count, a very large number for immortal objects (None,
 *          small ints ...), or -1 with SystemError set when `o` is NULL. */
intptr_t mpy_object_refcount(MpyObject *o);

/* The macros everyone writes.  (Inside the core, runtime/object.h defines
 * faster inline versions under the same names, and wins: the core files
 * that also include this header include it last.) */
#ifndef MINIPY_RUNTIME_OBJECT_H
#define MPY_INCREF(o) mpy_object_incref((MpyObject *)(o))
#define MPY_DECREF(o) mpy_object_decref((MpyObject *)(o))
#define MPY_XDECREF(o) mpy_object_decref((MpyObject *)(o))
#define MPY_NEWREF(o) mpy_object_newref((MpyObject *)(o))
#endif

/* ------------------------------------------------------------------ */
/* Types                                                                */

/* The built-in types, for mpy_object_is_instance. */
extern MpyType mpy_object_type;
extern MpyType mpy_type_type;
extern MpyType mpy_none_type;
extern MpyType mpy_bool_type;
extern MpyType mpy_int_type;
extern MpyType mpy_float_type;
extern MpyType mpy_str_type;
extern MpyType mpy_bytes_type;
extern MpyType mpy_tuple_type;
extern MpyType mpy_list_type;
extern MpyType mpy_dict_type;
extern MpyType mpy_set_type;
extern MpyType mpy_module_type;

/* isinstance(o, type), for one type.
 * Returns: 1 or 0; -1 with SystemError set if an argument is NULL.
 * Refs:    borrows both. */
int mpy_object_is_instance(MpyObject *o, MpyType *type);

/* The name of the type of `o` ("int", "ValueError", "Sensor").
 * Returns: a C string that lives as long as the type (borrowed), or NULL
 *          with SystemError set if `o` is NULL. */
const char *mpy_object_type_name(MpyObject *o);

/* ------------------------------------------------------------------ */
/* Generic operations                                                   */

/* str(o) and repr(o).
 * Returns: new reference to a str, or NULL with an exception set.
 * Refs:    borrows `o`. */
MpyObject *mpy_object_to_str(MpyObject *o);
MpyObject *mpy_object_to_repr(MpyObject *o);

/* bool(o).
 * Returns: 1 (true), 0 (false), or -1 with an exception set.
 * Refs:    borrows `o`. */
int mpy_object_truth(MpyObject *o);

/* len(o) for anything that has one (str, list, tuple, dict, ...).
 * Returns: the length, or -1 with TypeError set ("object of type 'int'
 *          has no len()"). */
ptrdiff_t mpy_object_size(MpyObject *o);

/* ------------------------------------------------------------------ */
/* Attributes                                                           */

/* o.name.  `name` is UTF-8.
 * Returns: new reference, or NULL with AttributeError (or another
 *          exception) set.
 * Refs:    borrows `o`. */
MpyObject *mpy_attr_get(MpyObject *o, const char *name);

/* o.name = value, or `del o.name` when `value` is NULL.
 * Returns: 0, or -1 with an exception set.
 * Refs:    borrows `o` and `value` (the object takes its own reference). */
int mpy_attr_set(MpyObject *o, const char *name, MpyObject *value);

/* hasattr(o, name).
 * Returns: 1 or 0; -1 with an exception set when looking the attribute up
 *          raised something other than AttributeError.
 * Refs:    borrows `o`. */
int mpy_attr_has(MpyObject *o, const char *name);

/* ------------------------------------------------------------------ */
/* Calls                                                                */

/* callable(*args): `nargs` positional arguments (args may be NULL when
 * nargs is 0).
 * Returns: new reference to the result, or NULL with an exception set.
 * Refs:    borrows `callable` and every argument. */
MpyObject *mpy_call(MpyObject *callable, MpyObject *const *args, size_t nargs);

/* callable(*args, **kwargs): `kwargs` is a dict of str keys, or NULL.
 * Returns: new reference to the result, or NULL with an exception set.
 * Refs:    borrows everything. */
MpyObject *mpy_call_kw(MpyObject *callable, MpyObject *const *args, size_t nargs,
                       MpyObject *kwargs);

/* o.name(*args).
 * Returns: new reference to the result, or NULL with an exception set.
 * Refs:    borrows `o` and every argument. */
MpyObject *mpy_call_method(MpyObject *o, const char *name, MpyObject *const *args, size_t nargs);

/* callable(): a Python callable that can be invoked with these arguments
 * (functions, classes, bound methods, objects with __call__).
 * Returns: true or false (NULL: false). */
bool mpy_object_is_callable(MpyObject *o);

#if defined(__cplusplus)
}
#endif

#endif
