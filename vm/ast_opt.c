/* vm/ast_opt.c: constant folding on the syntax tree.
 *
 * Models CPython 3.11's Python/ast_opt.c.  Before the symbol table is
 * built, the tree is walked once and expressions whose value is known at
 * compile time are replaced by Constant nodes, in place:
 *
 *   -1, ~5, not True           unary operators on constants
 *   2 ** 10, 'ab' * 3, 1 + 2j  binary operators on constants, within
 *                              CPython's size limits (no 10 ** 10 ** 10)
 *   (1, 2, 3)                  tuples of constants
 *   'abc'[1]                   subscripts of constants
 *   x in [1, 2], for x in {1}  list/set literals that are only iterated
 *                              become a tuple / frozenset
 *   not (a is b)               a is not b (also for `in`)
 *   __debug__                  True
 *   f'abc'                     an f-string without replacement fields
 *
 * An operation that raises (1 / 0) is simply not folded: the error then
 * happens at run time, as it should.  New constants are owned by the
 * arena, like the parser's.
 */
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

#define MAX_INT_SIZE 128         /* bits */
#define MAX_COLLECTION_SIZE 256  /* items */
#define MAX_STR_SIZE 4096        /* characters */
#define MAX_TOTAL_ITEMS 1024     /* including nested collections */

typedef struct Optimizer {
    MpyArena *arena;
    int depth;
    bool keep_annotations; /* annotations become text: leave them as written */
    bool failed;
} Optimizer;

/* Replace `node` by Constant(val).  val == NULL means the operation
 * failed: leave the node alone (and forget the error, except a
 * KeyboardInterrupt).  Consumes val. */
static void make_const(Optimizer *o, MpyAstExpr *node, MpyObject *val)
{
    if (val == NULL) {
        if (mpy_err_occurred() && mpy_err_matches(mpy_exc_KeyboardInterrupt))
            o->failed = true;
        else
            mpy_err_clear();
        return;
    }
    if (mpy__arena_add(o->arena, val) < 0) {
        o->failed = true;
        return;
    }
    node->kind = MPY_AST_Constant;
    node->v.Constant.value = val;
    node->v.Constant.kind = NULL;
}

static bool has_starred(MpyAstSeq *elts)
{
    for (ptrdiff_t i = 0; i < LEN(elts); i++) {
        if (((MpyAstExpr *)GET(elts, i))->kind == MPY_AST_Starred)
            return true;
    }
    return false;
}

/* A tuple of the values of elts if they are all constants, else NULL
 * (without an exception). */
static MpyObject *make_const_tuple(MpyAstSeq *elts)
{
    for (ptrdiff_t i = 0; i < LEN(elts); i++) {
        if (((MpyAstExpr *)GET(elts, i))->kind != MPY_AST_Constant)
            return NULL;
    }
    MpyObject *t = mpy_tuple_new(LEN(elts));
    for (ptrdiff_t i = 0; t != NULL && i < LEN(elts); i++)
        mpy_tuple_init_take(t, i, MPY_NEWREF(((MpyAstExpr *)GET(elts, i))->v.Constant.value));
    return t;
}

/* ------------------------------------------------------------------ */
/* Operators with size limits                                           */

static bool is_int(MpyObject *v)
{
    return mpy_int_check(v);
}

/* Number of bits of |v| (0 for 0). */
static size_t int_bits(MpyObject *v)
{
    if (mpy_is_small_int(v)) {
        intptr_t x = mpy_small_int_value(v);
        uintptr_t m = x < 0 ? (uintptr_t)0 - (uintptr_t)x : (uintptr_t)x;
        size_t bits = 0;
        while (m) {
            bits++;
            m >>= 1;
        }
        return bits;
    }
    mpz_t z;
    mpz_init(z);
    mpy_int_to_mpz(v, z);
    size_t bits = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
    mpz_clear(z);
    return bits;
}

/* Would tuple/frozenset `obj` hold more than `limit` items, counting
 * nested ones?  Returns the limit left (negative: too many). */
static ptrdiff_t check_complexity(MpyObject *obj, ptrdiff_t limit)
{
    if (mpy_tuple_check(obj)) {
        limit -= mpy_tuple_size(obj);
        for (ptrdiff_t i = 0; limit >= 0 && i < mpy_tuple_size(obj); i++)
            limit = check_complexity(mpy_tuple_item(obj, i), limit);
    } else if (mpy_frozenset_check(obj)) {
        ptrdiff_t pos = 0;
        MpyObject *item;
        limit -= mpy_set_size(obj);
        while (limit >= 0 && mpy_set_next(obj, &pos, &item))
            limit = check_complexity(item, limit);
    }
    return limit;
}

/* The size of a sequence constant for the repetition limit, or -1. */
static ptrdiff_t sequence_size(MpyObject *v, bool *is_collection)
{
    *is_collection = mpy_tuple_check(v) || mpy_frozenset_check(v);
    if (mpy_tuple_check(v))
        return mpy_tuple_size(v);
    if (mpy_frozenset_check(v))
        return mpy_set_size(v);
    if (mpy_str_check(v))
        return mpy_str_length(v);
    if (mpy_bytes_check(v))
        return mpy_bytes_size(v);
    return -1;
}

static MpyObject *safe_multiply(MpyObject *v, MpyObject *w)
{
    bool collection;
    if (is_int(v) && is_int(w)) {
        if (mpy_int_sign(v) != 0 && mpy_int_sign(w) != 0 &&
            int_bits(v) + int_bits(w) > MAX_INT_SIZE)
            return NULL;
    } else if (is_int(v) && sequence_size(w, &collection) >= 0) {
        ptrdiff_t size = sequence_size(w, &collection);
        if (size > 0) {
            long long n;
            if (!mpy_int_to_long_exact(v, &n) || n < 0)
                return NULL;
            if (n > (collection ? MAX_COLLECTION_SIZE : MAX_STR_SIZE) / size)
                return NULL;
            if (collection && n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    } else if (is_int(w) && sequence_size(v, &collection) >= 0) {
        return safe_multiply(w, v);
    }
    return mpy_number_binop(v, w, MPY_NB_MULTIPLY);
}

static MpyObject *safe_power(MpyObject *v, MpyObject *w)
{
    if (is_int(v) && is_int(w) && mpy_int_sign(v) != 0 && mpy_int_sign(w) > 0) {
        long long wbits;
        if (!mpy_int_to_long_exact(w, &wbits) || int_bits(v) > MAX_INT_SIZE / (size_t)wbits)
            return NULL;
    }
    return mpy_number_binop(v, w, MPY_NB_POWER);
}

static MpyObject *safe_lshift(MpyObject *v, MpyObject *w)
{
    if (is_int(v) && is_int(w) && mpy_int_sign(v) != 0 && mpy_int_sign(w) != 0) {
        long long wbits;
        if (!mpy_int_to_long_exact(w, &wbits) || wbits < 0 || wbits > MAX_INT_SIZE ||
            int_bits(v) > (size_t)(MAX_INT_SIZE - wbits))
            return NULL;
    }
    return mpy_number_binop(v, w, MPY_NB_LSHIFT);
}

static void fold_binop(Optimizer *o, MpyAstExpr *node)
{
    MpyAstExpr *lhs = node->v.BinOp.left, *rhs = node->v.BinOp.right;
    if (lhs->kind != MPY_AST_Constant || rhs->kind != MPY_AST_Constant)
        return;
    MpyObject *lv = lhs->v.Constant.value, *rv = rhs->v.Constant.value;
    MpyObject *val;
    switch (node->v.BinOp.op) {
    case MPY_AST_MULT:
        val = safe_multiply(lv, rv);
        break;
    case MPY_AST_POW:
        val = safe_power(lv, rv);
        break;
    case MPY_AST_LSHIFT:
        val = safe_lshift(lv, rv);
        break;
    case MPY_AST_MOD:
        // 'fmt' % args depends on the arguments' __str__: leave it.
        if (mpy_str_check(lv) || mpy_bytes_check(lv))
            return;
        val = mpy_number_binop(lv, rv, MPY_NB_REMAINDER);
        break;
    case MPY_AST_MATMULT:
        return; // no constant implements @
    default:
        val = mpy_number_binop(lv, rv, mpy__compile_binop_code(node->v.BinOp.op));
        break;
    }
    make_const(o, node, val);
}

/* not (a is b) -> a is not b; `in` likewise.  == and < are not inverted:
 * __eq__/__ne__ and set comparisons do not obey those laws. */
static void fold_not_compare(MpyAstExpr *node)
{
    MpyAstExpr *arg = node->v.UnaryOp.operand;
    if (arg->kind != MPY_AST_Compare || LEN(arg->v.Compare.comparators) != 1)
        return;
    int op = arg->v.Compare.ops->items[0];
    switch (op) {
    case MPY_AST_IS: op = MPY_AST_ISNOT; break;
    case MPY_AST_ISNOT: op = MPY_AST_IS; break;
    case MPY_AST_IN: op = MPY_AST_NOTIN; break;
    case MPY_AST_NOTIN: op = MPY_AST_IN; break;
    default: return;
    }
    arg->v.Compare.ops->items[0] = op;
    memcpy(node, arg, sizeof *node);
}

static void fold_unaryop(Optimizer *o, MpyAstExpr *node)
{
    MpyAstExpr *arg = node->v.UnaryOp.operand;
    if (arg->kind != MPY_AST_Constant) {
        if (node->v.UnaryOp.op == MPY_AST_NOT)
            fold_not_compare(node);
        return;
    }
    MpyObject *v = arg->v.Constant.value, *val = NULL;
    switch (node->v.UnaryOp.op) {
    case MPY_AST_INVERT: val = mpy_number_invert(v); break;
    case MPY_AST_UADD: val = mpy_number_positive(v); break;
    case MPY_AST_USUB: val = mpy_number_negative(v); break;
    case MPY_AST_NOT: {
        int truth = mpy_object_is_true(v);
        val = truth < 0 ? NULL : MPY_NEWREF(mpy_bool_from(!truth));
        break;
    }
    }
    make_const(o, node, val);
}

static void fold_tuple(Optimizer *o, MpyAstExpr *node)
{
    if (node->v.Tuple.ctx != MPY_AST_LOAD)
        return;
    make_const(o, node, make_const_tuple(node->v.Tuple.elts));
}

static void fold_subscript(Optimizer *o, MpyAstExpr *node)
{
    MpyAstExpr *value = node->v.Subscript.value, *index = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != MPY_AST_LOAD || value->kind != MPY_AST_Constant ||
        index->kind != MPY_AST_Constant)
        return;
    make_const(o, node, mpy_object_getitem(value->v.Constant.value, index->v.Constant.value));
}

/* A list or set literal that is only iterated over: a tuple or frozenset
 * (constant if its items are). */
static void fold_iter(Optimizer *o, MpyAstExpr *arg)
{
    MpyObject *val;
    if (arg->kind == MPY_AST_List) {
        MpyAstSeq *elts = arg->v.List.elts;
        if (has_starred(elts))
            return;
        MpyAstCtx ctx = arg->v.List.ctx;
        arg->kind = MPY_AST_Tuple;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        val = make_const_tuple(elts);
    } else if (arg->kind == MPY_AST_Set) {
        val = make_const_tuple(arg->v.Set.elts);
        if (val != NULL) {
            MpyObject *frozen = mpy_frozenset_new(val);
            MPY_DECREF(val);
            val = frozen;
        }
    } else {
        return;
    }
    make_const(o, arg, val);
}

static void fold_compare(Optimizer *o, MpyAstExpr *node)
{
    ptrdiff_t last = LEN(node->v.Compare.comparators) - 1;
    int op = node->v.Compare.ops->items[last];
    if (op == MPY_AST_IN || op == MPY_AST_NOTIN)
        fold_iter(o, GET(node->v.Compare.comparators, last));
}

/* f'abc': a JoinedStr of constant pieces is one str. */
static void fold_joined_str(Optimizer *o, MpyAstExpr *node)
{
    MpyAstSeq *values = node->v.JoinedStr.values;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (ptrdiff_t i = 0; i < LEN(values); i++) {
        MpyAstExpr *piece = GET(values, i);
        if (piece->kind != MPY_AST_Constant || !mpy_str_check(piece->v.Constant.value)) {
            mpy_sb_discard(&sb);
            return;
        }
        if (mpy_sb_append_str(&sb, piece->v.Constant.value) < 0) {
            mpy_sb_discard(&sb);
            o->failed = true;
            return;
        }
    }
    make_const(o, node, mpy_sb_finish(&sb));
}

/* ------------------------------------------------------------------ */
/* The walk                                                             */

static void fold_expr(Optimizer *o, MpyAstExpr *e);
static void fold_stmts(Optimizer *o, MpyAstSeq *stmts);

static bool enter(Optimizer *o)
{
    if (o->failed)
        return false;
    if (++o->depth > MPY_COMPILE_MAX_DEPTH || mpy__compile_c_stack_low()) {
        mpy_err_set(mpy_exc_RecursionError,
                    "maximum recursion depth exceeded during compilation");
        o->failed = true;
        return false;
    }
    return true;
}

static void fold_opt(Optimizer *o, MpyAstExpr *e)
{
    if (e != NULL)
        fold_expr(o, e);
}

static void fold_exprs(Optimizer *o, MpyAstSeq *seq)
{
    for (ptrdiff_t i = 0; i < LEN(seq); i++)
        fold_opt(o, GET(seq, i)); // Dict keys and kw_defaults may be NULL
}

static void fold_keywords(Optimizer *o, MpyAstSeq *keywords)
{
    for (ptrdiff_t i = 0; i < LEN(keywords); i++)
        fold_expr(o, ((MpyAstKeyword *)GET(keywords, i))->value);
}

static void fold_comprehensions(Optimizer *o, MpyAstSeq *generators)
{
    for (ptrdiff_t i = 0; i < LEN(generators); i++) {
        MpyAstComprehension *gen = GET(generators, i);
        fold_expr(o, gen->target);
        fold_expr(o, gen->iter);
        fold_exprs(o, gen->ifs);
        fold_iter(o, gen->iter);
    }
}

static void fold_annotation(Optimizer *o, MpyAstExpr *e)
{
    if (!o->keep_annotations)
        fold_opt(o, e);
}

static void fold_arg_annotations(Optimizer *o, MpyAstSeq *args)
{
    for (ptrdiff_t i = 0; i < LEN(args); i++)
        fold_annotation(o, ((MpyAstArg *)GET(args, i))->annotation);
}

static void fold_arguments(Optimizer *o, MpyAstArguments *a)
{
    fold_arg_annotations(o, a->posonlyargs);
    fold_arg_annotations(o, a->args);
    if (a->vararg)
        fold_annotation(o, a->vararg->annotation);
    fold_arg_annotations(o, a->kwonlyargs);
    fold_exprs(o, a->kw_defaults);
    if (a->kwarg)
        fold_annotation(o, a->kwarg->annotation);
    fold_exprs(o, a->defaults);
}

static void fold_expr_kind(Optimizer *o, MpyAstExpr *e)
{
    switch (e->kind) {
    case MPY_AST_BoolOp:
        fold_exprs(o, e->v.BoolOp.values);
        break;
    case MPY_AST_BinOp:
        fold_expr(o, e->v.BinOp.left);
        fold_expr(o, e->v.BinOp.right);
        fold_binop(o, e);
        break;
    case MPY_AST_UnaryOp:
        fold_expr(o, e->v.UnaryOp.operand);
        fold_unaryop(o, e);
        break;
    case MPY_AST_Lambda:
        fold_arguments(o, e->v.Lambda.args);
        fold_expr(o, e->v.Lambda.body);
        break;
    case MPY_AST_IfExp:
        fold_expr(o, e->v.IfExp.test);
        fold_expr(o, e->v.IfExp.body);
        fold_expr(o, e->v.IfExp.orelse);
        break;
    case MPY_AST_Dict:
        fold_exprs(o, e->v.Dict.keys);
        fold_exprs(o, e->v.Dict.values);
        break;
    case MPY_AST_Set:
        fold_exprs(o, e->v.Set.elts);
        break;
    case MPY_AST_ListComp:
    case MPY_AST_SetComp:
    case MPY_AST_GeneratorExp:
        fold_expr(o, e->v.Comp.elt);
        fold_comprehensions(o, e->v.Comp.generators);
        break;
    case MPY_AST_DictComp:
        fold_expr(o, e->v.DictComp.key);
        fold_expr(o, e->v.DictComp.value);
        fold_comprehensions(o, e->v.DictComp.generators);
        break;
    case MPY_AST_Await:
        fold_expr(o, e->v.Await.value);
        break;
    case MPY_AST_Yield:
        fold_opt(o, e->v.Yield.value);
        break;
    case MPY_AST_YieldFrom:
        fold_expr(o, e->v.YieldFrom.value);
        break;
    case MPY_AST_Compare:
        fold_expr(o, e->v.Compare.left);
        fold_exprs(o, e->v.Compare.comparators);
        fold_compare(o, e);
        break;
    case MPY_AST_Call:
        fold_expr(o, e->v.Call.func);
        fold_exprs(o, e->v.Call.args);
        fold_keywords(o, e->v.Call.keywords);
        break;
    case MPY_AST_FormattedValue:
        fold_expr(o, e->v.FormattedValue.value);
        fold_opt(o, e->v.FormattedValue.format_spec);
        break;
    case MPY_AST_JoinedStr:
        fold_exprs(o, e->v.JoinedStr.values);
        fold_joined_str(o, e);
        break;
    case MPY_AST_Attribute:
        fold_expr(o, e->v.Attribute.value);
        break;
    case MPY_AST_Subscript:
        fold_expr(o, e->v.Subscript.value);
        fold_expr(o, e->v.Subscript.slice);
        fold_subscript(o, e);
        break;
    case MPY_AST_Starred:
        fold_expr(o, e->v.Starred.value);
        break;
    case MPY_AST_Slice:
        fold_opt(o, e->v.Slice.lower);
        fold_opt(o, e->v.Slice.upper);
        fold_opt(o, e->v.Slice.step);
        break;
    case MPY_AST_List:
        fold_exprs(o, e->v.List.elts);
        break;
    case MPY_AST_Tuple:
        fold_exprs(o, e->v.Tuple.elts);
        fold_tuple(o, e);
        break;
    case MPY_AST_Name:
        if (e->v.Name.ctx == MPY_AST_LOAD && mpy_str_equal_cstr(e->v.Name.id, "__debug__"))
            make_const(o, e, MPY_NEWREF(MPY_TRUE));
        break;
    case MPY_AST_NamedExpr:
        fold_expr(o, e->v.NamedExpr.value);
        break;
    case MPY_AST_Constant:
        break;
    }
}

static void fold_expr(Optimizer *o, MpyAstExpr *e)
{
    if (!enter(o))
        return;
    fold_expr_kind(o, e);
    o->depth--;
}

static void fold_pattern(Optimizer *o, MpyAstPattern *p)
{
    if (!enter(o))
        return;
    switch (p->kind) {
    case MPY_AST_MatchValue:
        fold_expr(o, p->v.MatchValue.value);
        break;
    case MPY_AST_MatchSequence:
        for (ptrdiff_t i = 0; i < LEN(p->v.MatchSequence.patterns); i++)
            fold_pattern(o, GET(p->v.MatchSequence.patterns, i));
        break;
    case MPY_AST_MatchMapping:
        fold_exprs(o, p->v.MatchMapping.keys);
        for (ptrdiff_t i = 0; i < LEN(p->v.MatchMapping.patterns); i++)
            fold_pattern(o, GET(p->v.MatchMapping.patterns, i));
        break;
    case MPY_AST_MatchClass:
        fold_expr(o, p->v.MatchClass.cls);
        for (ptrdiff_t i = 0; i < LEN(p->v.MatchClass.patterns); i++)
            fold_pattern(o, GET(p->v.MatchClass.patterns, i));
        for (ptrdiff_t i = 0; i < LEN(p->v.MatchClass.kwd_patterns); i++)
            fold_pattern(o, GET(p->v.MatchClass.kwd_patterns, i));
        break;
    case MPY_AST_MatchAs:
        if (p->v.MatchAs.pattern)
            fold_pattern(o, p->v.MatchAs.pattern);
        break;
    case MPY_AST_MatchOr:
        for (ptrdiff_t i = 0; i < LEN(p->v.MatchOr.patterns); i++)
            fold_pattern(o, GET(p->v.MatchOr.patterns, i));
        break;
    case MPY_AST_MatchSingleton:
    case MPY_AST_MatchStar:
        break;
    }
    o->depth--;
}

/* Folding must not turn a first statement like 'a' 'b' * 2 into a
 * docstring; such a statement is wrapped in a JoinedStr, as CPython does. */
static void fold_body(Optimizer *o, MpyAstSeq *stmts)
{
    bool had_docstring = mpy__compile_docstring(stmts) != NULL;
    fold_stmts(o, stmts);
    if (o->failed || had_docstring || mpy__compile_docstring(stmts) == NULL)
        return;
    MpyAstStmt *s = GET(stmts, 0);
    MpyAstSeq *values = mpy__ast_seq_new(o->arena, 1);
    MpyAstExpr *joined = mpy__arena_alloc(o->arena, sizeof *joined);
    if (values == NULL || joined == NULL) {
        o->failed = true;
        return;
    }
    values->items[0] = s->v.Expr.value;
    joined->kind = MPY_AST_JoinedStr;
    joined->loc = s->loc;
    joined->v.JoinedStr.values = values;
    s->v.Expr.value = joined;
}

static void fold_stmt_kind(Optimizer *o, MpyAstStmt *s)
{
    switch (s->kind) {
    case MPY_AST_FunctionDef:
    case MPY_AST_AsyncFunctionDef:
        fold_arguments(o, s->v.FunctionDef.args);
        fold_body(o, s->v.FunctionDef.body);
        fold_exprs(o, s->v.FunctionDef.decorator_list);
        fold_annotation(o, s->v.FunctionDef.returns);
        break;
    case MPY_AST_ClassDef:
        fold_exprs(o, s->v.ClassDef.bases);
        fold_keywords(o, s->v.ClassDef.keywords);
        fold_body(o, s->v.ClassDef.body);
        fold_exprs(o, s->v.ClassDef.decorator_list);
        break;
    case MPY_AST_Return:
        fold_opt(o, s->v.Return.value);
        break;
    case MPY_AST_Delete:
        fold_exprs(o, s->v.Delete.targets);
        break;
    case MPY_AST_Assign:
        fold_exprs(o, s->v.Assign.targets);
        fold_expr(o, s->v.Assign.value);
        break;
    case MPY_AST_AugAssign:
        fold_expr(o, s->v.AugAssign.target);
        fold_expr(o, s->v.AugAssign.value);
        break;
    case MPY_AST_AnnAssign:
        fold_expr(o, s->v.AnnAssign.target);
        fold_annotation(o, s->v.AnnAssign.annotation);
        fold_opt(o, s->v.AnnAssign.value);
        break;
    case MPY_AST_For:
    case MPY_AST_AsyncFor:
        fold_expr(o, s->v.For.target);
        fold_expr(o, s->v.For.iter);
        fold_stmts(o, s->v.For.body);
        fold_stmts(o, s->v.For.orelse);
        fold_iter(o, s->v.For.iter);
        break;
    case MPY_AST_While:
    case MPY_AST_If:
        fold_expr(o, s->v.If.test);
        fold_stmts(o, s->v.If.body);
        fold_stmts(o, s->v.If.orelse);
        break;
    case MPY_AST_With:
    case MPY_AST_AsyncWith:
        for (ptrdiff_t i = 0; i < LEN(s->v.With.items); i++) {
            MpyAstWithItem *item = GET(s->v.With.items, i);
            fold_expr(o, item->context_expr);
            fold_opt(o, item->optional_vars);
        }
        fold_stmts(o, s->v.With.body);
        break;
    case MPY_AST_Raise:
        fold_opt(o, s->v.Raise.exc);
        fold_opt(o, s->v.Raise.cause);
        break;
    case MPY_AST_Match:
        fold_expr(o, s->v.Match.subject);
        for (ptrdiff_t i = 0; i < LEN(s->v.Match.cases); i++) {
            MpyAstMatchCase *m = GET(s->v.Match.cases, i);
            fold_pattern(o, m->pattern);
            fold_opt(o, m->guard);
            fold_stmts(o, m->body);
        }
        break;
    case MPY_AST_Try:
    case MPY_AST_TryStar:
        fold_stmts(o, s->v.Try.body);
        for (ptrdiff_t i = 0; i < LEN(s->v.Try.handlers); i++) {
            MpyAstExceptHandler *h = GET(s->v.Try.handlers, i);
            fold_opt(o, h->type);
            fold_stmts(o, h->body);
        }
        fold_stmts(o, s->v.Try.orelse);
        fold_stmts(o, s->v.Try.finalbody);
        break;
    case MPY_AST_Assert:
        fold_expr(o, s->v.Assert.test);
        fold_opt(o, s->v.Assert.msg);
        break;
    case MPY_AST_Expr:
        fold_expr(o, s->v.Expr.value);
        break;
    case MPY_AST_Import:
    case MPY_AST_ImportFrom:
    case MPY_AST_Global:
    case MPY_AST_Nonlocal:
    case MPY_AST_Pass:
    case MPY_AST_Break:
    case MPY_AST_Continue:
        break;
    }
}

static void fold_stmts(Optimizer *o, MpyAstSeq *stmts)
{
    for (ptrdiff_t i = 0; i < LEN(stmts) && !o->failed; i++) {
        MpyAstStmt *s = GET(stmts, i);
        if (!enter(o))
            return;
        fold_stmt_kind(o, s);
        o->depth--;
    }
}

int mpy__ast_optimize(MpyAstMod *mod, MpyArena *arena, bool keep_annotations)
{
    Optimizer o = {.arena = arena, .keep_annotations = keep_annotations};
    switch (mod->kind) {
    case MPY_AST_Module:
        fold_body(&o, mod->v.Module.body);
        break;
    case MPY_AST_Interactive:
        fold_stmts(&o, mod->v.Interactive.body);
        break;
    case MPY_AST_Expression:
        fold_expr(&o, mod->v.Expression.body);
        break;
    }
    return o.failed ? -1 : 0;
}
