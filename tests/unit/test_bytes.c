// tests/unit/test_bytes.c: bytes and bytearray (runtime/bytes.c,
// bytes_methods.c, bytes_text.c, bytearray.c) through the C API and through
// method calls as Python makes them.
#include <stdio.h>
#include <string.h>

#include <check.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

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

START_TEST(repr_escapes_and_picks_quotes_like_cpython)
{
    char buf[64];
    MpyObject *b = mpy_bytes_from("a'\x00\xff\n\\", 6);
    ck_assert_str_eq(repr_of(b, buf, sizeof buf), "b\"a'\\x00\\xff\\n\\\\\"");
    MPY_DECREF(b);
    b = mpy_bytearray_from("x\"'", 3);
    ck_assert_str_eq(repr_of(b, buf, sizeof buf), "bytearray(b'x\"\\'')");
    MPY_DECREF(b);
}
END_TEST

START_TEST(indexing_gives_ints_and_slicing_gives_the_same_type)
{
    char buf[64];
    MpyObject *b = mpy_bytes_from("abc", 3);
    MpyObject *i = mpy_object_getitem(b, mpy_small_int(-1));
    ck_assert_int_eq(mpy_small_int_value(i), 'c');
    MpyObject *sl = mpy_slice_new(NULL, NULL, mpy_small_int(-1));
    MpyObject *r = mpy_object_getitem(b, sl);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "b'cba'");
    MPY_DECREF(r);
    MpyObject *ba = mpy_bytearray_from("abc", 3);
    r = mpy_object_getitem(ba, sl);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "bytearray(b'cba')");
    MPY_DECREF(r);
    ck_assert_ptr_null(mpy_object_getitem(b, mpy_small_int(3)));
    expect_error(mpy_exc_IndexError, "index out of range");
    MPY_DECREF(sl);
    MPY_DECREF(ba);
    MPY_DECREF(b);
}
END_TEST

START_TEST(bytes_and_bytearray_compare_by_content)
{
    MpyObject *b = mpy_bytes_from("abc", 3), *ba = mpy_bytearray_from("abc", 3);
    ck_assert_int_eq(mpy_object_richcompare_bool(b, ba, MPY_EQ), 1);
    ck_assert_int_eq(mpy_object_richcompare_bool(ba, b, MPY_EQ), 1);
    MpyObject *c = mpy_bytes_from("abd", 3);
    ck_assert_int_eq(mpy_object_richcompare_bool(ba, c, MPY_LT), 1);
    ck_assert_int_eq(mpy_object_hash(b), mpy__hash_bytes("abc", 3));
    ck_assert_int_eq(mpy_object_hash(ba), -1);
    expect_error(mpy_exc_TypeError, "unhashable type: 'bytearray'");
    MPY_DECREF(c);
    MPY_DECREF(ba);
    MPY_DECREF(b);
}
END_TEST

START_TEST(bytearray_grows_and_shrinks_in_place)
{
    char buf[64];
    MpyObject *ba = mpy_bytearray_from("", 0);
    for (int i = 0; i < 100; i++) {
        MpyObject *v = mpy_small_int('a' + i % 26);
        MpyObject *r = mpy_object_call_method_cstr(ba, "append", &v, 1);
        ck_assert_ptr_nonnull(r);
        MPY_DECREF(r);
    }
    ck_assert_int_eq(mpy_object_length(ba), 100);
    MpyObject *sl = mpy_slice_new(mpy_small_int(3), NULL, NULL);
    ck_assert_int_eq(mpy_object_delitem(ba, sl), 0);
    ck_assert_str_eq(repr_of(ba, buf, sizeof buf), "bytearray(b'abc')");
    MpyObject *x = mpy_bytes_from("XYZ", 3);
    MpyObject *all = mpy_slice_new(NULL, NULL, mpy_small_int(-1));
    ck_assert_int_eq(mpy_object_setitem(ba, all, x), 0);
    ck_assert_str_eq(repr_of(ba, buf, sizeof buf), "bytearray(b'ZYX')");
    ck_assert_int_eq(mpy_object_setitem(ba, mpy_small_int(0), mpy_small_int(256)), -1);
    expect_error(mpy_exc_ValueError, "byte must be in range(0, 256)");
    MPY_DECREF(all);
    MPY_DECREF(x);
    MPY_DECREF(sl);
    MPY_DECREF(ba);
}
END_TEST

START_TEST(methods_return_the_type_of_self)
{
    char buf[64];
    MpyObject *b = mpy_bytearray_from("a,b", 3);
    MpyObject *sep = mpy_bytes_from(",", 1);
    MpyObject *parts = mpy_object_call_method_cstr(b, "split", &sep, 1);
    ck_assert_str_eq(repr_of(parts, buf, sizeof buf), "[bytearray(b'a'), bytearray(b'b')]");
    MpyObject *up = mpy_object_call_method_cstr(sep, "upper", NULL, 0);
    ck_assert_str_eq(repr_of(up, buf, sizeof buf), "b','");
    MPY_DECREF(up);
    MPY_DECREF(parts);
    MPY_DECREF(sep);
    MPY_DECREF(b);
}
END_TEST

START_TEST(hex_and_fromhex_round_trip)
{
    MpyObject *b = mpy_bytes_from("\xde\xad\xbe\xef", 4);
    MpyObject *h = mpy_object_call_method_cstr(b, "hex", NULL, 0);
    ck_assert_str_eq(mpy_str_utf8(h), "deadbeef");
    MpyObject *cls = (MpyObject *)&mpy_bytes_type;
    MpyObject *back = mpy_object_call_method_cstr(cls, "fromhex", &h, 1);
    ck_assert_int_eq(mpy_object_richcompare_bool(back, b, MPY_EQ), 1);
    MPY_DECREF(back);
    MPY_DECREF(h);
    h = mpy_str_from_cstr("de a");
    ck_assert_ptr_null(mpy_object_call_method_cstr(cls, "fromhex", &h, 1));
    expect_error(mpy_exc_ValueError, "non-hexadecimal number found in fromhex() arg at position 4");
    MPY_DECREF(h);
    MPY_DECREF(b);
}
END_TEST

START_TEST(percent_formatting_of_bytes)
{
    char buf[64];
    MpyObject *fmt = mpy_bytes_from("%s=%d %c", 8);
    MpyObject *k = mpy_bytes_from("k", 1);
    MpyObject *args = mpy_tuple_pack(3, k, mpy_small_int(5), mpy_small_int(65));
    MpyObject *r = mpy_number_binop(fmt, args, MPY_NB_REMAINDER);
    ck_assert_str_eq(repr_of(r, buf, sizeof buf), "b'k=5 A'");
    MPY_DECREF(r);
    MPY_DECREF(args);
    MpyObject *text = mpy_str_from_cstr("t");
    ck_assert_ptr_null(mpy_number_binop(fmt, text, MPY_NB_REMAINDER));
    expect_error(mpy_exc_TypeError,
                 "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
    MPY_DECREF(text);
    MPY_DECREF(k);
    MPY_DECREF(fmt);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("bytes");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, repr_escapes_and_picks_quotes_like_cpython);
    tcase_add_test(tc, indexing_gives_ints_and_slicing_gives_the_same_type);
    tcase_add_test(tc, bytes_and_bytearray_compare_by_content);
    tcase_add_test(tc, bytearray_grows_and_shrinks_in_place);
    tcase_add_test(tc, methods_return_the_type_of_self);
    tcase_add_test(tc, hex_and_fromhex_round_trip);
    tcase_add_test(tc, percent_formatting_of_bytes);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed != 0;
}
