/* vm/parser.c: the parser's entry point, its token buffer and its
 * node-building helpers.
 *
 * Models Parser/pegen.c and Parser/peg_api.c of CPython 3.11: mpy__parse
 * runs the tokenizer and the recursive descent parser (vm/parser_*.c)
 * over a source text and returns the tree, or raises the first syntax
 * error with CPython's message and position.  Like CPython, after a
 * parse error it reads the rest of the input, because a tokenizer error
 * further on (or a bracket never closed) explains the failure better.
 *
 * Tokens are read lazily into one growable array; the parser refers to
 * them by index and drops the consumed ones between statements
 * (mpy__p_compact_tokens), so memory stays bounded on long files.
 */
#include "vm/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* Tokens                                                               */

/* Read one more token into the array. */
static void
fill_one(MpyParser *p)
{
    if (p->ntokens == p->cap) {
        int cap = p->cap ? 2 * p->cap : 256;
        MpyToken *t = realloc(p->tokens, (size_t)cap * sizeof *t);
        if (t == NULL) {
            // Keep going on the last slot: the error stops the parse.
            mpy_err_no_memory();
            mpy__tok_set_error(&p->err, MPY_TOKERR_MEMORY, NULL, 0, 0, 0, 0, "out of memory");
            p->error = p->tok_error = true;
            p->ntokens--;
        } else {
            p->tokens = t;
            p->cap = cap;
        }
    }
    MpyToken *t = &p->tokens[p->ntokens++];
    int type = mpy__tok_get(p->tok, t);
    if (p->fstring) {
        if (t->lineno == 1)
            t->col += p->col_shift;
        if (t->end_lineno == 1)
            t->end_col += p->col_shift;
        t->lineno += p->line_shift;
        t->end_lineno += p->line_shift;
    }
    if (type != MPY_TOK_ERRORTOKEN || p->tok_error)
        return;
    MpyTokenizer *tok = p->tok;
    if (tok->error.kind != MPY_TOKERR_NONE) {
        // Tokenizer errors win over anything the parser found so far.
        p->err = tok->error;
        if (p->fstring && p->err.kind == MPY_TOKERR_SYNTAX) {
            char msg[sizeof p->err.msg];
            memcpy(msg, p->err.msg, sizeof msg);
            msg[sizeof msg - 12] = 0; // room for the prefix
            snprintf(p->err.msg, sizeof p->err.msg, "f-string: %.240s", msg);
        }
        p->err.lineno += p->line_shift;
        p->err.end_lineno += p->line_shift;
        p->error = p->tok_error = true;
    } else if (tok->done && tok->level > 0) {
        // The input ended inside brackets.
        int level = tok->level - 1;
        int lineno = tok->parenlinenostack[level] + p->line_shift;
        int col = tok->parencolstack[level] + (tok->parenlinenostack[level] == 1 ? p->col_shift : 0);
        p->error = false;
        p->err.kind = MPY_TOKERR_NONE;
        mpy__p_error_at(p, MPY_TOKERR_SYNTAX, lineno, col, lineno, -1, "'%c' was never closed",
                        tok->parenstack[level]);
        p->err.incomplete = true;
        p->tok_error = true;
    }
}

MpyToken *
mpy__p_peek(MpyParser *p, int k)
{
    int idx = p->pos + k;
    while (idx >= p->ntokens && !(p->ntokens > 0 && p->tok_error))
        fill_one(p);
    if (idx >= p->ntokens)
        idx = p->ntokens - 1; // past a tokenizer error: the error token again
    if (idx > p->furthest)
        p->furthest = idx;
    return &p->tokens[idx];
}

MpyToken
mpy__p_next(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    if (p->pos < p->ntokens && t.type != MPY_TOK_ERRORTOKEN)
        p->pos++;
    return t;
}

bool
mpy__p_accept(MpyParser *p, int type)
{
    if (mpy__p_type(p) != type)
        return false;
    p->pos++;
    return true;
}

bool
mpy__p_expect(MpyParser *p, int type, const char *msg)
{
    if (mpy__p_accept(p, type))
        return true;
    if (msg != NULL)
        mpy__p_error_tok(p, mpy__p_peek(p, 0), "%s", msg);
    else
        mpy__p_invalid_syntax(p);
    return false;
}

bool
mpy__p_at_name(MpyParser *p, int k, const char *name)
{
    MpyToken *t = mpy__p_peek(p, k);
    size_t n = strlen(name);
    return t->type == MPY_TOK_NAME && (size_t)t->len == n && memcmp(t->start, name, n) == 0;
}

void
mpy__p_prev_end(MpyParser *p, int *lineno, int *col)
{
    if (p->pos == 0) {
        *lineno = 1;
        *col = 0;
        return;
    }
    MpyToken *t = &p->tokens[p->pos - 1];
    *lineno = t->end_lineno;
    *col = t->end_col;
}

MpyAstLoc
mpy__p_loc_from(MpyParser *p, const MpyToken *tok)
{
    MpyAstLoc l = {tok->lineno, tok->col, 0, 0};
    mpy__p_prev_end(p, &l.end_lineno, &l.end_col_offset);
    return l;
}

MpyAstLoc
mpy__p_loc_span(MpyParser *p, MpyAstLoc start)
{
    mpy__p_prev_end(p, &start.end_lineno, &start.end_col_offset);
    return start;
}

int
mpy__p_mark(MpyParser *p)
{
    return p->pos;
}

bool
mpy__p_reset(MpyParser *p, int mark)
{
    if (p->tok_error)
        return false;
    p->pos = mark;
    p->error = false;
    p->err.kind = MPY_TOKERR_NONE;
    return true;
}

/* Drop tokens nobody can go back to (called between statements). */
void
mpy__p_compact_tokens(MpyParser *p)
{
    if (p->pos < 4096)
        return;
    int drop = p->pos - 1; // keep the last consumed token for prev_end
    memmove(p->tokens, p->tokens + drop, (size_t)(p->ntokens - drop) * sizeof *p->tokens);
    p->ntokens -= drop;
    p->pos -= drop;
    p->furthest = p->furthest > drop ? p->furthest - drop : 0;
}

/* ------------------------------------------------------------------ */
/* Nodes                                                                */

void *
mpy__p_alloc(MpyParser *p, size_t size)
{
    void *mem = mpy__arena_alloc(p->arena, size);
    if (mem == NULL && !p->error) {
        p->err.kind = MPY_TOKERR_MEMORY;
        p->error = p->tok_error = true;
    }
    return mem;
}

MpyAstExpr *
mpy__p_expr_new(MpyParser *p, MpyAstExprKind kind, MpyAstLoc loc)
{
    MpyAstExpr *e = mpy__p_alloc(p, sizeof *e);
    if (e != NULL) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

MpyAstStmt *
mpy__p_stmt_new(MpyParser *p, MpyAstStmtKind kind, MpyAstLoc loc)
{
    MpyAstStmt *s = mpy__p_alloc(p, sizeof *s);
    if (s != NULL) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

MpyObject *
mpy__p_keep(MpyParser *p, MpyObject *o)
{
    if (o == NULL || mpy__arena_add(p->arena, o) < 0) {
        if (!p->error) {
            p->err.kind = MPY_TOKERR_MEMORY;
            p->error = p->tok_error = true;
        }
        return NULL;
    }
    return o;
}

MpyObject *
mpy__p_identifier(MpyParser *p, const char *s, int len)
{
    MpyObject *str = mpy_str_from_utf8(s, (size_t)len);
    if (str == NULL)
        return mpy__p_keep(p, NULL);
    return mpy__p_keep(p, mpy_str_intern_take(str));
}

MpyObject *
mpy__p_name_of(MpyParser *p, const MpyToken *t)
{
    return mpy__p_identifier(p, t->start, t->len);
}

bool
mpy__p_push(MpyParser *p, void *item)
{
    if (p->nscratch == p->scratch_cap) {
        int cap = p->scratch_cap ? 2 * p->scratch_cap : 64;
        void **s = realloc(p->scratch, (size_t)cap * sizeof *s);
        if (s == NULL) {
            mpy_err_no_memory();
            mpy__p_keep(p, NULL);
            return false;
        }
        p->scratch = s;
        p->scratch_cap = cap;
    }
    p->scratch[p->nscratch++] = item;
    return true;
}

MpyAstSeq *
mpy__p_seq_from(MpyParser *p, int mark)
{
    int n = p->nscratch - mark;
    MpyAstSeq *seq = mpy__p_alloc(p, sizeof(MpyAstSeq) + (size_t)n * sizeof(void *));
    if (seq != NULL) {
        seq->size = n;
        if (n > 0)
            memcpy(seq->items, p->scratch + mark, (size_t)n * sizeof(void *));
    }
    p->nscratch = mark;
    return seq;
}

MpyAstSeq *
mpy__p_seq1(MpyParser *p, void *item)
{
    MpyAstSeq *seq = mpy__p_alloc(p, sizeof(MpyAstSeq) + sizeof(void *));
    if (seq != NULL) {
        seq->size = 1;
        seq->items[0] = item;
    }
    return seq;
}

bool
mpy__p_enter(MpyParser *p)
{
    if (++p->depth > MPY_PARSER_MAX_DEPTH) {
        // CPython's parser runs out of its stack here and reports MemoryError.
        if (!p->error) {
            mpy_err_no_memory();
            p->err.kind = MPY_TOKERR_MEMORY;
            p->error = p->tok_error = true;
        }
        return false;
    }
    return true;
}

/* A compound statement's location: from `start` to the end of the last
 * token consumed that is not NEWLINE, INDENT or DEDENT (CPython's
 * _PyPegen_get_last_nonnwhitespace_token), so `for x in y: pass;` ends
 * after the ';'. */
MpyAstLoc
mpy__p_compound_loc(MpyParser *p, const MpyToken *start)
{
    MpyAstLoc l = mpy__p_tok_loc(start);
    for (int i = p->pos - 1; i >= 0; i--) {
        MpyToken *t = &p->tokens[i];
        if (t->type != MPY_TOK_NEWLINE && t->type != MPY_TOK_INDENT &&
            t->type != MPY_TOK_DEDENT && t->type != MPY_TOK_ENDMARKER) {
            l.end_lineno = t->end_lineno;
            l.end_col_offset = t->end_col;
            break;
        }
    }
    return l;
}

/* ------------------------------------------------------------------ */
/* The entry point                                                      */

/* CPython's compiler refuses trees nested deeper than this. */
#define MAX_TREE_DEPTH 2992

static bool expr_too_deep(MpyAstExpr *e, int depth);

static bool
seq_too_deep(MpyAstSeq *s, int depth)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(s); i++)
        if (s->items[i] != NULL && expr_too_deep(s->items[i], depth))
            return true;
    return false;
}

/* Only the expression shapes that can nest without brackets need a look:
 * operators, attribute/call/subscript chains, lambdas, conditionals. */
static bool
expr_too_deep(MpyAstExpr *e, int depth)
{
    while (e != NULL) {
        if (++depth > MAX_TREE_DEPTH)
            return true;
        switch (e->kind) {
        case MPY_AST_BinOp:
            if (expr_too_deep(e->v.BinOp.right, depth))
                return true;
            e = e->v.BinOp.left;
            break;
        case MPY_AST_UnaryOp: e = e->v.UnaryOp.operand; break;
        case MPY_AST_BoolOp: return seq_too_deep(e->v.BoolOp.values, depth);
        case MPY_AST_Attribute: e = e->v.Attribute.value; break;
        case MPY_AST_Await: e = e->v.Await.value; break;
        case MPY_AST_Call:
            if (seq_too_deep(e->v.Call.args, depth))
                return true;
            e = e->v.Call.func;
            break;
        case MPY_AST_Subscript:
            if (expr_too_deep(e->v.Subscript.slice, depth))
                return true;
            e = e->v.Subscript.value;
            break;
        case MPY_AST_Lambda: e = e->v.Lambda.body; break;
        case MPY_AST_IfExp:
            if (expr_too_deep(e->v.IfExp.test, depth) || expr_too_deep(e->v.IfExp.body, depth))
                return true;
            e = e->v.IfExp.orelse;
            break;
        case MPY_AST_Compare:
            if (seq_too_deep(e->v.Compare.comparators, depth))
                return true;
            e = e->v.Compare.left;
            break;
        case MPY_AST_Starred: e = e->v.Starred.value; break;
        case MPY_AST_NamedExpr: e = e->v.NamedExpr.value; break;
        case MPY_AST_Tuple: return seq_too_deep(e->v.Tuple.elts, depth);
        case MPY_AST_List: return seq_too_deep(e->v.List.elts, depth);
        default: return false;
        }
    }
    return false;
}

/* The statement-level check: expressions directly under statements. */
static bool
tree_too_deep(MpyAstSeq *body, int depth)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(body); i++) {
        MpyAstStmt *s = body->items[i];
        switch (s->kind) {
        case MPY_AST_Expr:
            if (expr_too_deep(s->v.Expr.value, depth + 1))
                return true;
            break;
        case MPY_AST_Assign:
            if (expr_too_deep(s->v.Assign.value, depth + 1))
                return true;
            break;
        case MPY_AST_Return:
            if (expr_too_deep(s->v.Return.value, depth + 1))
                return true;
            break;
        case MPY_AST_AugAssign:
            if (expr_too_deep(s->v.AugAssign.value, depth + 1))
                return true;
            break;
        case MPY_AST_If:
        case MPY_AST_While:
            if (expr_too_deep(s->v.If.test, depth + 1) || tree_too_deep(s->v.If.body, depth + 1) ||
                tree_too_deep(s->v.If.orelse, depth + 1))
                return true;
            break;
        case MPY_AST_For:
        case MPY_AST_AsyncFor:
            if (expr_too_deep(s->v.For.iter, depth + 1) || tree_too_deep(s->v.For.body, depth + 1) ||
                tree_too_deep(s->v.For.orelse, depth + 1))
                return true;
            break;
        case MPY_AST_FunctionDef:
        case MPY_AST_AsyncFunctionDef:
            if (tree_too_deep(s->v.FunctionDef.body, depth + 1))
                return true;
            break;
        case MPY_AST_ClassDef:
            if (tree_too_deep(s->v.ClassDef.body, depth + 1))
                return true;
            break;
        case MPY_AST_With:
        case MPY_AST_AsyncWith:
            if (tree_too_deep(s->v.With.body, depth + 1))
                return true;
            break;
        case MPY_AST_Try:
        case MPY_AST_TryStar:
            if (tree_too_deep(s->v.Try.body, depth + 1) || tree_too_deep(s->v.Try.orelse, depth + 1) ||
                tree_too_deep(s->v.Try.finalbody, depth + 1))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* After a parser error: read the rest of the input, as CPython does, since
 * a tokenizer error further on (or an unclosed bracket before the error
 * line) is the better message. */
static void
check_rest_of_source(MpyParser *p)
{
    if (p->tok_error || p->fstring || p->err.kind != MPY_TOKERR_SYNTAX)
        return; // CPython skips this after "unexpected indent" and friends

    int err_line = p->furthest < p->ntokens ? p->tokens[p->furthest].lineno : p->err.lineno;
    MpyToken t;
    for (;;) {
        int type = mpy__tok_get(p->tok, &t);
        if (type == MPY_TOK_ENDMARKER)
            return;
        if (type != MPY_TOK_ERRORTOKEN)
            continue;
        MpyTokenizer *tok = p->tok;
        if (tok->error.kind != MPY_TOKERR_NONE) {
            // Only the errors CPython's tokenizer raises on the spot win;
            // indentation errors, a stray backslash and EOF are reported by
            // its parser instead, which has already failed here.
            const char *m = tok->error.msg;
            if (tok->error.kind == MPY_TOKERR_SYNTAX &&
                strncmp(m, "unexpected character after line continuation", 45) != 0 &&
                strcmp(m, "unexpected EOF while parsing") != 0)
                p->err = tok->error;
        } else if (tok->done && tok->level > 0) {
            int level = tok->level - 1;
            int lineno = tok->parenlinenostack[level];
            if (err_line > lineno) {
                p->error = false;
                p->err.kind = MPY_TOKERR_NONE;
                mpy__p_error_at(p, MPY_TOKERR_SYNTAX, lineno, tok->parencolstack[level], lineno,
                                -1, "'%c' was never closed", tok->parenstack[level]);
            }
        } else if (!tok->done) {
            continue; // an unknown character: not a tokenizer error in CPython either
        }
        return;
    }
}

static MpyAstMod *
parse_mod(MpyParser *p)
{
    MpyAstMod *mod = mpy__p_alloc(p, sizeof *mod);
    if (mod == NULL)
        return NULL;
    if (p->mode == MPY_PARSE_EVAL) {
        mod->kind = MPY_AST_Expression;
        while (mpy__p_accept(p, MPY_TOK_NEWLINE))
            ;
        MpyAstExpr *e = mpy__p_star_expressions(p);
        if (e == NULL)
            return NULL;
        while (mpy__p_accept(p, MPY_TOK_NEWLINE))
            ;
        if (!mpy__p_at(p, MPY_TOK_ENDMARKER))
            return mpy__p_invalid_syntax(p);
        mod->v.Expression.body = e;
        return mod;
    }
    MpyAstSeq *body = mpy__p_statements(p, MPY_TOK_ENDMARKER);
    if (body == NULL)
        return NULL;
    if (p->mode == MPY_PARSE_SINGLE) {
        mod->kind = MPY_AST_Interactive;
        mod->v.Interactive.body = body;
    } else {
        mod->kind = MPY_AST_Module;
        mod->v.Module.body = body;
    }
    if (tree_too_deep(body, 1)) {
        mpy__tok_set_error(&p->err, MPY_TOKERR_SYNTAX, NULL, 0, 0, 0, 0,
                           "maximum recursion depth exceeded during compilation");
        p->error = true;
        return NULL;
    }
    return mod;
}

/* 'single' mode: a compound statement is complete only once an empty line
 * follows it (the REPL's "..." prompt). */
static bool
needs_more_input(MpyParser *p, MpyAstMod *mod)
{
    MpyAstSeq *body = mod->v.Interactive.body;
    if (MPY_AST_SEQ_LEN(body) == 0)
        return false;
    MpyAstStmt *last = body->items[body->size - 1];
    switch (last->kind) {
    case MPY_AST_If: case MPY_AST_While: case MPY_AST_For: case MPY_AST_AsyncFor:
    case MPY_AST_With: case MPY_AST_AsyncWith: case MPY_AST_Try: case MPY_AST_TryStar:
    case MPY_AST_FunctionDef: case MPY_AST_AsyncFunctionDef: case MPY_AST_ClassDef:
    case MPY_AST_Match:
        break;
    default:
        return false;
    }
    // Complete when the source ends with an empty line.
    const char *end = p->tok->end;
    return !(end - p->tok->buf >= 2 && end[-1] == '\n' && end[-2] == '\n');
}

MpyAstMod *
mpy__parse(const char *source, size_t len, MpyObject *filename, MpyParseMode mode,
           MpyArena *arena, int *incomplete)
{
    MpyTokenizer tok;
    MpyParser parser = {0};
    MpyParser *p = &parser;
    p->tok = &tok;
    p->arena = arena;
    p->mode = mode;
    p->filename = filename;
    if (incomplete != NULL)
        *incomplete = 0;
    MpyAstMod *mod = NULL;
    if (mpy__tok_init(&tok, source, len) < 0) {
        p->err = tok.error;
        p->error = true;
    } else {
        mod = parse_mod(p);
        if (mod == NULL && !p->error)
            mpy__p_invalid_syntax(p);
        if (mod == NULL)
            check_rest_of_source(p);
    }
    if (mod != NULL && mode == MPY_PARSE_SINGLE && incomplete != NULL && needs_more_input(p, mod)) {
        *incomplete = 1;
        mpy_err_set(mpy_exc_SyntaxError, "incomplete input");
        mod = NULL;
    } else if (mod == NULL) {
        if (incomplete != NULL && p->err.incomplete)
            *incomplete = 1;
        mpy__p_raise(p);
    }
    free(p->tokens);
    free(p->scratch);
    free(p->err_text);
    mpy__tok_fini(&tok);
    return mod;
}
