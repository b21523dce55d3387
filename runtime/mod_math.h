/* runtime/mod_math.h: pieces of the math module split across two files.
 *
 * runtime/mod_math.c holds the floating-point functions and the module
 * definition; runtime/mod_math_int.c holds the exact integer functions
 * (factorial, gcd, lcm, isqrt, comb, perm) and the summing ones (fsum,
 * prod).  All have the built-in function signature (MpyCFunc).
 */
#ifndef MINIPY_RUNTIME_MOD_MATH_H
#define MINIPY_RUNTIME_MOD_MATH_H

#include "runtime/object.h"

MpyObject *mpy__math_factorial(MpyObject *module, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames);
MpyObject *mpy__math_gcd(MpyObject *module, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames);
MpyObject *mpy__math_lcm(MpyObject *module, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames);
MpyObject *mpy__math_isqrt(MpyObject *module, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames);
MpyObject *mpy__math_comb(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames);
MpyObject *mpy__math_perm(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames);
MpyObject *mpy__math_fsum(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames);
MpyObject *mpy__math_prod(MpyObject *module, MpyObject *const *args, size_t nargs,
                          MpyObject *kwnames);

/* Argument Clinic's arity message: "atan2 expected 2 arguments, got 1".
 * Returns 0 if min <= nargs <= max, else -1 + TypeError. */
int mpy__math_check_nargs(const char *name, size_t nargs, size_t min, size_t max);

#endif
