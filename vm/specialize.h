/* vm/specialize.h: quickening, the adaptive half of the eval loop.
 *
 * Models CPython 3.11's Python/specialize.c (PEP 659).  The first time a
 * generic instruction runs, the eval loop asks one of these functions to
 * look at its operands and rewrite the instruction in place into a form
 * specialised for them (vm/opcodes.def, last section): BINARY_OP on two
 * tagged ints becomes BINARY_OP_ADD_INT, LOAD_ATTR on an instance whose
 * attribute sits in entry 3 of its __dict__ becomes LOAD_ATTR_INSTANCE with
 * a cache entry saying "type T at version v, entry 3".  A specialised
 * instruction checks its guard each time and falls back to the generic
 * code when it fails; instructions with a cache entry count those misses
 * and, after a few, come back here to be specialised again.
 *
 * Invariants:
 *  - every rewrite replaces one whole 32-bit instruction word (an atomic
 *    release store in the free-threaded build, so another thread running
 *    the same code sees the old or the new instruction, and a new
 *    instruction's cache entry is written before the instruction);
 *  - a specialised instruction computes exactly what the generic one
 *    would (same result, same exceptions, same line numbers);
 *  - nothing here raises: a failure just leaves the generic form.
 *
 * In the free-threaded build only the specialisations that depend on the
 * operands' types alone are made (ints, floats, strs, calls, iteration,
 * dict and list subscripts through their locking API).  Those that cache
 * what a dict or a type held (globals, attributes, methods) are compiled
 * only in the GIL build for now: another thread may change the dict or the
 * type between the guard and the use (MPY_SPECIALIZE_SHARED_STATE).
 */
#ifndef MINIPY_VM_SPECIALIZE_H
#define MINIPY_VM_SPECIALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/object.h"
#include "vm/code.h"

/* Whether the caches that remember dict entries and type lookups are
 * compiled (see above). */
#define MPY_SPECIALIZE_SHARED_STATE (!MPY_FREE_THREADED)

/* Misses a specialised instruction with a cache entry tolerates before it
 * is specialised again. */
#define MPY_SPECIALIZE_MISSES 8

/* Store one instruction word; see the invariants above. */
static inline void mpy__specialize_write(MpyInstr *at, MpyInstr word)
{
#if MPY_FREE_THREADED
    __atomic_store_n(at, word, __ATOMIC_RELEASE);
#else
    *at = word;
#endif
}

/* The instructions with an inline cache.  `instr` points at the generic
 * instruction, or at a specialised one with its cache index as argument.
 * They always leave an instruction that has a cache entry (specialised, or
 * the _ADAPTIVE form that retries later) and return true, or return false
 * when no entry could be had (out of memory): run the generic code. */
bool mpy__specialize_load_global(MpyCodeObject *code, MpyInstr *instr, MpyObject *globals,
                                 MpyObject *builtins);
bool mpy__specialize_load_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner);
bool mpy__specialize_load_method(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner);
bool mpy__specialize_store_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner);

/* The instructions without a cache: rewrite `instr` for these operands,
 * or into the _GENERIC form when nothing applies.  The caller then runs
 * the generic code once. */
void mpy__specialize_binary_op(MpyInstr *instr, MpyObject *left, MpyObject *right);
void mpy__specialize_compare_op(MpyInstr *instr, MpyObject *left, MpyObject *right);
void mpy__specialize_binary_subscr(MpyInstr *instr, MpyObject *container, MpyObject *key);
void mpy__specialize_store_subscr(MpyInstr *instr, MpyObject *container, MpyObject *key);
void mpy__specialize_for_iter(MpyInstr *instr, MpyObject *iter);
void mpy__specialize_unpack_sequence(MpyInstr *instr, MpyObject *seq);
void mpy__specialize_call(MpyInstr *instr, MpyObject *callable, size_t nargs);

/* Is `f` a Python function a call with exactly `nargs` positional
 * arguments binds by copying them into its frame? */
bool mpy__specialize_simple_function(MpyObject *f, size_t nargs);
/* For `cls(a1 .. an)` (no self on the stack): when `cls` is a class whose
 * instances come from object.__new__ and whose __init__ is a Python
 * function taking self + n arguments, that __init__ (borrowed); else
 * NULL.  The eval loop then runs __init__ in a frame of its own. */
MpyObject *mpy__specialize_class_init(MpyObject *callable, size_t nargs);

#endif
