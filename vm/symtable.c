/* vm/symtable.c: building and analysing the symbol table.
 *
 * Models CPython 3.11's Python/symtable.c (see vm/symtable.h for what the
 * table holds).  Two steps:
 *
 *  1. The visitor (visit_stmt, visit_expr ...) walks the tree once and, in
 *     the entry of the scope being visited, ORs MPY_DEF_* / MPY_USE bits
 *     into each name's flags.  Defaults, decorators, annotations, class
 *     bases and the outermost iterable of a comprehension are visited in
 *     the *enclosing* scope, because that is where they are evaluated.
 *  2. analyze_block() walks the scopes top-down passing the set of names
 *     bound in enclosing functions (`bound`) and declared global
 *     (`global`), and bottom-up collecting the names nested scopes need
 *     from outside (`free`).  A local that a nested scope needs becomes a
 *     CELL; a name found in `bound` becomes FREE; the rest are globals.
 *
 * Errors are "sticky": the first one sets `st->failed` (with the exception
 * set), and every visitor returns at once when it sees the flag, so the
 * walk unwinds without an error check after every call.
 */
#include "vm/symtable.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "vm/compiler_internal.h"

#define DUPLICATE_ARGUMENT "duplicate argument '%U' in function definition"
#define GLOBAL_PARAM "name '%U' is parameter and global"
#define NONLOCAL_PARAM "name '%U' is parameter and nonlocal"
#define GLOBAL_AFTER_ASSIGN "name '%U' is assigned to before global declaration"
#define NONLOCAL_AFTER_ASSIGN "name '%U' is assigned to before nonlocal declaration"
#define GLOBAL_AFTER_USE "name '%U' is used prior to global declaration"
#define NONLOCAL_AFTER_USE "name '%U' is used prior to nonlocal declaration"
#define GLOBAL_ANNOT "annotated name '%U' can't be global"
#define NONLOCAL_ANNOT "annotated name '%U' can't be nonlocal"
#define IMPORT_STAR "import * only allowed at module level"
#define NAMED_EXPR_COMP_IN_CLASS \
    "assignment expression within a comprehension cannot be used in a class body"
#define NAMED_EXPR_COMP_CONFLICT \
    "assignment expression cannot rebind comprehension iteration variable '%U'"
#define NAMED_EXPR_COMP_INNER_LOOP_CONFLICT \
    "comprehension inner loop cannot rebind assignment expression target '%U'"
#define NAMED_EXPR_COMP_ITER_EXPR \
    "assignment expression cannot be used in a comprehension iterable expression"

/* ------------------------------------------------------------------ */
/* Entries and the node map                                             */

static void ste_free(MpySymtableEntry *ste)
{
    MPY_XDECREF(ste->name);
    MPY_XDECREF(ste->symbols);
    MPY_XDECREF(ste->varnames);
    free(ste->directives);
    free(ste->children);
    free(ste);
}

static int fail(MpySymtable *st)
{
    st->failed = true;
    return -1;
}

static int fail_nomem(MpySymtable *st)
{
    mpy_err_no_memory();
    return fail(st);
}

/* Insert without growing (the caller made room). */
static void map_put(MpySymtableSlot *map, size_t cap, const void *key, MpySymtableEntry *ste)
{
    size_t i = ((uintptr_t)key >> 4) & (cap - 1);
    while (map[i].key != NULL)
        i = (i + 1) & (cap - 1);
    map[i].key = key;
    map[i].ste = ste;
}

static int map_add(MpySymtable *st, const void *key, MpySymtableEntry *ste)
{
    if ((st->map_used + 1) * 2 > st->map_cap) {
        size_t cap = st->map_cap ? st->map_cap * 2 : 64;
        MpySymtableSlot *map = calloc(cap, sizeof *map);
        if (map == NULL)
            return fail_nomem(st);
        for (size_t i = 0; i < st->map_cap; i++) {
            if (st->map[i].key != NULL)
                map_put(map, cap, st->map[i].key, st->map[i].ste);
        }
        free(st->map);
        st->map = map;
        st->map_cap = cap;
    }
    map_put(st->map, st->map_cap, key, ste);
    st->map_used++;
    return 0;
}

MpySymtableEntry *mpy__symtable_lookup(MpySymtable *st, const void *key)
{
    if (st->map_cap > 0) {
        size_t i = ((uintptr_t)key >> 4) & (st->map_cap - 1);
        for (; st->map[i].key != NULL; i = (i + 1) & (st->map_cap - 1)) {
            if (st->map[i].key == key)
                return st->map[i].ste;
        }
    }
    mpy_err_set(mpy_exc_SystemError, "unknown symbol table entry");
    return NULL;
}

MpySymtableEntry *mpy__symtable_top(MpySymtable *st) { return st->top; }

void mpy__symtable_free(MpySymtable *st)
{
    if (st == NULL)
        return;
    for (size_t i = 0; i < st->map_cap; i++) {
        if (st->map[i].key != NULL)
            ste_free(st->map[i].ste);
    }
    free(st->map);
    free(st->stack);
    free(st);
}

long mpy__symtable_flags(MpySymtableEntry *ste, MpyObject *name)
{
    MpyObject *v = mpy_dict_get(ste->symbols, name);
    if (v == NULL) {
        mpy_err_clear();
        return 0;
    }
    long flags = (long)mpy_small_int_value(v);
    MPY_DECREF(v);
    return flags;
}

static void set_flags(MpySymtable *st, MpySymtableEntry *ste, MpyObject *name, long flags)
{
    if (mpy_dict_set(ste->symbols, name, mpy_small_int(flags)) < 0)
        fail(st);
}

/* Open a new scope for `key` inside the current one and make it current. */
static int enter_block(MpySymtable *st, const char *name_cstr, MpyObject *name,
                       MpyBlockType type, const void *key, const MpyAstLoc *loc)
{
    MpySymtableEntry *ste = calloc(1, sizeof *ste);
    if (ste == NULL)
        return fail_nomem(st);
    ste->name = name ? MPY_NEWREF(name) : mpy_str_from_cstr(name_cstr);
    ste->symbols = mpy_dict_new();
    ste->varnames = mpy_list_new(0);
    ste->type = type;
    ste->key = key;
    ste->loc = *loc;
    if (ste->name == NULL || ste->symbols == NULL || ste->varnames == NULL) {
        ste_free(ste);
        return fail(st);
    }
    if (map_add(st, key, ste) < 0) {
        ste_free(ste);
        return -1;
    }
    MpySymtableEntry *parent = st->cur;
    if (parent != NULL) {
        ste->nested = parent->nested || parent->type == MPY_BLOCK_FUNCTION;
        if (parent->nchildren == parent->children_cap) {
            int cap = parent->children_cap ? parent->children_cap * 2 : 4;
            void *p = realloc(parent->children, (size_t)cap * sizeof *parent->children);
            if (p == NULL)
                return fail_nomem(st);
            parent->children = p;
            parent->children_cap = cap;
        }
        parent->children[parent->nchildren++] = ste;
    }
    if (st->nstack == st->stack_cap) {
        int cap = st->stack_cap ? st->stack_cap * 2 : 16;
        void *p = realloc(st->stack, (size_t)cap * sizeof *st->stack);
        if (p == NULL)
            return fail_nomem(st);
        st->stack = p;
        st->stack_cap = cap;
    }
    st->stack[st->nstack++] = ste;
    st->cur = ste;
    return 0;
}

static void exit_block(MpySymtable *st)
{
    st->nstack--;
    st->cur = st->nstack > 0 ? st->stack[st->nstack - 1] : NULL;
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

static int error_at(MpySymtable *st, const MpyAstLoc *loc, const char *fmt, MpyObject *name)
{
    mpy__compile_syntax_error(st->filename, loc, fmt, name);
    return fail(st);
}

static int record_directive(MpySymtable *st, MpyObject *name, const MpyAstLoc *loc)
{
    MpySymtableEntry *ste = st->cur;
    if (ste->ndirectives == ste->directives_cap) {
        int cap = ste->directives_cap ? ste->directives_cap * 2 : 4;
        void *p = realloc(ste->directives, (size_t)cap * sizeof *ste->directives);
        if (p == NULL)
            return fail_nomem(st);
        ste->directives = p;
        ste->directives_cap = cap;
    }
    ste->directives[ste->ndirectives++] = (MpyDirective){name, *loc};
    return 0;
}

/* ------------------------------------------------------------------ */
/* Name mangling                                                        */

MpyObject *mpy__symtable_mangle(MpyObject *private_name, MpyObject *name)
{
    const char *id = mpy_str_utf8(name);
    size_t n = (size_t)mpy_str_size(name);
    // Only __names are mangled, not __dunder__ names nor dotted import names.
    if (private_name == NULL || n < 2 || id[0] != '_' || id[1] != '_' ||
        (id[n - 1] == '_' && id[n - 2] == '_') || strchr(id, '.') != NULL)
        return MPY_NEWREF(name);
    const char *cls = mpy_str_utf8(private_name);
    while (*cls == '_')
        cls++;
    if (*cls == '\0')
        return MPY_NEWREF(name); // a class named only with underscores
    size_t clen = strlen(cls);
    char *buf = mpy_mem_alloc(1 + clen + n + 1);
    if (buf == NULL)
        return NULL;
    buf[0] = '_';
    memcpy(buf + 1, cls, clen);
    memcpy(buf + 1 + clen, id, n + 1);
    MpyObject *s = mpy_str_from_utf8_trusted(buf, 1 + clen + n);
    mpy_mem_free(buf);
    return s ? mpy_str_intern_take(s) : NULL;
}

/* ------------------------------------------------------------------ */
/* Recording uses                                                       */

static int add_def_in(MpySymtable *st, MpySymtableEntry *ste, MpyObject *name, long flag,
                      const MpyAstLoc *loc)
{
    if (st->failed)
        return -1;
    MpyObject *mangled = mpy__symtable_mangle(st->private_name, name);
    if (mangled == NULL)
        return fail(st);
    long val = mpy__symtable_flags(ste, mangled);
    if ((flag & MPY_DEF_PARAM) && (val & MPY_DEF_PARAM)) {
        MPY_DECREF(mangled);
        return error_at(st, loc, DUPLICATE_ARGUMENT, name);
    }
    val |= flag;
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension must not also be a
        // `:=` target of the same comprehension.
        if (val & (MPY_DEF_GLOBAL | MPY_DEF_NONLOCAL)) {
            MPY_DECREF(mangled);
            return error_at(st, loc, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name);
        }
        val |= MPY_DEF_COMP_ITER;
    }
    set_flags(st, ste, mangled, val);
    if (flag & MPY_DEF_PARAM) {
        if (mpy_list_append(ste->varnames, mangled) < 0)
            fail(st);
    } else if (flag & MPY_DEF_GLOBAL) {
        // The module also learns about the name (st_global in CPython).
        set_flags(st, st->top, mangled, flag | mpy__symtable_flags(st->top, mangled));
    }
    MPY_DECREF(mangled);
    return st->failed ? -1 : 0;
}

static int add_def(MpySymtable *st, MpyObject *name, long flag, const MpyAstLoc *loc)
{
    return add_def_in(st, st->cur, name, flag, loc);
}

static long lookup(MpySymtable *st, MpyObject *name)
{
    MpyObject *mangled = mpy__symtable_mangle(st->private_name, name);
    if (mangled == NULL) {
        fail(st);
        return 0;
    }
    long flags = mpy__symtable_flags(st->cur, mangled);
    MPY_DECREF(mangled);
    return flags;
}

/* ------------------------------------------------------------------ */
/* The visitor                                                          */

static void visit_expr(MpySymtable *st, MpyAstExpr *e);
static void visit_stmt(MpySymtable *st, MpyAstStmt *s);
static void visit_pattern(MpySymtable *st, MpyAstPattern *p);

static void visit_exprs(MpySymtable *st, MpyAstSeq *seq)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(seq); i++) {
        MpyAstExpr *e = MPY_AST_SEQ_GET(seq, i);
        if (e != NULL) // Dict keys and kw_defaults hold NULLs
            visit_expr(st, e);
    }
}

static void visit_stmts(MpySymtable *st, MpyAstSeq *seq)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(seq); i++)
        visit_stmt(st, MPY_AST_SEQ_GET(seq, i));
}

static void visit_keywords(MpySymtable *st, MpyAstSeq *seq)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(seq); i++)
        visit_expr(st, ((MpyAstKeyword *)MPY_AST_SEQ_GET(seq, i))->value);
}

static bool enter_recursion(MpySymtable *st)
{
    if (st->failed)
        return false;
    if (++st->depth > MPY_COMPILE_MAX_DEPTH || mpy__compile_c_stack_low()) {
        mpy_err_set(mpy_exc_RecursionError,
                    "maximum recursion depth exceeded during compilation");
        fail(st);
        st->depth--;
        return false;
    }
    return true;
}

static void visit_params(MpySymtable *st, MpyAstSeq *args)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(args); i++) {
        MpyAstArg *arg = MPY_AST_SEQ_GET(args, i);
        add_def(st, arg->arg, MPY_DEF_PARAM, &arg->loc);
    }
}

/* The parameters, in co_varnames order: positional-only, positional,
 * keyword-only, *args, **kwargs. */
static void visit_arguments(MpySymtable *st, MpyAstArguments *a)
{
    visit_params(st, a->posonlyargs);
    visit_params(st, a->args);
    visit_params(st, a->kwonlyargs);
    if (a->vararg) {
        add_def(st, a->vararg->arg, MPY_DEF_PARAM, &a->vararg->loc);
        st->cur->varargs = true;
    }
    if (a->kwarg) {
        add_def(st, a->kwarg->arg, MPY_DEF_PARAM, &a->kwarg->loc);
        st->cur->varkeywords = true;
    }
}

/* Annotations are evaluated where the function is defined. */
static void visit_arg_annotations(MpySymtable *st, MpyAstSeq *args)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(args); i++) {
        MpyAstArg *arg = MPY_AST_SEQ_GET(args, i);
        if (arg->annotation)
            visit_expr(st, arg->annotation);
    }
}

static void visit_annotations(MpySymtable *st, MpyAstArguments *a, MpyAstExpr *returns)
{
    visit_arg_annotations(st, a->posonlyargs);
    visit_arg_annotations(st, a->args);
    if (a->vararg && a->vararg->annotation)
        visit_expr(st, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation)
        visit_expr(st, a->kwarg->annotation);
    visit_arg_annotations(st, a->kwonlyargs);
    if (returns)
        visit_expr(st, returns);
}

static void visit_function(MpySymtable *st, MpyAstStmt *s)
{
    MpyAstArguments *args = s->v.FunctionDef.args;
    add_def(st, s->v.FunctionDef.name, MPY_DEF_LOCAL, &s->loc);
    visit_exprs(st, args->defaults);
    visit_exprs(st, args->kw_defaults);
    visit_annotations(st, args, s->v.FunctionDef.returns);
    visit_exprs(st, s->v.FunctionDef.decorator_list);
    if (enter_block(st, NULL, s->v.FunctionDef.name, MPY_BLOCK_FUNCTION, s, &s->loc) < 0)
        return;
    if (s->kind == MPY_AST_AsyncFunctionDef)
        st->cur->coroutine = true;
    visit_arguments(st, args);
    visit_stmts(st, s->v.FunctionDef.body);
    exit_block(st);
}

static void visit_class(MpySymtable *st, MpyAstStmt *s)
{
    add_def(st, s->v.ClassDef.name, MPY_DEF_LOCAL, &s->loc);
    visit_exprs(st, s->v.ClassDef.bases);
    visit_keywords(st, s->v.ClassDef.keywords);
    visit_exprs(st, s->v.ClassDef.decorator_list);
    if (enter_block(st, NULL, s->v.ClassDef.name, MPY_BLOCK_CLASS, s, &s->loc) < 0)
        return;
    MpyObject *saved = st->private_name;
    st->private_name = s->v.ClassDef.name;
    visit_stmts(st, s->v.ClassDef.body);
    st->private_name = saved;
    exit_block(st);
}

static void visit_ann_assign(MpySymtable *st, MpyAstStmt *s)
{
    MpyAstExpr *target = s->v.AnnAssign.target;
    if (target->kind == MPY_AST_Name) {
        MpyObject *name = target->v.Name.id;
        long cur = lookup(st, name);
        if ((cur & (MPY_DEF_GLOBAL | MPY_DEF_NONLOCAL)) && st->cur != st->top &&
            s->v.AnnAssign.simple) {
            error_at(st, &s->loc, (cur & MPY_DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT, name);
            return;
        }
        if (s->v.AnnAssign.simple)
            add_def(st, name, MPY_DEF_ANNOT | MPY_DEF_LOCAL, &target->loc);
        else if (s->v.AnnAssign.value)
            add_def(st, name, MPY_DEF_LOCAL, &target->loc);
    } else {
        visit_expr(st, target);
    }
    visit_expr(st, s->v.AnnAssign.annotation);
    if (s->v.AnnAssign.value)
        visit_expr(st, s->v.AnnAssign.value);
}

/* `global x` / `nonlocal x`: refused after x was used or assigned. */
static void visit_declaration(MpySymtable *st, MpyAstStmt *s, bool is_global)
{
    MpyAstSeq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(names) && !st->failed; i++) {
        MpyObject *name = MPY_AST_SEQ_GET(names, i);
        long cur = lookup(st, name);
        if (cur & (MPY_DEF_PARAM | MPY_DEF_LOCAL | MPY_USE | MPY_DEF_ANNOT)) {
            const char *msg;
            if (cur & MPY_DEF_PARAM)
                msg = is_global ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & MPY_USE)
                msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & MPY_DEF_ANNOT)
                msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else
                msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            error_at(st, &s->loc, msg, name);
            return;
        }
        add_def(st, name, is_global ? MPY_DEF_GLOBAL : MPY_DEF_NONLOCAL, &s->loc);
        record_directive(st, name, &s->loc);
    }
}

/* `import a.b.c` binds `a`; `import a.b as c` binds `c`. */
static void visit_alias(MpySymtable *st, MpyAstAlias *a)
{
    MpyObject *name = a->asname ? a->asname : a->name;
    const char *text = mpy_str_utf8(name);
    if (strcmp(text, "*") == 0) {
        if (st->cur->type != MPY_BLOCK_MODULE)
            error_at(st, &a->loc, IMPORT_STAR, NULL);
        return;
    }
    const char *dot = strchr(text, '.');
    if (dot == NULL) {
        add_def(st, name, MPY_DEF_IMPORT, &a->loc);
        return;
    }
    MpyObject *first = mpy_str_from_utf8_trusted(text, (size_t)(dot - text));
    if (first == NULL || (first = mpy_str_intern_take(first)) == NULL) {
        fail(st);
        return;
    }
    add_def(st, first, MPY_DEF_IMPORT, &a->loc);
    MPY_DECREF(first);
}

static void visit_try(MpySymtable *st, MpyAstStmt *s)
{
    visit_stmts(st, s->v.Try.body);
    visit_stmts(st, s->v.Try.orelse);
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(s->v.Try.handlers); i++) {
        MpyAstExceptHandler *h = MPY_AST_SEQ_GET(s->v.Try.handlers, i);
        if (h->type)
            visit_expr(st, h->type);
        if (h->name)
            add_def(st, h->name, MPY_DEF_LOCAL, &h->loc);
        visit_stmts(st, h->body);
    }
    visit_stmts(st, s->v.Try.finalbody);
}

static void visit_stmt_kind(MpySymtable *st, MpyAstStmt *s)
{
    switch (s->kind) {
    case MPY_AST_FunctionDef:
    case MPY_AST_AsyncFunctionDef:
        visit_function(st, s);
        break;
    case MPY_AST_ClassDef:
        visit_class(st, s);
        break;
    case MPY_AST_Return:
        if (s->v.Return.value) {
            visit_expr(st, s->v.Return.value);
            st->cur->returns_value = true;
        }
        break;
    case MPY_AST_Delete:
        visit_exprs(st, s->v.Delete.targets);
        break;
    case MPY_AST_Assign:
        visit_exprs(st, s->v.Assign.targets);
        visit_expr(st, s->v.Assign.value);
        break;
    case MPY_AST_AnnAssign:
        visit_ann_assign(st, s);
        break;
    case MPY_AST_AugAssign:
        visit_expr(st, s->v.AugAssign.target);
        visit_expr(st, s->v.AugAssign.value);
        break;
    case MPY_AST_For:
    case MPY_AST_AsyncFor:
        visit_expr(st, s->v.For.target);
        visit_expr(st, s->v.For.iter);
        visit_stmts(st, s->v.For.body);
        visit_stmts(st, s->v.For.orelse);
        if (s->kind == MPY_AST_AsyncFor)
            st->cur->coroutine = true;
        break;
    case MPY_AST_While:
    case MPY_AST_If:
        // While and If have the same fields.
        visit_expr(st, s->v.If.test);
        visit_stmts(st, s->v.If.body);
        visit_stmts(st, s->v.If.orelse);
        break;
    case MPY_AST_Match:
        visit_expr(st, s->v.Match.subject);
        for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(s->v.Match.cases); i++) {
            MpyAstMatchCase *m = MPY_AST_SEQ_GET(s->v.Match.cases, i);
            visit_pattern(st, m->pattern);
            if (m->guard)
                visit_expr(st, m->guard);
            visit_stmts(st, m->body);
        }
        break;
    case MPY_AST_Raise:
        if (s->v.Raise.exc)
            visit_expr(st, s->v.Raise.exc);
        if (s->v.Raise.cause)
            visit_expr(st, s->v.Raise.cause);
        break;
    case MPY_AST_Try:
    case MPY_AST_TryStar:
        visit_try(st, s);
        break;
    case MPY_AST_Assert:
        visit_expr(st, s->v.Assert.test);
        if (s->v.Assert.msg)
            visit_expr(st, s->v.Assert.msg);
        break;
    case MPY_AST_Import:
    case MPY_AST_ImportFrom: {
        MpyAstSeq *names = s->kind == MPY_AST_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(names); i++)
            visit_alias(st, MPY_AST_SEQ_GET(names, i));
        break;
    }
    case MPY_AST_Global:
        visit_declaration(st, s, true);
        break;
    case MPY_AST_Nonlocal:
        visit_declaration(st, s, false);
        break;
    case MPY_AST_Expr:
        visit_expr(st, s->v.Expr.value);
        break;
    case MPY_AST_With:
    case MPY_AST_AsyncWith:
        for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(s->v.With.items); i++) {
            MpyAstWithItem *item = MPY_AST_SEQ_GET(s->v.With.items, i);
            visit_expr(st, item->context_expr);
            if (item->optional_vars)
                visit_expr(st, item->optional_vars);
        }
        visit_stmts(st, s->v.With.body);
        if (s->kind == MPY_AST_AsyncWith)
            st->cur->coroutine = true;
        break;
    case MPY_AST_Pass:
    case MPY_AST_Break:
    case MPY_AST_Continue:
        break;
    }
}

static void visit_stmt(MpySymtable *st, MpyAstStmt *s)
{
    if (!enter_recursion(st))
        return;
    visit_stmt_kind(st, s);
    st->depth--;
}

/* `x := v` inside a comprehension binds x in the nearest enclosing
 * function (or module); the comprehension itself sees x as nonlocal
 * (or global). */
static int extend_namedexpr_scope(MpySymtable *st, MpyAstExpr *target)
{
    MpyObject *name = target->v.Name.id;
    for (int i = st->nstack - 1; i >= 0; i--) {
        MpySymtableEntry *ste = st->stack[i];
        if (ste->comprehension) {
            if (mpy__symtable_flags(ste, name) & MPY_DEF_COMP_ITER)
                return error_at(st, &target->loc, NAMED_EXPR_COMP_CONFLICT, name);
            continue;
        }
        if (ste->type == MPY_BLOCK_FUNCTION) {
            long flag = (mpy__symtable_flags(ste, name) & MPY_DEF_GLOBAL) ? MPY_DEF_GLOBAL
                                                                         : MPY_DEF_NONLOCAL;
            if (add_def(st, name, flag, &target->loc) < 0 ||
                record_directive(st, name, &target->loc) < 0)
                return -1;
            return add_def_in(st, ste, name, MPY_DEF_LOCAL, &target->loc);
        }
        if (ste->type == MPY_BLOCK_MODULE) {
            if (add_def(st, name, MPY_DEF_GLOBAL, &target->loc) < 0 ||
                record_directive(st, name, &target->loc) < 0)
                return -1;
            return add_def_in(st, ste, name, MPY_DEF_GLOBAL, &target->loc);
        }
        if (ste->type == MPY_BLOCK_CLASS)
            return error_at(st, &target->loc, NAMED_EXPR_COMP_IN_CLASS, NULL);
    }
    return 0;
}

static void visit_named_expr(MpySymtable *st, MpyAstExpr *e)
{
    if (st->cur->comp_iter_expr > 0) {
        error_at(st, &e->loc, NAMED_EXPR_COMP_ITER_EXPR, NULL);
        return;
    }
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0)
        return;
    visit_expr(st, e->v.NamedExpr.value);
    visit_expr(st, e->v.NamedExpr.target);
}

static void visit_comprehension(MpySymtable *st, MpyAstComprehension *gen)
{
    st->cur->comp_iter_target = true;
    visit_expr(st, gen->target);
    st->cur->comp_iter_target = false;
    st->cur->comp_iter_expr++;
    visit_expr(st, gen->iter);
    st->cur->comp_iter_expr--;
    visit_exprs(st, gen->ifs);
    if (gen->is_async)
        st->cur->coroutine = true;
}

/* A comprehension is a function of its own, called with the iterator of
 * its outermost iterable, which is evaluated in the enclosing scope. */
static void visit_comprehension_expr(MpySymtable *st, MpyAstExpr *e, MpyAstSeq *generators,
                                     MpyAstExpr *elt, MpyAstExpr *value)
{
    static const char *const names[] = {"", "listcomp", "setcomp", "dictcomp", "genexpr"};
    MpyComprehensionType type = e->kind == MPY_AST_ListComp  ? MPY_COMP_LIST
                                : e->kind == MPY_AST_SetComp ? MPY_COMP_SET
                                : e->kind == MPY_AST_DictComp ? MPY_COMP_DICT
                                                              : MPY_COMP_GENEXP;
    MpyAstComprehension *outermost = MPY_AST_SEQ_GET(generators, 0);
    st->cur->comp_iter_expr++;
    visit_expr(st, outermost->iter);
    st->cur->comp_iter_expr--;
    if (st->failed || enter_block(st, names[type], NULL, MPY_BLOCK_FUNCTION, e, &e->loc) < 0)
        return;
    MpySymtableEntry *ste = st->cur;
    ste->comprehension = type;
    if (outermost->is_async)
        ste->coroutine = true;
    MpyObject *dot0 = mpy_str_intern_cstr(".0");
    add_def(st, dot0, MPY_DEF_PARAM, &e->loc);
    ste->comp_iter_target = true;
    visit_expr(st, outermost->target);
    ste->comp_iter_target = false;
    visit_exprs(st, outermost->ifs);
    for (ptrdiff_t i = 1; i < MPY_AST_SEQ_LEN(generators); i++)
        visit_comprehension(st, MPY_AST_SEQ_GET(generators, i));
    if (value)
        visit_expr(st, value);
    visit_expr(st, elt);
    ste->generator = type == MPY_COMP_GENEXP;
    bool is_async = ste->coroutine && type != MPY_COMP_GENEXP;
    exit_block(st);
    if (is_async)
        st->cur->coroutine = true;
}

static void visit_lambda(MpySymtable *st, MpyAstExpr *e)
{
    MpyAstArguments *args = e->v.Lambda.args;
    visit_exprs(st, args->defaults);
    visit_exprs(st, args->kw_defaults);
    if (enter_block(st, "lambda", NULL, MPY_BLOCK_FUNCTION, e, &e->loc) < 0)
        return;
    visit_arguments(st, args);
    visit_expr(st, e->v.Lambda.body);
    exit_block(st);
}

/* yield inside a comprehension is an error (the comprehension is a
 * hidden function). */
static void check_yield_in_comprehension(MpySymtable *st, MpyAstExpr *e)
{
    static const char *const where[] = {"", "list comprehension", "set comprehension",
                                        "dict comprehension", "generator expression"};
    MpyComprehensionType type = st->cur->comprehension;
    if (type == MPY_COMP_NONE)
        return;
    mpy__compile_syntax_error(st->filename, &e->loc, "'yield' inside %s", where[type]);
    fail(st);
}

static void visit_expr_kind(MpySymtable *st, MpyAstExpr *e)
{
    switch (e->kind) {
    case MPY_AST_NamedExpr:
        visit_named_expr(st, e);
        break;
    case MPY_AST_BoolOp:
        visit_exprs(st, e->v.BoolOp.values);
        break;
    case MPY_AST_BinOp:
        visit_expr(st, e->v.BinOp.left);
        visit_expr(st, e->v.BinOp.right);
        break;
    case MPY_AST_UnaryOp:
        visit_expr(st, e->v.UnaryOp.operand);
        break;
    case MPY_AST_Lambda:
        visit_lambda(st, e);
        break;
    case MPY_AST_IfExp:
        visit_expr(st, e->v.IfExp.test);
        visit_expr(st, e->v.IfExp.body);
        visit_expr(st, e->v.IfExp.orelse);
        break;
    case MPY_AST_Dict:
        visit_exprs(st, e->v.Dict.keys);
        visit_exprs(st, e->v.Dict.values);
        break;
    case MPY_AST_Set:
        visit_exprs(st, e->v.Set.elts);
        break;
    case MPY_AST_ListComp:
    case MPY_AST_SetComp:
    case MPY_AST_GeneratorExp:
        visit_comprehension_expr(st, e, e->v.Comp.generators, e->v.Comp.elt, NULL);
        break;
    case MPY_AST_DictComp:
        visit_comprehension_expr(st, e, e->v.DictComp.generators, e->v.DictComp.key,
                                 e->v.DictComp.value);
        break;
    case MPY_AST_Yield:
        if (e->v.Yield.value)
            visit_expr(st, e->v.Yield.value);
        st->cur->generator = true;
        check_yield_in_comprehension(st, e);
        break;
    case MPY_AST_YieldFrom:
        visit_expr(st, e->v.YieldFrom.value);
        st->cur->generator = true;
        check_yield_in_comprehension(st, e);
        break;
    case MPY_AST_Await:
        visit_expr(st, e->v.Await.value);
        st->cur->coroutine = true;
        break;
    case MPY_AST_Compare:
        visit_expr(st, e->v.Compare.left);
        visit_exprs(st, e->v.Compare.comparators);
        break;
    case MPY_AST_Call:
        visit_expr(st, e->v.Call.func);
        visit_exprs(st, e->v.Call.args);
        visit_keywords(st, e->v.Call.keywords);
        break;
    case MPY_AST_FormattedValue:
        visit_expr(st, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec)
            visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case MPY_AST_JoinedStr:
        visit_exprs(st, e->v.JoinedStr.values);
        break;
    case MPY_AST_Constant:
        break;
    case MPY_AST_Attribute:
        visit_expr(st, e->v.Attribute.value);
        break;
    case MPY_AST_Subscript:
        visit_expr(st, e->v.Subscript.value);
        visit_expr(st, e->v.Subscript.slice);
        break;
    case MPY_AST_Starred:
        visit_expr(st, e->v.Starred.value);
        break;
    case MPY_AST_Slice:
        if (e->v.Slice.lower)
            visit_expr(st, e->v.Slice.lower);
        if (e->v.Slice.upper)
            visit_expr(st, e->v.Slice.upper);
        if (e->v.Slice.step)
            visit_expr(st, e->v.Slice.step);
        break;
    case MPY_AST_Name:
        add_def(st, e->v.Name.id, e->v.Name.ctx == MPY_AST_LOAD ? MPY_USE : MPY_DEF_LOCAL,
                &e->loc);
        // `super()` needs the __class__ cell of the enclosing class.
        if (e->v.Name.ctx == MPY_AST_LOAD && st->cur->type == MPY_BLOCK_FUNCTION &&
            mpy_str_equal_cstr(e->v.Name.id, "super"))
            add_def(st, MPY_ID(__class__), MPY_USE, &e->loc);
        break;
    case MPY_AST_List:
        visit_exprs(st, e->v.List.elts);
        break;
    case MPY_AST_Tuple:
        visit_exprs(st, e->v.Tuple.elts);
        break;
    }
}

static void visit_expr(MpySymtable *st, MpyAstExpr *e)
{
    if (!enter_recursion(st))
        return;
    visit_expr_kind(st, e);
    st->depth--;
}

static void visit_patterns(MpySymtable *st, MpyAstSeq *seq)
{
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(seq); i++)
        visit_pattern(st, MPY_AST_SEQ_GET(seq, i));
}

static void visit_pattern(MpySymtable *st, MpyAstPattern *p)
{
    if (!enter_recursion(st))
        return;
    switch (p->kind) {
    case MPY_AST_MatchValue:
        visit_expr(st, p->v.MatchValue.value);
        break;
    case MPY_AST_MatchSingleton:
        break;
    case MPY_AST_MatchSequence:
        visit_patterns(st, p->v.MatchSequence.patterns);
        break;
    case MPY_AST_MatchStar:
        if (p->v.MatchStar.name)
            add_def(st, p->v.MatchStar.name, MPY_DEF_LOCAL, &p->loc);
        break;
    case MPY_AST_MatchMapping:
        visit_exprs(st, p->v.MatchMapping.keys);
        visit_patterns(st, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest)
            add_def(st, p->v.MatchMapping.rest, MPY_DEF_LOCAL, &p->loc);
        break;
    case MPY_AST_MatchClass:
        visit_expr(st, p->v.MatchClass.cls);
        visit_patterns(st, p->v.MatchClass.patterns);
        visit_patterns(st, p->v.MatchClass.kwd_patterns);
        break;
    case MPY_AST_MatchAs:
        if (p->v.MatchAs.pattern)
            visit_pattern(st, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name)
            add_def(st, p->v.MatchAs.name, MPY_DEF_LOCAL, &p->loc);
        break;
    case MPY_AST_MatchOr:
        visit_patterns(st, p->v.MatchOr.patterns);
        break;
    }
    st->depth--;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */

MpySymtable *mpy__symtable_build(MpyAstMod *mod, MpyObject *filename)
{
    MpySymtable *st = calloc(1, sizeof *st);
    if (st == NULL) {
        mpy_err_no_memory();
        return NULL;
    }
    st->filename = filename;
    MpyAstLoc loc = {0, 0, 0, 0};
    if (enter_block(st, "top", NULL, MPY_BLOCK_MODULE, mod, &loc) == 0) {
        st->top = st->cur;
        switch (mod->kind) {
        case MPY_AST_Module:
            visit_stmts(st, mod->v.Module.body);
            break;
        case MPY_AST_Interactive:
            visit_stmts(st, mod->v.Interactive.body);
            break;
        case MPY_AST_Expression:
            visit_expr(st, mod->v.Expression.body);
            break;
        }
        exit_block(st);
    }
    if (st->failed || mpy__symtable_analyze(st) < 0) {
        mpy__symtable_free(st);
        return NULL;
    }
    return st;
}
