/* gil/trace_term.c: the GIL trace as text, one row per thread.
 *
 *   GIL timeline: countdown.py, minipy (GIL build), switch interval 5 ms
 *   MainThread           |█···························| run  1%  wait  0%  blocked 99%
 *   Thread-1 (countdown) | ██░░██░░██░░██░░██░░██░░██ | run 50%  wait 50%  blocked  0%
 *   Thread-2 (countdown) | ░░██░░██░░██░░██░░██░░██░░ | run 50%  wait 50%  blocked  0%
 *                        0        100       200    250 ms
 *   █ running Python code (holds the GIL)   ░ waiting for the GIL   · blocked ...
 *
 * The run is cut into as many equal slices as the row has characters and
 * each character shows what the thread did for most of its slice
 * (mpy__gil_trace_buckets); a blank means the thread did not exist yet or
 * any more.  With `color` (stderr is a terminal) the marks are coloured
 * as in the SVG picture.
 */
#include "gil/gil_trace.h"

#include <stdlib.h>
#include <string.h>

#define RIGHT_COLUMN 33 /* " run 50%  wait 50%  blocked  0%" */

static const char *const glyphs[] = {"\u2588", "\u2591", "\u00b7", " "};
static const char *const colours[] = {"\033[32m", "\033[31m", "\033[34m", ""};
static const char reset[] = "\033[0m";

static int name_width(const MpyGilTrace *trace)
{
    int w = 6;
    for (int i = 0; i < trace->nthreads; i++) {
        int n = (int)strlen(trace->threads[i].name);
        if (n > w)
            w = n;
    }
    return w > 28 ? 28 : w;
}

static void put_row(FILE *out, const MpyGilTrace *trace, const MpyGilTraceThread *th,
                    const uint8_t *cells, int bar, int namew, bool color)
{
    fprintf(out, "%-*.*s |", namew, namew, th->name);
    int current = -1;
    for (int i = 0; i < bar; i++) {
        if (color && cells[i] != current) {
            fputs(cells[i] == MPY_GIL_EXITED ? reset : colours[cells[i]], out);
            current = cells[i];
        }
        fputs(glyphs[cells[i]], out);
    }
    if (color)
        fputs(reset, out);
    double share[MPY_GIL_STATE_COUNT];
    mpy__gil_trace_shares(trace, th, share);
    if (trace->gil_enabled)
        fprintf(out, "| run %3.0f%%  wait %3.0f%%  blocked %3.0f%%\n", share[0] * 100,
                share[1] * 100, share[2] * 100);
    else
        fprintf(out, "| run %3.0f%%  blocked %3.0f%%\n", share[0] * 100, share[2] * 100);
}

/* The time axis under the rows: round numbers of ms where they fit,
 * the last one followed by "ms". */
static void put_axis(FILE *out, double span_ms, int bar, int namew)
{
    size_t size = (size_t)bar + 40;
    char *line = malloc(size);
    if (line == NULL)
        return;
    memset(line, ' ', size - 1);
    line[size - 1] = '\0';
    double step = mpy__gil_trace_tick_step(span_ms, bar / 10 > 0 ? bar / 10 : 1);
    int free_from = 0, last_end = 0;
    for (double t = 0; t <= span_ms + step * 1e-9; t += step) {
        char label[32];
        int n = snprintf(label, sizeof label, "%g", t);
        int col = (int)(t / span_ms * bar + 0.5);
        if (col < free_from || col + n > bar + 1)
            continue;
        line[col] = '|';  /* the tick sits on the bar's slice */
        memcpy(line + col + 1, label, (size_t)n);
        free_from = col + n + 3;
        last_end = col + 1 + n;
    }
    memcpy(line + last_end, " ms", 3);
    line[last_end + 3] = '\0';
    fprintf(out, "%*s  %s\n", namew, "", line);
    free(line);
}

int mpy__gil_trace_write_text(const MpyGilTrace *trace, FILE *out, int width, bool color)
{
    int namew = name_width(trace);
    int bar = width - namew - 3 - RIGHT_COLUMN;
    if (bar < 20)
        bar = 20;
    int64_t t0 = trace->origin_ns, t1 = trace->end_ns;
    double span_ms = (double)(t1 - t0) / 1e6;
    fprintf(out, "\nGIL timeline: %s, %s", trace->program[0] ? trace->program : "minipy",
            trace->build);
    if (trace->gil_enabled)
        fprintf(out, ", switch interval %g ms", trace->switch_interval_ms);
    fprintf(out, ", %.1f ms in all\n", span_ms);
    uint8_t *cells = malloc((size_t)bar);
    if (cells == NULL)
        return -1;
    for (int i = 0; i < trace->nthreads; i++) {
        if (mpy__gil_trace_buckets(trace, &trace->threads[i], t0, t1, bar, cells) < 0)
            break;
        put_row(out, trace, &trace->threads[i], cells, bar, namew, color);
    }
    free(cells);
    put_axis(out, span_ms, bar, namew);
    for (int s = 0; s < MPY_GIL_STATE_COUNT; s++) {
        if (s == MPY_GIL_WAITING && !trace->gil_enabled)
            continue;
        fprintf(out, "%s%s%s %s%s", color ? colours[s] : "", glyphs[s], color ? reset : "",
                mpy__gil_state_label(trace, (MpyGilState)s),
                s < MPY_GIL_STATE_COUNT - 1 ? "   " : "\n");
    }
    if (trace->truncated)
        fprintf(out, "(trace cut at %.1f ms: a thread filled its buffer of %u events)\n", span_ms,
                trace->capacity);
    return ferror(out) ? -1 : 0;
}
