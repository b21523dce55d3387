/* gil/trace_json.c: the GIL trace as Chrome trace-event JSON.
 *
 * The Trace Event Format (the JSON that chrome://tracing and
 * https://ui.perfetto.dev open directly): one object
 *
 *   {"traceEvents": [...], "displayTimeUnit": "ms", "otherData": {...}}
 *
 * whose events each have a name, a phase `ph`, a time `ts` in
 * microseconds, and the process and thread they belong to.  We write:
 *
 *   ph "M"  metadata: the process name and each thread's name, so a lane
 *           says "Thread-1 (countdown)" rather than a number;
 *   ph "X"  "complete" events: one per stretch of time a thread spent
 *           running, waiting for the GIL or blocked, with its duration;
 *   ph "i"  instants: a drop request, a drop on request, a forced switch.
 *
 * `tid` is minipy's thread number (1 = the main thread), so the lanes
 * come in start order; the OS thread id is in each thread's args.
 */
#include "gil/gil_trace.h"

#include <unistd.h>

/* A JSON string literal of `s`. */
static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* Microseconds since the trace origin. */
static double micros(const MpyGilTrace *trace, int64_t ns)
{
    return (double)(ns - trace->origin_ns) / 1e3;
}

static const char *state_name(const MpyGilTrace *trace, MpyGilState state)
{
    switch (state) {
    case MPY_GIL_RUNNING: return "running";
    case MPY_GIL_WAITING: return "waiting for the GIL";
    default: return trace->gil_enabled ? "blocked (GIL released)" : "blocked";
    }
}

/* chrome://tracing's reserved colour names for thread states. */
static const char *state_colour(MpyGilState state)
{
    switch (state) {
    case MPY_GIL_RUNNING: return "thread_state_running";
    case MPY_GIL_WAITING: return "terrible";
    default: return "thread_state_sleeping";
    }
}

static void put_metadata(FILE *out, const MpyGilTrace *trace, int pid)
{
    fprintf(out, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":0,\"args\":{\"name\":",
            pid);
    char label[512];
    snprintf(label, sizeof label, "%s: %s", trace->program[0] ? trace->program : "minipy",
             trace->build);
    put_string(out, label);
    fprintf(out, "}}");
    for (int i = 0; i < trace->nthreads; i++) {
        const MpyGilTraceThread *th = &trace->threads[i];
        fprintf(out, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%u,\"args\":{\"name\":",
                pid, th->id);
        put_string(out, th->name);
        fprintf(out, ",\"native_id\":%ld}}", th->native_id);
        fprintf(out, ",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":%d,\"tid\":%u,"
                     "\"args\":{\"sort_index\":%u}}", pid, th->id, th->id);
    }
}

static void put_intervals(FILE *out, const MpyGilTrace *trace, const MpyGilTraceThread *th, int pid)
{
    MpyGilIntervalIter it;
    MpyGilInterval iv;
    mpy__gil_intervals_begin(&it, trace, th);
    while (mpy__gil_intervals_next(&it, &iv)) {
        fprintf(out, ",\n{\"name\":\"%s\",\"cat\":\"gil\",\"ph\":\"X\",\"ts\":%.3f,\"dur\":%.3f,"
                     "\"pid\":%d,\"tid\":%u,\"cname\":\"%s\"}",
                state_name(trace, iv.state), micros(trace, iv.begin_ns),
                (double)(iv.end_ns - iv.begin_ns) / 1e3, pid, th->id, state_colour(iv.state));
    }
}

/* The name of thread number `id`, for the args of a drop request. */
static const char *name_of(const MpyGilTrace *trace, uint32_t id)
{
    for (int i = 0; i < trace->nthreads; i++) {
        if (trace->threads[i].id == id)
            return trace->threads[i].name;
    }
    return "?";
}

static void put_instants(FILE *out, const MpyGilTrace *trace, const MpyGilTraceThread *th, int pid)
{
    for (uint32_t k = 0; k < th->count; k++) {
        const MpyGilEvent *e = &th->events[k];
        const char *name = e->kind == MPY_GIL_EV_REQUEST       ? "drop request"
                           : e->kind == MPY_GIL_EV_YIELD         ? "drop on request"
                           : e->kind == MPY_GIL_EV_FORCED_SWITCH ? "forced switch"
                                                                 : NULL;
        if (name == NULL || e->time_ns > trace->end_ns)
            continue;
        fprintf(out, ",\n{\"name\":\"%s\",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"ts\":%.3f,"
                     "\"pid\":%d,\"tid\":%u",
                name, micros(trace, e->time_ns), pid, th->id);
        if (e->kind == MPY_GIL_EV_REQUEST) {
            fprintf(out, ",\"args\":{\"asks\":");
            put_string(out, name_of(trace, e->other));
            fputc('}', out);
        }
        fputc('}', out);
    }
}

int mpy__gil_trace_write_json(const MpyGilTrace *trace, FILE *out)
{
    int pid = (int)getpid();
    fprintf(out, "{\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"program\":");
    put_string(out, trace->program);
    fprintf(out, ",\"build\":");
    put_string(out, trace->build);
    fprintf(out, ",\"gil_enabled\":%s,\"switch_interval_ms\":%g,\"truncated\":%s,"
                 "\"events_per_thread\":%u},\n\"traceEvents\":[\n",
            trace->gil_enabled ? "true" : "false", trace->switch_interval_ms,
            trace->truncated ? "true" : "false", trace->capacity);
    put_metadata(out, trace, pid);
    for (int i = 0; i < trace->nthreads; i++) {
        put_intervals(out, trace, &trace->threads[i], pid);
        put_instants(out, trace, &trace->threads[i], pid);
    }
    fprintf(out, "\n]}\n");
    return ferror(out) ? -1 : 0;
}
