/* include/minipy/values.h: converting between C values and Python objects,
 * and building and reading lists, tuples and dicts.
 *
 * Models CPython's PyLong_FromLongLong/AsLongLong, PyFloat_*, PyUnicode_*
 * (UTF-8 only), PyBool_*, Py_None, and the PyList_/PyTuple_/PyDict_/
 * PySequence_/PyMapping_ calls a host needs.
 *
 * Shape of the names: mpy_<kind>_create builds a Python object from C data,
 * mpy_<kind>_to_<ctype> reads one back.  Containers are read and written
 * through mpy_sequence_* (lists, tuples, any sequence) and mpy_mapping_*
 * (dicts, any mapping).
 */
#ifndef MINIPY_INCLUDE_MINIPY_VALUES_H
#define MINIPY_INCLUDE_MINIPY_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "object.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* None and bool                                                        */

/* Returns: new reference to None (immortal; decref it anyway, that is
 *          always right).  Cannot fail (NULL only without the runtime). */
MpyObject *mpy_none(void);

/* Returns: true if `o` is None (NULL: false). */
bool mpy_object_is_none(MpyObject *o);

/* Returns: new reference to True (v != 0) or False.  Cannot fail. */
MpyObject *mpy_bool_create(int v);

/* ------------------------------------------------------------------ */
/* Numbers                                                              */

/* Returns: new reference to the int `v`, or NULL with MemoryError set. */
MpyObject *mpy_int_create(int64_t v);

/* Read an int (or bool, or any object with __index__) into *out.
 * Returns: 0, or -1 with TypeError ("'str' object cannot be interpreted
 *          as an integer") or OverflowError ("Python int too large to
 *          convert to C int64_t") set; *out is then unchanged.
 * Refs:    borrows `o`. */
int mpy_int_to_int64(MpyObject *o, int64_t *out);

/* Returns: new reference to the float `v`, or NULL with MemoryError set. */
MpyObject *mpy_float_create(double v);

/* Read a float, or an int (exactly when it fits a double, else
 * OverflowError), or any object with __float__ into *out.
 * Returns: 0, or -1 with TypeError ("must be real number, not str") set.
 * Refs:    borrows `o`. */
int mpy_float_to_double(MpyObject *o, double *out);

/* ------------------------------------------------------------------ */
/* Text                                                                 */

/* A str from NUL-terminated UTF-8 (_create) or from `n` bytes of UTF-8
 * that may contain NULs (_create_n).
 * Returns: new reference, or NULL with UnicodeDecodeError set (invalid
 *          UTF-8) or SystemError (`utf8` is NULL). */
MpyObject *mpy_str_create(const char *utf8);
MpyObject *mpy_str_create_n(const char *utf8, size_t n);

/* The UTF-8 text of a str, NUL-terminated; its length in bytes (without
 * the NUL) is stored in *len when `len` is not NULL.
 * Returns: a pointer into the str object (borrowed: valid while you hold a
 *          reference to `s`; do not modify it), or NULL with TypeError set
 *          when `s` is not a str. */
const char *mpy_str_to_utf8(MpyObject *s, size_t *len);

/* ------------------------------------------------------------------ */
/* Containers                                                           */

/* An empty list, a tuple of `n` items (all None until set with
 * mpy_sequence_set, which is allowed while nobody else holds the tuple),
 * an empty dict.
 * Returns: new reference, or NULL with MemoryError (or ValueError when
 *          n < 0) set. */
MpyObject *mpy_list_create(void);
MpyObject *mpy_tuple_create(ptrdiff_t n);
MpyObject *mpy_dict_create(void);

/* seq[i]: negative `i` counts from the end, as in Python.
 * Returns: new reference, or NULL with IndexError ("list index out of
 *          range"), TypeError (not a sequence) or another exception set.
 * Refs:    borrows `seq`. */
MpyObject *mpy_sequence_get(MpyObject *seq, ptrdiff_t i);

/* seq[i] = item.  Works on lists (and other mutable sequences), and on a
 * tuple that the caller holds the only reference to (one just made by
 * mpy_tuple_create).
 * Returns: 0, or -1 with IndexError / TypeError set.
 * Refs:    borrows `seq` and `item` (the sequence takes its own reference). */
int mpy_sequence_set(MpyObject *seq, ptrdiff_t i, MpyObject *item);

/* list.append(item).
 * Returns: 0, or -1 with an exception set (TypeError if `list` has no
 *          append method).
 * Refs:    borrows both (the list takes its own reference). */
int mpy_sequence_append(MpyObject *list, MpyObject *item);

/* mapping[key], and the same with a UTF-8 str key.
 * Returns: new reference, or NULL with KeyError (missing key), TypeError
 *          (unhashable key, not a mapping) or another exception set.
 * Refs:    borrows `mapping` and `key`. */
MpyObject *mpy_mapping_get(MpyObject *mapping, MpyObject *key);
MpyObject *mpy_mapping_get_str(MpyObject *mapping, const char *key);

/* mapping[key] = value, and the same with a UTF-8 str key.
 * Returns: 0, or -1 with an exception set.
 * Refs:    borrows everything (the mapping takes its own references). */
int mpy_mapping_set(MpyObject *mapping, MpyObject *key, MpyObject *value);
int mpy_mapping_set_str(MpyObject *mapping, const char *key, MpyObject *value);

/* `del mapping[key]` with a UTF-8 str key.
 * Returns: 0, or -1 with KeyError or another exception set. */
int mpy_mapping_del_str(MpyObject *mapping, const char *key);

/* list(mapping.keys()), for iterating over a dict from C.
 * Returns: new reference to a list, or NULL with an exception set. */
MpyObject *mpy_mapping_keys(MpyObject *mapping);

#if defined(__cplusplus)
}
#endif

#endif
