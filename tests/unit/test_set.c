// tests/unit/test_set.c: runtime/set.c through the C API.
#include <check.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

static MpyObject *set_of(const long long *values, int n)
{
    MpyObject *s = mpy_set_new(NULL);
    for (int i = 0; i < n; i++) {
        MpyObject *v = mpy_int_from_long(values[i]);
        ck_assert_int_eq(mpy_set_add(s, v), 0);
        MPY_DECREF(v);
    }
    return s;
}

START_TEST(add_contains_discard)
{
    MpyObject *s = mpy_set_new(NULL);
    MpyObject *k = mpy_str_from_cstr("key");
    ck_assert_int_eq(mpy_set_contains(s, k), 0);
    ck_assert_int_eq(mpy_set_add(s, k), 0);
    ck_assert_int_eq(mpy_set_add(s, k), 0);
    ck_assert_int_eq(mpy_set_size(s), 1);
    ck_assert_int_eq(mpy_set_contains(s, k), 1);
    ck_assert_int_eq(mpy_refcnt(k), 2);
    ck_assert_int_eq(mpy_set_discard(s, k), 1);
    ck_assert_int_eq(mpy_set_discard(s, k), 0);
    ck_assert_int_eq(mpy_refcnt(k), 1);
    MPY_DECREF(k);
    MPY_DECREF(s);
}
END_TEST

START_TEST(iteration_order_matches_cpython)
{
    static const long long v[] = {5, 3, 17, 1, 100, 33, 64};
    static const long long want[] = {64, 1, 33, 3, 100, 5, 17};
    MpyObject *s = set_of(v, 7);
    ptrdiff_t pos = 0;
    MpyObject *key;
    int i = 0;
    while (mpy_set_next(s, &pos, &key))
        ck_assert_int_eq(mpy_int_as_long(key), want[i++]);
    ck_assert_int_eq(i, 7);
    MPY_DECREF(s);
}
END_TEST

START_TEST(growth_keeps_every_key)
{
    MpyObject *s = mpy_set_new(NULL);
    for (long long i = 0; i < 10000; i++)
        mpy_set_add(s, mpy_small_int(i * 7919 % 10007));
    ck_assert_int_eq(mpy_set_size(s), 10000);
    for (long long i = 0; i < 10000; i += 2)
        ck_assert_int_eq(mpy_set_discard(s, mpy_small_int(i * 7919 % 10007)), 1);
    ck_assert_int_eq(mpy_set_size(s), 5000);
    for (long long i = 1; i < 10000; i += 2)
        ck_assert_int_eq(mpy_set_contains(s, mpy_small_int(i * 7919 % 10007)), 1);
    MPY_DECREF(s);
}
END_TEST

START_TEST(unhashable_key_raises_type_error)
{
    MpyObject *s = mpy_set_new(NULL);
    MpyObject *l = mpy_list_new(0);
    ck_assert_int_eq(mpy_set_add(s, l), -1);
    ck_assert(mpy_err_matches(mpy_exc_TypeError));
    mpy_err_clear();
    MPY_DECREF(l);
    MPY_DECREF(s);
}
END_TEST

START_TEST(frozenset_hash_matches_cpython)
{
    static const long long v[] = {1, 2, 3};
    MpyObject *s = set_of(v, 3);
    MpyObject *f = mpy_frozenset_new(s);
    ck_assert(mpy_frozenset_check(f));
    ck_assert(mpy_set_check(f));
    ck_assert_int_eq(mpy_object_hash(f), -272375401224217160LL);
    MpyObject *empty = mpy_frozenset_new(NULL);
    ck_assert_int_eq(mpy_object_hash(empty), 133146708735736LL);
    ck_assert_ptr_eq(mpy_frozenset_new(f), f); // idempotent
    MPY_DECREF(f);
    MPY_DECREF(f);
    MPY_DECREF(empty);
    MPY_DECREF(s);
}
END_TEST

START_TEST(update_from_list_and_repr)
{
    MpyObject *s = mpy_set_new(NULL);
    MpyObject *l = mpy_list_new(0);
    mpy_list_append(l, mpy_small_int(2));
    mpy_list_append(l, mpy_small_int(1));
    mpy_list_append(l, mpy_small_int(2));
    ck_assert_int_eq(mpy_set_update(s, l), 0);
    ck_assert_int_eq(mpy_set_size(s), 2);
    MpyObject *r = mpy_object_repr(s);
    ck_assert_str_eq(mpy_str_utf8(r), "{1, 2}");
    MPY_DECREF(r);
    MpyObject *f = mpy_frozenset_new(s);
    r = mpy_object_repr(f);
    ck_assert_str_eq(mpy_str_utf8(r), "frozenset({1, 2})");
    MPY_DECREF(r);
    MpyObject *e = mpy_set_new(NULL);
    r = mpy_object_repr(e);
    ck_assert_str_eq(mpy_str_utf8(r), "set()");
    MPY_DECREF(r);
    MPY_DECREF(e);
    MPY_DECREF(f);
    MPY_DECREF(l);
    MPY_DECREF(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("set");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, add_contains_discard);
    tcase_add_test(tc, iteration_order_matches_cpython);
    tcase_add_test(tc, growth_keeps_every_key);
    tcase_add_test(tc, unhashable_key_raises_type_error);
    tcase_add_test(tc, frozenset_hash_matches_cpython);
    tcase_add_test(tc, update_from_list_and_repr);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
