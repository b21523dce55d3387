// tests/unit/test_format.c: runtime/format_spec.c: the format-spec
// mini-language for int, float and str, and the printf API used by `%`.
#include <check.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* format(value, spec) == want; consumes value. */
static void check(MpyObject *value, const char *spec, const char *want)
{
    MpyObject *s = mpy_str_from_cstr(spec);
    MpyObject *r = mpy_float_check(value) ? mpy_format_float(value, s)
                   : mpy_int_check(value) ? mpy_format_int(value, s)
                                          : mpy_format_str(value, s);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(mpy_str_utf8(r), want);
    MPY_DECREF(r);
    MPY_DECREF(s);
    MPY_DECREF(value);
}

static void check_error(MpyObject *value, const char *spec)
{
    MpyObject *s = mpy_str_from_cstr(spec);
    MpyObject *r = mpy_float_check(value) ? mpy_format_float(value, s)
                   : mpy_int_check(value) ? mpy_format_int(value, s)
                                          : mpy_format_str(value, s);
    ck_assert_ptr_null(r);
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
    MPY_DECREF(s);
    MPY_DECREF(value);
}

static MpyObject *F(double v) { return mpy_float_from_double(v); }
static MpyObject *I(long long v) { return mpy_int_from_long(v); }
static MpyObject *S(const char *s) { return mpy_str_from_cstr(s); }

START_TEST(ints_with_width_grouping_and_bases)
{
    check(I(1234567), ",", "1,234,567");
    check(I(1234), "08,", "0,001,234");
    check(I(42), "5d", "   42");
    check(I(-42), "010", "-000000042");
    check(I(255), "#x", "0xff");
    check(I(255), "#010b", "0b11111111");
    check(I(123456789), "_x", "75b_cd15");
    check(I(65), "c", "A");
    check(I(42), "-^+10", "---+42----");
    check(I(12), "%", "1200.000000%");
}
END_TEST

START_TEST(floats_follow_cpython_precision_rules)
{
    check(F(3.14159), ".2f", "3.14");
    check(F(3.14159), ">10.3f", "     3.142");
    check(F(0.125), ".1%", "12.5%");
    check(F(2.5), "08.3f", "0002.500");
    check(F(1234.5678), ",.2f", "1,234.57");
    check(F(100.0), ".3", "1e+02");
    check(F(1.0), ".3", "1.0");
    check(F(1e16), "", "1e+16");
    check(F(-0.0001), "z.2f", "0.00");
    check(F(1.0 / 0.0), "010", "0000000inf");
    check(F(3.0), "#.0f", "3.");
}
END_TEST

START_TEST(strings_align_and_truncate)
{
    check(S("name"), ".<10", "name......");
    check(S("abc"), "^9", "   abc   ");
    check(S("abcdef"), ".2", "ab");
    check(S("abc"), "05", "abc00");
}
END_TEST

START_TEST(bad_specs_raise_value_error)
{
    check_error(F(1.5), "d");
    check_error(S("a"), ",");
    check_error(S("a"), "+");
    check_error(S("a"), "=10");
    check_error(I(1), "abc");
    check_error(F(1.0), ".");
    check_error(I(1), ".2d");
    check_error(I(1), ",_");
}
END_TEST

static void check_printf_int(const char *flags_width, long long v, MpyPrintfSpec spec,
                             const char *want)
{
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    MpyObject *n = I(v);
    ck_assert_int_eq(mpy__format_int(&sb, n, &spec), 0);
    MPY_DECREF(n);
    MpyObject *r = mpy_sb_finish(&sb);
    ck_assert_msg(strcmp(mpy_str_utf8(r), want) == 0, "%s: got '%s'", flags_width,
                  mpy_str_utf8(r));
    MPY_DECREF(r);
}

START_TEST(printf_api_matches_percent_formatting)
{
    check_printf_int("%+05d", 42, (MpyPrintfSpec){MPY_PRINTF_SIGN | MPY_PRINTF_ZERO, 5, -1, 'd'},
                     "+0042");
    check_printf_int("%#x", 255, (MpyPrintfSpec){MPY_PRINTF_ALT, -1, -1, 'x'}, "0xff");
    check_printf_int("%.5d", -42, (MpyPrintfSpec){0, -1, 5, 'd'}, "-00042");
    check_printf_int("%-6o|", 8, (MpyPrintfSpec){MPY_PRINTF_LEFT, 6, -1, 'o'}, "10    ");
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    MpyPrintfSpec spec = {MPY_PRINTF_LEFT, 8, 2, 'f'};
    ck_assert_int_eq(mpy__format_double(&sb, 3.14159, &spec), 0);
    MpyObject *r = mpy_sb_finish(&sb);
    ck_assert_str_eq(mpy_str_utf8(r), "3.14    ");
    MPY_DECREF(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, ints_with_width_grouping_and_bases);
    tcase_add_test(tc, floats_follow_cpython_precision_rules);
    tcase_add_test(tc, strings_align_and_truncate);
    tcase_add_test(tc, bad_specs_raise_value_error);
    tcase_add_test(tc, printf_api_matches_percent_formatting);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
