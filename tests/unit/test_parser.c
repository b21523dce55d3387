/* tests/unit/test_parser.c: vm/parser*.c through mpy__parse and
 * mpy__ast_dump.
 *
 * Snapshots: each expected text is what CPython 3.11 prints for
 * `ast.dump(ast.parse(src))` (or compile()'s SyntaxError), checked with
 * python3 when the test was written.  tests/parser/check.sh compares a
 * larger corpus against python3 directly.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/ast.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* The dump of `src` parsed in `mode`, or "Type: msg (lineno, offset)". */
static const char *
parse_dump(const char *src, MpyParseMode mode, int *incomplete)
{
    static char out[4096];
    MpyArena *arena = mpy__arena_new();
    ck_assert_ptr_nonnull(arena);
    MpyAstMod *mod = mpy__parse(src, strlen(src), NULL, mode, arena, incomplete);
    if (mod != NULL) {
        MpyObject *d = mpy__ast_dump(mod);
        ck_assert_ptr_nonnull(d);
        snprintf(out, sizeof out, "%s", mpy_str_utf8(d));
        MPY_DECREF(d);
    } else {
        MpyObject *exc = mpy_err_fetch();
        ck_assert_ptr_nonnull(exc);
        MpyObject *msg = mpy_object_getattr_cstr(exc, "msg");
        MpyObject *lineno = msg ? mpy_object_getattr_cstr(exc, "lineno") : NULL;
        MpyObject *offset = msg ? mpy_object_getattr_cstr(exc, "offset") : NULL;
        mpy_err_clear(); /* no .msg: not a SyntaxError */
        snprintf(out, sizeof out, "%s: %s (%lld, %lld)", mpy_type_name_of(exc),
                 msg ? mpy_str_utf8(msg) : "?", lineno ? mpy_int_as_long(lineno) : 0,
                 offset ? mpy_int_as_long(offset) : 0);
        MPY_XDECREF(msg);
        MPY_XDECREF(lineno);
        MPY_XDECREF(offset);
        MPY_DECREF(exc);
    }
    mpy__arena_free(arena);
    return out;
}

static const char *
dump(const char *src)
{
    return parse_dump(src, MPY_PARSE_FILE, NULL);
}

START_TEST(assignment_and_call)
{
    ck_assert_str_eq(dump("x = f(1, *a, k=2)\n"),
                     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Call("
                     "func=Name(id='f', ctx=Load()), args=[Constant(value=1), Starred(value="
                     "Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', "
                     "value=Constant(value=2))]))], type_ignores=[])");
}
END_TEST

START_TEST(operator_precedence_and_chained_comparison)
{
    ck_assert_str_eq(dump("-a ** 2 + b * c < d is not e\n"),
                     "Module(body=[Expr(value=Compare(left=BinOp(left=UnaryOp(op=USub(), "
                     "operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=Constant("
                     "value=2))), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), "
                     "right=Name(id='c', ctx=Load()))), ops=[Lt(), IsNot()], comparators=[Name("
                     "id='d', ctx=Load()), Name(id='e', ctx=Load())]))], type_ignores=[])");
}
END_TEST

START_TEST(extended_slice_is_a_tuple_of_slices)
{
    ck_assert_str_eq(dump("a[1:2, ::3]\n"),
                     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
                     "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
                     "Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], "
                     "type_ignores=[])");
}
END_TEST

START_TEST(function_with_every_parameter_kind)
{
    ck_assert_str_eq(dump("def f(a, /, b=1, *c, d, **e) -> int: pass\n"),
                     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
                     "args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], "
                     "kw_defaults=[None], kwarg=arg(arg='e'), defaults=[Constant(value=1)]), "
                     "body=[Pass()], decorator_list=[], returns=Name(id='int', ctx=Load()))], "
                     "type_ignores=[])");
}
END_TEST

START_TEST(fstring_with_debug_text_and_nested_spec)
{
    ck_assert_str_eq(dump("f'{x=} {y:{w}.2f}'\n"),
                     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
                     "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), "
                     "Constant(value=' '), FormattedValue(value=Name(id='y', ctx=Load()), "
                     "conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name("
                     "id='w', ctx=Load()), conversion=-1), Constant(value='.2f')]))]))], "
                     "type_ignores=[])");
}
END_TEST

START_TEST(string_concatenation_and_escapes)
{
    ck_assert_str_eq(dump("'a\\tb' \"c\" r'\\d'\n"),
                     "Module(body=[Expr(value=Constant(value='a\\tbc\\\\d'))], type_ignores=[])");
    ck_assert_str_eq(dump("u'x'\n"),
                     "Module(body=[Expr(value=Constant(value='x', kind='u'))], type_ignores=[])");
}
END_TEST

START_TEST(match_statement_patterns)
{
    ck_assert_str_eq(dump("match p:\n case Point(x=0) | [1, *_]: pass\n case _: pass\n"),
                     "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case("
                     "pattern=MatchOr(patterns=[MatchClass(cls=Name(id='Point', ctx=Load()), "
                     "patterns=[], kwd_attrs=['x'], kwd_patterns=[MatchValue(value=Constant("
                     "value=0))]), MatchSequence(patterns=[MatchValue(value=Constant(value=1)), "
                     "MatchStar()])]), body=[Pass()]), match_case(pattern=MatchAs(), "
                     "body=[Pass()])])], type_ignores=[])");
    // `match` stays an ordinary name elsewhere.
    ck_assert_str_eq(dump("match(x)\n"),
                     "Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), "
                     "args=[Name(id='x', ctx=Load())], keywords=[]))], type_ignores=[])");
}
END_TEST

START_TEST(eval_and_single_modes)
{
    ck_assert_str_eq(parse_dump("1 + 2", MPY_PARSE_EVAL, NULL),
                     "Expression(body=BinOp(left=Constant(value=1), op=Add(), "
                     "right=Constant(value=2)))");
    ck_assert_str_eq(parse_dump("x = 1\n", MPY_PARSE_SINGLE, NULL),
                     "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                     "value=Constant(value=1))])");
}
END_TEST

START_TEST(incomplete_input_is_flagged_for_the_repl)
{
    int incomplete = 0;
    parse_dump("foo(1,\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 1);
    parse_dump("if x:\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 1);
    parse_dump("s = '''abc\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 1);
    parse_dump("if x:\n    y\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 1);
    parse_dump("if x:\n    y\n\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 0);
    parse_dump("x = )\n", MPY_PARSE_SINGLE, &incomplete);
    ck_assert_int_eq(incomplete, 0);
}
END_TEST

START_TEST(syntax_errors_match_cpython)
{
    ck_assert_str_eq(dump("f() = 1\n"), "SyntaxError: cannot assign to function call here. "
                                        "Maybe you meant '==' instead of '='? (1, 1)");
    ck_assert_str_eq(dump("print 'hi'\n"), "SyntaxError: Missing parentheses in call to "
                                           "'print'. Did you mean print(...)? (1, 1)");
    ck_assert_str_eq(dump("[1 2]\n"),
                     "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1, 2)");
    ck_assert_str_eq(dump("if x:\npass\n"), "IndentationError: expected an indented block "
                                             "after 'if' statement on line 1 (2, 1)");
    ck_assert_str_eq(dump("foo(1,\nx = 2\n"), "SyntaxError: '(' was never closed (1, 4)");
    ck_assert_str_eq(dump("f'{}'\n"), "SyntaxError: f-string: empty expression not allowed (1, 6)");
    ck_assert_str_eq(dump("  x\n"), "IndentationError: unexpected indent (1, 2)");
}
END_TEST

START_TEST(hostile_nesting_fails_cleanly)
{
    char src[20010];
    memset(src, '-', 20000);
    strcpy(src + 20000, "1\n");
    ck_assert(strncmp(dump(src), "MemoryError", 11) == 0);
    memset(src, '-', 5000);
    strcpy(src + 5000, "1\n");
    ck_assert(strncmp(dump(src), "RecursionError", 14) == 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, assignment_and_call);
    tcase_add_test(tc, operator_precedence_and_chained_comparison);
    tcase_add_test(tc, extended_slice_is_a_tuple_of_slices);
    tcase_add_test(tc, function_with_every_parameter_kind);
    tcase_add_test(tc, fstring_with_debug_text_and_nested_spec);
    tcase_add_test(tc, string_concatenation_and_escapes);
    tcase_add_test(tc, match_statement_patterns);
    tcase_add_test(tc, eval_and_single_modes);
    tcase_add_test(tc, incomplete_input_is_flagged_for_the_repl);
    tcase_add_test(tc, syntax_errors_match_cpython);
    tcase_add_test(tc, hostile_nesting_fails_cleanly);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
