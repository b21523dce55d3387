/* runtime/gc.c: the cycle collector.
 *
 * Models CPython's Modules/gcmodule.c.  Reference counting frees most
 * objects the moment they become unreachable, but not cycles (a list that
 * contains itself, two objects pointing at each other).  The collector
 * finds them among the *tracked* containers (objects whose type has
 * MPY_TPFLAGS_HAVE_GC), kept on three generation lists:
 *
 *  1. gc_refs := refcount, for every object of the generations collected;
 *  2. for every such object, subtract 1 from gc_refs of each object it
 *     references (traverse): what is left counts references from *outside*
 *     the set;
 *  3. objects with gc_refs > 0 are reachable, and so is everything they
 *     reference (a worklist marks them); the rest is garbage;
 *  4. garbage with a __del__ gets it called once (finalizers may resurrect
 *     objects, so such garbage is only freed by a later collection);
 *  5. otherwise every garbage object's `clear` slot drops its references,
 *     which breaks the cycles, and reference counting frees them.
 *
 * Survivors move to the next generation.  A collection is scheduled (an
 * eval-breaker bit, so it runs at a safe point, never in the middle of C
 * code) when more than threshold0 containers were allocated since the last
 * one, as CPython's default thresholds (700, 10, 10).
 *
 * The GIL build keeps the three lists and the GIL guards them.  The
 * free-threaded build gives every thread its own young list (tracking and
 * untracking an object of one's own then only takes an uncontended
 * per-list lock, and two threads allocating containers never share a cache
 * line); a tracked object's MpyGCHead.refs names the list it is on, so any
 * thread can untrack it.  The collector stops the world (every other
 * thread parked at a safe point), moves the young lists into generation 0,
 * finds the garbage, restarts the world and then runs finalizers, as
 * CPython's does.  The older generations are guarded by gc_mutex.
 */
#include "runtime/gc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gil/atomic.h"
#include "gil/gil.h"
#include "gil/mutex.h"
#include "gil/qsbr.h"
#include "gil/tstate.h"
#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/type.h"

#define NUM_GENERATIONS 3

/* Flags in MpyGCHead.spare while a collection runs. */
enum { IN_SET = 1, REACHABLE = 2, FINALIZED = 4 };

typedef struct Generation {
    MpyGCHead head;  /* circular list sentinel */
    int threshold;
    int count;       /* gen 0: allocations - frees; older: collections of the younger */
} Generation;

typedef struct GCState {
    Generation gens[NUM_GENERATIONS];
    bool enabled;
    bool collecting;
    long long collections[NUM_GENERATIONS];
    long long collected[NUM_GENERATIONS];
    long long uncollectable[NUM_GENERATIONS];
} GCState;

static GCState gc = {
    .gens = {{{&gc.gens[0].head, &gc.gens[0].head, 0, 0}, 700, 0},
             {{&gc.gens[1].head, &gc.gens[1].head, 0, 0}, 10, 0},
             {{&gc.gens[2].head, &gc.gens[2].head, 0, 0}, 10, 0}},
    .enabled = true,
};

#if MPY_FREE_THREADED
static pthread_mutex_t gc_mutex = PTHREAD_MUTEX_INITIALIZER;
#define GC_LOCK() pthread_mutex_lock(&gc_mutex)
#define GC_UNLOCK() pthread_mutex_unlock(&gc_mutex)
#else
#define GC_LOCK() ((void)0)
#define GC_UNLOCK() ((void)0)
#endif

/* Free-threaded: gc.enabled, gc.collecting and the generations' counts and
 * thresholds are read without gc_mutex by every thread (the scheduling
 * checks of mpy_gc_track, the gc module); they are written under it (or by
 * the one thread that claimed `collecting`).  So writes, and reads outside
 * the lock, are relaxed atomics there (TSan); plain in the GIL build. */
#define GC_GET(x) MPY_FT_LOAD_RELAXED(x)
#define GC_SET(x, v) MPY_FT_STORE_RELAXED(x, v)

/* Become the one collecting thread; false if a collection is running
 * (then gc.collect() returns 0, as in CPython). */
static bool claim_collecting(void)
{
#if MPY_FREE_THREADED
    return !__atomic_exchange_n(&gc.collecting, true, __ATOMIC_ACQ_REL);
#else
    if (gc.collecting)
        return false;
    gc.collecting = true;
    return true;
#endif
}

/* ------------------------------------------------------------------ */
/* Lists                                                                */

static void list_append(MpyGCHead *head, MpyGCHead *g)
{
    g->prev = head->prev;
    g->next = head;
    head->prev->next = g;
    head->prev = g;
}

static void list_remove(MpyGCHead *g)
{
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
}

static bool list_empty(MpyGCHead *head)
{
    return head->next == head;
}

/* Move all of `from` to the end of `to`. */
static void list_merge(MpyGCHead *from, MpyGCHead *to)
{
    if (list_empty(from))
        return;
    MpyGCHead *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    from->next = from->prev = from;
}

void mpy__gc_init(void)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        if (gc.gens[i].head.next == NULL)
            gc.gens[i].head.next = gc.gens[i].head.prev = &gc.gens[i].head;
    }
}

void mpy__gc_fini(void)
{
    /* Objects still tracked at exit are left to the OS, as CPython does. */
}

#if !MPY_FREE_THREADED
static void schedule_if_needed(void)
{
    if (!gc.enabled || gc.collecting || gc.gens[0].threshold == 0 ||
        gc.gens[0].count <= gc.gens[0].threshold)
        return;
    MpyThreadState *ts = mpy__tstate_get();
    if (ts != NULL)
        mpy__breaker_set(ts, MPY_BREAKER_GC_SCHEDULED);
}
#endif

#if MPY_FREE_THREADED

/* A thread's young list (tstate->gc_young). */
typedef struct YoungList {
    MpyGCHead head;
    MpyMutex mu;
    int count;
} YoungList;

static YoungList *young_of(MpyGCHead *list)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        if (list == &gc.gens[i].head)
            return NULL;
    }
    return (YoungList *)list;
}

static MpyGCHead *owner_list(MpyGCHead *g)
{
    return (MpyGCHead *)__atomic_load_n(&g->refs, __ATOMIC_ACQUIRE);
}

static void set_owner_list(MpyGCHead *g, MpyGCHead *list)
{
    __atomic_store_n(&g->refs, (intptr_t)list, __ATOMIC_RELEASE);
}

/* Only this thread runs: nobody else can touch its young list, so it
 * takes no lock.  (A new Python thread is counted before it runs, while
 * its creator waits; a host thread that attaches with mpy_gil_ensure
 * stops the world once, so an operation begun unlocked finishes first.) */
static inline bool young_list_private(void)
{
    return atomic_load_explicit(&mpy__interp->nthreads, memory_order_acquire) <= 1;
}

int mpy__gc_thread_init(MpyThreadState *ts)
{
    YoungList *y = calloc(1, sizeof *y);
    if (y == NULL)
        return -1;
    y->head.next = y->head.prev = &y->head;
    ts->gc_young = y;
    return 0;
}

/* Thread exit: its young objects join generation 0. */
void mpy__gc_thread_fini(MpyThreadState *ts)
{
    YoungList *y = ts->gc_young;
    if (y == NULL)
        return;
    GC_LOCK();
    mpy_mutex_lock_nodetach(&y->mu);
    for (MpyGCHead *g = y->head.next; g != &y->head; g = g->next)
        set_owner_list(g, &gc.gens[0].head);
    list_merge(&y->head, &gc.gens[0].head);
    GC_SET(gc.gens[0].count, gc.gens[0].count + y->count);
    y->count = 0;
    mpy_mutex_unlock(&y->mu);
    GC_UNLOCK();
    ts->gc_young = NULL;
    mpy__qsbr_retire_free(y); /* an untracker may still be looking at it */
}

void mpy_gc_track(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    MpyThreadState *ts = mpy__tstate_get();
    YoungList *y = ts != NULL ? ts->gc_young : NULL;
    g->spare = 0;
    if (y == NULL) { /* (no thread state yet: startup) */
        GC_LOCK();
        list_append(&gc.gens[0].head, g);
        set_owner_list(g, &gc.gens[0].head);
        GC_SET(gc.gens[0].count, gc.gens[0].count + 1);
        GC_UNLOCK();
        return;
    }
    bool private = young_list_private();
    if (!private)
        mpy_mutex_lock_nodetach(&y->mu);
    list_append(&y->head, g);
    set_owner_list(g, &y->head);
    int count = ++y->count;
    if (!private)
        mpy_mutex_unlock(&y->mu);
    int threshold = GC_GET(gc.gens[0].threshold);
    if (count > threshold && threshold > 0 && GC_GET(gc.enabled) && !GC_GET(gc.collecting))
        mpy__breaker_set(ts, MPY_BREAKER_GC_SCHEDULED);
}

void mpy_gc_untrack(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    for (;;) {
        MpyGCHead *list = owner_list(g);
        if (list == NULL)
            return;
        YoungList *y = young_of(list);
        bool private = y != NULL && young_list_private();
        if (private) {
            list_remove(g);
            set_owner_list(g, NULL);
            y->count--;
            return;
        }
        if (y != NULL)
            mpy_mutex_lock_nodetach(&y->mu);
        else
            GC_LOCK();
        bool same = owner_list(g) == list;
        if (same) {
            list_remove(g);
            set_owner_list(g, NULL);
            if (y != NULL)
                y->count--;
            else if (list == &gc.gens[0].head && gc.gens[0].count > 0)
                GC_SET(gc.gens[0].count, gc.gens[0].count - 1);
        }
        if (y != NULL)
            mpy_mutex_unlock(&y->mu);
        else
            GC_UNLOCK();
        if (same)
            return;
        /* Moved meanwhile (its thread exited): try the new list. */
    }
}

bool mpy_gc_is_tracked(MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_object_is_gc(o) && owner_list(mpy__gc_head(o)) != NULL;
}

/* With the world stopped: every thread's young objects into generation 0.
 * Their owner becomes generation 0 too: mpy__gc_for_each leaves them
 * there, and an owner still naming the young list made mpy_gc_untrack
 * unlink them under the young list's lock instead of gc_mutex (a race with
 * mpy__gc_thread_fini found by TSan). */
static void gather_young(void)
{
    for (MpyThreadState *t = mpy__interp->threads; t != NULL; t = t->next) {
        YoungList *y = t->gc_young;
        if (y == NULL)
            continue;
        mpy_mutex_lock_nodetach(&y->mu);
        for (MpyGCHead *g = y->head.next; g != &y->head; g = g->next)
            set_owner_list(g, &gc.gens[0].head);
        list_merge(&y->head, &gc.gens[0].head);
        GC_SET(gc.gens[0].count, gc.gens[0].count + y->count);
        y->count = 0;
        mpy_mutex_unlock(&y->mu);
    }
}

/* After a collection used `refs` as scratch: the objects of `set` are
 * about to move to `list`. */
static void restore_owner(MpyGCHead *set, MpyGCHead *list)
{
    for (MpyGCHead *g = set->next; g != set; g = g->next)
        set_owner_list(g, list);
}

#else /* the GIL build */

void mpy_gc_track(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    MPY_ASSERT(g->next == NULL);
    g->spare = 0;
    list_append(&gc.gens[0].head, g);
    gc.gens[0].count++;
    schedule_if_needed();
}

void mpy_gc_untrack(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    if (g->next == NULL)
        return;
    list_remove(g);
    if (gc.gens[0].count > 0)
        gc.gens[0].count--;
}

bool mpy_gc_is_tracked(MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_object_is_gc(o) && mpy__gc_head(o)->next != NULL;
}

static void gather_young(void) {}
static void restore_owner(MpyGCHead *set, MpyGCHead *list) { (void)set; (void)list; }

#endif

bool mpy_gc_is_finalized(MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_object_is_gc(o) && (mpy__gc_head(o)->spare & FINALIZED);
}

void mpy__gc_set_finalized(MpyObject *o)
{
    if (!mpy_is_small_int(o) && mpy_object_is_gc(o))
        mpy__gc_head(o)->spare |= FINALIZED;
}

/* ------------------------------------------------------------------ */
/* Finding garbage                                                      */

/* Is `o` a tracked container inside the set being collected? */
static inline MpyGCHead *in_set(MpyObject *o)
{
    if (mpy_is_small_int(o) || !mpy_object_is_gc(o))
        return NULL;
    MpyGCHead *g = mpy__gc_head(o);
    return g->next != NULL && (g->spare & IN_SET) ? g : NULL;
}

static int visit_decref(MpyObject *o, void *arg)
{
    MpyGCHead *g = in_set(o);
    if (g != NULL)
        g->refs--;
    return 0;
}

/* A growable array of objects (the reachability worklist, the garbage). */
typedef struct ObjArray {
    MpyObject **items;
    size_t len, cap;
} ObjArray;

static int push(ObjArray *a, MpyObject *o)
{
    if (a->len == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        MpyObject **p = realloc(a->items, cap * sizeof *p);
        if (p == NULL)
            return -1;
        a->items = p;
        a->cap = cap;
    }
    a->items[a->len++] = o;
    return 0;
}

static int visit_reachable(MpyObject *o, void *arg)
{
    MpyGCHead *g = in_set(o);
    if (g != NULL && !(g->spare & REACHABLE)) {
        g->spare |= REACHABLE;
        if (push((ObjArray *)arg, o) < 0)
            return -1;
    }
    return 0;
}

static void traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyTraverseFunc t = MPY_TYPE(o)->traverse;
    if (t != NULL)
        t(o, visit, arg);
}

/* Steps 1-3 over the list `set`.  Fills `garbage` with new references to
 * the unreachable objects.  `held` references to every object of the set
 * belong to the collector itself and do not make it reachable.  Returns 0,
 * or -1 when out of memory (then nothing is collected). */
static int find_garbage(MpyGCHead *set, ObjArray *garbage, intptr_t held)
{
    for (MpyGCHead *g = set->next; g != set; g = g->next) {
        g->spare = (g->spare & FINALIZED) | IN_SET;
        g->refs = mpy_refcnt(mpy__gc_object(g)) - held;
    }
    for (MpyGCHead *g = set->next; g != set; g = g->next)
        traverse(mpy__gc_object(g), visit_decref, NULL);
    ObjArray work = {0};
    int err = 0;
    for (MpyGCHead *g = set->next; g != set && err == 0; g = g->next) {
        if (g->refs > 0 && !(g->spare & REACHABLE)) {
            g->spare |= REACHABLE;
            err = push(&work, mpy__gc_object(g));
        }
    }
    while (err == 0 && work.len > 0) {
        MpyObject *o = work.items[--work.len];
        MpyTraverseFunc t = MPY_TYPE(o)->traverse;
        if (t != NULL && t(o, visit_reachable, &work) < 0)
            err = -1;
    }
    free(work.items);
    for (MpyGCHead *g = set->next; g != set && err == 0; g = g->next) {
        if (!(g->spare & REACHABLE)) {
            MpyObject *o = mpy__gc_object(g);
            MPY_INCREF(o);
            err = push(garbage, o);
            if (err < 0)
                MPY_DECREF(o);
        }
    }
    for (MpyGCHead *g = set->next; g != set; g = g->next)
        g->spare &= FINALIZED;
    return err;
}

static bool has_finalizer(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    return mpy_type_has_flag(t, MPY_TPFLAGS_HEAPTYPE) && mpy_type_lookup(t, MPY_ID(__del__)) != NULL;
}

/* Step 4: run the __del__ of garbage not finalized before.  Returns the
 * number run (then the garbage is kept for a later collection). */
static size_t run_finalizers(ObjArray *garbage)
{
    size_t n = 0;
    for (size_t i = 0; i < garbage->len; i++) {
        MpyObject *o = garbage->items[i];
        MpyGCHead *g = mpy__gc_head(o);
        if ((g->spare & FINALIZED) || !has_finalizer(o))
            continue;
        g->spare |= FINALIZED;
        MpyObject *del = mpy_type_lookup(MPY_TYPE(o), MPY_ID(__del__));
        MpyObject *r = mpy_object_call1(del, o);
        if (r == NULL)
            mpy_err_write_unraisable(del);
        MPY_XDECREF(r);
        n++;
    }
    return n;
}

/* Step 5: break every cycle, then let refcounting free the garbage. */
static void clear_garbage(ObjArray *garbage)
{
    for (size_t i = 0; i < garbage->len; i++) {
        MpyObject *o = garbage->items[i];
        MpyInquiryFunc clear = MPY_TYPE(o)->clear;
        if (clear != NULL && mpy_gc_is_tracked(o))
            clear(o);
    }
}

/* ------------------------------------------------------------------ */
/* Collections                                                          */

/* After finalizers ran, garbage they resurrected (stored somewhere
 * reachable) must survive: run steps 1-3 again over the garbage alone and
 * keep only what is still unreachable (CPython's handle_resurrected_objects).
 * The survivors go back to generation `to`. */
static int drop_resurrected(ObjArray *garbage, MpyGCHead *to)
{
    MpyGCHead set = {&set, &set, 0, 0};
    ObjArray kept = {0};
    for (size_t i = 0; i < garbage->len; i++) {
        MpyGCHead *g = mpy__gc_head(garbage->items[i]);
        if (g->next != NULL) {
            list_remove(g);
            list_append(&set, g);
        }
    }
    int err = find_garbage(&set, &kept, 1);
    restore_owner(&set, to);
    list_merge(&set, to);
    for (size_t i = 0; i < garbage->len; i++)
        MPY_DECREF(garbage->items[i]);
    free(garbage->items);
    *garbage = kept;
    return err;
}

static ptrdiff_t collect_generation(int gen)
{
    if (!claim_collecting())
        return 0;
    MpyObject *saved = mpy_err_fetch();
    MpyThreadState *me = mpy__tstate_get();
    mpy__stop_the_world(me); /* free-threaded: nobody mutates while we look */
    GC_LOCK();
    gather_young();
    for (int i = 0; i < gen; i++) {
        list_merge(&gc.gens[i].head, &gc.gens[gen].head);
        GC_SET(gc.gens[i].count, 0);
    }
    ObjArray garbage = {0};
    int err = find_garbage(&gc.gens[gen].head, &garbage, 0);
    /* Survivors (and garbage, until it is freed) age by one generation. */
    int older = gen + 1 < NUM_GENERATIONS ? gen + 1 : gen;
    restore_owner(&gc.gens[gen].head, &gc.gens[older].head);
    if (older != gen) {
        list_merge(&gc.gens[gen].head, &gc.gens[older].head);
        GC_SET(gc.gens[older].count, gc.gens[older].count + 1);
    }
    GC_SET(gc.gens[gen].count, 0);
    GC_UNLOCK();
    mpy__start_the_world(me);
    /* Finalizers run Python code, which may block: never with the world
     * stopped. */
    if (err == 0 && garbage.len > 0 && run_finalizers(&garbage) > 0) {
        mpy__stop_the_world(me);
        GC_LOCK();
        err = drop_resurrected(&garbage, &gc.gens[older].head);
        GC_UNLOCK();
        mpy__start_the_world(me);
    }
    ptrdiff_t found = (ptrdiff_t)garbage.len;
    if (err == 0)
        clear_garbage(&garbage);
    for (size_t i = 0; i < garbage.len; i++)
        MPY_DECREF(garbage.items[i]);
    free(garbage.items);
    gc.collections[gen]++;
    gc.collected[gen] += found;
    mpy_err_restore_raw(saved);
    MPY_FT_STORE_RELEASE(gc.collecting, false);
    return found;
}

ptrdiff_t mpy_gc_collect(int generation)
{
    if (generation < 0 || generation >= NUM_GENERATIONS)
        generation = NUM_GENERATIONS - 1;
    return collect_generation(generation);
}

void mpy__gc_collect_scheduled(void)
{
    if (!GC_GET(gc.enabled) || GC_GET(gc.collecting))
        return;
    /* The oldest generation whose count passed its threshold. */
    int gen = 0;
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (GC_GET(gc.gens[i].count) > GC_GET(gc.gens[i].threshold)) {
            gen = i;
            break;
        }
    }
    collect_generation(gen);
}

/* ------------------------------------------------------------------ */
/* Settings (the gc module)                                             */

bool mpy_gc_set_enabled(bool on)
{
    bool old = GC_GET(gc.enabled);
    GC_SET(gc.enabled, on);
    return old;
}

bool mpy_gc_is_enabled(void)
{
    return GC_GET(gc.enabled);
}

void mpy_gc_get_counts(int counts[3])
{
    for (int i = 0; i < NUM_GENERATIONS; i++)
        counts[i] = GC_GET(gc.gens[i].count);
}

void mpy_gc_get_thresholds(int thresholds[3])
{
    for (int i = 0; i < NUM_GENERATIONS; i++)
        thresholds[i] = GC_GET(gc.gens[i].threshold);
}

void mpy_gc_set_thresholds(const int thresholds[3], int n)
{
    for (int i = 0; i < n && i < NUM_GENERATIONS; i++)
        GC_SET(gc.gens[i].threshold, thresholds[i]);
}

void mpy_gc_get_stats(long long collections[3], long long collected[3])
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        collections[i] = gc.collections[i];
        collected[i] = gc.collected[i];
    }
}

/* Call fn(o, arg) for every tracked object of generation `gen` (-1: all).
 * Returns 0, or the first non-zero value fn returned. */
int mpy__gc_for_each(int gen, int (*fn)(MpyObject *o, void *arg), void *arg)
{
    MpyThreadState *me = mpy__tstate_get();
    int r = 0;
    mpy__stop_the_world(me);
    GC_LOCK();
    gather_young();
    for (int i = 0; i < NUM_GENERATIONS && r == 0; i++) {
        if (gen >= 0 && i != gen)
            continue;
        MpyGCHead *head = &gc.gens[i].head;
        for (MpyGCHead *g = head->next; g != head && r == 0; g = g->next)
            r = fn(mpy__gc_object(g), arg);
    }
    GC_UNLOCK();
    mpy__start_the_world(me);
    return r;
}
