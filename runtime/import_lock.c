/* runtime/import_lock.c: a module imported by two threads at once runs
 * once.
 *
 * Models the per-module locks of CPython's importlib._bootstrap
 * (_ModuleLock, _ModuleLockManager).  A module is registered in
 * sys.modules *before* its body runs (so circular imports see the partial
 * module), which means another thread may find it half-initialized: when a
 * thread wants a module that a *different* thread is still loading, it
 * waits (detached, so the GIL is free) until that thread is done.  The
 * importing thread itself, re-entering through a circular import, does not
 * wait.  Two threads importing each other's modules in a cycle would wait
 * forever; like CPython, the second one notices the cycle and takes the
 * partial module instead.
 *
 * Cost when no import is running in another thread: one atomic load.
 */
#include "runtime/import.h"

#include <pthread.h>
#include <stdlib.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/error.h"
#include "runtime/str.h"

typedef struct Loading {
    MpyObject *name;            /* owned */
    MpyThreadState *owner;
    int depth;                  /* the owner's nested acquires of the same name */
    struct Loading *next;
} Loading;

typedef struct Waiting {
    MpyThreadState *thread;
    Loading *on;
    struct Waiting *next;
} Waiting;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done = PTHREAD_COND_INITIALIZER;
static Loading *loading;         /* under mu */
static Waiting *waiting;         /* under mu */
static _Atomic int n_loading;

static Loading *find(MpyObject *name)
{
    for (Loading *l = loading; l != NULL; l = l->next) {
        if (mpy_str_equal(l->name, name))
            return l;
    }
    return NULL;
}

static Loading *waited_on_by(MpyThreadState *t)
{
    for (Waiting *w = waiting; w != NULL; w = w->next) {
        if (w->thread == t)
            return w->on;
    }
    return NULL;
}

/* Would `me` waiting for `l` close a cycle (its owner waits, maybe via
 * others, for something `me` is loading)? */
static bool would_deadlock(MpyThreadState *me, Loading *l)
{
    for (int hops = 0; l != NULL && hops < 64; hops++) {
        if (l->owner == me)
            return true;
        l = waited_on_by(l->owner);
    }
    return false;
}

bool mpy__import_busy_elsewhere(MpyObject *name)
{
    if (atomic_load_explicit(&n_loading, memory_order_acquire) == 0)
        return false;
    MpyThreadState *me = mpy__tstate_get();
    pthread_mutex_lock(&mu);
    Loading *l = find(name);
    bool busy = l != NULL && l->owner != me;
    pthread_mutex_unlock(&mu);
    return busy;
}

int mpy__import_acquire(MpyObject *name)
{
    MpyThreadState *me = mpy__tstate_get();
    pthread_mutex_lock(&mu);
    Loading *l;
    while ((l = find(name)) != NULL && l->owner != me && !would_deadlock(me, l)) {
        Waiting w = {me, l, waiting};
        waiting = &w;
        pthread_mutex_unlock(&mu);
        /* Detach while waiting: the loader needs the GIL (and may need a
         * stop-the-world) to finish. */
        MPY_BEGIN_ALLOW_THREADS
        pthread_mutex_lock(&mu);
        while (find(name) == l)
            pthread_cond_wait(&done, &mu);
        pthread_mutex_unlock(&mu);
        MPY_END_ALLOW_THREADS
        pthread_mutex_lock(&mu);
        for (Waiting **p = &waiting; *p != NULL; p = &(*p)->next) {
            if (*p == &w) {
                *p = w.next;
                break;
            }
        }
    }
    int result = 1;
    if (l != NULL && l->owner == me) {
        l->depth++;
    } else if (l != NULL) {
        result = 0; /* a cycle between threads: take the partial module */
    } else {
        l = malloc(sizeof *l);
        if (l == NULL) {
            result = -1;
        } else {
            *l = (Loading){MPY_NEWREF(name), me, 1, loading};
            loading = l;
            atomic_fetch_add(&n_loading, 1);
        }
    }
    pthread_mutex_unlock(&mu);
    if (result < 0)
        mpy_err_no_memory();
    return result;
}

void mpy__import_release(MpyObject *name)
{
    MpyThreadState *me = mpy__tstate_get();
    Loading *gone = NULL;
    pthread_mutex_lock(&mu);
    for (Loading **p = &loading; *p != NULL; p = &(*p)->next) {
        Loading *l = *p;
        if (l->owner == me && mpy_str_equal(l->name, name)) {
            if (--l->depth == 0) {
                *p = l->next;
                gone = l;
                atomic_fetch_sub(&n_loading, 1);
                pthread_cond_broadcast(&done);
            }
            break;
        }
    }
    pthread_mutex_unlock(&mu);
    if (gone != NULL) {
        MPY_DECREF(gone->name);
        free(gone);
    }
}

void mpy__import_lock_after_fork(void)
{
    /* Imports of threads that no longer exist never finish: forget them
     * (their memory is abandoned). */
    pthread_mutex_init(&mu, NULL);
    pthread_cond_init(&done, NULL);
    MpyThreadState *me = mpy__tstate_get();
    Loading **p = &loading;
    while (*p != NULL) {
        if ((*p)->owner != me)
            *p = (*p)->next;
        else
            p = &(*p)->next;
    }
    int n = 0;
    for (Loading *l = loading; l != NULL; l = l->next)
        n++;
    atomic_store(&n_loading, n);
    waiting = NULL;
}
