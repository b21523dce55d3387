// tests/unit/test_embed_module.c: modules written in C by the host
// (mpy_module_register, mpy_args_bind), the free-threaded build's GIL
// warning for undeclared modules, and the output hooks.
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "include/minipy.h"
#include "tests/unit/embed_test_util.h"

/* ------------------------------------------------------------------ */
/* A small sensor module                                                */

static int64_t readings_taken;

static MpyObject *sensor_read(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    readings_taken++;
    return mpy_float_create(21.5);
}

static MpyObject *sensor_scale(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    double x;
    if (mpy_float_to_double(args[0], &x) < 0)
        return NULL;
    if (x < 0)
        return mpy_err_set_format(mpy_exc_ValueError, "negative reading: %R", args[0]);
    return mpy_float_create(x * 2);
}

/* configure(channel, rate=10, *, label="none") -> "channel/rate/label" */
static MpyObject *sensor_configure(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kwnames)
{
    static const char *const names[] = {"channel", "rate", "$label", NULL};
    MpyObject *values[3];
    if (mpy_args_bind("configure", args, nargs, kwnames, names, 1, values) < 0)
        return NULL;
    int64_t channel, rate = 10;
    if (mpy_int_to_int64(values[0], &channel) < 0 ||
        (values[1] != NULL && mpy_int_to_int64(values[1], &rate) < 0))
        return NULL;
    const char *label = values[2] != NULL ? mpy_str_to_utf8(values[2], NULL) : "none";
    if (label == NULL)
        return NULL;
    char text[128];
    snprintf(text, sizeof text, "%lld/%lld/%s", (long long)channel, (long long)rate, label);
    return mpy_str_create(text);
}

static MpyObject *sensor_module_name(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    return mpy_attr_get(self, "__name__");  // self is the module
}

static const MpyHostFunction sensor_functions[] = {
    {"read", sensor_read, MPY_ARGS_NONE, "read() -> float"},
    {"scale", sensor_scale, MPY_ARGS_ONE, NULL},
    {"configure", sensor_configure, MPY_ARGS_VECTOR, NULL},
    {"module_name", sensor_module_name, MPY_ARGS_NONE, NULL},
    {NULL},
};

static const MpyHostConstant sensor_constants[] = {
    {.name = "CHANNELS", .kind = MPY_CONST_INT, .int_value = 4},
    {.name = "GAIN", .kind = MPY_CONST_FLOAT, .float_value = 1.25},
    {.name = "MODEL", .kind = MPY_CONST_STR, .str_value = "TMP-36"},
    {NULL},
};

/* The init hook adds Python code to the module. */
static int sensor_init(MpyObject *module)
{
    MpyObject *r = mpy_run_string("def average(n):\n"
                                  "    return sum(read() for _ in range(n)) / n\n",
                                  MPY_MODE_EXEC, module);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static const MpyHostModule sensor_module = {
    .name = "sensor",
    .doc = "A pretend temperature sensor.",
    .functions = sensor_functions,
    .constants = sensor_constants,
    .init = sensor_init,
    .gil_not_used = 1,
};

/* The checks every test below makes on a registered sensor module. */
static void check_sensor_works(void)
{
    exec_ok("import sensor");
    ck_assert(eval_true("sensor.read() == 21.5"));
    ck_assert(eval_true("sensor.scale(4) == 8.0"));
    ck_assert(eval_true("sensor.CHANNELS == 4 and sensor.GAIN == 1.25 and sensor.MODEL == 'TMP-36'"));
    ck_assert(eval_true("sensor.average(3) == 21.5"));
    ck_assert(eval_true("sensor.__doc__ == 'A pretend temperature sensor.'"));
    ck_assert(eval_true("sensor.read.__doc__ == 'read() -> float'"));
    ck_assert(eval_true("sensor.module_name() == 'sensor'"));
    ck_assert(eval_true("sensor.configure(1) == '1/10/none'"));
    ck_assert(eval_true("sensor.configure(2, 5) == '2/5/none'"));
    ck_assert(eval_true("sensor.configure(rate=7, channel=3, label='x') == '3/7/x'"));
}

START_TEST(module_registered_before_init_is_importable_in_every_cycle)
{
    ck_assert_int_eq(mpy_module_register(&sensor_module), 0);
    for (int round = 0; round < 3; round++) {
        api_setup();
        check_sensor_works();
        api_teardown();
    }
    ck_assert_int_gt(readings_taken, 0);
}
END_TEST

START_TEST(module_registered_after_init_is_importable)
{
    api_setup();
    ck_assert_int_eq(mpy_module_register(&sensor_module), 0);
    check_sensor_works();
    api_teardown();
    api_setup();  // still registered in the next interpreter
    check_sensor_works();
    api_teardown();
}
END_TEST

START_TEST(c_functions_raise_python_exceptions)
{
    api_setup();
    ck_assert_int_eq(mpy_module_register(&sensor_module), 0);
    exec_ok("import sensor\n"
            "try:\n    sensor.scale(-1.5)\nexcept ValueError as e:\n    caught = str(e)\n");
    ck_assert(eval_true("caught == 'negative reading: -1.5'"));
    ck_assert_ptr_null(mpy_run_string("sensor.scale('x')", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "must be real number, not str");
    ck_assert_ptr_null(mpy_run_string("sensor.read(1)", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "read() takes no arguments (1 given)");
    ck_assert_ptr_null(mpy_run_string("sensor.scale()", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "takes exactly one argument (0 given)");
    ck_assert_ptr_null(mpy_run_string("sensor.configure()", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "configure() missing required argument 'channel' (pos 1)");
    ck_assert_ptr_null(mpy_run_string("sensor.configure(1, colour=2)", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "configure() got an unexpected keyword argument 'colour'");
    ck_assert_ptr_null(mpy_run_string("sensor.configure(1, 2, 3)", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "configure() takes at most 2 arguments (3 given)");
    ck_assert_ptr_null(mpy_run_string("sensor.configure(1, channel=2)", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "given by name ('channel') and position (1)");
    api_teardown();
}
END_TEST

START_TEST(args_bind_refuses_bad_tables)
{
    api_setup();
    static const char *const names[] = {"a", NULL};
    MpyObject *out[1];
    MpyObject *one = mpy_int_create(1);
    ck_assert_int_eq(mpy_args_bind("f", &one, 1, NULL, names, 1, out), 0);
    ck_assert_ptr_eq(out[0], one);
    ck_assert_int_eq(mpy_args_bind("f", &one, 1, NULL, NULL, 0, out), -1);
    expect_error(mpy_exc_SystemError, "argument 'names' is NULL");
    ck_assert_int_eq(mpy_args_bind("f", &one, 1, NULL, names, 2, out), -1);
    expect_error(mpy_exc_SystemError, "2 required of only 1 names");
    ck_assert_int_eq(mpy_args_bind("f", NULL, 1, NULL, names, 0, out), -1);
    expect_error(mpy_exc_SystemError, "argument 'args' is NULL");
    ck_assert_int_eq(mpy_args_bind("f", &one, 0, one, names, 0, out), -1);
    expect_error(mpy_exc_SystemError, "kwnames must be a tuple");
    ck_assert_int_eq(mpy_args_bind(NULL, &one, 1, NULL, names, 0, out), -1);
    expect_error(mpy_exc_SystemError, "argument 'funcname' is NULL");
    MPY_DECREF(one);
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Registration errors                                                  */

static MpyObject *nothing(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return mpy_none();
}

static const MpyHostFunction no_func[] = {{"f", NULL, MPY_ARGS_NONE, NULL}, {NULL}};
static const MpyHostFunction bad_flags[] = {{"f", nothing, 0x40, NULL}, {NULL}};
static const MpyHostConstant bad_kind[] = {{.name = "X", .kind = 9}, {NULL}};
static const MpyHostConstant no_text[] = {{.name = "X", .kind = MPY_CONST_STR}, {NULL}};

START_TEST(bad_definitions_are_refused_with_value_error)
{
    api_setup();
    const MpyHostModule bad[] = {
        {.name = NULL},
        {.name = ""},
        {.name = "pkg.sub"},
        {.name = "math"},        // built into minipy
        {.name = "threading"},   // frozen into minipy
        {.name = "m1", .functions = no_func},
        {.name = "m2", .functions = bad_flags},
        {.name = "m3", .constants = bad_kind},
        {.name = "m4", .constants = no_text},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(mpy_module_register(&bad[i]), -1);
        expect_error(mpy_exc_ValueError, "mpy_module_register(");
    }
    ck_assert_int_eq(mpy_module_register(NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_int_eq(mpy_module_register(&sensor_module), 0);
    ck_assert_int_eq(mpy_module_register(&sensor_module), -1);
    expect_error(mpy_exc_ValueError, "already registered");
    ck_assert_ptr_null(mpy_module_import("m1"));
    expect_error(mpy_exc_ModuleNotFoundError, NULL);
    api_teardown();
}
END_TEST

START_TEST(bad_definitions_before_init_are_reported_on_stderr)
{
    const MpyHostModule dotted = {.name = "a.b"};
    ck_assert_int_eq(mpy_module_register(&dotted), -1);
    ck_assert_int_eq(mpy_module_register(NULL), -1);
    ck_assert_int_eq(mpy_module_register(&sensor_module), 0);
    ck_assert_int_eq(mpy_module_register(&sensor_module), -1);
    api_setup();
    check_sensor_works();
    api_teardown();
}
END_TEST

static int failing_init(MpyObject *module)
{
    mpy_err_set_string(mpy_exc_RuntimeError, "no hardware");
    return -1;
}

static int silent_failing_init(MpyObject *module)
{
    return -1;
}

/* Until runtime/module.c asks the registry, host modules are built when
 * they are registered (or when the runtime starts), so a failing init hook
 * fails mpy_module_register / mpy_runtime_init; afterwards they are built
 * by `import`, which then fails.  Both are checked. */
START_TEST(a_failing_init_hook_fails_the_registration_or_the_import)
{
    api_setup();
    static const MpyHostModule broken = {.name = "broken", .init = failing_init, .gil_not_used = 1};
    if (mpy_module_register(&broken) < 0) {
        expect_error(mpy_exc_RuntimeError, "no hardware");
        ck_assert_ptr_null(mpy_module_import("broken"));
        expect_error(mpy_exc_ModuleNotFoundError, "No module named 'broken'");
        static const MpyHostModule fixed = {.name = "broken", .gil_not_used = 1};  // the name is free again
        ck_assert_int_eq(mpy_module_register(&fixed), 0);
        ck_assert(eval_true("__import__('broken').__name__ == 'broken'"));
    } else {
        ck_assert_ptr_null(mpy_module_import("broken"));
        expect_error(mpy_exc_RuntimeError, "no hardware");
    }
    static const MpyHostModule mute = {.name = "mute", .init = silent_failing_init, .gil_not_used = 1};
    if (mpy_module_register(&mute) == 0)
        ck_assert_ptr_null(mpy_module_import("mute"));
    expect_error(mpy_exc_SystemError, "initialization of mute failed without raising");
    api_teardown();
}
END_TEST

START_TEST(a_failing_module_registered_before_init_fails_init_or_import)
{
    static const MpyHostModule broken = {.name = "broken_early", .init = failing_init, .gil_not_used = 1};
    ck_assert_int_eq(mpy_module_register(&broken), 0);
    if (mpy_runtime_init(NULL) < 0) {
        ck_assert(!mpy_runtime_is_initialized());
        return;
    }
    ck_assert_ptr_null(mpy_module_import("broken_early"));
    expect_error(mpy_exc_RuntimeError, "no hardware");
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Modules that need the GIL                                            */

static const MpyHostModule legacy_module = {.name = "legacy", .functions = sensor_functions};
static const MpyHostModule legacy2_module = {.name = "legacy2"};

static const char gil_warning[] =
    "RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module 'legacy', "
    "which has not declared that it can run safely without the GIL. To override this behavior "
    "and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.\n";

START_TEST(undeclared_module_turns_the_gil_on_with_a_warning_in_minipyt)
{
    api_setup();
    Capture err = {0};
    ck_assert_int_eq(mpy_output_redirect(MPY_STDERR, capture_write, &err), 0);
    ck_assert_int_eq(mpy_module_register(&legacy_module), 0);
    ck_assert_int_eq(mpy_module_register(&legacy2_module), 0);
    exec_ok("import legacy, legacy2");
    if (MPY_FREE_THREADED) {
        ck_assert_ptr_nonnull(strstr(err.text, gil_warning));
        ck_assert_ptr_nonnull(strstr(err.text, "<frozen importlib._bootstrap>"));
        ck_assert_ptr_null(strstr(err.text, "'legacy2'"));  // once: the GIL is on already
    } else {
        ck_assert_str_eq(err.text, "");  // the GIL build always has the GIL
    }
    ck_assert(eval_true("__import__('sys')._is_gil_enabled()"));
    api_teardown();
}
END_TEST

START_TEST(explicit_gil_setting_silences_the_warning)
{
    MpyConfig config;
    mpy_config_init(&config);
    config.enable_gil = MPY_GIL_ON;
    ck_assert_int_eq(mpy_runtime_init(&config), 0);
    Capture err = {0};
    ck_assert_int_eq(mpy_output_redirect(MPY_STDERR, capture_write, &err), 0);
    ck_assert_int_eq(mpy_module_register(&legacy_module), 0);
    ck_assert_str_eq(err.text, "");
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Output hooks                                                         */

START_TEST(print_goes_to_the_stdout_callback)
{
    api_setup();
    Capture out = {0};
    ck_assert_int_eq(mpy_output_redirect(MPY_STDOUT, capture_write, &out), 0);
    exec_ok("print('hello', 42)\nprint('caf\\u00e9', end='!')\nimport sys\n"
            "n = sys.stdout.write('abc')\nsys.stdout.flush()");
    ck_assert_str_eq(out.text, "hello 42\ncaf\xc3\xa9!abc");
    ck_assert_int_eq(eval_int("n"), 3);
    ck_assert(eval_true("sys.stdout.encoding == 'utf-8' and not sys.stdout.isatty()"));
    ck_assert(eval_true("sys.stdout is not sys.__stdout__"));
    ck_assert_ptr_null(mpy_run_string("sys.stdout.write(3)", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_TypeError, "write() argument must be str, not int");
    ck_assert_int_eq(mpy_output_redirect(MPY_STDOUT, NULL, NULL), 0);  // back to the real one
    ck_assert(eval_true("sys.stdout is sys.__stdout__"));
    size_t before = out.len;
    exec_ok("print('to the terminal')");
    ck_assert_uint_eq(out.len, before);
    api_teardown();
}
END_TEST

START_TEST(tracebacks_go_to_the_stderr_callback)
{
    api_setup();
    Capture err = {0}, out = {0};
    ck_assert_int_eq(mpy_output_redirect(MPY_STDERR, capture_write, &err), 0);
    ck_assert_int_eq(mpy_output_redirect(MPY_STDOUT, capture_write, &out), 0);
    ck_assert_ptr_null(mpy_run_source("print('before')\nraise KeyError('lost')\n", "job.py",
                                      MPY_MODE_EXEC, NULL));
    mpy_err_report();
    ck_assert(!mpy_err_check(NULL));
    ck_assert_str_eq(out.text, "before\n");
    ck_assert_str_eq(err.text, "Traceback (most recent call last):\n"
                               "  File \"job.py\", line 2, in <module>\n"
                               "KeyError: 'lost'\n");
    mpy_err_report();  // nothing pending: prints nothing
    ck_assert_int_eq(mpy_output_redirect(0, capture_write, &err), -1);
    expect_error(mpy_exc_ValueError, "stream must be MPY_STDOUT or MPY_STDERR");
    api_teardown();
}
END_TEST

START_TEST(redirection_ends_with_the_runtime)
{
    Capture out = {0};
    api_setup();
    ck_assert_int_eq(mpy_output_redirect(MPY_STDOUT, capture_write, &out), 0);
    exec_ok("print('one')");
    api_teardown();
    api_setup();
    exec_ok("import sys\nassert sys.stdout is sys.__stdout__");
    api_teardown();
    ck_assert_str_eq(out.text, "one\n");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("embed_module");
    TCase *mod = tcase_create("modules");
    tcase_add_test(mod, module_registered_before_init_is_importable_in_every_cycle);
    tcase_add_test(mod, module_registered_after_init_is_importable);
    tcase_add_test(mod, c_functions_raise_python_exceptions);
    tcase_add_test(mod, args_bind_refuses_bad_tables);
    tcase_add_test(mod, bad_definitions_are_refused_with_value_error);
    tcase_add_test(mod, bad_definitions_before_init_are_reported_on_stderr);
    tcase_add_test(mod, a_failing_init_hook_fails_the_registration_or_the_import);
    tcase_add_test(mod, a_failing_module_registered_before_init_fails_init_or_import);
    tcase_add_test(mod, undeclared_module_turns_the_gil_on_with_a_warning_in_minipyt);
    tcase_add_test(mod, explicit_gil_setting_silences_the_warning);
    suite_add_tcase(s, mod);

    TCase *out = tcase_create("output");
    tcase_add_test(out, print_goes_to_the_stdout_callback);
    tcase_add_test(out, tracebacks_go_to_the_stderr_callback);
    tcase_add_test(out, redirection_ends_with_the_runtime);
    suite_add_tcase(s, out);
    return run_suite(s);
}
