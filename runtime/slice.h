/* runtime/slice.h: slice objects and index arithmetic for sequences.
 *
 * Models CPython's Objects/sliceobject.c, including PySlice_GetIndicesEx's
 * clamping rules, which every sequence type uses for a[i:j:k].
 */
#ifndef MINIPY_RUNTIME_SLICE_H
#define MINIPY_RUNTIME_SLICE_H

#include "runtime/object.h"

typedef struct MpySliceObject {
    MpyObject ob_base;
    MpyObject *start, *stop, *step; /* never NULL: None when omitted */
} MpySliceObject;

extern MpyType mpy_slice_type;

static inline bool mpy_slice_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_slice_type;
}

/* slice(start, stop, step); NULL arguments mean None.  Borrows all.
 * Returns: new reference or NULL. */
MpyObject *mpy_slice_new(MpyObject *start, MpyObject *stop, MpyObject *step);
/* Resolve a slice against a sequence of `length` items, as CPython's
 * PySlice_GetIndicesEx.  Returns 0 (outputs set), or -1 + exception
 * (TypeError "slice indices must be integers or None or have an __index__
 * method", ValueError "slice step cannot be zero"). */
int mpy_slice_indices(MpyObject *slice, ptrdiff_t length, ptrdiff_t *start, ptrdiff_t *stop,
                      ptrdiff_t *step, ptrdiff_t *slicelength);
/* The arbitrary-precision form of mpy_slice_indices (range slicing):
 * new int references in *start, *stop, *step.  Returns 0 / -1. */
int mpy__slice_long_indices(MpyObject *slice, MpyObject *length, MpyObject **start, MpyObject **stop,
                            MpyObject **step);

/* Normalize a subscript for sequence indexing: o must support __index__;
 * negative values count from `length`.  Returns the index (may still be
 * out of range: the caller raises its own IndexError), or -1 with
 * TypeError ("list indices must be integers or slices, not str") when
 * `o` is not an integer; check mpy_err_occurred() on -1. */
ptrdiff_t mpy_sequence_index(MpyObject *o, ptrdiff_t length, const char *type_name);

#endif
