/* runtime/iter.h: general-purpose iterators and the iterator types behind
 * the builtins enumerate, zip, map, filter and reversed.
 *
 * Models CPython's Objects/iterobject.c (the sequence iterator used for
 * classes with only __getitem__, and iter(callable, sentinel)),
 * Objects/enumobject.c (enumerate, reversed) and the map/filter/zip types
 * of Python/bltinmodule.c.
 *
 * enumerate, zip, map, filter and reversed are types whose `new` slot is
 * the constructor: the builtins module binds the names to the types, so
 * `enumerate(x)` is just a call of mpy_enumerate_type.
 */
#ifndef MINIPY_RUNTIME_ITER_H
#define MINIPY_RUNTIME_ITER_H

#include "runtime/object.h"

extern MpyType mpy_seq_iter_type;      /* "iterator" */
extern MpyType mpy_callable_iter_type; /* "callable_iterator" */
extern MpyType mpy_enumerate_type;
extern MpyType mpy_zip_type;
extern MpyType mpy_map_type;
extern MpyType mpy_filter_type;
extern MpyType mpy_reversed_type;

/* An iterator calling seq[0], seq[1], ... until IndexError or
 * StopIteration (iter() of an object with __getitem__ but no __iter__).
 * Returns: new reference, or NULL + MemoryError.
 * Refs:    borrows `seq` (the iterator keeps its own reference). */
MpyObject *mpy_seq_iter_new(MpyObject *seq);

/* iter(callable, sentinel): calls `callable()` until the result equals
 * `sentinel`.  Returns: new reference, or NULL + MemoryError.
 * Refs:    borrows both. */
MpyObject *mpy_callable_iter_new(MpyObject *callable, MpyObject *sentinel);

#endif
