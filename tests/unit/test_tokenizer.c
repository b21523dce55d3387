/* tests/unit/test_tokenizer.c: vm/tokenizer.c on its own.
 *
 * Each test tokenizes a small source and compares the token types (and
 * some positions) with what CPython's tokenizer produces, or checks the
 * error message and position it records.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime/init.h"
#include "vm/tokenizer.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* The token types of `src` as "NAME EQUAL NUMBER NEWLINE ENDMARKER", or
 * "... ERROR: msg (lineno, offset)" when the tokenizer stops on an error. */
static const char *
types_of(const char *src)
{
    static char out[8192];
    MpyTokenizer tok;
    out[0] = 0;
    if (mpy__tok_init(&tok, src, strlen(src)) < 0) {
        snprintf(out, sizeof out, "INIT ERROR: %s", tok.error.msg);
        mpy__tok_fini(&tok);
        return out;
    }
    MpyToken t;
    for (int n = 0; n < 1000; n++) {
        int type = mpy__tok_get(&tok, &t);
        size_t len = strlen(out);
        if (type == MPY_TOK_ERRORTOKEN && tok.error.kind != MPY_TOKERR_NONE) {
            snprintf(out + len, sizeof out - len, "%sERROR: %s (%d, %d)", len ? " " : "",
                     tok.error.msg,
                     tok.error.lineno, tok.error.offset);
            break;
        }
        snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "", mpy__tok_type_name(type));
        if (type == MPY_TOK_ENDMARKER || type == MPY_TOK_ERRORTOKEN)
            break;
    }
    mpy__tok_fini(&tok);
    return out;
}

START_TEST(simple_statement_ends_with_newline_and_endmarker)
{
    ck_assert_str_eq(types_of("x = 1\n"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    ck_assert_str_eq(types_of("x = 1"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
}
END_TEST

START_TEST(blocks_produce_indent_and_dedent)
{
    ck_assert_str_eq(types_of("if x:\n    y\n    if z:\n        w\nv\n"),
                     "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE KW_IF NAME COLON NEWLINE "
                     "INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE ENDMARKER");
    // Dedents at the end of input without a final newline.
    ck_assert_str_eq(types_of("if x:\n  y"),
                     "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
}
END_TEST

START_TEST(blank_and_comment_lines_do_not_count)
{
    ck_assert_str_eq(types_of("if x:\n\n   # c\n  y  # t\n\n"),
                     "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
}
END_TEST

START_TEST(brackets_and_backslash_join_lines)
{
    ck_assert_str_eq(types_of("f(1,\n  2)\n"),
                     "NAME LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER");
    ck_assert_str_eq(types_of("x = 1 + \\\n    2\n"),
                     "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
}
END_TEST

START_TEST(operators_take_the_longest_match)
{
    ck_assert_str_eq(types_of("a **= b // c >>= d -> e := f ... g != h\n"),
                     "NAME DOUBLESTAREQUAL NAME DOUBLESLASH NAME RIGHTSHIFTEQUAL NAME RARROW "
                     "NAME COLONEQUAL NAME ELLIPSIS NAME NOTEQUAL NAME NEWLINE ENDMARKER");
}
END_TEST

START_TEST(keywords_are_recognized_soft_keywords_are_names)
{
    ck_assert_str_eq(types_of("not in is None match case _ lambda\n"),
                     "KW_NOT KW_IN KW_IS KW_NONE NAME NAME NAME KW_LAMBDA NEWLINE ENDMARKER");
}
END_TEST

START_TEST(strings_with_prefixes_are_single_tokens)
{
    ck_assert_str_eq(types_of("rb'x' Rb\"y\" f'{a}' fr'''z\n''' u'q' b\"\\\"\"\n"),
                     "STRING STRING STRING STRING STRING STRING NEWLINE ENDMARKER");
    // "ub" is not a prefix: a name followed by a string.
    ck_assert_str_eq(types_of("ub'x'\n"), "NAME STRING NEWLINE ENDMARKER");
    // A backslash-newline inside a string continues it.
    ck_assert_str_eq(types_of("s = 'a\\\nb'\n"), "NAME EQUAL STRING NEWLINE ENDMARKER");
}
END_TEST

START_TEST(number_forms)
{
    ck_assert_str_eq(types_of("200_000 0x_FF 0o17 0b1 1. .5 1e-3 3j 0 00 1_0.0_1e1_0J\n"),
                     "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER "
                     "NUMBER NEWLINE ENDMARKER");
    ck_assert_str_eq(types_of("1if x else 2\n"),
                     "NUMBER KW_IF NAME KW_ELSE NUMBER NEWLINE ENDMARKER");
}
END_TEST

START_TEST(number_errors_match_cpython)
{
    ck_assert_str_eq(types_of("x = 1abc\n"), "NAME EQUAL ERROR: invalid decimal literal (1, 5)");
    ck_assert_str_eq(types_of("x = 1_\n"), "NAME EQUAL ERROR: invalid decimal literal (1, 6)");
    ck_assert_str_eq(types_of("x = 0x\n"), "NAME EQUAL ERROR: invalid hexadecimal literal (1, 6)");
    ck_assert_str_eq(types_of("0o8\n"), "ERROR: invalid digit '8' in octal literal (1, 3)");
    ck_assert_str_eq(types_of("x = 0777\n"),
                     "NAME EQUAL ERROR: leading zeros in decimal integer literals are not "
                     "permitted; use an 0o prefix for octal integers (1, 5)");
}
END_TEST

START_TEST(string_errors_name_the_line)
{
    ck_assert_str_eq(types_of("x = 'abc\n"),
                     "NAME EQUAL ERROR: unterminated string literal (detected at line 1) (1, 5)");
    ck_assert_str_eq(types_of("x = '''abc\n\n"),
                     "NAME EQUAL ERROR: unterminated triple-quoted string literal (detected at "
                     "line 2) (1, 5)");
}
END_TEST

START_TEST(indentation_errors)
{
    ck_assert_str_eq(types_of("if x:\n\ta\n        b\n"),
                     "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE ERROR: inconsistent use of "
                     "tabs and spaces in indentation (3, 1)");
    ck_assert_str_eq(types_of("if x:\n    a\n  b\n"),
                     "KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE ERROR: unindent does not "
                     "match any outer indentation level (3, 4)");
}
END_TEST

START_TEST(bracket_errors)
{
    ck_assert_str_eq(types_of("x = )\n"), "NAME EQUAL ERROR: unmatched ')' (1, 5)");
    ck_assert_str_eq(types_of("(1]\n"),
                     "LPAR NUMBER ERROR: closing parenthesis ']' does not match opening "
                     "parenthesis '(' (1, 3)");
    char deep[260];
    memset(deep, '(', 201);
    deep[201] = 0;
    ck_assert(strstr(types_of(deep), "ERROR: too many nested parentheses") != NULL);
}
END_TEST

START_TEST(invalid_characters)
{
    ck_assert_str_eq(types_of("x = 1 \xe2\x82\xac 2\n"),
                     "NAME EQUAL NUMBER ERROR: invalid character '\xe2\x82\xac' (U+20AC) (1, 7)");
    ck_assert_str_eq(types_of("x = 1 \\ 2\n"),
                     "NAME EQUAL NUMBER ERROR: unexpected character after line continuation "
                     "character (1, 8)");
    ck_assert_str_eq(types_of("caf\xc3\xa9 = 1\n"), "NAME EQUAL NUMBER NEWLINE ENDMARKER");
}
END_TEST

START_TEST(line_endings_bom_and_positions)
{
    ck_assert_str_eq(types_of("\xef\xbb\xbfx = 1\r\ny = 2\rz\n"),
                     "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE NAME NEWLINE ENDMARKER");
    MpyTokenizer tok;
    const char *src = "a\n  + '''x\ny'''\n";
    ck_assert_int_eq(mpy__tok_init(&tok, src, strlen(src)), 0);
    MpyToken t;
    mpy__tok_get(&tok, &t); // a
    mpy__tok_get(&tok, &t); // NEWLINE
    mpy__tok_get(&tok, &t); // INDENT
    mpy__tok_get(&tok, &t); // +
    ck_assert_int_eq(t.type, MPY_TOK_PLUS);
    ck_assert_int_eq(t.lineno, 2);
    ck_assert_int_eq(t.col, 2);
    mpy__tok_get(&tok, &t); // the triple-quoted string spans two lines
    ck_assert_int_eq(t.type, MPY_TOK_STRING);
    ck_assert_int_eq(t.lineno, 2);
    ck_assert_int_eq(t.col, 4);
    ck_assert_int_eq(t.end_lineno, 3);
    ck_assert_int_eq(t.end_col, 4);
    mpy__tok_fini(&tok);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("tokenizer");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, simple_statement_ends_with_newline_and_endmarker);
    tcase_add_test(tc, blocks_produce_indent_and_dedent);
    tcase_add_test(tc, blank_and_comment_lines_do_not_count);
    tcase_add_test(tc, brackets_and_backslash_join_lines);
    tcase_add_test(tc, operators_take_the_longest_match);
    tcase_add_test(tc, keywords_are_recognized_soft_keywords_are_names);
    tcase_add_test(tc, strings_with_prefixes_are_single_tokens);
    tcase_add_test(tc, number_forms);
    tcase_add_test(tc, number_errors_match_cpython);
    tcase_add_test(tc, string_errors_name_the_line);
    tcase_add_test(tc, indentation_errors);
    tcase_add_test(tc, bracket_errors);
    tcase_add_test(tc, invalid_characters);
    tcase_add_test(tc, line_endings_bom_and_positions);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
