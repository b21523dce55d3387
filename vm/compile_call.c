/* vm/compile_call.c: code generation for calls and comprehensions.
 *
 * Models compiler_call, maybe_optimize_method_call, compiler_call_helper
 * and compiler_comprehension of CPython 3.11's Python/compile.c, for
 * minipy's calling convention (vm/opcodes.def):
 *
 *   f(a, b)        f; PUSH_NULL; a; b; CALL 2   (LOAD_GLOBAL f with its
 *                  low bit set pushes the NULL itself)
 *   o.m(a)         o; LOAD_METHOD m; a; CALL 1
 *   f(a, k=1)      f; PUSH_NULL; a; 1; LOAD_CONST ('k',); CALL_KW 2
 *   f(*a, **k)     f; PUSH_NULL; <tuple of positionals>; <dict>;
 *                  CALL_FUNCTION_EX 1
 *
 * A comprehension is a nested function with one argument ".0", the
 * iterator of its outermost iterable: [x for x in it] compiles to
 * MAKE_FUNCTION; it; GET_ITER; CALL 0 (the iterator sits in the `self`
 * slot, so the function receives it as its one argument).
 */
#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

/* ------------------------------------------------------------------ */
/* Calls                                                                */

void mpy__compile_callable(MpyCompiler *c, MpyAstExpr *func)
{
    MpyCodeLocation saved = c->u->loc;
    set_loc(c, &func->loc);
    mpy__compile_expr(c, func);
    MpyCBlock *b = c->u->current;
    MpyCInstr *last = b->ninstrs > 0 ? &b->instrs[b->ninstrs - 1] : NULL;
    if (!c->failed && func->kind == MPY_AST_Name && last && last->op == OP_LOAD_GLOBAL)
        last->arg |= 1;
    else
        emit(c, OP_PUSH_NULL);
    c->u->loc = saved;
}

/* f(a=1, a=2) is refused here, as in CPython. */
static bool validate_keywords(MpyCompiler *c, MpyAstSeq *keywords)
{
    for (ptrdiff_t i = 0; i < LEN(keywords); i++) {
        MpyAstKeyword *kw = GET(keywords, i);
        if (kw->arg == NULL)
            continue;
        if (mpy_str_equal_cstr(kw->arg, "__debug__")) {
            mpy__compile_error(c, "cannot assign to __debug__");
            return false;
        }
        for (ptrdiff_t j = i + 1; j < LEN(keywords); j++) {
            MpyAstKeyword *other = GET(keywords, j);
            if (other->arg && mpy_str_equal(kw->arg, other->arg)) {
                MpyAstLoc *l = &other->loc;
                c->u->loc = (MpyCodeLocation){l->lineno, l->end_lineno, l->col_offset,
                                              l->end_col_offset};
                mpy__compile_error(c, "keyword argument repeated: %U", kw->arg);
                return false;
            }
        }
    }
    return true;
}

/* Push the keyword values and the tuple of their names. */
static void simple_keywords(MpyCompiler *c, MpyAstSeq *keywords)
{
    ptrdiff_t n = LEN(keywords);
    MpyObject *names = mpy_tuple_new(n);
    if (names == NULL) {
        mpy__compile_fail(c);
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyAstKeyword *kw = GET(keywords, i);
        mpy__compile_expr(c, kw->value);
        mpy_tuple_init_take(names, i, MPY_NEWREF(kw->arg));
    }
    emit_const_take(c, names);
}

/* keywords[begin:end] (all named) as one new dict. */
static void keywords_dict(MpyCompiler *c, MpyAstSeq *keywords, ptrdiff_t begin, ptrdiff_t end)
{
    ptrdiff_t n = end - begin;
    bool big = n * 2 > MPY_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        MpyObject *names = mpy_tuple_new(n);
        if (names == NULL) {
            mpy__compile_fail(c);
            return;
        }
        for (ptrdiff_t i = begin; i < end; i++) {
            MpyAstKeyword *kw = GET(keywords, i);
            mpy__compile_expr(c, kw->value);
            mpy_tuple_init_take(names, i - begin, MPY_NEWREF(kw->arg));
        }
        emit_const_take(c, names);
        emit_arg(c, OP_BUILD_CONST_KEY_MAP, (int)n);
        return;
    }
    if (big)
        emit_arg(c, OP_BUILD_MAP, 0);
    for (ptrdiff_t i = begin; i < end; i++) {
        MpyAstKeyword *kw = GET(keywords, i);
        emit_const(c, kw->arg);
        mpy__compile_expr(c, kw->value);
        if (big)
            emit_arg(c, OP_MAP_ADD, 1);
    }
    if (!big)
        emit_arg(c, OP_BUILD_MAP, (int)n);
}

/* The general call: a tuple of positionals and a dict of keywords. */
static void call_ex(MpyCompiler *c, int n, MpyAstSeq *args, MpyAstSeq *keywords)
{
    if (n == 0 && LEN(args) == 1 && ((MpyAstExpr *)GET(args, 0))->kind == MPY_AST_Starred)
        mpy__compile_expr(c, ((MpyAstExpr *)GET(args, 0))->v.Starred.value);
    else
        mpy__compile_starunpack_list(c, args, n, true);
    ptrdiff_t nkw = LEN(keywords), nseen = 0;
    bool have_dict = false;
    for (ptrdiff_t i = 0; i < nkw; i++) {
        MpyAstKeyword *kw = GET(keywords, i);
        if (kw->arg != NULL) {
            nseen++;
            continue;
        }
        // **mapping: flush the named keywords seen so far, then merge.
        if (nseen) {
            keywords_dict(c, keywords, i - nseen, i);
            if (have_dict)
                emit_arg(c, OP_DICT_MERGE, 1);
            have_dict = true;
            nseen = 0;
        }
        if (!have_dict) {
            emit_arg(c, OP_BUILD_MAP, 0);
            have_dict = true;
        }
        mpy__compile_expr(c, kw->value);
        emit_arg(c, OP_DICT_MERGE, 1);
    }
    if (nseen) {
        keywords_dict(c, keywords, nkw - nseen, nkw);
        if (have_dict)
            emit_arg(c, OP_DICT_MERGE, 1);
    }
    emit_arg(c, OP_CALL_FUNCTION_EX, nkw > 0);
}

void mpy__compile_call_helper(MpyCompiler *c, int n, MpyAstSeq *args, MpyAstSeq *keywords)
{
    if (!validate_keywords(c, keywords))
        return;
    ptrdiff_t nargs = LEN(args), nkw = LEN(keywords);
    bool simple = nargs + nkw * 2 <= MPY_STACK_USE_GUIDELINE;
    for (ptrdiff_t i = 0; simple && i < nargs; i++)
        simple = ((MpyAstExpr *)GET(args, i))->kind != MPY_AST_Starred;
    for (ptrdiff_t i = 0; simple && i < nkw; i++)
        simple = ((MpyAstKeyword *)GET(keywords, i))->arg != NULL;
    if (!simple) {
        call_ex(c, n, args, keywords);
        return;
    }
    mpy__compile_exprs(c, args);
    if (nkw > 0) {
        simple_keywords(c, keywords);
        emit_arg(c, OP_CALL_KW, n + (int)(nargs + nkw));
    } else {
        emit_arg(c, OP_CALL, n + (int)nargs);
    }
}

/* Names bound by an import at module level (`math` in math.sqrt(x)) are
 * modules: a plain attribute load is as fast as LOAD_METHOD there. */
static bool is_import_originated(MpyCompiler *c, MpyAstExpr *e)
{
    if (e->kind != MPY_AST_Name)
        return false;
    return (mpy__symtable_flags(mpy__symtable_top(c->st), e->v.Name.id) & MPY_DEF_IMPORT) != 0;
}

/* o.m(args) with LOAD_METHOD, when there is no * or ** argument. */
static bool method_call(MpyCompiler *c, MpyAstExpr *e)
{
    MpyAstExpr *meth = e->v.Call.func;
    MpyAstSeq *args = e->v.Call.args, *keywords = e->v.Call.keywords;
    if (meth->kind != MPY_AST_Attribute || meth->v.Attribute.ctx != MPY_AST_LOAD ||
        is_import_originated(c, meth->v.Attribute.value))
        return false;
    ptrdiff_t nargs = LEN(args), nkw = LEN(keywords);
    if (nargs + nkw + (nkw != 0) >= MPY_STACK_USE_GUIDELINE)
        return false;
    for (ptrdiff_t i = 0; i < nargs; i++) {
        if (((MpyAstExpr *)GET(args, i))->kind == MPY_AST_Starred)
            return false;
    }
    for (ptrdiff_t i = 0; i < nkw; i++) {
        if (((MpyAstKeyword *)GET(keywords, i))->arg == NULL)
            return false;
    }
    if (!validate_keywords(c, keywords))
        return true;
    mpy__compile_expr(c, meth->v.Attribute.value);
    set_loc(c, &meth->loc);
    mpy__compile_attr_loc(c, meth);
    emit_name(c, OP_LOAD_METHOD, meth->v.Attribute.attr);
    mpy__compile_exprs(c, args);
    if (nkw > 0)
        simple_keywords(c, keywords);
    set_loc(c, &e->loc);
    mpy__compile_attr_loc(c, meth);
    if (nkw > 0)
        emit_arg(c, OP_CALL_KW, (int)(nargs + nkw));
    else
        emit_arg(c, OP_CALL, (int)nargs);
    return true;
}

void mpy__compile_call(MpyCompiler *c, MpyAstExpr *e)
{
    if (method_call(c, e))
        return;
    mpy__compile_check_caller(c, e->v.Call.func);
    mpy__compile_callable(c, e->v.Call.func);
    mpy__compile_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

/* ------------------------------------------------------------------ */
/* Comprehensions                                                       */

static void comprehension_generator(MpyCompiler *c, MpyAstSeq *generators, ptrdiff_t index,
                                    int depth, MpyAstExpr *elt, MpyAstExpr *val,
                                    MpyComprehensionType type);

/* The iterable of an inner `for`.  Returns false for the idiom
 * `for y in [expr]`, which binds y to expr without a loop. */
static bool inner_iterable(MpyCompiler *c, MpyAstComprehension *gen)
{
    MpyAstSeq *elts = NULL;
    if (gen->is_async) {
        mpy__compile_expr(c, gen->iter);
        emit(c, OP_GET_AITER);
        return true;
    }
    if (gen->iter->kind == MPY_AST_List)
        elts = gen->iter->v.List.elts;
    else if (gen->iter->kind == MPY_AST_Tuple)
        elts = gen->iter->v.Tuple.elts;
    if (LEN(elts) == 1 && ((MpyAstExpr *)GET(elts, 0))->kind != MPY_AST_Starred) {
        mpy__compile_expr(c, GET(elts, 0));
        return false;
    }
    mpy__compile_expr(c, gen->iter);
    emit(c, OP_GET_ITER);
    return true;
}

/* The innermost step: add the element to the result, or yield it. */
static void comprehension_element(MpyCompiler *c, int depth, MpyAstExpr *elt, MpyAstExpr *val,
                                  MpyComprehensionType type)
{
    mpy__compile_expr(c, elt);
    switch (type) {
    case MPY_COMP_GENEXP:
        mpy__compile_yield_value(c);
        emit(c, OP_POP_TOP);
        break;
    case MPY_COMP_LIST:
        emit_arg(c, OP_LIST_APPEND, depth + 1);
        break;
    case MPY_COMP_SET:
        emit_arg(c, OP_SET_ADD, depth + 1);
        break;
    case MPY_COMP_DICT:
        mpy__compile_expr(c, val); // the key is evaluated before the value
        emit_arg(c, OP_MAP_ADD, depth + 1);
        break;
    case MPY_COMP_NONE:
        break;
    }
}

/* One `for ... in ... if ...` clause; `depth` counts the iterators on
 * the stack above the result being built.  An `async for` clause loops
 * as the async for statement does (SETUP_FINALLY, GET_ANEXT, await,
 * END_ASYNC_FOR when StopAsyncIteration ends it). */
static void comprehension_generator(MpyCompiler *c, MpyAstSeq *generators, ptrdiff_t index,
                                    int depth, MpyAstExpr *elt, MpyAstExpr *val,
                                    MpyComprehensionType type)
{
    if (!mpy__compile_enter(c))
        return;
    MpyAstComprehension *gen = GET(generators, index);
    MpyCBlock *start = new_block(c), *if_cleanup = new_block(c), *anchor = new_block(c);
    bool loop = true;
    if (index == 0) {
        c->u->argcount = 1;
        emit_arg(c, OP_LOAD_FAST, 0); // .0, the outermost iterator
    } else {
        loop = inner_iterable(c, gen);
    }
    MpyCBlock *async_end = NULL;
    if (loop && gen->is_async) {
        depth++;
        async_end = new_block(c);
        use_block(c, start);
        emit_jump(c, OP_SETUP_FINALLY, anchor);
        emit(c, OP_GET_ANEXT);
        mpy__compile_await_loop(c);
        emit(c, OP_POP_BLOCK);
    } else if (loop) {
        depth++;
        use_block(c, start);
        emit_jump(c, OP_FOR_ITER, anchor);
    }
    mpy__compile_next_block(c);
    mpy__compile_expr(c, gen->target);
    for (ptrdiff_t i = 0; i < LEN(gen->ifs); i++) {
        mpy__compile_jump_if(c, GET(gen->ifs, i), if_cleanup, false);
        mpy__compile_next_block(c);
    }
    if (index + 1 < LEN(generators))
        comprehension_generator(c, generators, index + 1, depth, elt, val, type);
    else
        comprehension_element(c, depth, elt, val, type);
    use_block(c, if_cleanup);
    if (loop) {
        emit_jump(c, MPY_PSEUDO_JUMP, start);
        use_block(c, anchor);
        if (async_end != NULL) {
            emit(c, OP_END_ASYNC_FOR);
            use_block(c, async_end);
        }
    }
    mpy__compile_leave(c);
}

void mpy__compile_comprehension(MpyCompiler *c, MpyAstExpr *e)
{
    static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    static const int build_ops[] = {0, OP_BUILD_LIST, OP_BUILD_SET, OP_BUILD_MAP, 0};
    MpyAstSeq *generators = e->kind == MPY_AST_DictComp ? e->v.DictComp.generators
                                                        : e->v.Comp.generators;
    MpyAstExpr *elt = e->kind == MPY_AST_DictComp ? e->v.DictComp.key : e->v.Comp.elt;
    MpyAstExpr *val = e->kind == MPY_AST_DictComp ? e->v.DictComp.value : NULL;
    MpyAstComprehension *outermost = GET(generators, 0);
    MpySymtableEntry *ste = mpy__symtable_lookup(c->st, e);
    if (ste == NULL) {
        mpy__compile_fail(c);
        return;
    }
    MpyComprehensionType type = ste->comprehension;
    // Async comprehensions only exist inside async functions.  One with
    // `await` or `async for` in it is a coroutine, awaited once called
    // (an async generator expression is an async generator).
    if (ste->coroutine && type != MPY_COMP_GENEXP && !c->u->is_async &&
        c->u->type != MPY_UNIT_COMPREHENSION) {
        mpy__compile_error(c, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    if (!mpy__compile_enter_scope(c, mpy_str_intern_cstr(names[type]), MPY_UNIT_COMPREHENSION,
                                  e, e->loc.lineno))
        return;
    set_loc(c, &e->loc);
    if (type != MPY_COMP_GENEXP)
        emit_arg(c, build_ops[type], 0);
    comprehension_generator(c, generators, 0, 0, elt, val, type);
    if (type != MPY_COMP_GENEXP)
        emit(c, OP_RETURN_VALUE);
    MpyObject *code = mpy__compile_exit_scope(c, true);
    if (code == NULL)
        return;
    mpy__compile_make_closure(c, code, 0);
    MPY_DECREF(code);
    mpy__compile_expr(c, outermost->iter);
    emit(c, outermost->is_async ? OP_GET_AITER : OP_GET_ITER);
    emit_arg(c, OP_CALL, 0);
    if (ste->coroutine && type != MPY_COMP_GENEXP) {
        emit_arg(c, OP_GET_AWAITABLE, 0);
        mpy__compile_await_loop(c);
    }
}
