/* vm/parser_expr.c: expressions.
 *
 * Models the "EXPRESSIONS" part of CPython 3.11's Grammar/python.gram.
 * Binary operators use one function per precedence level (as the grammar
 * does), each a loop that builds left-associative BinOp nodes; `**` is
 * right-associative through factor().  Every node's position is CPython's:
 * a binary operation spans both operands, a call or subscript spans from
 * its callee to the closing bracket, a parenthesized expression keeps the
 * position of what is inside (the parentheses belong to no node), except
 * tuples and generator expressions, which include them.
 *
 * Atoms, displays, comprehensions, arguments and parameters are in
 * vm/parser_atom.c.
 */
#include "vm/parser.h"

#include <string.h>

#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

bool
mpy__p_can_start_expression(int type)
{
    switch (type) {
    case MPY_TOK_NAME: case MPY_TOK_NUMBER: case MPY_TOK_STRING: case MPY_TOK_LPAR:
    case MPY_TOK_LSQB: case MPY_TOK_LBRACE: case MPY_TOK_MINUS: case MPY_TOK_PLUS:
    case MPY_TOK_TILDE: case MPY_TOK_STAR: case MPY_TOK_KW_NOT: case MPY_TOK_KW_LAMBDA:
    case MPY_TOK_KW_AWAIT: case MPY_TOK_KW_NONE: case MPY_TOK_KW_TRUE: case MPY_TOK_KW_FALSE:
    case MPY_TOK_ELLIPSIS:
        return true;
    }
    return false;
}

MpyAstExpr *
mpy__p_binop(MpyParser *p, const MpyToken *start, MpyAstExpr *left, MpyAstOperator op,
             MpyAstExpr *right)
{
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_BinOp, mpy__p_loc_from(p, start));
    if (e != NULL) {
        e->v.BinOp.left = left;
        e->v.BinOp.op = op;
        e->v.BinOp.right = right;
    }
    return e;
}

MpyAstExpr *
mpy__p_starred(MpyParser *p, const MpyToken *star, MpyAstExpr *value)
{
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Starred, mpy__p_loc_from(p, star));
    if (e != NULL) {
        e->v.Starred.value = value;
        e->v.Starred.ctx = MPY_AST_LOAD;
    }
    return e;
}

MpyAstExpr *
mpy__p_tuple(MpyParser *p, MpyAstSeq *elts, MpyAstLoc loc)
{
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Tuple, loc);
    if (e != NULL) {
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = MPY_AST_LOAD;
    }
    return e;
}

/* ------------------------------------------------------------------ */
/* Binary operators                                                     */

typedef MpyAstExpr *(*Level)(MpyParser *p);

/* One left-associative level: operand (op operand)*. */
static MpyAstExpr *
binary_level(MpyParser *p, Level operand, MpyAstOperator (*op_of)(int type))
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *left = operand(p);
    if (left == NULL)
        return NULL;
    for (;;) {
        MpyAstOperator op = op_of(mpy__p_type(p));
        if (op == 0)
            return left;
        mpy__p_next(p);
        MpyAstExpr *right = operand(p);
        if (right == NULL || (left = mpy__p_binop(p, &start, left, op, right)) == NULL)
            return NULL;
    }
}

static MpyAstExpr *factor(MpyParser *p);

static MpyAstOperator
term_op(int t)
{
    switch (t) {
    case MPY_TOK_STAR: return MPY_AST_MULT;
    case MPY_TOK_SLASH: return MPY_AST_DIV;
    case MPY_TOK_DOUBLESLASH: return MPY_AST_FLOORDIV;
    case MPY_TOK_PERCENT: return MPY_AST_MOD;
    case MPY_TOK_AT: return MPY_AST_MATMULT;
    }
    return 0;
}

static MpyAstOperator
sum_op(int t)
{
    return t == MPY_TOK_PLUS ? MPY_AST_ADD : t == MPY_TOK_MINUS ? MPY_AST_SUB : 0;
}

static MpyAstOperator
shift_op(int t)
{
    return t == MPY_TOK_LEFTSHIFT ? MPY_AST_LSHIFT : t == MPY_TOK_RIGHTSHIFT ? MPY_AST_RSHIFT : 0;
}

static MpyAstOperator
and_op(int t)
{
    return t == MPY_TOK_AMPER ? MPY_AST_BITAND : 0;
}

static MpyAstOperator
xor_op(int t)
{
    return t == MPY_TOK_CIRCUMFLEX ? MPY_AST_BITXOR : 0;
}

static MpyAstOperator
or_op(int t)
{
    return t == MPY_TOK_VBAR ? MPY_AST_BITOR : 0;
}

static MpyAstExpr *term(MpyParser *p) { return binary_level(p, factor, term_op); }
static MpyAstExpr *sum(MpyParser *p) { return binary_level(p, term, sum_op); }
static MpyAstExpr *shift_expr(MpyParser *p) { return binary_level(p, sum, shift_op); }
static MpyAstExpr *bitwise_and(MpyParser *p) { return binary_level(p, shift_expr, and_op); }
static MpyAstExpr *bitwise_xor(MpyParser *p) { return binary_level(p, bitwise_and, xor_op); }

MpyAstExpr *
mpy__p_bitwise_or(MpyParser *p)
{
    return binary_level(p, bitwise_xor, or_op);
}

/* power: await_primary ['**' factor] */
static MpyAstExpr *
power(MpyParser *p)
{
    MpyAstExpr *base;
    MpyToken start = *mpy__p_peek(p, 0);
    if (mpy__p_at(p, MPY_TOK_KW_AWAIT)) {
        MpyToken kw = mpy__p_next(p);
        MpyAstExpr *value = mpy__p_primary(p);
        if (value == NULL || (base = mpy__p_expr_new(p, MPY_AST_Await, mpy__p_loc_from(p, &kw))) == NULL)
            return NULL;
        base->v.Await.value = value;
    } else if ((base = mpy__p_primary(p)) == NULL) {
        return NULL;
    }
    if (!mpy__p_accept(p, MPY_TOK_DOUBLESTAR))
        return base;
    if (!mpy__p_enter(p))
        return NULL;
    MpyAstExpr *exp = factor(p);
    mpy__p_leave(p);
    return exp ? mpy__p_binop(p, &start, base, MPY_AST_POW, exp) : NULL;
}

/* factor: ('+' | '-' | '~') factor | power */
static MpyAstExpr *
factor(MpyParser *p)
{
    int t = mpy__p_type(p);
    MpyAstUnaryOp op = t == MPY_TOK_PLUS ? MPY_AST_UADD : t == MPY_TOK_MINUS ? MPY_AST_USUB
                       : t == MPY_TOK_TILDE ? MPY_AST_INVERT : 0;
    if (op == 0)
        return power(p);
    MpyToken tok = mpy__p_next(p);
    if (!mpy__p_enter(p))
        return NULL;
    MpyAstExpr *operand = factor(p);
    mpy__p_leave(p);
    if (operand == NULL)
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_UnaryOp, mpy__p_loc_from(p, &tok));
    if (e != NULL) {
        e->v.UnaryOp.op = op;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

/* ------------------------------------------------------------------ */
/* Comparisons and boolean operators                                    */

/* The comparison operator at the cursor (consumed), or 0. */
static MpyAstCmpOp
compare_op(MpyParser *p)
{
    MpyAstCmpOp op;
    switch (mpy__p_type(p)) {
    case MPY_TOK_EQEQUAL: op = MPY_AST_EQ; break;
    case MPY_TOK_NOTEQUAL: op = MPY_AST_NOTEQ; break;
    case MPY_TOK_LESS: op = MPY_AST_LT; break;
    case MPY_TOK_LESSEQUAL: op = MPY_AST_LTE; break;
    case MPY_TOK_GREATER: op = MPY_AST_GT; break;
    case MPY_TOK_GREATEREQUAL: op = MPY_AST_GTE; break;
    case MPY_TOK_KW_IN: op = MPY_AST_IN; break;
    case MPY_TOK_KW_NOT:
        if (mpy__p_type_at(p, 1) != MPY_TOK_KW_IN)
            return 0;
        mpy__p_next(p);
        op = MPY_AST_NOTIN;
        break;
    case MPY_TOK_KW_IS:
        if (mpy__p_type_at(p, 1) == MPY_TOK_KW_NOT) {
            mpy__p_next(p);
            op = MPY_AST_ISNOT;
        } else {
            op = MPY_AST_IS;
        }
        break;
    default:
        return 0;
    }
    mpy__p_next(p);
    return op;
}

static MpyAstExpr *
comparison(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *left = mpy__p_bitwise_or(p);
    if (left == NULL)
        return NULL;
    int ops[64];
    int nops = 0;
    int mark = mpy__p_scratch_mark(p);
    MpyAstCmpOp op;
    MpyAstIntSeq *opseq = NULL;
    while ((op = compare_op(p)) != 0) {
        MpyAstExpr *right = mpy__p_bitwise_or(p);
        if (right == NULL || !mpy__p_push(p, right)) {
            p->nscratch = mark;
            return NULL;
        }
        if (nops == 64) {
            // Long chains: keep the operators in an arena sequence instead.
            MpyAstIntSeq *grown = mpy__ast_intseq_new(p->arena, (opseq ? opseq->size : 0) + 64);
            if (grown == NULL) {
                p->nscratch = mark;
                return mpy__p_alloc(p, (size_t)-1 / 2); // records MemoryError
            }
            grown->size = opseq ? opseq->size : 0;
            if (opseq)
                memcpy(grown->items, opseq->items, (size_t)opseq->size * sizeof(int));
            memcpy(grown->items + grown->size, ops, sizeof ops);
            grown->size += 64;
            opseq = grown;
            nops = 0;
        }
        ops[nops++] = (int)op;
    }
    if (p->nscratch == mark)
        return left;
    MpyAstSeq *comparators = mpy__p_seq_from(p, mark);
    ptrdiff_t before = opseq ? opseq->size : 0;
    MpyAstIntSeq *all = mpy__p_alloc(p, sizeof(MpyAstIntSeq) + (size_t)(before + nops) * sizeof(int));
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Compare, mpy__p_loc_join(left->loc, left->loc));
    if (comparators == NULL || all == NULL || e == NULL)
        return NULL;
    all->size = before + nops;
    if (opseq)
        memcpy(all->items, opseq->items, (size_t)before * sizeof(int));
    memcpy(all->items + before, ops, (size_t)nops * sizeof(int));
    e->loc = mpy__p_loc_from(p, &start);
    e->v.Compare.left = left;
    e->v.Compare.ops = all;
    e->v.Compare.comparators = comparators;
    return e;
}

/* inversion: 'not' inversion | comparison */
static MpyAstExpr *
inversion(MpyParser *p)
{
    if (!mpy__p_at(p, MPY_TOK_KW_NOT))
        return comparison(p);
    MpyToken kw = mpy__p_next(p);
    if (!mpy__p_enter(p))
        return NULL;
    MpyAstExpr *operand = inversion(p);
    mpy__p_leave(p);
    if (operand == NULL)
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_UnaryOp, mpy__p_loc_from(p, &kw));
    if (e != NULL) {
        e->v.UnaryOp.op = MPY_AST_NOT;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

/* conjunction / disjunction: operand (kw operand)* as one BoolOp. */
static MpyAstExpr *
bool_level(MpyParser *p, Level operand, int kw, MpyAstBoolOp op)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *first = operand(p);
    if (first == NULL || !mpy__p_at(p, kw))
        return first;
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, first))
        return NULL;
    MpyAstExpr *last;
    while (mpy__p_accept(p, kw)) {
        if ((last = operand(p)) == NULL || !mpy__p_push(p, last)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *values = mpy__p_seq_from(p, mark);
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_BoolOp, mpy__p_loc_from(p, &start));
    if (values == NULL || e == NULL)
        return NULL;
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = values;
    return e;
}

static MpyAstExpr *
conjunction(MpyParser *p)
{
    return bool_level(p, inversion, MPY_TOK_KW_AND, MPY_AST_AND);
}

MpyAstExpr *
mpy__p_disjunction(MpyParser *p)
{
    return bool_level(p, conjunction, MPY_TOK_KW_OR, MPY_AST_OR);
}

/* ------------------------------------------------------------------ */
/* expression, named_expression, star_expressions                       */

/* Inside brackets, `a b` is "invalid syntax. Perhaps you forgot a
 * comma?" (CPython's invalid_expression).  `first` is the index of a's
 * first token.  Records the error when it applies. */
static void
check_missing_comma(MpyParser *p, MpyAstExpr *a, int first)
{
    if (p->pos == 0 || p->tokens[p->pos - 1].level == 0 ||
        !mpy__p_can_start_expression(mpy__p_type(p)))
        return;
    MpyToken *ft = &p->tokens[first];
    if (ft->type == MPY_TOK_NAME &&
        (p->tokens[first + 1].type == MPY_TOK_STRING ||
         mpy__p_at_name(p, first - p->pos, "match") || mpy__p_at_name(p, first - p->pos, "case") ||
         mpy__p_at_name(p, first - p->pos, "_")))
        return;
    if (a->kind == MPY_AST_Name) {
        const char *id = mpy_str_utf8(a->v.Name.id);
        if (strcmp(id, "print") == 0 || strcmp(id, "exec") == 0)
            return;
    }
    int mark = mpy__p_mark(p);
    MpyAstExpr *b = mpy__p_expression(p);
    if (b == NULL) {
        mpy__p_reset(p, mark);
        return;
    }
    mpy__p_error_node(p, mpy__p_loc_join(a->loc, b->loc),
                      "invalid syntax. Perhaps you forgot a comma?");
}

MpyAstExpr *
mpy__p_expression(MpyParser *p)
{
    if (mpy__p_at(p, MPY_TOK_KW_LAMBDA))
        return mpy__p_lambda(p);
    if (!mpy__p_enter(p))
        return NULL;
    int first = p->pos;
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *body = mpy__p_disjunction(p), *e = body;
    if (body != NULL && mpy__p_at(p, MPY_TOK_KW_IF)) {
        mpy__p_next(p);
        MpyAstExpr *test = mpy__p_disjunction(p), *orelse = NULL;
        if (test != NULL) {
            if (!mpy__p_at(p, MPY_TOK_KW_ELSE)) {
                e = mpy__p_error_node(p, mpy__p_loc_join(body->loc, test->loc),
                                      "expected 'else' after 'if' expression");
            } else {
                mpy__p_next(p);
                orelse = mpy__p_expression(p);
            }
        }
        if (orelse == NULL)
            e = NULL;
        else if ((e = mpy__p_expr_new(p, MPY_AST_IfExp, mpy__p_loc_from(p, &start))) != NULL) {
            e->v.IfExp.test = test;
            e->v.IfExp.body = body;
            e->v.IfExp.orelse = orelse;
        }
    } else if (body != NULL) {
        check_missing_comma(p, body, first);
        if (p->error)
            e = NULL;
    }
    mpy__p_leave(p);
    return e;
}

/* `x = 1` where only an expression may stand (CPython's
 * invalid_named_expression).  Records the error when it applies. */
static void
check_assignment_in_expression(MpyParser *p, MpyAstExpr *a, const MpyToken *first)
{
    if (!mpy__p_at(p, MPY_TOK_EQUAL))
        return;
    int mark = mpy__p_mark(p);
    mpy__p_next(p);
    int t = mpy__p_type(p);
    bool starts = mpy__p_can_start_expression(t) && t != MPY_TOK_STAR && t != MPY_TOK_KW_NOT &&
                  t != MPY_TOK_KW_LAMBDA;
    MpyAstExpr *b = starts ? mpy__p_bitwise_or(p) : NULL;
    int after = mpy__p_type(p);
    if (b == NULL || after == MPY_TOK_EQUAL || after == MPY_TOK_COLONEQUAL) {
        mpy__p_reset(p, mark);
        return;
    }
    if (a->kind == MPY_AST_Name && first->type == MPY_TOK_NAME) {
        mpy__p_error_node(p, mpy__p_loc_join(a->loc, b->loc),
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return;
    }
    bool excluded = a->kind == MPY_AST_List || a->kind == MPY_AST_Tuple ||
                    a->kind == MPY_AST_GeneratorExp ||
                    first->type == MPY_TOK_KW_TRUE || first->type == MPY_TOK_KW_NONE ||
                    first->type == MPY_TOK_KW_FALSE;
    bool parenthesized = first->type == MPY_TOK_LPAR &&
                         (a->loc.lineno != first->lineno || a->loc.col_offset != first->col);
    bool plain = parenthesized || (a->kind != MPY_AST_Compare && a->kind != MPY_AST_BoolOp &&
                                   a->kind != MPY_AST_IfExp && a->kind != MPY_AST_Lambda &&
                                   !(a->kind == MPY_AST_UnaryOp && a->v.UnaryOp.op == MPY_AST_NOT));
    if (!excluded && plain) {
        mpy__p_error_node(p, a->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                          mpy__p_expr_name(a));
        return;
    }
    mpy__p_reset(p, mark);
}

/* named_expression: NAME ':=' expression | expression !':='
 * `check_eq`: report `=` used for `==` (not in call arguments, which
 * have their own message). */
MpyAstExpr *
mpy__p_named_expression_ex(MpyParser *p, bool check_eq)
{
    MpyToken first = *mpy__p_peek(p, 0);
    if (first.type == MPY_TOK_NAME && mpy__p_type_at(p, 1) == MPY_TOK_COLONEQUAL) {
        mpy__p_next(p);
        mpy__p_next(p);
        MpyAstExpr *value = mpy__p_expression(p);
        MpyObject *id = mpy__p_name_of(p, &first);
        MpyAstExpr *target = mpy__p_expr_new(p, MPY_AST_Name, mpy__p_tok_loc(&first));
        if (value == NULL || id == NULL || target == NULL)
            return NULL;
        target->v.Name.id = id;
        target->v.Name.ctx = MPY_AST_STORE;
        MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_NamedExpr, mpy__p_loc_from(p, &first));
        if (e != NULL) {
            e->v.NamedExpr.target = target;
            e->v.NamedExpr.value = value;
        }
        return e;
    }
    MpyAstExpr *e = mpy__p_expression(p);
    if (e == NULL)
        return NULL;
    if (mpy__p_at(p, MPY_TOK_COLONEQUAL)) {
        MpyToken t = *mpy__p_peek(p, 0);
        (void)t;
        return mpy__p_error_node(p, e->loc, "cannot use assignment expressions with %s",
                                 mpy__p_expr_name(e));
    }
    if (check_eq) {
        check_assignment_in_expression(p, e, &first);
        if (p->error)
            return NULL;
    }
    return e;
}

MpyAstExpr *
mpy__p_named_expression(MpyParser *p)
{
    return mpy__p_named_expression_ex(p, true);
}

/* star_named_expression: '*' bitwise_or | named_expression */
MpyAstExpr *
mpy__p_star_named_expression(MpyParser *p)
{
    if (!mpy__p_at(p, MPY_TOK_STAR))
        return mpy__p_named_expression(p);
    MpyToken star = mpy__p_next(p);
    MpyAstExpr *value = mpy__p_bitwise_or(p);
    return value ? mpy__p_starred(p, &star, value) : NULL;
}

/* star_expression: '*' bitwise_or | expression */
static MpyAstExpr *
star_expression(MpyParser *p)
{
    if (!mpy__p_at(p, MPY_TOK_STAR))
        return mpy__p_expression(p);
    MpyToken star = mpy__p_next(p);
    MpyAstExpr *value = mpy__p_bitwise_or(p);
    return value ? mpy__p_starred(p, &star, value) : NULL;
}

/* star_expressions: a single expression, or a Tuple when there is a comma. */
MpyAstExpr *
mpy__p_star_expressions(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *first = star_expression(p);
    if (first == NULL || !mpy__p_at(p, MPY_TOK_COMMA))
        return first;
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, first))
        return NULL;
    while (mpy__p_accept(p, MPY_TOK_COMMA)) {
        if (!mpy__p_can_start_expression(mpy__p_type(p)))
            break;
        MpyAstExpr *e = star_expression(p);
        if (e == NULL || !mpy__p_push(p, e)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *elts = mpy__p_seq_from(p, mark);
    return elts ? mpy__p_tuple(p, elts, mpy__p_loc_from(p, &start)) : NULL;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
MpyAstExpr *
mpy__p_yield_expr(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    if (mpy__p_accept(p, MPY_TOK_KW_FROM)) {
        MpyAstExpr *value = mpy__p_expression(p);
        MpyAstExpr *e = value ? mpy__p_expr_new(p, MPY_AST_YieldFrom, mpy__p_loc_from(p, &kw)) : NULL;
        if (e != NULL)
            e->v.YieldFrom.value = value;
        return e;
    }
    MpyAstExpr *value = NULL;
    if (mpy__p_can_start_expression(mpy__p_type(p)) && (value = mpy__p_star_expressions(p)) == NULL)
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Yield, mpy__p_loc_from(p, &kw));
    if (e != NULL)
        e->v.Yield.value = value;
    return e;
}

/* ------------------------------------------------------------------ */
/* Targets                                                              */

/* star_target: '*'? a target made of atoms and trailers. */
static MpyAstExpr *
star_target(MpyParser *p)
{
    if (!mpy__p_at(p, MPY_TOK_STAR))
        return mpy__p_bitwise_or(p);
    MpyToken star = mpy__p_next(p);
    if (!mpy__p_enter(p))
        return NULL;
    MpyAstExpr *value = star_target(p);
    mpy__p_leave(p);
    return value ? mpy__p_starred(p, &star, value) : NULL;
}

MpyAstExpr *
mpy__p_star_targets(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *first = star_target(p), *target = first;
    if (first != NULL && mpy__p_at(p, MPY_TOK_COMMA)) {
        int mark = mpy__p_scratch_mark(p);
        if (!mpy__p_push(p, first))
            return NULL;
        while (mpy__p_accept(p, MPY_TOK_COMMA)) {
            if (!mpy__p_can_start_expression(mpy__p_type(p)))
                break;
            MpyAstExpr *e = star_target(p);
            if (e == NULL || !mpy__p_push(p, e)) {
                p->nscratch = mark;
                return NULL;
            }
        }
        MpyAstSeq *elts = mpy__p_seq_from(p, mark);
        target = elts ? mpy__p_tuple(p, elts, mpy__p_loc_from(p, &start)) : NULL;
    }
    if (target == NULL || !mpy__p_set_context(p, target, MPY_AST_STORE))
        return NULL;
    return target;
}
