/* gil/gil_trace.c: -X giltrace=FILE: choosing the output, gathering the
 * per-thread event buffers into one trace at exit, and the helpers every
 * writer shares (intervals, buckets, shares, labels).
 *
 * See gil/gil_trace.h for the model.  The file is opened at startup, so a
 * path that cannot be written fails before the program runs (with the
 * same "Fatal Python error: ..." shape as CPython's bad -X values), and
 * written once, at exit.
 */
#include "gil/gil_trace.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gil/gil.h"
#include "gil/gil_stats.h"

typedef enum Format { FORMAT_JSON, FORMAT_SVG, FORMAT_HTML, FORMAT_TEXT } Format;

/* Where the trace goes: -X giltrace may be given several times, so one
 * run can give a picture and a terminal timeline of the same events. */
enum { MAX_OUTPUTS = 4 };
typedef struct Output {
    FILE *file;               /* stderr for "-", else the opened file */
    Format format;
    char path[4096];
} Output;
static Output outputs[MAX_OUTPUTS];
static int noutputs;

/* ------------------------------------------------------------------ */
/* Intervals, buckets, shares                                           */

void mpy__gil_intervals_begin(MpyGilIntervalIter *it, const MpyGilTrace *trace,
                              const MpyGilTraceThread *thread)
{
    it->trace = trace;
    it->thread = thread;
    it->next = 1;
    it->begin_ns = thread->start_ns;
    it->state = thread->count > 0 ? thread->events[0].state : MPY_GIL_EXITED;
}

bool mpy__gil_intervals_next(MpyGilIntervalIter *it, MpyGilInterval *out)
{
    const MpyGilTraceThread *th = it->thread;
    int64_t stop = it->trace->end_ns;
    if (th->end_ns != 0 && th->end_ns < stop)
        stop = th->end_ns;
    while (it->state != MPY_GIL_EXITED && it->begin_ns < stop) {
        // Instants keep the state: skip to the next real change.
        while (it->next < th->count && th->events[it->next].state == it->state)
            it->next++;
        int64_t end = stop;
        int state = MPY_GIL_EXITED;
        if (it->next < th->count && th->events[it->next].time_ns < stop) {
            end = th->events[it->next].time_ns;
            state = th->events[it->next].state;
            it->next++;
        }
        *out = (MpyGilInterval){it->begin_ns, end, (MpyGilState)it->state};
        it->begin_ns = end;
        it->state = state;
        if (out->end_ns > out->begin_ns)
            return true;
    }
    return false;
}

int mpy__gil_trace_buckets(const MpyGilTrace *trace, const MpyGilTraceThread *thread, int64_t t0,
                           int64_t t1, int n, uint8_t *states)
{
    if (n <= 0 || t1 <= t0)
        return 0;
    double(*acc)[MPY_GIL_STATE_COUNT] = calloc((size_t)n, sizeof *acc);
    if (acc == NULL)
        return -1;
    double width = (double)(t1 - t0) / n;
    MpyGilIntervalIter it;
    MpyGilInterval iv;
    mpy__gil_intervals_begin(&it, trace, thread);
    while (mpy__gil_intervals_next(&it, &iv)) {
        double b = (double)(iv.begin_ns - t0) / width, e = (double)(iv.end_ns - t0) / width;
        if (e <= 0 || b >= n)
            continue;
        if (b < 0)
            b = 0;
        if (e > n)
            e = n;
        for (int i = (int)b; i < n && i < e; i++) {
            double lo = b > i ? b : i, hi = e < i + 1 ? e : i + 1;
            acc[i][iv.state] += hi - lo;
        }
    }
    for (int i = 0; i < n; i++) {
        double best = 1.0 - (acc[i][0] + acc[i][1] + acc[i][2]); /* not alive */
        states[i] = MPY_GIL_EXITED;
        for (int s = 0; s < MPY_GIL_STATE_COUNT; s++) {
            if (acc[i][s] > best) {
                best = acc[i][s];
                states[i] = (uint8_t)s;
            }
        }
    }
    free(acc);
    return 0;
}

void mpy__gil_trace_shares(const MpyGilTrace *trace, const MpyGilTraceThread *thread,
                           double shares[MPY_GIL_STATE_COUNT])
{
    double total = 0;
    for (int s = 0; s < MPY_GIL_STATE_COUNT; s++)
        shares[s] = 0;
    MpyGilIntervalIter it;
    MpyGilInterval iv;
    mpy__gil_intervals_begin(&it, trace, thread);
    while (mpy__gil_intervals_next(&it, &iv)) {
        shares[iv.state] += (double)(iv.end_ns - iv.begin_ns);
        total += (double)(iv.end_ns - iv.begin_ns);
    }
    for (int s = 0; s < MPY_GIL_STATE_COUNT && total > 0; s++)
        shares[s] /= total;
}

double mpy__gil_trace_tick_step(double span_ms, int max_ticks)
{
    if (max_ticks < 1)
        max_ticks = 1;
    double step = 1e-3;
    static const double mult[] = {1, 2, 5};
    for (;;) {
        for (int i = 0; i < 3; i++) {
            if (span_ms / (step * mult[i]) <= max_ticks)
                return step * mult[i];
        }
        step *= 10;
    }
}

const char *mpy__gil_state_label(const MpyGilTrace *trace, MpyGilState state)
{
    switch (state) {
    case MPY_GIL_RUNNING: return trace->gil_enabled ? "running Python code (holds the GIL)"
                                                    : "running Python code (no GIL)";
    case MPY_GIL_WAITING: return "waiting for the GIL";
    case MPY_GIL_BLOCKED: return trace->gil_enabled ? "blocked, GIL released (sleep, join, lock, I/O)"
                                                    : "blocked (sleep, join, lock, I/O)";
    default: return "not running";
    }
}

/* ------------------------------------------------------------------ */
/* The file                                                             */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcasecmp(s + n - m, suffix) == 0;
}

int mpy__gil_trace_open(const char *path, char *err, size_t errsize)
{
    Format format;
    if (strcmp(path, "-") == 0 || ends_with(path, ".txt"))
        format = FORMAT_TEXT;
    else if (ends_with(path, ".json"))
        format = FORMAT_JSON;
    else if (ends_with(path, ".svg"))
        format = FORMAT_SVG;
    else if (ends_with(path, ".html") || ends_with(path, ".htm"))
        format = FORMAT_HTML;
    else {
        snprintf(err, errsize,
                 "-X giltrace=%s: the file name must end in .json (for Perfetto), .svg or .html "
                 "(a picture) or .txt (text), or be - (a timeline on stderr)", path);
        return -1;
    }
    if (noutputs == MAX_OUTPUTS) {
        snprintf(err, errsize, "-X giltrace: at most %d outputs", MAX_OUTPUTS);
        return -1;
    }
    FILE *f = strcmp(path, "-") == 0 ? stderr : fopen(path, "w");
    if (f == NULL) {
        snprintf(err, errsize, "-X giltrace: cannot write '%s': %s", path, strerror(errno));
        return -1;
    }
    Output *o = &outputs[noutputs++];
    o->file = f;
    o->format = format;
    snprintf(o->path, sizeof o->path, "%s", path);
    return 0;
}

void mpy__gil_trace_close(void)
{
    for (int i = 0; i < noutputs; i++) {
        if (outputs[i].file != stderr)
            fclose(outputs[i].file);
    }
    noutputs = 0;
}

/* Characters per line of the terminal on stderr, else $COLUMNS, else 100. */
static int text_width(bool terminal)
{
    struct winsize ws;
    if (terminal && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    const char *columns = getenv("COLUMNS");
    int w = columns != NULL ? atoi(columns) : 0;
    return w >= 40 ? w : 100;
}

/* Fill `trace` from the records (their events stay where they are). */
static int gather(MpyGilTrace *trace, char *build, size_t buildsize)
{
    *trace = (MpyGilTrace){
        .program = mpy__gil_observe_config.program,
        .build = mpy__gil_stats_build_label(build, buildsize),
        .gil_enabled = mpy__gil_enabled(),
        .switch_interval_ms = mpy__gil_get_interval() * 1e3,
        .origin_ns = mpy__gil_observe_origin(),
        .end_ns = mpy__gil_observe_now(),
        .capacity = MPY_GIL_TRACE_CAPACITY,
    };
    MpyGilObserver *records = mpy__gil_observe_lock_records();
    int n = 0;
    for (MpyGilObserver *o = records; o != NULL; o = o->next)
        n++;
    trace->threads = calloc(n ? (size_t)n : 1, sizeof *trace->threads);
    if (trace->threads == NULL) {
        mpy__gil_observe_unlock_records();
        return -1;
    }
    for (MpyGilObserver *o = records; o != NULL; o = o->next) {
        MpyGilTraceThread *th = &trace->threads[trace->nthreads++];
        // Acquire: pairs with the owner's release when it appended.
        uint32_t count = atomic_load_explicit(&o->count, memory_order_acquire);
        *th = (MpyGilTraceThread){
            // The records (and their names) live until mpy__gil_observe_reset.
            .id = o->id, .name = o->name, .native_id = o->native_id,
            .events = o->events, .count = count,
            .truncated = atomic_load(&o->truncated),
            .start_ns = atomic_load(&o->start_ns), .end_ns = atomic_load(&o->end_ns),
        };
        // Keep only the part every thread recorded: cut where a buffer filled.
        if (th->truncated && th->count > 0 && th->events[th->count - 1].time_ns < trace->end_ns) {
            trace->end_ns = th->events[th->count - 1].time_ns;
            trace->truncated = true;
        }
        if (th->truncated)
            trace->truncated = true;
    }
    mpy__gil_observe_unlock_records();
    return 0;
}

static void release(MpyGilTrace *trace)
{
    free(trace->threads);
}

/* Write `trace` to one output and close it.  Returns 0 / -1. */
static int write_output(const MpyGilTrace *trace, Output *o)
{
    int rc = -1;
    switch (o->format) {
    case FORMAT_JSON: rc = mpy__gil_trace_write_json(trace, o->file); break;
    case FORMAT_SVG: rc = mpy__gil_trace_write_svg(trace, o->file, false); break;
    case FORMAT_HTML: rc = mpy__gil_trace_write_svg(trace, o->file, true); break;
    case FORMAT_TEXT: {
        bool terminal = o->file == stderr && isatty(STDERR_FILENO);
        bool color = terminal && getenv("NO_COLOR") == NULL;
        rc = mpy__gil_trace_write_text(trace, o->file, text_width(terminal), color);
        break;
    }
    }
    if (o->file != stderr && fclose(o->file) != 0)
        rc = -1;
    else if (o->file == stderr)
        fflush(stderr);
    return rc;
}

void mpy__gil_trace_write(void)
{
    if (noutputs == 0)
        return;
    MpyGilTrace trace;
    char build[128];
    bool gathered = gather(&trace, build, sizeof build) == 0;
    for (int i = 0; i < noutputs; i++) {
        Output *o = &outputs[i];
        int rc = gathered ? write_output(&trace, o) : -1;
        if (rc < 0)
            fprintf(stderr, "minipy: -X giltrace: writing '%s' failed: %s\n", o->path,
                    strerror(errno));
        else if (o->file != stderr)
            fprintf(stderr, "minipy: GIL trace written to %s%s\n", o->path,
                    o->format == FORMAT_JSON   ? " (open it in https://ui.perfetto.dev)"
                    : o->format == FORMAT_TEXT ? ""
                                               : " (open it in a web browser)");
    }
    if (gathered)
        release(&trace);
    noutputs = 0;
}
