// tests/unit/test_range.c: runtime/range.c and runtime/slice.c.
#include <stdio.h>

#include <check.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/range.h"
#include "runtime/slice.h"
#include "runtime/str.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

static const char *repr_of(MpyObject *o, char *buf, size_t n)
{
    MpyObject *r = mpy_object_repr(o);
    ck_assert_ptr_nonnull(r);
    snprintf(buf, n, "%s", mpy_str_utf8(r));
    MPY_DECREF(r);
    return buf;
}

START_TEST(small_range_iterates_tagged_ints)
{
    MpyObject *r = mpy_range_new(mpy_small_int(2), mpy_small_int(11), mpy_small_int(3));
    ck_assert_int_eq(mpy_object_length(r), 3);
    MpyObject *it = mpy_object_get_iter(r);
    ck_assert_ptr_eq(MPY_TYPE(it), &mpy_range_iter_type);
    long long want[] = {2, 5, 8};
    for (int i = 0; i < 3; i++) {
        MpyObject *v = mpy_iter_next(it);
        ck_assert(mpy_is_small_int(v));
        ck_assert_int_eq(mpy_small_int_value(v), want[i]);
    }
    ck_assert_ptr_null(mpy_iter_next(it));
    ck_assert(!mpy_err_occurred());
    MPY_DECREF(it);
    MPY_DECREF(r);
}
END_TEST

START_TEST(zero_step_raises_value_error)
{
    ck_assert_ptr_null(mpy_range_new(mpy_small_int(0), mpy_small_int(1), mpy_small_int(0)));
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
}
END_TEST

START_TEST(repr_omits_a_step_of_one)
{
    char buf[64];
    MpyObject *r = mpy_range_new(mpy_small_int(0), mpy_small_int(10), NULL);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "range(0, 10)");
    MPY_DECREF(r);
    r = mpy_range_new(mpy_small_int(0), mpy_small_int(10), mpy_small_int(2));
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "range(0, 10, 2)");
    MPY_DECREF(r);
}
END_TEST

START_TEST(huge_range_has_no_c_length_but_indexes)
{
    MpyObject *big = mpy_int_from_string("100000000000000000000", 21, 10);
    MpyObject *r = mpy_range_new(mpy_small_int(0), big, NULL);
    ck_assert_int_eq(mpy_object_length(r), -1);
    ck_assert(mpy_err_matches(mpy_exc_OverflowError));
    mpy_err_clear();
    MpyObject *last = mpy_object_getitem(r, mpy_small_int(-1));
    char buf[64];
    ck_assert_str_eq(repr_of(last, buf, sizeof buf), "99999999999999999999");
    ck_assert_int_eq(mpy_sequence_contains(r, last), 1);
    ck_assert_int_eq(mpy_sequence_contains(r, big), 0);
    MPY_DECREF(last);
    MPY_DECREF(r);
    MPY_DECREF(big);
}
END_TEST

START_TEST(slice_indices_clamp_like_cpython)
{
    ptrdiff_t start, stop, step, len;
    MpyObject *s = mpy_slice_new(NULL, NULL, mpy_small_int(-1));
    ck_assert_int_eq(mpy_slice_indices(s, 5, &start, &stop, &step, &len), 0);
    ck_assert_int_eq(start, 4);
    ck_assert_int_eq(stop, -1);
    ck_assert_int_eq(step, -1);
    ck_assert_int_eq(len, 5);
    MPY_DECREF(s);
    s = mpy_slice_new(mpy_small_int(-100), mpy_small_int(100), mpy_small_int(3));
    ck_assert_int_eq(mpy_slice_indices(s, 10, &start, &stop, &step, &len), 0);
    ck_assert_int_eq(start, 0);
    ck_assert_int_eq(stop, 10);
    ck_assert_int_eq(len, 4);
    MPY_DECREF(s);
    s = mpy_slice_new(NULL, NULL, mpy_small_int(0));
    ck_assert_int_eq(mpy_slice_indices(s, 10, &start, &stop, &step, &len), -1);
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
    MPY_DECREF(s);
}
END_TEST

START_TEST(sequence_index_rejects_non_integers)
{
    MpyObject *key = mpy_str_from_cstr("x");
    ck_assert_int_eq(mpy_sequence_index(key, 3, "list"), -1);
    ck_assert(mpy_err_matches(mpy_exc_TypeError));
    mpy_err_clear();
    ck_assert_int_eq(mpy_sequence_index(mpy_small_int(-1), 3, "list"), 2);
    MPY_DECREF(key);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("range");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, small_range_iterates_tagged_ints);
    tcase_add_test(tc, zero_step_raises_value_error);
    tcase_add_test(tc, repr_omits_a_step_of_one);
    tcase_add_test(tc, huge_range_has_no_c_length_but_indexes);
    tcase_add_test(tc, slice_indices_clamp_like_cpython);
    tcase_add_test(tc, sequence_index_rejects_non_integers);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
