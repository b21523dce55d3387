/* vm/compiler_internal.h: the state shared by the compiler's files.
 *
 * Models the `struct compiler` / `struct compiler_unit` / `basicblock`
 * part of CPython 3.11's Python/compile.c.  The compiler is split by
 * concept:
 *
 *   vm/ast_opt.c        constant folding on the tree (runs first)
 *   vm/ast_unparse.c    annotations as text (`from __future__ import annotations`)
 *   vm/symtable.c       scopes of names (runs second)
 *   vm/compiler.c       the driver, compilation units, the emit helpers,
 *                       name resolution, closures
 *   vm/compile_stmt.c   statements: def, class, assignments, loops, imports
 *   vm/compile_expr.c   expressions: operators, containers, f-strings ...
 *   vm/compile_call.c   calls and comprehensions
 *   vm/compile_try.c    try/except/finally, with, and the unwinding done by
 *                       return/break/continue through those blocks
 *   vm/compile_match.c  match statements
 *   vm/compile_warn.c   SyntaxWarnings ("is" with a literal ...)
 *   vm/assemble.c       basic blocks -> one code object
 *
 * Code is generated into *basic blocks*: straight runs of instructions
 * whose jumps name a target block, not an offset.  The assembler lays the
 * blocks out in the order they were used (`next`), drops unreachable ones,
 * and only then turns targets into instruction indices.
 *
 * Error handling is "sticky": the emit helpers return nothing; when
 * something fails (no memory, a SyntaxError found while generating code)
 * the exception is set once and `c->failed` becomes true.  Every visitor
 * starts by returning if `c->failed`, so after an error the walk unwinds
 * quickly, and the driver reports the first exception.  This keeps the
 * code generators as plain lists of emit calls, like CPython's ADDOP
 * macros, without hiding a `return` in a macro.
 */
#ifndef MINIPY_VM_COMPILER_INTERNAL_H
#define MINIPY_VM_COMPILER_INTERNAL_H

#include <stdbool.h>

#include "runtime/object.h"
#include "vm/ast.h"
#include "vm/code.h"
#include "vm/opcodes.h"
#include "vm/symtable.h"

/* Nesting deeper than this (expressions, statements, patterns) raises
 * RecursionError "maximum recursion depth exceeded during compilation",
 * as CPython does at about three times its recursion limit. */
#define MPY_COMPILE_MAX_DEPTH 3000

/* CPython's STACK_USE_GUIDELINE: collections and calls with more items
 * than this are built piece by piece so the value stack stays small. */
#define MPY_STACK_USE_GUIDELINE 30

/* Pseudo-instructions: the assembler replaces them by real ones once it
 * knows the direction of the jump. */
enum {
    MPY_PSEUDO_JUMP = MPY_OPCODE_COUNT,  /* JUMP_FORWARD or JUMP_BACKWARD */
    MPY_PSEUDO_JUMP_NO_INTERRUPT,        /* JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT */
};

typedef struct MpyCBlock MpyCBlock;

typedef struct MpyCInstr {
    int op;                /* an opcode or a pseudo-instruction */
    int arg;
    MpyCBlock *target;     /* jump target, for jumps */
    MpyCodeLocation loc;   /* line -1: "artificial", gets its neighbour's line */
} MpyCInstr;

struct MpyCBlock {
    MpyCBlock *all_next;   /* every block of the unit (for freeing) */
    MpyCBlock *next;       /* layout order: the block that falls through */
    MpyCInstr *instrs;
    int ninstrs, cap;
    /* Filled by the assembler. */
    int offset;            /* index of the first instruction */
    int start_depth;       /* stack depth on entry (-1: not reached yet) */
    int start_blocks;      /* handler-block depth on entry */
    int predecessors;
    bool reachable;
};

/* The compile-time block stack ("frame blocks"): what a return, break or
 * continue must undo on its way out (CPython's fblockinfo). */
typedef enum {
    MPY_FB_WHILE_LOOP,
    MPY_FB_FOR_LOOP,          /* the iterator is on the stack */
    MPY_FB_TRY_EXCEPT,        /* inside try: one handler block */
    MPY_FB_FINALLY_TRY,       /* inside try of try/finally: datum = finalbody */
    MPY_FB_FINALLY_END,       /* running the finally body after an exception */
    MPY_FB_WITH,              /* inside with: exit and a handler block; datum = stmt */
    MPY_FB_HANDLER_CLEANUP,   /* inside except: datum = the `as` name or NULL */
    MPY_FB_POP_VALUE,         /* a value to drop (return inside finally) */
    MPY_FB_EXCEPTION_HANDLER, /* between PUSH_EXC_INFO and the clause bodies */
    MPY_FB_EXCEPTION_GROUP_HANDLER, /* inside an except* clause: no return/break/continue */
} MpyFBlockType;

typedef struct MpyFBlock {
    MpyFBlockType type;
    MpyCBlock *block;      /* loops: where `continue` goes */
    MpyCBlock *exit;       /* loops: where `break` goes */
    const void *datum;
} MpyFBlock;

/* What kind of code object a unit produces. */
typedef enum {
    MPY_UNIT_MODULE,
    MPY_UNIT_CLASS,
    MPY_UNIT_FUNCTION,
    MPY_UNIT_LAMBDA,
    MPY_UNIT_COMPREHENSION,
} MpyUnitType;

/* One code object being compiled.  Units nest like the scopes. */
typedef struct MpyCUnit {
    struct MpyCUnit *parent;
    MpySymtableEntry *ste;
    MpyUnitType type;
    MpyObject *name;        /* owned str */
    MpyObject *qualname;    /* owned str */
    MpyObject *private_name;/* borrowed: class name for mangling, or NULL */
    MpyObject *const_index; /* owned dict: constant key -> index */
    MpyObject *consts;      /* owned list */
    MpyObject *names;       /* owned dict: str -> index (co_names) */
    MpyObject *varnames;    /* owned dict: str -> index */
    MpyObject *cellvars;    /* owned dict: str -> index */
    MpyObject *freevars;    /* owned dict: str -> index (from len(cellvars)) */
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    bool is_async;          /* an async def: await / async for / async with allowed */
    MpyCodeLocation loc;    /* given to every instruction emitted now */
    MpyCBlock *blocks;      /* all blocks, newest first */
    MpyCBlock *entry;       /* the first block */
    MpyCBlock *current;     /* where instructions go */
    MpyFBlock fblocks[MPY_MAX_BLOCK_DEPTH];
    int nfblocks;
} MpyCUnit;

typedef struct MpyCompiler {
    MpyObject *filename;    /* borrowed */
    MpySymtable *st;
    MpyCUnit *u;            /* the innermost unit */
    int nestlevel;          /* number of units open */
    int depth;              /* recursion guard */
    bool interactive;       /* PRINT_EXPR for expression statements */
    bool future_annotations;/* from __future__ import annotations */
    int future_lineno;      /* line of the last leading __future__ import */
    bool failed;            /* an exception is set; unwind */
} MpyCompiler;

/* ---- vm/compiler.c: errors ---- */

/* Raise SyntaxError(msg, (filename, line, col + 1, text, end_line,
 * end_col + 1)) as CPython's compiler does; `fmt` is an mpy_err_format
 * format; the source line is read from the file when it exists. */
void mpy__compile_syntax_error(MpyObject *filename, const MpyAstLoc *loc, const char *fmt, ...);
/* The same at the current location of `c`; sets c->failed. */
void mpy__compile_error(MpyCompiler *c, const char *fmt, ...);
/* Line `lineno` of the file `filename` (newline included), as CPython's
 * PyErr_ProgramTextObject finds it, or NULL.  The caller frees() it. */
char *mpy__compile_program_text(MpyObject *filename, int lineno);
/* Mark `c` failed after a callee set an exception. */
static inline void mpy__compile_fail(MpyCompiler *c) { c->failed = true; }
/* Is the C stack nearly used up?  (A second guard besides the depth.) */
bool mpy__compile_c_stack_low(void);
/* Enter/leave one level of recursion; false (with RecursionError set and
 * c->failed) when nested too deeply or already failed. */
bool mpy__compile_enter(MpyCompiler *c);
static inline void mpy__compile_leave(MpyCompiler *c) { c->depth--; }

/* ---- vm/compiler.c: blocks and emitting ---- */

MpyCBlock *mpy__compile_new_block(MpyCompiler *c);
/* Make `b` the current block and the layout successor of the current one. */
void mpy__compile_use_block(MpyCompiler *c, MpyCBlock *b);
/* Start a new block after the current one (after a jump). */
void mpy__compile_next_block(MpyCompiler *c);
void mpy__compile_emit(MpyCompiler *c, int op, int arg);
void mpy__compile_emit_jump(MpyCompiler *c, int op, MpyCBlock *target);
/* LOAD_CONST o (borrowed). */
void mpy__compile_emit_const(MpyCompiler *c, MpyObject *o);
/* op with a co_names index; the name is mangled first. */
void mpy__compile_emit_name(MpyCompiler *c, int op, MpyObject *name);
/* Load/store/delete a variable with the right opcode for its scope. */
void mpy__compile_nameop(MpyCompiler *c, MpyObject *name, MpyAstCtx ctx);
/* Index of constant o in the unit (added if new); -1 on failure. */
int mpy__compile_add_const(MpyCompiler *c, MpyObject *o);
/* Mangle with the current class name.  Returns: new reference or NULL. */
MpyObject *mpy__compile_mangle(MpyCompiler *c, MpyObject *name);

static inline void emit(MpyCompiler *c, int op) { mpy__compile_emit(c, op, 0); }
static inline void emit_arg(MpyCompiler *c, int op, int arg) { mpy__compile_emit(c, op, arg); }
static inline void emit_jump(MpyCompiler *c, int op, MpyCBlock *target)
{
    mpy__compile_emit_jump(c, op, target);
}
static inline void emit_const(MpyCompiler *c, MpyObject *o) { mpy__compile_emit_const(c, o); }
/* LOAD_CONST of a new reference the caller gives up (NULL: failed). */
static inline void emit_const_take(MpyCompiler *c, MpyObject *o)
{
    if (o == NULL) {
        mpy__compile_fail(c);
        return;
    }
    mpy__compile_emit_const(c, o);
    MPY_DECREF(o);
}
static inline void emit_name(MpyCompiler *c, int op, MpyObject *name)
{
    mpy__compile_emit_name(c, op, name);
}
static inline MpyCBlock *new_block(MpyCompiler *c) { return mpy__compile_new_block(c); }
static inline void use_block(MpyCompiler *c, MpyCBlock *b) { mpy__compile_use_block(c, b); }

/* Locations: instructions take the unit's current location. */
static inline void set_loc(MpyCompiler *c, const MpyAstLoc *loc)
{
    c->u->loc = (MpyCodeLocation){loc->lineno, loc->end_lineno, loc->col_offset,
                                  loc->end_col_offset};
}
/* The following instructions are artificial (they take a neighbour's line). */
static inline void unset_loc(MpyCompiler *c)
{
    c->u->loc = (MpyCodeLocation){-1, -1, -1, -1};
}

/* ---- vm/compiler.c: scopes ---- */

/* Open a unit for the scope of tree node `key` and emit RESUME 0.
 * Returns false (c->failed) if no unit could be opened; otherwise the
 * caller must close it with mpy__compile_exit_scope, even after errors. */
bool mpy__compile_enter_scope(MpyCompiler *c, MpyObject *name, MpyUnitType type,
                              const void *key, int firstlineno);
/* Finish the current unit into a code object and close it.
 * `add_none`: end with `return None` if the code can fall off its end
 * (else just RETURN_VALUE).  Returns: new reference, or NULL (failed). */
MpyObject *mpy__compile_exit_scope(MpyCompiler *c, bool add_none);
/* Push MAKE_FUNCTION for `code` (with its closure tuple when it has free
 * variables); `flags` says which of defaults/kwdefaults/annotations the
 * caller pushed. */
void mpy__compile_make_closure(MpyCompiler *c, MpyObject *code, int flags);
/* Push/pop a frame block; push fails with "too many statically nested
 * blocks". */
void mpy__compile_push_fblock(MpyCompiler *c, MpyFBlockType type, MpyCBlock *block,
                              MpyCBlock *exit, const void *datum);
void mpy__compile_pop_fblock(MpyCompiler *c);

/* ---- vm/compile_stmt.c ---- */
void mpy__compile_stmt(MpyCompiler *c, MpyAstStmt *s);
void mpy__compile_stmts(MpyCompiler *c, MpyAstSeq *stmts);
/* A module or class body: annotations setup, docstring, statements. */
void mpy__compile_body(MpyCompiler *c, MpyAstSeq *stmts);
/* Does this body contain annotated assignments (at any block depth)? */
bool mpy__compile_find_annotations(MpyAstSeq *stmts);
/* The docstring of a body, or NULL.  Returns: borrowed. */
MpyObject *mpy__compile_docstring(MpyAstSeq *stmts);

/* ---- vm/compile_expr.c ---- */
void mpy__compile_expr(MpyCompiler *c, MpyAstExpr *e);
void mpy__compile_exprs(MpyCompiler *c, MpyAstSeq *exprs);
/* Jump to `target` if e's truth equals `cond`, else fall through. */
void mpy__compile_jump_if(MpyCompiler *c, MpyAstExpr *e, MpyCBlock *target, bool cond);
/* For a multi-line attribute chain, start the current location at the
 * attribute name (CPython's update_start_location_to_match_attr). */
void mpy__compile_attr_loc(MpyCompiler *c, MpyAstExpr *attr);
/* The MPY_NB_* code of an AST operator. */
int mpy__compile_binop_code(MpyAstOperator op);
/* Build a list (or tuple) of elts, which may hold *x, above `pushed`
 * values already on the stack. */
void mpy__compile_starunpack_list(MpyCompiler *c, MpyAstSeq *elts, int pushed, bool tuple);
/* [ASYNC_GEN_WRAP]; YIELD_VALUE; RESUME 1 */
void mpy__compile_yield_value(MpyCompiler *c);
/* With an awaitable's iterator (GET_AWAITABLE) on top: None; the SEND
 * loop of `await`, leaving the result. */
void mpy__compile_await_loop(MpyCompiler *c);
/* Defaults / kw-defaults for a def or lambda.  Returns MAKE_FUNCTION flags. */
int mpy__compile_default_arguments(MpyCompiler *c, MpyAstArguments *args);

/* ---- vm/compile_call.c ---- */
void mpy__compile_call(MpyCompiler *c, MpyAstExpr *e);
/* Evaluate `func` and push the NULL "no self" of a plain call (folded into
 * LOAD_GLOBAL's low bit when func is a global name). */
void mpy__compile_callable(MpyCompiler *c, MpyAstExpr *func);
/* The rest of a call whose first `n` positional values are pushed. */
void mpy__compile_call_helper(MpyCompiler *c, int n, MpyAstSeq *args, MpyAstSeq *keywords);
/* A list/set/dict comprehension or generator expression. */
void mpy__compile_comprehension(MpyCompiler *c, MpyAstExpr *e);

/* ---- vm/compile_warn.c: SyntaxWarnings, at the current location ---- */
void mpy__compile_check_compare(MpyCompiler *c, MpyAstExpr *compare);
void mpy__compile_check_assert(MpyCompiler *c, MpyAstExpr *test);
void mpy__compile_check_caller(MpyCompiler *c, MpyAstExpr *func);
void mpy__compile_check_subscript(MpyCompiler *c, MpyAstExpr *value, MpyAstExpr *index);

/* ---- vm/compile_try.c ---- */
void mpy__compile_try(MpyCompiler *c, MpyAstStmt *s);
void mpy__compile_with(MpyCompiler *c, MpyAstStmt *s, int item);
void mpy__compile_return(MpyCompiler *c, MpyAstStmt *s);
void mpy__compile_break(MpyCompiler *c);
void mpy__compile_continue(MpyCompiler *c);

/* ---- vm/compile_match.c ---- */
void mpy__compile_match(MpyCompiler *c, MpyAstStmt *s);

/* ---- vm/assemble.c ---- */
/* Optimize and lay out the blocks of `u`; build its code object.
 * Returns: new reference or NULL + exception. */
MpyObject *mpy__assemble(MpyCompiler *c, MpyCUnit *u, int code_flags);

/* ---- vm/ast_opt.c ---- */
/* Fold constants in the tree, in place (not in annotations when they are
 * kept as text).  Returns 0 or -1 + exception. */
int mpy__ast_optimize(MpyAstMod *mod, MpyArena *arena, bool keep_annotations);

/* ---- vm/ast_unparse.c ---- */
/* The source text CPython's ast unparser gives for `e` (annotations under
 * `from __future__ import annotations`).  Returns: new str or NULL. */
MpyObject *mpy__ast_unparse(MpyAstExpr *e);

#endif
