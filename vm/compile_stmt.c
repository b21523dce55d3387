/* vm/compile_stmt.c: code generation for statements.
 *
 * Models the statement half of CPython 3.11's Python/compile.c:
 * compiler_visit_stmt, compiler_function, compiler_class, compiler_body,
 * the assignments (plain, augmented, annotated), if/while/for, imports,
 * assert and raise.  try/with and the statements that leave blocks
 * (return, break, continue) are in vm/compile_try.c; match statements in
 * vm/compile_match.c.
 *
 * Loops follow the shape minipy's eval loop expects (opcodes.def): the
 * test of a while loop is at the top and only JUMP_BACKWARD goes back.
 *
 *   while:  top: <test> POP_JUMP_IF_FALSE else; <body>; JUMP_BACKWARD top
 *           else: <orelse>  exit:
 *   for:    <iter> GET_ITER  top: FOR_ITER else; <target> <body>
 *           JUMP_BACKWARD top  else: <orelse>  exit:
 */
#include <string.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

/* ------------------------------------------------------------------ */
/* Bodies and docstrings                                                */

MpyObject *mpy__compile_docstring(MpyAstSeq *stmts)
{
    if (LEN(stmts) == 0)
        return NULL;
    MpyAstStmt *s = GET(stmts, 0);
    if (s->kind != MPY_AST_Expr || s->v.Expr.value->kind != MPY_AST_Constant)
        return NULL;
    MpyObject *v = s->v.Expr.value->v.Constant.value;
    return mpy_str_check_exact(v) ? v : NULL;
}

bool mpy__compile_find_annotations(MpyAstSeq *stmts)
{
    for (ptrdiff_t i = 0; i < LEN(stmts); i++) {
        MpyAstStmt *s = GET(stmts, i);
        switch (s->kind) {
        case MPY_AST_AnnAssign:
            return true;
        case MPY_AST_For:
        case MPY_AST_AsyncFor:
            if (mpy__compile_find_annotations(s->v.For.body) ||
                mpy__compile_find_annotations(s->v.For.orelse))
                return true;
            break;
        case MPY_AST_While:
        case MPY_AST_If:
            if (mpy__compile_find_annotations(s->v.If.body) ||
                mpy__compile_find_annotations(s->v.If.orelse))
                return true;
            break;
        case MPY_AST_With:
        case MPY_AST_AsyncWith:
            if (mpy__compile_find_annotations(s->v.With.body))
                return true;
            break;
        case MPY_AST_Try:
        case MPY_AST_TryStar:
            for (ptrdiff_t j = 0; j < LEN(s->v.Try.handlers); j++) {
                MpyAstExceptHandler *h = GET(s->v.Try.handlers, j);
                if (mpy__compile_find_annotations(h->body))
                    return true;
            }
            if (mpy__compile_find_annotations(s->v.Try.body) ||
                mpy__compile_find_annotations(s->v.Try.finalbody) ||
                mpy__compile_find_annotations(s->v.Try.orelse))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

void mpy__compile_body(MpyCompiler *c, MpyAstSeq *stmts)
{
    // SETUP_ANNOTATIONS takes the line of the first statement.
    if (c->u->type == MPY_UNIT_MODULE && LEN(stmts) > 0)
        set_loc(c, &((MpyAstStmt *)GET(stmts, 0))->loc);
    if (mpy__compile_find_annotations(stmts))
        emit(c, OP_SETUP_ANNOTATIONS);
    ptrdiff_t i = 0;
    if (mpy__compile_docstring(stmts) != NULL) {
        MpyAstStmt *s = GET(stmts, 0);
        mpy__compile_expr(c, s->v.Expr.value);
        unset_loc(c);
        mpy__compile_nameop(c, MPY_ID(__doc__), MPY_AST_STORE);
        i = 1;
    }
    for (; i < LEN(stmts); i++)
        mpy__compile_stmt(c, GET(stmts, i));
}

void mpy__compile_stmts(MpyCompiler *c, MpyAstSeq *stmts)
{
    for (ptrdiff_t i = 0; i < LEN(stmts); i++)
        mpy__compile_stmt(c, GET(stmts, i));
}

/* ------------------------------------------------------------------ */
/* def and class                                                        */

/* Each decorator is evaluated before the function, as a callable with a
 * NULL self; after MAKE_FUNCTION one CALL 1 per decorator applies them,
 * innermost first. */
static void compile_decorators(MpyCompiler *c, MpyAstSeq *decorators)
{
    for (ptrdiff_t i = 0; i < LEN(decorators); i++)
        mpy__compile_callable(c, GET(decorators, i));
}

static void apply_decorators(MpyCompiler *c, MpyAstSeq *decorators)
{
    MpyCodeLocation saved = c->u->loc;
    for (ptrdiff_t i = LEN(decorators) - 1; i >= 0; i--) {
        set_loc(c, &((MpyAstExpr *)GET(decorators, i))->loc); // tracebacks show `@deco`
        emit_arg(c, OP_CALL, 1);
    }
    c->u->loc = saved;
}

static int first_line(MpyAstStmt *s, MpyAstSeq *decorators)
{
    if (LEN(decorators) > 0)
        return ((MpyAstExpr *)GET(decorators, 0))->loc.lineno;
    return s->loc.lineno;
}

/* Push the value of an annotation: its text under
 * `from __future__ import annotations`, else the evaluated expression. */
static void compile_annotation(MpyCompiler *c, MpyAstExpr *annotation)
{
    if (c->future_annotations)
        emit_const_take(c, mpy__ast_unparse(annotation));
    else
        mpy__compile_expr(c, annotation);
}

/* Push `name` and the value of one annotation; returns the number of
 * items pushed (0 or 2). */
static int arg_annotation(MpyCompiler *c, MpyObject *name, MpyAstExpr *annotation)
{
    if (annotation == NULL)
        return 0;
    emit_const_take(c, mpy__compile_mangle(c, name));
    if (c->future_annotations) {
        compile_annotation(c, annotation);
    } else if (annotation->kind == MPY_AST_Starred) {
        // *args: *Ts  is  [value] = [*Ts]
        mpy__compile_expr(c, annotation->v.Starred.value);
        emit_arg(c, OP_UNPACK_SEQUENCE, 1);
    } else {
        mpy__compile_expr(c, annotation);
    }
    return 2;
}

static int arg_annotations(MpyCompiler *c, MpyAstSeq *args)
{
    int n = 0;
    for (ptrdiff_t i = 0; i < LEN(args); i++) {
        MpyAstArg *arg = GET(args, i);
        n += arg_annotation(c, arg->arg, arg->annotation);
    }
    return n;
}

/* The annotations tuple (name, value, name, value ...) for MAKE_FUNCTION
 * flag 0x04, in CPython 3.11's order.  Returns whether one was pushed. */
static bool compile_annotations(MpyCompiler *c, MpyAstArguments *args, MpyAstExpr *returns)
{
    int n = arg_annotations(c, args->args);
    n += arg_annotations(c, args->posonlyargs);
    if (args->vararg)
        n += arg_annotation(c, args->vararg->arg, args->vararg->annotation);
    n += arg_annotations(c, args->kwonlyargs);
    if (args->kwarg)
        n += arg_annotation(c, args->kwarg->arg, args->kwarg->annotation);
    n += arg_annotation(c, mpy_str_intern_cstr("return"), returns);
    if (n == 0)
        return false;
    emit_arg(c, OP_BUILD_TUPLE, n);
    return true;
}

static void compile_function(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstArguments *args = s->v.FunctionDef.args;
    MpyAstSeq *decorators = s->v.FunctionDef.decorator_list;
    compile_decorators(c, decorators);
    int flags = mpy__compile_default_arguments(c, args);
    if (compile_annotations(c, args, s->v.FunctionDef.returns))
        flags |= 0x04;
    if (!mpy__compile_enter_scope(c, s->v.FunctionDef.name, MPY_UNIT_FUNCTION, s,
                                  first_line(s, decorators)))
        return;
    c->u->is_async = s->kind == MPY_AST_AsyncFunctionDef;
    MpyAstSeq *body = s->v.FunctionDef.body;
    MpyObject *doc = mpy__compile_docstring(body);
    // co_consts[0] is the docstring (or None): MAKE_FUNCTION reads it there.
    mpy__compile_add_const(c, doc ? doc : MPY_NONE);
    c->u->argcount = (int)(LEN(args->posonlyargs) + LEN(args->args));
    c->u->posonlyargcount = (int)LEN(args->posonlyargs);
    c->u->kwonlyargcount = (int)LEN(args->kwonlyargs);
    for (ptrdiff_t i = doc ? 1 : 0; i < LEN(body); i++)
        mpy__compile_stmt(c, GET(body, i));
    MpyObject *code = mpy__compile_exit_scope(c, true);
    if (code == NULL)
        return;
    mpy__compile_make_closure(c, code, flags);
    MPY_DECREF(code);
    apply_decorators(c, decorators);
    mpy__compile_nameop(c, s->v.FunctionDef.name, MPY_AST_STORE);
}

/* The class body: a function run by __build_class__ with the class
 * namespace as its locals. */
static MpyObject *compile_class_body(MpyCompiler *c, MpyAstStmt *s, int firstlineno)
{
    if (!mpy__compile_enter_scope(c, s->v.ClassDef.name, MPY_UNIT_CLASS, s, firstlineno))
        return NULL;
    c->u->private_name = s->v.ClassDef.name;
    mpy__compile_nameop(c, MPY_ID(__name__), MPY_AST_LOAD);
    mpy__compile_nameop(c, MPY_ID(__module__), MPY_AST_STORE);
    emit_const(c, c->u->qualname);
    mpy__compile_nameop(c, MPY_ID(__qualname__), MPY_AST_STORE);
    mpy__compile_body(c, s->v.ClassDef.body);
    unset_loc(c);
    // Return the __class__ cell (type.__new__ fills it) or None.
    if (c->u->ste->needs_class_closure) {
        emit_arg(c, OP_LOAD_CLOSURE, 0); // __class__ is the class body's only cell
        emit_arg(c, OP_COPY, 1);
        mpy__compile_nameop(c, MPY_ID(__classcell__), MPY_AST_STORE);
    } else {
        emit_const(c, MPY_NONE);
    }
    emit(c, OP_RETURN_VALUE);
    return mpy__compile_exit_scope(c, true);
}

static void compile_class(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstSeq *decorators = s->v.ClassDef.decorator_list;
    compile_decorators(c, decorators);
    MpyObject *code = compile_class_body(c, s, first_line(s, decorators));
    if (code == NULL)
        return;
    emit(c, OP_LOAD_BUILD_CLASS);
    emit(c, OP_PUSH_NULL);
    mpy__compile_make_closure(c, code, 0);
    MPY_DECREF(code);
    emit_const(c, s->v.ClassDef.name);
    mpy__compile_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords);
    apply_decorators(c, decorators);
    mpy__compile_nameop(c, s->v.ClassDef.name, MPY_AST_STORE);
}

/* ------------------------------------------------------------------ */
/* Assignments                                                          */

static void compile_assign(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstSeq *targets = s->v.Assign.targets;
    mpy__compile_expr(c, s->v.Assign.value);
    for (ptrdiff_t i = 0; i < LEN(targets); i++) {
        if (i < LEN(targets) - 1)
            emit_arg(c, OP_COPY, 1); // a = b = value
        mpy__compile_expr(c, GET(targets, i));
    }
}

/* a.x += v:   a; COPY 1; LOAD_ATTR x; v; BINARY_OP +=; SWAP 2; STORE_ATTR x
 * a[i] += v:  a; i; COPY 2; COPY 2; BINARY_SUBSCR; v; BINARY_OP +=;
 *             SWAP 3; SWAP 2; STORE_SUBSCR */
static void compile_aug_assign(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstExpr *e = s->v.AugAssign.target;
    MpyCodeLocation saved = c->u->loc;
    set_loc(c, &e->loc);
    switch (e->kind) {
    case MPY_AST_Attribute:
        mpy__compile_expr(c, e->v.Attribute.value);
        emit_arg(c, OP_COPY, 1);
        mpy__compile_attr_loc(c, e);
        emit_name(c, OP_LOAD_ATTR, e->v.Attribute.attr);
        break;
    case MPY_AST_Subscript:
        mpy__compile_expr(c, e->v.Subscript.value);
        mpy__compile_expr(c, e->v.Subscript.slice);
        emit_arg(c, OP_COPY, 2);
        emit_arg(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR);
        break;
    case MPY_AST_Name:
        mpy__compile_nameop(c, e->v.Name.id, MPY_AST_LOAD);
        break;
    default:
        mpy_err_format(mpy_exc_SystemError, "invalid node type (%d) for augmented assignment",
                       (int)e->kind);
        mpy__compile_fail(c);
        return;
    }
    c->u->loc = saved;
    mpy__compile_expr(c, s->v.AugAssign.value);
    emit_arg(c, OP_BINARY_OP, MPY_NB_INPLACE + mpy__compile_binop_code(s->v.AugAssign.op));
    set_loc(c, &e->loc);
    switch (e->kind) {
    case MPY_AST_Attribute:
        mpy__compile_attr_loc(c, e);
        emit_arg(c, OP_SWAP, 2);
        emit_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
        break;
    case MPY_AST_Subscript:
        emit_arg(c, OP_SWAP, 3);
        emit_arg(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR);
        break;
    default:
        mpy__compile_nameop(c, e->v.Name.id, MPY_AST_STORE);
        break;
    }
}

/* Evaluate an expression only for its errors (annotations of complex
 * targets at module or class level). */
static void check_ann_expr(MpyCompiler *c, MpyAstExpr *e)
{
    mpy__compile_expr(c, e);
    emit(c, OP_POP_TOP);
}

static void check_ann_subscript(MpyCompiler *c, MpyAstExpr *e)
{
    if (e->kind == MPY_AST_Slice) {
        if (e->v.Slice.lower)
            check_ann_expr(c, e->v.Slice.lower);
        if (e->v.Slice.upper)
            check_ann_expr(c, e->v.Slice.upper);
        if (e->v.Slice.step)
            check_ann_expr(c, e->v.Slice.step);
    } else if (e->kind == MPY_AST_Tuple) {
        for (ptrdiff_t i = 0; i < LEN(e->v.Tuple.elts); i++)
            check_ann_subscript(c, GET(e->v.Tuple.elts, i));
    } else {
        check_ann_expr(c, e);
    }
}

static void compile_ann_assign(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstExpr *target = s->v.AnnAssign.target;
    bool module_or_class = c->u->type == MPY_UNIT_MODULE || c->u->type == MPY_UNIT_CLASS;
    if (s->v.AnnAssign.value) {
        mpy__compile_expr(c, s->v.AnnAssign.value);
        mpy__compile_expr(c, target);
    }
    switch (target->kind) {
    case MPY_AST_Name:
        // __annotations__['x'] = <annotation>, only for simple names at
        // module or class level; function annotations are not evaluated.
        if (s->v.AnnAssign.simple && module_or_class) {
            compile_annotation(c, s->v.AnnAssign.annotation);
            emit_name(c, OP_LOAD_NAME, MPY_ID(__annotations__));
            emit_const_take(c, mpy__compile_mangle(c, target->v.Name.id));
            emit(c, OP_STORE_SUBSCR);
        }
        break;
    case MPY_AST_Attribute:
        if (!s->v.AnnAssign.value)
            check_ann_expr(c, target->v.Attribute.value);
        break;
    case MPY_AST_Subscript:
        if (!s->v.AnnAssign.value) {
            check_ann_expr(c, target->v.Subscript.value);
            check_ann_subscript(c, target->v.Subscript.slice);
        }
        break;
    default:
        mpy_err_format(mpy_exc_SystemError, "invalid node type (%d) for annotated assignment",
                       (int)target->kind);
        mpy__compile_fail(c);
        return;
    }
    if (!s->v.AnnAssign.simple && module_or_class && !c->future_annotations)
        check_ann_expr(c, s->v.AnnAssign.annotation);
}

/* ------------------------------------------------------------------ */
/* Control flow                                                         */

static void compile_if(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *end = new_block(c);
    MpyCBlock *next = LEN(s->v.If.orelse) ? new_block(c) : end;
    mpy__compile_jump_if(c, s->v.If.test, next, false);
    mpy__compile_stmts(c, s->v.If.body);
    if (LEN(s->v.If.orelse)) {
        unset_loc(c);
        emit_jump(c, MPY_PSEUDO_JUMP, end);
        use_block(c, next);
        mpy__compile_stmts(c, s->v.If.orelse);
    }
    use_block(c, end);
}

static void compile_while(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *loop = new_block(c), *body = new_block(c);
    MpyCBlock *orelse = new_block(c), *exit = new_block(c);
    use_block(c, loop);
    mpy__compile_push_fblock(c, MPY_FB_WHILE_LOOP, loop, exit, NULL);
    mpy__compile_jump_if(c, s->v.While.test, orelse, false);
    use_block(c, body);
    mpy__compile_stmts(c, s->v.While.body);
    // The backward jump is where Ctrl-C interrupts a loop: it has the
    // test's location, or the whole statement's for `while True:` (as
    // CPython, whose traceback then shows no carets).
    MpyAstExpr *test = s->v.While.test;
    bool forever = test->kind == MPY_AST_Constant && mpy_object_is_true(test->v.Constant.value) == 1;
    set_loc(c, forever ? &s->loc : &test->loc);
    emit_jump(c, MPY_PSEUDO_JUMP, loop);
    mpy__compile_pop_fblock(c);
    use_block(c, orelse);
    mpy__compile_stmts(c, s->v.While.orelse);
    use_block(c, exit);
}

/*   <iter>; GET_AITER
 * start:
 *   SETUP_FINALLY handler; GET_ANEXT; <await loop>; POP_BLOCK
 *   <store target>; <body>; JUMP start
 * handler:                               [aiter, exc]
 *   END_ASYNC_FOR (ends the loop on StopAsyncIteration, else re-raises)
 *   <orelse>
 * end: */
static void compile_async_for(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *start = new_block(c), *body = new_block(c);
    MpyCBlock *handler = new_block(c), *end = new_block(c);
    mpy__compile_push_fblock(c, MPY_FB_FOR_LOOP, start, end, NULL);
    mpy__compile_expr(c, s->v.For.iter);
    emit(c, OP_GET_AITER);
    use_block(c, start);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    emit(c, OP_GET_ANEXT);
    mpy__compile_await_loop(c);
    emit(c, OP_POP_BLOCK);
    use_block(c, body);
    mpy__compile_expr(c, s->v.For.target);
    mpy__compile_stmts(c, s->v.For.body);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, start);
    use_block(c, handler);
    set_loc(c, &s->loc);
    emit(c, OP_END_ASYNC_FOR);
    mpy__compile_pop_fblock(c);
    mpy__compile_stmts(c, s->v.For.orelse);
    use_block(c, end);
}

static void compile_for(MpyCompiler *c, MpyAstStmt *s)
{
    if (s->kind == MPY_AST_AsyncFor) {
        if (!c->u->is_async)
            mpy__compile_error(c, "'async for' outside async function");
        else
            compile_async_for(c, s);
        return;
    }
    MpyCBlock *start = new_block(c), *body = new_block(c);
    MpyCBlock *cleanup = new_block(c), *end = new_block(c);
    mpy__compile_push_fblock(c, MPY_FB_FOR_LOOP, start, end, NULL);
    mpy__compile_expr(c, s->v.For.iter);
    emit(c, OP_GET_ITER);
    use_block(c, start);
    emit_jump(c, OP_FOR_ITER, cleanup);
    use_block(c, body);
    mpy__compile_expr(c, s->v.For.target);
    mpy__compile_stmts(c, s->v.For.body);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, start);
    use_block(c, cleanup);
    mpy__compile_pop_fblock(c);
    mpy__compile_stmts(c, s->v.For.orelse);
    use_block(c, end);
}

static void compile_raise(MpyCompiler *c, MpyAstStmt *s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        mpy__compile_expr(c, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
            mpy__compile_expr(c, s->v.Raise.cause);
            n++;
        }
    }
    emit_arg(c, OP_RAISE_VARARGS, n);
    mpy__compile_next_block(c);
}

static void compile_assert(MpyCompiler *c, MpyAstStmt *s)
{
    mpy__compile_check_assert(c, s->v.Assert.test);
    MpyCBlock *end = new_block(c);
    mpy__compile_jump_if(c, s->v.Assert.test, end, true);
    emit(c, OP_LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        emit(c, OP_PUSH_NULL);
        mpy__compile_expr(c, s->v.Assert.msg);
        emit_arg(c, OP_CALL, 1);
    }
    emit_arg(c, OP_RAISE_VARARGS, 1);
    use_block(c, end);
}

static void compile_expr_stmt(MpyCompiler *c, MpyAstExpr *value)
{
    if (c->interactive && c->nestlevel <= 1) {
        mpy__compile_expr(c, value);
        emit(c, OP_PRINT_EXPR);
        return;
    }
    if (value->kind == MPY_AST_Constant) {
        emit(c, OP_NOP); // a constant statement only keeps its line
        return;
    }
    mpy__compile_expr(c, value);
    unset_loc(c);
    emit(c, OP_POP_TOP);
}

/* ------------------------------------------------------------------ */
/* Imports                                                              */

/* A str holding text[start:end] (byte offsets), interned.  NULL + error. */
static MpyObject *substring(MpyObject *s, size_t start, size_t end)
{
    MpyObject *sub = mpy_str_from_utf8_trusted(mpy_str_utf8(s) + start, end - start);
    return sub ? mpy_str_intern_take(sub) : NULL;
}

/* After IMPORT_NAME a.b.c: bind `asname` to a.b.c, reaching b and c with
 * IMPORT_FROM. */
static void import_as(MpyCompiler *c, MpyObject *name, MpyObject *asname)
{
    const char *text = mpy_str_utf8(name);
    const char *dot = strchr(text, '.');
    if (dot == NULL) {
        mpy__compile_nameop(c, asname, MPY_AST_STORE);
        return;
    }
    while (dot != NULL && !c->failed) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t end = dot ? (size_t)(dot - text) : strlen(text);
        MpyObject *attr = substring(name, (size_t)(start - text), end);
        if (attr == NULL) {
            mpy__compile_fail(c);
            return;
        }
        emit_name(c, OP_IMPORT_FROM, attr);
        MPY_DECREF(attr);
        if (dot != NULL) {
            emit_arg(c, OP_SWAP, 2);
            emit(c, OP_POP_TOP);
        }
    }
    mpy__compile_nameop(c, asname, MPY_AST_STORE);
    emit(c, OP_POP_TOP);
}

static void compile_import(MpyCompiler *c, MpyAstStmt *s)
{
    for (ptrdiff_t i = 0; i < LEN(s->v.Import.names) && !c->failed; i++) {
        MpyAstAlias *alias = GET(s->v.Import.names, i);
        emit_const(c, mpy_small_int(0));
        emit_const(c, MPY_NONE);
        emit_name(c, OP_IMPORT_NAME, alias->name);
        if (alias->asname) {
            import_as(c, alias->name, alias->asname);
            continue;
        }
        // `import a.b` binds the top package `a`.
        const char *text = mpy_str_utf8(alias->name);
        const char *dot = strchr(text, '.');
        MpyObject *store = dot ? substring(alias->name, 0, (size_t)(dot - text))
                               : MPY_NEWREF(alias->name);
        if (store == NULL) {
            mpy__compile_fail(c);
            return;
        }
        mpy__compile_nameop(c, store, MPY_AST_STORE);
        MPY_DECREF(store);
    }
}

static void compile_from_import(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstSeq *aliases = s->v.ImportFrom.names;
    ptrdiff_t n = LEN(aliases);
    emit_const(c, mpy_small_int(s->v.ImportFrom.level));
    MpyObject *names = mpy_tuple_new(n);
    if (names == NULL) {
        mpy__compile_fail(c);
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++)
        mpy_tuple_init_take(names, i, MPY_NEWREF(((MpyAstAlias *)GET(aliases, i))->name));
    MpyObject *module = s->v.ImportFrom.module;
    if (s->loc.lineno > c->future_lineno && module && mpy_str_equal_cstr(module, "__future__")) {
        MPY_DECREF(names);
        mpy__compile_error(c, "from __future__ imports must occur at the beginning of the file");
        return;
    }
    emit_const_take(c, names);
    emit_name(c, OP_IMPORT_NAME, module ? module : mpy_str_empty());
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyAstAlias *alias = GET(aliases, i);
        if (i == 0 && mpy_str_equal_cstr(alias->name, "*")) {
            emit(c, OP_IMPORT_STAR);
            return;
        }
        emit_name(c, OP_IMPORT_FROM, alias->name);
        mpy__compile_nameop(c, alias->asname ? alias->asname : alias->name, MPY_AST_STORE);
    }
    emit(c, OP_POP_TOP); // the module
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                             */

static void compile_stmt_kind(MpyCompiler *c, MpyAstStmt *s)
{
    switch (s->kind) {
    case MPY_AST_FunctionDef:
    case MPY_AST_AsyncFunctionDef:
        compile_function(c, s);
        break;
    case MPY_AST_ClassDef:
        compile_class(c, s);
        break;
    case MPY_AST_Return:
        mpy__compile_return(c, s);
        break;
    case MPY_AST_Delete:
        mpy__compile_exprs(c, s->v.Delete.targets);
        break;
    case MPY_AST_Assign:
        compile_assign(c, s);
        break;
    case MPY_AST_AugAssign:
        compile_aug_assign(c, s);
        break;
    case MPY_AST_AnnAssign:
        compile_ann_assign(c, s);
        break;
    case MPY_AST_For:
    case MPY_AST_AsyncFor:
        compile_for(c, s);
        break;
    case MPY_AST_While:
        compile_while(c, s);
        break;
    case MPY_AST_If:
        compile_if(c, s);
        break;
    case MPY_AST_Match:
        mpy__compile_match(c, s);
        break;
    case MPY_AST_Raise:
        compile_raise(c, s);
        break;
    case MPY_AST_Try:
    case MPY_AST_TryStar:
        mpy__compile_try(c, s);
        break;
    case MPY_AST_Assert:
        compile_assert(c, s);
        break;
    case MPY_AST_Import:
        compile_import(c, s);
        break;
    case MPY_AST_ImportFrom:
        compile_from_import(c, s);
        break;
    case MPY_AST_Global:
    case MPY_AST_Nonlocal:
        break; // only the symbol table cares
    case MPY_AST_Expr:
        compile_expr_stmt(c, s->v.Expr.value);
        break;
    case MPY_AST_Pass:
        emit(c, OP_NOP);
        break;
    case MPY_AST_Break:
        mpy__compile_break(c);
        break;
    case MPY_AST_Continue:
        mpy__compile_continue(c);
        break;
    case MPY_AST_With:
        mpy__compile_with(c, s, 0);
        break;
    case MPY_AST_AsyncWith:
        if (!c->u->is_async)
            mpy__compile_error(c, "'async with' outside async function");
        else
            mpy__compile_with(c, s, 0);
        break;
    }
}

void mpy__compile_stmt(MpyCompiler *c, MpyAstStmt *s)
{
    if (!mpy__compile_enter(c))
        return;
    set_loc(c, &s->loc);
    compile_stmt_kind(c, s);
    mpy__compile_leave(c);
}
