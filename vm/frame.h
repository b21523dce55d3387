/* vm/frame.h: the activation record of running Python code.
 *
 * Models CPython 3.11's _PyInterpreterFrame (Include/internal/
 * pycore_frame.h).  A frame is not a Python object: it lives on the
 * thread's data stack (gil/tstate.h) for ordinary calls, or inside a
 * generator object for generators, and is linked to its caller through
 * `previous`.  Its variable-sized tail holds, in order:
 *
 *   localsplus[0 .. nlocalsplus)            fast locals, cells, free vars
 *   localsplus[nlocalsplus .. + stacksize)  the value stack
 *   then `maxblocks` MpyTryBlocks          the handler block stack
 */
#ifndef MINIPY_VM_FRAME_H
#define MINIPY_VM_FRAME_H

#include "runtime/object.h"
#include "vm/code.h"

typedef struct MpyTryBlock {
    int32_t handler;     /* instruction index of the handler */
    int32_t level;       /* value-stack depth to cut back to */
} MpyTryBlock;

enum {
    MPY_FRAME_OWNED_BY_THREAD = 0,  /* on the data stack */
    MPY_FRAME_OWNED_BY_GENERATOR = 1,
};

enum {
    MPY_FRAME_CREATED = 0,     /* not started (generators) */
    MPY_FRAME_EXECUTING = 1,
    MPY_FRAME_SUSPENDED = 2,   /* a generator that yielded */
    MPY_FRAME_COMPLETED = 3,   /* returned or raised */
};

typedef struct MpyFrame {
    MpyCodeObject *code;        /* borrowed from func */
    MpyObject *func;            /* owned: the function being run */
    MpyObject *globals;         /* borrowed from func */
    MpyObject *builtins;        /* borrowed from func */
    MpyObject *locals;          /* owned: dict for module/class code, else NULL */
    struct MpyFrame *previous;  /* the caller, while running */
    const MpyInstr *ip;         /* next instruction to run */
    MpyObject **sp;             /* top of the value stack (when not running) */
    int block_depth;
    uint8_t owner;              /* MPY_FRAME_OWNED_BY_* */
    uint8_t is_entry;           /* returning from it leaves the C eval loop */
    uint8_t state;              /* MPY_FRAME_CREATED .. COMPLETED */
    MpyObject *frame_obj;       /* the Python-visible frame object, if made */
    MpyObject *init_self;       /* owned: for __init__ run by CALL_PY_CLASS, the new
                                 * instance the call returns instead; else NULL */
    MpyObject *localsplus[];
} MpyFrame;

static inline MpyObject **mpy_frame_stack_base(MpyFrame *f)
{
    return f->localsplus + f->code->nlocalsplus;
}

static inline MpyTryBlock *mpy_frame_blocks(MpyFrame *f)
{
    return (MpyTryBlock *)(f->localsplus + f->code->nlocalsplus + f->code->stacksize);
}

/* Bytes a frame for `code` needs. */
static inline size_t mpy_frame_size(const MpyCodeObject *code)
{
    return sizeof(MpyFrame) + sizeof(MpyObject *) * (size_t)(code->nlocalsplus + code->stacksize) +
           sizeof(MpyTryBlock) * (size_t)code->maxblocks;
}

/* Index of the instruction being executed (or last executed). */
static inline ptrdiff_t mpy_frame_lasti(const MpyFrame *f)
{
    return f->ip - f->code->instrs - 1;
}

/* Current line of a frame. */
int mpy_frame_lineno(MpyFrame *f);

struct MpyThreadState;
/* A frame for `func` on the thread's data stack, with empty fast locals;
 * `locals` (may be NULL) is the namespace dict of module/class code.
 * Returns: the frame, or NULL + MemoryError. */
MpyFrame *mpy__frame_push(struct MpyThreadState *tstate, MpyObject *func, MpyObject *locals);
/* Drop everything the frame references (locals, stack, func). */
void mpy__frame_clear(MpyFrame *frame);
/* mpy__frame_clear, then release its data-stack space. */
void mpy__frame_pop(struct MpyThreadState *tstate, MpyFrame *frame);

/* locals() of a frame: its namespace dict, or a new dict of the fast
 * locals for functions.  Returns: new reference or NULL. */
MpyObject *mpy__frame_locals(MpyFrame *frame);
/* The Python frame object for `frame` (sys._getframe, tb_frame), made on
 * first use.  Returns: new reference or NULL. */
MpyObject *mpy__frame_object_get(MpyFrame *frame);
/* The frame is going away: its frame object keeps a snapshot. */
void mpy__frame_object_detach(MpyFrame *frame);

extern MpyType mpy_frame_type;

#endif
