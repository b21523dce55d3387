// tests/unit/test_embed.c: the embedding API (include/minipy.h) as a host
// sees it: life cycle, running code, conversions, containers, attributes,
// calls and exceptions, including every error path.
// Host modules and output hooks: test_embed_module.c; threads:
// test_embed_threads.c.
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "include/minipy.h"
#include "tests/unit/embed_test_util.h"

/* ------------------------------------------------------------------ */
/* Life cycle                                                           */

START_TEST(init_run_fini_three_times_in_one_process)
{
    static char *argv[] = {"host-program", "--flag", NULL};
    static const char *const paths[] = {"/tmp/minipy-embed-a", "/tmp/minipy-embed-b", NULL};
    for (int round = 0; round < 3; round++) {
        MpyConfig config;
        mpy_config_init(&config);
        config.argc = 2;
        config.argv = argv;
        config.module_paths = paths;
        config.recursion_limit = 321;
        ck_assert(!mpy_runtime_is_initialized());
        ck_assert_int_eq(mpy_runtime_init(&config), 0);
        ck_assert(mpy_runtime_is_initialized());
        exec_ok("import sys, math\n"
                "class Point:\n"
                "    def __init__(self, x): self.x = x\n"
                "points = [Point(i) for i in range(100)]\n"
                "cycle = []; cycle.append(cycle)\n"
                "total = sum(p.x for p in points) + int(math.sqrt(16))\n");
        ck_assert_int_eq(eval_int("total"), 4954);
        ck_assert(eval_true("sys.argv == ['host-program', '--flag']"));
        ck_assert(eval_true("sys.orig_argv == ['host-program', '--flag']"));
        ck_assert(eval_true("sys.path[:2] == ['/tmp/minipy-embed-a', '/tmp/minipy-embed-b']"));
        ck_assert_int_eq(eval_int("sys.getrecursionlimit()"), 321);
        ck_assert(eval_true("'total' in globals() and __name__ == '__main__'"));
        ck_assert_int_eq(mpy_runtime_fini(), 0);
        ck_assert(!mpy_runtime_is_initialized());
    }
}
END_TEST

START_TEST(defaults_give_an_empty_argv_and_the_default_recursion_limit)
{
    api_setup();
    ck_assert(eval_true("__import__('sys').argv == ['']"));
    ck_assert_int_eq(eval_int("__import__('sys').getrecursionlimit()"), 1000);
    api_teardown();
}
END_TEST

START_TEST(init_twice_fails_with_runtime_error)
{
    api_setup();
    ck_assert_int_eq(mpy_runtime_init(NULL), -1);
    expect_error(mpy_exc_RuntimeError, "already running");
    api_teardown();
}
END_TEST

START_TEST(fini_without_init_fails)
{
    ck_assert_int_eq(mpy_runtime_fini(), -1);
}
END_TEST

START_TEST(bad_configurations_are_refused_before_anything_starts)
{
    MpyConfig config;
    mpy_config_init(&config);
    config.argc = -1;
    ck_assert_int_eq(mpy_runtime_init(&config), -1);
    mpy_config_init(&config);
    config.argc = 2;  // argv NULL
    ck_assert_int_eq(mpy_runtime_init(&config), -1);
    mpy_config_init(&config);
    config.enable_gil = 7;
    ck_assert_int_eq(mpy_runtime_init(&config), -1);
    mpy_config_init(&config);
    config.recursion_limit = -5;
    ck_assert_int_eq(mpy_runtime_init(&config), -1);
    ck_assert(!mpy_runtime_is_initialized());
    mpy_config_init(NULL);  // ignored
}
END_TEST

START_TEST(gil_off_is_refused_by_the_gil_build_only)
{
    MpyConfig config;
    mpy_config_init(&config);
    config.enable_gil = MPY_GIL_OFF;
    int r = mpy_runtime_init(&config);
    if (MPY_FREE_THREADED) {
        ck_assert_int_eq(r, 0);
        api_teardown();
    } else {
        ck_assert_int_eq(r, -1);
    }
}
END_TEST

START_TEST(python_gil_environment_variable_is_read_as_the_command_reads_it)
{
    MpyConfig config;
    mpy_config_init(&config);
    setenv("PYTHON_GIL", "2", 1);
    ck_assert_int_eq(mpy_runtime_init(&config), -1);  // "must be 0 or 1" in both builds
    setenv("PYTHON_GIL", "0", 1);
    ck_assert_int_eq(mpy_runtime_init(&config), MPY_FREE_THREADED ? 0 : -1);
    if (MPY_FREE_THREADED)
        api_teardown();
    config.use_environment = 0;  // like -E: PYTHON_GIL is ignored
    ck_assert_int_eq(mpy_runtime_init(&config), 0);
    api_teardown();
    mpy_config_init(&config);
    config.enable_gil = MPY_GIL_ON;  // the config overrides the environment, as -X gil does
    ck_assert_int_eq(mpy_runtime_init(&config), MPY_FREE_THREADED ? 0 : -1);
    if (MPY_FREE_THREADED)
        api_teardown();
    setenv("PYTHON_GIL", "", 1);  // empty counts as unset
    ck_assert_int_eq(mpy_runtime_init(&config), 0);
    api_teardown();
    unsetenv("PYTHON_GIL");
}
END_TEST

START_TEST(unbuffered_and_signal_options_start_a_working_runtime)
{
    MpyConfig config;
    mpy_config_init(&config);
    config.unbuffered = 1;
    config.install_signal_handlers = 1;
    ck_assert_int_eq(mpy_runtime_init(&config), 0);
    exec_ok("print('unbuffered works')");
    api_teardown();
}
END_TEST

START_TEST(calls_without_a_runtime_return_errors)
{
    int64_t v = 0;
    ck_assert_ptr_null(mpy_int_create(1));
    ck_assert_ptr_null(mpy_run_string("1", MPY_MODE_EVAL, NULL));
    ck_assert_ptr_null(mpy_none());
    ck_assert_int_eq(mpy_int_to_int64(NULL, &v), -1);
    ck_assert(!mpy_err_check(NULL));
    ck_assert_ptr_null(mpy_err_pop());
    ck_assert_int_eq(mpy_gil_ensure(), MPY_GIL_STATE_ERROR);
    mpy_gil_release(MPY_GIL_STATE_ERROR);
    ck_assert(!mpy_gil_is_held());
    ck_assert_ptr_null(mpy_gil_save());
    mpy_err_report();
    mpy_err_discard();
    mpy_object_decref(NULL);
    mpy_object_incref(NULL);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Running code                                                         */

START_TEST(eval_returns_the_value_and_exec_returns_none)
{
    api_setup();
    MpyObject *r = mpy_run_string("6 * 7", MPY_MODE_EVAL, NULL);
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(r, &v), 0);
    ck_assert_int_eq(v, 42);
    MPY_DECREF(r);
    r = mpy_run_string("answer = 6 * 7", MPY_MODE_EXEC, NULL);
    ck_assert(mpy_object_is_none(r));
    MPY_DECREF(r);
    MpyObject *answer = mpy_module_get_global(NULL, "answer");
    ck_assert_int_eq(mpy_int_to_int64(answer, &v), 0);
    ck_assert_int_eq(v, 42);
    MPY_DECREF(answer);
    api_teardown();
}
END_TEST

START_TEST(code_runs_in_a_dict_or_a_new_module)
{
    api_setup();
    MpyObject *ns = mpy_dict_create();
    MpyObject *r = mpy_run_string("y = 2\nz = y * 10", MPY_MODE_EXEC, ns);
    ck_assert_ptr_nonnull(r);
    MPY_DECREF(r);
    MpyObject *z = mpy_mapping_get_str(ns, "z");
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(z, &v), 0);
    ck_assert_int_eq(v, 20);
    MPY_DECREF(z);
    MPY_DECREF(ns);

    MpyObject *plugin = mpy_module_ensure("plugin");
    ck_assert_ptr_nonnull(plugin);
    r = mpy_run_string("def triple(x):\n    return 3 * x\n", MPY_MODE_EXEC, plugin);
    ck_assert_ptr_nonnull(r);
    MPY_DECREF(r);
    MpyObject *again = mpy_module_ensure("plugin");
    ck_assert_ptr_eq(again, plugin);  // the same module from sys.modules
    MPY_DECREF(again);
    ck_assert_int_eq(eval_int("__import__('plugin').triple(5)"), 15);
    MPY_DECREF(plugin);
    api_teardown();
}
END_TEST

START_TEST(module_globals_can_be_set_and_read_from_c)
{
    api_setup();
    MpyObject *value = mpy_int_create(7);
    ck_assert_int_eq(mpy_module_set_global(NULL, "from_c", value), 0);
    MPY_DECREF(value);
    ck_assert_int_eq(eval_int("from_c * 2"), 14);
    MpyObject *main_module = mpy_module_main();
    ck_assert(mpy_object_is_instance(main_module, &mpy_module_type));
    MpyObject *got = mpy_module_get_global(main_module, "from_c");
    ck_assert_ptr_nonnull(got);
    MPY_DECREF(got);
    ck_assert_ptr_null(mpy_module_get_global(main_module, "missing"));
    expect_error(mpy_exc_NameError, "name 'missing' is not defined");
    ck_assert_ptr_null(mpy_module_get_global(NULL, NULL));
    expect_error(mpy_exc_SystemError, "argument 'name' is NULL");
    ck_assert_int_eq(mpy_module_set_global(NULL, "x", NULL), -1);
    expect_error(mpy_exc_SystemError, "argument 'value' is NULL");
    MpyObject *number = mpy_int_create(1);
    ck_assert_ptr_null(mpy_module_get_global(number, "x"));
    expect_error(mpy_exc_TypeError, "must be a module or a dict, not int");
    MPY_DECREF(number);
    MPY_DECREF(main_module);
    api_teardown();
}
END_TEST

START_TEST(imports_find_modules_and_report_missing_ones)
{
    api_setup();
    MpyObject *math = mpy_module_import("math");
    ck_assert_ptr_nonnull(math);
    MpyObject *pi = mpy_attr_get(math, "pi");
    double d;
    ck_assert_int_eq(mpy_float_to_double(pi, &d), 0);
    ck_assert(d > 3.14 && d < 3.15);
    MPY_DECREF(pi);
    MPY_DECREF(math);
    ck_assert_ptr_null(mpy_module_import("no_such_module_here"));
    expect_error(mpy_exc_ModuleNotFoundError, "No module named 'no_such_module_here'");
    ck_assert_ptr_null(mpy_module_import(""));
    expect_error(mpy_exc_ValueError, "empty name");
    ck_assert_ptr_null(mpy_module_import(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_module_ensure(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    api_teardown();
}
END_TEST

START_TEST(bad_run_arguments_raise)
{
    api_setup();
    ck_assert_ptr_null(mpy_run_string("1 +", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_SyntaxError, NULL);
    ck_assert_ptr_null(mpy_run_string("x = 1", MPY_MODE_EVAL, NULL));
    expect_error(mpy_exc_SyntaxError, NULL);
    ck_assert_ptr_null(mpy_run_string("1", 5, NULL));
    expect_error(mpy_exc_ValueError, "mode must be");
    ck_assert_ptr_null(mpy_run_string(NULL, MPY_MODE_EXEC, NULL));
    expect_error(mpy_exc_SystemError, "argument 'source' is NULL");
    ck_assert_ptr_null(mpy_run_source("1", NULL, MPY_MODE_EXEC, NULL));
    expect_error(mpy_exc_SystemError, "argument 'filename' is NULL");
    MpyObject *list = mpy_list_create();
    ck_assert_ptr_null(mpy_run_string("1", MPY_MODE_EXEC, list));
    expect_error(mpy_exc_TypeError, "not list");
    MPY_DECREF(list);
    ck_assert_ptr_null(mpy_run_file(NULL, NULL));
    expect_error(mpy_exc_SystemError, NULL);
    api_teardown();
}
END_TEST

START_TEST(sys_exit_arrives_as_a_system_exit_exception)
{
    api_setup();
    ck_assert_ptr_null(mpy_run_string("import sys\nsys.exit(3)", MPY_MODE_EXEC, NULL));
    ck_assert(mpy_err_check(mpy_exc_SystemExit));
    MpyObject *exc = mpy_err_pop();
    MpyObject *code = mpy_attr_get(exc, "code");
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(code, &v), 0);
    ck_assert_int_eq(v, 3);
    MPY_DECREF(code);
    MPY_DECREF(exc);
    api_teardown();
}
END_TEST

START_TEST(tracebacks_name_the_file_given_to_run_source)
{
    api_setup();
    ck_assert_ptr_null(mpy_run_source("def f():\n    return 1 / 0\nf()\n", "myscript.py", MPY_MODE_EXEC,
                                      NULL));
    MpyObject *exc = mpy_err_pop();
    ck_assert_str_eq(mpy_exc_type_name(exc), "ZeroDivisionError");
    MpyObject *text = mpy_exc_format(exc);
    ck_assert_ptr_nonnull(text);
    const char *s = mpy_str_to_utf8(text, NULL);
    ck_assert_ptr_nonnull(strstr(s, "Traceback (most recent call last):\n"));
    ck_assert_ptr_nonnull(strstr(s, "File \"myscript.py\", line 3, in <module>"));
    ck_assert_ptr_nonnull(strstr(s, "File \"myscript.py\", line 2, in f"));
    ck_assert_ptr_nonnull(strstr(s, "ZeroDivisionError: division by zero\n"));
    MPY_DECREF(text);
    MPY_DECREF(exc);
    api_teardown();
}
END_TEST

START_TEST(files_run_in_a_namespace_with_their_file_name)
{
    char path[] = "/tmp/minipy-embed-test-XXXXXX.py";
    int fd = mkstemps(path, 3);
    ck_assert_int_ge(fd, 0);
    const char *code = "counter = 10\nwhere = __file__\ndef bump():\n    global counter\n    counter += 1\n";
    ck_assert_int_eq(write(fd, code, strlen(code)), (ssize_t)strlen(code));
    close(fd);
    api_setup();
    MpyObject *module = mpy_module_ensure("from_file");
    MpyObject *r = mpy_run_file(path, module);
    unlink(path);
    ck_assert_ptr_nonnull(r);
    MPY_DECREF(r);
    MPY_DECREF(module);
    exec_ok("import from_file\nfrom_file.bump()");
    ck_assert_int_eq(eval_int("from_file.counter"), 11);
    MpyObject *where = mpy_run_string("from_file.where", MPY_MODE_EVAL, NULL);
    ck_assert_str_eq(mpy_str_to_utf8(where, NULL), path);
    MPY_DECREF(where);
    ck_assert_ptr_null(mpy_run_file("/nonexistent/dir/script.py", NULL));
    ck_assert(mpy_err_check(mpy_exc_OSError));
    expect_error(mpy_exc_FileNotFoundError, "No such file or directory");
    ck_assert_ptr_null(mpy_run_file("/tmp", NULL));
    expect_error(mpy_exc_OSError, "Is a directory");
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Conversions                                                          */

START_TEST(int64_round_trips_and_refuses_what_does_not_fit)
{
    api_setup();
    const int64_t samples[] = {0, -1, 42, INT64_MAX, INT64_MIN, (int64_t)1 << 62, -((int64_t)1 << 62) - 1};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        MpyObject *o = mpy_int_create(samples[i]);
        int64_t back = 0;
        ck_assert_int_eq(mpy_int_to_int64(o, &back), 0);
        ck_assert(back == samples[i]);
        MPY_DECREF(o);
    }
    ck_assert(eval_true("2**63 - 1 == 9223372036854775807"));
    MpyObject *big = mpy_run_string("2**63", MPY_MODE_EVAL, NULL);
    int64_t v = 5;
    ck_assert_int_eq(mpy_int_to_int64(big, &v), -1);
    ck_assert_int_eq(v, 5);
    expect_error(mpy_exc_OverflowError, "too large to convert");
    MPY_DECREF(big);
    MpyObject *t = mpy_bool_create(1);
    ck_assert_int_eq(mpy_int_to_int64(t, &v), 0);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(mpy_int_to_int64(t, NULL), -1);
    expect_error(mpy_exc_SystemError, "argument 'out' is NULL");
    MPY_DECREF(t);
    MpyObject *s = mpy_str_create("12");
    ck_assert_int_eq(mpy_int_to_int64(s, &v), -1);
    expect_error(mpy_exc_TypeError, "'str' object cannot be interpreted as an integer");
    MPY_DECREF(s);
    MpyObject *f = mpy_float_create(1.5);
    ck_assert_int_eq(mpy_int_to_int64(f, &v), -1);
    expect_error(mpy_exc_TypeError, NULL);
    MPY_DECREF(f);
    ck_assert_int_eq(mpy_int_to_int64(NULL, &v), -1);
    expect_error(mpy_exc_SystemError, "argument 'o' is NULL");
    api_teardown();
}
END_TEST

START_TEST(doubles_round_trip_and_ints_convert)
{
    api_setup();
    const double samples[] = {0.0, -1.0, 2.5, 1e300, -1e-300};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        MpyObject *o = mpy_float_create(samples[i]);
        double back = 99;
        ck_assert_int_eq(mpy_float_to_double(o, &back), 0);
        ck_assert(back == samples[i]);
        MPY_DECREF(o);
    }
    MpyObject *three = mpy_int_create(3);
    double d;
    ck_assert_int_eq(mpy_float_to_double(three, &d), 0);
    ck_assert(d == 3.0);
    MPY_DECREF(three);
    MpyObject *s = mpy_str_create("1.5");
    ck_assert_int_eq(mpy_float_to_double(s, &d), -1);
    expect_error(mpy_exc_TypeError, "must be real number, not str");
    ck_assert_int_eq(mpy_float_to_double(s, NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    MPY_DECREF(s);
    ck_assert(eval_true("float(10**400) if False else True"));
    MpyObject *huge = mpy_run_string("10**400", MPY_MODE_EVAL, NULL);
    ck_assert_int_eq(mpy_float_to_double(huge, &d), -1);
    expect_error(mpy_exc_OverflowError, NULL);
    MPY_DECREF(huge);
    api_teardown();
}
END_TEST

START_TEST(utf8_strings_round_trip_and_invalid_utf8_is_refused)
{
    api_setup();
    MpyObject *s = mpy_str_create("h\xc3\xa9llo \xe2\x82\xac");  // "héllo €"
    size_t len = 0;
    const char *text = mpy_str_to_utf8(s, &len);
    ck_assert_str_eq(text, "h\xc3\xa9llo \xe2\x82\xac");
    ck_assert_uint_eq(len, 10);
    ck_assert_int_eq(mpy_object_size(s), 7);  // code points
    MPY_DECREF(s);
    MpyObject *with_nul = mpy_str_create_n("a\0b", 3);
    ck_assert_ptr_nonnull(mpy_str_to_utf8(with_nul, &len));
    ck_assert_uint_eq(len, 3);
    MPY_DECREF(with_nul);
    MpyObject *empty = mpy_str_create_n(NULL, 0);
    ck_assert_str_eq(mpy_str_to_utf8(empty, NULL), "");
    MPY_DECREF(empty);
    ck_assert_ptr_null(mpy_str_create("bad \xff byte"));
    expect_error(mpy_exc_UnicodeDecodeError, "can't decode byte 0xff");
    ck_assert_ptr_null(mpy_str_create(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_str_create_n(NULL, 2));
    expect_error(mpy_exc_SystemError, NULL);
    MpyObject *n = mpy_int_create(5);
    ck_assert_ptr_null(mpy_str_to_utf8(n, &len));
    expect_error(mpy_exc_TypeError, "expected str, not int");
    MPY_DECREF(n);
    api_teardown();
}
END_TEST

START_TEST(none_bool_and_truth)
{
    api_setup();
    MpyObject *none = mpy_none();
    ck_assert(mpy_object_is_none(none));
    ck_assert_int_eq(mpy_object_truth(none), 0);
    ck_assert_str_eq(mpy_object_type_name(none), "NoneType");
    MPY_DECREF(none);
    ck_assert(!mpy_object_is_none(NULL));
    MpyObject *t = mpy_bool_create(5), *f = mpy_bool_create(0);
    ck_assert_int_eq(mpy_object_truth(t), 1);
    ck_assert_int_eq(mpy_object_truth(f), 0);
    ck_assert_int_eq(mpy_object_is_instance(t, &mpy_bool_type), 1);
    ck_assert_int_eq(mpy_object_is_instance(t, &mpy_int_type), 1);
    ck_assert_int_eq(mpy_object_is_instance(t, &mpy_str_type), 0);
    MpyObject *repr = mpy_object_to_repr(t);
    ck_assert_str_eq(mpy_str_to_utf8(repr, NULL), "True");
    MPY_DECREF(repr);
    MPY_DECREF(t);
    MPY_DECREF(f);
    exec_ok("class Falsy:\n    def __bool__(self): raise ValueError('no truth')\nfalsy = Falsy()");
    MpyObject *falsy = mpy_module_get_global(NULL, "falsy");
    ck_assert_int_eq(mpy_object_truth(falsy), -1);
    expect_error(mpy_exc_ValueError, "no truth");
    MPY_DECREF(falsy);
    ck_assert_int_eq(mpy_object_truth(NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_int_eq(mpy_object_is_instance(NULL, &mpy_int_type), -1);
    expect_error(mpy_exc_SystemError, NULL);
    api_teardown();
}
END_TEST

START_TEST(str_repr_size_and_type_names)
{
    api_setup();
    MpyObject *s = mpy_str_create("it's");
    MpyObject *r = mpy_object_to_repr(s), *t = mpy_object_to_str(s);
    ck_assert_str_eq(mpy_str_to_utf8(r, NULL), "\"it's\"");
    ck_assert_str_eq(mpy_str_to_utf8(t, NULL), "it's");
    ck_assert_str_eq(mpy_object_type_name(s), "str");
    MPY_DECREF(r);
    MPY_DECREF(t);
    MPY_DECREF(s);
    MpyObject *n = mpy_int_create(3);
    ck_assert_int_eq(mpy_object_size(n), -1);
    expect_error(mpy_exc_TypeError, "object of type 'int' has no len()");
    MPY_DECREF(n);
    ck_assert_ptr_null(mpy_object_to_str(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_object_to_repr(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_object_type_name(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_int_eq(mpy_object_size(NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Containers                                                           */

START_TEST(lists_grow_and_index_like_python_lists)
{
    api_setup();
    MpyObject *list = mpy_list_create();
    for (int i = 0; i < 3; i++) {
        MpyObject *item = mpy_int_create(i * 10);
        ck_assert_int_eq(mpy_sequence_append(list, item), 0);
        MPY_DECREF(item);
    }
    ck_assert_int_eq(mpy_object_size(list), 3);
    MpyObject *last = mpy_sequence_get(list, -1);
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(last, &v), 0);
    ck_assert_int_eq(v, 20);
    MPY_DECREF(last);
    MpyObject *word = mpy_str_create("first");
    ck_assert_int_eq(mpy_sequence_set(list, 0, word), 0);
    ck_assert_int_eq(mpy_object_refcount(word), 2);  // ours + the list's
    MPY_DECREF(word);
    ck_assert_int_eq(mpy_module_set_global(NULL, "lst", list), 0);
    ck_assert(eval_true("lst == ['first', 10, 20]"));
    ck_assert_ptr_null(mpy_sequence_get(list, 3));
    expect_error(mpy_exc_IndexError, "list index out of range");
    ck_assert_ptr_null(mpy_sequence_get(list, -4));
    expect_error(mpy_exc_IndexError, NULL);
    ck_assert_int_eq(mpy_sequence_set(list, 5, list), -1);
    expect_error(mpy_exc_IndexError, "list assignment index out of range");
    ck_assert_int_eq(mpy_sequence_append(list, NULL), -1);
    expect_error(mpy_exc_SystemError, "argument 'item' is NULL");
    ck_assert_int_eq(mpy_sequence_append(NULL, list), -1);
    expect_error(mpy_exc_SystemError, "argument 'list' is NULL");
    ck_assert_int_eq(mpy_sequence_set(list, 0, NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_sequence_get(NULL, 0));
    expect_error(mpy_exc_SystemError, NULL);
    MPY_DECREF(list);
    api_teardown();
}
END_TEST

START_TEST(new_tuples_are_filled_then_frozen)
{
    api_setup();
    MpyObject *pair = mpy_tuple_create(2);
    ck_assert_int_eq(mpy_object_size(pair), 2);
    MpyObject *first = mpy_sequence_get(pair, 0);
    ck_assert(mpy_object_is_none(first));  // None until set
    MPY_DECREF(first);
    MpyObject *a = mpy_int_create(1), *b = mpy_str_create("two");
    ck_assert_int_eq(mpy_sequence_set(pair, 0, a), 0);
    ck_assert_int_eq(mpy_sequence_set(pair, -1, b), 0);
    ck_assert_int_eq(mpy_sequence_set(pair, 2, b), -1);
    expect_error(mpy_exc_IndexError, NULL);
    MPY_DECREF(a);
    MPY_DECREF(b);
    ck_assert_int_eq(mpy_module_set_global(NULL, "pair", pair), 0);  // now shared
    ck_assert(eval_true("pair == (1, 'two')"));
    ck_assert_int_eq(mpy_sequence_set(pair, 0, pair), -1);
    expect_error(mpy_exc_TypeError, "'tuple' object does not support item assignment");
    ck_assert_ptr_null(mpy_sequence_get(pair, 2));
    expect_error(mpy_exc_IndexError, "tuple index out of range");
    MPY_DECREF(pair);
    MpyObject *empty = mpy_tuple_create(0);
    ck_assert_int_eq(mpy_object_size(empty), 0);
    MPY_DECREF(empty);
    ck_assert_ptr_null(mpy_tuple_create(-1));
    expect_error(mpy_exc_ValueError, "negative size");
    api_teardown();
}
END_TEST

START_TEST(other_sequences_go_through_the_python_protocol)
{
    api_setup();
    MpyObject *s = mpy_str_create("abc");
    MpyObject *c = mpy_sequence_get(s, -2);
    ck_assert_str_eq(mpy_str_to_utf8(c, NULL), "b");
    MPY_DECREF(c);
    ck_assert_int_eq(mpy_sequence_set(s, 0, s), -1);
    expect_error(mpy_exc_TypeError, "does not support item assignment");
    ck_assert_int_eq(mpy_sequence_append(s, s), -1);
    expect_error(mpy_exc_AttributeError, "append");
    MPY_DECREF(s);
    exec_ok("class Squares:\n    def __getitem__(self, i): return i * i\n"
            "    def __setitem__(self, i, v): self.last = (i, v)\n"
            "class Bag:\n    def __init__(self): self.items = []\n"
            "    def append(self, x): self.items.append(x)\n"
            "sq = Squares(); bag = Bag()");
    MpyObject *sq = mpy_module_get_global(NULL, "sq");
    MpyObject *nine = mpy_sequence_get(sq, 3);
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(nine, &v), 0);
    ck_assert_int_eq(v, 9);
    ck_assert_int_eq(mpy_sequence_set(sq, 4, nine), 0);
    ck_assert(eval_true("sq.last == (4, 9)"));
    MpyObject *bag = mpy_module_get_global(NULL, "bag");
    ck_assert_int_eq(mpy_sequence_append(bag, nine), 0);
    ck_assert(eval_true("bag.items == [9]"));
    MPY_DECREF(nine);
    MPY_DECREF(sq);
    MPY_DECREF(bag);
    api_teardown();
}
END_TEST

START_TEST(dicts_store_and_find_values_by_key)
{
    api_setup();
    MpyObject *d = mpy_dict_create();
    MpyObject *one = mpy_int_create(1), *key = mpy_int_create(99);
    ck_assert_int_eq(mpy_mapping_set_str(d, "one", one), 0);
    ck_assert_int_eq(mpy_mapping_set(d, key, one), 0);
    ck_assert_int_eq(mpy_object_size(d), 2);
    MpyObject *got = mpy_mapping_get_str(d, "one");
    ck_assert_ptr_eq(got, one);
    MPY_DECREF(got);
    got = mpy_mapping_get(d, key);
    ck_assert_ptr_eq(got, one);
    MPY_DECREF(got);
    ck_assert_ptr_null(mpy_mapping_get_str(d, "two"));
    expect_error(mpy_exc_KeyError, "two");
    MpyObject *unhashable = mpy_list_create();
    ck_assert_int_eq(mpy_mapping_set(d, unhashable, one), -1);
    expect_error(mpy_exc_TypeError, "unhashable type: 'list'");
    ck_assert_ptr_null(mpy_mapping_get(d, unhashable));
    expect_error(mpy_exc_TypeError, "unhashable");
    MpyObject *keys = mpy_mapping_keys(d);
    ck_assert_int_eq(mpy_object_size(keys), 2);
    MPY_DECREF(keys);
    ck_assert_int_eq(mpy_mapping_del_str(d, "one"), 0);
    ck_assert_int_eq(mpy_mapping_del_str(d, "one"), -1);
    expect_error(mpy_exc_KeyError, NULL);
    ck_assert_int_eq(mpy_object_size(d), 1);
    ck_assert_int_eq(mpy_mapping_set_str(d, "x", NULL), -1);
    expect_error(mpy_exc_SystemError, "argument 'value' is NULL");
    ck_assert_int_eq(mpy_mapping_set_str(d, NULL, one), -1);
    expect_error(mpy_exc_SystemError, "argument 'key' is NULL");
    ck_assert_int_eq(mpy_mapping_set(unhashable, one, one), -1);  // a list: index 1 out of range
    expect_error(mpy_exc_IndexError, NULL);
    ck_assert_ptr_null(mpy_mapping_get_str(one, "x"));
    expect_error(mpy_exc_TypeError, "'int' object is not subscriptable");
    ck_assert_ptr_null(mpy_mapping_keys(one));
    expect_error(mpy_exc_AttributeError, NULL);
    ck_assert_ptr_null(mpy_mapping_get(NULL, key));
    expect_error(mpy_exc_SystemError, NULL);
    MPY_DECREF(unhashable);
    MPY_DECREF(one);
    MPY_DECREF(key);
    MPY_DECREF(d);
    api_teardown();
}
END_TEST

START_TEST(mappings_other_than_dict_use_their_methods)
{
    api_setup();
    exec_ok("class Counter(dict):\n    def __missing__(self, key): return 0\n"
            "class Keys:\n    def keys(self): return ['a', 'b']\n"
            "counter = Counter(); keyed = Keys()");
    MpyObject *counter = mpy_module_get_global(NULL, "counter");
    MpyObject *zero = mpy_mapping_get_str(counter, "anything");
    int64_t v = 5;
    ck_assert_int_eq(mpy_int_to_int64(zero, &v), 0);
    ck_assert_int_eq(v, 0);
    MPY_DECREF(zero);
    MPY_DECREF(counter);
    MpyObject *keyed = mpy_module_get_global(NULL, "keyed");
    MpyObject *keys = mpy_mapping_keys(keyed);
    ck_assert_int_eq(mpy_object_size(keys), 2);
    MPY_DECREF(keys);
    MPY_DECREF(keyed);
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Attributes and calls                                                 */

START_TEST(attributes_are_read_written_tested_and_deleted)
{
    api_setup();
    exec_ok("class Box:\n    size = 3\nbox = Box()");
    MpyObject *box = mpy_module_get_global(NULL, "box");
    ck_assert_int_eq(mpy_attr_has(box, "size"), 1);
    ck_assert_int_eq(mpy_attr_has(box, "colour"), 0);
    MpyObject *red = mpy_str_create("red");
    ck_assert_int_eq(mpy_attr_set(box, "colour", red), 0);
    MPY_DECREF(red);
    ck_assert(eval_true("box.colour == 'red'"));
    MpyObject *size = mpy_attr_get(box, "size");
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(size, &v), 0);
    ck_assert_int_eq(v, 3);
    MPY_DECREF(size);
    ck_assert_int_eq(mpy_attr_set(box, "colour", NULL), 0);  // del box.colour
    ck_assert_int_eq(mpy_attr_has(box, "colour"), 0);
    ck_assert_ptr_null(mpy_attr_get(box, "colour"));
    expect_error(mpy_exc_AttributeError, "'Box' object has no attribute 'colour'");
    ck_assert_int_eq(mpy_attr_set(box, "colour", NULL), -1);
    expect_error(mpy_exc_AttributeError, NULL);
    MpyObject *n = mpy_int_create(4);
    ck_assert_int_eq(mpy_attr_set(n, "x", n), -1);
    expect_error(mpy_exc_AttributeError, NULL);
    ck_assert_ptr_null(mpy_attr_get(box, NULL));
    expect_error(mpy_exc_SystemError, "argument 'name' is NULL");
    ck_assert_ptr_null(mpy_attr_get(NULL, "x"));
    expect_error(mpy_exc_SystemError, "argument 'o' is NULL");
    ck_assert_int_eq(mpy_attr_has(NULL, "x"), -1);
    expect_error(mpy_exc_SystemError, NULL);
    MPY_DECREF(n);
    MPY_DECREF(box);
    api_teardown();
}
END_TEST

START_TEST(python_callables_get_positional_and_keyword_arguments)
{
    api_setup();
    exec_ok("def f(a, b=2, *, c=3):\n    return a * 100 + b * 10 + c\n");
    MpyObject *f = mpy_module_get_global(NULL, "f");
    ck_assert(mpy_object_is_callable(f));
    MpyObject *one = mpy_int_create(1);
    MpyObject *r = mpy_call(f, &one, 1);
    int64_t v;
    ck_assert_int_eq(mpy_int_to_int64(r, &v), 0);
    ck_assert_int_eq(v, 123);
    MPY_DECREF(r);
    MpyObject *kwargs = mpy_dict_create();
    MpyObject *nine = mpy_int_create(9), *five = mpy_int_create(5);
    mpy_mapping_set_str(kwargs, "c", nine);
    mpy_mapping_set_str(kwargs, "b", five);
    r = mpy_call_kw(f, &one, 1, kwargs);
    ck_assert_int_eq(mpy_int_to_int64(r, &v), 0);
    ck_assert_int_eq(v, 159);
    MPY_DECREF(r);
    r = mpy_call_kw(f, &one, 1, NULL);
    ck_assert_int_eq(mpy_int_to_int64(r, &v), 0);
    ck_assert_int_eq(v, 123);
    MPY_DECREF(r);
    ck_assert_ptr_null(mpy_call(f, NULL, 0));
    expect_error(mpy_exc_TypeError, "missing 1 required positional argument: 'a'");
    mpy_mapping_set_str(kwargs, "d", nine);
    ck_assert_ptr_null(mpy_call_kw(f, &one, 1, kwargs));
    expect_error(mpy_exc_TypeError, "unexpected keyword argument 'd'");
    ck_assert_ptr_null(mpy_call_kw(f, &one, 1, one));
    expect_error(mpy_exc_TypeError, "kwargs must be a dict, not int");
    ck_assert_ptr_null(mpy_call(one, NULL, 0));
    expect_error(mpy_exc_TypeError, "'int' object is not callable");
    ck_assert(!mpy_object_is_callable(one));
    ck_assert(!mpy_object_is_callable(NULL));
    ck_assert_ptr_null(mpy_call(f, NULL, 1));
    expect_error(mpy_exc_SystemError, "argument 'args' is NULL");
    MpyObject *holes[2] = {one, NULL};
    ck_assert_ptr_null(mpy_call(f, holes, 2));
    expect_error(mpy_exc_SystemError, "argument 1 is NULL");
    ck_assert_ptr_null(mpy_call(NULL, NULL, 0));
    expect_error(mpy_exc_SystemError, "argument 'callable' is NULL");
    MPY_DECREF(nine);
    MPY_DECREF(five);
    MPY_DECREF(kwargs);
    MPY_DECREF(one);
    MPY_DECREF(f);
    api_teardown();
}
END_TEST

START_TEST(methods_are_called_by_name)
{
    api_setup();
    MpyObject *s = mpy_str_create("a,b,c");
    MpyObject *sep = mpy_str_create(",");
    MpyObject *parts = mpy_call_method(s, "split", &sep, 1);
    ck_assert_int_eq(mpy_object_size(parts), 3);
    MPY_DECREF(parts);
    MpyObject *upper = mpy_call_method(s, "upper", NULL, 0);
    ck_assert_str_eq(mpy_str_to_utf8(upper, NULL), "A,B,C");
    MPY_DECREF(upper);
    ck_assert_ptr_null(mpy_call_method(s, "no_such_method", NULL, 0));
    expect_error(mpy_exc_AttributeError, "no_such_method");
    ck_assert_ptr_null(mpy_call_method(s, NULL, NULL, 0));
    expect_error(mpy_exc_SystemError, NULL);
    MPY_DECREF(sep);
    MPY_DECREF(s);
    api_teardown();
}
END_TEST

START_TEST(reference_counts_follow_ownership)
{
    api_setup();
    MpyObject *list = mpy_list_create();
    ck_assert_int_eq(mpy_object_refcount(list), 1);
    MPY_INCREF(list);
    ck_assert_int_eq(mpy_object_refcount(list), 2);
    MpyObject *same = MPY_NEWREF(list);
    ck_assert_ptr_eq(same, list);
    ck_assert_int_eq(mpy_object_refcount(list), 3);
    MPY_DECREF(same);
    MPY_DECREF(list);
    ck_assert_int_eq(mpy_object_refcount(list), 1);
    MPY_XDECREF(NULL);
    ck_assert_ptr_null(mpy_object_newref(NULL));
    MPY_DECREF(list);
    ck_assert_int_eq(mpy_object_refcount(NULL), -1);
    expect_error(mpy_exc_SystemError, NULL);
    api_teardown();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Exceptions                                                           */

START_TEST(exceptions_raised_in_c_are_seen_by_python_and_by_c)
{
    api_setup();
    ck_assert_ptr_null(mpy_err_set_string(mpy_exc_ValueError, "bad sensor"));
    ck_assert(mpy_err_check(NULL));
    ck_assert(mpy_err_check(mpy_exc_ValueError));
    ck_assert(mpy_err_check(mpy_exc_Exception));
    ck_assert(!mpy_err_check(mpy_exc_KeyError));
    MpyObject *exc = mpy_err_pop();
    ck_assert(!mpy_err_check(NULL));
    ck_assert_ptr_null(mpy_err_pop());  // nothing pending: NULL, no error
    ck_assert(mpy_exc_matches(exc, mpy_exc_ValueError));
    ck_assert(!mpy_exc_matches(exc, mpy_exc_TypeError));
    ck_assert(!mpy_exc_matches(NULL, mpy_exc_TypeError));
    ck_assert_str_eq(mpy_exc_type_name(exc), "ValueError");
    MpyObject *msg = mpy_exc_message(exc);
    ck_assert_str_eq(mpy_str_to_utf8(msg, NULL), "bad sensor");
    MPY_DECREF(msg);
    MpyObject *text = mpy_exc_format(exc);
    ck_assert_str_eq(mpy_str_to_utf8(text, NULL), "ValueError: bad sensor\n");
    MPY_DECREF(text);
    mpy_err_push(exc);  // takes our reference
    ck_assert(mpy_err_check(mpy_exc_ValueError));
    mpy_err_discard();
    ck_assert(!mpy_err_check(NULL));
    mpy_err_discard();  // nothing pending: fine
    api_teardown();
}
END_TEST

START_TEST(formatted_messages_and_subclass_matching)
{
    api_setup();
    MpyObject *list = mpy_list_create();
    ck_assert_ptr_null(mpy_err_set_format(mpy_exc_KeyError, "channel %d of %R (%T)", 7, list, list));
    ck_assert(mpy_err_check(mpy_exc_LookupError));
    expect_error(mpy_exc_KeyError, "channel 7 of [] (list)");
    MPY_DECREF(list);
    api_teardown();
}
END_TEST

START_TEST(bad_exception_arguments_raise_system_error)
{
    api_setup();
    ck_assert_ptr_null(mpy_err_set_string(&mpy_int_type, "x"));
    expect_error(mpy_exc_SystemError, "is not an exception type");
    ck_assert_ptr_null(mpy_err_set_string(NULL, "x"));
    expect_error(mpy_exc_SystemError, "argument 'type' is NULL");
    ck_assert_ptr_null(mpy_err_set_string(mpy_exc_ValueError, NULL));
    expect_error(mpy_exc_SystemError, "argument 'msg' is NULL");
    ck_assert_ptr_null(mpy_err_set_format(mpy_exc_ValueError, NULL));
    expect_error(mpy_exc_SystemError, "argument 'fmt' is NULL");
    mpy_err_push(NULL);
    expect_error(mpy_exc_SystemError, "argument 'exc' is NULL");
    mpy_err_push(mpy_int_create(3));
    expect_error(mpy_exc_SystemError, "expected an exception instance, not int");
    ck_assert_ptr_null(mpy_exc_message(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_exc_type_name(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    ck_assert_ptr_null(mpy_exc_format(NULL));
    expect_error(mpy_exc_SystemError, NULL);
    MpyObject *n = mpy_int_create(1);
    ck_assert_ptr_null(mpy_exc_format(n));
    expect_error(mpy_exc_TypeError, "expected an exception instance");
    MPY_DECREF(n);
    api_teardown();
}
END_TEST

START_TEST(chained_python_exceptions_are_formatted_in_full)
{
    api_setup();
    ck_assert_ptr_null(mpy_run_string("try:\n    {}['k']\nexcept KeyError as e:\n"
                                      "    raise RuntimeError('wrapped') from e\n",
                                      MPY_MODE_EXEC, NULL));
    MpyObject *exc = mpy_err_pop();
    MpyObject *text = mpy_exc_format(exc);
    const char *s = mpy_str_to_utf8(text, NULL);
    ck_assert_ptr_nonnull(strstr(s, "KeyError: 'k'\n"));
    ck_assert_ptr_nonnull(strstr(s, "The above exception was the direct cause"));
    ck_assert_ptr_nonnull(strstr(s, "RuntimeError: wrapped\n"));
    MPY_DECREF(text);
    MPY_DECREF(exc);
    api_teardown();
}
END_TEST

START_TEST(python_catches_what_c_raised_through_a_callable)
{
    api_setup();
    // A Python function raises, C sees it, then Python code catches an
    // exception that C re-raised into it.
    exec_ok("def fail(x):\n    raise ValueError(f'bad {x}')\n");
    MpyObject *fail = mpy_module_get_global(NULL, "fail");
    MpyObject *arg = mpy_int_create(4);
    ck_assert_ptr_null(mpy_call(fail, &arg, 1));
    expect_error(mpy_exc_ValueError, "bad 4");
    MPY_DECREF(arg);
    MPY_DECREF(fail);
    api_teardown();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("embed");
    TCase *life = tcase_create("lifecycle");
    tcase_add_test(life, init_run_fini_three_times_in_one_process);
    tcase_add_test(life, defaults_give_an_empty_argv_and_the_default_recursion_limit);
    tcase_add_test(life, init_twice_fails_with_runtime_error);
    tcase_add_test(life, fini_without_init_fails);
    tcase_add_test(life, bad_configurations_are_refused_before_anything_starts);
    tcase_add_test(life, gil_off_is_refused_by_the_gil_build_only);
    tcase_add_test(life, python_gil_environment_variable_is_read_as_the_command_reads_it);
    tcase_add_test(life, unbuffered_and_signal_options_start_a_working_runtime);
    tcase_add_test(life, calls_without_a_runtime_return_errors);
    suite_add_tcase(s, life);

    TCase *run = tcase_create("run");
    tcase_add_test(run, eval_returns_the_value_and_exec_returns_none);
    tcase_add_test(run, code_runs_in_a_dict_or_a_new_module);
    tcase_add_test(run, module_globals_can_be_set_and_read_from_c);
    tcase_add_test(run, imports_find_modules_and_report_missing_ones);
    tcase_add_test(run, bad_run_arguments_raise);
    tcase_add_test(run, sys_exit_arrives_as_a_system_exit_exception);
    tcase_add_test(run, tracebacks_name_the_file_given_to_run_source);
    tcase_add_test(run, files_run_in_a_namespace_with_their_file_name);
    suite_add_tcase(s, run);

    TCase *values = tcase_create("values");
    tcase_add_test(values, int64_round_trips_and_refuses_what_does_not_fit);
    tcase_add_test(values, doubles_round_trip_and_ints_convert);
    tcase_add_test(values, utf8_strings_round_trip_and_invalid_utf8_is_refused);
    tcase_add_test(values, none_bool_and_truth);
    tcase_add_test(values, str_repr_size_and_type_names);
    tcase_add_test(values, lists_grow_and_index_like_python_lists);
    tcase_add_test(values, new_tuples_are_filled_then_frozen);
    tcase_add_test(values, other_sequences_go_through_the_python_protocol);
    tcase_add_test(values, dicts_store_and_find_values_by_key);
    tcase_add_test(values, mappings_other_than_dict_use_their_methods);
    suite_add_tcase(s, values);

    TCase *objects = tcase_create("objects");
    tcase_add_test(objects, attributes_are_read_written_tested_and_deleted);
    tcase_add_test(objects, python_callables_get_positional_and_keyword_arguments);
    tcase_add_test(objects, methods_are_called_by_name);
    tcase_add_test(objects, reference_counts_follow_ownership);
    suite_add_tcase(s, objects);

    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, exceptions_raised_in_c_are_seen_by_python_and_by_c);
    tcase_add_test(errors, formatted_messages_and_subclass_matching);
    tcase_add_test(errors, bad_exception_arguments_raise_system_error);
    tcase_add_test(errors, chained_python_exceptions_are_formatted_in_full);
    tcase_add_test(errors, python_catches_what_c_raised_through_a_callable);
    suite_add_tcase(s, errors);
    return run_suite(s);
}
