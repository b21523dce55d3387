/* vm/ast_unparse.c: turning an expression tree back into source text.
 *
 * Models CPython 3.11's Python/ast_unparse.c, which the compiler uses for
 * `from __future__ import annotations`: annotations are then not
 * evaluated but stored as the text CPython would print for them
 * (`List[ int ]` becomes 'List[int]', `'T'` becomes "'T'").
 *
 * Parentheses are added only where the precedence of the surrounding
 * expression requires them: every function receives the precedence
 * `level` of its context and wraps itself when its own is lower.
 */
#include <string.h>

#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

/* Precedence levels, loosest first (CPython's PR_*). */
enum {
    PR_TUPLE,
    PR_TEST,   /* if-else, lambda */
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_BOR,    /* | (also the start of the bitwise levels: PR_EXPR) */
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR, /* unary + - ~ */
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};
#define PR_EXPR PR_BOR

static int unparse(MpyStrBuilder *sb, MpyAstExpr *e, int level);

static int put(MpyStrBuilder *sb, const char *s)
{
    return mpy_sb_append_cstr(sb, s);
}

static int put_if(MpyStrBuilder *sb, bool cond, const char *s)
{
    return cond ? put(sb, s) : 0;
}

/* items joined by ", ", each at `level`. */
static int unparse_list(MpyStrBuilder *sb, MpyAstSeq *items, int level)
{
    for (ptrdiff_t i = 0; i < LEN(items); i++) {
        if (put_if(sb, i > 0, ", ") < 0 || unparse(sb, GET(items, i), level) < 0)
            return -1;
    }
    return 0;
}

/* repr() of a constant; infinities become 1e309 so the text evaluates
 * back to the same value. */
static int unparse_constant(MpyStrBuilder *sb, MpyObject *value)
{
    if (value == MPY_ELLIPSIS)
        return put(sb, "...");
    MpyObject *r = mpy_object_repr(value);
    if (r == NULL)
        return -1;
    const char *text = mpy_str_utf8(r);
    int rc = 0;
    bool is_number = mpy_float_check(value) || mpy_complex_check(value);
    for (const char *p = text; *p && rc == 0; p++) {
        if (is_number && strncmp(p, "inf", 3) == 0) {
            rc = put(sb, "1e309");
            p += 2;
        } else {
            rc = mpy_sb_append(sb, p, 1);
        }
    }
    MPY_DECREF(r);
    return rc;
}

static int unparse_arg(MpyStrBuilder *sb, MpyAstArg *arg)
{
    return mpy_sb_append_str(sb, arg->arg);
}

/* The parameters of a lambda. */
static int unparse_arguments(MpyStrBuilder *sb, MpyAstArguments *a)
{
    bool first = true;
    ptrdiff_t nposonly = LEN(a->posonlyargs), nargs = nposonly + LEN(a->args);
    ptrdiff_t ndefaults = LEN(a->defaults);
    for (ptrdiff_t i = 0; i < nargs; i++) {
        MpyAstArg *arg = i < nposonly ? GET(a->posonlyargs, i) : GET(a->args, i - nposonly);
        if (put_if(sb, !first, ", ") < 0 || unparse_arg(sb, arg) < 0)
            return -1;
        first = false;
        ptrdiff_t d = i - (nargs - ndefaults);
        if (d >= 0 && (put(sb, "=") < 0 || unparse(sb, GET(a->defaults, d), PR_TEST) < 0))
            return -1;
        if (i == nposonly - 1 && put(sb, ", /") < 0)
            return -1;
    }
    if (a->vararg || LEN(a->kwonlyargs) > 0) {
        if (put_if(sb, !first, ", ") < 0 || put(sb, "*") < 0 ||
            (a->vararg && unparse_arg(sb, a->vararg) < 0))
            return -1;
        first = false;
    }
    for (ptrdiff_t i = 0; i < LEN(a->kwonlyargs); i++) {
        MpyAstExpr *dflt = GET(a->kw_defaults, i);
        if (put_if(sb, !first, ", ") < 0 || unparse_arg(sb, GET(a->kwonlyargs, i)) < 0 ||
            (dflt && (put(sb, "=") < 0 || unparse(sb, dflt, PR_TEST) < 0)))
            return -1;
        first = false;
    }
    if (a->kwarg && (put_if(sb, !first, ", ") < 0 || put(sb, "**") < 0 ||
                     unparse_arg(sb, a->kwarg) < 0))
        return -1;
    return 0;
}

static int unparse_comprehensions(MpyStrBuilder *sb, MpyAstSeq *generators)
{
    for (ptrdiff_t i = 0; i < LEN(generators); i++) {
        MpyAstComprehension *gen = GET(generators, i);
        if (put(sb, gen->is_async ? " async for " : " for ") < 0 ||
            unparse(sb, gen->target, PR_TUPLE) < 0 || put(sb, " in ") < 0 ||
            unparse(sb, gen->iter, PR_TEST + 1) < 0)
            return -1;
        for (ptrdiff_t j = 0; j < LEN(gen->ifs); j++) {
            if (put(sb, " if ") < 0 || unparse(sb, GET(gen->ifs, j), PR_TEST + 1) < 0)
                return -1;
        }
    }
    return 0;
}

static int unparse_comp(MpyStrBuilder *sb, MpyAstExpr *e, const char *open, const char *close)
{
    if (put(sb, open) < 0)
        return -1;
    if (e->kind == MPY_AST_DictComp) {
        if (unparse(sb, e->v.DictComp.key, PR_TEST) < 0 || put(sb, ": ") < 0 ||
            unparse(sb, e->v.DictComp.value, PR_TEST) < 0 ||
            unparse_comprehensions(sb, e->v.DictComp.generators) < 0)
            return -1;
    } else if (unparse(sb, e->v.Comp.elt, PR_TEST) < 0 ||
               unparse_comprehensions(sb, e->v.Comp.generators) < 0) {
        return -1;
    }
    return put(sb, close);
}

static int unparse_dict(MpyStrBuilder *sb, MpyAstExpr *e)
{
    if (put(sb, "{") < 0)
        return -1;
    for (ptrdiff_t i = 0; i < LEN(e->v.Dict.values); i++) {
        MpyAstExpr *key = GET(e->v.Dict.keys, i);
        if (put_if(sb, i > 0, ", ") < 0)
            return -1;
        if (key == NULL) {
            if (put(sb, "**") < 0 || unparse(sb, GET(e->v.Dict.values, i), PR_EXPR) < 0)
                return -1;
        } else if (unparse(sb, key, PR_TEST) < 0 || put(sb, ": ") < 0 ||
                   unparse(sb, GET(e->v.Dict.values, i), PR_TEST) < 0) {
            return -1;
        }
    }
    return put(sb, "}");
}

static int unparse_call(MpyStrBuilder *sb, MpyAstExpr *e)
{
    MpyAstSeq *args = e->v.Call.args, *keywords = e->v.Call.keywords;
    if (unparse(sb, e->v.Call.func, PR_ATOM) < 0)
        return -1;
    // f(x for x in y): the generator's own parentheses serve the call.
    if (LEN(args) == 1 && LEN(keywords) == 0 &&
        ((MpyAstExpr *)GET(args, 0))->kind == MPY_AST_GeneratorExp)
        return unparse_comp(sb, GET(args, 0), "(", ")");
    if (put(sb, "(") < 0 || unparse_list(sb, args, PR_TEST) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < LEN(keywords); i++) {
        MpyAstKeyword *kw = GET(keywords, i);
        if (put_if(sb, i > 0 || LEN(args) > 0, ", ") < 0)
            return -1;
        if (kw->arg == NULL ? put(sb, "**") < 0
                            : mpy_sb_append_str(sb, kw->arg) < 0 || put(sb, "=") < 0)
            return -1;
        if (unparse(sb, kw->value, PR_TEST) < 0)
            return -1;
    }
    return put(sb, ")");
}

/* The body of an f-string (without quotes), doubling literal braces. */
static int unparse_fstring_body(MpyStrBuilder *sb, MpyAstExpr *e);

static int unparse_fstring_element(MpyStrBuilder *sb, MpyAstExpr *e)
{
    if (e->kind == MPY_AST_Constant && mpy_str_check(e->v.Constant.value)) {
        for (const char *p = mpy_str_utf8(e->v.Constant.value); *p; p++) {
            if (mpy_sb_append(sb, p, 1) < 0 || ((*p == '{' || *p == '}') && mpy_sb_append(sb, p, 1) < 0))
                return -1;
        }
        return 0;
    }
    if (e->kind == MPY_AST_JoinedStr)
        return unparse_fstring_body(sb, e);
    if (e->kind != MPY_AST_FormattedValue) {
        mpy_err_set(mpy_exc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
    MpyStrBuilder inner;
    mpy_sb_init(&inner);
    if (unparse(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        mpy_sb_discard(&inner);
        return -1;
    }
    MpyObject *text = mpy_sb_finish(&inner);
    if (text == NULL)
        return -1;
    int rc = put(sb, mpy_str_utf8(text)[0] == '{' ? "{ " : "{");
    rc = rc < 0 ? rc : mpy_sb_append_str(sb, text);
    MPY_DECREF(text);
    int conv = e->v.FormattedValue.conversion;
    if (rc == 0 && conv > 0)
        rc = mpy_sb_printf(sb, "!%c", conv);
    if (rc == 0 && e->v.FormattedValue.format_spec)
        rc = put(sb, ":") < 0 ? -1 : unparse_fstring_element(sb, e->v.FormattedValue.format_spec);
    return rc < 0 ? -1 : put(sb, "}");
}

static int unparse_fstring_body(MpyStrBuilder *sb, MpyAstExpr *e)
{
    for (ptrdiff_t i = 0; i < LEN(e->v.JoinedStr.values); i++) {
        if (unparse_fstring_element(sb, GET(e->v.JoinedStr.values, i)) < 0)
            return -1;
    }
    return 0;
}

/* f'...': the body, quoted by repr(). */
static int unparse_joined_str(MpyStrBuilder *sb, MpyAstExpr *e)
{
    MpyStrBuilder body;
    mpy_sb_init(&body);
    if (unparse_fstring_body(&body, e) < 0) {
        mpy_sb_discard(&body);
        return -1;
    }
    MpyObject *text = mpy_sb_finish(&body);
    if (text == NULL)
        return -1;
    int rc = put(sb, "f") < 0 ? -1 : mpy_sb_append_repr(sb, text);
    MPY_DECREF(text);
    return rc;
}

static const char *binop_symbol(MpyAstOperator op, int *pr)
{
    switch (op) {
    case MPY_AST_ADD: *pr = PR_ARITH; return " + ";
    case MPY_AST_SUB: *pr = PR_ARITH; return " - ";
    case MPY_AST_MULT: *pr = PR_TERM; return " * ";
    case MPY_AST_MATMULT: *pr = PR_TERM; return " @ ";
    case MPY_AST_DIV: *pr = PR_TERM; return " / ";
    case MPY_AST_MOD: *pr = PR_TERM; return " % ";
    case MPY_AST_FLOORDIV: *pr = PR_TERM; return " // ";
    case MPY_AST_POW: *pr = PR_POWER; return " ** ";
    case MPY_AST_LSHIFT: *pr = PR_SHIFT; return " << ";
    case MPY_AST_RSHIFT: *pr = PR_SHIFT; return " >> ";
    case MPY_AST_BITOR: *pr = PR_BOR; return " | ";
    case MPY_AST_BITXOR: *pr = PR_BXOR; return " ^ ";
    case MPY_AST_BITAND: *pr = PR_BAND; return " & ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static const char *const cmp_symbols[] = {"", " == ", " != ", " < ", " <= ", " > ", " >= ",
                                          " is ", " is not ", " in ", " not in "};

static int unparse_binop(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    int pr;
    const char *sym = binop_symbol(e->v.BinOp.op, &pr);
    bool rassoc = e->v.BinOp.op == MPY_AST_POW; // 2 ** 3 ** 4
    return put_if(sb, level > pr, "(") < 0 || unparse(sb, e->v.BinOp.left, pr + rassoc) < 0 ||
                   put(sb, sym) < 0 || unparse(sb, e->v.BinOp.right, pr + !rassoc) < 0 ||
                   put_if(sb, level > pr, ")") < 0
               ? -1
               : 0;
}

static int unparse_unaryop(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    const char *sym;
    int pr = PR_FACTOR;
    switch (e->v.UnaryOp.op) {
    case MPY_AST_INVERT: sym = "~"; break;
    case MPY_AST_NOT: sym = "not "; pr = PR_NOT; break;
    case MPY_AST_UADD: sym = "+"; break;
    default: sym = "-"; break;
    }
    return put_if(sb, level > pr, "(") < 0 || put(sb, sym) < 0 ||
                   unparse(sb, e->v.UnaryOp.operand, pr) < 0 || put_if(sb, level > pr, ")") < 0
               ? -1
               : 0;
}

static int unparse_boolop(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    int pr = e->v.BoolOp.op == MPY_AST_AND ? PR_AND : PR_OR;
    const char *sym = e->v.BoolOp.op == MPY_AST_AND ? " and " : " or ";
    if (put_if(sb, level > pr, "(") < 0)
        return -1;
    for (ptrdiff_t i = 0; i < LEN(e->v.BoolOp.values); i++) {
        if (put_if(sb, i > 0, sym) < 0 || unparse(sb, GET(e->v.BoolOp.values, i), pr + 1) < 0)
            return -1;
    }
    return put_if(sb, level > pr, ")");
}

static int unparse_compare(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    if (put_if(sb, level > PR_CMP, "(") < 0 || unparse(sb, e->v.Compare.left, PR_CMP + 1) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < LEN(e->v.Compare.comparators); i++) {
        if (put(sb, cmp_symbols[e->v.Compare.ops->items[i]]) < 0 ||
            unparse(sb, GET(e->v.Compare.comparators, i), PR_CMP + 1) < 0)
            return -1;
    }
    return put_if(sb, level > PR_CMP, ")");
}

static int unparse_tuple(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    ptrdiff_t n = LEN(e->v.Tuple.elts);
    if (n == 0)
        return put(sb, "()");
    return put_if(sb, level > PR_TUPLE, "(") < 0 || unparse_list(sb, e->v.Tuple.elts, PR_TEST) < 0 ||
                   put_if(sb, n == 1, ",") < 0 || put_if(sb, level > PR_TUPLE, ")") < 0
               ? -1
               : 0;
}

static int unparse_slice(MpyStrBuilder *sb, MpyAstExpr *e)
{
    if (e->v.Slice.lower && unparse(sb, e->v.Slice.lower, PR_TEST) < 0)
        return -1;
    if (put(sb, ":") < 0 || (e->v.Slice.upper && unparse(sb, e->v.Slice.upper, PR_TEST) < 0))
        return -1;
    if (e->v.Slice.step && (put(sb, ":") < 0 || unparse(sb, e->v.Slice.step, PR_TEST) < 0))
        return -1;
    return 0;
}

static int unparse_attribute(MpyStrBuilder *sb, MpyAstExpr *e)
{
    MpyAstExpr *v = e->v.Attribute.value;
    // `1 .real`: without the space the dot would join the number.
    bool int_const = v->kind == MPY_AST_Constant && mpy_int_check_exact(v->v.Constant.value);
    return unparse(sb, v, PR_ATOM) < 0 || put(sb, int_const ? " ." : ".") < 0 ||
                   mpy_sb_append_str(sb, e->v.Attribute.attr) < 0
               ? -1
               : 0;
}

static int unparse_kind(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    switch (e->kind) {
    case MPY_AST_BoolOp: return unparse_boolop(sb, e, level);
    case MPY_AST_BinOp: return unparse_binop(sb, e, level);
    case MPY_AST_UnaryOp: return unparse_unaryop(sb, e, level);
    case MPY_AST_Lambda: {
        bool has_args = LEN(e->v.Lambda.args->posonlyargs) || LEN(e->v.Lambda.args->args) ||
                        e->v.Lambda.args->vararg || LEN(e->v.Lambda.args->kwonlyargs) ||
                        e->v.Lambda.args->kwarg;
        return put_if(sb, level > PR_TEST, "(") < 0 || put(sb, has_args ? "lambda " : "lambda") < 0 ||
                       unparse_arguments(sb, e->v.Lambda.args) < 0 || put(sb, ": ") < 0 ||
                       unparse(sb, e->v.Lambda.body, PR_TEST) < 0 ||
                       put_if(sb, level > PR_TEST, ")") < 0
                   ? -1
                   : 0;
    }
    case MPY_AST_IfExp:
        return put_if(sb, level > PR_TEST, "(") < 0 || unparse(sb, e->v.IfExp.body, PR_TEST + 1) < 0 ||
                       put(sb, " if ") < 0 || unparse(sb, e->v.IfExp.test, PR_TEST + 1) < 0 ||
                       put(sb, " else ") < 0 || unparse(sb, e->v.IfExp.orelse, PR_TEST) < 0 ||
                       put_if(sb, level > PR_TEST, ")") < 0
                   ? -1
                   : 0;
    case MPY_AST_Dict: return unparse_dict(sb, e);
    case MPY_AST_Set:
        if (LEN(e->v.Set.elts) == 0)
            return put(sb, "{*()}");
        return put(sb, "{") < 0 || unparse_list(sb, e->v.Set.elts, PR_TEST) < 0 ? -1 : put(sb, "}");
    case MPY_AST_ListComp: return unparse_comp(sb, e, "[", "]");
    case MPY_AST_SetComp: return unparse_comp(sb, e, "{", "}");
    case MPY_AST_DictComp: return unparse_comp(sb, e, "{", "}");
    case MPY_AST_GeneratorExp: return unparse_comp(sb, e, "(", ")");
    case MPY_AST_Await:
        return put_if(sb, level > PR_AWAIT, "(") < 0 || put(sb, "await ") < 0 ||
                       unparse(sb, e->v.Await.value, PR_ATOM) < 0 ||
                       put_if(sb, level > PR_AWAIT, ")") < 0
                   ? -1
                   : 0;
    case MPY_AST_Yield:
        if (e->v.Yield.value == NULL)
            return put(sb, "(yield)");
        return put(sb, "(yield ") < 0 || unparse(sb, e->v.Yield.value, PR_TEST) < 0 ? -1 : put(sb, ")");
    case MPY_AST_YieldFrom:
        return put(sb, "(yield from ") < 0 || unparse(sb, e->v.YieldFrom.value, PR_TEST) < 0
                   ? -1
                   : put(sb, ")");
    case MPY_AST_Compare: return unparse_compare(sb, e, level);
    case MPY_AST_Call: return unparse_call(sb, e);
    case MPY_AST_Constant:
        if (e->v.Constant.kind != NULL && put(sb, "u") < 0)
            return -1;
        return unparse_constant(sb, e->v.Constant.value);
    case MPY_AST_JoinedStr: return unparse_joined_str(sb, e);
    case MPY_AST_FormattedValue: // only ever inside a JoinedStr
        return unparse_fstring_element(sb, e);
    case MPY_AST_Attribute: return unparse_attribute(sb, e);
    case MPY_AST_Subscript:
        return unparse(sb, e->v.Subscript.value, PR_ATOM) < 0 || put(sb, "[") < 0 ||
                       unparse(sb, e->v.Subscript.slice, PR_TUPLE) < 0
                   ? -1
                   : put(sb, "]");
    case MPY_AST_Starred:
        return put(sb, "*") < 0 ? -1 : unparse(sb, e->v.Starred.value, PR_EXPR);
    case MPY_AST_Name: return mpy_sb_append_str(sb, e->v.Name.id);
    case MPY_AST_List:
        return put(sb, "[") < 0 || unparse_list(sb, e->v.List.elts, PR_TEST) < 0 ? -1 : put(sb, "]");
    case MPY_AST_Tuple: return unparse_tuple(sb, e, level);
    case MPY_AST_Slice: return unparse_slice(sb, e);
    case MPY_AST_NamedExpr:
        return put_if(sb, level > PR_TUPLE, "(") < 0 || unparse(sb, e->v.NamedExpr.target, PR_ATOM) < 0 ||
                       put(sb, " := ") < 0 || unparse(sb, e->v.NamedExpr.value, PR_ATOM) < 0 ||
                       put_if(sb, level > PR_TUPLE, ")") < 0
                   ? -1
                   : 0;
    }
    mpy_err_set(mpy_exc_SystemError, "unknown expression kind");
    return -1;
}

static int unparse(MpyStrBuilder *sb, MpyAstExpr *e, int level)
{
    if (mpy_enter_recursive_call(" during ast unparsing") < 0)
        return -1;
    int rc = unparse_kind(sb, e, level);
    mpy_leave_recursive_call();
    return rc;
}

MpyObject *mpy__ast_unparse(MpyAstExpr *e)
{
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (unparse(&sb, e, PR_TEST) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}
