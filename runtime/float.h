/* runtime/float.h: Python float (a C double).
 *
 * Models CPython's Objects/floatobject.c: repr is the shortest string that
 * round-trips (repr(0.1) == '0.1', repr(1e16) == '1e+16'), arithmetic and
 * comparisons follow IEEE 754 with Python's rules (float % and // take the
 * sign of the divisor, ZeroDivisionError instead of inf, int/float
 * comparisons exact even beyond 2**53), and hash agrees with int for equal
 * values.  Freed floats go to a per-thread free list (tstate.h), so float
 * arithmetic rarely calls malloc.
 */
#ifndef MINIPY_RUNTIME_FLOAT_H
#define MINIPY_RUNTIME_FLOAT_H

#include "runtime/object.h"

typedef struct MpyFloatObject {
    MpyObject ob_base;
    double value;
} MpyFloatObject;

extern MpyType mpy_float_type;

static inline bool mpy_float_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_is_subtype(o->ob_type, &mpy_float_type);
}
static inline bool mpy_float_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_float_type;
}
/* Caller checked mpy_float_check. */
static inline double mpy_float_value(const MpyObject *o) { return ((const MpyFloatObject *)o)->value; }

/* Returns: new reference, or NULL + MemoryError. */
MpyObject *mpy_float_from_double(double v);
/* float(s) over UTF-8 text ("  1e3 ", "inf", "-nan", "1_000.5").
 * Errors: ValueError "could not convert string to float: 'x'". */
MpyObject *mpy_float_from_string(const char *s, size_t len);
/* float(o) semantics to a C double: floats, ints (OverflowError if too
 * big), objects with __float__ or __index__.  -1.0 + exception on error. */
double mpy_float_as_double(MpyObject *o);

/* repr(v): shortest round-trip form, as CPython.  Writes NUL-terminated
 * text into buf (at least 32 bytes).  Returns: length. */
int mpy_float_repr_buf(double v, char *buf, size_t size);
/* Returns: new str. */
MpyObject *mpy_float_repr_double(double v);

MpyHash mpy_float_hash_double(double v);

/* Arithmetic with a float and a float or int operand.  `op` is MPY_NB_*.
 * Returns: new reference, NotImplemented, or NULL + exception. */
MpyObject *mpy_float_binop(MpyObject *a, MpyObject *b, int op);

/* Free-list release at thread exit. */
void mpy__float_freelist_clear(void *tstate);

#endif
