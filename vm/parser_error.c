/* vm/parser_error.c: syntax errors and assignment targets.
 *
 * Models the error half of CPython 3.11's Parser/pegen_errors.c and
 * action_helpers.c: positions are kept as CPython reports them (1-based
 * offsets counted in code points, where the tree uses 0-based byte
 * columns), and the names CPython gives to expressions in "cannot assign
 * to ..." messages.
 */
#include "vm/parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"

/* The start of line `lineno` of the parser's buffer (NULL if past it). */
static const char *
line_ptr(MpyParser *p, int lineno)
{
    const char *s = p->tok->buf;
    if (s == NULL)
        return NULL;
    for (int n = 1; n < lineno; n++) {
        s = strchr(s, '\n');
        if (s == NULL)
            return NULL;
        s++;
    }
    return *s ? s : NULL;
}

static void
verror_at(MpyParser *p, MpyTokErrKind kind, int lineno, int col, int end_lineno, int end_col,
          const char *fmt, va_list ap)
{
    if (p->error)
        return;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    // Inside an f-string, positions are those in the "(expr)" text that the
    // nested parser read: take the shift back out, as CPython does.
    int local_line = lineno - p->line_shift, local_end = end_lineno - p->line_shift;
    if (p->fstring) {
        if (local_line == 1)
            col -= p->col_shift;
        if (local_end == 1)
            end_col -= p->col_shift;
    }
    const char *line = line_ptr(p, local_line);
    const char *end_line = line_ptr(p, local_end);
    int offset = line ? mpy__utf8_count(line, col) + 1 : col + 1;
    int end_offset = end_col < 0 ? 0 : end_line ? mpy__utf8_count(end_line, end_col) + 1 : end_col + 1;
    mpy__tok_set_error(&p->err, kind, line, lineno, offset, end_lineno, end_offset,
                       p->fstring ? "f-string: %s" : "%s", msg);
    p->error = true;
}

void *
mpy__p_error_at(MpyParser *p, MpyTokErrKind kind, int lineno, int col, int end_lineno,
                int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
mpy__p_error_node(MpyParser *p, MpyAstLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, MPY_TOKERR_SYNTAX, loc.lineno, loc.col_offset, loc.end_lineno,
              loc.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
mpy__p_error_tok(MpyParser *p, const MpyToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, MPY_TOKERR_SYNTAX, t->lineno, t->col, t->end_lineno, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *
mpy__p_invalid_syntax(MpyParser *p)
{
    if (p->error)
        return NULL;
    int idx = p->furthest < p->ntokens ? p->furthest : p->ntokens - 1;
    if (idx < 0)
        idx = 0;
    MpyToken t = *mpy__p_peek(p, idx - p->pos);
    if (p->error)
        return NULL; // reading it raised a tokenizer error: that one wins
    if (t.type == MPY_TOK_ERRORTOKEN && p->tok->done && p->tok->level > 0) {
        // The input ended inside brackets: "'(' was never closed".
        int level = p->tok->level - 1;
        int lineno = p->tok->parenlinenostack[level];
        return mpy__p_error_at(p, MPY_TOKERR_SYNTAX, lineno, p->tok->parencolstack[level], lineno,
                               -1, "'%c' was never closed", p->tok->parenstack[level]);
    }
    if (t.type == MPY_TOK_ENDMARKER) {
        // CPython's end marker has no column: the error lands on column 0.
        mpy__tok_set_error(&p->err, MPY_TOKERR_SYNTAX, t.start - t.col, t.lineno, 0, t.lineno, 0,
                           "%sinvalid syntax", p->fstring ? "f-string: " : "");
        p->error = true;
        return NULL;
    }
    if (t.type == MPY_TOK_INDENT || t.type == MPY_TOK_DEDENT) {
        // CPython has no column for these tokens: it reports how far the
        // tokenizer had read on that line, and an unknown end (-1).
        const char *line = t.start - t.col;
        mpy__tok_set_error(&p->err, MPY_TOKERR_INDENT, line, t.lineno,
                           mpy__utf8_count(line, t.col), t.lineno, -1,
                           t.type == MPY_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->error = true;
        return NULL;
    }
    return mpy__p_error_tok(p, &t, "invalid syntax");
}

const char *
mpy__p_expr_name(const MpyAstExpr *e)
{
    switch (e->kind) {
    case MPY_AST_Attribute: return "attribute";
    case MPY_AST_Subscript: return "subscript";
    case MPY_AST_Starred: return "starred";
    case MPY_AST_Name: return "name";
    case MPY_AST_List: return "list";
    case MPY_AST_Tuple: return "tuple";
    case MPY_AST_Lambda: return "lambda";
    case MPY_AST_Call: return "function call";
    case MPY_AST_BoolOp:
    case MPY_AST_BinOp:
    case MPY_AST_UnaryOp: return "expression";
    case MPY_AST_GeneratorExp: return "generator expression";
    case MPY_AST_Yield:
    case MPY_AST_YieldFrom: return "yield expression";
    case MPY_AST_Await: return "await expression";
    case MPY_AST_ListComp: return "list comprehension";
    case MPY_AST_SetComp: return "set comprehension";
    case MPY_AST_DictComp: return "dict comprehension";
    case MPY_AST_Dict: return "dict literal";
    case MPY_AST_Set: return "set display";
    case MPY_AST_JoinedStr:
    case MPY_AST_FormattedValue: return "f-string expression";
    case MPY_AST_Constant: {
        MpyObject *v = e->v.Constant.value;
        if (v == MPY_NONE)
            return "None";
        if (v == MPY_TRUE)
            return "True";
        if (v == MPY_FALSE)
            return "False";
        if (v == MPY_ELLIPSIS)
            return "ellipsis";
        return "literal";
    }
    case MPY_AST_Compare: return "comparison";
    case MPY_AST_IfExp: return "conditional expression";
    case MPY_AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

MpyAstExpr *
mpy__p_invalid_target(MpyAstExpr *e, MpyAstCtx ctx)
{
    switch (e->kind) {
    case MPY_AST_Name:
    case MPY_AST_Attribute:
    case MPY_AST_Subscript:
        return NULL;
    case MPY_AST_Starred:
        if (ctx == MPY_AST_DEL)
            return e;
        return mpy__p_invalid_target(e->v.Starred.value, ctx);
    case MPY_AST_List:
    case MPY_AST_Tuple: {
        MpyAstSeq *elts = e->kind == MPY_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(elts); i++) {
            MpyAstExpr *bad = mpy__p_invalid_target(elts->items[i], ctx);
            if (bad != NULL)
                return bad;
        }
        return NULL;
    }
    case MPY_AST_Compare:
        // `for x in y in z`: CPython blames the left side of the first `in`.
        if (ctx == MPY_AST_STORE && e->v.Compare.ops->items[0] == MPY_AST_IN)
            return mpy__p_invalid_target(e->v.Compare.left, ctx);
        return e;
    default:
        return e;
    }
}

static void
set_ctx(MpyAstExpr *e, MpyAstCtx ctx)
{
    switch (e->kind) {
    case MPY_AST_Name: e->v.Name.ctx = ctx; break;
    case MPY_AST_Attribute: e->v.Attribute.ctx = ctx; break;
    case MPY_AST_Subscript: e->v.Subscript.ctx = ctx; break;
    case MPY_AST_Starred:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case MPY_AST_List:
    case MPY_AST_Tuple: {
        MpyAstSeq *elts = e->kind == MPY_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == MPY_AST_List)
            e->v.List.ctx = ctx;
        else
            e->v.Tuple.ctx = ctx;
        for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(elts); i++)
            set_ctx(elts->items[i], ctx);
        break;
    }
    default: break;
    }
}

bool
mpy__p_set_context(MpyParser *p, MpyAstExpr *e, MpyAstCtx ctx)
{
    MpyAstExpr *bad = mpy__p_invalid_target(e, ctx);
    if (bad != NULL) {
        mpy__p_error_node(p, bad->loc, ctx == MPY_AST_DEL ? "cannot delete %s" : "cannot assign to %s",
                          mpy__p_expr_name(bad));
        return false;
    }
    set_ctx(e, ctx);
    return true;
}

void
mpy__p_raise(MpyParser *p)
{
    MpyTokError *err = &p->err;
    if (err->kind == MPY_TOKERR_MEMORY) {
        if (mpy_err_occurred() == NULL)
            mpy_err_no_memory();
        return;
    }
    if (strcmp(err->msg, "maximum recursion depth exceeded during compilation") == 0) {
        mpy_err_set(mpy_exc_RecursionError, err->msg);
        return;
    }
    MpyType *type = err->kind == MPY_TOKERR_TAB      ? mpy_exc_TabError
                    : err->kind == MPY_TOKERR_INDENT ? mpy_exc_IndentationError
                                                     : mpy_exc_SyntaxError;
    // The text is the whole line, newline included, as CPython gives it,
    // however long it is (a line of 10,000 parentheses); the tokenizer's
    // own errors stop before the newline.
    char *text = NULL;
    if (err->line != NULL) {
        const char *nl = strchr(err->line, '\n');
        size_t n = nl ? (size_t)(nl - err->line) + !err->text_without_newline : strlen(err->line);
        text = malloc(n + 1);
        if (text != NULL) {
            memcpy(text, err->line, n);
            text[n] = 0;
        }
    }
    mpy_err_syntax(type, err->msg, p->filename, err->lineno, err->offset, text, err->end_lineno,
                   err->end_offset);
    free(text);
}
