/* vm/parser_stmt.c: statements and blocks.
 *
 * Models the statement rules of CPython 3.11's Grammar/python.gram (the
 * "STATEMENTS" and "COMPOUND STATEMENTS" sections) as a recursive descent
 * parser: one function per rule, each consuming tokens and returning a
 * node, or NULL with the error recorded in the parser (see vm/parser.h).
 *
 * Positions: a statement starts at its first keyword (a decorated def
 * starts at `def`, as in CPython); a simple statement ends with its last
 * token, a compound one with the last token of its last block that is not
 * NEWLINE/INDENT/DEDENT (mpy__p_compound_loc).
 */
#include "vm/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* Blocks                                                               */

static bool statement(MpyParser *p);

/* Statements until DEDENT (or ENDMARKER at the top). */
MpyAstSeq *
mpy__p_statements(MpyParser *p, int until)
{
    int mark = mpy__p_scratch_mark(p);
    while (!p->error && mpy__p_type(p) != until) {
        if (mpy__p_at(p, MPY_TOK_ENDMARKER) && until == MPY_TOK_DEDENT)
            break;
        mpy__p_compact_tokens(p);
        if (!statement(p))
            break;
    }
    if (p->error) {
        p->nscratch = mark;
        return NULL;
    }
    return mpy__p_seq_from(p, mark);
}

MpyAstSeq *
mpy__p_block(MpyParser *p, const char *what, int header_lineno)
{
    if (!mpy__p_at(p, MPY_TOK_NEWLINE)) {
        // block: simple_stmts on the same line as the ':'
        int mark = mpy__p_scratch_mark(p);
        if (!statement(p)) {
            p->nscratch = mark;
            return NULL;
        }
        return mpy__p_seq_from(p, mark);
    }
    mpy__p_next(p);
    if (!mpy__p_at(p, MPY_TOK_INDENT)) {
        MpyToken t = *mpy__p_peek(p, 0);
        if (p->error)
            return NULL;
        if (t.type == MPY_TOK_ENDMARKER) {
            // At the end of the input CPython reports how far it read, with
            // an unknown end; the REPL asks for the block.
            const char *line = t.start - t.col;
            mpy__tok_set_error(&p->err, MPY_TOKERR_INDENT, line, t.lineno,
                               mpy__utf8_count(line, t.col), t.lineno, -1,
                               "expected an indented block after %s on line %d", what,
                               header_lineno);
            p->error = true;
            p->err.incomplete = true;
            return NULL;
        }
        mpy__p_error_at(p, MPY_TOKERR_INDENT, t.lineno, t.col, t.end_lineno, t.end_col,
                        "expected an indented block after %s on line %d", what, header_lineno);
        return NULL;
    }
    mpy__p_next(p);
    MpyAstSeq *body = mpy__p_statements(p, MPY_TOK_DEDENT);
    if (body == NULL)
        return NULL;
    if (!mpy__p_accept(p, MPY_TOK_DEDENT) && !mpy__p_at(p, MPY_TOK_ENDMARKER))
        return mpy__p_invalid_syntax(p);
    return body;
}

/* `':'` after a statement header.  CPython says "expected ':'" when the
 * line ends there (or always, for the headers whose grammar forces it). */
static bool
expect_colon(MpyParser *p, bool forced)
{
    if (mpy__p_accept(p, MPY_TOK_COLON))
        return true;
    MpyToken t = *mpy__p_peek(p, 0);
    if (forced || t.type == MPY_TOK_NEWLINE)
        mpy__p_error_tok(p, &t, "expected ':'");
    else
        mpy__p_invalid_syntax(p);
    return false;
}

/* ------------------------------------------------------------------ */
/* Simple statements                                                    */

static bool
is_augassign(int type, MpyAstOperator *op)
{
    static const struct { int tok; MpyAstOperator op; } ops[] = {
        {MPY_TOK_PLUSEQUAL, MPY_AST_ADD},       {MPY_TOK_MINEQUAL, MPY_AST_SUB},
        {MPY_TOK_STAREQUAL, MPY_AST_MULT},      {MPY_TOK_ATEQUAL, MPY_AST_MATMULT},
        {MPY_TOK_SLASHEQUAL, MPY_AST_DIV},      {MPY_TOK_PERCENTEQUAL, MPY_AST_MOD},
        {MPY_TOK_AMPEREQUAL, MPY_AST_BITAND},   {MPY_TOK_VBAREQUAL, MPY_AST_BITOR},
        {MPY_TOK_CIRCUMFLEXEQUAL, MPY_AST_BITXOR}, {MPY_TOK_LEFTSHIFTEQUAL, MPY_AST_LSHIFT},
        {MPY_TOK_RIGHTSHIFTEQUAL, MPY_AST_RSHIFT}, {MPY_TOK_DOUBLESTAREQUAL, MPY_AST_POW},
        {MPY_TOK_DOUBLESLASHEQUAL, MPY_AST_FLOORDIV},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].tok == type) {
            *op = ops[i].op;
            return true;
        }
    }
    return false;
}

/* The right-hand side of an assignment: yield_expr | star_expressions. */
static MpyAstExpr *
assignment_value(MpyParser *p)
{
    if (mpy__p_at(p, MPY_TOK_KW_YIELD))
        return mpy__p_yield_expr(p);
    return mpy__p_star_expressions(p);
}

/* Could this expression have come from a bare bitwise_or (the left side of
 * CPython's invalid_named_expression rule)? */
static bool
is_bitwise_or_level(const MpyAstExpr *e, const MpyToken *first)
{
    bool parenthesized = first->type == MPY_TOK_LPAR &&
                         (e->loc.lineno != first->lineno || e->loc.col_offset != first->col);
    if (parenthesized)
        return true;
    switch (e->kind) {
    case MPY_AST_Compare:
    case MPY_AST_BoolOp:
    case MPY_AST_IfExp:
    case MPY_AST_Lambda:
    case MPY_AST_NamedExpr:
    case MPY_AST_Starred:
    case MPY_AST_Yield:
    case MPY_AST_YieldFrom:
    case MPY_AST_Tuple:
        return false;
    case MPY_AST_UnaryOp:
        return e->v.UnaryOp.op != MPY_AST_NOT;
    default:
        return true;
    }
}

/* A target that cannot be assigned to, in `target = value`. */
static void *
invalid_assignment(MpyParser *p, MpyAstExpr *target, const MpyToken *first, bool single_eq,
                   bool value_ok)
{
    MpyAstExpr *bad = mpy__p_invalid_target(target, MPY_AST_STORE);
    if (bad == NULL)
        return NULL;
    bool excluded = target->kind == MPY_AST_List || target->kind == MPY_AST_Tuple ||
                    target->kind == MPY_AST_GeneratorExp ||
                    (target->kind == MPY_AST_Constant &&
                     (target->v.Constant.value == MPY_NONE || target->v.Constant.value == MPY_TRUE ||
                      target->v.Constant.value == MPY_FALSE));
    if (single_eq && value_ok && !excluded && is_bitwise_or_level(target, first))
        return mpy__p_error_node(p, target->loc,
                                 "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                 mpy__p_expr_name(target));
    if (bad->kind == MPY_AST_Yield || bad->kind == MPY_AST_YieldFrom)
        return mpy__p_error_node(p, bad->loc, "assignment to yield expression not possible");
    return mpy__p_error_node(p, bad->loc, "cannot assign to %s", mpy__p_expr_name(bad));
}

static MpyAstStmt *
annotated_assignment(MpyParser *p, MpyAstExpr *target, const MpyToken *first)
{
    MpyAstLoc start = mpy__p_tok_loc(first);
    int simple = 0;
    if (target->kind == MPY_AST_Name)
        simple = first->type != MPY_TOK_LPAR;
    else if (target->kind == MPY_AST_Tuple || target->kind == MPY_AST_List) {
        // `a, b: int` blames `a`; `(a, b): int` the whole parenthesized tuple.
        MpyAstLoc at = target->loc;
        if (target->kind == MPY_AST_Tuple && first->type != MPY_TOK_LPAR)
            at = ((MpyAstExpr *)target->v.Tuple.elts->items[0])->loc;
        return mpy__p_error_node(p, at, "only single target (not %s) can be annotated",
                                 target->kind == MPY_AST_Tuple ? "tuple" : "list");
    }
    else if (target->kind != MPY_AST_Attribute && target->kind != MPY_AST_Subscript)
        return mpy__p_error_node(p, target->loc, "illegal target for annotation");
    mpy__p_next(p); // ':'
    MpyAstExpr *annotation = mpy__p_expression(p);
    if (annotation == NULL)
        return NULL;
    MpyAstExpr *value = NULL;
    if (mpy__p_accept(p, MPY_TOK_EQUAL)) {
        value = assignment_value(p);
        if (value == NULL)
            return NULL;
    }
    if (!mpy__p_set_context(p, target, MPY_AST_STORE))
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_AnnAssign, mpy__p_loc_span(p, start));
    if (s != NULL) {
        s->v.AnnAssign.target = target;
        s->v.AnnAssign.annotation = annotation;
        s->v.AnnAssign.value = value;
        s->v.AnnAssign.simple = simple;
    }
    return s;
}

/* `print "x"` and `exec "code"`: Python 2 statements. */
static void *
legacy_statement(MpyParser *p, MpyAstExpr *e)
{
    if (e->kind != MPY_AST_Name)
        return NULL;
    const char *id = mpy_str_utf8(e->v.Name.id);
    if (strcmp(id, "print") != 0 && strcmp(id, "exec") != 0)
        return NULL;
    int t = mpy__p_type(p);
    if (t == MPY_TOK_LPAR || t == MPY_TOK_NEWLINE || t == MPY_TOK_SEMI)
        return NULL;
    int mark = mpy__p_mark(p);
    MpyAstExpr *b = mpy__p_star_expressions(p);
    if (b == NULL) {
        mpy__p_reset(p, mark);
        return NULL;
    }
    return mpy__p_error_node(p, mpy__p_loc_join(e->loc, b->loc),
                             "Missing parentheses in call to '%s'. Did you mean %s(...)?", id, id);
}

/* assignment | star_expressions: the statements that start with an
 * expression. */
static MpyAstStmt *
expression_statement(MpyParser *p)
{
    MpyToken first = *mpy__p_peek(p, 0);
    MpyAstExpr *e = assignment_value(p);
    if (e == NULL)
        return NULL;
    int t = mpy__p_type(p);
    MpyAstOperator op;
    if (t == MPY_TOK_COLON)
        return annotated_assignment(p, e, &first);
    // `obj.a := 1` as a statement: CPython names the target (a bare
    // `x := 1` stays "invalid syntax").
    if (t == MPY_TOK_COLONEQUAL && e->kind != MPY_AST_Name &&
        (e->kind != MPY_AST_Tuple || first.type == MPY_TOK_LPAR))
        return mpy__p_error_node(p, e->loc, "cannot use assignment expressions with %s",
                                 mpy__p_expr_name(e));
    if (is_augassign(t, &op)) {
        if (e->kind != MPY_AST_Name && e->kind != MPY_AST_Attribute &&
            e->kind != MPY_AST_Subscript)
            return mpy__p_error_node(p, e->loc,
                                     "'%s' is an illegal expression for augmented assignment",
                                     mpy__p_expr_name(e));
        mpy__p_next(p);
        MpyAstExpr *value = assignment_value(p);
        if (value == NULL || !mpy__p_set_context(p, e, MPY_AST_STORE))
            return NULL;
        MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_AugAssign, mpy__p_loc_from(p, &first));
        if (s != NULL) {
            s->v.AugAssign.target = e;
            s->v.AugAssign.op = op;
            s->v.AugAssign.value = value;
        }
        return s;
    }
    if (t == MPY_TOK_EQUAL) {
        int mark = mpy__p_scratch_mark(p);
        MpyAstExpr *value = e;
        int neq = 0;
        while (mpy__p_accept(p, MPY_TOK_EQUAL)) {
            neq++;
            if (!mpy__p_push(p, value))
                return NULL;
            int vt = mpy__p_type(p);
            value = assignment_value(p);
            if (value == NULL) {
                p->nscratch = mark;
                return NULL;
            }
            (void)vt;
        }
        bool value_ok = mpy__p_type(p) != MPY_TOK_COLONEQUAL;
        for (int i = mark; i < p->nscratch; i++) {
            MpyAstExpr *target = p->scratch[i];
            if (mpy__p_invalid_target(target, MPY_AST_STORE) != NULL) {
                // The "here. Maybe you meant '=='" form needs the first
                // target, one '=' and a plain value.
                bool plain = value->kind != MPY_AST_Starred && value->kind != MPY_AST_Yield &&
                             value->kind != MPY_AST_YieldFrom && value->kind != MPY_AST_Lambda;
                invalid_assignment(p, target, &first, neq == 1, value_ok && plain);
                p->nscratch = mark;
                return NULL;
            }
            mpy__p_set_context(p, target, MPY_AST_STORE);
        }
        MpyAstSeq *targets = mpy__p_seq_from(p, mark);
        MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Assign, mpy__p_loc_from(p, &first));
        if (s != NULL) {
            s->v.Assign.targets = targets;
            s->v.Assign.value = value;
        }
        return s;
    }
    if (t != MPY_TOK_NEWLINE && t != MPY_TOK_SEMI) {
        legacy_statement(p, e);
        return mpy__p_invalid_syntax(p);
    }
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Expr, mpy__p_loc_from(p, &first));
    if (s != NULL)
        s->v.Expr.value = e;
    return s;
}

static MpyAstStmt *
return_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    MpyAstExpr *value = NULL;
    int t = mpy__p_type(p);
    if (t != MPY_TOK_NEWLINE && t != MPY_TOK_SEMI) {
        value = mpy__p_star_expressions(p);
        if (value == NULL)
            return NULL;
    }
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Return, mpy__p_loc_from(p, &kw));
    if (s != NULL)
        s->v.Return.value = value;
    return s;
}

static MpyAstStmt *
raise_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    MpyAstExpr *exc = NULL, *cause = NULL;
    int t = mpy__p_type(p);
    if (t != MPY_TOK_NEWLINE && t != MPY_TOK_SEMI) {
        exc = mpy__p_expression(p);
        if (exc == NULL)
            return NULL;
        if (mpy__p_accept(p, MPY_TOK_KW_FROM) && (cause = mpy__p_expression(p)) == NULL)
            return NULL;
    }
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Raise, mpy__p_loc_from(p, &kw));
    if (s != NULL) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

static MpyAstStmt *
del_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    do {
        int t = mpy__p_type(p);
        if (t == MPY_TOK_NEWLINE || t == MPY_TOK_SEMI)
            break;
        MpyAstExpr *e = mpy__p_star_named_expression(p);
        if (e == NULL || !mpy__p_push(p, e)) {
            p->nscratch = mark;
            return NULL;
        }
    } while (mpy__p_accept(p, MPY_TOK_COMMA));
    if (p->nscratch == mark) {
        p->nscratch = mark;
        return mpy__p_invalid_syntax(p);
    }
    for (int i = mark; i < p->nscratch; i++) {
        if (!mpy__p_set_context(p, p->scratch[i], MPY_AST_DEL)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *targets = mpy__p_seq_from(p, mark);
    int t = mpy__p_type(p);
    if (t != MPY_TOK_NEWLINE && t != MPY_TOK_SEMI)
        return mpy__p_invalid_syntax(p);
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Delete, mpy__p_loc_from(p, &kw));
    if (s != NULL)
        s->v.Delete.targets = targets;
    return s;
}

static MpyAstStmt *
global_stmt(MpyParser *p, MpyAstStmtKind kind)
{
    MpyToken kw = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    do {
        MpyToken name = *mpy__p_peek(p, 0);
        if (name.type != MPY_TOK_NAME) {
            p->nscratch = mark;
            return mpy__p_invalid_syntax(p);
        }
        mpy__p_next(p);
        MpyObject *id = mpy__p_name_of(p, &name);
        if (id == NULL || !mpy__p_push(p, id)) {
            p->nscratch = mark;
            return NULL;
        }
    } while (mpy__p_accept(p, MPY_TOK_COMMA));
    MpyAstSeq *names = mpy__p_seq_from(p, mark);
    MpyAstStmt *s = mpy__p_stmt_new(p, kind, mpy__p_loc_from(p, &kw));
    if (s != NULL)
        s->v.Global.names = names; // Nonlocal has the same layout
    return s;
}

static MpyAstStmt *
assert_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    MpyAstExpr *test = mpy__p_expression(p), *msg = NULL;
    if (test == NULL)
        return NULL;
    if (mpy__p_accept(p, MPY_TOK_COMMA) && (msg = mpy__p_expression(p)) == NULL)
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Assert, mpy__p_loc_from(p, &kw));
    if (s != NULL) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

/* A dotted name `a.b.c` as one identifier. */
static MpyObject *
dotted_name(MpyParser *p)
{
    MpyToken first = *mpy__p_peek(p, 0);
    if (first.type != MPY_TOK_NAME)
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    if (!mpy__p_at(p, MPY_TOK_DOT))
        return mpy__p_name_of(p, &first);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int rc = mpy_sb_append(&sb, first.start, (size_t)first.len);
    while (rc == 0 && mpy__p_at(p, MPY_TOK_DOT)) {
        mpy__p_next(p);
        MpyToken part = *mpy__p_peek(p, 0);
        if (part.type != MPY_TOK_NAME) {
            mpy_sb_discard(&sb);
            return mpy__p_invalid_syntax(p);
        }
        mpy__p_next(p);
        rc = mpy_sb_append(&sb, ".", 1);
        if (rc == 0)
            rc = mpy_sb_append(&sb, part.start, (size_t)part.len);
    }
    if (rc < 0) {
        mpy_sb_discard(&sb);
        return mpy__p_keep(p, NULL);
    }
    MpyObject *s = mpy_sb_finish(&sb);
    if (s == NULL)
        return mpy__p_keep(p, NULL);
    return mpy__p_keep(p, mpy_str_intern_take(s));
}

/* NAME ['as' NAME], or a dotted name for `import`. */
static MpyAstAlias *
alias(MpyParser *p, bool dotted)
{
    MpyToken first = *mpy__p_peek(p, 0);
    MpyObject *name;
    if (dotted) {
        name = dotted_name(p);
    } else if (first.type == MPY_TOK_NAME) {
        mpy__p_next(p);
        name = mpy__p_name_of(p, &first);
    } else {
        return mpy__p_invalid_syntax(p);
    }
    if (name == NULL)
        return NULL;
    MpyObject *asname = NULL;
    if (mpy__p_accept(p, MPY_TOK_KW_AS)) {
        MpyToken as = *mpy__p_peek(p, 0);
        if (as.type != MPY_TOK_NAME)
            return mpy__p_invalid_syntax(p);
        mpy__p_next(p);
        if ((asname = mpy__p_name_of(p, &as)) == NULL)
            return NULL;
    }
    MpyAstAlias *a = mpy__p_alloc(p, sizeof *a);
    if (a != NULL) {
        a->name = name;
        a->asname = asname;
        a->loc = mpy__p_loc_from(p, &first);
    }
    return a;
}

static MpyAstStmt *
import_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    do {
        MpyAstAlias *a = alias(p, true);
        if (a == NULL || !mpy__p_push(p, a)) {
            p->nscratch = mark;
            return NULL;
        }
    } while (mpy__p_accept(p, MPY_TOK_COMMA));
    MpyAstSeq *names = mpy__p_seq_from(p, mark);
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Import, mpy__p_loc_from(p, &kw));
    if (s != NULL)
        s->v.Import.names = names;
    return s;
}

static MpyAstStmt *
from_import_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    int level = 0;
    for (;;) {
        if (mpy__p_accept(p, MPY_TOK_DOT))
            level++;
        else if (mpy__p_accept(p, MPY_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    MpyObject *module = NULL;
    if (!mpy__p_at(p, MPY_TOK_KW_IMPORT) || level == 0) {
        if ((module = dotted_name(p)) == NULL)
            return NULL;
    }
    if (!mpy__p_expect(p, MPY_TOK_KW_IMPORT, NULL))
        return NULL;
    int mark = mpy__p_scratch_mark(p);
    if (mpy__p_at(p, MPY_TOK_STAR)) {
        MpyToken star = mpy__p_next(p);
        MpyAstAlias *a = mpy__p_alloc(p, sizeof *a);
        if (a == NULL)
            return NULL;
        a->name = mpy__p_identifier(p, "*", 1);
        a->loc = mpy__p_tok_loc(&star);
        if (!mpy__p_push(p, a))
            return NULL;
    } else {
        bool parens = mpy__p_accept(p, MPY_TOK_LPAR);
        do {
            if (parens && mpy__p_at(p, MPY_TOK_RPAR) && p->nscratch > mark)
                break;
            if (!parens && p->nscratch > mark &&
                (mpy__p_at(p, MPY_TOK_NEWLINE) || mpy__p_at(p, MPY_TOK_SEMI))) {
                p->nscratch = mark;
                return mpy__p_error_tok(p, mpy__p_peek(p, 0),
                                        "trailing comma not allowed without surrounding "
                                        "parentheses");
            }
            MpyAstAlias *a = alias(p, false);
            if (a == NULL || !mpy__p_push(p, a)) {
                p->nscratch = mark;
                return NULL;
            }
        } while (mpy__p_accept(p, MPY_TOK_COMMA));
        if (parens && !mpy__p_expect(p, MPY_TOK_RPAR, NULL)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *names = mpy__p_seq_from(p, mark);
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_ImportFrom, mpy__p_loc_from(p, &kw));
    if (s != NULL) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names = names;
        s->v.ImportFrom.level = level;
    }
    return s;
}

static MpyAstStmt *
simple_stmt(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    MpyAstStmtKind kind;
    switch (t.type) {
    case MPY_TOK_KW_RETURN: return return_stmt(p);
    case MPY_TOK_KW_RAISE: return raise_stmt(p);
    case MPY_TOK_KW_DEL: return del_stmt(p);
    case MPY_TOK_KW_GLOBAL: return global_stmt(p, MPY_AST_Global);
    case MPY_TOK_KW_NONLOCAL: return global_stmt(p, MPY_AST_Nonlocal);
    case MPY_TOK_KW_ASSERT: return assert_stmt(p);
    case MPY_TOK_KW_IMPORT: return import_stmt(p);
    case MPY_TOK_KW_FROM: return from_import_stmt(p);
    case MPY_TOK_KW_PASS: kind = MPY_AST_Pass; break;
    case MPY_TOK_KW_BREAK: kind = MPY_AST_Break; break;
    case MPY_TOK_KW_CONTINUE: kind = MPY_AST_Continue; break;
    default: return expression_statement(p);
    }
    mpy__p_next(p);
    return mpy__p_stmt_new(p, kind, mpy__p_tok_loc(&t));
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE, each pushed. */
static bool
simple_stmts(MpyParser *p)
{
    do {
        if (mpy__p_at(p, MPY_TOK_NEWLINE))
            break; // a trailing ';'
        MpyAstStmt *s = simple_stmt(p);
        if (s == NULL || !mpy__p_push(p, s))
            return false;
    } while (mpy__p_accept(p, MPY_TOK_SEMI));
    if (!mpy__p_accept(p, MPY_TOK_NEWLINE)) {
        mpy__p_invalid_syntax(p);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Compound statements                                                  */

static MpyAstStmt *
if_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p); // 'if' or 'elif'
    MpyAstExpr *test = mpy__p_named_expression(p);
    if (test == NULL || !expect_colon(p, false))
        return NULL;
    const char *what = kw.type == MPY_TOK_KW_IF ? "'if' statement" : "'elif' statement";
    MpyAstSeq *body = mpy__p_block(p, what, kw.lineno);
    if (body == NULL)
        return NULL;
    MpyAstSeq *orelse = NULL;
    if (mpy__p_at(p, MPY_TOK_KW_ELIF)) {
        MpyAstStmt *elif = if_stmt(p);
        if (elif == NULL || (orelse = mpy__p_seq1(p, elif)) == NULL)
            return NULL;
    } else if (mpy__p_at(p, MPY_TOK_KW_ELSE)) {
        MpyToken else_kw = mpy__p_next(p);
        if (!expect_colon(p, true) ||
            (orelse = mpy__p_block(p, "'else' statement", else_kw.lineno)) == NULL)
            return NULL;
    }
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_If,
                                    mpy__p_compound_loc(p, &kw));
    if (s != NULL) {
        s->v.If.test = test;
        s->v.If.body = body;
        s->v.If.orelse = orelse;
    }
    return s;
}

/* [else: block] after a loop (or try). */
static bool
else_block(MpyParser *p, MpyAstSeq **orelse)
{
    *orelse = NULL;
    if (!mpy__p_at(p, MPY_TOK_KW_ELSE))
        return true;
    MpyToken kw = mpy__p_next(p);
    if (!expect_colon(p, true))
        return false;
    *orelse = mpy__p_block(p, "'else' statement", kw.lineno);
    return *orelse != NULL;
}

static MpyAstStmt *
while_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    MpyAstExpr *test = mpy__p_named_expression(p);
    if (test == NULL || !expect_colon(p, false))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "'while' statement", kw.lineno), *orelse;
    if (body == NULL || !else_block(p, &orelse))
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_While,
                                    mpy__p_compound_loc(p, &kw));
    if (s != NULL) {
        s->v.While.test = test;
        s->v.While.body = body;
        s->v.While.orelse = orelse;
    }
    return s;
}

static MpyAstStmt *
for_stmt(MpyParser *p, const MpyToken *async_kw)
{
    MpyToken kw = mpy__p_next(p);
    MpyAstExpr *target = mpy__p_star_targets(p);
    if (target == NULL)
        return NULL;
    if (!mpy__p_expect(p, MPY_TOK_KW_IN, NULL))
        return NULL;
    MpyAstExpr *iter = mpy__p_star_expressions(p);
    // 3.11's for_stmt does not force the ':' ("for x in a b:" is invalid syntax).
    if (iter == NULL || !expect_colon(p, false))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "'for' statement", kw.lineno), *orelse;
    if (body == NULL || !else_block(p, &orelse))
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, async_kw ? MPY_AST_AsyncFor : MPY_AST_For,
                                    mpy__p_compound_loc(p, async_kw ? (MpyToken *)async_kw : &kw));
    if (s != NULL) {
        s->v.For.target = target;
        s->v.For.iter = iter;
        s->v.For.body = body;
        s->v.For.orelse = orelse;
    }
    return s;
}

/* with_item: expression ['as' star_target] */
static MpyAstWithItem *
with_item(MpyParser *p)
{
    MpyAstExpr *ctx = mpy__p_expression(p), *vars = NULL;
    if (ctx == NULL)
        return NULL;
    if (mpy__p_accept(p, MPY_TOK_KW_AS)) {
        bool star = mpy__p_at(p, MPY_TOK_STAR);
        MpyToken st = *mpy__p_peek(p, 0);
        if (star)
            mpy__p_next(p);
        vars = mpy__p_bitwise_or(p);
        if (vars == NULL)
            return NULL;
        if (star) {
            MpyAstExpr *s = mpy__p_expr_new(p, MPY_AST_Starred, mpy__p_loc_from(p, &st));
            if (s == NULL)
                return NULL;
            s->v.Starred.value = vars;
            vars = s;
        }
        int t = mpy__p_type(p);
        if (t != MPY_TOK_COMMA && t != MPY_TOK_RPAR && t != MPY_TOK_COLON)
            return mpy__p_invalid_syntax(p);
        if (!mpy__p_set_context(p, vars, MPY_AST_STORE))
            return NULL;
    }
    MpyAstWithItem *item = mpy__p_alloc(p, sizeof *item);
    if (item != NULL) {
        item->context_expr = ctx;
        item->optional_vars = vars;
    }
    return item;
}

/* The items of a with statement, pushed; `parens`: inside '(' ... ')'. */
static bool
with_items(MpyParser *p, bool parens)
{
    do {
        if (parens && mpy__p_at(p, MPY_TOK_RPAR))
            break;
        MpyAstWithItem *item = with_item(p);
        if (item == NULL || !mpy__p_push(p, item))
            return false;
    } while (mpy__p_accept(p, MPY_TOK_COMMA));
    return true;
}

static MpyAstStmt *
with_stmt(MpyParser *p, const MpyToken *async_kw)
{
    MpyToken kw = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    bool done = false;
    if (mpy__p_at(p, MPY_TOK_LPAR)) {
        // with (a as b, c as d): -- try it; fall back to `(a, b)` being
        // one expression.
        int pos = mpy__p_mark(p);
        mpy__p_next(p);
        done = with_items(p, true) && mpy__p_accept(p, MPY_TOK_RPAR) &&
               mpy__p_at(p, MPY_TOK_COLON);
        if (!done) {
            p->nscratch = mark;
            if (!mpy__p_reset(p, pos))
                return NULL;
        }
    }
    if (!done && !with_items(p, false)) {
        p->nscratch = mark;
        return NULL;
    }
    MpyAstSeq *items = mpy__p_seq_from(p, mark);
    if (items == NULL || !expect_colon(p, false))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "'with' statement", kw.lineno);
    if (body == NULL)
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, async_kw ? MPY_AST_AsyncWith : MPY_AST_With,
                                    mpy__p_compound_loc(p, async_kw ? (MpyToken *)async_kw : &kw));
    if (s != NULL) {
        s->v.With.items = items;
        s->v.With.body = body;
    }
    return s;
}

static MpyAstExceptHandler *
except_block(MpyParser *p, bool *star)
{
    MpyToken kw = mpy__p_next(p);
    bool is_star = mpy__p_accept(p, MPY_TOK_STAR);
    MpyAstExpr *type = NULL;
    MpyObject *name = NULL;
    if (!mpy__p_at(p, MPY_TOK_COLON) || is_star) {
        if ((type = mpy__p_expression(p)) == NULL)
            return NULL;
        if (mpy__p_at(p, MPY_TOK_COMMA)) {
            // except A, B:
            int mark = mpy__p_mark(p);
            mpy__p_next(p);
            MpyAstExpr *more = mpy__p_expression(p);
            if (more != NULL && mpy__p_at(p, MPY_TOK_COMMA)) {
                while (mpy__p_accept(p, MPY_TOK_COMMA) && (more = mpy__p_expression(p)) != NULL)
                    ;
            }
            if (more != NULL && (mpy__p_at(p, MPY_TOK_COLON) || mpy__p_at(p, MPY_TOK_KW_AS)))
                return mpy__p_error_node(p, mpy__p_loc_join(type->loc, more->loc),
                                         "multiple exception types must be parenthesized");
            if (!mpy__p_reset(p, mark))
                return NULL;
            return mpy__p_invalid_syntax(p);
        }
        if (mpy__p_accept(p, MPY_TOK_KW_AS)) {
            MpyToken n = *mpy__p_peek(p, 0);
            if (n.type != MPY_TOK_NAME)
                return mpy__p_invalid_syntax(p);
            mpy__p_next(p);
            if ((name = mpy__p_name_of(p, &n)) == NULL)
                return NULL;
        }
    }
    if (!expect_colon(p, false))
        return NULL;
    MpyAstSeq *body =
        mpy__p_block(p, is_star ? "'except*' statement" : "'except' statement", kw.lineno);
    if (body == NULL)
        return NULL;
    *star = is_star;
    MpyAstExceptHandler *h = mpy__p_alloc(p, sizeof *h);
    if (h != NULL) {
        h->type = type;
        h->name = name;
        h->body = body;
        h->loc = mpy__p_compound_loc(p, &kw);
    }
    return h;
}

static MpyAstStmt *
try_stmt(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    if (!expect_colon(p, true))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "'try' statement", kw.lineno);
    if (body == NULL)
        return NULL;
    int mark = mpy__p_scratch_mark(p);
    int nstar = 0;
    while (mpy__p_at(p, MPY_TOK_KW_EXCEPT)) {
        bool star = false;
        MpyToken ex = *mpy__p_peek(p, 0);
        MpyAstExceptHandler *h = except_block(p, &star);
        if (h == NULL || !mpy__p_push(p, h)) {
            p->nscratch = mark;
            return NULL;
        }
        nstar += star;
        if (nstar != 0 && nstar != p->nscratch - mark) {
            p->nscratch = mark;
            return mpy__p_error_tok(p, &ex,
                                    "cannot have both 'except' and 'except*' on the same 'try'");
        }
    }
    MpyAstSeq *handlers = mpy__p_seq_from(p, mark), *orelse = NULL, *finalbody = NULL;
    if (handlers == NULL)
        return NULL;
    if (handlers->size > 0 && !else_block(p, &orelse))
        return NULL;
    if (mpy__p_at(p, MPY_TOK_KW_FINALLY)) {
        MpyToken fk = mpy__p_next(p);
        if (!expect_colon(p, true) ||
            (finalbody = mpy__p_block(p, "'finally' statement", fk.lineno)) == NULL)
            return NULL;
    }
    if (handlers->size == 0 && finalbody == NULL) {
        MpyToken t = *mpy__p_peek(p, 0);
        return mpy__p_error_tok(p, &t, "expected 'except' or 'finally' block");
    }
    MpyAstStmt *s = mpy__p_stmt_new(p, nstar ? MPY_AST_TryStar : MPY_AST_Try, mpy__p_compound_loc(p, &kw));
    if (s != NULL) {
        s->v.Try.body = body;
        s->v.Try.handlers = handlers;
        s->v.Try.orelse = orelse;
        s->v.Try.finalbody = finalbody;
    }
    return s;
}

static MpyAstStmt *
function_def(MpyParser *p, MpyAstSeq *decorators, const MpyToken *async_kw)
{
    MpyToken kw = mpy__p_next(p);
    MpyToken name = *mpy__p_peek(p, 0);
    if (name.type != MPY_TOK_NAME)
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    if (!mpy__p_expect(p, MPY_TOK_LPAR, "expected '('"))
        return NULL;
    MpyAstArguments *args = mpy__p_parameters(p, false, MPY_TOK_RPAR);
    if (args == NULL || !mpy__p_expect(p, MPY_TOK_RPAR, NULL))
        return NULL;
    MpyAstExpr *returns = NULL;
    if (mpy__p_accept(p, MPY_TOK_RARROW) && (returns = mpy__p_expression(p)) == NULL)
        return NULL;
    if (!expect_colon(p, true))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "function definition", kw.lineno);
    if (body == NULL)
        return NULL;
    MpyObject *id = mpy__p_name_of(p, &name);
    MpyAstStmt *s = mpy__p_stmt_new(p, async_kw ? MPY_AST_AsyncFunctionDef : MPY_AST_FunctionDef,
                                    mpy__p_compound_loc(p, async_kw ? (MpyToken *)async_kw : &kw));
    if (s != NULL && id != NULL) {
        s->v.FunctionDef.name = id;
        s->v.FunctionDef.args = args;
        s->v.FunctionDef.body = body;
        s->v.FunctionDef.decorator_list = decorators;
        s->v.FunctionDef.returns = returns;
    }
    return id ? s : NULL;
}

static MpyAstStmt *
class_def(MpyParser *p, MpyAstSeq *decorators)
{
    MpyToken kw = mpy__p_next(p);
    MpyToken name = *mpy__p_peek(p, 0);
    if (name.type != MPY_TOK_NAME)
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    MpyAstSeq *bases = NULL, *keywords = NULL;
    if (mpy__p_at(p, MPY_TOK_LPAR)) {
        MpyToken open = mpy__p_next(p);
        if (!mpy__p_call_arguments(p, &open, &bases, &keywords))
            return NULL;
    }
    if (!expect_colon(p, false))
        return NULL;
    MpyAstSeq *body = mpy__p_block(p, "class definition", kw.lineno);
    if (body == NULL)
        return NULL;
    MpyObject *id = mpy__p_name_of(p, &name);
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_ClassDef, mpy__p_compound_loc(p, &kw));
    if (s != NULL && id != NULL) {
        s->v.ClassDef.name = id;
        s->v.ClassDef.bases = bases;
        s->v.ClassDef.keywords = keywords;
        s->v.ClassDef.body = body;
        s->v.ClassDef.decorator_list = decorators;
    }
    return id ? s : NULL;
}

static MpyAstStmt *
decorated(MpyParser *p)
{
    int mark = mpy__p_scratch_mark(p);
    while (mpy__p_accept(p, MPY_TOK_AT)) {
        MpyAstExpr *d = mpy__p_named_expression(p);
        if (d == NULL || !mpy__p_push(p, d) || !mpy__p_expect(p, MPY_TOK_NEWLINE, NULL)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *decorators = mpy__p_seq_from(p, mark);
    if (decorators == NULL)
        return NULL;
    int t = mpy__p_type(p);
    if (t == MPY_TOK_KW_DEF)
        return function_def(p, decorators, NULL);
    if (t == MPY_TOK_KW_CLASS)
        return class_def(p, decorators);
    if (t == MPY_TOK_KW_ASYNC && mpy__p_type_at(p, 1) == MPY_TOK_KW_DEF) {
        MpyToken async_kw = mpy__p_next(p);
        return function_def(p, decorators, &async_kw);
    }
    return mpy__p_invalid_syntax(p);
}

/* Is this `match` the start of a match statement (a soft keyword)? */
static bool
at_match_stmt(MpyParser *p)
{
    if (!mpy__p_at_name(p, 0, "match"))
        return false;
    switch (mpy__p_type_at(p, 1)) {
    case MPY_TOK_NEWLINE: case MPY_TOK_EQUAL: case MPY_TOK_DOT: case MPY_TOK_COLON:
    case MPY_TOK_COMMA: case MPY_TOK_SEMI: case MPY_TOK_RPAR:
        return false;
    default:
        return true;
    }
}

static MpyAstStmt *
compound_stmt(MpyParser *p)
{
    int t = mpy__p_type(p);
    switch (t) {
    case MPY_TOK_KW_IF: return if_stmt(p);
    case MPY_TOK_KW_WHILE: return while_stmt(p);
    case MPY_TOK_KW_FOR: return for_stmt(p, NULL);
    case MPY_TOK_KW_WITH: return with_stmt(p, NULL);
    case MPY_TOK_KW_TRY: return try_stmt(p);
    case MPY_TOK_KW_DEF: return function_def(p, NULL, NULL);
    case MPY_TOK_KW_CLASS: return class_def(p, NULL);
    case MPY_TOK_AT: return decorated(p);
    case MPY_TOK_KW_ASYNC: {
        int next = mpy__p_type_at(p, 1);
        if (next != MPY_TOK_KW_DEF && next != MPY_TOK_KW_FOR && next != MPY_TOK_KW_WITH)
            return mpy__p_invalid_syntax(p);
        MpyToken async_kw = mpy__p_next(p);
        if (next == MPY_TOK_KW_DEF)
            return function_def(p, NULL, &async_kw);
        if (next == MPY_TOK_KW_FOR)
            return for_stmt(p, &async_kw);
        return with_stmt(p, &async_kw);
    }
    }
    return NULL;
}

static bool
is_compound_start(MpyParser *p)
{
    switch (mpy__p_type(p)) {
    case MPY_TOK_KW_IF: case MPY_TOK_KW_WHILE: case MPY_TOK_KW_FOR: case MPY_TOK_KW_WITH:
    case MPY_TOK_KW_TRY: case MPY_TOK_KW_DEF: case MPY_TOK_KW_CLASS: case MPY_TOK_AT:
    case MPY_TOK_KW_ASYNC:
        return true;
    }
    return false;
}

/* statement: compound_stmt | simple_stmts.  Pushes the statement(s). */
static bool
statement(MpyParser *p)
{
    if (mpy__p_at(p, MPY_TOK_INDENT) || mpy__p_at(p, MPY_TOK_DEDENT) ||
        mpy__p_at(p, MPY_TOK_ERRORTOKEN)) {
        mpy__p_invalid_syntax(p);
        return false;
    }
    MpyAstStmt *s = NULL;
    if (is_compound_start(p)) {
        s = compound_stmt(p);
    } else if (at_match_stmt(p)) {
        int pos = mpy__p_mark(p);
        bool committed;
        s = mpy__p_match_stmt(p, &committed);
        if (s == NULL && !committed) {
            // Not a match statement after all: `match(x)`, `match = 1`.
            // If neither parses and the header stopped at the end of the
            // line, CPython says the ':' is missing.
            MpyToken at = p->tokens[p->furthest < p->ntokens ? p->furthest : p->ntokens - 1];
            bool missing_colon = at.type == MPY_TOK_NEWLINE && strcmp(p->err.msg, "invalid syntax") == 0;
            if (!mpy__p_reset(p, pos))
                return false;
            if (simple_stmts(p))
                return true;
            if (missing_colon && !p->tok_error) {
                p->error = false;
                p->err.kind = MPY_TOKERR_NONE;
                mpy__p_error_tok(p, &at, "expected ':'");
            }
            return false;
        }
    } else {
        return simple_stmts(p);
    }
    return s != NULL && mpy__p_push(p, s);
}

