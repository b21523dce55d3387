/* vm/compile_try.c: try/except/finally, with, and leaving blocks early.
 *
 * Models compiler_try_except, compiler_try_finally, compiler_with,
 * compiler_return/break/continue and compiler_unwind_fblock of CPython
 * 3.11's Python/compile.c.  CPython 3.11 turns its SETUP_* / POP_BLOCK
 * pseudo-instructions into a static exception table; minipy keeps them as
 * real instructions that push and pop blocks on a runtime block stack
 * (vm/opcodes.def), emitted at exactly the same places.  When an
 * exception is raised, the innermost block is popped, the value stack is
 * cut to the depth the block recorded, the exception is pushed, and
 * execution continues at the block's handler.  So every path out of a
 * protected region must pop its block, which is what the unwinding below
 * does for return/break/continue.
 *
 *   try: B  except E as n: H  else: X  finally: F
 *
 *       SETUP_FINALLY fin                 (only with finally)
 *       SETUP_FINALLY handler
 *       B
 *       POP_BLOCK
 *       X
 *       JUMP end
 *   handler:                              [exc]
 *       SETUP_FINALLY cleanup
 *       PUSH_EXC_INFO                     [prev, exc]
 *       E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
 *       STORE n                           [prev]
 *       SETUP_FINALLY named_cleanup
 *       H
 *       POP_BLOCK; POP_BLOCK; POP_EXCEPT; n = None; del n; JUMP end
 *   named_cleanup:                        [prev, exc2]
 *       n = None; del n; RERAISE 0
 *   next:
 *       RERAISE 0                         (no clause matched)
 *   cleanup:                              [prev, exc2]
 *       SWAP 2; POP_EXCEPT; RERAISE 0
 *   end:
 *       POP_BLOCK; F; JUMP exit           (only with finally)
 *   fin:                                  [exc]
 *       SETUP_FINALLY fin_cleanup; PUSH_EXC_INFO; F; RERAISE 0
 *   fin_cleanup:
 *       SWAP 2; POP_EXCEPT; RERAISE 0
 *   exit:
 */
#include "runtime/error.h"
#include "runtime/str.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

/* The handler of a handler: [prev, exc2] -> restore prev, raise exc2. */
static void pop_except_and_reraise(MpyCompiler *c)
{
    emit_arg(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT);
    emit_arg(c, OP_RERAISE, 0);
}

/* [exit] -> [exit(None, None, None)] */
static void call_exit_with_nones(MpyCompiler *c)
{
    emit(c, OP_PUSH_NULL);
    emit_const(c, MPY_NONE);
    emit_const(c, MPY_NONE);
    emit_const(c, MPY_NONE);
    emit_arg(c, OP_CALL, 3);
}

/* ------------------------------------------------------------------ */
/* Leaving blocks: return, break, continue                              */

/* Undo what frame block `info` holds, on the way out of it.  With
 * `preserve_tos`, a return value on top of the stack stays on top. */
static void unwind_fblock(MpyCompiler *c, MpyFBlock *info, bool preserve_tos)
{
    switch (info->type) {
    case MPY_FB_WHILE_LOOP:
    case MPY_FB_EXCEPTION_HANDLER:
        break;
    case MPY_FB_FOR_LOOP:
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP); // the iterator
        break;
    case MPY_FB_TRY_EXCEPT:
        emit(c, OP_POP_BLOCK);
        break;
    case MPY_FB_FINALLY_TRY:
        // Run the finally body inline; a return value waits under it.
        emit(c, OP_POP_BLOCK);
        if (preserve_tos)
            mpy__compile_push_fblock(c, MPY_FB_POP_VALUE, NULL, NULL, NULL);
        mpy__compile_stmts(c, (MpyAstSeq *)info->datum);
        if (preserve_tos)
            mpy__compile_pop_fblock(c);
        unset_loc(c);
        break;
    case MPY_FB_FINALLY_END:
        // [prev, exc] of the exception the finally body is handling.
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        break;
    case MPY_FB_WITH:
        set_loc(c, &((MpyAstStmt *)info->datum)->loc);
        emit(c, OP_POP_BLOCK);
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        call_exit_with_nones(c);
        if (((MpyAstStmt *)info->datum)->kind == MPY_AST_AsyncWith) {
            emit_arg(c, OP_GET_AWAITABLE, 2);
            mpy__compile_await_loop(c);
        }
        emit(c, OP_POP_TOP);
        unset_loc(c);
        break;
    case MPY_FB_HANDLER_CLEANUP:
        if (info->datum)
            emit(c, OP_POP_BLOCK); // the `as name` block
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        if (info->datum) {
            emit_const(c, MPY_NONE);
            mpy__compile_nameop(c, (MpyObject *)info->datum, MPY_AST_STORE);
            mpy__compile_nameop(c, (MpyObject *)info->datum, MPY_AST_DEL);
        }
        break;
    case MPY_FB_POP_VALUE:
        if (preserve_tos)
            emit_arg(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        break;
    case MPY_FB_EXCEPTION_GROUP_HANDLER:
        mpy__compile_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
        break;
    }
}

/* Unwind every frame block, innermost first, up to the nearest loop when
 * `loop` is given (it receives that loop, or NULL).  Each block is taken
 * off the stack while its cleanup is compiled, so a `return` inside an
 * inlined finally body does not run that finally body again. */
static void unwind_fblock_stack(MpyCompiler *c, bool preserve_tos, MpyFBlock **loop)
{
    MpyCUnit *u = c->u;
    if (c->failed || u->nfblocks == 0)
        return;
    MpyFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->type == MPY_FB_WHILE_LOOP || top->type == MPY_FB_FOR_LOOP)) {
        *loop = top;
        return;
    }
    MpyFBlock copy = *top;
    u->nfblocks--;
    unwind_fblock(c, &copy, preserve_tos);
    unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
}

void mpy__compile_return(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstExpr *value = s->v.Return.value;
    MpySymtableEntry *ste = c->u->ste;
    bool preserve_tos = value != NULL && value->kind != MPY_AST_Constant;
    if (ste->type != MPY_BLOCK_FUNCTION) {
        mpy__compile_error(c, "'return' outside function");
        return;
    }
    if (value != NULL && ste->coroutine && ste->generator) {
        mpy__compile_error(c, "'return' with value in async generator");
        return;
    }
    if (preserve_tos) {
        mpy__compile_expr(c, value);
    } else if (value != NULL) {
        set_loc(c, &value->loc);
        emit(c, OP_NOP); // the line of the returned constant
    }
    if (value == NULL || value->loc.lineno != s->loc.lineno) {
        set_loc(c, &s->loc);
        emit(c, OP_NOP);
    }
    unwind_fblock_stack(c, preserve_tos, NULL);
    if (value == NULL)
        emit_const(c, MPY_NONE);
    else if (!preserve_tos)
        emit_const(c, value->v.Constant.value);
    emit(c, OP_RETURN_VALUE);
    mpy__compile_next_block(c);
}

void mpy__compile_break(MpyCompiler *c)
{
    MpyFBlock *loop = NULL;
    emit(c, OP_NOP); // keeps the line of the break
    unwind_fblock_stack(c, false, &loop);
    if (c->failed)
        return;
    if (loop == NULL) {
        mpy__compile_error(c, "'break' outside loop");
        return;
    }
    unwind_fblock(c, loop, false);
    emit_jump(c, MPY_PSEUDO_JUMP, loop->exit);
    mpy__compile_next_block(c);
}

void mpy__compile_continue(MpyCompiler *c)
{
    MpyFBlock *loop = NULL;
    emit(c, OP_NOP);
    unwind_fblock_stack(c, false, &loop);
    if (c->failed)
        return;
    if (loop == NULL) {
        mpy__compile_error(c, "'continue' not properly in loop");
        return;
    }
    emit_jump(c, MPY_PSEUDO_JUMP, loop->block);
    mpy__compile_next_block(c);
}

/* ------------------------------------------------------------------ */
/* try                                                                  */

/* One `except E as n:` clause; jumps to `end` when done, falls through to
 * the next clause when E does not match. */
static void compile_handler(MpyCompiler *c, MpyAstExceptHandler *h, bool last, MpyCBlock *end)
{
    set_loc(c, &h->loc);
    if (h->type == NULL && !last) {
        mpy__compile_error(c, "default 'except:' must be last");
        return;
    }
    MpyCBlock *next = new_block(c);
    if (h->type) {
        mpy__compile_expr(c, h->type);
        emit(c, OP_CHECK_EXC_MATCH);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
        // The name is deleted afterwards, also when the body raises:
        //   try: H  finally: n = None; del n
        MpyCBlock *cleanup_end = new_block(c), *cleanup_body = new_block(c);
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
        emit_jump(c, OP_SETUP_FINALLY, cleanup_end);
        use_block(c, cleanup_body);
        mpy__compile_push_fblock(c, MPY_FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name);
        mpy__compile_stmts(c, h->body);
        mpy__compile_pop_fblock(c);
        unset_loc(c);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        emit_const(c, MPY_NONE);
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
        mpy__compile_nameop(c, h->name, MPY_AST_DEL);
        emit_jump(c, MPY_PSEUDO_JUMP, end);
        use_block(c, cleanup_end);
        unset_loc(c);
        emit_const(c, MPY_NONE);
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
        mpy__compile_nameop(c, h->name, MPY_AST_DEL);
        emit_arg(c, OP_RERAISE, 0);
    } else {
        MpyCBlock *cleanup_body = new_block(c);
        emit(c, OP_POP_TOP); // the exception
        use_block(c, cleanup_body);
        mpy__compile_push_fblock(c, MPY_FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL);
        mpy__compile_stmts(c, h->body);
        mpy__compile_pop_fblock(c);
        unset_loc(c);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        emit_jump(c, MPY_PSEUDO_JUMP, end);
    }
    use_block(c, next);
}

static void compile_try_except(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *body = new_block(c), *except = new_block(c);
    MpyCBlock *end = new_block(c), *cleanup = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    use_block(c, body);
    mpy__compile_push_fblock(c, MPY_FB_TRY_EXCEPT, body, NULL, NULL);
    mpy__compile_stmts(c, s->v.Try.body);
    mpy__compile_pop_fblock(c);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    mpy__compile_stmts(c, s->v.Try.orelse);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, end);

    use_block(c, except);
    unset_loc(c);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    mpy__compile_push_fblock(c, MPY_FB_EXCEPTION_HANDLER, NULL, NULL, NULL);
    ptrdiff_t n = LEN(s->v.Try.handlers);
    for (ptrdiff_t i = 0; i < n && !c->failed; i++)
        compile_handler(c, GET(s->v.Try.handlers, i), i == n - 1, end);
    unset_loc(c);
    mpy__compile_pop_fblock(c);
    emit_arg(c, OP_RERAISE, 0); // no clause matched
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, end);
}

/* except* (PEP 654), as CPython 3.11 compiles it:
 *
 *       SETUP_FINALLY handler; B; POP_BLOCK; X; JUMP end
 *   handler:                              [exc]
 *       SETUP_FINALLY cleanup; PUSH_EXC_INFO
 *       COPY 1; BUILD_LIST 0; SWAP 2      [prev, orig, raised, rest]
 *   each clause `except* E as n: H`:
 *       E; CHECK_EG_MATCH                 [.., rest, match]
 *       COPY 1; POP_JUMP_IF_NONE no_match
 *       STORE n; SETUP_FINALLY raised_in_h; H; POP_BLOCK; del n; JUMP next
 *   raised_in_h:                          [.., rest, exc2]
 *       del n; LIST_APPEND 2 (exc2 joins raised); JUMP next
 *   no_match:
 *       POP_TOP
 *   next:
 *       ...
 *   after the clauses:
 *       LIST_APPEND 1 (what no clause matched); PREP_RERAISE_STAR
 *       COPY 1; POP_JUMP_IF_NOT_NONE reraise
 *       POP_TOP; POP_BLOCK; POP_EXCEPT; JUMP end
 *   reraise:                              [prev, exc]
 *       POP_BLOCK; SWAP 2; POP_EXCEPT; RERAISE 0
 *   cleanup:
 *       SWAP 2; POP_EXCEPT; RERAISE 0
 *   end: */
static void compile_star_handler(MpyCompiler *c, MpyAstExceptHandler *h)
{
    set_loc(c, &h->loc);
    MpyCBlock *no_match = new_block(c), *next = new_block(c);
    MpyCBlock *raised = new_block(c), *body = new_block(c);
    if (h->type == NULL) {
        mpy__compile_error(c, "expected one or more exception types");
        return;
    }
    mpy__compile_expr(c, h->type);
    emit(c, OP_CHECK_EG_MATCH);
    emit_arg(c, OP_COPY, 1);
    emit_jump(c, OP_POP_JUMP_IF_NONE, no_match);
    if (h->name)
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
    else
        emit(c, OP_POP_TOP);
    emit_jump(c, OP_SETUP_FINALLY, raised);
    use_block(c, body);
    mpy__compile_push_fblock(c, MPY_FB_EXCEPTION_GROUP_HANDLER, body, NULL, h->name);
    mpy__compile_stmts(c, h->body);
    mpy__compile_pop_fblock(c);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    if (h->name) {
        emit_const(c, MPY_NONE);
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
        mpy__compile_nameop(c, h->name, MPY_AST_DEL);
    }
    emit_jump(c, MPY_PSEUDO_JUMP, next);
    use_block(c, raised);
    unset_loc(c);
    if (h->name) {
        emit_const(c, MPY_NONE);
        mpy__compile_nameop(c, h->name, MPY_AST_STORE);
        mpy__compile_nameop(c, h->name, MPY_AST_DEL);
    }
    emit_arg(c, OP_LIST_APPEND, 2);
    emit_jump(c, MPY_PSEUDO_JUMP, next);
    use_block(c, no_match);
    emit(c, OP_POP_TOP);
    use_block(c, next);
}

static void compile_try_star_except(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *body = new_block(c), *except = new_block(c);
    MpyCBlock *end = new_block(c), *cleanup = new_block(c), *reraise = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    use_block(c, body);
    mpy__compile_push_fblock(c, MPY_FB_TRY_EXCEPT, body, NULL, NULL);
    mpy__compile_stmts(c, s->v.Try.body);
    mpy__compile_pop_fblock(c);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    mpy__compile_stmts(c, s->v.Try.orelse);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, end);

    use_block(c, except);
    unset_loc(c);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit_arg(c, OP_COPY, 1);
    emit_arg(c, OP_BUILD_LIST, 0);
    emit_arg(c, OP_SWAP, 2);
    mpy__compile_push_fblock(c, MPY_FB_EXCEPTION_HANDLER, NULL, NULL, NULL);
    for (ptrdiff_t i = 0; i < LEN(s->v.Try.handlers) && !c->failed; i++)
        compile_star_handler(c, GET(s->v.Try.handlers, i));
    unset_loc(c);
    mpy__compile_pop_fblock(c);
    emit_arg(c, OP_LIST_APPEND, 1);
    emit(c, OP_PREP_RERAISE_STAR);
    emit_arg(c, OP_COPY, 1);
    emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, reraise);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT);
    emit_jump(c, MPY_PSEUDO_JUMP, end);
    use_block(c, reraise);
    emit(c, OP_POP_BLOCK);
    emit_arg(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT);
    emit_arg(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, end);
}

static void compile_try_finally(MpyCompiler *c, MpyAstStmt *s)
{
    MpyCBlock *body = new_block(c), *end = new_block(c);
    MpyCBlock *exit = new_block(c), *cleanup = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, end);
    use_block(c, body);
    mpy__compile_push_fblock(c, MPY_FB_FINALLY_TRY, body, end, s->v.Try.finalbody);
    if (LEN(s->v.Try.handlers) > 0 && s->kind == MPY_AST_TryStar)
        compile_try_star_except(c, s);
    else if (LEN(s->v.Try.handlers) > 0)
        compile_try_except(c, s);
    else
        mpy__compile_stmts(c, s->v.Try.body);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    mpy__compile_pop_fblock(c);
    mpy__compile_stmts(c, s->v.Try.finalbody);
    unset_loc(c);
    emit_jump(c, MPY_PSEUDO_JUMP, exit);

    // The exceptional path: the finally body runs with the exception
    // handled, then re-raises it.
    use_block(c, end);
    unset_loc(c);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    mpy__compile_push_fblock(c, MPY_FB_FINALLY_END, end, NULL, NULL);
    mpy__compile_stmts(c, s->v.Try.finalbody);
    mpy__compile_pop_fblock(c);
    emit_arg(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, exit);
}

void mpy__compile_try(MpyCompiler *c, MpyAstStmt *s)
{
    if (LEN(s->v.Try.finalbody) > 0)
        compile_try_finally(c, s);
    else if (s->kind == MPY_AST_TryStar)
        compile_try_star_except(c, s);
    else
        compile_try_except(c, s);
}

/* ------------------------------------------------------------------ */
/* with                                                                 */

/*   <mgr>; BEFORE_WITH; SETUP_WITH handler; <store or POP_TOP>; <body>
 *   POP_BLOCK; PUSH_NULL; None; None; None; CALL 3; POP_TOP; JUMP exit
 * handler:                               [exit, exc]
 *   SETUP_FINALLY cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
 *   POP_JUMP_IF_TRUE suppress; RERAISE 0
 * cleanup:
 *   SWAP 2; POP_EXCEPT; RERAISE 0
 * suppress:                              [exit, prev, exc]
 *   POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP
 * exit:
 * Several items nest: the body of item i is the with of item i + 1.
 * `async with` is the same with BEFORE_ASYNC_WITH, and an await (GET_AWAITABLE
 * and the SEND loop) after the calls of __aenter__ and __aexit__. */
void mpy__compile_with(MpyCompiler *c, MpyAstStmt *s, int pos)
{
    if (!mpy__compile_enter(c))
        return;
    MpyAstWithItem *item = GET(s->v.With.items, pos);
    MpyCBlock *body = new_block(c), *handler = new_block(c);
    MpyCBlock *exit = new_block(c), *cleanup = new_block(c), *suppress = new_block(c);
    bool is_async = s->kind == MPY_AST_AsyncWith;
    mpy__compile_expr(c, item->context_expr);
    if (is_async) {
        emit(c, OP_BEFORE_ASYNC_WITH);
        emit_arg(c, OP_GET_AWAITABLE, 1);
        mpy__compile_await_loop(c);
    } else {
        emit(c, OP_BEFORE_WITH);
    }
    emit_jump(c, OP_SETUP_WITH, handler);
    use_block(c, body);
    mpy__compile_push_fblock(c, MPY_FB_WITH, body, handler, s);
    if (item->optional_vars)
        mpy__compile_expr(c, item->optional_vars);
    else
        emit(c, OP_POP_TOP); // the result of __enter__
    if (pos + 1 == LEN(s->v.With.items))
        mpy__compile_stmts(c, s->v.With.body);
    else
        mpy__compile_with(c, s, pos + 1);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    mpy__compile_pop_fblock(c);
    set_loc(c, &s->loc);
    call_exit_with_nones(c);
    if (is_async) {
        emit_arg(c, OP_GET_AWAITABLE, 2);
        mpy__compile_await_loop(c);
    }
    emit(c, OP_POP_TOP);
    emit_jump(c, MPY_PSEUDO_JUMP, exit);

    use_block(c, handler);
    emit_jump(c, OP_SETUP_FINALLY, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit(c, OP_WITH_EXCEPT_START);
    if (is_async) {
        emit_arg(c, OP_GET_AWAITABLE, 2);
        mpy__compile_await_loop(c);
    }
    unset_loc(c);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit_arg(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, suppress);
    emit(c, OP_POP_TOP); // the exception
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT);
    emit(c, OP_POP_TOP); // exit
    use_block(c, exit);
    mpy__compile_leave(c);
}
