/* runtime/mod_thread.c: the _thread module: OS threads running Python
 * code, and the lock types everything else in threading is built from.
 *
 * Models CPython's Modules/_threadmodule.c and Python/thread_pthread.h.
 *
 * A new thread creates its own MpyThreadState, takes the GIL, calls the
 * function, reports an uncaught exception ("Exception ignored in thread
 * started by: ..."), then deletes its state and drops the GIL for good.
 *
 * Locks are not owned by a thread (any thread may release them), so they
 * are a flag plus a POSIX semaphore to sleep on, not a pthread mutex.
 * acquire() first tries without giving up the GIL; only if it must wait
 * does it release the GIL (MPY_BEGIN_ALLOW_THREADS) and sleep in
 * sem_timedwait, which a signal interrupts: the main thread then runs the
 * signal handlers, so Ctrl-C works while it waits in join() or a lock.
 */
#include "runtime/module.h"

#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "gil/brc.h"
#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

/* threading.TIMEOUT_MAX on Linux (CPython: PY_TIMEOUT_MAX / 1e6). */
#define TIMEOUT_MAX 9223372036.0

static size_t thread_stack_size; /* 0: the platform default */
static _Atomic long thread_count;

void mpy__thread_count_reset(void)
{
    atomic_store(&thread_count, 0);
}

/* ------------------------------------------------------------------ */
/* Waiting with a timeout                                               */

/* Parse acquire(blocking=True, timeout=-1) into a timeout in seconds:
 * -1 forever, 0 non-blocking, > 0.  Returns 0 / -1. */
static int parse_timeout(MpyObject *const *args, size_t nargs, MpyObject *kwnames, double *out,
                         const char *fn)
{
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse(fn, args, nargs, kwnames, kwlist, 0, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0] != NULL && (blocking = mpy_object_is_true(a[0])) < 0)
        return -1;
    double timeout = -1;
    if (a[1] != NULL && a[1] != MPY_NONE) {
        timeout = mpy_float_as_double(a[1]);
        if (timeout == -1.0 && mpy_err_occurred())
            return -1;
    }
    if (!blocking && timeout != -1) {
        mpy_err_set(mpy_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1) {
        mpy_err_set(mpy_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (timeout > TIMEOUT_MAX) {
        mpy_err_set(mpy_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *out = blocking ? timeout : 0;
    return 0;
}

/* Wait on `sem` up to `timeout` seconds (-1: forever) with the GIL
 * released.  Returns 1 acquired, 0 timed out, -1 with an exception (a
 * signal handler raised, e.g. KeyboardInterrupt). */
static int sem_wait_interruptible(sem_t *sem, double timeout)
{
    struct timespec deadline;
    if (timeout > 0) {
        clock_gettime(CLOCK_REALTIME, &deadline);
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        int r, err;
        MPY_BEGIN_ALLOW_THREADS
        r = timeout < 0 ? sem_wait(sem) : sem_timedwait(sem, &deadline);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (r == 0)
            return 1;
        if (err == ETIMEDOUT)
            return 0;
        if (err != EINTR) {
            errno = err;
            mpy_err_from_errno(mpy_exc_OSError);
            return -1;
        }
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return -1;
    }
}

/* ------------------------------------------------------------------ */
/* _thread.lock                                                         */

typedef struct LockObject {
    MpyObject ob_base;
    sem_t sem;                /* 1 when free */
    _Atomic int locked;
} LockObject;

extern MpyType mpy_thread_lock_type;

static MpyObject *lock_new_object(void)
{
    LockObject *lk = (LockObject *)mpy_object_alloc(&mpy_thread_lock_type);
    if (lk == NULL)
        return NULL;
    sem_init(&lk->sem, 0, 1);
    atomic_store(&lk->locked, 0);
    return (MpyObject *)lk;
}

static void lock_dealloc(MpyObject *self)
{
    sem_destroy(&((LockObject *)self)->sem);
    mpy_object_free(self);
}

/* Returns 1 acquired, 0 not, -1 error. */
static int lock_acquire_impl(LockObject *lk, double timeout)
{
    if (sem_trywait(&lk->sem) == 0) {
        atomic_store(&lk->locked, 1);
        return 1;
    }
    if (timeout == 0)
        return 0;
    int r = sem_wait_interruptible(&lk->sem, timeout);
    if (r == 1)
        atomic_store(&lk->locked, 1);
    return r;
}

static MpyObject *lock_acquire(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    double timeout;
    if (parse_timeout(args, nargs, kw, &timeout, "acquire") < 0)
        return NULL;
    int r = lock_acquire_impl((LockObject *)self, timeout);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

static MpyObject *lock_release(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    LockObject *lk = (LockObject *)self;
    int expected = 1;
    if (!atomic_compare_exchange_strong(&lk->locked, &expected, 0))
        return mpy_err_format(mpy_exc_RuntimeError, "release unlocked lock");
    sem_post(&lk->sem);
    return MPY_RETURN_NONE;
}

static MpyObject *lock_locked(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_NEWREF(mpy_bool_from(atomic_load(&((LockObject *)self)->locked)));
}

static MpyObject *lock_exit(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return lock_release(self, NULL, 0, NULL);
}

static MpyObject *lock_repr(MpyObject *self)
{
    return mpy_str_from_format("<%s _thread.lock object at %p>",
                               atomic_load(&((LockObject *)self)->locked) ? "locked" : "unlocked",
                               (void *)self);
}

static MpyObject *lock_tp_new(MpyType *t, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (nargs > 0 || (kw && mpy_tuple_size(kw) > 0))
        return mpy_err_format(mpy_exc_TypeError, "lock() takes no arguments");
    return lock_new_object();
}

static const MpyMethodDef lock_methods[] = {
    {"acquire", lock_acquire, MPY_METH_FASTCALL, "Lock the lock."},
    {"acquire_lock", lock_acquire, MPY_METH_FASTCALL, NULL},
    {"release", lock_release, MPY_METH_NOARGS, "Release the lock."},
    {"release_lock", lock_release, MPY_METH_NOARGS, NULL},
    {"locked", lock_locked, MPY_METH_NOARGS, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, MPY_METH_NOARGS, NULL},
    {"__enter__", lock_acquire, MPY_METH_FASTCALL, NULL},
    {"__exit__", lock_exit, MPY_METH_FASTCALL, NULL},
    {NULL},
};

MpyType mpy_thread_lock_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_thread.lock",
    .basicsize = sizeof(LockObject),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .new = lock_tp_new,
    .methods = lock_methods,
};

/* ------------------------------------------------------------------ */
/* _thread.RLock                                                        */

typedef struct RLockObject {
    MpyObject ob_base;
    sem_t sem;
    _Atomic uint64_t owner;   /* thread ident, 0 when free */
    long count;
} RLockObject;

extern MpyType mpy_thread_rlock_type;

static uint64_t current_ident(void)
{
    return mpy__tstate_get()->ident;
}

static MpyObject *rlock_tp_new(MpyType *t, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    RLockObject *rl = (RLockObject *)mpy_object_alloc(t);
    if (rl == NULL)
        return NULL;
    sem_init(&rl->sem, 0, 1);
    return (MpyObject *)rl;
}

static void rlock_dealloc(MpyObject *self)
{
    sem_destroy(&((RLockObject *)self)->sem);
    mpy_object_free(self);
}

static MpyObject *rlock_acquire(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    RLockObject *rl = (RLockObject *)self;
    double timeout;
    if (parse_timeout(args, nargs, kw, &timeout, "acquire") < 0)
        return NULL;
    uint64_t me = current_ident();
    if (atomic_load(&rl->owner) == me) {
        rl->count++;
        return MPY_NEWREF(MPY_TRUE);
    }
    int r = sem_trywait(&rl->sem) == 0 ? 1 : timeout == 0 ? 0 : sem_wait_interruptible(&rl->sem, timeout);
    if (r < 0)
        return NULL;
    if (r == 1) {
        atomic_store(&rl->owner, me);
        rl->count = 1;
    }
    return MPY_NEWREF(mpy_bool_from(r));
}

static MpyObject *rlock_release(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RLockObject *rl = (RLockObject *)self;
    if (rl->count == 0 || atomic_load(&rl->owner) != current_ident())
        return mpy_err_format(mpy_exc_RuntimeError, "cannot release un-acquired lock");
    if (--rl->count == 0) {
        atomic_store(&rl->owner, 0);
        sem_post(&rl->sem);
    }
    return MPY_RETURN_NONE;
}

static MpyObject *rlock_exit(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return rlock_release(self, NULL, 0, NULL);
}

static MpyObject *rlock_is_owned(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RLockObject *rl = (RLockObject *)self;
    return MPY_NEWREF(mpy_bool_from(rl->count > 0 && atomic_load(&rl->owner) == current_ident()));
}

/* Condition.wait support: release fully, returning (count, owner). */
static MpyObject *rlock_release_save(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RLockObject *rl = (RLockObject *)self;
    if (rl->count == 0)
        return mpy_err_format(mpy_exc_RuntimeError, "cannot release un-acquired lock");
    MpyObject *state = mpy_tuple_pack(2, mpy_small_int(rl->count),
                                      mpy_int_from_ulong(atomic_load(&rl->owner)));
    if (state == NULL)
        return NULL;
    rl->count = 0;
    atomic_store(&rl->owner, 0);
    sem_post(&rl->sem);
    return state;
}

static MpyObject *rlock_acquire_restore(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    RLockObject *rl = (RLockObject *)self;
    MpyObject *state = args[0];
    if (!mpy_tuple_check(state) || mpy_tuple_size(state) != 2)
        return mpy_err_format(mpy_exc_TypeError, "_acquire_restore expects a (count, owner) tuple");
    int r = sem_trywait(&rl->sem) == 0 ? 1 : sem_wait_interruptible(&rl->sem, -1);
    if (r < 0)
        return NULL;
    rl->count = (long)mpy_int_as_long(mpy_tuple_item(state, 0));
    atomic_store(&rl->owner, (uint64_t)mpy_int_as_long(mpy_tuple_item(state, 1)));
    return MPY_RETURN_NONE;
}

static MpyObject *rlock_repr(MpyObject *self)
{
    RLockObject *rl = (RLockObject *)self;
    return mpy_str_from_format("<%s %s object owner=%llu count=%ld at %p>",
                               rl->count ? "locked" : "unlocked", MPY_TYPE(self)->name,
                               (unsigned long long)atomic_load(&rl->owner), rl->count, (void *)self);
}

static const MpyMethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, MPY_METH_FASTCALL, "Lock the lock."},
    {"release", rlock_release, MPY_METH_NOARGS, "Release the lock."},
    {"_is_owned", rlock_is_owned, MPY_METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, MPY_METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, MPY_METH_O, NULL},
    {"__enter__", rlock_acquire, MPY_METH_FASTCALL, NULL},
    {"__exit__", rlock_exit, MPY_METH_FASTCALL, NULL},
    {NULL},
};

MpyType mpy_thread_rlock_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_thread.RLock",
    .basicsize = sizeof(RLockObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = rlock_dealloc,
    .repr = rlock_repr,
    .new = rlock_tp_new,
    .methods = rlock_methods,
};

/* ------------------------------------------------------------------ */
/* _thread._local (threading.local)                                     */

/* Each thread keeps, in its MpyThreadState's dict, one attribute dict per
 * local object, keyed by the object's serial number.  Attribute access
 * finds the calling thread's dict and hands it to the generic attribute
 * code explicitly (mpy__object_generic_getattr_dict), so no shared field
 * is re-pointed per thread: safe on minipyt too.  `dict` is the creating
 * thread's dict, kept for the collector and for the type's __dict__. */
typedef struct LocalObject {
    MpyObject ob_base;
    MpyObject *dict;        /* the creating thread's dict */
    MpyObject *key;         /* serial number, as an int */
    MpyObject *args;        /* __init__'s arguments: positional, keyword values */
    MpyObject *kwargs;      /* __init__'s keyword names (a tuple), or NULL */
} LocalObject;

extern MpyType mpy_thread_local_type;
static _Atomic long local_serial;

static MpyObject *local_tp_new(MpyType *t, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if ((nargs > 0 || (kw && mpy_tuple_size(kw) > 0)) && t->init == mpy_object_type.init)
        return mpy_err_format(mpy_exc_TypeError, "Initialization arguments are not supported");
    LocalObject *lo = (LocalObject *)mpy_object_alloc(t);
    if (lo == NULL)
        return NULL;
    lo->key = mpy_int_from_long(atomic_fetch_add(&local_serial, 1) + 1);
    /* Kept for __init__ in each new thread: positional then keyword
     * values, and the keyword names (the calling convention of init). */
    ptrdiff_t nkw = kw ? mpy_tuple_size(kw) : 0;
    lo->args = mpy_tuple_from_array(args, (ptrdiff_t)nargs + nkw);
    if (nkw > 0) {
        MPY_INCREF(kw);
        lo->kwargs = kw;
    }
    if (lo->args == NULL) {
        MPY_DECREF(lo);
        return NULL;
    }
    /* The creating thread's dict exists from the start (its __init__ is
     * run by the normal call). */
    MpyThreadState *ts = mpy__tstate_get();
    if (ts->dict == NULL)
        ts->dict = mpy_dict_new();
    MpyObject *d = mpy_dict_new();
    if (ts->dict == NULL || d == NULL || mpy_dict_set(ts->dict, lo->key, d) < 0) {
        MPY_XDECREF(d);
        MPY_DECREF(lo);
        return NULL;
    }
    lo->dict = d;
    mpy_gc_track((MpyObject *)lo);
    return (MpyObject *)lo;
}

/* The calling thread's dict of `lo`, created (and __init__ run again in
 * this thread) on first use.  Returns: a new reference, or NULL. */
static MpyObject *local_thread_dict(LocalObject *lo)
{
    MpyThreadState *ts = mpy__tstate_get();
    if (ts->dict == NULL && (ts->dict = mpy_dict_new()) == NULL)
        return NULL;
    MpyObject *d = mpy_dict_get(ts->dict, lo->key);
    if (d != NULL || mpy_err_occurred())
        return d;
    if ((d = mpy_dict_new()) == NULL)
        return NULL;
    if (mpy_dict_set(ts->dict, lo->key, d) < 0) {
        MPY_DECREF(d);
        return NULL;
    }
    MpyType *t = MPY_TYPE((MpyObject *)lo);
    if (t->init != mpy_object_type.init && t->init != NULL &&
        t->init((MpyObject *)lo, mpy_tuple_items(lo->args),
                (size_t)(mpy_tuple_size(lo->args) - (lo->kwargs ? mpy_tuple_size(lo->kwargs) : 0)),
                lo->kwargs) < 0) {
        MPY_DECREF(d);
        return NULL;
    }
    return d;
}

static MpyObject *local_getattro(MpyObject *self, MpyObject *name)
{
    MpyObject *d = local_thread_dict((LocalObject *)self);
    if (d == NULL || mpy_str_equal_cstr(name, "__dict__"))
        return d;
    MpyObject *r = mpy__object_generic_getattr_dict(self, name, d);
    MPY_DECREF(d);
    return r;
}

static int local_setattro(MpyObject *self, MpyObject *name, MpyObject *value)
{
    if (mpy_str_equal_cstr(name, "__dict__")) {
        mpy_err_format(mpy_exc_AttributeError, "'%T' object attribute '__dict__' is read-only", self);
        return -1;
    }
    MpyObject *d = local_thread_dict((LocalObject *)self);
    if (d == NULL)
        return -1;
    int r = mpy__object_generic_setattr_dict(self, name, value, d);
    MPY_DECREF(d);
    return r;
}

static void local_dealloc(MpyObject *self)
{
    LocalObject *lo = (LocalObject *)self;
    mpy_gc_untrack(self);
    MpyThreadState *ts = mpy__tstate_get();
    if (ts != NULL && ts->dict != NULL) {
        MpyObject *v = mpy_dict_pop(ts->dict, lo->key, MPY_NONE);
        MPY_XDECREF(v);
        mpy_err_clear();
    }
    MPY_XDECREF(lo->dict);
    MPY_XDECREF(lo->key);
    MPY_XDECREF(lo->args);
    MPY_XDECREF(lo->kwargs);
    mpy_object_free(self);
}

static int local_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    LocalObject *lo = (LocalObject *)self;
    MPY_VISIT(lo->dict);
    MPY_VISIT(lo->args);
    MPY_VISIT(lo->kwargs);
    return 0;
}

MpyType mpy_thread_local_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_thread._local",
    .doc = "Thread-local data",
    .basicsize = sizeof(LocalObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC,
    .dealloc = local_dealloc,
    .traverse = local_traverse,
    .getattr = local_getattro,
    .setattr = local_setattro,
    .new = local_tp_new,
    .dictoffset = offsetof(LocalObject, dict),
};

/* ------------------------------------------------------------------ */
/* Starting threads                                                     */

typedef struct Bootstate {
    MpyObject *func, *args, *kwargs;
    MpyInterp *interp;
    sem_t started;         /* the new thread has registered its state */
    uint64_t ident;
} Bootstate;

/* Report an exception that escaped a thread's function (CPython 3.11:
 * "Exception ignored in thread started by: <func>" + traceback). */
static void report_thread_exception(MpyObject *func)
{
    if (mpy_err_matches(mpy_exc_SystemExit)) {
        mpy_err_clear();
        return;
    }
    mpy__err_write_unraisable_msg("in thread started by", func);
}

static void *thread_main(void *arg)
{
    Bootstate *boot = arg;
    MpyThreadState *tstate = mpy__tstate_new(boot->interp);
    if (tstate == NULL) {
        sem_post(&boot->started);
        return NULL;
    }
    boot->ident = tstate->ident;
    MpyObject *func = boot->func, *args = boot->args, *kwargs = boot->kwargs;
    sem_post(&boot->started); /* boot may be gone after this */
    mpy__attach(tstate);
    MpyObject *r = mpy_object_call_tuple(func, args, kwargs);
    if (r == NULL)
        report_thread_exception(func);
    MPY_XDECREF(r);
    MPY_DECREF(func);
    MPY_DECREF(args);
    MPY_XDECREF(kwargs);
    atomic_fetch_sub(&thread_count, 1);
    mpy__tstate_delete_current();
    mpy__gil_drop(tstate, true);
    return NULL;
}

static MpyObject *thread_start_new_thread(MpyObject *self, MpyObject *const *args, size_t nargs,
                                          MpyObject *kw)
{
    if (mpy_arg_check_positional("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!mpy_callable_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "first arg must be callable");
    if (!mpy_tuple_check(args[1]))
        return mpy_err_format(mpy_exc_TypeError, "2nd arg must be a tuple");
    if (nargs == 3 && !mpy_dict_check(args[2]))
        return mpy_err_format(mpy_exc_TypeError, "optional 3rd arg must be a dictionary");
    Bootstate boot;
    boot.func = MPY_NEWREF(args[0]);
    boot.args = MPY_NEWREF(args[1]);
    boot.kwargs = nargs == 3 ? MPY_NEWREF(args[2]) : NULL;
    boot.interp = mpy__interp_get();
    boot.ident = 0;
    sem_init(&boot.started, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (thread_stack_size != 0)
        pthread_attr_setstacksize(&attr, thread_stack_size);
    pthread_t th;
    mpy__ft_start_multithreaded(); /* free-threaded: see gil/ft_immortal.c */
    atomic_fetch_add(&thread_count, 1);
    int err = pthread_create(&th, &attr, thread_main, &boot);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        atomic_fetch_sub(&thread_count, 1);
        MPY_DECREF(boot.func);
        MPY_DECREF(boot.args);
        MPY_XDECREF(boot.kwargs);
        sem_destroy(&boot.started);
        return mpy_err_format(mpy_exc_RuntimeError, "can't start new thread");
    }
    /* Wait (without the GIL) until the thread has its state and ident. */
    MPY_BEGIN_ALLOW_THREADS
    while (sem_wait(&boot.started) != 0 && errno == EINTR)
        ;
    MPY_END_ALLOW_THREADS
    sem_destroy(&boot.started);
    return mpy_int_from_ulong(boot.ident);
}

/* ------------------------------------------------------------------ */
/* Module functions                                                     */

static MpyObject *thread_allocate_lock(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return lock_new_object();
}

static MpyObject *thread_get_ident(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_ulong(current_ident());
}

static MpyObject *thread_get_native_id(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_long(mpy__tstate_get()->native_id);
}

static MpyObject *thread_count_fn(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_long(atomic_load(&thread_count));
}

static MpyObject *thread_exit(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    mpy_err_set_object(mpy_exc_SystemExit, NULL);
    return NULL;
}

static MpyObject *thread_stack_size_fn(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = thread_stack_size;
    if (nargs == 1) {
        long long size = mpy_int_as_long(args[0]);
        if (size == -1 && mpy_err_occurred())
            return NULL;
        if (size != 0 && size < 32768)
            return mpy_err_format(mpy_exc_ValueError, "size not valid: %lld bytes", size);
        thread_stack_size = (size_t)size;
    }
    return mpy_int_from_ulong(old);
}

static MpyObject *thread_interrupt_main(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyInterp *interp = mpy__interp_get();
    MpyThreadState *main = interp->main_tstate;
    if (main != NULL && main->async_exc == NULL) {
        main->async_exc = MPY_NEWREF(mpy_exc_KeyboardInterrupt);
        mpy__breaker_set(main, MPY_BREAKER_ASYNC_EXC);
    }
    return MPY_RETURN_NONE;
}

static const MpyMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, MPY_METH_FASTCALL,
     "Start a new thread and return its identifier."},
    {"start_new", thread_start_new_thread, MPY_METH_FASTCALL, NULL},
    {"allocate_lock", thread_allocate_lock, MPY_METH_NOARGS, "Create a new lock object."},
    {"allocate", thread_allocate_lock, MPY_METH_NOARGS, NULL},
    {"get_ident", thread_get_ident, MPY_METH_NOARGS, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, MPY_METH_NOARGS, "Return the native integral Thread ID of the current thread."},
    {"_count", thread_count_fn, MPY_METH_NOARGS, NULL},
    {"exit", thread_exit, MPY_METH_NOARGS, "Raise SystemExit to end the thread."},
    {"exit_thread", thread_exit, MPY_METH_NOARGS, NULL},
    {"stack_size", thread_stack_size_fn, MPY_METH_FASTCALL, "Return the thread stack size used when creating new threads."},
    {"interrupt_main", thread_interrupt_main, MPY_METH_FASTCALL, NULL},
    {NULL},
};

static int thread_exec(MpyObject *m)
{
    if (mpy_module_add(m, "LockType", (MpyObject *)&mpy_thread_lock_type) < 0 ||
        mpy_module_add(m, "lock", (MpyObject *)&mpy_thread_lock_type) < 0 ||
        mpy_module_add(m, "RLock", (MpyObject *)&mpy_thread_rlock_type) < 0 ||
        mpy_module_add(m, "error", (MpyObject *)mpy_exc_RuntimeError) < 0 ||
        mpy_module_add(m, "_local", (MpyObject *)&mpy_thread_local_type) < 0 ||
        mpy_module_add_float(m, "TIMEOUT_MAX", TIMEOUT_MAX) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__thread_module_def = {
    "_thread", "This module provides primitive operations to write multi-threaded programs.",
    thread_methods, thread_exec, 1,
};
