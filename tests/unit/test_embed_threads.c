// tests/unit/test_embed_threads.c: host threads calling into Python
// (mpy_gil_ensure / mpy_gil_release), C code releasing the GIL
// (MPY_BEGIN/END_ALLOW_THREADS, mpy_gil_save / mpy_gil_restore), on both
// builds.
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "include/minipy.h"
#include "tests/unit/embed_test_util.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* napper.nap(ms): sleep with the GIL released. */
static MpyObject *napper_nap(MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    int64_t ms;
    if (mpy_int_to_int64(args[0], &ms) < 0)
        return NULL;
    MPY_BEGIN_ALLOW_THREADS
    usleep((useconds_t)ms * 1000);
    MPY_END_ALLOW_THREADS
    return mpy_none();
}

static const MpyHostFunction napper_functions[] = {
    {"nap", napper_nap, MPY_ARGS_ONE, NULL},
    {NULL},
};
static const MpyHostModule napper_module = {
    .name = "napper", .functions = napper_functions, .gil_not_used = 1};

static void setup_with_napper(void)
{
    static bool registered;  // the registration outlives each runtime
    api_setup();
    if (!registered)
        ck_assert_int_eq(mpy_module_register(&napper_module), 0);
    registered = true;
    exec_ok("import napper\nresults = []\n"
            "def work(k):\n"
            "    napper.nap(150)\n"
            "    results.append((k, sum(range(1000 * k))))\n");
}

/* ------------------------------------------------------------------ */
/* Host threads                                                         */

typedef struct Worker {
    pthread_t thread;
    int k;
    MpyGilState first_state;
    int held_inside, held_after;
    int ok;
} Worker;

static void *worker_main(void *arg)
{
    Worker *w = arg;
    w->first_state = mpy_gil_ensure();
    w->held_inside = mpy_gil_is_held();
    MpyObject *work = mpy_module_get_global(NULL, "work");
    MpyObject *k = mpy_int_create(w->k);
    MpyObject *r = mpy_call(work, &k, 1);
    w->ok = r != NULL;
    if (r == NULL)
        mpy_err_report();
    MPY_XDECREF(r);
    MPY_DECREF(k);
    MPY_DECREF(work);
    mpy_gil_release(w->first_state);
    w->held_after = mpy_gil_is_held();
    return NULL;
}

START_TEST(four_host_threads_call_python_and_sleep_in_parallel)
{
    setup_with_napper();
    Worker workers[4];
    MpyThreadState *saved = mpy_gil_save();  // let the workers in
    ck_assert_ptr_nonnull(saved);
    ck_assert(!mpy_gil_is_held());
    double start = now_ms();
    for (int i = 0; i < 4; i++) {
        workers[i] = (Worker){.k = i + 1};
        ck_assert_int_eq(pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]), 0);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(workers[i].thread, NULL);
    double elapsed = now_ms() - start;
    mpy_gil_restore(saved);
    ck_assert(mpy_gil_is_held());
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(workers[i].first_state, MPY_GIL_STATE_RELEASED);
        ck_assert(workers[i].held_inside);
        ck_assert(!workers[i].held_after);
        ck_assert(workers[i].ok);
    }
    ck_assert(eval_true("sorted(results) == [(k, sum(range(1000 * k))) for k in (1, 2, 3, 4)]"));
    // Four 150 ms naps with the GIL released overlap: one after the other
    // they would take 600 ms at least.
    ck_assert_msg(elapsed < 500, "the naps did not overlap: %.0f ms", elapsed);
    api_teardown();
}
END_TEST

static void *nesting_main(void *arg)
{
    int *ok = arg;
    MpyGilState outer = mpy_gil_ensure();
    MpyGilState inner = mpy_gil_ensure();
    *ok = outer == MPY_GIL_STATE_RELEASED && inner == MPY_GIL_STATE_HELD;
    exec_ok("nested = 'yes'");
    mpy_gil_release(inner);
    *ok = *ok && mpy_gil_is_held();
    MpyThreadState *ts = mpy_gil_save();  // a host thread may also release around blocking work
    *ok = *ok && ts != NULL && !mpy_gil_is_held();
    usleep(1000);
    mpy_gil_restore(ts);
    *ok = *ok && mpy_gil_is_held();
    mpy_gil_release(outer);
    *ok = *ok && !mpy_gil_is_held();
    return NULL;
}

START_TEST(ensure_nests_and_release_restores_the_previous_state)
{
    api_setup();
    MpyGilState main_state = mpy_gil_ensure();  // the main thread is attached already
    ck_assert_int_eq(main_state, MPY_GIL_STATE_HELD);
    mpy_gil_release(main_state);
    ck_assert(mpy_gil_is_held());
    int ok = 0;
    pthread_t t;
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&t, NULL, nesting_main, &ok);
    pthread_join(t, NULL);
    mpy_gil_restore(saved);
    ck_assert(ok);
    ck_assert(eval_true("nested == 'yes'"));
    api_teardown();
}
END_TEST

static void *repeat_main(void *arg)
{
    for (int i = 0; i < 200; i++) {
        MpyGilState g = mpy_gil_ensure();  // a new thread state each time
        // The lock makes += exact on the free-threaded build too (where
        // two threads really run at once, as on python3.13t).
        exec_ok("with counter_lock:\n    counter += 1\n");
        mpy_gil_release(g);
    }
    return NULL;
}

START_TEST(a_thread_attaches_and_detaches_many_times)
{
    api_setup();
    exec_ok("import _thread\ncounter = 0\ncounter_lock = _thread.allocate_lock()\n");
    pthread_t t[2];
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&t[0], NULL, repeat_main, NULL);
    pthread_create(&t[1], NULL, repeat_main, NULL);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    mpy_gil_restore(saved);
    ck_assert_int_eq(eval_int("counter"), 400);
    api_teardown();
}
END_TEST

static void *dummy_thread_main(void *arg)
{
    MpyGilState g = mpy_gil_ensure();
    exec_ok("import threading, _thread\n"
            "host_ident = _thread.get_ident()\n"
            "host_name = threading.current_thread().name\n");
    mpy_gil_release(g);
    return NULL;
}

START_TEST(python_and_host_threads_run_side_by_side)
{
    setup_with_napper();
    // Python threads doing napper.nap(150) while a host thread asks who it is.
    exec_ok("import threading\n"
            "ts = [threading.Thread(target=work, args=(k,)) for k in (5, 6)]\n"
            "for t in ts: t.start()\n");
    pthread_t host;
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&host, NULL, dummy_thread_main, NULL);
    pthread_join(host, NULL);
    mpy_gil_restore(saved);
    exec_ok("for t in ts: t.join()\n");
    ck_assert(eval_true("sorted(k for k, _ in results) == [5, 6]"));
    ck_assert(eval_true("host_ident != threading.main_thread().ident"));
    ck_assert(eval_true("host_name.startswith('Dummy-')"));
    api_teardown();
}
END_TEST

static void *error_main(void *arg)
{
    MpyGilState g = mpy_gil_ensure();
    mpy_err_set_string(mpy_exc_ValueError, "left behind");  // dies with the thread state
    *(int *)arg = mpy_err_check(mpy_exc_ValueError);
    mpy_gil_release(g);
    return NULL;
}

START_TEST(each_thread_has_its_own_pending_exception)
{
    api_setup();
    mpy_err_set_string(mpy_exc_KeyError, "main's");
    int seen = 0;
    pthread_t t;
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&t, NULL, error_main, &seen);
    pthread_join(t, NULL);
    mpy_gil_restore(saved);
    ck_assert(seen);
    expect_error(mpy_exc_KeyError, "main's");
    api_teardown();
}
END_TEST

static void *unattached_main(void *arg)
{
    int *ok = arg;
    *ok = mpy_int_create(1) == NULL && !mpy_gil_is_held() && mpy_gil_save() == NULL &&
          mpy_run_string("1", MPY_MODE_EVAL, NULL) == NULL;
    mpy_gil_release(MPY_GIL_STATE_RELEASED);  // no matching ensure: a message, nothing else
    mpy_gil_restore(NULL);
    return NULL;
}

START_TEST(calls_from_an_unattached_thread_fail_cleanly)
{
    api_setup();
    int ok = 0;
    pthread_t t;
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&t, NULL, unattached_main, &ok);
    pthread_join(t, NULL);
    mpy_gil_restore(saved);
    ck_assert(ok);
    mpy_gil_restore(saved);  // already attached: refused, no deadlock
    ck_assert(mpy_gil_is_held());
    mpy_gil_release(MPY_GIL_STATE_RELEASED);  // no ensure on this thread: refused
    ck_assert(mpy_gil_is_held());
    api_teardown();
}
END_TEST

START_TEST(host_threads_work_in_every_init_fini_cycle)
{
    for (int round = 0; round < 3; round++) {
        setup_with_napper();
        Worker w = {.k = 2};
        MpyThreadState *saved = mpy_gil_save();
        pthread_create(&w.thread, NULL, worker_main, &w);
        pthread_join(w.thread, NULL);
        mpy_gil_restore(saved);
        ck_assert(w.ok);
        ck_assert(eval_true("results == [(2, sum(range(2000)))]"));
        api_teardown();
    }
}
END_TEST

static void *fini_main(void *arg)
{
    MpyGilState g = mpy_gil_ensure();
    *(int *)arg = mpy_runtime_fini();
    mpy_gil_release(g);
    return NULL;
}

START_TEST(fini_from_another_thread_is_refused)
{
    api_setup();
    int result = 0;
    pthread_t t;
    MpyThreadState *saved = mpy_gil_save();
    pthread_create(&t, NULL, fini_main, &result);
    pthread_join(t, NULL);
    mpy_gil_restore(saved);
    ck_assert_int_eq(result, -1);
    ck_assert(mpy_runtime_is_initialized());
    api_teardown();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("embed_threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, four_host_threads_call_python_and_sleep_in_parallel);
    tcase_add_test(tc, ensure_nests_and_release_restores_the_previous_state);
    tcase_add_test(tc, a_thread_attaches_and_detaches_many_times);
    tcase_add_test(tc, python_and_host_threads_run_side_by_side);
    tcase_add_test(tc, each_thread_has_its_own_pending_exception);
    tcase_add_test(tc, calls_from_an_unattached_thread_fail_cleanly);
    tcase_add_test(tc, host_threads_work_in_every_init_fini_cycle);
    tcase_add_test(tc, fini_from_another_thread_is_refused);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
