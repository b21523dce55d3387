// tests/unit/test_gil_trace.c: GIL observation (gil/gil_observe.c), its
// writers (gil/trace_json.c, trace_svg.c, trace_term.c) and -X trace
// (vm/trace.c).
//
// The writers are fed a scripted run of three threads (no real threads):
//
//   time (ms)   0    10   20   30   40   50   60   70   80   90  100
//   MainThread  R----B------------------------------------------W-R   (blocked in join)
//   Thread-1         W--R----W----R----W----R----x                    (exits at 70)
//   Thread-2           W-----R----W----R----W----R----x               (exits at 80)
//
// Structural checks are done in C; where python3 is installed the JSON
// is also loaded with json.load and the SVG parsed with xml.dom.minidom.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "gil/gil.h"
#include "gil/gil_observe.h"
#include "gil/gil_stats.h"
#include "gil/gil_trace.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/compiler.h"
#include "vm/frame.h"
#include "vm/trace.h"

#define MS(x) ((int64_t)(x) * 1000000)

/* ------------------------------------------------------------------ */
/* The scripted run                                                     */

#define EV(t, k, s) {.time_ns = MS(t), .kind = MPY_GIL_EV_##k, .state = MPY_GIL_##s}

static const MpyGilEvent main_events[] = {
    EV(0, START, RUNNING), EV(5, BLOCK, BLOCKED), EV(95, UNBLOCK, WAITING), EV(97, TAKE, RUNNING),
};
static const MpyGilEvent t1_events[] = {
    EV(8, START, WAITING), EV(10, TAKE, RUNNING), EV(20, DROP, WAITING),
    {.time_ns = MS(22), .kind = MPY_GIL_EV_REQUEST, .state = MPY_GIL_WAITING, .other = 3},
    EV(30, TAKE, RUNNING), EV(40, DROP, WAITING), EV(50, TAKE, RUNNING),
    EV(70, EXIT, EXITED),
};
static const MpyGilEvent t2_events[] = {
    EV(12, START, WAITING), EV(20, TAKE, RUNNING), EV(25, YIELD, RUNNING), EV(30, DROP, WAITING),
    EV(31, FORCED_SWITCH, WAITING), EV(40, TAKE, RUNNING), EV(50, DROP, WAITING),
    EV(70, TAKE, RUNNING), EV(80, EXIT, EXITED),
};

static MpyGilTraceThread scripted_threads[3];

static MpyGilTrace scripted_trace(bool gil_enabled)
{
    scripted_threads[0] = (MpyGilTraceThread){1, "MainThread", 100, main_events, 4, false, 0, 0};
    scripted_threads[1] = (MpyGilTraceThread){2, "Thread-1 (count<&>)", 101, t1_events, 8, false,
                                              MS(8), MS(70)};
    scripted_threads[2] = (MpyGilTraceThread){3, "Thread-2 \"q\"", 102, t2_events, 9, false,
                                              MS(12), MS(80)};
    return (MpyGilTrace){
        .program = "scripted.py", .build = "minipy (GIL build)", .gil_enabled = gil_enabled,
        .switch_interval_ms = 5, .origin_ns = 0, .end_ns = MS(100), .capacity = 64,
        .nthreads = 3, .threads = scripted_threads,
    };
}

/* Write with `writer` into a temporary file; return its contents (malloc'd)
 * and leave its path in `path`. */
typedef int (*Writer)(const MpyGilTrace *, FILE *);

static char *write_to_file(const MpyGilTrace *trace, Writer writer, const char *suffix, char *path)
{
    snprintf(path, 256, "/tmp/test_gil_trace_%d%s", (int)getpid(), suffix);
    FILE *f = fopen(path, "w+");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(writer(trace, f), 0);
    long n = ftell(f);
    rewind(f);
    char *text = calloc(1, (size_t)n + 1);
    ck_assert_int_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return text;
}

static int count(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

static bool have_python3(void)
{
    return system("python3 -c pass >/dev/null 2>&1") == 0;
}

/* Run a python3 check on `path`; returns its exit status. */
static int python_check(const char *code, const char *path)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "python3 -c '%s' '%s'", code, path);
    return system(cmd);
}

/* ------------------------------------------------------------------ */
/* Intervals and buckets                                                */

START_TEST(intervals_follow_state_changes_and_skip_instants)
{
    MpyGilTrace trace = scripted_trace(true);
    MpyGilIntervalIter it;
    MpyGilInterval iv;
    static const struct { int b, e, s; } want[] = {
        {8, 10, MPY_GIL_WAITING}, {10, 20, MPY_GIL_RUNNING}, {20, 30, MPY_GIL_WAITING},
        {30, 40, MPY_GIL_RUNNING}, {40, 50, MPY_GIL_WAITING}, {50, 70, MPY_GIL_RUNNING},
    };
    mpy__gil_intervals_begin(&it, &trace, &trace.threads[1]);
    size_t n = 0;
    while (mpy__gil_intervals_next(&it, &iv)) {
        ck_assert_uint_lt(n, sizeof want / sizeof want[0]);
        ck_assert_int_eq(iv.begin_ns, MS(want[n].b));
        ck_assert_int_eq(iv.end_ns, MS(want[n].e));
        ck_assert_int_eq(iv.state, want[n].s);
        n++;
    }
    ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
}
END_TEST

START_TEST(a_live_thread_runs_to_the_end_of_the_trace)
{
    MpyGilTrace trace = scripted_trace(true);
    MpyGilIntervalIter it;
    MpyGilInterval iv, last = {0};
    mpy__gil_intervals_begin(&it, &trace, &trace.threads[0]);
    while (mpy__gil_intervals_next(&it, &iv))
        last = iv;
    ck_assert_int_eq(last.begin_ns, MS(97));
    ck_assert_int_eq(last.end_ns, MS(100));
    ck_assert_int_eq(last.state, MPY_GIL_RUNNING);
    // A trace cut at 45 ms clips every thread there.
    trace.end_ns = MS(45);
    mpy__gil_intervals_begin(&it, &trace, &trace.threads[1]);
    while (mpy__gil_intervals_next(&it, &iv))
        last = iv;
    ck_assert_int_eq(last.begin_ns, MS(40));
    ck_assert_int_eq(last.end_ns, MS(45));
}
END_TEST

START_TEST(buckets_show_what_a_thread_did_most)
{
    MpyGilTrace trace = scripted_trace(true);
    uint8_t cells[10];
    ck_assert_int_eq(mpy__gil_trace_buckets(&trace, &trace.threads[1], 0, MS(100), 10, cells), 0);
    // 0-10: not alive for 8 of 10 ms; then R W R W R R, then gone.
    static const uint8_t want[10] = {MPY_GIL_EXITED, MPY_GIL_RUNNING, MPY_GIL_WAITING,
                                     MPY_GIL_RUNNING, MPY_GIL_WAITING, MPY_GIL_RUNNING,
                                     MPY_GIL_RUNNING, MPY_GIL_EXITED, MPY_GIL_EXITED,
                                     MPY_GIL_EXITED};
    for (int i = 0; i < 10; i++)
        ck_assert_msg(cells[i] == want[i], "bucket %d: %d, expected %d", i, cells[i], want[i]);
    double share[MPY_GIL_STATE_COUNT];
    mpy__gil_trace_shares(&trace, &trace.threads[1], share);
    ck_assert_double_eq_tol(share[MPY_GIL_RUNNING], 40.0 / 62, 1e-9);
    ck_assert_double_eq_tol(share[MPY_GIL_WAITING], 22.0 / 62, 1e-9);
}
END_TEST

START_TEST(tick_steps_are_round_numbers)
{
    ck_assert_double_eq(mpy__gil_trace_tick_step(100, 10), 10);
    ck_assert_double_eq(mpy__gil_trace_tick_step(812, 10), 100);
    ck_assert_double_eq(mpy__gil_trace_tick_step(812, 5), 200);
    ck_assert_double_eq_tol(mpy__gil_trace_tick_step(0.4, 10), 0.05, 1e-12);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The writers                                                          */

START_TEST(json_has_thread_names_complete_events_and_instants)
{
    MpyGilTrace trace = scripted_trace(true);
    char path[256];
    char *json = write_to_file(&trace, mpy__gil_trace_write_json, ".json", path);
    ck_assert_int_eq(count(json, "\"name\":\"thread_name\""), 3);
    ck_assert_ptr_nonnull(strstr(json, "\"name\":\"Thread-2 \\\"q\\\"\""));
    // Main: R B W R = 4; Thread-1: 6 stretches; Thread-2: W R W R W R = 6.
    ck_assert_int_eq(count(json, "\"ph\":\"X\""), 16);
    ck_assert_int_eq(count(json, "\"name\":\"drop request\""), 1);
    ck_assert_int_eq(count(json, "\"name\":\"drop on request\""), 1);
    ck_assert_int_eq(count(json, "\"name\":\"forced switch\""), 1);
    ck_assert_ptr_nonnull(strstr(json, "\"asks\":\"Thread-2 \\\"q\\\"\""));
    if (have_python3()) {
        // It parses, every lane is named, and no two threads run at once.
        static const char check[] =
            "import json, sys\n"
            "d = json.load(open(sys.argv[1]))\n"
            "ev = d[\"traceEvents\"]\n"
            "names = {e[\"tid\"]: e[\"args\"][\"name\"] for e in ev if e[\"name\"] == \"thread_name\"}\n"
            "assert sorted(names) == [1, 2, 3], names\n"
            "run = sorted((e[\"ts\"], e[\"ts\"] + e[\"dur\"]) for e in ev\n"
            "             if e[\"ph\"] == \"X\" and e[\"name\"] == \"running\")\n"
            "assert all(a[1] <= b[0] for a, b in zip(run, run[1:])), run\n"
            "x2 = [e for e in ev if e[\"ph\"] == \"X\" and e[\"tid\"] == 2]\n"
            "assert abs(sum(e[\"dur\"] for e in x2) - 62000) < 1e-6\n"
            "assert d[\"otherData\"][\"switch_interval_ms\"] == 5\n";
        ck_assert_int_eq(python_check(check, path), 0);
    }
    unlink(path);
    free(json);
}
END_TEST

static int write_svg(const MpyGilTrace *trace, FILE *f)
{
    return mpy__gil_trace_write_svg(trace, f, false);
}

START_TEST(svg_is_well_formed_with_one_lane_per_thread)
{
    MpyGilTrace trace = scripted_trace(true);
    char path[256];
    char *svg = write_to_file(&trace, write_svg, ".svg", path);
    ck_assert_int_eq(count(svg, "<g class=\"lane\""), 3);
    ck_assert_ptr_nonnull(strstr(svg, "Thread-1 (count&lt;&amp;&gt;)"));
    ck_assert_ptr_nonnull(strstr(svg, "scripted.py"));
    ck_assert_ptr_nonnull(strstr(svg, "switch interval 5 ms"));
    ck_assert_ptr_nonnull(strstr(svg, "waiting for the GIL"));
    if (have_python3()) {
        static const char check[] =
            "import sys, xml.dom.minidom as m\n"
            "d = m.parse(sys.argv[1])\n"
            "lanes = [g for g in d.getElementsByTagName(\"g\") if g.getAttribute(\"class\") == \"lane\"]\n"
            "assert len(lanes) == 3, len(lanes)\n"
            "assert d.documentElement.tagName == \"svg\"\n";
        ck_assert_int_eq(python_check(check, path), 0);
    }
    unlink(path);
    free(svg);
}
END_TEST

START_TEST(svg_without_a_gil_has_no_waiting_colour_in_its_legend)
{
    MpyGilTrace trace = scripted_trace(false);
    char path[256];
    char *svg = write_to_file(&trace, write_svg, ".svg", path);
    ck_assert_ptr_null(strstr(svg, "waiting for the GIL"));
    ck_assert_ptr_nonnull(strstr(svg, "No GIL"));
    unlink(path);
    free(svg);
}
END_TEST

static int write_text_80(const MpyGilTrace *trace, FILE *f)
{
    return mpy__gil_trace_write_text(trace, f, 80, false);
}

START_TEST(text_timeline_has_a_row_per_thread_an_axis_and_a_legend)
{
    MpyGilTrace trace = scripted_trace(true);
    char path[256];
    char *text = write_to_file(&trace, write_text_80, ".txt", path);
    ck_assert_ptr_nonnull(strstr(text, "GIL timeline: scripted.py, minipy (GIL build)"));
    ck_assert_int_eq(count(text, "\nMainThread "), 1);
    ck_assert_int_eq(count(text, "\nThread-1 (count<&>) |"), 1);
    ck_assert_int_eq(count(text, "\nThread-2 \"q\" "), 1);
    ck_assert_ptr_nonnull(strstr(text, "|0 "));
    ck_assert_ptr_nonnull(strstr(text, " ms\n"));
    ck_assert_ptr_nonnull(strstr(text, "\u2588 running Python code"));
    ck_assert_ptr_nonnull(strstr(text, "\u2591 waiting for the GIL"));
    ck_assert_ptr_nonnull(strstr(text, "run  65%  wait  35%  blocked   0%"));
    // Every line fits the width (the glyphs are 3 bytes wide in UTF-8).
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        size_t bytes = end ? (size_t)(end - line) : strlen(line), chars = 0;
        for (size_t i = 0; i < bytes; i++)
            chars += ((unsigned char)line[i] & 0xC0) != 0x80;
        ck_assert_msg(chars <= 80 || strstr(line, "running Python code"), "too wide: %.*s",
                      (int)bytes, line);
        line = end ? end + 1 : line + bytes;
    }
    unlink(path);
    free(text);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The records of a real interpreter                                    */

static char trace_path[256];

static void setup_observed(void)
{
    snprintf(trace_path, sizeof trace_path, "/tmp/test_gil_trace_%d_run.json", (int)getpid());
    char option[300];
    snprintf(option, sizeof option, "giltrace=%s", trace_path);
    const char *xopts[] = {"gilstats", option};
    ck_assert_int_eq(mpy__gil_observe_configure(xopts, 2, true, "unit.py"), 0);
    mpy_initialize();
}

static void teardown_observed(void)
{
    mpy__gil_observe_reset();
    unlink(trace_path);
}

START_TEST(events_drive_the_state_machine_and_the_buffer)
{
    MpyThreadState *ts = mpy__tstate_get();
    MpyGilObserver *obs = ts->gil_observer;
    ck_assert_ptr_nonnull(obs);
    ck_assert(obs->is_main);
    ck_assert_str_eq(obs->name, "MainThread");
    ck_assert_int_eq(atomic_load(&obs->state), MPY_GIL_RUNNING);
    uint64_t takes = atomic_load(&obs->acquisitions);
    uint32_t before = atomic_load(&obs->count);

    // A blocking call: block, (drop), unblock, take.
    mpy__gil_observe_event(ts, MPY_GIL_EV_BLOCK, NULL);
    ck_assert_int_eq(atomic_load(&obs->state), MPY_GIL_BLOCKED);
    mpy__gil_observe_event(ts, MPY_GIL_EV_DROP, NULL); /* stays blocked */
    ck_assert_int_eq(atomic_load(&obs->state), MPY_GIL_BLOCKED);
    usleep(2000);
    mpy__gil_observe_event(ts, MPY_GIL_EV_UNBLOCK, NULL);
    ck_assert_int_eq(atomic_load(&obs->state), MPY_GIL_WAITING);
    mpy__gil_observe_event(ts, MPY_GIL_EV_TAKE, NULL);
    ck_assert_int_eq(atomic_load(&obs->state), MPY_GIL_RUNNING);
    ck_assert_uint_eq(atomic_load(&obs->acquisitions), takes + 1);
    // Instants count but do not change the state.
    mpy__gil_observe_event(ts, MPY_GIL_EV_REQUEST, NULL);
    mpy__gil_observe_event(ts, MPY_GIL_EV_YIELD, NULL);
    mpy__gil_observe_event(ts, MPY_GIL_EV_FORCED_SWITCH, NULL);
    ck_assert_uint_eq(atomic_load(&obs->requests_made), 1);
    ck_assert_uint_eq(atomic_load(&obs->requests_received), 1);
    ck_assert_uint_eq(atomic_load(&obs->forced_switches), 1);
    // BLOCK, UNBLOCK, TAKE and three instants were recorded; DROP was not.
    ck_assert_uint_eq(atomic_load(&obs->count), before + 6);

    int64_t now = mpy__gil_observe_now();
    int64_t sum = mpy__gil_observe_time_in(obs, MPY_GIL_RUNNING, now) +
                  mpy__gil_observe_time_in(obs, MPY_GIL_WAITING, now) +
                  mpy__gil_observe_time_in(obs, MPY_GIL_BLOCKED, now);
    ck_assert_int_eq(sum, mpy__gil_observe_lifetime(obs, now));
    ck_assert_int_ge(mpy__gil_observe_time_in(obs, MPY_GIL_BLOCKED, now), 2000000);
}
END_TEST

START_TEST(a_full_buffer_keeps_the_first_events_and_says_so)
{
    MpyThreadState *ts = mpy__tstate_get();
    MpyGilObserver *obs = ts->gil_observer;
    for (int i = 0; i < MPY_GIL_TRACE_CAPACITY + 10; i++)
        mpy__gil_observe_event(ts, i % 2 ? MPY_GIL_EV_BLOCK : MPY_GIL_EV_UNBLOCK, NULL);
    ck_assert_uint_eq(atomic_load(&obs->count), MPY_GIL_TRACE_CAPACITY);
    ck_assert(atomic_load(&obs->truncated));
    ck_assert_int_eq(obs->events[0].kind, MPY_GIL_EV_START);
}
END_TEST

START_TEST(gil_stats_lists_one_dict_per_thread)
{
    MpyObject *list = mpy__gil_stats_as_list();
    ck_assert_ptr_nonnull(list);
    ck_assert_int_eq(mpy_list_size(list), 1);
    MpyObject *main = mpy_list_get(list, 0);
    MpyObject *name = mpy_dict_get_cstr(main, "name");
    ck_assert_str_eq(mpy_str_utf8(name), "MainThread");
    MpyObject *alive = mpy_dict_get_cstr(main, "alive");
    ck_assert_ptr_eq(alive, MPY_TRUE);
    static const char *const keys[] = {"ident", "native_id", "running", "waiting", "blocked",
                                       "lifetime", "acquisitions", "drop_requests_made",
                                       "drop_requests_received", "forced_switches"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        MpyObject *v = mpy_dict_get_cstr(main, keys[i]);
        ck_assert_msg(v != NULL, "missing %s", keys[i]);
        MPY_DECREF(v);
    }
    MPY_DECREF(alive);
    MPY_DECREF(name);
    MPY_DECREF(main);
    MPY_DECREF(list);
}
END_TEST

START_TEST(the_report_prints_the_table_and_writes_the_trace)
{
    fflush(stderr);
    char err_path[256];
    snprintf(err_path, sizeof err_path, "/tmp/test_gil_trace_%d_err.txt", (int)getpid());
    ck_assert_ptr_nonnull(freopen(err_path, "w", stderr));
    mpy_finalize(); /* runs the report */
    fflush(stderr);
    FILE *f = fopen(err_path, "r");
    char buf[8192] = {0};
    ck_assert_uint_gt(fread(buf, 1, sizeof buf - 1, f), 0);
    fclose(f);
    unlink(err_path);
    ck_assert_ptr_nonnull(strstr(buf, "GIL statistics: unit.py, minipy"));
    ck_assert_ptr_nonnull(strstr(buf, "\nMainThread "));
    ck_assert_ptr_nonnull(strstr(buf, "\ntotal "));
    ck_assert_ptr_nonnull(strstr(buf, "GIL trace written to"));
    f = fopen(trace_path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_gt(fread(buf, 1, sizeof buf - 1, f), 0);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "\"traceEvents\""));
}
END_TEST

/* ------------------------------------------------------------------ */
/* -X trace                                                             */

START_TEST(trace_instruction_shows_thread_code_line_and_argument)
{
    const char src[] = "x = 1\ny = x\n";
    MpyObject *filename = mpy_str_from_cstr("t.py");
    MpyObject *code = mpy_compile_source(src, strlen(src), filename, MPY_PARSE_FILE, NULL);
    ck_assert_ptr_nonnull(code);
    MpyCodeObject *co = (MpyCodeObject *)code;
    MpyFrame frame = {.code = co};
    char err_path[256];
    snprintf(err_path, sizeof err_path, "/tmp/test_gil_trace_%d_instr.txt", (int)getpid());
    fflush(stderr);
    ck_assert_ptr_nonnull(freopen(err_path, "w", stderr));
    for (ptrdiff_t k = 0; k < co->ninstrs; k++)
        mpy__trace_instruction(&frame, co->instrs + k);
    fflush(stderr);
    FILE *f = fopen(err_path, "r");
    char buf[8192] = {0};
    ck_assert_uint_gt(fread(buf, 1, sizeof buf - 1, f), 0);
    fclose(f);
    unlink(err_path);
    ck_assert_int_eq(count(buf, "\n"), (int)co->ninstrs);
    ck_assert_ptr_nonnull(strstr(buf, "<module>:1"));
    ck_assert_ptr_nonnull(strstr(buf, "<module>:2"));
    ck_assert_ptr_nonnull(strstr(buf, "LOAD_CONST"));
    ck_assert_ptr_nonnull(strstr(buf, "(1)"));
    ck_assert_ptr_nonnull(strstr(buf, "STORE_NAME"));
    ck_assert_ptr_nonnull(strstr(buf, "(x)"));
    ck_assert_ptr_null(mpy_err_occurred());
    MPY_DECREF(code);
    MPY_DECREF(filename);
}
END_TEST

START_TEST(trace_instruction_keeps_a_pending_exception)
{
    const char src[] = "pass\n";
    MpyObject *filename = mpy_str_from_cstr("p.py");
    MpyObject *code = mpy_compile_source(src, strlen(src), filename, MPY_PARSE_FILE, NULL);
    MPY_DECREF(filename);
    ck_assert_ptr_nonnull(code);
    MpyFrame frame = {.code = (MpyCodeObject *)code};
    mpy_err_set(mpy_exc_ValueError, "still here");
    ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
    mpy__trace_instruction(&frame, frame.code->instrs);
    ck_assert(mpy_err_matches(mpy_exc_ValueError));
    mpy_err_clear();
    MPY_DECREF(code);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Options                                                              */

static int configure1(const char *xopt)
{
    const char *xopts[] = {xopt};
    ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
    int rc = mpy__gil_observe_configure(xopts, 1, true, "p.py");
    mpy__gil_observe_reset();
    return rc;
}

START_TEST(bad_options_are_fatal_errors)
{
    ck_assert_int_eq(configure1("giltrace="), 1);
    ck_assert_int_eq(configure1("giltrace=/nonexistent/dir/t.svg"), 1);
    ck_assert_int_eq(configure1("giltrace=/tmp/t.png"), 1);
    ck_assert_int_eq(configure1("gilstats=yes"), 1);
    ck_assert_int_eq(configure1("trace=2"), 1);
    ck_assert_int_eq(configure1("gilstats=0"), 0);
    ck_assert_int_eq(configure1("tracemalloc"), 0); /* not ours */
    ck_assert_int_eq(configure1("giltrace"), 0);    /* bare: the timeline on stderr */
}
END_TEST

START_TEST(options_set_the_configuration)
{
    const char *xopts[] = {"gilstats", "trace", "giltrace=-"};
    ck_assert_int_eq(mpy__gil_observe_configure(xopts, 3, true, "p.py"), 0);
    ck_assert(mpy__gil_observe_config.stats);
    ck_assert(mpy__gil_observe_config.trace);
    ck_assert(mpy__gil_observe_config.instructions);
    ck_assert(mpy__trace_instructions);
    ck_assert_str_eq(mpy__gil_observe_config.trace_path, "-");
    mpy__gil_observe_reset();
    ck_assert(!mpy__trace_instructions);
    setenv("MINIPY_GILSTATS", "1", 1);
    ck_assert_int_eq(mpy__gil_observe_configure(NULL, 0, true, "p.py"), 0);
    ck_assert(!mpy__gil_observe_config.stats); /* -E ignores it */
    ck_assert_int_eq(mpy__gil_observe_configure(NULL, 0, false, "p.py"), 0);
    ck_assert(mpy__gil_observe_config.stats);
    mpy__gil_observe_reset();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gil_trace");
    TCase *model = tcase_create("model");
    tcase_add_test(model, intervals_follow_state_changes_and_skip_instants);
    tcase_add_test(model, a_live_thread_runs_to_the_end_of_the_trace);
    tcase_add_test(model, buckets_show_what_a_thread_did_most);
    tcase_add_test(model, tick_steps_are_round_numbers);
    tcase_add_test(model, bad_options_are_fatal_errors);
    tcase_add_test(model, options_set_the_configuration);
    suite_add_tcase(s, model);

    TCase *writers = tcase_create("writers");
    tcase_add_test(writers, json_has_thread_names_complete_events_and_instants);
    tcase_add_test(writers, svg_is_well_formed_with_one_lane_per_thread);
    tcase_add_test(writers, svg_without_a_gil_has_no_waiting_colour_in_its_legend);
    tcase_add_test(writers, text_timeline_has_a_row_per_thread_an_axis_and_a_legend);
    suite_add_tcase(s, writers);

    TCase *records = tcase_create("records");
    tcase_add_checked_fixture(records, setup_observed, teardown_observed);
    tcase_add_test(records, events_drive_the_state_machine_and_the_buffer);
    tcase_add_test(records, a_full_buffer_keeps_the_first_events_and_says_so);
    tcase_add_test(records, gil_stats_lists_one_dict_per_thread);
    tcase_add_test(records, the_report_prints_the_table_and_writes_the_trace);
    tcase_add_test(records, trace_instruction_shows_thread_code_line_and_argument);
    tcase_add_test(records, trace_instruction_keeps_a_pending_exception);
    suite_add_tcase(s, records);

    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
