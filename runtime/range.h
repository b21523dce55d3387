/* runtime/range.h: range objects and their iterators.
 *
 * Models CPython's Objects/rangeobject.c.  A range whose start, stop and
 * step are tagged small ints iterates without allocating (the iterator
 * hands out tagged ints); other ranges (range(10**20)) use int objects.
 */
#ifndef MINIPY_RUNTIME_RANGE_H
#define MINIPY_RUNTIME_RANGE_H

#include "runtime/object.h"

typedef struct MpyRangeObject {
    MpyObject ob_base;
    MpyObject *start, *stop, *step, *length; /* ints */
} MpyRangeObject;

/* Iterator over a small range: `next` is handed out then advanced. */
typedef struct MpyRangeIterObject {
    MpyObject ob_base;
    intptr_t next;
    intptr_t step;
    intptr_t remaining;
} MpyRangeIterObject;

extern MpyType mpy_range_type;
extern MpyType mpy_range_iter_type;
extern MpyType mpy_longrange_iter_type;

/* Returns: new reference or NULL + exception. */
MpyObject *mpy_range_new(MpyObject *start, MpyObject *stop, MpyObject *step);

#endif
