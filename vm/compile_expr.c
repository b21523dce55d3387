/* vm/compile_expr.c: code generation for expressions.
 *
 * Models the expression half of CPython 3.11's Python/compile.c:
 * compiler_visit_expr1 and its helpers for operators, comparisons (chained
 * ones keep the middle operand with SWAP/COPY), boolean operators (as
 * values with JUMP_IF_*_OR_POP, as conditions with compiler_jump_if),
 * containers with `*` unpacking (starunpack_helper), subscripts, f-strings,
 * lambda, yield and yield from.  Calls and comprehensions are in
 * vm/compile_call.c.
 *
 * Every expression's instructions carry the expression's source span
 * (set on entry to mpy__compile_expr and restored on exit), so the
 * BINARY_OP of `a + b` points at the whole `a + b` for tracebacks.
 */
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

int mpy__compile_binop_code(MpyAstOperator op)
{
    switch (op) {
    case MPY_AST_ADD: return MPY_NB_ADD;
    case MPY_AST_SUB: return MPY_NB_SUBTRACT;
    case MPY_AST_MULT: return MPY_NB_MULTIPLY;
    case MPY_AST_MATMULT: return MPY_NB_MATRIX_MULTIPLY;
    case MPY_AST_DIV: return MPY_NB_TRUE_DIVIDE;
    case MPY_AST_MOD: return MPY_NB_REMAINDER;
    case MPY_AST_POW: return MPY_NB_POWER;
    case MPY_AST_LSHIFT: return MPY_NB_LSHIFT;
    case MPY_AST_RSHIFT: return MPY_NB_RSHIFT;
    case MPY_AST_BITOR: return MPY_NB_OR;
    case MPY_AST_BITXOR: return MPY_NB_XOR;
    case MPY_AST_BITAND: return MPY_NB_AND;
    case MPY_AST_FLOORDIV: return MPY_NB_FLOOR_DIVIDE;
    }
    return MPY_NB_ADD;
}

/* COMPARE_OP / IS_OP / CONTAINS_OP for one comparison operator. */
static void compare_op(MpyCompiler *c, MpyAstCmpOp op)
{
    switch (op) {
    case MPY_AST_EQ: emit_arg(c, OP_COMPARE_OP, MPY_EQ); break;
    case MPY_AST_NOTEQ: emit_arg(c, OP_COMPARE_OP, MPY_NE); break;
    case MPY_AST_LT: emit_arg(c, OP_COMPARE_OP, MPY_LT); break;
    case MPY_AST_LTE: emit_arg(c, OP_COMPARE_OP, MPY_LE); break;
    case MPY_AST_GT: emit_arg(c, OP_COMPARE_OP, MPY_GT); break;
    case MPY_AST_GTE: emit_arg(c, OP_COMPARE_OP, MPY_GE); break;
    case MPY_AST_IS: emit_arg(c, OP_IS_OP, 0); break;
    case MPY_AST_ISNOT: emit_arg(c, OP_IS_OP, 1); break;
    case MPY_AST_IN: emit_arg(c, OP_CONTAINS_OP, 0); break;
    case MPY_AST_NOTIN: emit_arg(c, OP_CONTAINS_OP, 1); break;
    }
}

void mpy__compile_attr_loc(MpyCompiler *c, MpyAstExpr *attr)
{
    MpyCodeLocation *loc = &c->u->loc;
    if (loc->line == attr->loc.end_lineno)
        return;
    loc->line = attr->loc.end_lineno;
    int len = (int)mpy_str_size(attr->v.Attribute.attr);
    if (len <= attr->loc.end_col_offset) {
        loc->col = attr->loc.end_col_offset - len;
    } else {
        loc->col = -1;
        loc->end_col = -1;
    }
    if (loc->end_line < loc->line)
        loc->end_line = loc->line;
    if (loc->line == loc->end_line && loc->end_col < loc->col)
        loc->end_col = loc->col;
}

void mpy__compile_exprs(MpyCompiler *c, MpyAstSeq *exprs)
{
    for (ptrdiff_t i = 0; i < LEN(exprs); i++)
        mpy__compile_expr(c, GET(exprs, i));
}

/* ------------------------------------------------------------------ */
/* Conditions                                                           */

/* The chained comparison a < b < c as a condition: jump to `target`
 * when its truth is `cond`. */
static void jump_if_chained_compare(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond)
{
    ptrdiff_t n = LEN(e->v.Compare.ops) - 1;
    MpyCBlock *cleanup = new_block(c), *end = new_block(c);
    mpy__compile_expr(c, e->v.Compare.left);
    for (ptrdiff_t i = 0; i < n; i++) {
        mpy__compile_expr(c, GET(e->v.Compare.comparators, i));
        emit_arg(c, OP_SWAP, 2);
        emit_arg(c, OP_COPY, 2);
        compare_op(c, (MpyAstCmpOp)e->v.Compare.ops->items[i]);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
        mpy__compile_next_block(c);
    }
    mpy__compile_expr(c, GET(e->v.Compare.comparators, n));
    compare_op(c, (MpyAstCmpOp)e->v.Compare.ops->items[n]);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
    mpy__compile_next_block(c);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, end);
    use_block(c, cleanup);
    emit(c, OP_POP_TOP);
    if (!cond) {
        unset_loc(c);
        emit_jump(c, MPY_PSEUDO_JUMP, target);
    }
    use_block(c, end);
}

/* `x is None` / `x is not None` as a condition: one POP_JUMP_IF_(NOT_)NONE. */
static bool jump_if_none_test(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond)
{
    if (LEN(e->v.Compare.ops) != 1)
        return false;
    MpyAstCmpOp op = (MpyAstCmpOp)e->v.Compare.ops->items[0];
    MpyAstExpr *right = GET(e->v.Compare.comparators, 0);
    if ((op != MPY_AST_IS && op != MPY_AST_ISNOT) || right->kind != MPY_AST_Constant ||
        right->v.Constant.value != MPY_NONE)
        return false;
    mpy__compile_check_compare(c, e);
    mpy__compile_expr(c, e->v.Compare.left);
    bool jump_on_none = (op == MPY_AST_IS) == cond;
    emit_jump(c, jump_on_none ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, target);
    mpy__compile_next_block(c);
    return true;
}

/* A constant condition becomes an unconditional jump or nothing (the
 * skipped code is then unreachable and dropped by the assembler). */
static bool jump_if_constant(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond)
{
    int truth = mpy_object_is_true(e->v.Constant.value);
    if (truth < 0) {
        mpy_err_clear();
        return false;
    }
    if ((truth != 0) == cond) {
        emit_jump(c, MPY_PSEUDO_JUMP, target);
        mpy__compile_next_block(c);
    } else {
        emit(c, OP_NOP); // keeps the line of `while True:`
    }
    return true;
}

static void jump_if_kind(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond)
{
    switch (e->kind) {
    case MPY_AST_UnaryOp:
        if (e->v.UnaryOp.op == MPY_AST_NOT) {
            mpy__compile_jump_if(c, e->v.UnaryOp.operand, target, !cond);
            return;
        }
        break;
    case MPY_AST_BoolOp: {
        // `a and b` jumps on the first false value, `a or b` on the first
        // true one; when that is not the jump we want, skip past.
        MpyAstSeq *values = e->v.BoolOp.values;
        ptrdiff_t n = LEN(values) - 1;
        bool cond2 = e->v.BoolOp.op == MPY_AST_OR;
        MpyCBlock *next2 = cond2 != cond ? new_block(c) : target;
        for (ptrdiff_t i = 0; i < n; i++)
            mpy__compile_jump_if(c, GET(values, i), next2, cond2);
        mpy__compile_jump_if(c, GET(values, n), target, cond);
        if (next2 != target)
            use_block(c, next2);
        return;
    }
    case MPY_AST_IfExp: {
        MpyCBlock *end = new_block(c), *next2 = new_block(c);
        mpy__compile_jump_if(c, e->v.IfExp.test, next2, false);
        mpy__compile_jump_if(c, e->v.IfExp.body, target, cond);
        unset_loc(c);
        emit_jump(c, MPY_PSEUDO_JUMP, end);
        use_block(c, next2);
        mpy__compile_jump_if(c, e->v.IfExp.orelse, target, cond);
        use_block(c, end);
        return;
    }
    case MPY_AST_Compare:
        // As in CPython, a comparison's jump (and what follows it, such as
        // an assert's raise) carries the comparison's position; other
        // conditions jump at the position of the statement.
        set_loc(c, &e->loc);
        if (LEN(e->v.Compare.ops) > 1) {
            mpy__compile_check_compare(c, e);
            jump_if_chained_compare(c, e, target, cond);
            return;
        }
        if (jump_if_none_test(c, e, target, cond))
            return;
        break; // compile_compare checks it
    case MPY_AST_Constant:
        if (jump_if_constant(c, e, target, cond))
            return;
        break;
    default:
        break;
    }
    mpy__compile_expr(c, e);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
    mpy__compile_next_block(c);
}

void mpy__compile_jump_if(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond)
{
    if (!mpy__compile_enter(c))
        return;
    jump_if_kind(c, e, target, cond);
    mpy__compile_leave(c);
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */

static void compile_boolop(MpyCompiler *c, MpyAstExpr *e)
{
    int jump = e->v.BoolOp.op == MPY_AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    MpyCBlock *end = new_block(c);
    MpyAstSeq *values = e->v.BoolOp.values;
    ptrdiff_t n = LEN(values) - 1;
    for (ptrdiff_t i = 0; i < n; i++) {
        mpy__compile_expr(c, GET(values, i));
        emit_jump(c, jump, end);
        mpy__compile_next_block(c);
    }
    mpy__compile_expr(c, GET(values, n));
    use_block(c, end);
}

/* a < b < c:  a; b; SWAP 2; COPY 2; COMPARE_OP <; JUMP_IF_FALSE_OR_POP cleanup;
 *             c; COMPARE_OP <; JUMP end;  cleanup: SWAP 2; POP_TOP;  end: */
static void compile_compare(MpyCompiler *c, MpyAstExpr *e)
{
    mpy__compile_check_compare(c, e);
    mpy__compile_expr(c, e->v.Compare.left);
    ptrdiff_t n = LEN(e->v.Compare.ops) - 1;
    if (n == 0) {
        mpy__compile_expr(c, GET(e->v.Compare.comparators, 0));
        compare_op(c, (MpyAstCmpOp)e->v.Compare.ops->items[0]);
        return;
    }
    MpyCBlock *cleanup = new_block(c), *end = new_block(c);
    for (ptrdiff_t i = 0; i < n; i++) {
        mpy__compile_expr(c, GET(e->v.Compare.comparators, i));
        emit_arg(c, OP_SWAP, 2);
        emit_arg(c, OP_COPY, 2);
        compare_op(c, (MpyAstCmpOp)e->v.Compare.ops->items[i]);
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
        mpy__compile_next_block(c);
    }
    mpy__compile_expr(c, GET(e->v.Compare.comparators, n));
    compare_op(c, (MpyAstCmpOp)e->v.Compare.ops->items[n]);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, end);
    use_block(c, cleanup);
    emit_arg(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP);
    use_block(c, end);
}

static void compile_unaryop(MpyCompiler *c, MpyAstExpr *e)
{
    mpy__compile_expr(c, e->v.UnaryOp.operand);
    switch (e->v.UnaryOp.op) {
    case MPY_AST_INVERT: emit(c, OP_UNARY_INVERT); break;
    case MPY_AST_NOT: emit(c, OP_UNARY_NOT); break;
    case MPY_AST_UADD: emit(c, OP_UNARY_POSITIVE); break;
    case MPY_AST_USUB: emit(c, OP_UNARY_NEGATIVE); break;
    }
}

static void compile_ifexp(MpyCompiler *c, MpyAstExpr *e)
{
    MpyCBlock *end = new_block(c), *next = new_block(c);
    mpy__compile_jump_if(c, e->v.IfExp.test, next, false);
    mpy__compile_expr(c, e->v.IfExp.body);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, end);
    use_block(c, next);
    mpy__compile_expr(c, e->v.IfExp.orelse);
    use_block(c, end);
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */

static bool all_constants(MpyAstSeq *elts, ptrdiff_t begin, ptrdiff_t end)
{
    for (ptrdiff_t i = begin; i < end; i++) {
        MpyAstExpr *e = GET(elts, i);
        if (e == NULL || e->kind != MPY_AST_Constant)
            return false;
    }
    return true;
}

/* A tuple of the values of constant nodes elts[begin:end].  NULL + error. */
static MpyObject *constants_tuple(MpyAstSeq *elts, ptrdiff_t begin, ptrdiff_t end)
{
    MpyObject *t = mpy_tuple_new(end - begin);
    for (ptrdiff_t i = begin; t != NULL && i < end; i++)
        mpy_tuple_init_take(t, i - begin,
                            MPY_NEWREF(((MpyAstExpr *)GET(elts, i))->v.Constant.value));
    return t;
}

/* Build a list/set/tuple from elts that may contain *x, above `pushed`
 * values already on the stack (CPython's starunpack_helper).  Constants
 * become one LOAD_CONST extended into the collection; `*x` items are
 * LIST_EXTEND/SET_UPDATE'd; big collections grow one APPEND at a time. */
static void starunpack(MpyCompiler *c, MpyAstSeq *elts, int pushed, int build, int add,
                       int extend, bool tuple)
{
    ptrdiff_t n = LEN(elts);
    if (n > 2 && all_constants(elts, 0, n)) {
        MpyObject *folded = constants_tuple(elts, 0, n);
        if (folded != NULL && add == OP_SET_ADD) {
            MpyObject *set = mpy_frozenset_new(folded);
            MPY_DECREF(folded);
            folded = set;
        }
        if (tuple && pushed == 0) {
            emit_const_take(c, folded);
            return;
        }
        emit_arg(c, build, pushed);
        emit_const_take(c, folded);
        emit_arg(c, extend, 1);
        if (tuple)
            emit(c, OP_LIST_TO_TUPLE);
        return;
    }
    bool big = n + pushed > MPY_STACK_USE_GUIDELINE, seen_star = false;
    for (ptrdiff_t i = 0; i < n; i++)
        seen_star |= ((MpyAstExpr *)GET(elts, i))->kind == MPY_AST_Starred;
    if (!seen_star && !big) {
        mpy__compile_exprs(c, elts);
        emit_arg(c, tuple ? OP_BUILD_TUPLE : build, (int)n + pushed);
        return;
    }
    bool built = false;
    if (big) {
        emit_arg(c, build, pushed);
        built = true;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyAstExpr *elt = GET(elts, i);
        if (elt->kind == MPY_AST_Starred) {
            if (!built) {
                emit_arg(c, build, (int)i + pushed);
                built = true;
            }
            mpy__compile_expr(c, elt->v.Starred.value);
            emit_arg(c, extend, 1);
        } else {
            mpy__compile_expr(c, elt);
            if (built)
                emit_arg(c, add, 1);
        }
    }
    if (tuple)
        emit(c, OP_LIST_TO_TUPLE);
}

void mpy__compile_starunpack_list(MpyCompiler *c, MpyAstSeq *elts, int pushed, bool tuple)
{
    starunpack(c, elts, pushed, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, tuple);
}

/* a, *b, c = ... : UNPACK_EX before | after << 8, or UNPACK_SEQUENCE n. */
static void unpack_targets(MpyCompiler *c, MpyAstSeq *elts)
{
    ptrdiff_t n = LEN(elts);
    bool seen_star = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyAstExpr *elt = GET(elts, i);
        if (elt->kind != MPY_AST_Starred)
            continue;
        if (seen_star) {
            mpy__compile_error(c, "multiple starred expressions in assignment");
            return;
        }
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
            mpy__compile_error(c, "too many expressions in star-unpacking assignment");
            return;
        }
        emit_arg(c, OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
        seen_star = true;
    }
    if (!seen_star)
        emit_arg(c, OP_UNPACK_SEQUENCE, (int)n);
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyAstExpr *elt = GET(elts, i);
        mpy__compile_expr(c, elt->kind == MPY_AST_Starred ? elt->v.Starred.value : elt);
    }
}

/* List and Tuple: built in Load context, unpacked as targets in Store. */
static void compile_sequence(MpyCompiler *c, MpyAstSeq *elts, MpyAstCtx ctx, bool tuple)
{
    if (ctx == MPY_AST_STORE)
        unpack_targets(c, elts);
    else if (ctx == MPY_AST_LOAD)
        mpy__compile_starunpack_list(c, elts, 0, tuple);
    else
        mpy__compile_exprs(c, elts);
}

/* Items keys[begin:end] of a dict display, as one new dict. */
static void compile_subdict(MpyCompiler *c, MpyAstExpr *e, ptrdiff_t begin, ptrdiff_t end)
{
    ptrdiff_t n = end - begin;
    bool big = n * 2 > MPY_STACK_USE_GUIDELINE;
    if (n > 1 && !big && all_constants(e->v.Dict.keys, begin, end)) {
        for (ptrdiff_t i = begin; i < end; i++)
            mpy__compile_expr(c, GET(e->v.Dict.values, i));
        emit_const_take(c, constants_tuple(e->v.Dict.keys, begin, end));
        emit_arg(c, OP_BUILD_CONST_KEY_MAP, (int)n);
        return;
    }
    if (big)
        emit_arg(c, OP_BUILD_MAP, 0);
    for (ptrdiff_t i = begin; i < end; i++) {
        mpy__compile_expr(c, GET(e->v.Dict.keys, i));
        mpy__compile_expr(c, GET(e->v.Dict.values, i));
        if (big)
            emit_arg(c, OP_MAP_ADD, 1);
    }
    if (!big)
        emit_arg(c, OP_BUILD_MAP, (int)n);
}

/* {k: v, **m, ...}: runs of plain items become dicts merged with
 * DICT_UPDATE. */
static void compile_dict(MpyCompiler *c, MpyAstExpr *e)
{
    ptrdiff_t n = LEN(e->v.Dict.values), elements = 0;
    bool have_dict = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        bool is_unpacking = GET(e->v.Dict.keys, i) == NULL;
        if (is_unpacking) {
            if (elements) {
                compile_subdict(c, e, i - elements, i);
                if (have_dict)
                    emit_arg(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit_arg(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            mpy__compile_expr(c, GET(e->v.Dict.values, i));
            emit_arg(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > MPY_STACK_USE_GUIDELINE) {
            compile_subdict(c, e, i - elements, i + 1);
            if (have_dict)
                emit_arg(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        compile_subdict(c, e, n - elements, n);
        if (have_dict)
            emit_arg(c, OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict)
        emit_arg(c, OP_BUILD_MAP, 0);
}

/* ------------------------------------------------------------------ */
/* Attributes, subscripts, slices                                       */

static bool forbidden_attr(MpyCompiler *c, MpyObject *name, MpyAstCtx ctx)
{
    if (ctx == MPY_AST_LOAD || !mpy_str_equal_cstr(name, "__debug__"))
        return false;
    mpy__compile_error(c, ctx == MPY_AST_STORE ? "cannot assign to __debug__"
                                               : "cannot delete __debug__");
    return true;
}

static void compile_attribute(MpyCompiler *c, MpyAstExpr *e)
{
    MpyAstCtx ctx = e->v.Attribute.ctx;
    mpy__compile_expr(c, e->v.Attribute.value);
    mpy__compile_attr_loc(c, e);
    if (forbidden_attr(c, e->v.Attribute.attr, ctx))
        return;
    int op = ctx == MPY_AST_LOAD ? OP_LOAD_ATTR : ctx == MPY_AST_STORE ? OP_STORE_ATTR
                                                                        : OP_DELETE_ATTR;
    emit_name(c, op, e->v.Attribute.attr);
}

static void compile_slice(MpyCompiler *c, MpyAstExpr *e)
{
    int n = 2;
    if (e->v.Slice.lower)
        mpy__compile_expr(c, e->v.Slice.lower);
    else
        emit_const(c, MPY_NONE);
    if (e->v.Slice.upper)
        mpy__compile_expr(c, e->v.Slice.upper);
    else
        emit_const(c, MPY_NONE);
    if (e->v.Slice.step) {
        mpy__compile_expr(c, e->v.Slice.step);
        n++;
    }
    emit_arg(c, OP_BUILD_SLICE, n);
}

static void compile_subscript(MpyCompiler *c, MpyAstExpr *e)
{
    MpyAstCtx ctx = e->v.Subscript.ctx;
    if (ctx == MPY_AST_LOAD)
        mpy__compile_check_subscript(c, e->v.Subscript.value, e->v.Subscript.slice);
    mpy__compile_expr(c, e->v.Subscript.value);
    mpy__compile_expr(c, e->v.Subscript.slice);
    emit(c, ctx == MPY_AST_LOAD    ? OP_BINARY_SUBSCR
            : ctx == MPY_AST_STORE ? OP_STORE_SUBSCR
                                   : OP_DELETE_SUBSCR);
}

/* ------------------------------------------------------------------ */
/* f-strings                                                            */

/* value [spec] FORMAT_VALUE flags: conversion in the low two bits
 * (1 !s, 2 !r, 3 !a), 4 when a format spec is on the stack. */
static void compile_formatted_value(MpyCompiler *c, MpyAstExpr *e)
{
    mpy__compile_expr(c, e->v.FormattedValue.value);
    int flags;
    switch (e->v.FormattedValue.conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    case -1: flags = 0; break;
    default:
        mpy_err_format(mpy_exc_SystemError, "Unrecognized conversion character %d",
                       e->v.FormattedValue.conversion);
        mpy__compile_fail(c);
        return;
    }
    if (e->v.FormattedValue.format_spec) {
        mpy__compile_expr(c, e->v.FormattedValue.format_spec);
        flags |= 4;
    }
    emit_arg(c, OP_FORMAT_VALUE, flags);
}

static void compile_joined_str(MpyCompiler *c, MpyAstExpr *e)
{
    MpyAstSeq *values = e->v.JoinedStr.values;
    if (LEN(values) > MPY_STACK_USE_GUIDELINE) {
        // ''.join([...]) keeps the stack small for huge f-strings.
        emit_const(c, mpy_str_empty());
        emit_name(c, OP_LOAD_METHOD, MPY_ID(join));
        emit_arg(c, OP_BUILD_LIST, 0);
        for (ptrdiff_t i = 0; i < LEN(values); i++) {
            mpy__compile_expr(c, GET(values, i));
            emit_arg(c, OP_LIST_APPEND, 1);
        }
        emit_arg(c, OP_CALL, 1);
        return;
    }
    mpy__compile_exprs(c, values);
    if (LEN(values) != 1)
        emit_arg(c, OP_BUILD_STRING, (int)LEN(values));
}

/* ------------------------------------------------------------------ */
/* Generators                                                           */

static bool check_in_function(MpyCompiler *c, const char *what)
{
    if (c->u->ste->type == MPY_BLOCK_FUNCTION)
        return true;
    mpy__compile_error(c, "'%s' outside function", what);
    return false;
}

void mpy__compile_yield_value(MpyCompiler *c)
{
    if (c->u->ste->coroutine)
        emit(c, OP_ASYNC_GEN_WRAP); // an async generator's own yield
    emit(c, OP_YIELD_VALUE);
    emit_arg(c, OP_RESUME, 1);
}

/* With the iterator and a value to send below:
 *   send: SEND exit; YIELD_VALUE; RESUME 2; JUMP_BACKWARD_NO_INTERRUPT send
 *   exit: (the return value of the sub-iterator) */
static void compile_yield_from(MpyCompiler *c, MpyAstExpr *e)
{
    if (!check_in_function(c, "yield"))
        return;
    if (c->u->is_async) {
        mpy__compile_error(c, "'yield from' inside async function");
        return;
    }
    mpy__compile_expr(c, e->v.YieldFrom.value);
    emit(c, OP_GET_YIELD_FROM_ITER);
    emit_const(c, MPY_NONE);
    MpyCBlock *send = new_block(c), *resume = new_block(c), *exit = new_block(c);
    use_block(c, send);
    emit_jump(c, OP_SEND, exit);
    use_block(c, resume);
    emit(c, OP_YIELD_VALUE);
    emit_arg(c, OP_RESUME, 2);
    emit_jump(c, MPY_PSEUDO_JUMP_NO_INTERRUPT, send);
    use_block(c, exit);
}

/*   None; send: SEND exit; YIELD_VALUE; RESUME 3; JUMP_BACKWARD_NO_INTERRUPT send
 *   exit: (the result of the await) */
void mpy__compile_await_loop(MpyCompiler *c)
{
    emit_const(c, MPY_NONE);
    MpyCBlock *send = new_block(c), *resume = new_block(c), *exit = new_block(c);
    use_block(c, send);
    emit_jump(c, OP_SEND, exit);
    use_block(c, resume);
    emit(c, OP_YIELD_VALUE);
    emit_arg(c, OP_RESUME, 3);
    emit_jump(c, MPY_PSEUDO_JUMP_NO_INTERRUPT, send);
    use_block(c, exit);
}

static void compile_yield(MpyCompiler *c, MpyAstExpr *e)
{
    if (!check_in_function(c, "yield"))
        return;
    if (e->v.Yield.value)
        mpy__compile_expr(c, e->v.Yield.value);
    else
        emit_const(c, MPY_NONE);
    mpy__compile_yield_value(c);
}

/* ------------------------------------------------------------------ */
/* Functions as values                                                  */

/* The defaults tuple (flag 0x01) and the keyword-only defaults dict
 * (flag 0x02) of a def or lambda, evaluated where it is defined. */
int mpy__compile_default_arguments(MpyCompiler *c, MpyAstArguments *args)
{
    int flags = 0;
    if (LEN(args->defaults) > 0) {
        mpy__compile_exprs(c, args->defaults);
        emit_arg(c, OP_BUILD_TUPLE, (int)LEN(args->defaults));
        flags |= 0x01;
    }
    MpyObject *keys = NULL; // list of the names that have a default
    for (ptrdiff_t i = 0; i < LEN(args->kwonlyargs) && !c->failed; i++) {
        MpyAstExpr *dflt = GET(args->kw_defaults, i);
        if (dflt == NULL)
            continue;
        MpyAstArg *arg = GET(args->kwonlyargs, i);
        if (keys == NULL && (keys = mpy_list_new(0)) == NULL) {
            mpy__compile_fail(c);
            break;
        }
        MpyObject *mangled = mpy__compile_mangle(c, arg->arg);
        if (mangled == NULL || mpy_list_append_take(keys, mangled) < 0) {
            mpy__compile_fail(c);
            break;
        }
        mpy__compile_expr(c, dflt);
    }
    if (keys != NULL) {
        int n = (int)mpy_list_size(keys);
        emit_const_take(c, mpy_list_as_tuple(keys));
        MPY_DECREF(keys);
        emit_arg(c, OP_BUILD_CONST_KEY_MAP, n);
        flags |= 0x02;
    }
    return flags;
}

static void compile_lambda(MpyCompiler *c, MpyAstExpr *e)
{
    MpyAstArguments *args = e->v.Lambda.args;
    int flags = mpy__compile_default_arguments(c, args);
    if (!mpy__compile_enter_scope(c, mpy_str_intern_cstr("<lambda>"), MPY_UNIT_LAMBDA, e,
                                  e->loc.lineno))
        return;
    mpy__compile_add_const(c, MPY_NONE); // a lambda has no docstring
    c->u->argcount = (int)(LEN(args->posonlyargs) + LEN(args->args));
    c->u->posonlyargcount = (int)LEN(args->posonlyargs);
    c->u->kwonlyargcount = (int)LEN(args->kwonlyargs);
    mpy__compile_expr(c, e->v.Lambda.body);
    emit(c, OP_RETURN_VALUE);
    MpyObject *code = mpy__compile_exit_scope(c, true);
    if (code == NULL)
        return;
    mpy__compile_make_closure(c, code, flags);
    MPY_DECREF(code);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                             */

static void compile_name(MpyCompiler *c, MpyAstExpr *e)
{
    mpy__compile_nameop(c, e->v.Name.id, e->v.Name.ctx);
}

static void compile_expr_kind(MpyCompiler *c, MpyAstExpr *e)
{
    switch (e->kind) {
    case MPY_AST_NamedExpr:
        mpy__compile_expr(c, e->v.NamedExpr.value);
        emit_arg(c, OP_COPY, 1);
        mpy__compile_expr(c, e->v.NamedExpr.target);
        break;
    case MPY_AST_BoolOp:
        compile_boolop(c, e);
        break;
    case MPY_AST_BinOp:
        mpy__compile_expr(c, e->v.BinOp.left);
        mpy__compile_expr(c, e->v.BinOp.right);
        emit_arg(c, OP_BINARY_OP, mpy__compile_binop_code(e->v.BinOp.op));
        break;
    case MPY_AST_UnaryOp:
        compile_unaryop(c, e);
        break;
    case MPY_AST_Lambda:
        compile_lambda(c, e);
        break;
    case MPY_AST_IfExp:
        compile_ifexp(c, e);
        break;
    case MPY_AST_Dict:
        compile_dict(c, e);
        break;
    case MPY_AST_Set:
        starunpack(c, e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
        break;
    case MPY_AST_ListComp:
    case MPY_AST_SetComp:
    case MPY_AST_DictComp:
    case MPY_AST_GeneratorExp:
        mpy__compile_comprehension(c, e);
        break;
    case MPY_AST_Await:
        if (!check_in_function(c, "await"))
            break;
        if (!c->u->is_async && c->u->type != MPY_UNIT_COMPREHENSION) {
            mpy__compile_error(c, "'await' outside async function");
            break;
        }
        mpy__compile_expr(c, e->v.Await.value);
        emit_arg(c, OP_GET_AWAITABLE, 0);
        mpy__compile_await_loop(c);
        break;
    case MPY_AST_Yield:
        compile_yield(c, e);
        break;
    case MPY_AST_YieldFrom:
        compile_yield_from(c, e);
        break;
    case MPY_AST_Compare:
        compile_compare(c, e);
        break;
    case MPY_AST_Call:
        mpy__compile_call(c, e);
        break;
    case MPY_AST_FormattedValue:
        compile_formatted_value(c, e);
        break;
    case MPY_AST_JoinedStr:
        compile_joined_str(c, e);
        break;
    case MPY_AST_Constant:
        emit_const(c, e->v.Constant.value);
        break;
    case MPY_AST_Attribute:
        compile_attribute(c, e);
        break;
    case MPY_AST_Subscript:
        compile_subscript(c, e);
        break;
    case MPY_AST_Starred:
        mpy__compile_error(c, e->v.Starred.ctx == MPY_AST_STORE
                                  ? "starred assignment target must be in a list or tuple"
                                  : "can't use starred expression here");
        break;
    case MPY_AST_Slice:
        compile_slice(c, e);
        break;
    case MPY_AST_Name:
        compile_name(c, e);
        break;
    case MPY_AST_List:
        compile_sequence(c, e->v.List.elts, e->v.List.ctx, false);
        break;
    case MPY_AST_Tuple:
        compile_sequence(c, e->v.Tuple.elts, e->v.Tuple.ctx, true);
        break;
    }
}

void mpy__compile_expr(MpyCompiler *c, MpyAstExpr *e)
{
    if (!mpy__compile_enter(c))
        return;
    MpyCodeLocation saved = c->u->loc;
    set_loc(c, &e->loc);
    compile_expr_kind(c, e);
    c->u->loc = saved;
    mpy__compile_leave(c);
}
