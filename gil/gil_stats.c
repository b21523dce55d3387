/* gil/gil_stats.c: the -X gilstats table and sys._gil_stats().
 *
 * Both read the per-thread records of gil/gil_observe.c under the
 * registry lock.  A record's counters belong to its thread, which may
 * still be running: we read them with relaxed loads and add the time of
 * the state it is in now, so a live thread's row is a snapshot.  For a
 * finished thread running + waiting + blocked equals its lifetime exactly.
 */
#include "gil/gil_stats.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "gil/gil.h"
#include "gil/gil_observe.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"

#define LOAD(p) atomic_load_explicit((p), memory_order_relaxed)

const char *mpy__gil_stats_build_label(char *buf, size_t size)
{
    if (!MPY_FREE_THREADED)
        snprintf(buf, size, "minipy (GIL build)");
    else
        snprintf(buf, size, "minipyt (free-threaded build, GIL %s)",
                 mpy__gil_enabled() ? "enabled" : "disabled");
    return buf;
}

/* The figures of one thread, in nanoseconds and counts. */
typedef struct Row {
    int64_t running, waiting, blocked, lifetime;
    uint64_t takes, made, received, forced;
} Row;

static Row row_of(MpyGilObserver *obs, int64_t now)
{
    return (Row){
        .running = mpy__gil_observe_time_in(obs, MPY_GIL_RUNNING, now),
        .waiting = mpy__gil_observe_time_in(obs, MPY_GIL_WAITING, now),
        .blocked = mpy__gil_observe_time_in(obs, MPY_GIL_BLOCKED, now),
        .lifetime = mpy__gil_observe_lifetime(obs, now),
        .takes = LOAD(&obs->acquisitions),
        .made = LOAD(&obs->requests_made),
        .received = LOAD(&obs->requests_received),
        .forced = LOAD(&obs->forced_switches),
    };
}

static void add_row(Row *sum, const Row *r)
{
    sum->running += r->running;
    sum->waiting += r->waiting;
    sum->blocked += r->blocked;
    sum->lifetime += r->lifetime;
    sum->takes += r->takes;
    sum->made += r->made;
    sum->received += r->received;
    sum->forced += r->forced;
}

static double ms(int64_t ns)
{
    return (double)ns / 1e6;
}

/* Width of the thread-name column: the longest name, at least "thread". */
static int name_width(MpyGilObserver *records)
{
    int w = 6;
    for (MpyGilObserver *o = records; o != NULL; o = o->next) {
        int n = (int)strlen(o->name);
        if (n > w)
            w = n;
    }
    return w > 40 ? 40 : w;
}

static void print_row(FILE *out, bool gil, int w, const char *name, const Row *r)
{
    if (gil)
        fprintf(out, "%-*.*s %10.1f %10.1f %10.1f %10.1f %7llu %7llu %8llu %8llu\n", w, w, name,
                ms(r->running), ms(r->waiting), ms(r->blocked), ms(r->lifetime),
                (unsigned long long)r->takes, (unsigned long long)r->made,
                (unsigned long long)r->received, (unsigned long long)r->forced);
    else
        fprintf(out, "%-*.*s %10.1f %10.1f %10.1f\n", w, w, name, ms(r->running),
                ms(r->blocked), ms(r->lifetime));
}

void mpy__gil_stats_print(FILE *out)
{
    char build[128];
    bool gil = mpy__gil_enabled();
    int64_t now = mpy__gil_observe_now();
    MpyGilObserver *records = mpy__gil_observe_lock_records();
    int w = name_width(records);
    fprintf(out, "\nGIL statistics: %s, %s",
            mpy__gil_observe_config.program[0] ? mpy__gil_observe_config.program : "minipy",
            mpy__gil_stats_build_label(build, sizeof build));
    if (gil)
        fprintf(out, ", switch interval %g ms", mpy__gil_get_interval() * 1e3);
    fputc('\n', out);
    if (gil) {
        fprintf(out, "%-*s %10s %10s %10s %10s %7s %7s %8s %8s\n", w, "", "running", "waiting",
                "blocked", "lifetime", "GIL", "drop", "drop", "forced");
        fprintf(out, "%-*s %10s %10s %10s %10s %7s %7s %8s %8s\n", w, "thread", "(ms)", "for GIL",
                "GIL free", "(ms)", "takes", "asks", "asked", "switches");
    } else {
        fprintf(out, "%-*s %10s %10s %10s\n", w, "", "running", "blocked", "lifetime");
        fprintf(out, "%-*s %10s %10s %10s\n", w, "thread", "(ms)", "(ms)", "(ms)");
    }
    Row total = {0};
    for (MpyGilObserver *o = records; o != NULL; o = o->next) {
        Row r = row_of(o, now);
        add_row(&total, &r);
        char name[80];
        snprintf(name, sizeof name, "%s%s", o->name, LOAD(&o->end_ns) == 0 && !o->is_main ? " *" : "");
        print_row(out, gil, w, name, &r);
    }
    mpy__gil_observe_unlock_records();
    print_row(out, gil, w, "total", &total);
    if (gil)
        fprintf(out, "running: executing Python code, holding the GIL.  waiting: wanted the GIL "
                     "while another\nthread had it.  blocked: sleep, join, lock or I/O with the GIL "
                     "released.  A waiting\nthread asks the holder to drop the GIL after one switch "
                     "interval (drop asks);\nthe holder obeys at its next check point and waits "
                     "until the asker has it\n(forced switch).\n");
    else
        fprintf(out, "The GIL is disabled: threads run Python code in parallel and nobody waits "
                     "for a GIL.\nrunning: executing Python code.  blocked: sleep, join, lock or "
                     "I/O.\n");
}

/* ------------------------------------------------------------------ */
/* sys._gil_stats()                                                     */

static int set_take(MpyObject *d, const char *key, MpyObject *value)
{
    if (value == NULL)
        return -1;
    int r = mpy_dict_set_cstr(d, key, value);
    MPY_DECREF(value);
    return r;
}

/* One thread's figures, copied out of the registry. */
typedef struct Snapshot {
    char name[64];
    uint64_t ident;
    long native_id;
    bool alive;
    Row row;
} Snapshot;

static MpyObject *thread_dict(const Snapshot *s)
{
    const Row *r = &s->row;
    MpyObject *d = mpy_dict_new();
    if (d == NULL)
        return NULL;
    if (set_take(d, "name", mpy_str_from_cstr(s->name)) < 0 ||
        set_take(d, "ident", mpy_int_from_ulong(s->ident)) < 0 ||
        set_take(d, "native_id", mpy_int_from_long(s->native_id)) < 0 ||
        set_take(d, "alive", MPY_NEWREF(mpy_bool_from(s->alive))) < 0 ||
        set_take(d, "running", mpy_float_from_double((double)r->running / 1e9)) < 0 ||
        set_take(d, "waiting", mpy_float_from_double((double)r->waiting / 1e9)) < 0 ||
        set_take(d, "blocked", mpy_float_from_double((double)r->blocked / 1e9)) < 0 ||
        set_take(d, "lifetime", mpy_float_from_double((double)r->lifetime / 1e9)) < 0 ||
        set_take(d, "acquisitions", mpy_int_from_ulong(r->takes)) < 0 ||
        set_take(d, "drop_requests_made", mpy_int_from_ulong(r->made)) < 0 ||
        set_take(d, "drop_requests_received", mpy_int_from_ulong(r->received)) < 0 ||
        set_take(d, "forced_switches", mpy_int_from_ulong(r->forced)) < 0) {
        MPY_DECREF(d);
        return NULL;
    }
    return d;
}

MpyObject *mpy__gil_stats_as_list(void)
{
    if (!mpy__gil_observe_config.stats) {
        mpy_err_set(mpy_exc_RuntimeError,
                    "GIL statistics are off: run minipy with -X gilstats or MINIPY_GILSTATS=1");
        return NULL;
    }
    mpy__gil_observe_refresh_names();
    // Copy the figures out first: Python objects are built without the
    // registry lock held.
    int64_t now = mpy__gil_observe_now();
    MpyGilObserver *records = mpy__gil_observe_lock_records();
    size_t n = 0;
    for (MpyGilObserver *o = records; o != NULL; o = o->next)
        n++;
    Snapshot *snaps = malloc(sizeof *snaps * (n ? n : 1));
    if (snaps != NULL) {
        size_t i = 0;
        for (MpyGilObserver *o = records; o != NULL; o = o->next, i++) {
            memcpy(snaps[i].name, o->name, sizeof snaps[i].name);
            snaps[i].ident = o->ident;
            snaps[i].native_id = o->native_id;
            snaps[i].alive = LOAD(&o->end_ns) == 0;
            snaps[i].row = row_of(o, now);
        }
    }
    mpy__gil_observe_unlock_records();
    if (snaps == NULL)
        return mpy_err_no_memory();
    MpyObject *list = mpy_list_new(0);
    for (size_t i = 0; list != NULL && i < n; i++) {
        MpyObject *d = thread_dict(&snaps[i]);
        if (d == NULL || mpy_list_append_take(list, d) < 0)
            MPY_CLEAR(list);
    }
    free(snaps);
    return list;
}
