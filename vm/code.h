/* vm/code.h: code objects, the compiled form of a module, class body,
 * function, lambda or comprehension.
 *
 * Models CPython's Objects/codeobject.c.  A code object is immutable once
 * built: instructions (vm/opcodes.h), constants, names, the names of the
 * fast-local slots, flags, and one source location per instruction for
 * tracebacks.  Executing one needs a frame (vm/frame.h).
 *
 * Fast-local layout ("localsplus"): [varnames: arguments first, then other
 * locals][cellvars][freevars].  LOAD_FAST n indexes the whole array;
 * LOAD_DEREF n indexes from the first cellvar (cells and free vars hold
 * MpyCell objects).  A cellvar that is also an argument (a parameter used by
 * an inner function) is moved from its argument slot into a fresh cell when
 * the frame starts: cell2arg[i] gives that argument's index, or -1.
 *
 * Quickening (vm/specialize.c): the eval loop runs `instrs` itself and
 * rewrites instructions in place into specialised forms the first time
 * they run (vm/opcodes.def, last section), as CPython 3.11 does.  What
 * the compiler produced stays recoverable: mpy_opcode_base[] maps every
 * opcode back to its generic one, and an instruction that uses an inline
 * cache entry keeps its original argument in that entry (co_code and
 * mpy_code_original_instr() show the compiler's form).  Everything else
 * about a code object is immutable.
 */
#ifndef MINIPY_VM_CODE_H
#define MINIPY_VM_CODE_H

#include <stdint.h>

#include "runtime/object.h"
#include "vm/opcodes.h"

/* co_flags, with CPython's values. */
enum {
    MPY_CO_OPTIMIZED = 0x0001,   /* uses fast locals (functions) */
    MPY_CO_NEWLOCALS = 0x0002,
    MPY_CO_VARARGS = 0x0004,     /* has *args */
    MPY_CO_VARKEYWORDS = 0x0008, /* has **kwargs */
    MPY_CO_NESTED = 0x0010,
    MPY_CO_GENERATOR = 0x0020,   /* calling it makes a generator */
    MPY_CO_NOFREE = 0x0040,
    MPY_CO_COROUTINE = 0x0080,
    MPY_CO_ITERABLE_COROUTINE = 0x0100,
    MPY_CO_ASYNC_GENERATOR = 0x0200,
};

/* Where an instruction came from.  Lines are 1-based; columns are 0-based
 * UTF-8 byte offsets as in CPython's co_positions(); -1 when unknown. */
typedef struct MpyCodeLocation {
    int32_t line, end_line;
    int32_t col, end_col;
} MpyCodeLocation;

/* One type an attribute instruction has seen, and what it found there.
 * Pointers are borrowed: each is valid only while the guard the
 * specialised instruction checks (type and its version) holds. */
typedef struct MpyCacheWay {
    MpyType *type;          /* the type (or class, for _CLASS forms); NULL: unused */
    uint32_t type_version;  /* MpyType.version the guard expects */
    uint32_t index;         /* dict entry index, or slot offset in bytes */
    intptr_t dict_offset;   /* where the instance __dict__ pointer is (0: none) */
    MpyObject *object;      /* the method / class attribute found */
} MpyCacheWay;

/* Attribute instructions remember up to this many types (a call like
 * `task.run()` over a few subclasses stays specialised). */
#define MPY_CACHE_WAYS 4

/* The inline cache of one LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD /
 * STORE_ATTR instruction, allocated when the instruction is first
 * specialised.  LOAD_GLOBAL uses ways[0].index only. */
typedef struct MpyInlineCache {
    uint32_t oparg;         /* the instruction's original argument */
    uint16_t counter;       /* misses (or runs, when adaptive) before re-specialising */
    uint16_t backoff;       /* next value of `counter` after a failed attempt */
    uint64_t dict_version;  /* LOAD_GLOBAL_BUILTIN: version of the globals dict */
    MpyCacheWay ways[MPY_CACHE_WAYS];
} MpyInlineCache;

typedef struct MpyCodeObject {
    MpyObject ob_base;
    MpyInstr *instrs;           /* run (and quickened in place) by the eval loop */
    ptrdiff_t ninstrs;
    MpyCodeLocation *locations; /* one per instruction */
    MpyObject *consts;          /* tuple */
    MpyObject *names;           /* tuple of str: globals, attributes, imports */
    MpyObject *varnames;        /* tuple of str: arguments, then locals */
    MpyObject *cellvars;        /* tuple of str */
    MpyObject *freevars;        /* tuple of str */
    int32_t *cell2arg;          /* ncellvars entries, or NULL if no cell is an argument */
    int argcount;               /* positional (including positional-only) */
    int posonlyargcount;
    int kwonlyargcount;
    int nlocals;                /* len(varnames) */
    int ncellvars;
    int nfreevars;
    int nlocalsplus;            /* nlocals + ncellvars + nfreevars */
    int stacksize;              /* maximum value-stack depth */
    int maxblocks;              /* maximum handler-block nesting */
    int flags;                  /* MPY_CO_* */
    int firstlineno;
    MpyObject *filename;        /* str */
    MpyObject *name;            /* str: "f", "<module>", "<listcomp>" */
    MpyObject *qualname;        /* str: "C.f", "f.<locals>.g" */
    /* Inline caches (see above): one per cacheable instruction, made on
     * first use; `ncaches_used` of the `ncaches` entries are handed out. */
    MpyInlineCache *caches;
    int ncaches;
    int ncaches_used;
    size_t framesize;           /* bytes of a frame for it, rounded up to 16 */
} MpyCodeObject;

extern MpyType mpy_code_type;

static inline bool mpy_code_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_code_type;
}

/* Everything mpy_code_new needs; the compiler fills it.  All object fields
 * are borrowed; arrays are copied. */
typedef struct MpyCodeSpec {
    const MpyInstr *instrs;
    ptrdiff_t ninstrs;
    const MpyCodeLocation *locations;
    MpyObject *consts, *names, *varnames, *cellvars, *freevars;
    const int32_t *cell2arg; /* may be NULL */
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize, maxblocks, flags, firstlineno;
    MpyObject *filename, *name, *qualname;
} MpyCodeSpec;

/* Returns: new code object, or NULL + MemoryError. */
MpyObject *mpy_code_new(const MpyCodeSpec *spec);
/* Source line of instruction index i (-1 if unknown). */
int mpy_code_line_of(MpyCodeObject *code, ptrdiff_t i);
/* Instruction i as the compiler emitted it (undoing quickening). */
MpyInstr mpy_code_original_instr(MpyCodeObject *code, ptrdiff_t i);
/* Does this generic opcode use an inline cache entry when specialised? */
static inline bool mpy_opcode_has_cache(int op)
{
    return op == OP_LOAD_GLOBAL || op == OP_LOAD_ATTR || op == OP_LOAD_METHOD ||
           op == OP_STORE_ATTR;
}

#endif
