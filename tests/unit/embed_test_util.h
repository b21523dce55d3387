/* tests/unit/embed_test_util.h: helpers shared by the embedding API's unit
 * tests (test_embed*.c).  Everything goes through the public header only,
 * as a host program would.
 */
#ifndef MINIPY_TESTS_UNIT_EMBED_TEST_UTIL_H
#define MINIPY_TESTS_UNIT_EMBED_TEST_UTIL_H

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "include/minipy.h"

static inline void api_setup(void)
{
    ck_assert_int_eq(mpy_runtime_init(NULL), 0);
}

static inline void api_teardown(void)
{
    ck_assert_int_eq(mpy_runtime_fini(), 0);
}

/* Run statements in __main__; the test fails (with the traceback on
 * stderr) if they raise. */
static inline void exec_ok(const char *source)
{
    MpyObject *r = mpy_run_string(source, MPY_MODE_EXEC, NULL);
    if (r == NULL)
        mpy_err_report();
    ck_assert_msg(r != NULL, "raised: %s", source);
    MPY_DECREF(r);
}

/* The value of an int expression evaluated in __main__. */
static inline int64_t eval_int(const char *expr)
{
    MpyObject *r = mpy_run_string(expr, MPY_MODE_EVAL, NULL);
    if (r == NULL)
        mpy_err_report();
    ck_assert_msg(r != NULL, "raised: %s", expr);
    int64_t v = 0;
    ck_assert_int_eq(mpy_int_to_int64(r, &v), 0);
    MPY_DECREF(r);
    return v;
}

/* The truth of an expression evaluated in __main__. */
static inline int eval_true(const char *expr)
{
    MpyObject *r = mpy_run_string(expr, MPY_MODE_EVAL, NULL);
    if (r == NULL)
        mpy_err_report();
    ck_assert_msg(r != NULL, "raised: %s", expr);
    int t = mpy_object_truth(r);
    MPY_DECREF(r);
    return t;
}

/* Take the pending exception and check its type and that its message
 * contains `text` (NULL: any message). */
static inline void expect_error(MpyType *type, const char *text)
{
    ck_assert_msg(mpy_err_check(type), "the expected exception is not pending");
    MpyObject *exc = mpy_err_pop();
    ck_assert_ptr_nonnull(exc);
    if (text != NULL) {
        MpyObject *msg = mpy_exc_message(exc);
        ck_assert_ptr_nonnull(msg);
        const char *s = mpy_str_to_utf8(msg, NULL);
        ck_assert_msg(strstr(s, text) != NULL, "message '%s' lacks '%s'", s, text);
        MPY_DECREF(msg);
    }
    MPY_DECREF(exc);
    ck_assert(!mpy_err_check(NULL));
}

/* Collects what an output hook receives. */
typedef struct Capture {
    char text[16384];
    size_t len;
    int calls;
} Capture;

static inline void capture_write(const char *text, size_t len, void *user_data)
{
    Capture *c = user_data;
    if (c->len + len < sizeof c->text) {
        memcpy(c->text + c->len, text, len);
        c->len += len;
        c->text[c->len] = '\0';
    }
    c->calls++;
}

/* Run a Check suite; returns the process exit status. */
static inline int run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed != 0;
}

#endif
