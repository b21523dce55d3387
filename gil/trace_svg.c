/* gil/trace_svg.c: the GIL trace as a picture (SVG), drawn by minipy.
 *
 *   countdown.py · minipy (GIL build) · switch interval 5 ms
 *   MainThread            [green][............. light blue ..........]  run 1% ...
 *   Thread-1 (countdown)      [green][red][green][red][green][red]...   run 50% ...
 *   Thread-2 (countdown)      [red][green][red][green][red][green]...   run 50% ...
 *                         0     100     200     300 ms
 *   [green] running Python code   [red] waiting for the GIL   [blue] blocked
 *
 * One lane per thread, in start order; time runs left to right from the
 * start of the program.  Each stretch of time a thread spent in one state
 * is one rectangle, coloured by the state (so under a GIL two lanes are
 * never green at the same moment).  When a lane has more stretches than
 * the picture has room for, it is drawn from buckets of half a pixel
 * instead (mpy__gil_trace_buckets).  The file is self-contained: no
 * scripts, no external fonts or style sheets, so any browser shows it.
 */
#include "gil/gil_trace.h"

#include <stdlib.h>
#include <string.h>

enum {
    WIDTH = 1000,
    PAD = 24,
    TOP = 96,          /* first lane */
    LANE = 30,         /* lane height */
    GAP = 14,          /* between lanes */
    RIGHT = 220,       /* the percentages column */
};

static const char *const fill[] = {"#2ca02c", "#d62728", "#9ecae1"};

/* `s` with the five XML special characters escaped. */
static void put_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        default: fputc(*s, out);
        }
    }
}

/* Geometry shared by the parts of the picture. */
typedef struct Layout {
    double x0, bar;    /* left edge and width of the lanes */
    int64_t t0, t1;    /* the time they span */
    int height;
} Layout;

static double x_of(const Layout *l, int64_t t)
{
    return l->x0 + (double)(t - l->t0) / (double)(l->t1 - l->t0) * l->bar;
}

static void put_header(FILE *out, const MpyGilTrace *trace, const Layout *l)
{
    fprintf(out, "<text x=\"%d\" y=\"34\" font-size=\"20\" font-weight=\"bold\">", PAD);
    put_text(out, trace->program[0] ? trace->program : "minipy");
    fputs(" \u00b7 ", out);
    put_text(out, trace->build);
    if (trace->gil_enabled)
        fprintf(out, " \u00b7 switch interval %g ms", trace->switch_interval_ms);
    fputs("</text>\n", out);
    fprintf(out, "<text x=\"%d\" y=\"60\" font-size=\"14\" fill=\"#444\">", PAD);
    if (trace->gil_enabled)
        fputs("Who holds the GIL: one lane per thread, time runs left to right. "
              "Only one thread at a time can be green.", out);
    else
        fputs("No GIL: one lane per thread, time runs left to right. "
              "Threads can be green at the same time, on different cores.", out);
    fputs("</text>\n", out);
    (void)l;
}

/* The coloured stretches of one lane. */
static void put_lane_stretches(FILE *out, const MpyGilTrace *trace, const MpyGilTraceThread *th,
                               const Layout *l, double y)
{
    MpyGilIntervalIter it;
    MpyGilInterval iv;
    size_t n = 0;
    mpy__gil_intervals_begin(&it, trace, th);
    while (mpy__gil_intervals_next(&it, &iv))
        n++;
    if (n <= (size_t)l->bar * 4) {
        mpy__gil_intervals_begin(&it, trace, th);
        while (mpy__gil_intervals_next(&it, &iv)) {
            double x = x_of(l, iv.begin_ns), w = x_of(l, iv.end_ns) - x;
            fprintf(out, "<rect x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>\n",
                    x, y, w, LANE, fill[iv.state]);
        }
        return;
    }
    // Too many to draw one by one: half-pixel buckets, runs of one state.
    int buckets = (int)(l->bar * 2);
    uint8_t *cells = malloc((size_t)buckets);
    if (cells == NULL || mpy__gil_trace_buckets(trace, th, l->t0, l->t1, buckets, cells) < 0) {
        free(cells);
        return;
    }
    for (int i = 0; i < buckets;) {
        int j = i;
        while (j < buckets && cells[j] == cells[i])
            j++;
        if (cells[i] != MPY_GIL_EXITED)
            fprintf(out, "<rect x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>\n",
                    l->x0 + i * 0.5, y, (j - i) * 0.5, LANE, fill[cells[i]]);
        i = j;
    }
    free(cells);
}

static void put_lane(FILE *out, const MpyGilTrace *trace, const MpyGilTraceThread *th,
                     const Layout *l, int index)
{
    double y = TOP + index * (LANE + GAP);
    fprintf(out, "<g class=\"lane\" id=\"thread-%u\">\n", th->id);
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"14\" text-anchor=\"end\">", l->x0 - 10,
            y + LANE / 2 + 5);
    put_text(out, th->name);
    fputs("</text>\n", out);
    fprintf(out, "<rect x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%d\" fill=\"#f2f2f2\"/>\n",
            l->x0, y, l->bar, LANE);
    fputs("<g shape-rendering=\"crispEdges\">\n", out);
    put_lane_stretches(out, trace, th, l, y);
    fputs("</g>\n", out);
    double share[MPY_GIL_STATE_COUNT];
    mpy__gil_trace_shares(trace, th, share);
    fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12.5\" fill=\"#333\">", l->x0 + l->bar + 10,
            y + LANE / 2 + 5);
    fprintf(out, "<tspan fill=\"%s\">run %.0f%%</tspan>", fill[0], share[0] * 100);
    if (trace->gil_enabled)
        fprintf(out, " \u00b7 <tspan fill=\"%s\">wait %.0f%%</tspan>", fill[1], share[1] * 100);
    fprintf(out, " \u00b7 <tspan fill=\"#3182bd\">blocked %.0f%%</tspan></text>\n", share[2] * 100);
    fputs("</g>\n", out);
}

/* Faint vertical lines at the ticks, over the lanes: they make it easy to
 * see what each thread did at the same moment. */
static void put_grid(FILE *out, const Layout *l, double y0, double y1)
{
    double span_ms = (double)(l->t1 - l->t0) / 1e6;
    double step = mpy__gil_trace_tick_step(span_ms, 10);
    fputs("<g stroke=\"#000\" stroke-opacity=\"0.18\" stroke-dasharray=\"2,3\">\n", out);
    for (double t = step; t < span_ms - step * 1e-9; t += step) {
        double x = l->x0 + t / span_ms * l->bar;
        fprintf(out, "<line x1=\"%.2f\" y1=\"%.0f\" x2=\"%.2f\" y2=\"%.0f\"/>\n", x, y0, x, y1);
    }
    fputs("</g>\n", out);
}

static void put_axis(FILE *out, const Layout *l, double y)
{
    double span_ms = (double)(l->t1 - l->t0) / 1e6;
    double step = mpy__gil_trace_tick_step(span_ms, 10);
    fprintf(out, "<line x1=\"%.2f\" y1=\"%.0f\" x2=\"%.2f\" y2=\"%.0f\" stroke=\"#555\"/>\n", l->x0, y,
            l->x0 + l->bar, y);
    for (double t = 0; t <= span_ms + step * 1e-9; t += step) {
        double x = l->x0 + t / span_ms * l->bar;
        fprintf(out, "<line x1=\"%.2f\" y1=\"%.0f\" x2=\"%.2f\" y2=\"%.0f\" stroke=\"#555\"/>\n", x, y,
                x, y + 5);
        fprintf(out, "<text x=\"%.2f\" y=\"%.0f\" font-size=\"12\" text-anchor=\"middle\" "
                     "fill=\"#333\">%g</text>\n", x, y + 19, t);
    }
    fprintf(out, "<text x=\"%.2f\" y=\"%.0f\" font-size=\"12\" text-anchor=\"end\" "
                 "fill=\"#333\">time (ms)</text>\n", l->x0 - 10, y + 19);
}

static void put_legend(FILE *out, const MpyGilTrace *trace, const Layout *l, double y)
{
    double x = l->x0;
    for (int s = 0; s < MPY_GIL_STATE_COUNT; s++) {
        if (s == MPY_GIL_WAITING && !trace->gil_enabled)
            continue;
        const char *label = mpy__gil_state_label(trace, (MpyGilState)s);
        fprintf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"16\" height=\"16\" fill=\"%s\"/>\n", x,
                y - 13, fill[s]);
        fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\">", x + 22, y);
        put_text(out, label);
        fputs("</text>\n", out);
        x += 22 + strlen(label) * 6.9 + 24;
    }
}

int mpy__gil_trace_write_svg(const MpyGilTrace *trace, FILE *out, bool html)
{
    int longest = 6;
    for (int i = 0; i < trace->nthreads; i++) {
        int n = (int)strlen(trace->threads[i].name);
        longest = n > longest ? n : longest;
    }
    double namew = longest * 8.0 + 16;
    namew = namew < 110 ? 110 : namew > 280 ? 280 : namew;
    Layout l = {.x0 = PAD + namew, .t0 = trace->origin_ns, .t1 = trace->end_ns};
    if (l.t1 <= l.t0)
        l.t1 = l.t0 + 1;
    l.bar = WIDTH - l.x0 - RIGHT - PAD;
    double axis_y = TOP + trace->nthreads * (LANE + GAP) - GAP + 10;
    double legend_y = axis_y + 54;
    l.height = (int)legend_y + (trace->truncated ? 44 : 24);

    if (html) {
        fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>GIL timeline: ", out);
        put_text(out, trace->program);
        fputs("</title></head>\n<body style=\"margin:0;background:#fff\">\n", out);
    }
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                 "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n",
            WIDTH, l.height, WIDTH, l.height);
    fputs("<title>GIL timeline: ", out);
    put_text(out, trace->program);
    fputs("</title>\n", out);
    fprintf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, l.height);
    put_header(out, trace, &l);
    for (int i = 0; i < trace->nthreads; i++)
        put_lane(out, trace, &trace->threads[i], &l, i);
    put_grid(out, &l, TOP - 6, axis_y);
    put_axis(out, &l, axis_y);
    put_legend(out, trace, &l, legend_y);
    if (trace->truncated)
        fprintf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"#a00\">The trace stops "
                     "here: a thread filled its buffer of %u events.</text>\n",
                l.x0, legend_y + 24, trace->capacity);
    fputs("</svg>\n", out);
    if (html)
        fputs("</body></html>\n", out);
    return ferror(out) ? -1 : 0;
}
