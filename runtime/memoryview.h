/* runtime/memoryview.h: the `memoryview` type (runtime/memoryview.c). */
#ifndef MINIPY_RUNTIME_MEMORYVIEW_H
#define MINIPY_RUNTIME_MEMORYVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/object.h"

extern MpyType mpy_memoryview_type;

static inline bool mpy_memoryview_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && MPY_TYPE(o) == &mpy_memoryview_type;
}

/* The bytes seen by a contiguous memoryview `o`, for mpy__bytes_view():
 * true and a borrowed view (valid until the viewed bytearray is resized),
 * or false (no exception) when `o` is released or strided (v[::2]). */
bool mpy__memoryview_view(MpyObject *o, const char **data, ptrdiff_t *size);

#endif
