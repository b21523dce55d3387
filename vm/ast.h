/* vm/ast.h: the abstract syntax tree, the parser's output and the
 * compiler's input.
 *
 * Mirrors CPython 3.11's Parser/Python.asdl node for node and field for
 * field, so `mpy__ast_dump()` prints exactly what Python's
 * `ast.dump(ast.parse(src))` prints, and the parser can be tested against
 * CPython itself.  Each node kind's comment gives its ASDL line.
 *
 * Memory: every node, sequence and string lives in an MpyArena and is freed
 * with it in one go.  Python objects held by the tree (identifiers as
 * interned str, constants) are owned by the arena too (mpy__arena_add).
 *
 * Positions: lineno/end_lineno are 1-based, col_offset/end_col_offset are
 * 0-based UTF-8 byte offsets, as in CPython.
 */
#ifndef MINIPY_VM_AST_H
#define MINIPY_VM_AST_H

#include <stddef.h>

#include "runtime/object.h"

/* ------------------------------------------------------------------ */
/* Arena                                                                */

typedef struct MpyArena MpyArena;

/* Returns: a new arena, or NULL + MemoryError. */
MpyArena *mpy__arena_new(void);
/* Free every block and DECREF every object the arena owns. */
void mpy__arena_free(MpyArena *arena);
/* Zeroed memory that lives as long as the arena.  NULL + MemoryError. */
void *mpy__arena_alloc(MpyArena *arena, size_t size);
/* The arena takes over the caller's reference to `o`.  Returns 0 / -1 (on
 * failure the reference is dropped). */
int mpy__arena_add(MpyArena *arena, MpyObject *o);

/* A sequence of nodes (the ASDL `*`): size, then pointers.  Element types
 * are given in each field's comment. */
typedef struct MpyAstSeq {
    ptrdiff_t size;
    void *items[];
} MpyAstSeq;

/* A sequence of small integers (Compare.ops). */
typedef struct MpyAstIntSeq {
    ptrdiff_t size;
    int items[];
} MpyAstIntSeq;

/* Returns: zero-filled sequence of n items, or NULL + MemoryError. */
MpyAstSeq *mpy__ast_seq_new(MpyArena *arena, ptrdiff_t n);
MpyAstIntSeq *mpy__ast_intseq_new(MpyArena *arena, ptrdiff_t n);
#define MPY_AST_SEQ_LEN(s) ((s) == NULL ? 0 : (s)->size)
#define MPY_AST_SEQ_GET(s, i) ((s)->items[i])

typedef struct MpyAstLoc {
    int lineno, col_offset, end_lineno, end_col_offset;
} MpyAstLoc;

/* ------------------------------------------------------------------ */
/* Small enumerations                                                   */

typedef enum { MPY_AST_LOAD = 1, MPY_AST_STORE, MPY_AST_DEL } MpyAstCtx;
typedef enum { MPY_AST_AND = 1, MPY_AST_OR } MpyAstBoolOp;
/* Order as in Python.asdl: Add | Sub | Mult | MatMult | Div | Mod | Pow |
 * LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv */
typedef enum {
    MPY_AST_ADD = 1,
    MPY_AST_SUB,
    MPY_AST_MULT,
    MPY_AST_MATMULT,
    MPY_AST_DIV,
    MPY_AST_MOD,
    MPY_AST_POW,
    MPY_AST_LSHIFT,
    MPY_AST_RSHIFT,
    MPY_AST_BITOR,
    MPY_AST_BITXOR,
    MPY_AST_BITAND,
    MPY_AST_FLOORDIV,
} MpyAstOperator;
typedef enum { MPY_AST_INVERT = 1, MPY_AST_NOT, MPY_AST_UADD, MPY_AST_USUB } MpyAstUnaryOp;
typedef enum {
    MPY_AST_EQ = 1,
    MPY_AST_NOTEQ,
    MPY_AST_LT,
    MPY_AST_LTE,
    MPY_AST_GT,
    MPY_AST_GTE,
    MPY_AST_IS,
    MPY_AST_ISNOT,
    MPY_AST_IN,
    MPY_AST_NOTIN,
} MpyAstCmpOp;

/* ------------------------------------------------------------------ */
/* Expressions                                                          */

typedef struct MpyAstExpr MpyAstExpr;
typedef struct MpyAstStmt MpyAstStmt;
typedef struct MpyAstArguments MpyAstArguments;
typedef struct MpyAstPattern MpyAstPattern;

typedef enum {
    MPY_AST_BoolOp = 1,   /* BoolOp(boolop op, expr* values) */
    MPY_AST_NamedExpr,    /* NamedExpr(expr target, expr value) */
    MPY_AST_BinOp,        /* BinOp(expr left, operator op, expr right) */
    MPY_AST_UnaryOp,      /* UnaryOp(unaryop op, expr operand) */
    MPY_AST_Lambda,       /* Lambda(arguments args, expr body) */
    MPY_AST_IfExp,        /* IfExp(expr test, expr body, expr orelse) */
    MPY_AST_Dict,         /* Dict(expr* keys, expr* values): a NULL key is **value */
    MPY_AST_Set,          /* Set(expr* elts) */
    MPY_AST_ListComp,     /* ListComp(expr elt, comprehension* generators) */
    MPY_AST_SetComp,      /* SetComp(expr elt, comprehension* generators) */
    MPY_AST_DictComp,     /* DictComp(expr key, expr value, comprehension* generators) */
    MPY_AST_GeneratorExp, /* GeneratorExp(expr elt, comprehension* generators) */
    MPY_AST_Await,        /* Await(expr value) */
    MPY_AST_Yield,        /* Yield(expr? value) */
    MPY_AST_YieldFrom,    /* YieldFrom(expr value) */
    MPY_AST_Compare,      /* Compare(expr left, cmpop* ops, expr* comparators) */
    MPY_AST_Call,         /* Call(expr func, expr* args, keyword* keywords) */
    MPY_AST_FormattedValue, /* FormattedValue(expr value, int conversion, expr? format_spec) */
    MPY_AST_JoinedStr,    /* JoinedStr(expr* values) */
    MPY_AST_Constant,     /* Constant(constant value, string? kind) */
    MPY_AST_Attribute,    /* Attribute(expr value, identifier attr, expr_context ctx) */
    MPY_AST_Subscript,    /* Subscript(expr value, expr slice, expr_context ctx) */
    MPY_AST_Starred,      /* Starred(expr value, expr_context ctx) */
    MPY_AST_Name,         /* Name(identifier id, expr_context ctx) */
    MPY_AST_List,         /* List(expr* elts, expr_context ctx) */
    MPY_AST_Tuple,        /* Tuple(expr* elts, expr_context ctx) */
    MPY_AST_Slice,        /* Slice(expr? lower, expr? upper, expr? step) */
} MpyAstExprKind;

/* comprehension = (expr target, expr iter, expr* ifs, int is_async) */
typedef struct MpyAstComprehension {
    MpyAstExpr *target;
    MpyAstExpr *iter;
    MpyAstSeq *ifs; /* expr */
    int is_async;
} MpyAstComprehension;

/* keyword = (identifier? arg, expr value): arg NULL means **value */
typedef struct MpyAstKeyword {
    MpyObject *arg;
    MpyAstExpr *value;
    MpyAstLoc loc;
} MpyAstKeyword;

struct MpyAstExpr {
    MpyAstExprKind kind;
    MpyAstLoc loc;
    union {
        struct { MpyAstBoolOp op; MpyAstSeq *values; /* expr */ } BoolOp;
        struct { MpyAstExpr *target, *value; } NamedExpr;
        struct { MpyAstExpr *left; MpyAstOperator op; MpyAstExpr *right; } BinOp;
        struct { MpyAstUnaryOp op; MpyAstExpr *operand; } UnaryOp;
        struct { MpyAstArguments *args; MpyAstExpr *body; } Lambda;
        struct { MpyAstExpr *test, *body, *orelse; } IfExp;
        struct { MpyAstSeq *keys, *values; /* expr */ } Dict;
        struct { MpyAstSeq *elts; } Set;
        /* ListComp, SetComp and GeneratorExp share this member. */
        struct { MpyAstExpr *elt; MpyAstSeq *generators; /* comprehension */ } Comp;
        struct { MpyAstExpr *key, *value; MpyAstSeq *generators; } DictComp;
        struct { MpyAstExpr *value; } Await;
        struct { MpyAstExpr *value; /* may be NULL */ } Yield;
        struct { MpyAstExpr *value; } YieldFrom;
        struct { MpyAstExpr *left; MpyAstIntSeq *ops; /* MpyAstCmpOp */ MpyAstSeq *comparators; } Compare;
        struct { MpyAstExpr *func; MpyAstSeq *args; /* expr */ MpyAstSeq *keywords; /* keyword */ } Call;
        /* conversion: -1 none, 's', 'r', 'a' */
        struct { MpyAstExpr *value; int conversion; MpyAstExpr *format_spec; } FormattedValue;
        struct { MpyAstSeq *values; /* expr */ } JoinedStr;
        /* value: int, float, complex, str, bytes, bool, None or Ellipsis;
         * kind: "u" for u'' strings, else NULL */
        struct { MpyObject *value; MpyObject *kind; } Constant;
        struct { MpyAstExpr *value; MpyObject *attr; MpyAstCtx ctx; } Attribute;
        struct { MpyAstExpr *value, *slice; MpyAstCtx ctx; } Subscript;
        struct { MpyAstExpr *value; MpyAstCtx ctx; } Starred;
        struct { MpyObject *id; MpyAstCtx ctx; } Name;
        struct { MpyAstSeq *elts; MpyAstCtx ctx; } List;
        struct { MpyAstSeq *elts; MpyAstCtx ctx; } Tuple;
        struct { MpyAstExpr *lower, *upper, *step; } Slice;
    } v;
};

/* arg = (identifier arg, expr? annotation, string? type_comment) */
typedef struct MpyAstArg {
    MpyObject *arg;
    MpyAstExpr *annotation;
    MpyAstLoc loc;
} MpyAstArg;

/* arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs,
 *              expr* kw_defaults, arg? kwarg, expr* defaults)
 * kw_defaults has one entry per kwonlyarg, NULL where there is none. */
struct MpyAstArguments {
    MpyAstSeq *posonlyargs; /* arg */
    MpyAstSeq *args;        /* arg */
    MpyAstArg *vararg;
    MpyAstSeq *kwonlyargs;  /* arg */
    MpyAstSeq *kw_defaults; /* expr or NULL */
    MpyAstArg *kwarg;
    MpyAstSeq *defaults;    /* expr */
};

/* ------------------------------------------------------------------ */
/* Statements                                                           */

/* alias = (identifier name, identifier? asname) */
typedef struct MpyAstAlias {
    MpyObject *name;
    MpyObject *asname;
    MpyAstLoc loc;
} MpyAstAlias;

/* withitem = (expr context_expr, expr? optional_vars) */
typedef struct MpyAstWithItem {
    MpyAstExpr *context_expr;
    MpyAstExpr *optional_vars;
} MpyAstWithItem;

/* excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body) */
typedef struct MpyAstExceptHandler {
    MpyAstExpr *type;
    MpyObject *name;
    MpyAstSeq *body; /* stmt */
    MpyAstLoc loc;
} MpyAstExceptHandler;

/* match_case = (pattern pattern, expr? guard, stmt* body) */
typedef struct MpyAstMatchCase {
    MpyAstPattern *pattern;
    MpyAstExpr *guard;
    MpyAstSeq *body; /* stmt */
} MpyAstMatchCase;

typedef enum {
    MPY_AST_MatchValue = 1, /* MatchValue(expr value) */
    MPY_AST_MatchSingleton, /* MatchSingleton(constant value) */
    MPY_AST_MatchSequence,  /* MatchSequence(pattern* patterns) */
    MPY_AST_MatchMapping,   /* MatchMapping(expr* keys, pattern* patterns, identifier? rest) */
    MPY_AST_MatchClass,     /* MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns) */
    MPY_AST_MatchStar,      /* MatchStar(identifier? name) */
    MPY_AST_MatchAs,        /* MatchAs(pattern? pattern, identifier? name) */
    MPY_AST_MatchOr,        /* MatchOr(pattern* patterns) */
} MpyAstPatternKind;

struct MpyAstPattern {
    MpyAstPatternKind kind;
    MpyAstLoc loc;
    union {
        struct { MpyAstExpr *value; } MatchValue;
        struct { MpyObject *value; } MatchSingleton;
        struct { MpyAstSeq *patterns; } MatchSequence;
        struct { MpyAstSeq *keys; MpyAstSeq *patterns; MpyObject *rest; } MatchMapping;
        /* kwd_attrs: a sequence of MpyObject * identifiers */
        struct { MpyAstExpr *cls; MpyAstSeq *patterns; MpyAstSeq *kwd_attrs; MpyAstSeq *kwd_patterns; } MatchClass;
        struct { MpyObject *name; } MatchStar;
        struct { MpyAstPattern *pattern; MpyObject *name; } MatchAs;
        struct { MpyAstSeq *patterns; } MatchOr;
    } v;
};

typedef enum {
    MPY_AST_FunctionDef = 1, /* FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment) */
    MPY_AST_AsyncFunctionDef, /* same fields as FunctionDef */
    MPY_AST_ClassDef,    /* ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list) */
    MPY_AST_Return,      /* Return(expr? value) */
    MPY_AST_Delete,      /* Delete(expr* targets) */
    MPY_AST_Assign,      /* Assign(expr* targets, expr value, string? type_comment) */
    MPY_AST_AugAssign,   /* AugAssign(expr target, operator op, expr value) */
    MPY_AST_AnnAssign,   /* AnnAssign(expr target, expr annotation, expr? value, int simple) */
    MPY_AST_For,         /* For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment) */
    MPY_AST_AsyncFor,    /* same fields as For */
    MPY_AST_While,       /* While(expr test, stmt* body, stmt* orelse) */
    MPY_AST_If,          /* If(expr test, stmt* body, stmt* orelse) */
    MPY_AST_With,        /* With(withitem* items, stmt* body, string? type_comment) */
    MPY_AST_AsyncWith,   /* same fields as With */
    MPY_AST_Match,       /* Match(expr subject, match_case* cases) */
    MPY_AST_Raise,       /* Raise(expr? exc, expr? cause) */
    MPY_AST_Try,         /* Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody) */
    MPY_AST_TryStar,     /* same fields as Try */
    MPY_AST_Assert,      /* Assert(expr test, expr? msg) */
    MPY_AST_Import,      /* Import(alias* names) */
    MPY_AST_ImportFrom,  /* ImportFrom(identifier? module, alias* names, int? level) */
    MPY_AST_Global,      /* Global(identifier* names) */
    MPY_AST_Nonlocal,    /* Nonlocal(identifier* names) */
    MPY_AST_Expr,        /* Expr(expr value) */
    MPY_AST_Pass,
    MPY_AST_Break,
    MPY_AST_Continue,
} MpyAstStmtKind;

struct MpyAstStmt {
    MpyAstStmtKind kind;
    MpyAstLoc loc;
    union {
        /* FunctionDef and AsyncFunctionDef */
        struct { MpyObject *name; MpyAstArguments *args; MpyAstSeq *body; MpyAstSeq *decorator_list; MpyAstExpr *returns; } FunctionDef;
        struct { MpyObject *name; MpyAstSeq *bases; MpyAstSeq *keywords; MpyAstSeq *body; MpyAstSeq *decorator_list; } ClassDef;
        struct { MpyAstExpr *value; } Return;
        struct { MpyAstSeq *targets; } Delete;
        struct { MpyAstSeq *targets; MpyAstExpr *value; } Assign;
        struct { MpyAstExpr *target; MpyAstOperator op; MpyAstExpr *value; } AugAssign;
        struct { MpyAstExpr *target, *annotation, *value; int simple; } AnnAssign;
        /* For and AsyncFor */
        struct { MpyAstExpr *target, *iter; MpyAstSeq *body, *orelse; } For;
        struct { MpyAstExpr *test; MpyAstSeq *body, *orelse; } While;
        struct { MpyAstExpr *test; MpyAstSeq *body, *orelse; } If;
        /* With and AsyncWith; items are MpyAstWithItem */
        struct { MpyAstSeq *items; MpyAstSeq *body; } With;
        struct { MpyAstExpr *subject; MpyAstSeq *cases; /* match_case */ } Match;
        struct { MpyAstExpr *exc, *cause; } Raise;
        /* Try and TryStar; handlers are MpyAstExceptHandler */
        struct { MpyAstSeq *body, *handlers, *orelse, *finalbody; } Try;
        struct { MpyAstExpr *test, *msg; } Assert;
        struct { MpyAstSeq *names; /* alias */ } Import;
        struct { MpyObject *module; MpyAstSeq *names; int level; } ImportFrom;
        struct { MpyAstSeq *names; /* MpyObject * identifiers */ } Global;
        struct { MpyAstSeq *names; } Nonlocal;
        struct { MpyAstExpr *value; } Expr;
    } v;
};

/* ------------------------------------------------------------------ */
/* Modules                                                              */

typedef enum {
    MPY_AST_Module = 1, /* Module(stmt* body, type_ignore* type_ignores) */
    MPY_AST_Interactive, /* Interactive(stmt* body) */
    MPY_AST_Expression, /* Expression(expr body) */
} MpyAstModKind;

typedef struct MpyAstMod {
    MpyAstModKind kind;
    union {
        struct { MpyAstSeq *body; } Module;
        struct { MpyAstSeq *body; } Interactive;
        struct { MpyAstExpr *body; } Expression;
    } v;
} MpyAstMod;

/* ------------------------------------------------------------------ */
/* Parser entry point (vm/parser.c) and the dumper (vm/ast_dump.c)      */

typedef enum {
    MPY_PARSE_FILE,   /* a module: compile(..., "exec") */
    MPY_PARSE_EVAL,   /* one expression: compile(..., "eval") */
    MPY_PARSE_SINGLE, /* one interactive statement: compile(..., "single") */
} MpyParseMode;

/* Parse UTF-8 `source` (`len` bytes; a leading UTF-8 BOM is skipped).
 * Returns: the tree (owned by `arena`), or NULL with SyntaxError /
 * IndentationError / TabError set, with CPython 3.11's message and
 * position.  If `incomplete` is not NULL, *incomplete is set to 1 when the
 * error is only that the input ended too early (an open bracket or block,
 * an unterminated triple-quoted string, a trailing backslash): the REPL
 * then asks for another line. */
MpyAstMod *mpy__parse(const char *source, size_t len, MpyObject *filename, MpyParseMode mode,
                      MpyArena *arena, int *incomplete);

/* ast.dump(tree) of CPython 3.11 (no attributes, no indent).
 * Returns: new str, or NULL + exception. */
MpyObject *mpy__ast_dump(MpyAstMod *mod);

#endif
