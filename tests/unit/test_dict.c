// tests/unit/test_dict.c: the dict methods and views of runtime/dict_methods.c
// and runtime/dict_views.c, called as Python code would call them.
#include <stdio.h>

#include <check.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* {0: 0, 1: 10, ..., n-1: 10*(n-1)} */
static MpyObject *make_dict(int n)
{
    MpyObject *d = mpy_dict_new();
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(mpy_dict_set(d, mpy_small_int(i), mpy_small_int(10 * i)), 0);
    return d;
}

static const char *repr_of(MpyObject *o, char *buf, size_t n)
{
    MpyObject *r = mpy_object_repr(o);
    ck_assert_ptr_nonnull(r);
    snprintf(buf, n, "%s", mpy_str_utf8(r));
    MPY_DECREF(r);
    return buf;
}

START_TEST(popitem_is_lifo_and_raises_when_empty)
{
    MpyObject *d = make_dict(3);
    char buf[64];
    for (int i = 2; i >= 0; i--) {
        MpyObject *pair = mpy_object_call_method_cstr(d, "popitem", NULL, 0);
        ck_assert_ptr_nonnull(pair);
        ck_assert_int_eq(mpy_small_int_value(mpy_tuple_item(pair, 0)), i);
        MPY_DECREF(pair);
    }
    ck_assert_ptr_null(mpy_object_call_method_cstr(d, "popitem", NULL, 0));
    ck_assert(mpy_err_matches(mpy_exc_KeyError));
    mpy_err_clear();
    ck_assert_int_eq(mpy_dict_set(d, mpy_small_int(7), mpy_small_int(70)), 0);
    ck_assert_str_eq(repr_of(d, buf, sizeof buf), "{7: 70}");
    MPY_DECREF(d);
}
END_TEST

START_TEST(popitem_after_deletions_keeps_the_table_usable)
{
    MpyObject *d = make_dict(20);
    for (int i = 0; i < 20; i += 2)
        ck_assert_int_eq(mpy_dict_del(d, mpy_small_int(i)), 0);
    MpyObject *pair = mpy_object_call_method_cstr(d, "popitem", NULL, 0);
    ck_assert_int_eq(mpy_small_int_value(mpy_tuple_item(pair, 0)), 19);
    MPY_DECREF(pair);
    for (int i = 100; i < 140; i++)
        ck_assert_int_eq(mpy_dict_set(d, mpy_small_int(i), MPY_NONE), 0);
    ck_assert_int_eq(mpy_dict_size(d), 9 + 40);
    for (int i = 1; i < 19; i += 2)
        ck_assert_int_eq(mpy_dict_contains(d, mpy_small_int(i)), 1);
    MPY_DECREF(d);
}
END_TEST

START_TEST(views_are_live_and_print_like_cpython)
{
    MpyObject *d = make_dict(2);
    char buf[64];
    MpyObject *keys = mpy_object_call_method_cstr(d, "keys", NULL, 0);
    MpyObject *items = mpy_object_call_method_cstr(d, "items", NULL, 0);
    ck_assert_str_eq(repr_of(keys, buf, sizeof buf), "dict_keys([0, 1])");
    mpy_dict_set(d, mpy_small_int(5), mpy_small_int(6));
    ck_assert_int_eq(mpy_object_length(keys), 3);
    ck_assert_str_eq(repr_of(items, buf, sizeof buf), "dict_items([(0, 0), (1, 10), (5, 6)])");
    ck_assert_int_eq(mpy_sequence_contains(keys, mpy_small_int(5)), 1);
    MpyObject *pair = mpy_tuple_pack(2, mpy_small_int(1), mpy_small_int(10));
    ck_assert_int_eq(mpy_sequence_contains(items, pair), 1);
    MPY_DECREF(pair);
    MPY_DECREF(keys);
    MPY_DECREF(items);
    MPY_DECREF(d);
}
END_TEST

START_TEST(keys_view_set_operations_give_sets)
{
    MpyObject *a = make_dict(3), *b = make_dict(5);
    MpyObject *ka = mpy_object_call_method_cstr(a, "keys", NULL, 0);
    MpyObject *kb = mpy_object_call_method_cstr(b, "keys", NULL, 0);
    char buf[64];
    MpyObject *r = mpy_number_binop(kb, ka, MPY_NB_SUBTRACT);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "{3, 4}");
    MPY_DECREF(r);
    r = mpy_number_binop(ka, kb, MPY_NB_AND);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "{0, 1, 2}");
    MPY_DECREF(r);
    r = mpy_object_richcompare(ka, kb, MPY_LT);
    ck_assert_ptr_eq(r, MPY_TRUE);
    MPY_DECREF(r);
    MPY_DECREF(ka);
    MPY_DECREF(kb);
    MPY_DECREF(a);
    MPY_DECREF(b);
}
END_TEST

START_TEST(update_takes_keywords_and_fromkeys_builds)
{
    MpyObject *d = mpy_dict_new();
    MpyObject *name = mpy_str_from_cstr("x");
    MpyObject *kwnames = mpy_tuple_pack(1, name);
    MpyObject *args[1] = {mpy_small_int(1)};
    MpyObject *update = mpy_object_getattr_cstr(d, "update");
    MpyObject *r = mpy_object_call(update, args, 0, kwnames);
    ck_assert_ptr_eq(r, MPY_NONE);
    MPY_DECREF(r);
    MpyObject *v = mpy_dict_get(d, name);
    ck_assert_ptr_eq(v, mpy_small_int(1));
    MpyObject *fromkeys = mpy_object_getattr_cstr((MpyObject *)&mpy_dict_type, "fromkeys");
    MpyObject *fk = mpy_object_call1(fromkeys, d);
    char buf[64];
    ck_assert_str_eq(repr_of(fk, buf, sizeof buf), "{'x': None}");
    MPY_DECREF(fk);
    MPY_DECREF(fromkeys);
    MPY_DECREF(update);
    MPY_DECREF(kwnames);
    MPY_DECREF(name);
    MPY_DECREF(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("methods");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, popitem_is_lifo_and_raises_when_empty);
    tcase_add_test(tc, popitem_after_deletions_keeps_the_table_usable);
    tcase_add_test(tc, views_are_live_and_print_like_cpython);
    tcase_add_test(tc, keys_view_set_operations_give_sets);
    tcase_add_test(tc, update_takes_keywords_and_fromkeys_builds);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
