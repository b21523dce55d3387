/* gil/gil_observe.c: the per-thread records behind -X gilstats,
 * -X giltrace and -X trace: configuration, the state machine, the
 * registry of records, and thread names.
 *
 * See gil/gil_observe.h for the model.  The parts, in order:
 *
 *  1. configuration: parsing the -X options and MINIPY_GILSTATS;
 *  2. the registry: every record, in start order, under `registry_mutex`;
 *  3. thread start and exit: creating and closing a record;
 *  4. events: the state machine and the trace buffer (owner only, no lock);
 *  5. names: a thread is known to threading by its name ("Thread-1
 *     (countdown)"), but the C runtime only knows its ident.  We look the
 *     ident up in threading._active (a dict ident -> Thread) whenever a
 *     thread that holds the GIL passes a slow point (a GIL take, the start
 *     of a blocking call, a thread exit) while some live thread has no
 *     name yet, and read the Thread's `_name` straight from its __dict__,
 *     so no Python code ever runs inside the GIL machinery.  We hold
 *     threading's own `_active_limbo_lock` (acquired without blocking)
 *     while we read, so the free-threaded build is safe too.
 *
 * The registry mutex is never held while running Python code or touching
 * Python objects, so it cannot take part in a deadlock.
 */
#include "gil/gil_observe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pthread.h>

#include "gil/gil.h"
#include "gil/gil_stats.h"
#include "gil/gil_trace.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/trace.h"

MpyGilObserveConfig mpy__gil_observe_config;

static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static MpyGilObserver *records_head, *records_tail; /* under registry_mutex */
static uint32_t next_id = 1;                       /* under registry_mutex */
static int64_t origin_ns;                          /* set by configure */
static _Atomic int unnamed_live;                   /* live records without a threading name */
static _Thread_local bool resolving;               /* guards against re-entry */

/* Relaxed atomics, written by the owner only (see the header's notes). */
#define LOAD(p) atomic_load_explicit((p), memory_order_relaxed)
#define STORE(p, v) atomic_store_explicit((p), (v), memory_order_relaxed)
#define OWNER_ADD(p, d) STORE((p), LOAD(p) + (d))

int64_t mpy__gil_observe_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t mpy__gil_observe_origin(void)
{
    return origin_ns;
}

static bool observing(void)
{
    const MpyGilObserveConfig *c = &mpy__gil_observe_config;
    return c->stats || c->trace || c->instructions;
}

/* ------------------------------------------------------------------ */
/* 1. Configuration                                                     */

/* CPython's wording for a bad -X value, then exit status 1. */
static int fatal(const char *where, const char *msg)
{
    fprintf(stderr, "Fatal Python error: %s: %s\nPython runtime state: preinitialized\n\n",
            where, msg);
    return 1;
}

/* "name", "name=1" -> 1; "name=0" -> 0; not this option -> -1; a bad
 * value -> -2 (error printed). */
static int read_switch(const char *xopt, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(xopt, name, n) != 0 || (xopt[n] != '\0' && xopt[n] != '='))
        return -1;
    if (xopt[n] == '\0' || strcmp(xopt + n + 1, "1") == 0)
        return 1;
    if (strcmp(xopt + n + 1, "0") == 0)
        return 0;
    char msg[128];
    snprintf(msg, sizeof msg, "-X %s must be \"0\" or \"1\"", name);
    fatal(name[0] == 'g' ? "config_read_gilstats" : "config_read_trace", msg);
    return -2;
}

/* -X giltrace[=FILE]: returns 0, or 1 after a fatal error. */
static int read_giltrace(const char *value)
{
    MpyGilObserveConfig *c = &mpy__gil_observe_config;
    if (value == NULL)
        value = "-"; /* bare -X giltrace: the terminal timeline */
    if (value[0] == '\0')
        return fatal("config_read_giltrace",
                     "-X giltrace needs a file name: -X giltrace=FILE.json|.svg|.html|.txt, "
                     "or -X giltrace=- for a timeline on stderr");
    if (strlen(value) >= sizeof c->trace_path)
        return fatal("config_read_giltrace", "-X giltrace: file name too long");
    char err[4400];
    if (mpy__gil_trace_open(value, err, sizeof err) < 0)
        return fatal("config_read_giltrace", err);
    if (!c->trace)  /* the first one; they may be several */
        snprintf(c->trace_path, sizeof c->trace_path, "%s", value);
    c->trace = true;
    return 0;
}

int mpy__gil_observe_configure(const char *const *xoptions, int nxoptions, bool ignore_env,
                               const char *program)
{
    MpyGilObserveConfig *c = &mpy__gil_observe_config;
    const char *env = ignore_env ? NULL : getenv("MINIPY_GILSTATS");
    if (env != NULL && env[0] != '\0' && strcmp(env, "0") != 0)
        c->stats = true;
    for (int i = 0; i < nxoptions; i++) {
        const char *x = xoptions[i];
        int v;
        if ((v = read_switch(x, "gilstats")) != -1) {
            if (v == -2)
                return 1;
            c->stats = v;
        } else if ((v = read_switch(x, "trace")) != -1) {
            if (v == -2)
                return 1;
            c->instructions = v;
        } else if (strncmp(x, "giltrace", 8) == 0 && (x[8] == '\0' || x[8] == '=')) {
            if (read_giltrace(x[8] == '=' ? x + 9 : NULL) != 0)
                return 1;
        }
    }
    snprintf(c->program, sizeof c->program, "%s", program != NULL ? program : "");
    mpy__trace_instructions = c->instructions;
    origin_ns = mpy__gil_observe_now();
    return 0;
}

/* ------------------------------------------------------------------ */
/* 2. The registry                                                      */

MpyGilObserver *mpy__gil_observe_lock_records(void)
{
    pthread_mutex_lock(&registry_mutex);
    return records_head;
}

void mpy__gil_observe_unlock_records(void)
{
    pthread_mutex_unlock(&registry_mutex);
}

int64_t mpy__gil_observe_time_in(MpyGilObserver *obs, MpyGilState state, int64_t now)
{
    int64_t t = LOAD(&obs->time_ns[state]);
    if (LOAD(&obs->state) == (int)state && LOAD(&obs->end_ns) == 0)
        t += now - LOAD(&obs->state_since_ns);
    return t;
}

int64_t mpy__gil_observe_lifetime(MpyGilObserver *obs, int64_t now)
{
    int64_t end = LOAD(&obs->end_ns);
    return (end != 0 ? end : now) - LOAD(&obs->start_ns);
}

void mpy__gil_observe_reset(void)
{
    pthread_mutex_lock(&registry_mutex);
    MpyGilObserver *obs = records_head;
    while (obs != NULL) {
        MpyGilObserver *next = obs->next;
        // A live thread still writes to its record: leave it (a leak).
        if (LOAD(&obs->end_ns) != 0) {
            free(obs->events);
            free(obs);
        }
        obs = next;
    }
    records_head = records_tail = NULL;
    next_id = 1;
    atomic_store(&unnamed_live, 0);
    pthread_mutex_unlock(&registry_mutex);
    mpy__gil_trace_close();
    memset(&mpy__gil_observe_config, 0, sizeof mpy__gil_observe_config);
    mpy__trace_instructions = false;
}

/* ------------------------------------------------------------------ */
/* 3. Thread start and exit                                             */

static void arm_naming(MpyThreadState *tstate, MpyGilObserver *obs);

static void append_event(MpyGilObserver *obs, int64_t now, MpyGilEventKind kind, int state,
                         uint32_t other)
{
    uint32_t n = LOAD(&obs->count);
    if (n >= obs->capacity) {
        STORE(&obs->truncated, true);
        return;
    }
    obs->events[n] = (MpyGilEvent){.time_ns = now, .kind = (uint8_t)kind,
                                   .state = (uint8_t)state, .other = other};
    // Release: a reader that sees the new count sees the event too.
    atomic_store_explicit(&obs->count, n + 1, memory_order_release);
}

void mpy__gil_observe_thread_start(MpyThreadState *tstate)
{
    if (!observing())
        return;
    MpyGilObserver *obs = calloc(1, sizeof *obs);
    if (obs == NULL)
        return; /* not observed: a missing row is better than a failed thread */
    if (mpy__gil_observe_config.trace) {
        obs->events = malloc(sizeof(MpyGilEvent) * MPY_GIL_TRACE_CAPACITY);
        obs->capacity = obs->events != NULL ? MPY_GIL_TRACE_CAPACITY : 0;
        if (obs->events == NULL)
            obs->truncated = true;
    }
    MpyInterp *interp = tstate->interp;
    // mpy_initialize sets main_tstate just after creating it.
    obs->is_main = interp->main_tstate == NULL || interp->main_tstate == tstate;
    obs->ident = tstate->ident;
    obs->native_id = tstate->native_id;
    int64_t now = mpy__gil_observe_now();
    // Until it takes the GIL a new thread waits for it (no GIL: it runs).
    int state = mpy__gil_enabled() ? MPY_GIL_WAITING : MPY_GIL_RUNNING;
    STORE(&obs->start_ns, now);
    STORE(&obs->state, state);
    STORE(&obs->state_since_ns, now);
    pthread_mutex_lock(&registry_mutex);
    obs->id = next_id++;
    if (obs->is_main) {
        snprintf(obs->name, sizeof obs->name, "MainThread");
        obs->named = true;
    } else {
        snprintf(obs->name, sizeof obs->name, "thread %ld", obs->native_id);
        atomic_fetch_add(&unnamed_live, 1);
        obs->naming_pending = true;
    }
    if (records_tail != NULL)
        records_tail->next = obs;
    else
        records_head = obs;
    records_tail = obs;
    pthread_mutex_unlock(&registry_mutex);
    if (obs->events != NULL)
        append_event(obs, now, MPY_GIL_EV_START, state, 0);
    tstate->gil_observer = obs;
    // Without a GIL there is no first take to wait for (see arm_naming).
    if (obs->naming_pending && !mpy__gil_enabled())
        arm_naming(tstate, obs);
}

/* Close the current stretch of time and enter `next`. */
static void enter_state(MpyGilObserver *obs, int next, int64_t now)
{
    int state = LOAD(&obs->state);
    if (state < MPY_GIL_STATE_COUNT)
        OWNER_ADD(&obs->time_ns[state], now - LOAD(&obs->state_since_ns));
    STORE(&obs->state, next);
    STORE(&obs->state_since_ns, now);
}

void mpy__gil_observe_thread_exit(MpyThreadState *tstate)
{
    MpyGilObserver *obs = tstate->gil_observer;
    if (obs == NULL)
        return;
    // Others may still be unnamed: this thread holds the GIL, look now.
    if (atomic_load(&unnamed_live) > (obs->named ? 0 : 1))
        mpy__gil_observe_resolve_names();
    int64_t now = mpy__gil_observe_now();
    enter_state(obs, MPY_GIL_EXITED, now);
    if (obs->events != NULL)
        append_event(obs, now, MPY_GIL_EV_EXIT, MPY_GIL_EXITED, 0);
    STORE(&obs->end_ns, now);
    pthread_mutex_lock(&registry_mutex);
    if (!obs->named && !obs->is_main)
        atomic_fetch_sub(&unnamed_live, 1);
    pthread_mutex_unlock(&registry_mutex);
    tstate->gil_observer = NULL;
}

/* ------------------------------------------------------------------ */
/* 4. Events                                                            */

static void name_from_own_frames(MpyThreadState *tstate, MpyGilObserver *obs);

/* A thread started by threading should show its name even if it lives
 * only a few milliseconds and never blocks.  The C runtime cannot see
 * the name (it lives in the Thread object), but the thread's own first
 * Python frame, Thread._bootstrap(self), holds it.  So a new thread gets
 * a drop request of its own: the eval loop answers it at its very first
 * check point (the RESUME of _bootstrap), where mpy__gil_yield reports a
 * YIELD to us; we read the name from the frame, withdraw the request and
 * let the (now voluntary) drop and retake go on.  It costs one GIL
 * release per thread start, and only when observing.  (A hook in threading
 * itself, like CPython 3.14's _thread.set_name, would make this simpler.) */
static void arm_naming(MpyThreadState *tstate, MpyGilObserver *obs)
{
    obs->naming_armed = true;
    mpy__breaker_set(tstate, MPY_BREAKER_GIL_DROP_REQUEST);
}

static void name_at_first_check_point(MpyThreadState *tstate, MpyGilObserver *obs)
{
    obs->naming_pending = false;
    mpy__breaker_clear(tstate, MPY_BREAKER_GIL_DROP_REQUEST);
    if (!obs->named)
        name_from_own_frames(tstate, obs);
}

static bool read_thread_name(MpyObject *thread, char *buf, size_t size);
static void set_name(MpyGilObserver *obs, const char *name);

/* A thread started by threading runs Thread._bootstrap(self) at the bottom
 * of its stack: read the name from that `self`.  Cheap (our own frames),
 * so it is tried whenever the thread yields or blocks unnamed. */
static void name_from_own_frames(MpyThreadState *tstate, MpyGilObserver *obs)
{
    MpyFrame *bottom = tstate->frame;
    while (bottom != NULL && bottom->previous != NULL)
        bottom = bottom->previous;
    if (bottom == NULL || bottom->code->nlocalsplus < 1 || bottom->localsplus[0] == NULL ||
        strcmp(mpy_str_utf8(bottom->code->name), "_bootstrap") != 0 ||
        strcmp(mpy_str_utf8(bottom->code->filename), "<frozen threading>") != 0)
        return;
    char name[sizeof obs->name];
    MpyObject *saved = mpy_err_fetch();
    if (read_thread_name(bottom->localsplus[0], name, sizeof name))
        set_name(obs, name);
    mpy_err_clear();
    if (saved != NULL)
        mpy_err_restore_raw(saved);
}

void mpy__gil_observe_event(MpyThreadState *tstate, MpyGilEventKind kind, MpyThreadState *other)
{
    MpyGilObserver *obs = tstate->gil_observer;
    int64_t now = mpy__gil_observe_now();
    int state = LOAD(&obs->state), next = state;
    uint32_t other_id = 0;
    switch (kind) {
    case MPY_GIL_EV_WAIT: next = MPY_GIL_WAITING; break;
    case MPY_GIL_EV_TAKE:
        next = MPY_GIL_RUNNING;
        OWNER_ADD(&obs->acquisitions, 1);
        if (obs->naming_pending && !obs->naming_armed)
            arm_naming(tstate, obs);  /* after take cleared the request bit */
        break;
    case MPY_GIL_EV_DROP:
        // A drop before blocking keeps BLOCKED; any other drop waits to retake.
        if (state == MPY_GIL_RUNNING)
            next = MPY_GIL_WAITING;
        break;
    case MPY_GIL_EV_REQUEST:
        OWNER_ADD(&obs->requests_made, 1);
        // `other` holds the GIL, so it is alive and its record is stable.
        if (other != NULL && other->gil_observer != NULL)
            other_id = other->gil_observer->id;
        break;
    case MPY_GIL_EV_YIELD:
        if (obs->naming_pending) {
            name_at_first_check_point(tstate, obs);
            return;  /* not a real request: nothing to count or record */
        }
        OWNER_ADD(&obs->requests_received, 1);
        break;
    case MPY_GIL_EV_FORCED_SWITCH: OWNER_ADD(&obs->forced_switches, 1); break;
    case MPY_GIL_EV_BLOCK: next = MPY_GIL_BLOCKED; break;
    case MPY_GIL_EV_UNBLOCK: next = mpy__gil_enabled() ? MPY_GIL_WAITING : MPY_GIL_RUNNING; break;
    default: break;
    }
    bool instant = kind == MPY_GIL_EV_REQUEST || kind == MPY_GIL_EV_YIELD ||
                   kind == MPY_GIL_EV_FORCED_SWITCH;
    if (next != state)
        enter_state(obs, next, now);
    if (obs->events != NULL && (next != state || instant))
        append_event(obs, now, kind, next, other_id);
    // About to block or to yield, still holding the GIL: a good moment to
    // learn thread names.  (Not at TAKE: that is stamped under the GIL's own
    // mutex.)
    if ((kind == MPY_GIL_EV_BLOCK || kind == MPY_GIL_EV_YIELD) && !obs->named)
        name_from_own_frames(tstate, obs);
    if (kind == MPY_GIL_EV_BLOCK && atomic_load(&unnamed_live) > 0)
        mpy__gil_observe_resolve_names();
}

/* ------------------------------------------------------------------ */
/* 5. Names                                                             */

/* threading.<name>, or NULL.  Returns: new reference; never raises. */
static MpyObject *threading_global(const char *name)
{
    MpyInterp *interp = mpy__interp_get();
    if (interp == NULL || interp->modules == NULL || interp->finalizing)
        return NULL;
    MpyObject *threading = mpy_dict_get_cstr(interp->modules, "threading");
    if (threading == NULL || !mpy_module_check(threading)) {
        MPY_XDECREF(threading);
        return NULL;
    }
    MpyObject *value = mpy_dict_get_cstr(mpy_module_get_dict(threading), name);
    MPY_DECREF(threading);
    return value;
}

/* Thread._name, read from the instance dict (no Python code runs). */
static bool read_thread_name(MpyObject *thread, char *buf, size_t size)
{
    MpyObject **dictp = mpy_object_dict_ptr(thread);
    if (dictp == NULL || *dictp == NULL || !mpy_dict_check(*dictp))
        return false;
    MpyObject *name = mpy_dict_get_cstr(*dictp, "_name");
    bool ok = name != NULL && mpy_str_check(name);
    if (ok)
        snprintf(buf, size, "%s", mpy_str_utf8(name));
    MPY_XDECREF(name);
    return ok;
}

/* Try threading._active_limbo_lock.acquire(False).  Returns the lock (new
 * reference) if we got it, else NULL. */
static MpyObject *try_lock_threading(void)
{
    MpyObject *lock = threading_global("_active_limbo_lock");
    if (lock == NULL)
        return NULL;
    MpyObject *arg = MPY_FALSE;
    MpyObject *got = mpy_object_call_method_cstr(lock, "acquire", &arg, 1);
    bool ok = got == MPY_TRUE;
    MPY_XDECREF(got);
    if (!ok)
        MPY_CLEAR(lock);
    return lock;
}

static void unlock_threading(MpyObject *lock)
{
    MpyObject *r = mpy_object_call_method_cstr(lock, "release", NULL, 0);
    MPY_XDECREF(r);
    MPY_DECREF(lock);
}

static void set_name(MpyGilObserver *obs, const char *name)
{
    pthread_mutex_lock(&registry_mutex);
    snprintf(obs->name, sizeof obs->name, "%s", name);
    // An exited thread was taken off the count already (it sets end_ns
    // before it takes this mutex).
    if (!obs->named && !obs->is_main && LOAD(&obs->end_ns) == 0)
        atomic_fetch_sub(&unnamed_live, 1);
    obs->named = true;
    pthread_mutex_unlock(&registry_mutex);
}

enum { MAX_LOOKUPS = 256 };

/* Look up the names of (at most MAX_LOOKUPS) live records; all of them
 * when `refresh` (a thread may have been renamed), else the unnamed. */
static void resolve(bool refresh)
{
    if (resolving || mpy__tstate_get() == NULL)
        return;
    resolving = true;
    MpyObject *saved = mpy_err_fetch();
    MpyObject *lock = try_lock_threading();
    MpyObject *active = lock != NULL ? threading_global("_active") : NULL;
    if (active != NULL && mpy_dict_check(active)) {
        MpyGilObserver *todo[MAX_LOOKUPS];
        int n = 0;
        pthread_mutex_lock(&registry_mutex);
        for (MpyGilObserver *o = records_head; o != NULL && n < MAX_LOOKUPS; o = o->next) {
            if (LOAD(&o->end_ns) == 0 && (refresh || !o->named))
                todo[n++] = o;
        }
        pthread_mutex_unlock(&registry_mutex);
        // Records are never freed while their thread lives, and a live
        // thread's ident is in _active only while it runs, so a stale
        // pointer at worst gets a name that is not read any more.
        for (int i = 0; i < n; i++) {
            MpyObject *key = mpy_int_from_ulong(todo[i]->ident);
            MpyObject *thread = key != NULL ? mpy_dict_get(active, key) : NULL;
            char name[sizeof todo[i]->name];
            if (thread != NULL && read_thread_name(thread, name, sizeof name))
                set_name(todo[i], name);
            MPY_XDECREF(thread);
            MPY_XDECREF(key);
        }
    }
    MPY_XDECREF(active);
    if (lock != NULL)
        unlock_threading(lock);
    mpy_err_clear();
    if (saved != NULL)
        mpy_err_restore_raw(saved);
    resolving = false;
}

void mpy__gil_observe_resolve_names(void)
{
    resolve(false);
}

/* sys._gil_stats() wants current names, including renamed threads. */
void mpy__gil_observe_refresh_names(void)
{
    resolve(true);
}

void mpy__gil_observe_set_thread_name(MpyThreadState *tstate, const char *name)
{
    MpyGilObserver *obs = tstate != NULL ? tstate->gil_observer : NULL;
    if (obs != NULL)
        set_name(obs, name);
}

const char *mpy__gil_observe_thread_name(MpyThreadState *tstate, char *buf, size_t size)
{
    MpyGilObserver *obs = tstate != NULL ? tstate->gil_observer : NULL;
    if (obs == NULL) {
        snprintf(buf, size, "thread %ld", tstate != NULL ? tstate->native_id : 0L);
        return buf;
    }
    if (!obs->named)
        name_from_own_frames(tstate, obs);
    if (!obs->named)
        mpy__gil_observe_resolve_names();
    pthread_mutex_lock(&registry_mutex);
    snprintf(buf, size, "%s", obs->name);
    pthread_mutex_unlock(&registry_mutex);
    return buf;
}

/* ------------------------------------------------------------------ */
/* The report at exit                                                   */

void mpy__gil_observe_report(void)
{
    if (mpy__gil_observe_config.stats)
        mpy__gil_stats_print(stderr);
    if (mpy__gil_observe_config.trace)
        mpy__gil_trace_write();
    fflush(stderr);
    // Once per process: a later mpy_initialize (embedding) starts afresh.
    mpy__gil_observe_reset();
}
