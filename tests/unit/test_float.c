// tests/unit/test_float.c: runtime/float*.c: shortest repr of tricky
// values, parsing, hashing consistent with int, exact int/float
// comparison, correctly rounded true division and round().
#include <check.h>
#include <math.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/float_impl.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

static void check_repr(double v, const char *want)
{
    char buf[40];
    mpy_float_repr_buf(v, buf, sizeof buf);
    ck_assert_str_eq(buf, want);
}

START_TEST(repr_is_the_shortest_round_trip_text)
{
    check_repr(0.1, "0.1");
    check_repr(0.1 + 0.2, "0.30000000000000004");
    check_repr(1.0 / 3.0, "0.3333333333333333");
    check_repr(1e22, "1e+22");
    check_repr(1e16, "1e+16");
    check_repr(1e15, "1000000000000000.0");
    check_repr(1234567890123456.8, "1234567890123456.8");
    check_repr(1e-7, "1e-07");
    check_repr(0.0001, "0.0001");
    check_repr(5e-324, "5e-324");
    check_repr(2.5e16, "2.5e+16");
    check_repr(-0.0, "-0.0");
    check_repr(100.0, "100.0");
    check_repr(ldexp(1.0, -44), "5.684341886080802e-14");  // a power of two
    check_repr(INFINITY, "inf");
    check_repr(-INFINITY, "-inf");
    check_repr(NAN, "nan");
}
END_TEST

START_TEST(double_to_cstr_follows_printf_modes_and_cpython_flags)
{
    char *s = mpy__double_to_cstr(100.0, 'g', 3, MPY_DTOA_ADD_DOT_0);
    ck_assert_str_eq(s, "1e+02");
    mpy_mem_free(s);
    s = mpy__double_to_cstr(-0.0001, 'f', 2, MPY_DTOA_NO_NEG_0);
    ck_assert_str_eq(s, "0.00");
    mpy_mem_free(s);
    s = mpy__double_to_cstr(3.0, 'e', 0, MPY_DTOA_ALT);
    ck_assert_str_eq(s, "3.e+00");
    mpy_mem_free(s);
    s = mpy__double_to_cstr(-NAN, 'F', 2, 0);
    ck_assert_str_eq(s, "NAN");
    mpy_mem_free(s);
}
END_TEST

START_TEST(parsing_accepts_python_syntax_only)
{
    double v;
    ck_assert(mpy__parse_double(" 1_000.5 ", 9, &v) && v == 1000.5);
    ck_assert(mpy__parse_double("-iNfInItY", 9, &v) && isinf(v) && v < 0);
    ck_assert(mpy__parse_double(".5e1", 4, &v) && v == 5.0);
    const char *bad[] = {"", ".", "1e", "1__0", "_1", "1_.5", "0x1p3", "nan(1)", "in"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert(!mpy__parse_double(bad[i], strlen(bad[i]), &v));
    MpyObject *f = mpy_float_from_string("abc", 3);
    ck_assert_ptr_null(f);
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
}
END_TEST

START_TEST(hash_agrees_with_int_for_integral_values)
{
    ck_assert_int_eq(mpy_float_hash_double(1.5), 1152921504606846977LL);
    ck_assert_int_eq(mpy_float_hash_double(-1.0), -2);
    ck_assert_int_eq(mpy_float_hash_double(INFINITY), 314159);
    MpyObject *big = mpy_int_binop(mpy_small_int(2), mpy_small_int(80), MPY_NB_POWER);
    ck_assert_int_eq(mpy_float_hash_double(ldexp(1.0, 80)), mpy_int_hash(big));
    MPY_DECREF(big);
}
END_TEST

START_TEST(int_float_comparisons_are_exact)
{
    MpyObject *n = mpy_int_from_long((1LL << 53) + 1);
    MpyObject *f = mpy_float_from_double(9007199254740992.0);
    ck_assert_int_eq(mpy_object_richcompare_bool(n, f, MPY_GT), 1);
    ck_assert_int_eq(mpy_object_richcompare_bool(n, f, MPY_EQ), 0);
    MPY_DECREF(n);
    MPY_DECREF(f);
}
END_TEST

START_TEST(true_division_of_huge_ints_is_correctly_rounded)
{
    MpyObject *a = mpy_int_binop(mpy_small_int(10), mpy_small_int(400), MPY_NB_POWER);
    MpyObject *b = mpy_int_binop(mpy_small_int(3), mpy_small_int(800), MPY_NB_POWER);
    MpyObject *q = mpy_int_binop(a, b, MPY_NB_TRUE_DIVIDE);
    ck_assert_ptr_nonnull(q);
    ck_assert(mpy_float_value(q) == 2.0090753457532982e+18);
    MPY_DECREF(q);
    ck_assert_ptr_null(mpy_int_binop(b, mpy_small_int(1), MPY_NB_TRUE_DIVIDE));
    ck_assert(mpy_err_matches(mpy_exc_OverflowError));
    mpy_err_clear();
    MPY_DECREF(a);
    MPY_DECREF(b);
}
END_TEST

START_TEST(round_with_digits_is_correctly_rounded)
{
    MpyObject *r = mpy__float_round_digits(2.675, 2);
    ck_assert(mpy_float_value(r) == 2.67);
    MPY_DECREF(r);
    r = mpy__float_round_digits(12355.0, -1);
    ck_assert(mpy_float_value(r) == 12360.0);
    MPY_DECREF(r);
}
END_TEST

START_TEST(float_floor_division_and_modulo_follow_python)
{
    MpyObject *a = mpy_float_from_double(-7.5), *b = mpy_float_from_double(2.0);
    MpyObject *q = mpy_float_binop(a, b, MPY_NB_FLOOR_DIVIDE);
    MpyObject *m = mpy_float_binop(a, b, MPY_NB_REMAINDER);
    ck_assert(mpy_float_value(q) == -4.0 && mpy_float_value(m) == 0.5);
    MPY_DECREF(q);
    MPY_DECREF(m);
    MpyObject *zero = mpy_float_from_double(0.0);
    ck_assert_ptr_null(mpy_float_binop(a, zero, MPY_NB_REMAINDER));
    ck_assert(mpy_err_matches(mpy_exc_ZeroDivisionError));
    mpy_err_clear();
    MPY_DECREF(zero);
    MPY_DECREF(a);
    MPY_DECREF(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("float");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, repr_is_the_shortest_round_trip_text);
    tcase_add_test(tc, double_to_cstr_follows_printf_modes_and_cpython_flags);
    tcase_add_test(tc, parsing_accepts_python_syntax_only);
    tcase_add_test(tc, hash_agrees_with_int_for_integral_values);
    tcase_add_test(tc, int_float_comparisons_are_exact);
    tcase_add_test(tc, true_division_of_huge_ints_is_correctly_rounded);
    tcase_add_test(tc, round_with_digits_is_correctly_rounded);
    tcase_add_test(tc, float_floor_division_and_modulo_follow_python);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
