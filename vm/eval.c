/* vm/eval.c: the eval loop.
 *
 * Models CPython 3.11's _PyEval_EvalFrameDefault (Python/ceval.c).  One C
 * call of mpy__eval_frame runs a frame and, without recursing in C, every
 * Python function that frame calls: CALL pushes the callee's frame on the
 * thread's data stack and continues in the same loop; RETURN_VALUE pops it
 * and resumes the caller.  The loop leaves only when the frame it was
 * entered with (`is_entry`) returns, yields, or lets an exception escape.
 *
 * Dispatch: each opcode body is written once as TARGET(NAME) and compiles
 * either as a computed-goto label (MPY_COMPUTED_GOTO=1, the default with
 * gcc/clang) or as a switch case.  Bodies stay short: slow paths live in
 * runtime/ and vm/eval_helpers.c.  The only ways out of a body are
 * DISPATCH(), `goto error` (an exception is set) and the frame exits.
 *
 * The eval breaker (GIL drop requests, signals, stop-the-world) is one
 * relaxed load, checked at JUMP_BACKWARD, at RESUME and after calls into C.
 *
 * Exceptions: SETUP_FINALLY/SETUP_WITH push (handler, stack level) blocks
 * on the frame; at `error:` the innermost block is popped, the value stack
 * cut back to its level, the exception pushed and the handler run.
 */
#include "vm/eval.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/descr.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/eval_internal.h"
#include "vm/opcodes.h"
#include "vm/specialize.h"
#include "vm/trace.h"

/* ------------------------------------------------------------------ */
/* Small helpers used by the opcode bodies                              */

/* Fast paths of BINARY_OP for two tagged ints: returns the result, or NULL
 * to fall back to the generic path (overflow, division ...). */
static inline MpyObject *small_int_binop(MpyObject *a, MpyObject *b, int op)
{
    intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b), r;
    switch (op) {
    case MPY_NB_ADD:
    case MPY_NB_INPLACE + MPY_NB_ADD:
        if (__builtin_add_overflow(x, y, &r) || !mpy_small_int_fits(r))
            return NULL;
        return mpy_small_int(r);
    case MPY_NB_SUBTRACT:
    case MPY_NB_INPLACE + MPY_NB_SUBTRACT:
        if (__builtin_sub_overflow(x, y, &r) || !mpy_small_int_fits(r))
            return NULL;
        return mpy_small_int(r);
    case MPY_NB_MULTIPLY:
    case MPY_NB_INPLACE + MPY_NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r) || !mpy_small_int_fits(r))
            return NULL;
        return mpy_small_int(r);
    case MPY_NB_AND:
    case MPY_NB_INPLACE + MPY_NB_AND:
        return mpy_small_int(x & y);
    case MPY_NB_OR:
    case MPY_NB_INPLACE + MPY_NB_OR:
        return mpy_small_int(x | y);
    case MPY_NB_XOR:
    case MPY_NB_INPLACE + MPY_NB_XOR:
        return mpy_small_int(x ^ y);
    case MPY_NB_FLOOR_DIVIDE:
    case MPY_NB_INPLACE + MPY_NB_FLOOR_DIVIDE:
        if (y <= 0)
            return NULL;
        r = x / y;
        if ((x % y) != 0 && x < 0)
            r--;
        return mpy_small_int(r);
    case MPY_NB_REMAINDER:
    case MPY_NB_INPLACE + MPY_NB_REMAINDER:
        if (y <= 0)
            return NULL;
        r = x % y;
        if (r < 0)
            r += y;
        return mpy_small_int(r);
    default:
        return NULL;
    }
}

static inline bool is_add_or_sub(int op)
{
    return op == MPY_NB_ADD || op == MPY_NB_SUBTRACT || op == MPY_NB_INPLACE + MPY_NB_ADD ||
           op == MPY_NB_INPLACE + MPY_NB_SUBTRACT;
}

static inline bool small_int_compare(MpyObject *a, MpyObject *b, int op)
{
    intptr_t x = mpy_small_int_value(a), y = mpy_small_int_value(b);
    switch (op) {
    case MPY_LT: return x < y;
    case MPY_LE: return x <= y;
    case MPY_EQ: return x == y;
    case MPY_NE: return x != y;
    case MPY_GT: return x > y;
    default: return x >= y;
    }
}

/* ------------------------------------------------------------------ */
/* Guards of the specialised instructions (vm/specialize.c)             */

/* The way of cache `c` that knows `owner`'s type, if that type is
 * unchanged since (same version); else NULL. */
static inline const MpyCacheWay *find_way(MpyObject *owner, const MpyInlineCache *c)
{
    if (mpy_is_small_int(owner))
        return NULL;
    MpyType *t = owner->ob_type;
    for (int i = 0; i < MPY_CACHE_WAYS; i++) {
        const MpyCacheWay *w = &c->ways[i];
        if (w->type == t)
            return MPY_FT_LOAD_RELAXED(t->version) == w->type_version ? w : NULL;
    }
    return NULL;
}

/* The value of entry `ix` of `dict` if that entry's key is `name`, else
 * NULL.  Returns: borrowed reference. */
static inline MpyObject *dict_value_at(MpyObject *dict, uint32_t ix, MpyObject *name)
{
    return mpy__dict_value_at(dict, ix, name);
}

/* Replace the value of entry `ix` if its key is `name`, taking the
 * caller's reference to `v`.  Returns false (nothing done) otherwise. */
static inline bool dict_replace_at(MpyObject *dict, uint32_t ix, MpyObject *name, MpyObject *v)
{
#if MPY_FREE_THREADED
    if (!mpy__cs_alone()) /* alone: no lock-free reader to publish to */
        return mpy__dict_replace_at(dict, ix, name, v);
#endif
    MpyDictObject *d = (MpyDictObject *)dict;
    if (d == NULL || ix >= (uint32_t)d->nentries || d->entries[ix].key != name)
        return false;
    MpyObject *old = d->entries[ix].value;
    d->entries[ix].value = v;
    d->version = mpy__dict_next_version();
    MPY_DECREF(old);
    return true;
}

/* A module attribute at the cached entry of the module's dict.
 * Returns: borrowed reference, or NULL when the guard fails. */
static inline MpyObject *module_value(MpyObject *owner, const MpyInlineCache *c, MpyObject *name)
{
    if (mpy_is_small_int(owner) || owner->ob_type != &mpy_module_type)
        return NULL;
    return dict_value_at(((MpyModuleObject *)owner)->dict, c->ways[0].index, name);
}

/* object.__setattr__ once we know the type has no data descriptor for
 * `name`: into the instance __dict__, made on first use.  Returns 0 / -1. */
static int store_in_instance_dict(MpyObject **dictptr, MpyObject *name, MpyObject *v)
{
    MpyObject *dict = mpy__object_ensure_dict(dictptr);
    return dict == NULL ? -1 : mpy_dict_set(dict, name, v);
}

/* One operand of a float operation as a double: a float, or a tagged int
 * that converts exactly. */
static inline bool as_double(MpyObject *o, double *out)
{
    if (mpy_is_small_int(o)) {
        intptr_t v = mpy_small_int_value(o);
        *out = (double)v;
        return v >= -((intptr_t)1 << 53) && v <= ((intptr_t)1 << 53);
    }
    if (o->ob_type != &mpy_float_type)
        return false;
    *out = mpy_float_value(o);
    return true;
}

/* Operands of BINARY_OP_*_FLOAT: at least one float (int + int stays an
 * int); for true division two small ints also qualify. */
static inline bool float_operands(MpyObject *left, MpyObject *right, double *a, double *b)
{
    return as_double(left, a) && as_double(right, b) &&
           (!mpy_is_small_int(left) || !mpy_is_small_int(right));
}

static inline bool div_operands(MpyObject *left, MpyObject *right, double *a, double *b)
{
    return as_double(left, a) && as_double(right, b);
}

/* Replace the two operands on top of the stack by the float `v`, reusing
 * an operand float that nothing else references (its value can change
 * unseen).  Returns 0, or -1 with MemoryError (both operands popped). */
__attribute__((always_inline)) static inline int float_result(MpyObject ***spp, double v)
{
    MpyObject **sp = *spp;
    MpyObject *right = sp[-1], *left = sp[-2], *res;
    *spp = sp - 1;
    if (!mpy_is_small_int(left) && mpy__refcnt_total(left) == 1) {
        ((MpyFloatObject *)left)->value = v;
        MPY_DECREF(right);
        return 0;
    }
    if (!mpy_is_small_int(right) && mpy__refcnt_total(right) == 1) {
        ((MpyFloatObject *)right)->value = v;
        sp[-2] = right;
        MPY_DECREF(left);
        return 0;
    }
    res = mpy_float_from_double(v);
    MPY_DECREF(left);
    MPY_DECREF(right);
    sp[-2] = res;
    if (res == NULL) {
        *spp = sp - 2;
        return -1;
    }
    return 0;
}

static inline bool float_compare(double x, double y, int op)
{
    switch (op) {
    case MPY_LT: return x < y;
    case MPY_LE: return x <= y;
    case MPY_EQ: return x == y;
    case MPY_NE: return x != y;
    case MPY_GT: return x > y;
    default: return x >= y;
    }
}

/* list[i] for a tagged int i.  Returns: new reference, or NULL with
 * IndexError. */
static inline MpyObject *list_subscript(MpyObject *list, intptr_t i)
{
#if MPY_FREE_THREADED
    if (!mpy__cs_alone()) /* (alone, the list's lock would be elided) */
        return mpy__list_getitem_index(list, i); /* under the list's lock */
#endif
    MpyListObject *l = (MpyListObject *)list;
    intptr_t k = i < 0 ? i + l->size : i;
    if (MPY_LIKELY((size_t)k < (size_t)l->size))
        return MPY_NEWREF(l->items[k]);
    return mpy__list_getitem_index(list, i); /* raises */
}

/* list[i] = v, taking the reference to v.  Returns 1 when stored, 0 when i
 * is out of range (nothing done: the generic code raises), -1 on error
 * (v released). */
static inline int list_store(MpyObject *list, intptr_t i, MpyObject *v)
{
#if MPY_FREE_THREADED
    if (!mpy__cs_alone()) {
        if (i < 0)
            return 0;
        int err = mpy_list_set(list, i, v); /* under the list's lock */
        MPY_DECREF(v);
        return err < 0 ? -1 : 1;
    }
#endif
    MpyListObject *l = (MpyListObject *)list;
    if (i < 0)
        i += l->size;
    if (MPY_UNLIKELY((size_t)i >= (size_t)l->size))
        return 0;
    MpyObject *old = l->items[i];
    l->items[i] = v;
    MPY_DECREF(old);
    return 1;
}

/* ------------------------------------------------------------------ */
/* Frames of Python calls (the fast versions of vm/call.c's)            */

/* A frame for `func` on the thread's data stack, its fast locals not yet
 * set.  On success the frame owns the caller's reference to `func`.
 * Returns: the frame, or NULL with MemoryError (nothing taken). */
static inline MpyFrame *push_frame(MpyThreadState *tstate, MpyFunctionObject *func)
{
    MpyCodeObject *co = (MpyCodeObject *)func->code;
    size_t size = co->framesize;
    char *top = tstate->datastack_top;
    MpyFrame *frame;
    if (MPY_LIKELY(top != NULL && (size_t)(tstate->datastack_limit - top) >= size)) {
        frame = (MpyFrame *)top;
        tstate->datastack_top = top + size;
    } else {
        frame = mpy__datastack_push(tstate, size);
        if (frame == NULL)
            return NULL;
    }
    frame->code = co;
    frame->func = (MpyObject *)func;
    frame->globals = func->globals;
    frame->builtins = func->builtins;
    frame->locals = NULL;
    frame->previous = NULL;
    frame->ip = co->instrs;
    frame->sp = frame->localsplus + co->nlocalsplus;
    frame->block_depth = 0;
    frame->owner = MPY_FRAME_OWNED_BY_THREAD;
    frame->is_entry = 0;
    frame->state = MPY_FRAME_CREATED;
    frame->frame_obj = NULL;
    frame->init_self = NULL;
    return frame;
}

/* Release a finished frame of this thread's data stack: what it holds
 * (as mpy__frame_clear), then its space.  Always inlined: with the
 * free-threaded build's longer DECREF gcc would otherwise call it, ~5% of
 * call-heavy code. */
__attribute__((always_inline)) static inline void pop_frame(MpyThreadState *tstate, MpyFrame *frame)
{
    if (MPY_UNLIKELY(frame->frame_obj != NULL))
        mpy__frame_object_detach(frame); /* snapshots the locals first */
    for (MpyObject **p = frame->localsplus; p < frame->sp; p++)
        MPY_XDECREF(*p);
    frame->sp = frame->localsplus;
    MPY_CLEAR(frame->locals);
    MPY_CLEAR(frame->func);
    MPY_CLEAR(frame->init_self);
    if (MPY_LIKELY((char *)frame != tstate->datastack_chunk->data))
        tstate->datastack_top = (char *)frame;
    else
        mpy__datastack_pop(tstate, frame);
}

/* The instance a CALL_PY_CLASS frame returns: its __init__ must have
 * returned None (as type.__call__ checks).  Returns: new reference, or
 * NULL with TypeError.  Refs: consumes `retval`. */
static MpyObject *init_result(MpyFrame *frame, MpyObject *retval)
{
    MpyObject *self = frame->init_self;
    frame->init_self = NULL;
    if (retval != MPY_NONE) {
        mpy_err_format(mpy_exc_TypeError, "__init__() should return None, not '%T'", retval);
        MPY_DECREF(retval);
        MPY_DECREF(self);
        return NULL;
    }
    MPY_DECREF(retval);
    return self;
}

/* object.__new__(cls, *args) as type.__call__ does it before __init__.
 * Returns: new reference or NULL. */
static MpyObject *new_instance(MpyType *cls, MpyObject *const *args, size_t nargs)
{
    MpyObject *self = cls->new(cls, args, nargs, NULL);
    if (self != NULL && mpy_object_is_gc(self) && !mpy_gc_is_tracked(self))
        mpy_gc_track(self);
    return self;
}

/* Leave an entry frame: release it (data stack) or mark it completed
 * (generator). */
static void exit_entry_frame(MpyThreadState *tstate, MpyFrame *frame)
{
    tstate->frame = frame->previous;
    frame->previous = NULL;
    frame->state = MPY_FRAME_COMPLETED;
    if (frame->owner == MPY_FRAME_OWNED_BY_THREAD)
        mpy__frame_pop(tstate, frame);
    else
        mpy__frame_clear(frame);
}

static int recursion_error(MpyThreadState *tstate)
{
    mpy_err_set(mpy_exc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */

/* Instructions are rewritten while they run (quickening, vm/specialize.h);
 * in the free-threaded build another thread may be rewriting the one we
 * read, so the read is atomic, and an acquire (a plain load on x86): the
 * cache entry a new instruction names was written before it. */
#if MPY_FREE_THREADED
#define FETCH_INSTR() (instr = __atomic_load_n(ip++, __ATOMIC_ACQUIRE))
#else
#define FETCH_INSTR() (instr = *ip++)
#endif

/* Computed gotos: `table` is the dispatch table, or under -X trace the
 * table whose every entry is the trace stub (chosen once per call). */
#if MPY_COMPUTED_GOTO
#define TARGET(op) target_##op:
#define DISPATCH()                                                                         \
    do {                                                                                   \
        FETCH_INSTR();                                                                     \
        oparg = (int)MPY_INSTR_ARG(instr);                                                 \
        goto *table[MPY_INSTR_OP(instr)];                                                  \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

/* Run the instruction at `ip` again (after rewriting it). */
#define REDISPATCH()                                                                       \
    do {                                                                                   \
        ip--;                                                                              \
        DISPATCH();                                                                        \
    } while (0)

/* The instruction being run, writable for quickening. */
#define THIS_INSTR() ((MpyInstr *)ip - 1)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define JUMP_TO(target) (ip = first_instr + (target))

#define SAVE_FRAME_STATE()                                                                 \
    do {                                                                                   \
        frame->ip = ip;                                                                    \
        frame->sp = sp;                                                                    \
    } while (0)

#define LOAD_FRAME_STATE()                                                                 \
    do {                                                                                   \
        code = frame->code;                                                                \
        first_instr = code->instrs;                                                        \
        locals = frame->localsplus;                                                        \
        consts = mpy_tuple_items(code->consts);                                            \
        names = mpy_tuple_items(code->names);                                              \
        ip = frame->ip;                                                                    \
        sp = frame->sp;                                                                    \
    } while (0)

#define CHECK_EVAL_BREAKER()                                                               \
    do {                                                                                   \
        if (MPY_UNLIKELY(MPY_ATOMIC_LOAD_RELAXED(&tstate->eval_breaker) != 0)) {           \
            SAVE_FRAME_STATE();                                                            \
            if (mpy__eval_handle_pending(tstate) < 0)                                      \
                goto error;                                                                \
        }                                                                                  \
    } while (0)

/* Drop the n stack items from `base` up to sp (they may be NULL). */
#define POP_ITEMS_FROM(base)                                                               \
    do {                                                                                   \
        MpyObject **base_ = (base);                                                        \
        while (sp > base_) {                                                               \
            MpyObject *dead_ = POP();                                                      \
            MPY_XDECREF(dead_);                                                            \
        }                                                                                  \
    } while (0)

MpyObject *mpy__eval_frame(MpyThreadState *tstate, MpyFrame *entry_frame, int throwflag)
{
#if MPY_COMPUTED_GOTO
    static void *const dispatch_table[MPY_OPCODE_COUNT] = {
#define MPY_OPCODE(name, kind, doc) [OP_##name] = &&target_##name,
#include "vm/opcodes.def"
#undef MPY_OPCODE
    };
    static void *const trace_table[MPY_OPCODE_COUNT] = {
#define MPY_OPCODE(name, kind, doc) [OP_##name] = &&trace_instruction,
#include "vm/opcodes.def"
#undef MPY_OPCODE
    };
    void *const *table = mpy__trace_instructions ? trace_table : dispatch_table;
#endif
    MpyFrame *frame = entry_frame;
    MpyCodeObject *code;
    const MpyInstr *first_instr;
    const MpyInstr *ip;
    MpyObject **sp;
    MpyObject **locals;
    MpyObject *const *consts;
    MpyObject *const *names;
    MpyInstr instr;
    int oparg;
    bool cmp_result; /* from the COMPARE_OP_* forms to compare_result */
    MpyFrame *new_frame; /* from the CALL_PY_* forms to enter_frame */

    frame->previous = tstate->frame;
    tstate->frame = frame;
    frame->is_entry = 1;
    frame->state = MPY_FRAME_EXECUTING;
    LOAD_FRAME_STATE();
    if (MPY_UNLIKELY(mpy__c_stack_exhausted(tstate))) {
        mpy_err_set(mpy_exc_RecursionError, "maximum recursion depth exceeded");
        goto exit_unwinding;
    }
    if (MPY_UNLIKELY(++tstate->py_depth > tstate->interp->recursion_limit)) {
        tstate->py_depth--;
        recursion_error(tstate);
        goto exit_unwinding;
    }
    if (throwflag)
        goto error;
    DISPATCH();

#if MPY_COMPUTED_GOTO
    /* -X trace: print the instruction, then run it (vm/trace.h). */
trace_instruction:
    SAVE_FRAME_STATE();
    mpy__trace_instruction(frame, ip - 1);
    goto *dispatch_table[MPY_INSTR_OP(instr)];
#else
dispatch:
    FETCH_INSTR();
    oparg = (int)MPY_INSTR_ARG(instr);
    if (MPY_UNLIKELY(mpy__trace_instructions)) {
        SAVE_FRAME_STATE();
        mpy__trace_instruction(frame, ip - 1);
    }
    switch ((enum MpyOpcode)MPY_INSTR_OP(instr)) {
#endif

    /* ---- stack manipulation ---- */

    TARGET(NOP) { DISPATCH(); }

    TARGET(POP_TOP) {
        MpyObject *v = POP();
        MPY_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        MpyObject *v = PEEK(oparg);
        MPY_XINCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        MpyObject *top = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = top;
        DISPATCH();
    }

    TARGET(RESUME) {
        if (oparg < 2)
            CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    /* ---- variables ---- */

    TARGET(LOAD_CONST) {
        MpyObject *v = consts[oparg];
        MPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        MpyObject *v = locals[oparg];
        if (MPY_UNLIKELY(v == NULL)) {
            mpy__eval_unbound_local(frame, oparg);
            goto error;
        }
        MPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        MpyObject *v = POP();
        MpyObject *old = locals[oparg];
        locals[oparg] = v;
        MPY_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        MpyObject *old = locals[oparg];
        if (old == NULL) {
            mpy__eval_unbound_local(frame, oparg);
            goto error;
        }
        locals[oparg] = NULL;
        MPY_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        MpyObject *v = ((MpyCellObject *)locals[code->nlocals + oparg])->ref;
        if (v == NULL) {
            mpy__eval_unbound_deref(frame, oparg);
            goto error;
        }
        MPY_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        MpyCellObject *cell = (MpyCellObject *)locals[code->nlocals + oparg];
        MpyObject *old = cell->ref;
        cell->ref = POP();
        MPY_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        MpyCellObject *cell = (MpyCellObject *)locals[code->nlocals + oparg];
        if (cell->ref == NULL) {
            mpy__eval_unbound_deref(frame, oparg);
            goto error;
        }
        MPY_CLEAR(cell->ref);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        MpyObject *cell = locals[code->nlocals + oparg];
        MPY_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        MpyObject *v = mpy__eval_load_classderef(frame, oparg);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        SAVE_FRAME_STATE();
        MpyObject *v = mpy__eval_load_name(frame, names[oparg]);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        SAVE_FRAME_STATE();
        MpyObject *v = POP();
        int err = mpy__eval_store_name(frame, names[oparg], v);
        MPY_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        if (mpy__eval_delete_name(frame, names[oparg]) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        if (MPY_SPECIALIZE_SHARED_STATE &&
            mpy__specialize_load_global(code, THIS_INSTR(), frame->globals, frame->builtins))
            REDISPATCH();
    load_global_generic:;
        MpyObject *name = names[oparg >> 1];
        MpyObject *v = mpy_dict_get_str_borrowed(frame->globals, name);
        if (v == NULL)
            v = mpy_dict_get_str_borrowed(frame->builtins, name);
        if (v != NULL) {
            MPY_INCREF(v);
        } else {
            SAVE_FRAME_STATE();
            v = mpy__eval_load_global(frame, name); /* error, or odd namespaces */
            if (v == NULL)
                goto error;
        }
        PUSH(v);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    /* The global at the remembered entry of the globals dict: the entry
     * still has our name as key, so its value is the global's value. */
    TARGET(LOAD_GLOBAL_MODULE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *v = dict_value_at(frame->globals, c->ways[0].index, names[c->oparg >> 1]);
        if (MPY_UNLIKELY(v == NULL))
            goto load_global_miss;
        MPY_INCREF(v);
        PUSH(v);
        if (c->oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    /* A builtin: the globals dict has not changed since it lacked the
     * name, and the builtins entry still has it. */
    TARGET(LOAD_GLOBAL_BUILTIN) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *v = dict_value_at(frame->builtins, c->ways[0].index, names[c->oparg >> 1]);
        if (MPY_UNLIKELY(v == NULL || mpy__dict_version(frame->globals) != c->dict_version))
            goto load_global_miss;
        MPY_INCREF(v);
        PUSH(v);
        if (c->oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    load_global_miss:
        if (mpy__specialize_load_global(code, THIS_INSTR(), frame->globals, frame->builtins))
            REDISPATCH();
        oparg = (int)code->caches[oparg].oparg;
        goto load_global_generic;

    /* Run generically; specialise again when the counter runs out. */
    TARGET(LOAD_GLOBAL_ADAPTIVE) {
        MpyInlineCache *c = &code->caches[oparg];
        if (mpy__specialize_tick(c) &&
            mpy__specialize_load_global(code, THIS_INSTR(), frame->globals, frame->builtins))
            REDISPATCH();
        oparg = (int)c->oparg;
        goto load_global_generic;
    }

    TARGET(STORE_GLOBAL) {
        MpyObject *v = POP();
        int err = mpy_dict_set(frame->globals, names[oparg], v);
        MPY_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (mpy__eval_delete_global(frame, names[oparg]) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        if (MPY_SPECIALIZE_SHARED_STATE && mpy__specialize_load_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
    load_attr_generic:
        SAVE_FRAME_STATE();
        MpyObject *owner = TOP();
        MpyObject *v = mpy_object_getattr(owner, names[oparg]);
        if (v == NULL)
            goto error;
        SET_TOP(v);
        MPY_DECREF(owner);
        DISPATCH();
    }

    /* obj.name from the instance __dict__ (the type has no data
     * descriptor by that name: its version says it is unchanged). */
    TARGET(LOAD_ATTR_INSTANCE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, c);
        if (MPY_UNLIKELY(w == NULL))
            goto load_attr_miss;
        MpyObject *dict = MPY_FT_LOAD_ACQUIRE(*(MpyObject **)((char *)owner + w->dict_offset));
        MpyObject *v = dict_value_at(dict, w->index, names[c->oparg]);
        if (MPY_UNLIKELY(v == NULL)) {
            // Not at the usual entry: look it up; if it is not in the
            // instance at all, the generic code finds it on the class.
            v = dict != NULL ? mpy_dict_get_str_borrowed(dict, names[c->oparg]) : NULL;
            if (v == NULL) {
                if (mpy_err_occurred())
                    goto error;
                goto load_attr_miss;
            }
        }
        MPY_INCREF(v);
        SET_TOP(v);
        MPY_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_SLOT) {
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, &code->caches[oparg]);
        MpyObject *v = w != NULL ? *(MpyObject **)((char *)owner + w->index) : NULL;
        if (MPY_UNLIKELY(v == NULL))
            goto load_attr_miss; /* unset: the generic code raises */
        MPY_INCREF(v);
        SET_TOP(v);
        MPY_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_MODULE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *owner = TOP();
        MpyObject *v = module_value(owner, c, names[c->oparg]);
        if (MPY_UNLIKELY(v == NULL))
            goto load_attr_miss;
        MPY_INCREF(v);
        SET_TOP(v);
        MPY_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_CLASS) {
        const MpyCacheWay *w = &code->caches[oparg].ways[0];
        MpyObject *owner = TOP();
        if (MPY_UNLIKELY(owner != (MpyObject *)w->type || MPY_FT_LOAD_RELAXED(w->type->version) != w->type_version))
            goto load_attr_miss;
        SET_TOP(MPY_NEWREF(w->object));
        MPY_DECREF(owner);
        DISPATCH();
    }

    /* A property whose getter is a plain Python function: call it in a new
     * frame of this loop; its return value becomes the attribute. */
    TARGET(LOAD_ATTR_PROPERTY) {
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, &code->caches[oparg]);
        if (MPY_UNLIKELY(w == NULL || !mpy__specialize_simple_function(w->object, 1)))
            goto load_attr_miss;
        if (MPY_UNLIKELY(tstate->py_depth >= tstate->interp->recursion_limit)) {
            recursion_error(tstate);
            goto error;
        }
        MpyFrame *callee = push_frame(tstate, (MpyFunctionObject *)w->object);
        if (MPY_UNLIKELY(callee == NULL))
            goto error;
        MPY_INCREF(w->object);
        callee->localsplus[0] = owner; /* the stack's reference */
        for (int i = 1; i < callee->code->nlocalsplus; i++)
            callee->localsplus[i] = NULL;
        sp--;
        new_frame = callee;
        goto enter_frame;
    }

    /* A specialised form whose guard failed: learn this operand's type or
     * count the miss, then run generically. */
    load_attr_miss:
        if (mpy__specialize_load_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)code->caches[oparg].oparg;
        goto load_attr_generic;

    /* Run generically; specialise again when the counter runs out. */
    TARGET(LOAD_ATTR_ADAPTIVE) {
        MpyInlineCache *c = &code->caches[oparg];
        if (mpy__specialize_tick(c) && mpy__specialize_load_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)c->oparg;
        goto load_attr_generic;
    }

    TARGET(STORE_ATTR) {
        if (MPY_SPECIALIZE_SHARED_STATE && mpy__specialize_store_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
    store_attr_generic:
        SAVE_FRAME_STATE();
        MpyObject *owner = POP();
        MpyObject *v = POP();
        int err = mpy_object_setattr(owner, names[oparg], v);
        MPY_DECREF(v);
        MPY_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    /* obj.name = v into the instance __dict__: replace the value at the
     * usual entry, or store it like object.__setattr__ would (the type's
     * version says it has no data descriptor by that name). */
    TARGET(STORE_ATTR_INSTANCE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, c);
        if (MPY_UNLIKELY(w == NULL))
            goto store_attr_miss;
        MpyObject **dictptr = (MpyObject **)((char *)owner + w->dict_offset);
        MpyObject *v = SECOND();
        sp -= 2;
        if (MPY_LIKELY(dict_replace_at(*dictptr, w->index, names[c->oparg], v))) {
            MPY_DECREF(owner);
            DISPATCH();
        }
        SAVE_FRAME_STATE();
        int err = store_in_instance_dict(dictptr, names[c->oparg], v);
        MPY_DECREF(v);
        MPY_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(STORE_ATTR_SLOT) {
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, &code->caches[oparg]);
        if (MPY_UNLIKELY(w == NULL))
            goto store_attr_miss;
        MpyObject **slot = (MpyObject **)((char *)owner + w->index);
        MpyObject *old = *slot;
        *slot = SECOND(); /* the slot takes the stack's reference */
        sp -= 2;
        MPY_XDECREF(old);
        MPY_DECREF(owner);
        DISPATCH();
    }

    store_attr_miss:
        if (mpy__specialize_store_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)code->caches[oparg].oparg;
        goto store_attr_generic;

    TARGET(STORE_ATTR_ADAPTIVE) {
        MpyInlineCache *c = &code->caches[oparg];
        if (mpy__specialize_tick(c) && mpy__specialize_store_attr(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)c->oparg;
        goto store_attr_generic;
    }

    TARGET(DELETE_ATTR) {
        SAVE_FRAME_STATE();
        MpyObject *owner = POP();
        int err = mpy_object_setattr(owner, names[oparg], NULL);
        MPY_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        if (MPY_SPECIALIZE_SHARED_STATE && mpy__specialize_load_method(code, THIS_INSTR(), TOP()))
            REDISPATCH();
    load_method_generic:
        SAVE_FRAME_STATE();
        MpyObject *owner = TOP();
        MpyObject *meth;
        int unbound = mpy_object_get_method(owner, names[oparg], &meth);
        if (unbound < 0)
            goto error;
        SET_TOP(meth);
        if (unbound) {
            PUSH(owner); /* moves the reference: [meth, owner] */
        } else {
            MPY_DECREF(owner);
            PUSH(NULL);
        }
        DISPATCH();
    }

    /* A method of the type, called with obj prepended: obj's __dict__
     * (if its type gives it one) must not shadow it. */
    TARGET(LOAD_METHOD_TYPE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *owner = TOP();
        const MpyCacheWay *w = find_way(owner, c);
        if (MPY_UNLIKELY(w == NULL))
            goto load_method_miss;
        if (w->dict_offset != 0) {
            MpyObject *dict = MPY_FT_LOAD_ACQUIRE(*(MpyObject **)((char *)owner + w->dict_offset));
            if (dict != NULL && mpy_dict_size(dict) != 0) {
                SAVE_FRAME_STATE();
                if (MPY_UNLIKELY(mpy_dict_get_str_borrowed(dict, names[c->oparg]) != NULL))
                    goto load_method_miss;
                if (MPY_UNLIKELY(mpy_err_occurred()))
                    goto error;
            }
        }
        SET_TOP(MPY_NEWREF(w->object));
        PUSH(owner);
        DISPATCH();
    }

    TARGET(LOAD_METHOD_MODULE) {
        MpyInlineCache *c = &code->caches[oparg];
        MpyObject *owner = TOP();
        MpyObject *v = module_value(owner, c, names[c->oparg]);
        if (MPY_UNLIKELY(v == NULL))
            goto load_method_miss;
        SET_TOP(MPY_NEWREF(v));
        MPY_DECREF(owner);
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(LOAD_METHOD_CLASS) {
        const MpyCacheWay *w = &code->caches[oparg].ways[0];
        MpyObject *owner = TOP();
        if (MPY_UNLIKELY(owner != (MpyObject *)w->type || MPY_FT_LOAD_RELAXED(w->type->version) != w->type_version))
            goto load_method_miss;
        SET_TOP(MPY_NEWREF(w->object));
        MPY_DECREF(owner);
        PUSH(NULL);
        DISPATCH();
    }

    load_method_miss:
        if (mpy__specialize_load_method(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)code->caches[oparg].oparg;
        goto load_method_generic;

    TARGET(LOAD_METHOD_ADAPTIVE) {
        MpyInlineCache *c = &code->caches[oparg];
        if (mpy__specialize_tick(c) && mpy__specialize_load_method(code, THIS_INSTR(), TOP()))
            REDISPATCH();
        oparg = (int)c->oparg;
        goto load_method_generic;
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(MPY_NEWREF(mpy_exc_AssertionError));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        MpyObject *bc = mpy__eval_build_class(frame);
        if (bc == NULL)
            goto error;
        PUSH(bc);
        DISPATCH();
    }

    /* ---- operators ---- */

    TARGET(BINARY_OP) {
        mpy__specialize_binary_op(THIS_INSTR(), SECOND(), TOP());
    binary_op_generic:;
        MpyObject *right = POP();
        MpyObject *left = TOP();
        MpyObject *res;
        if (mpy_is_small_int(left) && mpy_is_small_int(right) &&
            (res = small_int_binop(left, right, oparg)) != NULL) {
            SET_TOP(res);
            DISPATCH();
        }
        if (is_add_or_sub(oparg) && !mpy_is_small_int(left) && left->ob_type == &mpy_int_type &&
            mpy_int_check_exact(right) && left != right) {
            // `total += x` on a big int nobody else sees (the stack, and
            // the local the next STORE_FAST overwrites): add in place.
            MpyInstr next = mpy__specialize_read(ip);
            bool in_local = MPY_INSTR_OP(next) == OP_STORE_FAST && locals[MPY_INSTR_ARG(next)] == left;
            if (mpy__refcnt_total(left) == 1 + (intptr_t)in_local) {
                if (in_local) {
                    locals[MPY_INSTR_ARG(next)] = NULL;
                    MPY_DECREF(left);
                }
                res = mpy__eval_int_addsub_unique(left, right, oparg % MPY_NB_INPLACE == MPY_NB_SUBTRACT);
                MPY_DECREF(right);
                SET_TOP(res);
                DISPATCH();
            }
        }
        SAVE_FRAME_STATE();
        res = oparg >= MPY_NB_INPLACE ? mpy_number_inplace(left, right, oparg - MPY_NB_INPLACE)
                                      : mpy_number_binop(left, right, oparg);
        MPY_DECREF(left);
        MPY_DECREF(right);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(BINARY_OP_GENERIC) { goto binary_op_generic; }

    TARGET(BINARY_OP_ADD_INT) {
        MpyObject *right = TOP(), *left = SECOND();
        intptr_t r;
        if (MPY_UNLIKELY(!mpy_is_small_int(left) || !mpy_is_small_int(right) ||
                         __builtin_add_overflow(mpy_small_int_value(left), mpy_small_int_value(right), &r) ||
                         !mpy_small_int_fits(r)))
            goto binary_op_generic;
        sp--;
        SET_TOP(mpy_small_int(r));
        DISPATCH();
    }

    TARGET(BINARY_OP_SUB_INT) {
        MpyObject *right = TOP(), *left = SECOND();
        intptr_t r;
        if (MPY_UNLIKELY(!mpy_is_small_int(left) || !mpy_is_small_int(right) ||
                         __builtin_sub_overflow(mpy_small_int_value(left), mpy_small_int_value(right), &r) ||
                         !mpy_small_int_fits(r)))
            goto binary_op_generic;
        sp--;
        SET_TOP(mpy_small_int(r));
        DISPATCH();
    }

    TARGET(BINARY_OP_MUL_INT) {
        MpyObject *right = TOP(), *left = SECOND();
        intptr_t r;
        if (MPY_UNLIKELY(!mpy_is_small_int(left) || !mpy_is_small_int(right) ||
                         __builtin_mul_overflow(mpy_small_int_value(left), mpy_small_int_value(right), &r) ||
                         !mpy_small_int_fits(r)))
            goto binary_op_generic;
        sp--;
        SET_TOP(mpy_small_int(r));
        DISPATCH();
    }

    /* Float arithmetic; a tagged int operand converts exactly (|i| <= 2**53),
     * as float.__add__ would convert it. */
    TARGET(BINARY_OP_ADD_FLOAT) {
        double a, b;
        if (MPY_UNLIKELY(!float_operands(SECOND(), TOP(), &a, &b)))
            goto binary_op_generic;
        if (float_result(&sp, a + b) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP_SUB_FLOAT) {
        double a, b;
        if (MPY_UNLIKELY(!float_operands(SECOND(), TOP(), &a, &b)))
            goto binary_op_generic;
        if (float_result(&sp, a - b) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP_MUL_FLOAT) {
        double a, b;
        if (MPY_UNLIKELY(!float_operands(SECOND(), TOP(), &a, &b)))
            goto binary_op_generic;
        if (float_result(&sp, a * b) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP_DIV_FLOAT) {
        double a, b;
        if (MPY_UNLIKELY(!div_operands(SECOND(), TOP(), &a, &b) || b == 0.0))
            goto binary_op_generic; /* ZeroDivisionError comes from there */
        if (float_result(&sp, a / b) < 0)
            goto error;
        DISPATCH();
    }

    /* str + str.  For `s += t` followed by STORE_FAST s, when the local
     * and the stack hold the only references to s, drop the local's and
     * let the str grow in place (CPython's unicode_concatenate). */
    TARGET(BINARY_OP_ADD_STR) {
        MpyObject *right = TOP(), *left = SECOND();
        if (MPY_UNLIKELY(!mpy_str_check_exact(left) || !mpy_str_check_exact(right)))
            goto binary_op_generic;
        MpyInstr next = mpy__specialize_read(ip);
        MpyObject *res;
        SAVE_FRAME_STATE();
        if (MPY_INSTR_OP(next) == OP_STORE_FAST && locals[MPY_INSTR_ARG(next)] == left &&
            mpy__refcnt_total(left) == 2) {
            locals[MPY_INSTR_ARG(next)] = NULL;
            MPY_DECREF(left);
            res = mpy_str_concat_take(left, right); /* takes the stack's reference */
        } else {
            res = mpy_str_concat(left, right);
            MPY_DECREF(left);
        }
        sp--;
        MPY_DECREF(right);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        MpyObject *v = TOP();
        MpyObject *res;
        if (mpy_is_small_int(v) && mpy_small_int_value(v) != MPY_SMALLINT_MIN)
            res = mpy_small_int(-mpy_small_int_value(v));
        else
            res = mpy_number_negative(v);
        MPY_DECREF(v);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        MpyObject *v = TOP();
        MpyObject *res = mpy_number_positive(v);
        MPY_DECREF(v);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        MpyObject *v = TOP();
        MpyObject *res = mpy_is_small_int(v) ? mpy_small_int(~mpy_small_int_value(v)) : mpy_number_invert(v);
        MPY_DECREF(v);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        MpyObject *v = TOP();
        int t = mpy_object_is_true(v);
        MPY_DECREF(v);
        if (t < 0) {
            sp--;
            goto error;
        }
        SET_TOP(MPY_NEWREF(mpy_bool_from(!t)));
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        mpy__specialize_compare_op(THIS_INSTR(), SECOND(), TOP());
    compare_op_generic:;
        MpyObject *right = POP();
        MpyObject *left = TOP();
        if (mpy_is_small_int(left) && mpy_is_small_int(right)) {
            SET_TOP(mpy_bool_from(small_int_compare(left, right, oparg)));
            DISPATCH();
        }
        SAVE_FRAME_STATE();
        MpyObject *res = mpy_object_richcompare(left, right, oparg);
        MPY_DECREF(left);
        MPY_DECREF(right);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(COMPARE_OP_GENERIC) { goto compare_op_generic; }

    /* The specialised comparisons cannot fail; when a POP_JUMP_IF_FALSE/TRUE
     * follows (an `if` or `while` test) they do its jump too. */
    TARGET(COMPARE_OP_INT) {
        MpyObject *right = TOP(), *left = SECOND();
        if (MPY_UNLIKELY(!mpy_is_small_int(left) || !mpy_is_small_int(right)))
            goto compare_op_generic;
        cmp_result = small_int_compare(left, right, oparg);
        sp -= 2;
        goto compare_result;
    }

    TARGET(COMPARE_OP_FLOAT) {
        MpyObject *right = TOP(), *left = SECOND();
        if (MPY_UNLIKELY(!mpy_float_check_exact(left) || !mpy_float_check_exact(right)))
            goto compare_op_generic;
        cmp_result = float_compare(mpy_float_value(left), mpy_float_value(right), oparg);
        sp -= 2;
        MPY_DECREF(left);
        MPY_DECREF(right);
        goto compare_result;
    }

    TARGET(COMPARE_OP_STR) {
        MpyObject *right = TOP(), *left = SECOND();
        if (MPY_UNLIKELY(!mpy_str_check_exact(left) || !mpy_str_check_exact(right)))
            goto compare_op_generic;
        cmp_result = (left == right || mpy_str_equal(left, right)) == (oparg == MPY_EQ);
        sp -= 2;
        MPY_DECREF(left);
        MPY_DECREF(right);
        goto compare_result;
    }

    compare_result: {
        MpyInstr next = mpy__specialize_read(ip);
        if (MPY_INSTR_OP(next) == OP_POP_JUMP_IF_FALSE) {
            ip++;
            if (!cmp_result)
                JUMP_TO(MPY_INSTR_ARG(next));
        } else if (MPY_INSTR_OP(next) == OP_POP_JUMP_IF_TRUE) {
            ip++;
            if (cmp_result)
                JUMP_TO(MPY_INSTR_ARG(next));
        } else {
            PUSH(mpy_bool_from(cmp_result));
        }
        DISPATCH();
    }

    TARGET(IS_OP) {
        MpyObject *right = POP();
        MpyObject *left = TOP();
        bool r = (left == right) ^ (oparg != 0);
        MPY_DECREF(left);
        MPY_DECREF(right);
        SET_TOP(MPY_NEWREF(mpy_bool_from(r)));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SAVE_FRAME_STATE();
        MpyObject *container = POP();
        MpyObject *item = TOP();
        int r = mpy_sequence_contains(container, item);
        MPY_DECREF(container);
        MPY_DECREF(item);
        if (r < 0) {
            sp--;
            goto error;
        }
        SET_TOP(MPY_NEWREF(mpy_bool_from((r != 0) ^ (oparg != 0))));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        mpy__specialize_binary_subscr(THIS_INSTR(), SECOND(), TOP());
    binary_subscr_generic:;
        MpyObject *key = POP();
        MpyObject *container = TOP();
        SAVE_FRAME_STATE();
        MpyObject *res = mpy_object_getitem(container, key);
        MPY_DECREF(container);
        MPY_DECREF(key);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_GENERIC) { goto binary_subscr_generic; }

    TARGET(BINARY_SUBSCR_LIST_INT) {
        MpyObject *key = TOP(), *container = SECOND();
        if (MPY_UNLIKELY(!mpy_is_small_int(key) || !mpy_list_check_exact(container)))
            goto binary_subscr_generic;
        MpyObject *res = list_subscript(container, mpy_small_int_value(key));
        sp--;
        MPY_DECREF(container);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_TUPLE_INT) {
        MpyObject *key = TOP(), *container = SECOND();
        if (MPY_UNLIKELY(!mpy_is_small_int(key) || !mpy_tuple_check_exact(container)))
            goto binary_subscr_generic;
        intptr_t i = mpy_small_int_value(key);
        if (i < 0)
            i += mpy_tuple_size(container);
        if (MPY_UNLIKELY((size_t)i >= (size_t)mpy_tuple_size(container)))
            goto binary_subscr_generic; /* IndexError comes from there */
        sp--;
        SET_TOP(MPY_NEWREF(mpy_tuple_item(container, i)));
        MPY_DECREF(container);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_DICT) {
        MpyObject *key = TOP(), *container = SECOND();
        if (MPY_UNLIKELY(!mpy_dict_check_exact(container)))
            goto binary_subscr_generic;
        SAVE_FRAME_STATE();
        MpyObject *res = mpy_dict_get(container, key);
        if (res == NULL && !mpy_err_occurred())
            mpy_err_key_error(key);
        sp--;
        MPY_DECREF(container);
        MPY_DECREF(key);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        mpy__specialize_store_subscr(THIS_INSTR(), SECOND(), TOP());
    store_subscr_generic:
        SAVE_FRAME_STATE();
        MpyObject *key = POP();
        MpyObject *container = POP();
        MpyObject *v = POP();
        int err = mpy_object_setitem(container, key, v);
        MPY_DECREF(v);
        MPY_DECREF(container);
        MPY_DECREF(key);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_GENERIC) { goto store_subscr_generic; }

    TARGET(STORE_SUBSCR_LIST_INT) {
        MpyObject *key = TOP(), *container = SECOND();
        if (MPY_UNLIKELY(!mpy_is_small_int(key) || !mpy_list_check_exact(container)))
            goto store_subscr_generic;
        int r = list_store(container, mpy_small_int_value(key), THIRD());
        if (MPY_UNLIKELY(r == 0))
            goto store_subscr_generic; /* out of range: IndexError from there */
        sp -= 3;
        MPY_DECREF(container);
        if (r < 0)
            goto error;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_DICT) {
        MpyObject *key = TOP(), *container = SECOND();
        if (MPY_UNLIKELY(!mpy_dict_check_exact(container)))
            goto store_subscr_generic;
        SAVE_FRAME_STATE();
        MpyObject *v = THIRD();
        sp -= 3;
        int err = mpy_dict_set_take(container, key, v);
        MPY_DECREF(container);
        MPY_DECREF(key);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        SAVE_FRAME_STATE();
        MpyObject *key = POP();
        MpyObject *container = POP();
        int err = mpy_object_delitem(container, key);
        MPY_DECREF(container);
        MPY_DECREF(key);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    /* ---- building values ---- */

    TARGET(BUILD_TUPLE) {
        MpyObject *t = mpy_tuple_new(oparg);
        if (t == NULL)
            goto error;
        for (int i = oparg; --i >= 0;)
            mpy_tuple_init_take(t, i, POP());
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        MpyObject *l = mpy_list_new(oparg);
        if (l == NULL)
            goto error;
        for (int i = oparg; --i >= 0;)
            mpy_list_init_take(l, i, POP());
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        SAVE_FRAME_STATE();
        MpyObject *s = mpy_set_new(NULL);
        int err = s == NULL;
        for (int i = oparg; i > 0; i--) {
            if (!err && mpy_set_add(s, PEEK(i)) < 0)
                err = 1;
        }
        POP_ITEMS_FROM(sp - oparg);
        if (err) {
            MPY_XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        SAVE_FRAME_STATE();
        MpyObject *d = mpy__eval_build_map(sp - 2 * oparg, oparg);
        POP_ITEMS_FROM(sp - 2 * oparg);
        if (d == NULL)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        SAVE_FRAME_STATE();
        MpyObject *keys = POP();
        MpyObject *d = mpy__eval_build_const_key_map(sp - oparg, keys, oparg);
        MPY_DECREF(keys);
        POP_ITEMS_FROM(sp - oparg);
        if (d == NULL)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        MpyObject *s = mpy__eval_build_string(sp - oparg, oparg);
        POP_ITEMS_FROM(sp - oparg);
        if (s == NULL)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        MpyObject *step = oparg == 3 ? POP() : NULL;
        MpyObject *stop = POP();
        MpyObject *start = TOP();
        MpyObject *slice = mpy_slice_new(start, stop, step);
        MPY_DECREF(start);
        MPY_DECREF(stop);
        MPY_XDECREF(step);
        SET_TOP(slice);
        if (slice == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        MpyObject *v = POP();
        if (mpy_list_append_take(PEEK(oparg), v) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        SAVE_FRAME_STATE();
        MpyObject *v = POP();
        int err = mpy_set_add(PEEK(oparg), v);
        MPY_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        SAVE_FRAME_STATE();
        MpyObject *value = POP();
        MpyObject *key = POP();
        int err = mpy_dict_set(PEEK(oparg), key, value);
        MPY_DECREF(key);
        MPY_DECREF(value);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        SAVE_FRAME_STATE();
        MpyObject *iterable = POP();
        int err = mpy__eval_list_extend(PEEK(oparg), iterable);
        MPY_DECREF(iterable);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        SAVE_FRAME_STATE();
        MpyObject *iterable = POP();
        int err = mpy_set_update(PEEK(oparg), iterable);
        MPY_DECREF(iterable);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        SAVE_FRAME_STATE();
        MpyObject *update = POP();
        int err = mpy__eval_dict_update(PEEK(oparg), update);
        MPY_DECREF(update);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        SAVE_FRAME_STATE();
        MpyObject *update = POP();
        int err = mpy__eval_dict_merge(PEEK(oparg + 3), PEEK(oparg), update);
        MPY_DECREF(update);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        MpyObject *list = TOP();
        MpyObject *t = mpy_list_as_tuple(list);
        MPY_DECREF(list);
        SET_TOP(t);
        if (t == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        mpy__specialize_unpack_sequence(THIS_INSTR(), TOP());
    unpack_sequence_generic:
        SAVE_FRAME_STATE();
        MpyObject *seq = POP();
        int err = mpy__eval_unpack(seq, oparg, 0, false, sp);
        MPY_DECREF(seq);
        if (err < 0)
            goto error;
        sp += oparg;
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_GENERIC) { goto unpack_sequence_generic; }

    TARGET(UNPACK_SEQUENCE_TWO_TUPLE) {
        MpyObject *seq = TOP();
        if (MPY_UNLIKELY(!mpy_tuple_check_exact(seq) || mpy_tuple_size(seq) != 2))
            goto unpack_sequence_generic;
        SET_TOP(MPY_NEWREF(mpy_tuple_item(seq, 1)));
        PUSH(MPY_NEWREF(mpy_tuple_item(seq, 0)));
        MPY_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_TUPLE) {
        MpyObject *seq = TOP();
        if (MPY_UNLIKELY(!mpy_tuple_check_exact(seq) || mpy_tuple_size(seq) != oparg))
            goto unpack_sequence_generic;
        sp--;
        for (int i = oparg; --i >= 0;)
            PUSH(MPY_NEWREF(mpy_tuple_item(seq, i)));
        MPY_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_LIST) {
        MpyObject *seq = TOP();
        if (MPY_FREE_THREADED || MPY_UNLIKELY(!mpy_list_check_exact(seq) || mpy_list_size(seq) != oparg))
            goto unpack_sequence_generic; /* free-threaded: the list could change meanwhile */
        MpyObject **items = ((MpyListObject *)seq)->items;
        sp--;
        for (int i = oparg; --i >= 0;)
            PUSH(MPY_NEWREF(items[i]));
        MPY_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        SAVE_FRAME_STATE();
        MpyObject *seq = POP();
        int before = oparg & 0xFF, after = oparg >> 8;
        int err = mpy__eval_unpack(seq, before, after, true, sp);
        MPY_DECREF(seq);
        if (err < 0)
            goto error;
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        SAVE_FRAME_STATE();
        MpyObject *spec = (oparg & 4) ? POP() : NULL;
        MpyObject *value = TOP();
        MpyObject *res = mpy__eval_format_value(value, oparg & 3, spec);
        MPY_XDECREF(spec);
        MPY_DECREF(value);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    /* ---- control flow ---- */

    TARGET(JUMP_FORWARD) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        // Check before jumping, so that a KeyboardInterrupt raised here
        // is reported at this instruction's line, as CPython does.
        CHECK_EVAL_BREAKER();
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        MpyObject *cond = POP();
        if (cond == MPY_FALSE) {
            JUMP_TO(oparg);
            DISPATCH();
        }
        if (cond == MPY_TRUE)
            DISPATCH();
        int t = mpy_object_is_true(cond);
        MPY_DECREF(cond);
        if (t < 0)
            goto error;
        if (t == 0)
            JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        MpyObject *cond = POP();
        if (cond == MPY_TRUE) {
            JUMP_TO(oparg);
            DISPATCH();
        }
        if (cond == MPY_FALSE)
            DISPATCH();
        int t = mpy_object_is_true(cond);
        MPY_DECREF(cond);
        if (t < 0)
            goto error;
        if (t > 0)
            JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        MpyObject *v = POP();
        if (v == MPY_NONE)
            JUMP_TO(oparg);
        MPY_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        MpyObject *v = POP();
        if (v != MPY_NONE)
            JUMP_TO(oparg);
        MPY_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        MpyObject *cond = TOP();
        int t = cond == MPY_FALSE ? 0 : cond == MPY_TRUE ? 1 : mpy_object_is_true(cond);
        if (t < 0)
            goto error;
        if (t == 0) {
            JUMP_TO(oparg);
        } else {
            sp--;
            MPY_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        MpyObject *cond = TOP();
        int t = cond == MPY_FALSE ? 0 : cond == MPY_TRUE ? 1 : mpy_object_is_true(cond);
        if (t < 0)
            goto error;
        if (t > 0) {
            JUMP_TO(oparg);
        } else {
            sp--;
            MPY_DECREF(cond);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        SAVE_FRAME_STATE();
        MpyObject *iterable = TOP();
        MpyObject *it = mpy_object_get_iter(iterable);
        MPY_DECREF(iterable);
        SET_TOP(it);
        if (it == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        mpy__specialize_for_iter(THIS_INSTR(), TOP());
    for_iter_generic:;
        MpyObject *it = TOP();
        SAVE_FRAME_STATE();
        MpyObject *next = MPY_TYPE(it)->iternext(it);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (mpy_err_occurred()) {
            if (!mpy_err_matches(mpy_exc_StopIteration))
                goto error;
            mpy_err_clear();
        }
    for_iter_exhausted: {
        MpyObject *done = POP();
        MPY_DECREF(done);
        JUMP_TO(oparg);
        DISPATCH();
    }
    }

    TARGET(FOR_ITER_GENERIC) { goto for_iter_generic; }

    TARGET(FOR_ITER_RANGE) {
        MpyObject *it = TOP();
        if (MPY_UNLIKELY(MPY_TYPE(it) != &mpy_range_iter_type))
            goto for_iter_generic;
        MpyRangeIterObject *r = (MpyRangeIterObject *)it;
        if (r->remaining <= 0)
            goto for_iter_exhausted;
        PUSH(mpy_small_int(r->next));
        r->next += r->step;
        r->remaining--;
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        MpyObject *retval = POP();
        POP_ITEMS_FROM(mpy_frame_stack_base(frame));
        frame->sp = sp;
        tstate->py_depth--;
        if (frame->is_entry) {
            exit_entry_frame(tstate, frame);
            return retval;
        }
        MpyFrame *caller = frame->previous;
        tstate->frame = caller;
        if (MPY_UNLIKELY(frame->init_self != NULL))
            retval = init_result(frame, retval);
        pop_frame(tstate, frame);
        frame = caller;
        LOAD_FRAME_STATE();
        if (MPY_UNLIKELY(retval == NULL))
            goto error;
        PUSH(retval);
        DISPATCH();
    }

    /* ---- calls ---- */

    /* Calls: the stack holds [callable, self_or_NULL, args...].  A Python
     * function gets a frame on the data stack and runs in this same loop
     * (enter_frame below); anything else is called through its slot. */
    TARGET(CALL) {
        mpy__specialize_call(THIS_INSTR(), PEEK(oparg + 2), (size_t)oparg + (PEEK(oparg + 1) != NULL));
    call_generic:;
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        MpyObject **args = base + 2;
        size_t nargs = (size_t)oparg;
        if (base[1] != NULL) {
            args--;
            nargs++;
        }
        SAVE_FRAME_STATE();
        MpyObject *res = mpy_object_call(callable, args, nargs, NULL);
        POP_ITEMS_FROM(base);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_GENERIC) { goto call_generic; }

    /* f(a, b) for a function taking exactly those positional arguments:
     * the arguments' references move straight into the new frame. */
    TARGET(CALL_PY_EXACT_ARGS) {
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        int with_self = base[1] != NULL;
        size_t nargs = (size_t)oparg + (size_t)with_self;
        if (MPY_UNLIKELY(!mpy_function_check(callable) ||
                         !((MpyFunctionObject *)callable)->simple_call ||
                         nargs != (size_t)((MpyCodeObject *)((MpyFunctionObject *)callable)->code)->argcount))
            goto call_generic;
        if (MPY_UNLIKELY(tstate->py_depth >= tstate->interp->recursion_limit)) {
            SAVE_FRAME_STATE();
            recursion_error(tstate);
            goto error;
        }
        MpyFrame *callee = push_frame(tstate, (MpyFunctionObject *)callable);
        if (MPY_UNLIKELY(callee == NULL))
            goto error;
        MpyObject **args = base + 2 - with_self;
        for (size_t i = 0; i < nargs; i++)
            callee->localsplus[i] = args[i];
        for (int i = (int)nargs; i < callee->code->nlocalsplus; i++)
            callee->localsplus[i] = NULL;
        sp = base; /* the callee took the callable's reference as its func */
        new_frame = callee;
        goto enter_frame;
    }

    /* cls(a, b) for a class with object.__new__ and a Python __init__:
     * make the instance, then run __init__(self, a, b) in a new frame
     * whose return gives the instance (init_self) instead of None. */
    TARGET(CALL_PY_CLASS) {
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        MpyObject *init;
        if (MPY_UNLIKELY(base[1] != NULL ||
                         (init = mpy__specialize_class_init(callable, (size_t)oparg)) == NULL))
            goto call_generic;
        SAVE_FRAME_STATE();
        if (MPY_UNLIKELY(tstate->py_depth >= tstate->interp->recursion_limit)) {
            recursion_error(tstate);
            goto error;
        }
        MpyObject *self = new_instance((MpyType *)callable, base + 2, (size_t)oparg);
        if (self == NULL)
            goto error;
        MpyFrame *callee = push_frame(tstate, (MpyFunctionObject *)init);
        if (MPY_UNLIKELY(callee == NULL)) {
            MPY_DECREF(self);
            goto error;
        }
        MPY_INCREF(init);
        callee->init_self = self;
        callee->localsplus[0] = MPY_NEWREF(self);
        for (int i = 0; i < oparg; i++)
            callee->localsplus[i + 1] = base[i + 2]; /* the arguments' references move */
        for (int i = oparg + 1; i < callee->code->nlocalsplus; i++)
            callee->localsplus[i] = NULL;
        sp = base;
        MPY_DECREF(callable);
        new_frame = callee;
        goto enter_frame;
    }

    /* A C function: skip the generic call protocol (the C function's own
     * argument checks, in mpy__cfunc_call, still run). */
    TARGET(CALL_BUILTIN) {
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        MpyObject **args = base + 2;
        size_t nargs = (size_t)oparg;
        if (base[1] != NULL) {
            args--;
            nargs++;
        }
        MpyObject *res;
        SAVE_FRAME_STATE();
        if (MPY_TYPE(callable) == &mpy_builtin_function_type) {
            MpyBuiltinFunctionObject *f = (MpyBuiltinFunctionObject *)callable;
            res = mpy__cfunc_call(f->def, f->owner, f->self, args, nargs, NULL);
        } else if (MPY_TYPE(callable) == &mpy_method_descr_type && nargs >= 1 &&
                   MPY_TYPE(args[0]) == ((MpyMethodDescrObject *)callable)->owner) {
            MpyMethodDescrObject *d = (MpyMethodDescrObject *)callable;
            res = mpy__cfunc_call(d->def, d->owner, args[0], args + 1, nargs - 1, NULL);
        } else {
            goto call_generic;
        }
        POP_ITEMS_FROM(base);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    /* A Python function with defaults, keywords-only, *args, cells ...:
     * bind the arguments as the signature says, then run its frame. */
    TARGET(CALL_PY_GENERAL) {
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        if (MPY_UNLIKELY(!mpy_function_check(callable) ||
                         (((MpyCodeObject *)((MpyFunctionObject *)callable)->code)->flags &
                          (MPY_CO_GENERATOR | MPY_CO_COROUTINE | MPY_CO_ASYNC_GENERATOR))))
            goto call_generic;
        MpyObject **args = base + 2;
        size_t nargs = (size_t)oparg;
        if (base[1] != NULL) {
            args--;
            nargs++;
        }
        SAVE_FRAME_STATE();
        if (MPY_UNLIKELY(tstate->py_depth >= tstate->interp->recursion_limit)) {
            recursion_error(tstate);
            goto error;
        }
        MpyFrame *callee = push_frame(tstate, (MpyFunctionObject *)callable);
        if (MPY_UNLIKELY(callee == NULL))
            goto error;
        MPY_INCREF(callable); /* now the frame's; the stack's goes below */
        memset(callee->localsplus, 0, sizeof(MpyObject *) * (size_t)callee->code->nlocalsplus);
        if (mpy__frame_bind_args(tstate, callee, callable, args, nargs, NULL) < 0) {
            pop_frame(tstate, callee);
            goto error;
        }
        POP_ITEMS_FROM(base);
        new_frame = callee;
        goto enter_frame;
    }

    /* Start running `new_frame`, called from `frame`. */
    enter_frame:
        frame->ip = ip;
        frame->sp = sp;
        new_frame->previous = frame;
        new_frame->state = MPY_FRAME_EXECUTING;
        tstate->frame = new_frame;
        frame = new_frame;
        LOAD_FRAME_STATE();
        tstate->py_depth++;
        DISPATCH();

    TARGET(CALL_KW) {
        MpyObject *kwnames = POP();
        size_t nkw = (size_t)mpy_tuple_size(kwnames);
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        MpyObject **args = base + 2;
        size_t nargs = (size_t)oparg - nkw;
        if (base[1] != NULL) {
            args--;
            nargs++;
        }
        SAVE_FRAME_STATE();
        MpyObject *res = mpy_object_call(callable, args, nargs, kwnames);
        MPY_DECREF(kwnames);
        POP_ITEMS_FROM(base);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        SAVE_FRAME_STATE();
        MpyObject *kwargs = (oparg & 1) ? POP() : NULL;
        MpyObject *callargs = POP();
        MpyObject *self = POP();
        MpyObject *callable = TOP();
        MpyObject *res = mpy__eval_call_ex(callable, self, callargs, kwargs);
        MPY_XDECREF(kwargs);
        MPY_DECREF(callargs);
        MPY_XDECREF(self);
        MPY_DECREF(callable);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        MpyObject *codeobj = POP();
        int nextra = (oparg & 1) + ((oparg >> 1) & 1) + ((oparg >> 2) & 1) + ((oparg >> 3) & 1);
        MpyObject *func = mpy__eval_make_function(frame, codeobj, oparg, sp - nextra);
        MPY_DECREF(codeobj);
        POP_ITEMS_FROM(sp - nextra);
        if (func == NULL)
            goto error;
        PUSH(func);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        SAVE_FRAME_STATE();
        MpyObject *fromlist = POP();
        MpyObject *level = TOP();
        MpyObject *module = mpy__eval_import_name(frame, names[oparg], fromlist, level);
        MPY_DECREF(fromlist);
        MPY_DECREF(level);
        SET_TOP(module);
        if (module == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        SAVE_FRAME_STATE();
        MpyObject *v = mpy__eval_import_from(TOP(), names[oparg]);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        SAVE_FRAME_STATE();
        MpyObject *module = POP();
        int err = mpy__eval_import_star(frame, module);
        MPY_DECREF(module);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (mpy__eval_setup_annotations(frame) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        SAVE_FRAME_STATE();
        MpyObject *v = POP();
        int err = mpy__eval_print_expr(v);
        MPY_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    /* ---- exceptions ---- */

    TARGET(SETUP_FINALLY) {
        MpyTryBlock *b = &mpy_frame_blocks(frame)[frame->block_depth++];
        b->handler = oparg;
        b->level = (int32_t)(sp - mpy_frame_stack_base(frame));
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        MpyTryBlock *b = &mpy_frame_blocks(frame)[frame->block_depth++];
        b->handler = oparg;
        b->level = (int32_t)(sp - mpy_frame_stack_base(frame)) - 1;
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        frame->block_depth--;
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        MpyObject *exc = TOP();
        MpyExcInfo *info = tstate->exc_info;
        MpyObject *prev = info->exc_value != NULL ? info->exc_value : MPY_NEWREF(MPY_NONE);
        info->exc_value = MPY_NEWREF(exc);
        SET_TOP(prev);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        MpyObject *prev = POP();
        MpyExcInfo *info = tstate->exc_info;
        MpyObject *old = info->exc_value;
        info->exc_value = prev;
        MPY_XDECREF(old);
        DISPATCH();
    }

    TARGET(RERAISE) {
        MpyObject *exc = POP();
        mpy_err_restore_raw(exc);
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        SAVE_FRAME_STATE();
        MpyObject *cause = oparg >= 2 ? POP() : NULL;
        MpyObject *exc = oparg >= 1 ? POP() : NULL;
        int reraise = mpy__eval_do_raise(tstate, exc, cause);
        MPY_XDECREF(exc);
        MPY_XDECREF(cause);
        if (reraise)
            goto exception_unwind;
        goto error;
    }

    TARGET(CHECK_EXC_MATCH) {
        MpyObject *type = POP();
        int r = mpy__eval_check_exc_match(TOP(), type);
        MPY_DECREF(type);
        if (r < 0)
            goto error;
        PUSH(MPY_NEWREF(mpy_bool_from(r)));
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        SAVE_FRAME_STATE();
        MpyObject *type = POP();
        MpyObject *exc = TOP();
        MpyObject *match;
        MpyObject *rest = mpy__eval_check_eg_match(exc, type, &match);
        MPY_DECREF(type);
        if (rest == NULL)
            goto error;
        if (match != MPY_NONE) { /* the matched part is the handled exception */
            MpyExcInfo *info = tstate->exc_info;
            MpyObject *old = info->exc_value;
            info->exc_value = MPY_NEWREF(match);
            MPY_XDECREF(old);
        }
        MPY_DECREF(exc);
        SET_TOP(rest);
        PUSH(match);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        SAVE_FRAME_STATE();
        MpyObject *list = POP();
        MpyObject *orig = TOP();
        MpyObject *r = mpy__eval_prep_reraise_star(orig, list);
        MPY_DECREF(list);
        if (r == NULL)
            goto error;
        MPY_DECREF(orig);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        SAVE_FRAME_STATE();
        MpyObject *mgr = TOP();
        MpyObject *exit;
        MpyObject *res = mpy__eval_before_with(mgr, &exit);
        if (res == NULL)
            goto error;
        MPY_DECREF(mgr);
        SET_TOP(exit);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME_STATE();
        MpyObject *res = mpy__eval_with_except(PEEK(3), TOP());
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    /* ---- generators ---- */

    TARGET(YIELD_VALUE) {
        MpyObject *v = POP();
        frame->ip = ip;
        frame->sp = sp;
        frame->state = MPY_FRAME_SUSPENDED;
        tstate->frame = frame->previous;
        frame->previous = NULL;
        tstate->py_depth--;
        return v;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        MpyObject *o = TOP();
        MpyObject *it = mpy__eval_get_yield_from_iter(o);
        MPY_DECREF(o);
        SET_TOP(it);
        if (it == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(SEND) {
        SAVE_FRAME_STATE();
        MpyObject *v = POP();
        MpyObject *result;
        int r = mpy__eval_send(TOP(), v, &result);
        MPY_DECREF(v);
        if (r < 0)
            goto error;
        if (r == 0) {
            MpyObject *receiver = TOP();
            SET_TOP(result);
            MPY_DECREF(receiver);
            JUMP_TO(oparg);
            DISPATCH();
        }
        PUSH(result);
        DISPATCH();
    }

    /* ---- coroutines ---- */

    TARGET(GET_AWAITABLE) {
        SAVE_FRAME_STATE();
        MpyObject *o = TOP();
        MpyObject *it = mpy__coro_get_awaitable(o, oparg);
        if (it == NULL)
            goto error;
        MPY_DECREF(o);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        SAVE_FRAME_STATE();
        MpyObject *o = TOP();
        MpyObject *it = mpy__coro_get_aiter(o);
        if (it == NULL)
            goto error;
        MPY_DECREF(o);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        SAVE_FRAME_STATE();
        MpyObject *it = mpy__coro_get_anext(TOP());
        if (it == NULL)
            goto error;
        PUSH(it);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        MpyObject *exc = TOP();
        if (!mpy_err_given_matches(exc, (MpyObject *)mpy_exc_StopAsyncIteration)) {
            sp--;
            mpy_err_restore_raw(exc);
            goto exception_unwind;
        }
        MPY_DECREF(POP());
        MPY_DECREF(POP());
        DISPATCH();
    }

    TARGET(ASYNC_GEN_WRAP) {
        MpyObject *w = mpy__async_gen_wrap(TOP());
        if (w == NULL) {
            sp--;
            goto error;
        }
        SET_TOP(w);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        SAVE_FRAME_STATE();
        MpyObject *mgr = TOP();
        MpyObject *exit;
        MpyObject *res = mpy__coro_before_async_with(mgr, &exit);
        if (res == NULL)
            goto error;
        MPY_DECREF(mgr);
        SET_TOP(exit);
        PUSH(res);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        ptrdiff_t n = mpy_object_length(TOP());
        if (n < 0)
            goto error;
        MpyObject *len = mpy_int_from_ssize(n);
        if (len == NULL)
            goto error;
        PUSH(len);
        DISPATCH();
    }

    /* ---- pattern matching ---- */

    TARGET(MATCH_MAPPING) {
        MpyObject *r = MPY_NEWREF(mpy_bool_from(mpy__eval_match_mapping(TOP())));
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        MpyObject *r = MPY_NEWREF(mpy_bool_from(mpy__eval_match_sequence(TOP())));
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        SAVE_FRAME_STATE();
        MpyObject *values = mpy__eval_match_keys(SECOND(), TOP());
        if (values == NULL)
            goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        SAVE_FRAME_STATE();
        MpyObject *kwnames = POP();
        MpyObject *cls = POP();
        MpyObject *subject = TOP();
        MpyObject *attrs = mpy__eval_match_class(subject, cls, oparg, kwnames);
        MPY_DECREF(kwnames);
        MPY_DECREF(cls);
        MPY_DECREF(subject);
        SET_TOP(attrs);
        if (attrs == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(COPY_DICT_WITHOUT_KEYS) {
        SAVE_FRAME_STATE();
        MpyObject *rest = mpy__eval_copy_dict_without_keys(SECOND(), TOP());
        if (rest == NULL)
            goto error;
        PUSH(rest);
        DISPATCH();
    }

#if !MPY_COMPUTED_GOTO
    default:
        break;
    }
    mpy_err_format(mpy_exc_SystemError, "unknown opcode %d", MPY_INSTR_OP(instr));
    goto error;
#endif

    /* ---- exceptions: find a handler or leave the frame ---- */
error:
    frame->ip = ip;
    mpy__traceback_here(tstate, frame);
exception_unwind:
    if (frame->block_depth > 0) {
        MpyTryBlock *b = &mpy_frame_blocks(frame)[--frame->block_depth];
        POP_ITEMS_FROM(mpy_frame_stack_base(frame) + b->level);
        MpyObject *exc = mpy_err_fetch();
        PUSH(exc);
        JUMP_TO(b->handler);
        DISPATCH();
    }
    POP_ITEMS_FROM(mpy_frame_stack_base(frame));
    frame->sp = sp;
    tstate->py_depth--;
    if (frame->is_entry) {
        exit_entry_frame(tstate, frame);
        return NULL;
    }
    {
        MpyFrame *caller = frame->previous;
        tstate->frame = caller;
        pop_frame(tstate, frame);
        frame = caller;
        LOAD_FRAME_STATE();
    }
    goto error;

exit_unwinding:
    /* Failed before running anything: release the entry frame. */
    frame->sp = frame->localsplus + code->nlocalsplus;
    exit_entry_frame(tstate, frame);
    return NULL;
}

#undef FETCH_INSTR
#undef TARGET
#undef DISPATCH
#undef REDISPATCH
#undef THIS_INSTR
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef THIRD
#undef PEEK
#undef SET_TOP
#undef JUMP_TO
#undef SAVE_FRAME_STATE
#undef LOAD_FRAME_STATE
#undef CHECK_EVAL_BREAKER
#undef POP_ITEMS_FROM
