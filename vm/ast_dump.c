/* vm/ast_dump.c: the text form of a syntax tree.
 *
 * Models Lib/ast.py's dump() of CPython 3.11 with its defaults
 * (annotate_fields=True, include_attributes=False, indent=None): every
 * node prints as `Kind(field=value, ...)` with fields in ASDL order;
 * optional fields (`?` in the ASDL) that are unset are left out, lists
 * always print (`[]` when empty), constants and identifiers print as
 * repr() of their value.  The parser tests compare this text with
 * CPython's own, so every character matters.
 */
#include "vm/ast_dump.h"

#include <stdbool.h>
#include <stdio.h>

#include "gil/tstate.h"
#include "runtime/error.h"
#include "runtime/str.h"

typedef struct {
    MpyStrBuilder sb;
    bool failed;
    bool attrs; /* include_attributes=True */
    int depth;  /* nesting of nodes, against the recursion limit */
} Dump;

static const char *const operator_names[] = {
    NULL, "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
    "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv",
};
static const char *const unaryop_names[] = {NULL, "Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {
    NULL, "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};
static const char *const ctx_names[] = {NULL, "Load", "Store", "Del"};

static void dump_expr(Dump *d, const MpyAstExpr *e);
static void dump_expr_node(Dump *d, const MpyAstExpr *e);
static void dump_stmt_node(Dump *d, const MpyAstStmt *s);
static void dump_pattern_node(Dump *d, const MpyAstPattern *p);
static void dump_stmt(Dump *d, const MpyAstStmt *s);
static void dump_pattern(Dump *d, const MpyAstPattern *p);

static void
put(Dump *d, const char *s)
{
    if (!d->failed && mpy_sb_append_cstr(&d->sb, s) < 0)
        d->failed = true;
}

static void
put_repr(Dump *d, MpyObject *o)
{
    if (o == NULL)
        put(d, "None");
    else if (!d->failed && mpy_sb_append_repr(&d->sb, o) < 0)
        d->failed = true;
}

/* Field separator and name: "name=" after "Kind(" or ", ". */
static void
key(Dump *d, bool *first, const char *name)
{
    if (!*first)
        put(d, ", ");
    *first = false;
    put(d, name);
    put(d, "=");
}

/* A node with no fields: "Load()". */
static void
unit(Dump *d, const char *name)
{
    put(d, name);
    put(d, "()");
}

static void
f_expr(Dump *d, bool *first, const char *name, const MpyAstExpr *e, bool optional)
{
    if (e == NULL && optional)
        return;
    key(d, first, name);
    if (e == NULL)
        put(d, "None");
    else
        dump_expr(d, e);
}

static void
f_obj(Dump *d, bool *first, const char *name, MpyObject *o, bool optional)
{
    if (o == NULL && optional)
        return;
    key(d, first, name);
    put_repr(d, o);
}

static void
f_int(Dump *d, bool *first, const char *name, int v)
{
    char buf[24];
    key(d, first, name);
    snprintf(buf, sizeof buf, "%d", v);
    put(d, buf);
}

/* ", lineno=1, col_offset=0, end_lineno=1, end_col_offset=5" */
static void
f_loc(Dump *d, bool *first, const MpyAstLoc *loc)
{
    if (!d->attrs)
        return;
    f_int(d, first, "lineno", loc->lineno);
    f_int(d, first, "col_offset", loc->col_offset);
    f_int(d, first, "end_lineno", loc->end_lineno);
    f_int(d, first, "end_col_offset", loc->end_col_offset);
}

static void
f_ctx(Dump *d, bool *first, MpyAstCtx ctx)
{
    key(d, first, "ctx");
    unit(d, ctx_names[ctx]);
}

typedef void (*ItemDumper)(Dump *d, const void *item);

static void
f_seq(Dump *d, bool *first, const char *name, const MpyAstSeq *seq, ItemDumper item)
{
    key(d, first, name);
    put(d, "[");
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(seq); i++) {
        if (i > 0)
            put(d, ", ");
        if (seq->items[i] == NULL)
            put(d, "None");
        else
            item(d, seq->items[i]);
    }
    put(d, "]");
}

static void item_expr(Dump *d, const void *x) { dump_expr(d, x); }
static void item_stmt(Dump *d, const void *x) { dump_stmt(d, x); }
static void item_pattern(Dump *d, const void *x) { dump_pattern(d, x); }
static void item_identifier(Dump *d, const void *x) { put_repr(d, (MpyObject *)x); }

static void
item_keyword(Dump *d, const void *x)
{
    const MpyAstKeyword *k = x;
    bool first = true;
    put(d, "keyword(");
    f_obj(d, &first, "arg", k->arg, true);
    f_expr(d, &first, "value", k->value, false);
    f_loc(d, &first, &k->loc);
    put(d, ")");
}

static void
item_comprehension(Dump *d, const void *x)
{
    const MpyAstComprehension *c = x;
    bool first = true;
    put(d, "comprehension(");
    f_expr(d, &first, "target", c->target, false);
    f_expr(d, &first, "iter", c->iter, false);
    f_seq(d, &first, "ifs", c->ifs, item_expr);
    f_int(d, &first, "is_async", c->is_async);
    put(d, ")");
}

static void
item_arg(Dump *d, const void *x)
{
    const MpyAstArg *a = x;
    bool first = true;
    put(d, "arg(");
    f_obj(d, &first, "arg", a->arg, false);
    f_expr(d, &first, "annotation", a->annotation, true);
    f_loc(d, &first, &a->loc);
    put(d, ")");
}

static void
f_arg(Dump *d, bool *first, const char *name, const MpyAstArg *a)
{
    if (a == NULL)
        return;
    key(d, first, name);
    item_arg(d, a);
}

static void
dump_arguments(Dump *d, const MpyAstArguments *a)
{
    bool first = true;
    put(d, "arguments(");
    f_seq(d, &first, "posonlyargs", a->posonlyargs, item_arg);
    f_seq(d, &first, "args", a->args, item_arg);
    f_arg(d, &first, "vararg", a->vararg);
    f_seq(d, &first, "kwonlyargs", a->kwonlyargs, item_arg);
    f_seq(d, &first, "kw_defaults", a->kw_defaults, item_expr);
    f_arg(d, &first, "kwarg", a->kwarg);
    f_seq(d, &first, "defaults", a->defaults, item_expr);
    put(d, ")");
}

static void
item_alias(Dump *d, const void *x)
{
    const MpyAstAlias *a = x;
    bool first = true;
    put(d, "alias(");
    f_obj(d, &first, "name", a->name, false);
    f_obj(d, &first, "asname", a->asname, true);
    f_loc(d, &first, &a->loc);
    put(d, ")");
}

static void
item_withitem(Dump *d, const void *x)
{
    const MpyAstWithItem *w = x;
    bool first = true;
    put(d, "withitem(");
    f_expr(d, &first, "context_expr", w->context_expr, false);
    f_expr(d, &first, "optional_vars", w->optional_vars, true);
    put(d, ")");
}

static void
item_handler(Dump *d, const void *x)
{
    const MpyAstExceptHandler *h = x;
    bool first = true;
    put(d, "ExceptHandler(");
    f_expr(d, &first, "type", h->type, true);
    f_obj(d, &first, "name", h->name, true);
    f_seq(d, &first, "body", h->body, item_stmt);
    f_loc(d, &first, &h->loc);
    put(d, ")");
}

static void
item_match_case(Dump *d, const void *x)
{
    const MpyAstMatchCase *c = x;
    bool first = true;
    put(d, "match_case(pattern=");
    first = false;
    dump_pattern(d, c->pattern);
    f_expr(d, &first, "guard", c->guard, true);
    f_seq(d, &first, "body", c->body, item_stmt);
    put(d, ")");
}

/* ------------------------------------------------------------------ */
/* Expressions                                                          */

static void
comp(Dump *d, bool *first, const MpyAstExpr *elt, const MpyAstSeq *gens)
{
    f_expr(d, first, "elt", elt, false);
    f_seq(d, first, "generators", gens, item_comprehension);
}

static void
dump_expr_node(Dump *d, const MpyAstExpr *e)
{
    static const char *const names[] = {
        NULL, "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript",
        "Starred", "Name", "List", "Tuple", "Slice",
    };
    bool first = true;
    put(d, names[e->kind]);
    put(d, "(");
    switch (e->kind) {
    case MPY_AST_BoolOp:
        key(d, &first, "op");
        unit(d, e->v.BoolOp.op == MPY_AST_AND ? "And" : "Or");
        f_seq(d, &first, "values", e->v.BoolOp.values, item_expr);
        break;
    case MPY_AST_NamedExpr:
        f_expr(d, &first, "target", e->v.NamedExpr.target, false);
        f_expr(d, &first, "value", e->v.NamedExpr.value, false);
        break;
    case MPY_AST_BinOp:
        f_expr(d, &first, "left", e->v.BinOp.left, false);
        key(d, &first, "op");
        unit(d, operator_names[e->v.BinOp.op]);
        f_expr(d, &first, "right", e->v.BinOp.right, false);
        break;
    case MPY_AST_UnaryOp:
        key(d, &first, "op");
        unit(d, unaryop_names[e->v.UnaryOp.op]);
        f_expr(d, &first, "operand", e->v.UnaryOp.operand, false);
        break;
    case MPY_AST_Lambda:
        key(d, &first, "args");
        dump_arguments(d, e->v.Lambda.args);
        f_expr(d, &first, "body", e->v.Lambda.body, false);
        break;
    case MPY_AST_IfExp:
        f_expr(d, &first, "test", e->v.IfExp.test, false);
        f_expr(d, &first, "body", e->v.IfExp.body, false);
        f_expr(d, &first, "orelse", e->v.IfExp.orelse, false);
        break;
    case MPY_AST_Dict:
        f_seq(d, &first, "keys", e->v.Dict.keys, item_expr);
        f_seq(d, &first, "values", e->v.Dict.values, item_expr);
        break;
    case MPY_AST_Set:
        f_seq(d, &first, "elts", e->v.Set.elts, item_expr);
        break;
    case MPY_AST_ListComp:
    case MPY_AST_SetComp:
    case MPY_AST_GeneratorExp:
        comp(d, &first, e->v.Comp.elt, e->v.Comp.generators);
        break;
    case MPY_AST_DictComp:
        f_expr(d, &first, "key", e->v.DictComp.key, false);
        f_expr(d, &first, "value", e->v.DictComp.value, false);
        f_seq(d, &first, "generators", e->v.DictComp.generators, item_comprehension);
        break;
    case MPY_AST_Await:
        f_expr(d, &first, "value", e->v.Await.value, false);
        break;
    case MPY_AST_Yield:
        f_expr(d, &first, "value", e->v.Yield.value, true);
        break;
    case MPY_AST_YieldFrom:
        f_expr(d, &first, "value", e->v.YieldFrom.value, false);
        break;
    case MPY_AST_Compare:
        f_expr(d, &first, "left", e->v.Compare.left, false);
        key(d, &first, "ops");
        put(d, "[");
        for (ptrdiff_t i = 0; i < e->v.Compare.ops->size; i++) {
            if (i > 0)
                put(d, ", ");
            unit(d, cmpop_names[e->v.Compare.ops->items[i]]);
        }
        put(d, "]");
        f_seq(d, &first, "comparators", e->v.Compare.comparators, item_expr);
        break;
    case MPY_AST_Call:
        f_expr(d, &first, "func", e->v.Call.func, false);
        f_seq(d, &first, "args", e->v.Call.args, item_expr);
        f_seq(d, &first, "keywords", e->v.Call.keywords, item_keyword);
        break;
    case MPY_AST_FormattedValue:
        f_expr(d, &first, "value", e->v.FormattedValue.value, false);
        f_int(d, &first, "conversion", e->v.FormattedValue.conversion);
        f_expr(d, &first, "format_spec", e->v.FormattedValue.format_spec, true);
        break;
    case MPY_AST_JoinedStr:
        f_seq(d, &first, "values", e->v.JoinedStr.values, item_expr);
        break;
    case MPY_AST_Constant:
        f_obj(d, &first, "value", e->v.Constant.value, false);
        f_obj(d, &first, "kind", e->v.Constant.kind, true);
        break;
    case MPY_AST_Attribute:
        f_expr(d, &first, "value", e->v.Attribute.value, false);
        f_obj(d, &first, "attr", e->v.Attribute.attr, false);
        f_ctx(d, &first, e->v.Attribute.ctx);
        break;
    case MPY_AST_Subscript:
        f_expr(d, &first, "value", e->v.Subscript.value, false);
        f_expr(d, &first, "slice", e->v.Subscript.slice, false);
        f_ctx(d, &first, e->v.Subscript.ctx);
        break;
    case MPY_AST_Starred:
        f_expr(d, &first, "value", e->v.Starred.value, false);
        f_ctx(d, &first, e->v.Starred.ctx);
        break;
    case MPY_AST_Name:
        f_obj(d, &first, "id", e->v.Name.id, false);
        f_ctx(d, &first, e->v.Name.ctx);
        break;
    case MPY_AST_List:
        f_seq(d, &first, "elts", e->v.List.elts, item_expr);
        f_ctx(d, &first, e->v.List.ctx);
        break;
    case MPY_AST_Tuple:
        f_seq(d, &first, "elts", e->v.Tuple.elts, item_expr);
        f_ctx(d, &first, e->v.Tuple.ctx);
        break;
    case MPY_AST_Slice:
        f_expr(d, &first, "lower", e->v.Slice.lower, true);
        f_expr(d, &first, "upper", e->v.Slice.upper, true);
        f_expr(d, &first, "step", e->v.Slice.step, true);
        break;
    }
    f_loc(d, &first, &e->loc);
    put(d, ")");
}

/* ------------------------------------------------------------------ */
/* Patterns                                                             */

static void
dump_pattern_node(Dump *d, const MpyAstPattern *p)
{
    static const char *const names[] = {
        NULL, "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
        "MatchClass", "MatchStar", "MatchAs", "MatchOr",
    };
    bool first = true;
    put(d, names[p->kind]);
    put(d, "(");
    switch (p->kind) {
    case MPY_AST_MatchValue:
        f_expr(d, &first, "value", p->v.MatchValue.value, false);
        break;
    case MPY_AST_MatchSingleton:
        f_obj(d, &first, "value", p->v.MatchSingleton.value, false);
        break;
    case MPY_AST_MatchSequence:
        f_seq(d, &first, "patterns", p->v.MatchSequence.patterns, item_pattern);
        break;
    case MPY_AST_MatchMapping:
        f_seq(d, &first, "keys", p->v.MatchMapping.keys, item_expr);
        f_seq(d, &first, "patterns", p->v.MatchMapping.patterns, item_pattern);
        f_obj(d, &first, "rest", p->v.MatchMapping.rest, true);
        break;
    case MPY_AST_MatchClass:
        f_expr(d, &first, "cls", p->v.MatchClass.cls, false);
        f_seq(d, &first, "patterns", p->v.MatchClass.patterns, item_pattern);
        f_seq(d, &first, "kwd_attrs", p->v.MatchClass.kwd_attrs, item_identifier);
        f_seq(d, &first, "kwd_patterns", p->v.MatchClass.kwd_patterns, item_pattern);
        break;
    case MPY_AST_MatchStar:
        f_obj(d, &first, "name", p->v.MatchStar.name, true);
        break;
    case MPY_AST_MatchAs:
        if (p->v.MatchAs.pattern != NULL) {
            key(d, &first, "pattern");
            dump_pattern(d, p->v.MatchAs.pattern);
        }
        f_obj(d, &first, "name", p->v.MatchAs.name, true);
        break;
    case MPY_AST_MatchOr:
        f_seq(d, &first, "patterns", p->v.MatchOr.patterns, item_pattern);
        break;
    }
    f_loc(d, &first, &p->loc);
    put(d, ")");
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */

static void
body_fields(Dump *d, bool *first, const MpyAstSeq *body, const MpyAstSeq *orelse)
{
    f_seq(d, first, "body", body, item_stmt);
    f_seq(d, first, "orelse", orelse, item_stmt);
}

static void
dump_stmt_node(Dump *d, const MpyAstStmt *s)
{
    static const char *const names[] = {
        NULL, "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
        "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
        "Nonlocal", "Expr", "Pass", "Break", "Continue",
    };
    bool first = true;
    put(d, names[s->kind]);
    put(d, "(");
    switch (s->kind) {
    case MPY_AST_FunctionDef:
    case MPY_AST_AsyncFunctionDef:
        f_obj(d, &first, "name", s->v.FunctionDef.name, false);
        key(d, &first, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        f_seq(d, &first, "body", s->v.FunctionDef.body, item_stmt);
        f_seq(d, &first, "decorator_list", s->v.FunctionDef.decorator_list, item_expr);
        f_expr(d, &first, "returns", s->v.FunctionDef.returns, true);
        break;
    case MPY_AST_ClassDef:
        f_obj(d, &first, "name", s->v.ClassDef.name, false);
        f_seq(d, &first, "bases", s->v.ClassDef.bases, item_expr);
        f_seq(d, &first, "keywords", s->v.ClassDef.keywords, item_keyword);
        f_seq(d, &first, "body", s->v.ClassDef.body, item_stmt);
        f_seq(d, &first, "decorator_list", s->v.ClassDef.decorator_list, item_expr);
        break;
    case MPY_AST_Return:
        f_expr(d, &first, "value", s->v.Return.value, true);
        break;
    case MPY_AST_Delete:
        f_seq(d, &first, "targets", s->v.Delete.targets, item_expr);
        break;
    case MPY_AST_Assign:
        f_seq(d, &first, "targets", s->v.Assign.targets, item_expr);
        f_expr(d, &first, "value", s->v.Assign.value, false);
        break;
    case MPY_AST_AugAssign:
        f_expr(d, &first, "target", s->v.AugAssign.target, false);
        key(d, &first, "op");
        unit(d, operator_names[s->v.AugAssign.op]);
        f_expr(d, &first, "value", s->v.AugAssign.value, false);
        break;
    case MPY_AST_AnnAssign:
        f_expr(d, &first, "target", s->v.AnnAssign.target, false);
        f_expr(d, &first, "annotation", s->v.AnnAssign.annotation, false);
        f_expr(d, &first, "value", s->v.AnnAssign.value, true);
        f_int(d, &first, "simple", s->v.AnnAssign.simple);
        break;
    case MPY_AST_For:
    case MPY_AST_AsyncFor:
        f_expr(d, &first, "target", s->v.For.target, false);
        f_expr(d, &first, "iter", s->v.For.iter, false);
        body_fields(d, &first, s->v.For.body, s->v.For.orelse);
        break;
    case MPY_AST_While:
        f_expr(d, &first, "test", s->v.While.test, false);
        body_fields(d, &first, s->v.While.body, s->v.While.orelse);
        break;
    case MPY_AST_If:
        f_expr(d, &first, "test", s->v.If.test, false);
        body_fields(d, &first, s->v.If.body, s->v.If.orelse);
        break;
    case MPY_AST_With:
    case MPY_AST_AsyncWith:
        f_seq(d, &first, "items", s->v.With.items, item_withitem);
        f_seq(d, &first, "body", s->v.With.body, item_stmt);
        break;
    case MPY_AST_Match:
        f_expr(d, &first, "subject", s->v.Match.subject, false);
        f_seq(d, &first, "cases", s->v.Match.cases, item_match_case);
        break;
    case MPY_AST_Raise:
        f_expr(d, &first, "exc", s->v.Raise.exc, true);
        f_expr(d, &first, "cause", s->v.Raise.cause, true);
        break;
    case MPY_AST_Try:
    case MPY_AST_TryStar:
        f_seq(d, &first, "body", s->v.Try.body, item_stmt);
        f_seq(d, &first, "handlers", s->v.Try.handlers, item_handler);
        f_seq(d, &first, "orelse", s->v.Try.orelse, item_stmt);
        f_seq(d, &first, "finalbody", s->v.Try.finalbody, item_stmt);
        break;
    case MPY_AST_Assert:
        f_expr(d, &first, "test", s->v.Assert.test, false);
        f_expr(d, &first, "msg", s->v.Assert.msg, true);
        break;
    case MPY_AST_Import:
        f_seq(d, &first, "names", s->v.Import.names, item_alias);
        break;
    case MPY_AST_ImportFrom:
        f_obj(d, &first, "module", s->v.ImportFrom.module, true);
        f_seq(d, &first, "names", s->v.ImportFrom.names, item_alias);
        f_int(d, &first, "level", s->v.ImportFrom.level);
        break;
    case MPY_AST_Global:
    case MPY_AST_Nonlocal:
        f_seq(d, &first, "names", s->v.Global.names, item_identifier);
        break;
    case MPY_AST_Expr:
        f_expr(d, &first, "value", s->v.Expr.value, false);
        break;
    case MPY_AST_Pass:
    case MPY_AST_Break:
    case MPY_AST_Continue:
        break;
    }
    f_loc(d, &first, &s->loc);
    put(d, ")");
}

/* ------------------------------------------------------------------ */
/* Depth: CPython's ast construction stops at 3 x the recursion limit   */

static bool enter(Dump *d)
{
    int limit = 3 * (mpy__interp != NULL ? mpy__interp->recursion_limit : 1000);
    if (d->failed)
        return false;
    if (++d->depth > limit) {
        d->failed = true;
        mpy_err_format(mpy_exc_RecursionError,
                       "maximum recursion depth exceeded during ast construction");
        return false;
    }
    return true;
}

static void
dump_expr(Dump *d, const MpyAstExpr *e)
{
    if (enter(d))
        dump_expr_node(d, e);
    d->depth--;
}

static void
dump_stmt(Dump *d, const MpyAstStmt *s)
{
    if (enter(d))
        dump_stmt_node(d, s);
    d->depth--;
}

static void
dump_pattern(Dump *d, const MpyAstPattern *p)
{
    if (enter(d))
        dump_pattern_node(d, p);
    d->depth--;
}

MpyObject *
mpy__ast_dump(MpyAstMod *mod)
{
    return mpy__ast_dump_ex(mod, false);
}

MpyObject *
mpy__ast_dump_ex(MpyAstMod *mod, bool attributes)
{
    Dump d = {.failed = false, .attrs = attributes};
    bool first = true;
    mpy_sb_init(&d.sb);
    switch (mod->kind) {
    case MPY_AST_Module:
        put(&d, "Module(");
        f_seq(&d, &first, "body", mod->v.Module.body, item_stmt);
        put(&d, ", type_ignores=[])");
        break;
    case MPY_AST_Interactive:
        put(&d, "Interactive(");
        f_seq(&d, &first, "body", mod->v.Interactive.body, item_stmt);
        put(&d, ")");
        break;
    case MPY_AST_Expression:
        put(&d, "Expression(");
        f_expr(&d, &first, "body", mod->v.Expression.body, false);
        put(&d, ")");
        break;
    }
    if (d.failed) {
        mpy_sb_discard(&d.sb);
        return NULL;
    }
    return mpy_sb_finish(&d.sb);
}
