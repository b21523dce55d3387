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

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/eval_internal.h"
#include "vm/opcodes.h"

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

#if MPY_COMPUTED_GOTO
#define TARGET(op) target_##op:
#define DISPATCH()                                                                         \
    do {                                                                                   \
        instr = *ip++;                                                                     \
        oparg = (int)MPY_INSTR_ARG(instr);                                                 \
        goto *dispatch_table[MPY_INSTR_OP(instr)];                                         \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
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

#if !MPY_COMPUTED_GOTO
dispatch:
    instr = *ip++;
    oparg = (int)MPY_INSTR_ARG(instr);
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
        SAVE_FRAME_STATE();
        MpyObject *owner = TOP();
        MpyObject *v = mpy_object_getattr(owner, names[oparg]);
        if (v == NULL)
            goto error;
        SET_TOP(v);
        MPY_DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
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
        MpyObject *right = POP();
        MpyObject *left = TOP();
        MpyObject *res;
        if (mpy_is_small_int(left) && mpy_is_small_int(right) &&
            (res = small_int_binop(left, right, oparg)) != NULL) {
            SET_TOP(res);
            DISPATCH();
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
        MpyObject *key = POP();
        MpyObject *container = TOP();
        MpyObject *res;
        if (mpy_is_small_int(key) && mpy_list_check_exact(container) &&
            (size_t)mpy_small_int_value(key) < (size_t)mpy_list_size(container)) {
#if MPY_FREE_THREADED
            res = mpy__list_getitem_index(container, mpy_small_int_value(key)); /* locked */
#else
            res = MPY_NEWREF(((MpyListObject *)container)->items[mpy_small_int_value(key)]);
#endif
        } else {
            SAVE_FRAME_STATE();
            res = mpy_object_getitem(container, key);
        }
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
        SAVE_FRAME_STATE();
        MpyObject *seq = POP();
        int err = mpy__eval_unpack(seq, oparg, 0, false, sp);
        MPY_DECREF(seq);
        if (err < 0)
            goto error;
        sp += oparg;
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
        JUMP_TO(oparg);
        CHECK_EVAL_BREAKER();
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
        MpyObject *it = TOP();
        MpyObject *next;
        if (MPY_TYPE(it) == &mpy_range_iter_type) {
            MpyRangeIterObject *r = (MpyRangeIterObject *)it;
            if (r->remaining > 0) {
                next = mpy_small_int(r->next);
                r->next += r->step;
                r->remaining--;
                PUSH(next);
                DISPATCH();
            }
            next = NULL;
        } else {
            SAVE_FRAME_STATE();
            next = MPY_TYPE(it)->iternext(it);
            if (next != NULL) {
                PUSH(next);
                DISPATCH();
            }
            if (mpy_err_occurred()) {
                if (!mpy_err_matches(mpy_exc_StopIteration))
                    goto error;
                mpy_err_clear();
            }
        }
        sp--;
        MPY_DECREF(it);
        JUMP_TO(oparg);
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
        mpy__frame_pop(tstate, frame);
        frame = caller;
        LOAD_FRAME_STATE();
        PUSH(retval);
        DISPATCH();
    }

    /* ---- calls ---- */

    TARGET(CALL) {
        MpyObject **base = sp - oparg - 2;
        MpyObject *callable = base[0];
        MpyObject **args = base + 2;
        size_t nargs = (size_t)oparg;
        if (base[1] != NULL) {
            args--;
            nargs++;
        }
        SAVE_FRAME_STATE();
        if (mpy_function_check(callable) &&
            !(((MpyCodeObject *)((MpyFunctionObject *)callable)->code)->flags & MPY_CO_GENERATOR)) {
            MpyFunctionObject *func = (MpyFunctionObject *)callable;
            if (MPY_UNLIKELY(tstate->py_depth >= tstate->interp->recursion_limit)) {
                recursion_error(tstate);
                goto error;
            }
            MpyFrame *callee = mpy__frame_push(tstate, callable, NULL);
            if (callee == NULL)
                goto error;
            if (func->simple_call && nargs == (size_t)callee->code->argcount) {
                /* The arguments' references move into the callee. */
                memcpy(callee->localsplus, args, nargs * sizeof(MpyObject *));
                sp = base;
                MPY_DECREF(callable);
            } else {
                if (mpy__frame_bind_args(tstate, callee, callable, args, nargs, NULL) < 0) {
                    mpy__frame_pop(tstate, callee);
                    goto error;
                }
                POP_ITEMS_FROM(base);
            }
            frame->sp = sp;
            callee->previous = frame;
            callee->state = MPY_FRAME_EXECUTING;
            tstate->frame = callee;
            frame = callee;
            LOAD_FRAME_STATE();
            tstate->py_depth++;
            DISPATCH();
        }
        MpyObject *res = mpy_object_call(callable, args, nargs, NULL);
        POP_ITEMS_FROM(base);
        if (res == NULL)
            goto error;
        PUSH(res);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

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
        mpy__frame_pop(tstate, frame);
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

#undef TARGET
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef SET_TOP
#undef JUMP_TO
#undef SAVE_FRAME_STATE
#undef LOAD_FRAME_STATE
#undef CHECK_EVAL_BREAKER
#undef POP_ITEMS_FROM
