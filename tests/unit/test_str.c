// tests/unit/test_str.c: the str type and its methods (runtime/str_*.c),
// the Unicode database (runtime/unicode.c) and the codecs (runtime/codecs.c),
// seen through the C API and through method calls as Python makes them.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <check.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

static MpyObject *s(const char *text)
{
    MpyObject *o = mpy_str_from_cstr(text);
    ck_assert_ptr_nonnull(o);
    return o;
}

/* repr(o) as a C string in buf. */
static const char *repr_of(MpyObject *o, char *buf, size_t n)
{
    MpyObject *r = mpy_object_repr(o);
    ck_assert_ptr_nonnull(r);
    snprintf(buf, n, "%s", mpy_str_utf8(r));
    MPY_DECREF(r);
    return buf;
}

/* self.name(*args) with C string arguments; returns a new reference. */
static MpyObject *call(MpyObject *self, const char *name, int nargs, ...)
{
    MpyObject *args[4];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = s(va_arg(ap, const char *));
    va_end(ap);
    MpyObject *r = mpy_object_call_method_cstr(self, name, args, (size_t)nargs);
    for (int i = 0; i < nargs; i++)
        MPY_DECREF(args[i]);
    return r;
}

/* The message of the current exception, which must be of type `type`. */
static void expect_error(MpyType *type, const char *message)
{
    MpyObject *exc = mpy_err_fetch();
    ck_assert_ptr_nonnull(exc);
    ck_assert(mpy_object_type_is(exc, type));
    MpyObject *text = mpy_object_str(exc);
    ck_assert_str_eq(mpy_str_utf8(text), message);
    MPY_DECREF(text);
    MPY_DECREF(exc);
}

START_TEST(length_counts_code_points_and_kind_follows_the_widest)
{
    MpyObject *a = s("abc"), *b = s("a\xc3\xa9"), *c = s("\xe2\x82\xac"), *d = s("\xf0\x9f\x98\x80");
    ck_assert_int_eq(mpy_str_length(a), 3);
    ck_assert_int_eq(mpy_str_length(b), 2);
    ck_assert_int_eq(((MpyStrObject *)b)->kind, 1);
    ck_assert_int_eq(((MpyStrObject *)c)->kind, 2);
    ck_assert_int_eq(((MpyStrObject *)d)->kind, 4);
    ck_assert(((MpyStrObject *)a)->ascii && !((MpyStrObject *)b)->ascii);
    MPY_DECREF(a);
    MPY_DECREF(b);
    MPY_DECREF(c);
    MPY_DECREF(d);
}
END_TEST

START_TEST(results_of_methods_keep_the_invariants)
{
    // 'a€b'.replace('€', 'x') is ASCII again: flags are recomputed.
    MpyObject *t = s("a\xe2\x82\xac" "b");
    MpyObject *r = call(t, "replace", 2, "\xe2\x82\xac", "x");
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(mpy_str_utf8(r), "axb");
    ck_assert(((MpyStrObject *)r)->ascii);
    ck_assert_int_eq(((MpyStrObject *)r)->kind, 1);
    ck_assert_int_eq(mpy_str_length(r), 3);
    MPY_DECREF(r);
    r = call(t, "upper", 0);
    ck_assert_str_eq(mpy_str_utf8(r), "A\xe2\x82\xac" "B");
    ck_assert_int_eq(mpy_str_length(r), 3);
    MPY_DECREF(r);
    MPY_DECREF(t);
}
END_TEST

START_TEST(indexing_and_slicing_count_characters)
{
    MpyObject *t = s("a\xc3\xb1" "b\xe2\x82\xac" "c");  // 'añb€c'
    MpyObject *i = mpy_object_getitem(t, mpy_small_int(3));
    ck_assert_str_eq(mpy_str_utf8(i), "\xe2\x82\xac");
    MPY_DECREF(i);
    i = mpy_object_getitem(t, mpy_small_int(-1));
    ck_assert_str_eq(mpy_str_utf8(i), "c");
    MPY_DECREF(i);
    ck_assert_ptr_null(mpy_object_getitem(t, mpy_small_int(5)));
    expect_error(mpy_exc_IndexError, "string index out of range");
    MpyObject *sl = mpy_slice_new(NULL, NULL, mpy_small_int(-1));
    MpyObject *rev = mpy_object_getitem(t, sl);
    ck_assert_str_eq(mpy_str_utf8(rev), "c\xe2\x82\xac" "b\xc3\xb1" "a");
    ck_assert_int_eq(mpy_str_length(rev), 5);
    MPY_DECREF(rev);
    MPY_DECREF(sl);
    MPY_DECREF(t);
}
END_TEST

START_TEST(ascii_iteration_hands_out_shared_characters)
{
    MpyObject *t = s("ab");
    MpyObject *it = mpy_object_get_iter(t);
    MpyObject *a = mpy_iter_next(it);
    MpyObject *a2 = mpy_str_from_codepoint('a');
    ck_assert_ptr_eq(a, a2);  // no allocation per character
    MPY_DECREF(a);
    MPY_DECREF(a2);
    MpyObject *b = mpy_iter_next(it);
    ck_assert_str_eq(mpy_str_utf8(b), "b");
    MPY_DECREF(b);
    ck_assert_ptr_null(mpy_iter_next(it));
    ck_assert_ptr_null(mpy_err_occurred());
    MPY_DECREF(it);
    MPY_DECREF(t);
}
END_TEST

START_TEST(repeat_and_concat_and_contains)
{
    MpyObject *t = s("ab");
    MpyObject *r = mpy_number_binop(mpy_small_int(3), t, MPY_NB_MULTIPLY);
    ck_assert_str_eq(mpy_str_utf8(r), "ababab");
    MPY_DECREF(r);
    MpyObject *f = mpy_float_from_double(1.5);
    ck_assert_ptr_null(mpy_number_binop(t, f, MPY_NB_MULTIPLY));
    expect_error(mpy_exc_TypeError, "can't multiply sequence by non-int of type 'float'");
    ck_assert_ptr_null(mpy_number_binop(t, mpy_small_int(1), MPY_NB_ADD));
    expect_error(mpy_exc_TypeError, "can only concatenate str (not \"int\") to str");
    MpyObject *b = s("b");
    ck_assert_int_eq(mpy_sequence_contains(t, b), 1);
    ck_assert_int_eq(mpy_sequence_contains(t, mpy_small_int(1)), -1);
    expect_error(mpy_exc_TypeError, "'in <string>' requires string as left operand, not int");
    MPY_DECREF(b);
    MPY_DECREF(f);
    MPY_DECREF(t);
}
END_TEST

START_TEST(split_and_join_round_trip)
{
    char buf[128];
    MpyObject *t = s("  the quick\tbrown\n fox ");
    MpyObject *parts = mpy_object_call_method_cstr(t, "split", NULL, 0);
    ck_assert_str_eq(repr_of(parts, buf, sizeof buf), "['the', 'quick', 'brown', 'fox']");
    MpyObject *sep = s("-");
    MpyObject *joined = mpy_object_call_method_cstr(sep, "join", &parts, 1);
    ck_assert_str_eq(mpy_str_utf8(joined), "the-quick-brown-fox");
    MpyObject *again = call(joined, "rsplit", 1, "-");
    ck_assert_str_eq(repr_of(again, buf, sizeof buf), "['the', 'quick', 'brown', 'fox']");
    MPY_DECREF(again);
    MPY_DECREF(joined);
    MPY_DECREF(sep);
    MPY_DECREF(parts);
    MPY_DECREF(t);
}
END_TEST

START_TEST(find_reports_character_indices_in_non_ascii_text)
{
    MpyObject *t = s("\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9");  // 'été été'
    MpyObject *r = call(t, "rfind", 1, "t");
    ck_assert_int_eq(mpy_small_int_value(r), 5);
    MPY_DECREF(r);
    r = call(t, "count", 1, "\xc3\xa9");
    ck_assert_int_eq(mpy_small_int_value(r), 4);
    MPY_DECREF(r);
    ck_assert_ptr_null(call(t, "index", 1, "x"));
    expect_error(mpy_exc_ValueError, "substring not found");
    MPY_DECREF(t);
}
END_TEST

START_TEST(case_mappings_use_full_unicode_rules)
{
    MpyObject *t = s("stra\xc3\x9f" "e \xce\xa3\xce\x91\xce\xa3");  // 'straße ΣΑΣ'
    MpyObject *up = call(t, "upper", 0), *low = call(t, "lower", 0);
    ck_assert_str_eq(mpy_str_utf8(up), "STRASSE \xce\xa3\xce\x91\xce\xa3");
    ck_assert_str_eq(mpy_str_utf8(low), "stra\xc3\x9f" "e \xcf\x83\xce\xb1\xcf\x82");  // final sigma
    MPY_DECREF(up);
    MPY_DECREF(low);
    MPY_DECREF(t);
    ck_assert(mpy__unicode_is_alpha(0x4E94));
    ck_assert(mpy__unicode_is_numeric(0x4E94) && !mpy__unicode_is_digit(0x4E94));
    ck_assert_int_eq(mpy__unicode_decimal_value(0x0663), 3);
    ck_assert_int_eq(mpy__unicode_digit_value(0xB2), 2);
    ck_assert(mpy__unicode_is_space(0x3000) && !mpy__unicode_is_space(0x200B));
    ck_assert(!mpy__unicode_is_printable(0xAD) && mpy__unicode_is_printable(0xE9));
}
END_TEST

START_TEST(format_fields_and_errors)
{
    MpyObject *fmt = s("{0}-{name}-{0!r:>5}");
    MpyObject *args[2] = {s("x"), s("y")};
    MpyObject *r = mpy_object_call_method_cstr(fmt, "format", args, 1);
    ck_assert_ptr_null(r);
    expect_error(mpy_exc_KeyError, "'name'");
    MPY_DECREF(fmt);
    fmt = s("{}{0}");
    ck_assert_ptr_null(mpy_object_call_method_cstr(fmt, "format", args, 2));
    expect_error(mpy_exc_ValueError,
                 "cannot switch from automatic field numbering to manual field specification");
    MPY_DECREF(fmt);
    fmt = s("{:>4}|{!r}");
    r = mpy_object_call_method_cstr(fmt, "format", args, 2);
    ck_assert_str_eq(mpy_str_utf8(r), "   x|'y'");
    MPY_DECREF(r);
    MPY_DECREF(fmt);
    MPY_DECREF(args[0]);
    MPY_DECREF(args[1]);
}
END_TEST

START_TEST(printf_formats_numbers_and_text)
{
    MpyObject *fmt = s("%-4s|%05d|%#x|%.2f|%c");
    MpyObject *f = mpy_float_from_double(3.14159);
    MpyObject *a = s("ab");
    MpyObject *args = mpy_tuple_pack(5, a, mpy_small_int(-42), mpy_small_int(255), f,
                                     mpy_small_int(0x20AC));
    MpyObject *r = mpy_str_printf_format(fmt, args);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(mpy_str_utf8(r), "ab  |-0042|0xff|3.14|\xe2\x82\xac");
    MPY_DECREF(r);
    MPY_DECREF(args);
    MPY_DECREF(fmt);
    fmt = s("%d %d");
    args = mpy_tuple_pack(1, mpy_small_int(1));
    ck_assert_ptr_null(mpy_str_printf_format(fmt, args));
    expect_error(mpy_exc_TypeError, "not enough arguments for format string");
    MPY_DECREF(args);
    MPY_DECREF(fmt);
    fmt = s("%d");
    ck_assert_ptr_null(mpy_str_printf_format(fmt, a));
    expect_error(mpy_exc_TypeError, "%d format: a real number is required, not str");
    MPY_DECREF(fmt);
    fmt = s("ab %y");
    ck_assert_ptr_null(mpy_str_printf_format(fmt, a));
    expect_error(mpy_exc_ValueError, "unsupported format character 'y' (0x79) at index 4");
    MPY_DECREF(fmt);
    MPY_DECREF(a);
    MPY_DECREF(f);
}
END_TEST

START_TEST(object_format_checks_the_result_type)
{
    MpyObject *spec = s(">6.2f");
    MpyObject *f = mpy_float_from_double(2.5);
    MpyObject *r = mpy_object_format(f, spec);
    ck_assert_str_eq(mpy_str_utf8(r), "  2.50");
    MPY_DECREF(r);
    r = mpy_object_format(mpy_small_int(42), NULL);
    ck_assert_str_eq(mpy_str_utf8(r), "42");
    MPY_DECREF(r);
    MPY_DECREF(f);
    MPY_DECREF(spec);
}
END_TEST

START_TEST(codecs_encode_decode_and_report_errors)
{
    char buf[64];
    MpyObject *t = s("caf\xc3\xa9");
    MpyObject *b = mpy_str_encode(t, "latin-1", "strict");
    ck_assert_str_eq(repr_of(b, buf, sizeof buf), "b'caf\\xe9'");
    MpyObject *back = mpy_bytes_decode(mpy_bytes_data(b), (size_t)mpy_bytes_size(b), "LATIN1", "strict");
    ck_assert(mpy_str_equal(back, t));
    MPY_DECREF(back);
    MPY_DECREF(b);
    ck_assert_ptr_null(mpy_str_encode(t, "ascii", "strict"));
    expect_error(mpy_exc_UnicodeEncodeError,
                 "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)");
    b = mpy_str_encode(t, "ascii", "xmlcharrefreplace");
    ck_assert_str_eq(mpy_bytes_data(b), "caf&#233;");
    MPY_DECREF(b);
    ck_assert_ptr_null(mpy_bytes_decode("\xff", 1, "utf-8", "strict"));
    expect_error(mpy_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    MpyObject *r = mpy_bytes_decode("a\xff" "b", 3, "utf8", "replace");
    ck_assert_str_eq(mpy_str_utf8(r), "a\xef\xbf\xbd" "b");
    MPY_DECREF(r);
    ck_assert_ptr_null(mpy_bytes_decode("a", 1, "klingon", "strict"));
    expect_error(mpy_exc_LookupError, "unknown encoding: klingon");
    MPY_DECREF(t);
}
END_TEST

START_TEST(concat_take_grows_an_unshared_str_in_place)
{
    MpyObject *ab = s("ab"), *e = s("\xc3\xa9");
    MpyObject *acc = mpy_str_concat(ab, ab);  // a fresh str only we hold
    for (int i = 0; i < 1000; i++)
        acc = mpy_str_concat_take(acc, i == 500 ? e : ab);
    ck_assert_ptr_nonnull(acc);
    ck_assert_int_eq(mpy_str_length(acc), 4 + 999 * 2 + 1);
    ck_assert_int_eq(mpy_str_size(acc), 4 + 999 * 2 + 2);
    ck_assert(!((MpyStrObject *)acc)->ascii);
    ck_assert_str_eq(mpy_str_utf8(acc) + mpy_str_size(acc) - 4, "abab");
    // A shared left operand is left alone.
    MPY_INCREF(ab);
    MpyObject *sum = mpy_str_concat_take(ab, ab);
    ck_assert_str_eq(mpy_str_utf8(sum), "abab");
    ck_assert_str_eq(mpy_str_utf8(ab), "ab");
    MPY_DECREF(sum);
    MPY_DECREF(acc);
    MPY_DECREF(e);
    MPY_DECREF(ab);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, length_counts_code_points_and_kind_follows_the_widest);
    tcase_add_test(tc, results_of_methods_keep_the_invariants);
    tcase_add_test(tc, indexing_and_slicing_count_characters);
    tcase_add_test(tc, ascii_iteration_hands_out_shared_characters);
    tcase_add_test(tc, repeat_and_concat_and_contains);
    tcase_add_test(tc, split_and_join_round_trip);
    tcase_add_test(tc, find_reports_character_indices_in_non_ascii_text);
    tcase_add_test(tc, case_mappings_use_full_unicode_rules);
    tcase_add_test(tc, format_fields_and_errors);
    tcase_add_test(tc, printf_formats_numbers_and_text);
    tcase_add_test(tc, object_format_checks_the_result_type);
    tcase_add_test(tc, codecs_encode_decode_and_report_errors);
    tcase_add_test(tc, concat_take_grows_an_unshared_str_in_place);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed != 0;
}
