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
 * Free-threaded build.  The specialisations that depend on the operands'
 * types alone (ints, floats, strs, calls, iteration, dict and list
 * subscripts through their locking API) are made at any time: they only
 * rewrite the instruction word.  Those with a cache entry that remembers
 * what a dict or a type held (globals, attributes, methods) are written
 * freely while the interpreter has one thread or its GIL is on
 * (mpy__specialize_shared_ok(); `_thread.start_new_thread` waits until
 * the new thread is counted, so no thread can run a code object while its
 * caches are written that way).  While several threads run free, an
 * entry is written once: only an instruction never specialised (still
 * generic, so nobody reads an entry for it) gets one, filled under a lock
 * and published by the release store of the instruction (which the eval
 * loop loads with acquire); entries already given out are read-only, so a
 * guard that fails runs the generic code and nothing is re-specialised.
 * So code first run in threads is specialised too.  The guards read dicts
 * through the dict's sequence lock (mpy__dict_value_at) and type versions
 * atomically, and a cached object stays valid after its type changed
 * because replaced dict values are released only after every thread
 * passed a safe point (gil/qsbr.h).  (An embedding host thread that
 * attaches with mpy_gil_ensure() stops the world once, so a specialisation
 * begun while the main thread was alone finishes first.)
 */
#ifndef MINIPY_VM_SPECIALIZE_H
#define MINIPY_VM_SPECIALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/object.h"
#include "vm/code.h"

/* The caches that remember dict entries and type lookups are compiled in
 * both builds (see above). */
#define MPY_SPECIALIZE_SHARED_STATE 1

/* May caches that remember shared state be written now?  Always with a
 * GIL; in the free-threaded build only while one thread exists. */
static inline bool mpy__specialize_shared_ok(void)
{
#if MPY_FREE_THREADED
    /* (With PYTHON_GIL=1 the GIL serialises the threads, as on minipy.) */
    return atomic_load_explicit(&mpy__interp->nthreads, memory_order_acquire) <= 1 ||
           mpy__gil_enabled();
#else
    return true;
#endif
}

/* An _ADAPTIVE instruction's countdown: true when it is time to try to
 * specialise again. */
static inline bool mpy__specialize_tick(MpyInlineCache *c)
{
    return mpy__specialize_shared_ok() && --c->counter == 0;
}

/* Misses a specialised instruction with a cache entry tolerates before it
 * is specialised again. */
#define MPY_SPECIALIZE_MISSES 8

/* Load one instruction word (atomic on minipyt: another thread may be
 * specialising it). */
static inline MpyInstr mpy__specialize_read(const MpyInstr *at)
{
#if MPY_FREE_THREADED
    return __atomic_load_n(at, __ATOMIC_RELAXED);
#else
    return *at;
#endif
}

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
