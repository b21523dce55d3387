/* vm/compile_warn.c: the SyntaxWarnings the compiler gives about code that
 * is legal but almost certainly a mistake.
 *
 * Models check_compare, check_caller, check_subscripter, check_index and
 * the assert check of CPython 3.11's Python/compile.c:
 *
 *   x is 1            "is" with a literal. Did you mean "=="?
 *   assert (x, "m")   assertion is always true, perhaps remove parentheses?
 *   [1, 2] (3, 4)     'list' object is not callable; perhaps you missed a comma?
 *   {1} [0]           'set' object is not subscriptable; ...
 *   "ab" ["x"]        str indices must be integers or slices, not str; ...
 *
 * minipy has no warnings module yet, so the warning is printed to stderr
 * in the format of Python's default warning display:
 *   file.py:3: SyntaxWarning: message
 *     the source line
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

/* Print "file:line: SyntaxWarning: message" and the source line. */
static void warn(MpyCompiler *c, const char *fmt, ...)
{
    if (c->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    MpyObject *msg = mpy_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        mpy__compile_fail(c);
        return;
    }
    int line = c->u->loc.line;
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", mpy_str_utf8(c->filename), line,
            mpy_str_utf8(msg));
    char *text = mpy__compile_program_text(c->filename, line);
    if (text != NULL) {
        char *start = text;
        while (*start == ' ' || *start == '\t' || *start == '\f')
            start++;
        size_t n = strlen(start);
        while (n > 0 && (start[n - 1] == '\n' || start[n - 1] == '\r' || start[n - 1] == ' '))
            n--;
        fprintf(stderr, "  %.*s\n", (int)n, start);
        free(text);
    }
    MPY_DECREF(msg);
}

/* The type name of a literal expression, or NULL (CPython's infer_type). */
static const char *literal_type(MpyAstExpr *e)
{
    switch (e->kind) {
    case MPY_AST_Tuple: return "tuple";
    case MPY_AST_List:
    case MPY_AST_ListComp: return "list";
    case MPY_AST_Dict:
    case MPY_AST_DictComp: return "dict";
    case MPY_AST_Set:
    case MPY_AST_SetComp: return "set";
    case MPY_AST_GeneratorExp: return "generator";
    case MPY_AST_Lambda: return "function";
    case MPY_AST_JoinedStr:
    case MPY_AST_FormattedValue: return "str";
    case MPY_AST_Constant: return mpy_type_name_of(e->v.Constant.value);
    default: return NULL;
    }
}

/* `is` against a literal other than None, True, False and ... */
static bool is_literal_for_is(MpyAstExpr *e)
{
    if (e->kind != MPY_AST_Constant)
        return false;
    MpyObject *v = e->v.Constant.value;
    return v != MPY_NONE && v != MPY_TRUE && v != MPY_FALSE && v != MPY_ELLIPSIS;
}

void mpy__compile_check_compare(MpyCompiler *c, MpyAstExpr *e)
{
    bool left = is_literal_for_is(e->v.Compare.left);
    for (ptrdiff_t i = 0; i < MPY_AST_SEQ_LEN(e->v.Compare.comparators); i++) {
        MpyAstCmpOp op = (MpyAstCmpOp)e->v.Compare.ops->items[i];
        bool right = is_literal_for_is(MPY_AST_SEQ_GET(e->v.Compare.comparators, i));
        if ((op == MPY_AST_IS || op == MPY_AST_ISNOT) && (left || right)) {
            warn(c, op == MPY_AST_IS
                                     ? "\"is\" with a literal. Did you mean \"==\"?"
                                     : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

void mpy__compile_check_assert(MpyCompiler *c, MpyAstExpr *test)
{
    bool tuple = (test->kind == MPY_AST_Tuple && MPY_AST_SEQ_LEN(test->v.Tuple.elts) > 0) ||
                 (test->kind == MPY_AST_Constant && mpy_tuple_check(test->v.Constant.value) &&
                  mpy_tuple_size(test->v.Constant.value) > 0);
    if (tuple)
        warn(c, "assertion is always true, perhaps remove parentheses?");
}

void mpy__compile_check_caller(MpyCompiler *c, MpyAstExpr *func)
{
    switch (func->kind) {
    case MPY_AST_Constant:
    case MPY_AST_Tuple:
    case MPY_AST_List:
    case MPY_AST_ListComp:
    case MPY_AST_Dict:
    case MPY_AST_DictComp:
    case MPY_AST_Set:
    case MPY_AST_SetComp:
    case MPY_AST_GeneratorExp:
    case MPY_AST_JoinedStr:
    case MPY_AST_FormattedValue:
        warn(c, "'%s' object is not callable; perhaps you missed a comma?",
                          literal_type(func));
        break;
    default:
        break;
    }
}

static bool is_number_like(MpyObject *v)
{
    return v == MPY_NONE || v == MPY_ELLIPSIS || mpy_int_check(v) || mpy_float_check(v) ||
           mpy_complex_check(v) || mpy_set_check(v);
}

/* x[i] where x is a literal that cannot be subscripted, or i a literal
 * of the wrong type for a sequence literal x. */
void mpy__compile_check_subscript(MpyCompiler *c, MpyAstExpr *value, MpyAstExpr *index)
{
    switch (value->kind) {
    case MPY_AST_Constant:
        if (!is_number_like(value->v.Constant.value))
            break;
        // fall through
    case MPY_AST_Set:
    case MPY_AST_SetComp:
    case MPY_AST_GeneratorExp:
    case MPY_AST_Lambda:
        warn(c, "'%s' object is not subscriptable; perhaps you missed a comma?",
                          literal_type(value));
        return;
    default:
        break;
    }
    const char *index_type = literal_type(index);
    if (index_type == NULL || (index->kind == MPY_AST_Constant &&
                               mpy_int_check(index->v.Constant.value)))
        return;
    switch (value->kind) {
    case MPY_AST_Constant: {
        MpyObject *v = value->v.Constant.value;
        if (!mpy_str_check(v) && !mpy_bytes_check(v) && !mpy_tuple_check(v))
            return;
    }
        // fall through
    case MPY_AST_Tuple:
    case MPY_AST_List:
    case MPY_AST_ListComp:
    case MPY_AST_JoinedStr:
    case MPY_AST_FormattedValue:
        warn(c, "%s indices must be integers or slices, not %s; perhaps you "
                             "missed a comma?",
                          literal_type(value), index_type);
        break;
    default:
        break;
    }
}
