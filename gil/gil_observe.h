/* gil/gil_observe.h: watching the GIL from the inside: one record per
 * thread of what it did with the GIL and when.
 *
 * There is no CPython counterpart: CPython has no built-in GIL statistics
 * (people use perf, py-spy or gil_load).  minipy exists to teach, so it
 * can show, for every thread, how long it ran Python code, how long it
 * waited for the GIL and how long it was blocked with the GIL released
 * (sleep, join, lock, I/O), and when each of these happened.
 *
 * Three command-line switches turn observation on (runtime/main.c):
 *
 *   -X gilstats, MINIPY_GILSTATS=1   a table on stderr at exit (gil/gil_stats.c)
 *                                    and sys._gil_stats()
 *   -X giltrace=FILE                 a timeline: .json, .svg/.html, .txt or -
 *                                    (gil/gil_trace.c and its writers)
 *   -X trace                         every instruction executed (vm/trace.c);
 *                                    it uses the thread names kept here
 *
 * How it works.  Each thread state points to an MpyGilObserver (NULL when
 * nothing is observed).  gil/gil.c and gil/tstate.c report *events* to it
 * through mpy__gil_observe(): the thread starts, wants the GIL, takes it,
 * drops it, asks the holder to drop it, blocks, unblocks, exits.  The
 * events drive a small state machine with three states,
 *
 *      RUNNING  --drop/yield-->  WAITING  --take-->  RUNNING
 *      RUNNING  --block-->  BLOCKED  --unblock-->  WAITING (RUNNING without a GIL)
 *
 * and the time spent in each state is added up, so for every thread
 * running + waiting + blocked == its lifetime, by construction.  With
 * -X giltrace each event is also appended to the thread's own fixed-size
 * buffer, with its CLOCK_MONOTONIC time in nanoseconds.
 *
 * Invariants:
 *  - Cost when off: one load and a never-taken branch per GIL take/drop
 *    (tstate->gil_observer is NULL).  Nothing in the eval loop.
 *  - Only the owning thread writes its record's counters and buffer (no
 *    lock, no allocation on the path); other threads only read them.  The
 *    fields are C11 relaxed atomics so that those reads are not data races
 *    (on x86 and ARM they compile to plain loads and stores).
 *  - Records outlive their threads: every record stays in one list, in
 *    start order, until the report at exit (mpy__gil_observe_report).
 */
#ifndef MINIPY_GIL_GIL_OBSERVE_H
#define MINIPY_GIL_GIL_OBSERVE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gil/tstate.h"

/* What a thread is doing, as far as the GIL is concerned. */
typedef enum MpyGilState {
    MPY_GIL_RUNNING = 0, /* runs Python code (holds the GIL, if there is one) */
    MPY_GIL_WAITING = 1, /* wants the GIL, another thread has it */
    MPY_GIL_BLOCKED = 2, /* in a blocking call, GIL released (sleep, join, lock, I/O) */
    MPY_GIL_EXITED = 3,  /* the thread has finished */
    MPY_GIL_STATE_COUNT = 3 /* states that accumulate time */
} MpyGilState;

/* Events reported by gil/gil.c and gil/tstate.c. */
typedef enum MpyGilEventKind {
    MPY_GIL_EV_START,         /* thread state created */
    MPY_GIL_EV_WAIT,          /* entered mpy__gil_take: wants the GIL */
    MPY_GIL_EV_TAKE,          /* now holds the GIL */
    MPY_GIL_EV_DROP,          /* released the GIL */
    MPY_GIL_EV_REQUEST,       /* waited a whole interval: asked the holder (`other`) to drop */
    MPY_GIL_EV_YIELD,         /* saw a drop request at a check point and gives the GIL up */
    MPY_GIL_EV_FORCED_SWITCH, /* after a requested drop, another thread took the GIL */
    MPY_GIL_EV_BLOCK,         /* MPY_BEGIN_ALLOW_THREADS: about to block */
    MPY_GIL_EV_UNBLOCK,       /* MPY_END_ALLOW_THREADS: the blocking call returned */
    MPY_GIL_EV_EXIT,          /* thread state deleted */
    MPY_GIL_EV_COUNT
} MpyGilEventKind;

/* One entry of a thread's trace buffer (16 bytes). */
typedef struct MpyGilEvent {
    int64_t time_ns;  /* CLOCK_MONOTONIC, nanoseconds */
    uint8_t kind;     /* MpyGilEventKind */
    uint8_t state;    /* the thread's MpyGilState after the event */
    uint16_t unused;
    uint32_t other;   /* MPY_GIL_EV_REQUEST: the id of the thread asked */
} MpyGilEvent;

/* Events a trace buffer holds per thread (1 MiB of address space; pages
 * are only touched as they fill).  Two CPU-bound threads switching every
 * 5 ms log about 1,200 events a second, so this lasts almost a minute;
 * after that the rest of the thread's events are dropped and the writers
 * say where the trace was cut (we keep the first part, not a ring: the
 * start of a program is usually the interesting part). */
#define MPY_GIL_TRACE_CAPACITY 65536

typedef struct MpyGilObserver MpyGilObserver;
struct MpyGilObserver {
    uint32_t id;              /* 1, 2, 3 ... in start order; the main thread is 1 */
    bool is_main;
    uint64_t ident;           /* threading.get_ident() */
    long native_id;           /* the OS thread id (as in top -H) */

    /* Written by the owner only (relaxed atomics: see the notes on top). */
    _Atomic int64_t start_ns, end_ns;      /* lifetime; end_ns is 0 while alive */
    _Atomic int state;                     /* MpyGilState */
    _Atomic int64_t state_since_ns;
    _Atomic int64_t time_ns[MPY_GIL_STATE_COUNT];
    _Atomic uint64_t acquisitions;         /* GIL takes */
    _Atomic uint64_t requests_made;        /* drop requests sent to a holder */
    _Atomic uint64_t requests_received;    /* drop requests obeyed */
    _Atomic uint64_t forced_switches;      /* requested drops handed to another thread */

    /* The trace (only with -X giltrace): events[0 .. count). */
    MpyGilEvent *events;
    uint32_t capacity;
    _Atomic uint32_t count;                /* published with release order */
    _Atomic bool truncated;                /* an event did not fit */

    /* Under the registry mutex (gil/gil_observe.c). */
    char name[64];                         /* threading name, e.g. "Thread-1 (countdown)" */
    bool named;                            /* found in threading (else a made-up name) */
    /* Owner only: a new thread learns its name at its first check point
     * (see name_at_first_check_point in gil/gil_observe.c). */
    bool naming_pending, naming_armed;
    MpyGilObserver *next;                  /* the registry, in start order */
};

/* What to observe; set once by runtime/main.c before mpy_initialize. */
typedef struct MpyGilObserveConfig {
    bool stats;               /* -X gilstats / MINIPY_GILSTATS=1 */
    bool trace;               /* -X giltrace=FILE */
    bool instructions;        /* -X trace */
    char trace_path[4096];    /* the first FILE, or "-" for stderr */
    char program[256];        /* the script's name, for titles: "countdown.py", "-c" */
} MpyGilObserveConfig;

/* The configuration (all false when nothing is observed). */
extern MpyGilObserveConfig mpy__gil_observe_config;

/* Parse -X gilstats, -X giltrace=FILE, -X trace and MINIPY_GILSTATS (not
 * with -E), open the trace file, and remember `program` for titles.
 * Returns: 0, or 1 (the exit status) after printing a CPython-style fatal
 * error ("Fatal Python error: config_read_giltrace: ...").
 * Threads: call once, before mpy_initialize. */
int mpy__gil_observe_configure(const char *const *xoptions, int nxoptions, bool ignore_env,
                               const char *program);

/* Hooks for gil/tstate.c: a thread state was created (registered, ident
 * set) / is about to be deleted by its own thread (which still holds the
 * GIL, when there is one). */
void mpy__gil_observe_thread_start(MpyThreadState *tstate);
void mpy__gil_observe_thread_exit(MpyThreadState *tstate);

/* The slow part of mpy__gil_observe: run by the owner of `tstate` only. */
void mpy__gil_observe_event(MpyThreadState *tstate, MpyGilEventKind kind, MpyThreadState *other);

/* Report an event of the calling thread (`tstate` must be its own).
 * `other`: the holder asked to drop (MPY_GIL_EV_REQUEST), else NULL.
 * Threads: owner only; no lock, no allocation. */
static inline void mpy__gil_observe(MpyThreadState *tstate, MpyGilEventKind kind,
                                    MpyThreadState *other)
{
    if (MPY_UNLIKELY(tstate->gil_observer != NULL))
        mpy__gil_observe_event(tstate, kind, other);
}

/* The current time, CLOCK_MONOTONIC, in nanoseconds. */
int64_t mpy__gil_observe_now(void);
/* When observation started (the time origin of traces). */
int64_t mpy__gil_observe_origin(void);

/* The registry: lock it to walk the records, in start order. */
MpyGilObserver *mpy__gil_observe_lock_records(void);
void mpy__gil_observe_unlock_records(void);

/* Time a record spent in `state` up to `now` (including the current
 * stretch, for a live thread).  Threads: any. */
int64_t mpy__gil_observe_time_in(MpyGilObserver *obs, MpyGilState state, int64_t now);
/* Its lifetime up to `now` (to its end, if it exited). */
int64_t mpy__gil_observe_lifetime(MpyGilObserver *obs, int64_t now);

/* Look up the threading names of live threads that have none yet (needs
 * the GIL, or an attached thread state; never runs Python code).  The
 * refresh variant re-reads every live thread's name (renamed threads). */
void mpy__gil_observe_resolve_names(void);
void mpy__gil_observe_refresh_names(void);
/* Name the calling thread (for a future _thread.set_name, as CPython
 * 3.14's Thread._bootstrap_inner calls it).  Does nothing when nothing is
 * observed.  Threads: the thread itself. */
void mpy__gil_observe_set_thread_name(MpyThreadState *tstate, const char *name);
/* Copy the name of the calling thread into buf (resolving it if needed).
 * Returns: buf.  Threads: the caller must hold the GIL / be attached. */
const char *mpy__gil_observe_thread_name(MpyThreadState *tstate, char *buf, size_t size);

/* At exit (runtime/init.c, after the main thread state is gone): print the
 * -X gilstats table and write the -X giltrace file, then forget every
 * record.  Runs no Python code. */
void mpy__gil_observe_report(void);

/* Forget all records and the configuration (tests). */
void mpy__gil_observe_reset(void);

#endif
