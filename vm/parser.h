/* vm/parser.h: the parser's internal state, shared by the parser files.
 *
 * Models the Parser struct of CPython 3.11's Parser/pegen.h, for a
 * hand-written recursive descent parser instead of a generated PEG one:
 *
 *   vm/parser.c         the entry point mpy__parse, tokens, node helpers
 *   vm/parser_stmt.c    statements and blocks
 *   vm/parser_expr.c    operators, expressions, targets
 *   vm/parser_atom.c    atoms, displays, calls, subscripts, parameters
 *   vm/parser_pattern.c match statement patterns
 *   vm/parser_string.c  string, bytes and f-string literals
 *   vm/parser_error.c   error reporting and the target checks
 *
 * Tokens are read lazily from the tokenizer into a growable array, so the
 * parser can look ahead and, in the two places Python's grammar needs it
 * (soft keywords such as `match`, the parenthesized form of `with`), go
 * back to a mark.  Between statements the consumed tokens are dropped, so
 * the array stays small however long the file is.
 *
 * Errors: the first error is recorded in `err` (message, CPython's
 * position) and `error` is set; every parse function then returns NULL and
 * the callers unwind.  mpy__parse raises the recorded error at the end, so
 * an attempt that fails can be undone (mark/reset) before anything is
 * raised.  Tokenizer errors cannot be undone.
 */
#ifndef MINIPY_VM_PARSER_H
#define MINIPY_VM_PARSER_H

#include <stdbool.h>

#include "runtime/object.h"
#include "vm/ast.h"
#include "vm/tokenizer.h"

/* Deeper nesting of expressions than this is refused ("too many nested
 * parentheses" comes first from the tokenizer for brackets; this bounds the
 * C stack for `- - - - ... x`, `not not ...`, lambdas, chains of calls). */
#define MPY_PARSER_MAX_DEPTH 6000

typedef struct MpyParser {
    MpyTokenizer *tok;
    MpyArena *arena;
    MpyParseMode mode;
    MpyToken *tokens;    /* tokens[0..ntokens) read so far (malloc'd) */
    int ntokens, cap;
    int pos;             /* the next token to consume */
    int furthest;        /* the furthest token index looked at */
    int depth;           /* recursion depth (MPY_PARSER_MAX_DEPTH) */
    bool error;          /* an error is recorded in err */
    bool tok_error;      /* ... and it came from the tokenizer (no undo) */
    MpyTokError err;
    void **scratch;      /* a stack of items for building sequences */
    int nscratch, scratch_cap;
    /* f-string expressions are parsed by a nested parser over the
     * expression text; its positions are shifted to the outer source and
     * its messages start with "f-string: ". */
    bool fstring;
    int line_shift;      /* added to every line number */
    int col_shift;       /* added to columns on the first line */
    MpyObject *filename;
    char *err_text;      /* owned copy of the error's line, for errors found
                          * by a nested f-string parser whose buffer is gone */
} MpyParser;

/* ---- tokens (parser.c) ---- */

/* Make sure tokens[pos + k] exists.  Returns it (valid until the next
 * read: the array may move).  Never NULL: past an error it is the error
 * token. */
MpyToken *mpy__p_peek(MpyParser *p, int k);

static inline int mpy__p_type(MpyParser *p) { return mpy__p_peek(p, 0)->type; }
static inline int mpy__p_type_at(MpyParser *p, int k) { return mpy__p_peek(p, k)->type; }
static inline bool mpy__p_at(MpyParser *p, int type) { return mpy__p_peek(p, 0)->type == type; }

/* Consume the next token.  Returns a copy of it. */
MpyToken mpy__p_next(MpyParser *p);
/* Consume the next token if it has `type`.  Returns true if it did. */
bool mpy__p_accept(MpyParser *p, int type);
/* Consume a token of `type` or record "invalid syntax" (or the message
 * `msg` when not NULL).  Returns false on error. */
bool mpy__p_expect(MpyParser *p, int type, const char *msg);
/* Is the next token the NAME `name` (a soft keyword: match, case, _)? */
bool mpy__p_at_name(MpyParser *p, int k, const char *name);
/* The end of the last consumed token. */
void mpy__p_prev_end(MpyParser *p, int *lineno, int *col);

/* A location from the start of `tok` to the end of the last consumed
 * token. */
MpyAstLoc mpy__p_loc_from(MpyParser *p, const MpyToken *tok);
/* From the start of `start` to the end of the last consumed token. */
MpyAstLoc mpy__p_loc_span(MpyParser *p, MpyAstLoc start);
/* A location covering `a` and `b`. */
static inline MpyAstLoc mpy__p_loc_join(MpyAstLoc a, MpyAstLoc b)
{
    MpyAstLoc l = {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
    return l;
}
static inline MpyAstLoc mpy__p_tok_loc(const MpyToken *t)
{
    MpyAstLoc l = {t->lineno, t->col, t->end_lineno, t->end_col};
    return l;
}

/* Mark / reset for the few places that try an alternative.  reset undoes
 * an error recorded since the mark unless it came from the tokenizer.
 * Returns false (and keeps the error) in that case. */
int mpy__p_mark(MpyParser *p);
bool mpy__p_reset(MpyParser *p, int mark);

/* ---- building the tree (parser.c) ---- */

/* Arena memory; NULL + the error recorded as MemoryError. */
void *mpy__p_alloc(MpyParser *p, size_t size);
MpyAstExpr *mpy__p_expr_new(MpyParser *p, MpyAstExprKind kind, MpyAstLoc loc);
MpyAstStmt *mpy__p_stmt_new(MpyParser *p, MpyAstStmtKind kind, MpyAstLoc loc);
/* Hand an object to the arena.  Returns it (borrowed from the arena), or
 * NULL with the error recorded (the reference is consumed either way). */
MpyObject *mpy__p_keep(MpyParser *p, MpyObject *o);
/* An interned identifier from `len` bytes of UTF-8. */
MpyObject *mpy__p_identifier(MpyParser *p, const char *s, int len);
/* The identifier of NAME token `t`. */
MpyObject *mpy__p_name_of(MpyParser *p, const MpyToken *t);

/* The scratch stack: push items, then collect everything pushed since a
 * mark into an arena sequence (popping them). */
static inline int mpy__p_scratch_mark(MpyParser *p) { return p->nscratch; }
bool mpy__p_push(MpyParser *p, void *item);
MpyAstSeq *mpy__p_seq_from(MpyParser *p, int mark);
/* A one-element sequence. */
MpyAstSeq *mpy__p_seq1(MpyParser *p, void *item);

/* Recursion guard: returns false with "too many nested parentheses"
 * style error recorded when too deep. */
bool mpy__p_enter(MpyParser *p);
static inline void mpy__p_leave(MpyParser *p) { p->depth--; }

/* Drop the tokens before the current one (between statements). */
void mpy__p_compact_tokens(MpyParser *p);
/* From `start` to the end of the last consumed token that is not NEWLINE,
 * INDENT or DEDENT: the extent of a compound statement. */
MpyAstLoc mpy__p_compound_loc(MpyParser *p, const MpyToken *start);

/* ---- statements (parser_stmt.c) ---- */

/* Statements up to (not including) a token of type `until`. */
MpyAstSeq *mpy__p_statements(MpyParser *p, int until);
/* A block after a header's ':' (NEWLINE INDENT statements DEDENT, or
 * simple statements on the same line).  `what` names the header for
 * "expected an indented block after 'if' statement on line N". */
MpyAstSeq *mpy__p_block(MpyParser *p, const char *what, int header_lineno);

/* ---- expressions (parser_expr.c and parser_atom.c) ---- */

/* Can a token of this type start an expression? */
bool mpy__p_can_start_expression(int type);
/* BinOp(left, op, right) spanning from the token `start` (CPython takes a
 * node's start from the first token of its rule, so `(a) + b` starts at
 * the parenthesis) to the last consumed token. */
MpyAstExpr *mpy__p_binop(MpyParser *p, const MpyToken *start, MpyAstExpr *left, MpyAstOperator op,
                         MpyAstExpr *right);
/* Starred(value) from the '*' token `star` to the last consumed token. */
MpyAstExpr *mpy__p_starred(MpyParser *p, const MpyToken *star, MpyAstExpr *value);
MpyAstExpr *mpy__p_tuple(MpyParser *p, MpyAstSeq *elts, MpyAstLoc loc);
MpyAstExpr *mpy__p_lambda(MpyParser *p);
/* named_expression; `check_eq` reports `x = 1` used as a condition. */
MpyAstExpr *mpy__p_named_expression_ex(MpyParser *p, bool check_eq);

MpyAstExpr *mpy__p_expression(MpyParser *p);       /* expression: ternary, lambda */
MpyAstExpr *mpy__p_named_expression(MpyParser *p); /* expression or NAME := expression */
MpyAstExpr *mpy__p_star_expressions(MpyParser *p); /* a, *b, c -> Tuple */
MpyAstExpr *mpy__p_star_named_expression(MpyParser *p);
MpyAstExpr *mpy__p_disjunction(MpyParser *p);
MpyAstExpr *mpy__p_bitwise_or(MpyParser *p);
MpyAstExpr *mpy__p_yield_expr(MpyParser *p);
/* star_targets: `a, (b, *c)` as in for loops and comprehensions. */
MpyAstExpr *mpy__p_star_targets(MpyParser *p);
/* The argument list after '(' (the token `open`) up to ')' (consumed);
 * fills args/keywords. */
bool mpy__p_call_arguments(MpyParser *p, const MpyToken *open, MpyAstSeq **args,
                           MpyAstSeq **keywords);
/* Parameters of def (annotations allowed) or lambda, up to `close`. */
MpyAstArguments *mpy__p_parameters(MpyParser *p, bool lambda, int close);
/* An atom with its trailers (.name, (args), [index]). */
MpyAstExpr *mpy__p_primary(MpyParser *p);
/* A NUMBER token's constant (int, float or complex). */
MpyObject *mpy__p_number(MpyParser *p, const MpyToken *t);

/* ---- patterns (parser_pattern.c) ---- */

/* A match statement at `match`.  *committed is set once its header
 * (`match subject:`) has parsed; before that a failure means "not a match
 * statement" and the caller tries an expression statement instead. */
MpyAstStmt *mpy__p_match_stmt(MpyParser *p, bool *committed);

/* ---- strings (parser_string.c) ---- */

/* One or more adjacent STRING tokens: Constant or JoinedStr. */
MpyAstExpr *mpy__p_strings(MpyParser *p);

/* ---- errors and targets (parser_error.c) ---- */

/* Record an error at a token-like position: 0-based byte columns, as in
 * nodes.  Converts to CPython's 1-based code point offsets.  `end_col` -1
 * keeps CPython's "unknown" end.  Returns NULL for `return mpy__p_error...`. */
void *mpy__p_error_at(MpyParser *p, MpyTokErrKind kind, int lineno, int col, int end_lineno,
                      int end_col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* At a node's location (RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
void *mpy__p_error_node(MpyParser *p, MpyAstLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* At token `t`. */
void *mpy__p_error_tok(MpyParser *p, const MpyToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "invalid syntax" at the furthest token read, as CPython's generic error. */
void *mpy__p_invalid_syntax(MpyParser *p);
/* CPython's name for an expression in messages: "function call", "literal". */
const char *mpy__p_expr_name(const MpyAstExpr *e);
/* Turn `e` into an assignment (MPY_AST_STORE) or del (MPY_AST_DEL)
 * target in place.  Returns false with "cannot assign to ..." recorded. */
bool mpy__p_set_context(MpyParser *p, MpyAstExpr *e, MpyAstCtx ctx);
/* The first sub-expression of `e` that cannot be a target, or NULL. */
MpyAstExpr *mpy__p_invalid_target(MpyAstExpr *e, MpyAstCtx ctx);
/* Raise the recorded error as a Python exception (SyntaxError & co). */
void mpy__p_raise(MpyParser *p);

#endif
