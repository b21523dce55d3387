/* runtime/bytes.h: bytes (immutable) and bytearray (mutable) byte strings.
 *
 * Models CPython's Objects/bytesobject.c and bytearrayobject.c.  Both keep
 * a NUL after the last byte so C code can treat them as strings.
 */
#ifndef MINIPY_RUNTIME_BYTES_H
#define MINIPY_RUNTIME_BYTES_H

#include "runtime/object.h"

typedef struct MpyBytesObject {
    MpyObject ob_base;
    ptrdiff_t size;
    MpyHash hash;     /* -1 until computed */
    char data[];      /* size bytes + NUL */
} MpyBytesObject;

typedef struct MpyByteArrayObject {
    MpyObject ob_base;
    ptrdiff_t size;
    ptrdiff_t allocated;
    char *data;       /* size bytes + NUL, or NULL when empty */
} MpyByteArrayObject;

extern MpyType mpy_bytes_type;
extern MpyType mpy_bytearray_type;

static inline bool mpy_bytes_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_BYTES_SUBCLASS);
}
static inline bool mpy_bytearray_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_is_subtype(o->ob_type, &mpy_bytearray_type);
}
static inline const char *mpy_bytes_data(const MpyObject *o) { return ((const MpyBytesObject *)o)->data; }
static inline ptrdiff_t mpy_bytes_size(const MpyObject *o) { return ((const MpyBytesObject *)o)->size; }

/* Returns: new reference or NULL + MemoryError. */
MpyObject *mpy_bytes_from(const char *data, size_t n);
MpyObject *mpy_bytearray_from(const char *data, size_t n);
/* repr(b) as CPython (b'..' with \x escapes).  Returns: new str. */
MpyObject *mpy_bytes_repr(MpyObject *b);
/* str.encode / bytes.decode for utf-8, ascii and latin-1 with
 * errors='strict'|'replace'|'ignore'|'surrogateescape'|'backslashreplace'.
 * Returns: new reference or NULL + UnicodeError / LookupError
 * ("unknown encoding: xyz"). */
MpyObject *mpy_str_encode(MpyObject *str, const char *encoding, const char *errors);
MpyObject *mpy_bytes_decode(const char *data, size_t n, const char *encoding, const char *errors);

#endif
