/* runtime/complex.h: Python complex numbers (two doubles).
 *
 * Models CPython's Objects/complexobject.c: arithmetic, abs(), repr as
 * CPython ("(1+2j)", "1j", "(-0-1j)"), hashing consistent with int/float,
 * and the 1j literal the parser builds.
 */
#ifndef MINIPY_RUNTIME_COMPLEX_H
#define MINIPY_RUNTIME_COMPLEX_H

#include "runtime/object.h"

typedef struct MpyComplexObject {
    MpyObject ob_base;
    double real, imag;
} MpyComplexObject;

extern MpyType mpy_complex_type;

static inline bool mpy_complex_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_is_subtype(o->ob_type, &mpy_complex_type);
}

/* Returns: new reference or NULL + MemoryError. */
MpyObject *mpy_complex_from_doubles(double real, double imag);

#endif
