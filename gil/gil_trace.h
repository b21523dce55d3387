/* gil/gil_trace.h: -X giltrace=FILE: the GIL timeline of a run, as
 * Chrome trace-event JSON, an SVG picture, or text for the terminal.
 *
 * The events are recorded by gil/gil_observe.c into one fixed-size buffer
 * per thread.  At exit they are gathered into an MpyGilTrace (below) and
 * handed to one writer, chosen by the file name:
 *
 *   FILE.json        gil/trace_json.c  Chrome trace events: open it in
 *                                      ui.perfetto.dev or chrome://tracing
 *   FILE.svg, .html  gil/trace_svg.c   a picture, one lane per thread
 *   FILE.txt, -      gil/trace_term.c  one text row per thread (- is stderr)
 *
 * The writers only see MpyGilTrace, so the unit tests feed them scripted
 * events without running threads.
 *
 * A thread's events are state changes (the state after the event is
 * stored with it) plus instants (drop requests, forced switches).  Its
 * timeline is a sequence of intervals, each in one state: from one state
 * change to the next, ending at the thread's exit or at the end of the
 * trace.
 */
#ifndef MINIPY_GIL_GIL_TRACE_H
#define MINIPY_GIL_GIL_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gil/gil_observe.h"

typedef struct MpyGilTraceThread {
    uint32_t id;                 /* 1, 2, 3 ... (the main thread is 1) */
    const char *name;            /* "MainThread", "Thread-1 (countdown)" */
    long native_id;
    const MpyGilEvent *events;   /* events[0] is the thread's start */
    uint32_t count;
    bool truncated;              /* its buffer filled up */
    int64_t start_ns, end_ns;    /* end_ns: its exit, or 0 if still alive */
} MpyGilTraceThread;

typedef struct MpyGilTrace {
    const char *program;         /* "countdown.py" */
    const char *build;           /* "minipy (GIL build)" */
    bool gil_enabled;
    double switch_interval_ms;
    int64_t origin_ns;           /* time 0 of the pictures */
    int64_t end_ns;              /* the end of the trace */
    bool truncated;              /* end_ns was moved back to where a buffer filled */
    uint32_t capacity;           /* events per thread buffer */
    int nthreads;
    MpyGilTraceThread *threads;
} MpyGilTrace;

/* One stretch of a thread's timeline in one state. */
typedef struct MpyGilInterval {
    int64_t begin_ns, end_ns;
    MpyGilState state;
} MpyGilInterval;

/* Walks a thread's intervals in time order, clipped to the trace's end. */
typedef struct MpyGilIntervalIter {
    const MpyGilTrace *trace;
    const MpyGilTraceThread *thread;
    uint32_t next;               /* the next event to read */
    int64_t begin_ns;
    int state;
} MpyGilIntervalIter;

void mpy__gil_intervals_begin(MpyGilIntervalIter *it, const MpyGilTrace *trace,
                              const MpyGilTraceThread *thread);
/* Store the next interval.  Returns: false at the end. */
bool mpy__gil_intervals_next(MpyGilIntervalIter *it, MpyGilInterval *out);

/* Cut [t0, t1) into n equal buckets and store in states[i] the state the
 * thread spent most of bucket i in, or MPY_GIL_EXITED if it was mostly not
 * alive.  Returns: 0, or -1 if out of memory. */
int mpy__gil_trace_buckets(const MpyGilTrace *trace, const MpyGilTraceThread *thread, int64_t t0,
                           int64_t t1, int n, uint8_t *states);

/* Fraction of the thread's traced lifetime spent in each state (sums to 1). */
void mpy__gil_trace_shares(const MpyGilTrace *trace, const MpyGilTraceThread *thread,
                           double shares[MPY_GIL_STATE_COUNT]);

/* A round step for a time axis over `span` ms with at most `max_ticks`
 * ticks: 1, 2 or 5 times a power of ten. */
double mpy__gil_trace_tick_step(double span_ms, int max_ticks);

/* What the writers call each state ("running", "waiting for the GIL", ...). */
const char *mpy__gil_state_label(const MpyGilTrace *trace, MpyGilState state);

/* The writers.  Return 0, or -1 if writing failed (errno set). */
int mpy__gil_trace_write_json(const MpyGilTrace *trace, FILE *out);
/* `html`: wrap the picture in a small HTML page. */
int mpy__gil_trace_write_svg(const MpyGilTrace *trace, FILE *out, bool html);
/* `width`: characters per line; `color`: ANSI colours (a terminal). */
int mpy__gil_trace_write_text(const MpyGilTrace *trace, FILE *out, int width, bool color);

/* Open FILE for -X giltrace (now, so a bad path fails at startup).  May
 * be called up to 4 times: the same trace goes to every file.
 * Returns: 0, or -1 with a message in `err`. */
int mpy__gil_trace_open(const char *path, char *err, size_t errsize);
/* Gather the records into a trace, write it to the files opened above and
 * close them; prints where it went on stderr.  Runs no Python code. */
void mpy__gil_trace_write(void);
/* Close the files without writing (tests). */
void mpy__gil_trace_close(void);

#endif
