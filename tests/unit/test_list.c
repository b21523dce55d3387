// tests/unit/test_list.c: runtime/list.c and list_sort.c through the C API.
#include <check.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* A list of the given C ints.  Returns: new reference. */
static MpyObject *int_list(const long long *values, int n)
{
    MpyObject *l = mpy_list_new(0);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(mpy_list_append_take(l, mpy_int_from_long(values[i])), 0);
    return l;
}

static long long item_value(MpyObject *l, ptrdiff_t i)
{
    return mpy_int_as_long(((MpyListObject *)l)->items[i]);
}

START_TEST(append_stores_item_and_adds_a_reference)
{
    MpyObject *list = mpy_list_new(0);
    MpyObject *item = mpy_str_from_cstr("a string object");
    ck_assert_int_eq(mpy_list_append(list, item), 0);
    ck_assert_int_eq(mpy_list_size(list), 1);
    ck_assert_int_eq(mpy_refcnt(item), 2);
    MpyObject *got = mpy_list_get(list, 0);
    ck_assert_ptr_eq(got, item);
    MPY_DECREF(got);
    MPY_DECREF(list);
    ck_assert_int_eq(mpy_refcnt(item), 1);
    MPY_DECREF(item);
}
END_TEST

START_TEST(get_past_the_end_returns_null_and_sets_index_error)
{
    MpyObject *list = mpy_list_new(0);
    ck_assert_ptr_null(mpy_list_get(list, 3));
    ck_assert(mpy_err_matches(mpy_exc_IndexError));
    mpy_err_clear();
    ck_assert_ptr_null(mpy_list_get(list, -1));
    mpy_err_clear();
    MPY_DECREF(list);
}
END_TEST

START_TEST(growth_follows_cpythons_over_allocation)
{
    MpyObject *list = mpy_list_new(0);
    static const ptrdiff_t expected[] = {4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 24};
    for (int i = 0; i < 17; i++) {
        mpy_list_append(list, mpy_small_int(i));
        ck_assert_int_eq(((MpyListObject *)list)->allocated, expected[i]);
    }
    MPY_DECREF(list);
}
END_TEST

START_TEST(insert_clamps_and_counts_negative_positions_from_the_end)
{
    static const long long v[] = {1, 2, 3};
    MpyObject *list = int_list(v, 3);
    mpy_list_insert(list, 0, mpy_small_int(0));
    mpy_list_insert(list, 100, mpy_small_int(9));
    mpy_list_insert(list, -1, mpy_small_int(8));
    mpy_list_insert(list, -100, mpy_small_int(-1));
    static const long long want[] = {-1, 0, 1, 2, 3, 8, 9};
    ck_assert_int_eq(mpy_list_size(list), 7);
    for (int i = 0; i < 7; i++)
        ck_assert_int_eq(item_value(list, i), want[i]);
    MPY_DECREF(list);
}
END_TEST

START_TEST(extend_with_itself_doubles_the_list)
{
    static const long long v[] = {1, 2, 3};
    MpyObject *list = int_list(v, 3);
    ck_assert_int_eq(mpy_list_extend(list, list), 0);
    ck_assert_int_eq(mpy_list_size(list), 6);
    ck_assert_int_eq(item_value(list, 5), 3);
    MPY_DECREF(list);
}
END_TEST

START_TEST(from_iterable_of_a_range_and_as_tuple)
{
    MpyObject *r = mpy_range_new(mpy_small_int(0), mpy_small_int(5), NULL);
    MpyObject *list = mpy_list_from_iterable(r);
    ck_assert_ptr_nonnull(list);
    ck_assert_int_eq(mpy_list_size(list), 5);
    MpyObject *t = mpy_list_as_tuple(list);
    ck_assert_int_eq(mpy_tuple_size(t), 5);
    ck_assert_int_eq(mpy_int_as_long(mpy_tuple_item(t, 4)), 4);
    MPY_DECREF(t);
    MPY_DECREF(list);
    MPY_DECREF(r);
}
END_TEST

START_TEST(from_iterable_of_an_int_raises_type_error)
{
    ck_assert_ptr_null(mpy_list_from_iterable(mpy_small_int(3)));
    ck_assert(mpy_err_matches(mpy_exc_TypeError));
    mpy_err_clear();
}
END_TEST

START_TEST(slice_clamps_its_bounds)
{
    static const long long v[] = {0, 1, 2, 3, 4};
    MpyObject *list = int_list(v, 5);
    MpyObject *s = mpy_list_slice(list, -3, 3);
    ck_assert_int_eq(mpy_list_size(s), 3);
    MPY_DECREF(s);
    s = mpy_list_slice(list, 3, 100);
    ck_assert_int_eq(mpy_list_size(s), 2);
    ck_assert_int_eq(item_value(s, 0), 3);
    MPY_DECREF(s);
    s = mpy_list_slice(list, 4, 2);
    ck_assert_int_eq(mpy_list_size(s), 0);
    MPY_DECREF(s);
    MPY_DECREF(list);
}
END_TEST

START_TEST(reverse_reverses_in_place)
{
    static const long long v[] = {1, 2, 3, 4};
    MpyObject *list = int_list(v, 4);
    mpy_list_reverse(list);
    ck_assert_int_eq(item_value(list, 0), 4);
    ck_assert_int_eq(item_value(list, 3), 1);
    MPY_DECREF(list);
}
END_TEST

START_TEST(sort_orders_tagged_and_big_ints)
{
    static const long long v[] = {5, -3, 9, 0, 5, 2, -100, 7};
    MpyObject *list = int_list(v, 8);
    mpy_list_append_take(list, mpy_int_binop(mpy_int_from_long(1LL << 61), mpy_small_int(8),
                                             MPY_NB_MULTIPLY)); // 2**64, boxed
    ck_assert_int_eq(mpy_list_sort(list, NULL, false), 0);
    for (ptrdiff_t i = 0; i + 1 < mpy_list_size(list); i++) {
        MpyObject *a = ((MpyListObject *)list)->items[i], *b = ((MpyListObject *)list)->items[i + 1];
        ck_assert_int_le(mpy_int_compare(a, b), 0);
    }
    ck_assert_int_eq(item_value(list, 0), -100);
    ck_assert(!mpy_is_small_int(((MpyListObject *)list)->items[8]));
    ck_assert_int_eq(mpy_list_sort(list, NULL, true), 0);
    ck_assert_int_eq(item_value(list, 8), -100);
    MPY_DECREF(list);
}
END_TEST

START_TEST(sort_handles_long_inputs_of_every_shape)
{
    MpyObject *list = mpy_list_new(0);
    unsigned seed = 1;
    for (int i = 0; i < 5000; i++) {
        seed = seed * 1103515245u + 12345u;
        long long v = (i % 3 == 0) ? i : (i % 3 == 1) ? 10000 - i : (long long)(seed % 1000);
        mpy_list_append_take(list, mpy_int_from_long(v));
    }
    ck_assert_int_eq(mpy_list_sort(list, NULL, false), 0);
    for (ptrdiff_t i = 0; i + 1 < 5000; i++)
        ck_assert_int_le(item_value(list, i), item_value(list, i + 1));
    MPY_DECREF(list);
}
END_TEST

START_TEST(sort_of_strings_uses_code_point_order)
{
    MpyObject *list = mpy_list_new(0);
    const char *words[] = {"pear", "apple", "\xc3\xa9t\xc3\xa9", "Zebra", "app", ""};
    for (int i = 0; i < 6; i++)
        mpy_list_append_take(list, mpy_str_from_cstr(words[i]));
    ck_assert_int_eq(mpy_list_sort(list, NULL, false), 0);
    const char *want[] = {"", "Zebra", "app", "apple", "pear", "\xc3\xa9t\xc3\xa9"};
    for (int i = 0; i < 6; i++)
        ck_assert_str_eq(mpy_str_utf8(((MpyListObject *)list)->items[i]), want[i]);
    MPY_DECREF(list);
}
END_TEST

START_TEST(sort_of_unorderable_items_raises_and_keeps_every_item)
{
    MpyObject *list = mpy_list_new(0);
    mpy_list_append_take(list, mpy_small_int(1));
    mpy_list_append_take(list, mpy_str_from_cstr("a"));
    mpy_list_append_take(list, mpy_small_int(0));
    ck_assert_int_eq(mpy_list_sort(list, NULL, false), -1);
    ck_assert(mpy_err_matches(mpy_exc_TypeError));
    mpy_err_clear();
    ck_assert_int_eq(mpy_list_size(list), 3);
    MPY_DECREF(list);
}
END_TEST

START_TEST(list_repr_marks_self_reference)
{
    MpyObject *list = mpy_list_new(0);
    mpy_list_append(list, mpy_small_int(1));
    mpy_list_append(list, list);
    MpyObject *r = mpy_object_repr(list);
    ck_assert_str_eq(mpy_str_utf8(r), "[1, [...]]");
    MPY_DECREF(r);
    mpy_list_set(list, 1, MPY_NONE); // break the cycle
    MPY_DECREF(list);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, append_stores_item_and_adds_a_reference);
    tcase_add_test(tc, get_past_the_end_returns_null_and_sets_index_error);
    tcase_add_test(tc, growth_follows_cpythons_over_allocation);
    tcase_add_test(tc, insert_clamps_and_counts_negative_positions_from_the_end);
    tcase_add_test(tc, extend_with_itself_doubles_the_list);
    tcase_add_test(tc, from_iterable_of_a_range_and_as_tuple);
    tcase_add_test(tc, from_iterable_of_an_int_raises_type_error);
    tcase_add_test(tc, slice_clamps_its_bounds);
    tcase_add_test(tc, reverse_reverses_in_place);
    tcase_add_test(tc, sort_orders_tagged_and_big_ints);
    tcase_add_test(tc, sort_handles_long_inputs_of_every_shape);
    tcase_add_test(tc, sort_of_strings_uses_code_point_order);
    tcase_add_test(tc, sort_of_unorderable_items_raises_and_keeps_every_item);
    tcase_add_test(tc, list_repr_marks_self_reference);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
