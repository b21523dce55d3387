// tests/unit/test_int.c: runtime/int*.c seen through the C API: the
// tagged/GMP boundary at +-2**62, overflow into GMP and back, text round
// trips, hashing and the int() parser.
#include <check.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

static MpyObject *parse(const char *s)
{
    return mpy_int_from_string(s, strlen(s), 10);
}

/* str(o) compared with `want`; consumes o. */
static bool text_is(MpyObject *o, const char *want)
{
    MpyObject *s = mpy_int_to_string(o, 10);
    bool ok = s != NULL && strcmp(mpy_str_utf8(s), want) == 0;
    MPY_XDECREF(s);
    MPY_DECREF(o);
    return ok;
}

START_TEST(small_values_are_tagged_up_to_the_boundary)
{
    ck_assert(mpy_is_small_int(mpy_int_from_long(MPY_SMALLINT_MAX)));
    ck_assert(mpy_is_small_int(mpy_int_from_long(MPY_SMALLINT_MIN)));
    MpyObject *above = mpy_int_from_long(MPY_SMALLINT_MAX + 1LL);
    MpyObject *below = mpy_int_from_long(MPY_SMALLINT_MIN - 1LL);
    ck_assert(!mpy_is_small_int(above));
    ck_assert(!mpy_is_small_int(below));
    ck_assert(mpy_int_check_exact(above));
    MPY_DECREF(above);
    MPY_DECREF(below);
}
END_TEST

START_TEST(addition_overflows_into_gmp_and_comes_back)
{
    MpyObject *max = mpy_int_from_long(MPY_SMALLINT_MAX);
    MpyObject *big = mpy_int_binop(max, mpy_small_int(1), MPY_NB_ADD);
    ck_assert(!mpy_is_small_int(big));
    MpyObject *back = mpy_int_binop(big, mpy_small_int(1), MPY_NB_SUBTRACT);
    ck_assert(mpy_is_small_int(back));
    ck_assert_int_eq(mpy_small_int_value(back), MPY_SMALLINT_MAX);
    ck_assert(text_is(big, "4611686018427387904"));
}
END_TEST

START_TEST(multiplication_and_power_use_gmp_when_needed)
{
    MpyObject *a = mpy_int_from_long(3037000500LL);
    ck_assert(text_is(mpy_int_binop(a, a, MPY_NB_MULTIPLY), "9223372037000250000"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(2), mpy_small_int(100), MPY_NB_POWER),
                      "1267650600228229401496703205376"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-3), mpy_small_int(3), MPY_NB_POWER), "-27"));
}
END_TEST

START_TEST(floor_division_and_modulo_round_towards_minus_infinity)
{
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-7), mpy_small_int(2), MPY_NB_FLOOR_DIVIDE), "-4"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-7), mpy_small_int(2), MPY_NB_REMAINDER), "1"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(7), mpy_small_int(-2), MPY_NB_REMAINDER), "-1"));
    MpyObject *min = mpy_int_from_long(MPY_SMALLINT_MIN);
    ck_assert(text_is(mpy_int_binop(min, mpy_small_int(-1), MPY_NB_FLOOR_DIVIDE),
                      "4611686018427387904"));
}
END_TEST

START_TEST(division_by_zero_raises_with_cpython_messages)
{
    ck_assert_ptr_null(mpy_int_binop(mpy_small_int(1), mpy_small_int(0), MPY_NB_FLOOR_DIVIDE));
    ck_assert(mpy_err_matches(mpy_exc_ZeroDivisionError));
    mpy_err_clear();
    ck_assert_ptr_null(mpy_int_binop(mpy_small_int(1), mpy_small_int(0), MPY_NB_TRUE_DIVIDE));
    ck_assert(mpy_err_matches(mpy_exc_ZeroDivisionError));
    mpy_err_clear();
    ck_assert_ptr_null(mpy_int_binop(mpy_small_int(1), mpy_small_int(-1), MPY_NB_LSHIFT));
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
}
END_TEST

START_TEST(shifts_and_bitwise_operators)
{
    ck_assert(text_is(mpy_int_binop(mpy_small_int(1), mpy_small_int(64), MPY_NB_LSHIFT),
                      "18446744073709551616"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-5), mpy_small_int(1), MPY_NB_RSHIFT), "-3"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-1), mpy_small_int(1000), MPY_NB_RSHIFT), "-1"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(12), mpy_small_int(10), MPY_NB_XOR), "6"));
    ck_assert(text_is(mpy_int_binop(mpy_small_int(-12), mpy_small_int(10), MPY_NB_AND), "0"));
}
END_TEST

START_TEST(huge_results_raise_memory_error_instead_of_aborting)
{
    MpyObject *count = parse("1000000000000");
    ck_assert_ptr_null(mpy_int_binop(mpy_small_int(1), count, MPY_NB_LSHIFT));
    ck_assert(mpy_err_matches(mpy_exc_MemoryError));
    mpy_err_clear();
    ck_assert_ptr_null(mpy_int_binop(mpy_small_int(10), count, MPY_NB_POWER));
    ck_assert(mpy_err_matches(mpy_exc_MemoryError));
    mpy_err_clear();
    MPY_DECREF(count);
}
END_TEST

START_TEST(text_round_trips_in_every_base)
{
    const char *big = "-123456789012345678901234567890";
    ck_assert(text_is(parse(big), big));
    MpyObject *n = mpy_int_from_string("ff", 2, 16);
    MpyObject *hex = mpy_int_to_prefixed_string(n, 16);
    ck_assert_str_eq(mpy_str_utf8(hex), "0xff");
    MPY_DECREF(hex);
    ck_assert(text_is(mpy_int_from_string(" -0b1_01 ", 9, 0), "-5"));
    ck_assert(text_is(mpy_int_from_string("0o17", 4, 0), "15"));
}
END_TEST

START_TEST(malformed_literals_raise_value_error)
{
    const char *bad[] = {"", "abc", "1__0", "_1", "1_", "010", "0x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_ptr_null(mpy_int_from_string(bad[i], strlen(bad[i]), 0));
        ck_assert(mpy_err_matches(mpy_exc_ValueError));
        mpy_err_clear();
    }
}
END_TEST

START_TEST(digit_limit_guards_both_directions)
{
    char digits[5001];
    memset(digits, '7', 5000);
    digits[5000] = '\0';
    ck_assert_ptr_null(parse(digits));
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
    MpyObject *big = mpy_int_binop(mpy_small_int(10), mpy_small_int(5000), MPY_NB_POWER);
    ck_assert_ptr_null(mpy_int_to_string(big, 10));
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
    MPY_DECREF(big);
}
END_TEST

START_TEST(hash_is_modulo_mersenne_prime_with_cpython_signs)
{
    ck_assert_int_eq(mpy_int_hash(mpy_small_int(-1)), -2);
    ck_assert_int_eq(mpy_int_hash(mpy_small_int(12345)), 12345);
    MpyObject *m = parse("2305843009213693951");  // 2**61 - 1
    ck_assert_int_eq(mpy_int_hash(m), 0);
    MPY_DECREF(m);
    MpyObject *p = parse("2305843009213693952");
    ck_assert_int_eq(mpy_int_hash(p), 1);
    MPY_DECREF(p);
    MpyObject *n = parse("-2305843009213693952");
    ck_assert_int_eq(mpy_int_hash(n), -2);
    MPY_DECREF(n);
}
END_TEST

START_TEST(conversions_to_c_report_overflow)
{
    MpyObject *big = parse("100000000000000000000");
    long long v;
    ck_assert(!mpy_int_to_long_exact(big, &v));
    ck_assert_int_eq(mpy_int_as_long(big), -1);
    ck_assert(mpy_err_matches(mpy_exc_OverflowError));
    mpy_err_clear();
    ck_assert(mpy_int_as_double(big) == 1e20);
    MPY_DECREF(big);
    ck_assert_int_eq(mpy_int_sign(mpy_small_int(-4)), -1);
}
END_TEST

START_TEST(bools_are_ints_whose_arithmetic_gives_ints)
{
    MpyObject *two = mpy_int_binop(MPY_TRUE, MPY_TRUE, MPY_NB_ADD);
    ck_assert(mpy_is_small_int(two));
    ck_assert_int_eq(mpy_small_int_value(two), 2);
    ck_assert(mpy_int_check(MPY_TRUE));
    ck_assert(!mpy_int_check_exact(MPY_TRUE));
    ck_assert_int_eq(mpy_int_compare(MPY_FALSE, mpy_small_int(0)), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, small_values_are_tagged_up_to_the_boundary);
    tcase_add_test(tc, addition_overflows_into_gmp_and_comes_back);
    tcase_add_test(tc, multiplication_and_power_use_gmp_when_needed);
    tcase_add_test(tc, floor_division_and_modulo_round_towards_minus_infinity);
    tcase_add_test(tc, division_by_zero_raises_with_cpython_messages);
    tcase_add_test(tc, shifts_and_bitwise_operators);
    tcase_add_test(tc, huge_results_raise_memory_error_instead_of_aborting);
    tcase_add_test(tc, text_round_trips_in_every_base);
    tcase_add_test(tc, malformed_literals_raise_value_error);
    tcase_add_test(tc, digit_limit_guards_both_directions);
    tcase_add_test(tc, hash_is_modulo_mersenne_prime_with_cpython_signs);
    tcase_add_test(tc, conversions_to_c_report_overflow);
    tcase_add_test(tc, bools_are_ints_whose_arithmetic_gives_ints);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
