/* gil/tstate.h: per-thread and per-interpreter state.
 *
 * Models CPython's PyThreadState / PyInterpreterState (Include/cpython/
 * pystate.h).  All mutable runtime state lives in one of two places:
 *
 *  - MpyInterp (one per process): modules, builtins, the thread list, the
 *    GIL, configuration.  Shared by every thread; guarded by the GIL in the
 *    GIL build and by its own mutexes in the free-threaded build.
 *  - MpyThreadState (one per OS thread running Python): the current frame,
 *    the exception being raised and the one being handled, the frame data
 *    stack, recursion counters, free lists and the eval-breaker word.
 *    Only its own thread touches it, except the eval breaker, which other
 *    threads set (GIL drop requests, signals, stop-the-world).
 *
 * The current thread's state is reached through a _Thread_local pointer;
 * hot code (the eval loop) receives it as a parameter instead.
 */
#ifndef MINIPY_GIL_TSTATE_H
#define MINIPY_GIL_TSTATE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pthread.h>

#include "runtime/object.h"

typedef struct MpyFrame MpyFrame;
typedef struct MpyInterp MpyInterp;
typedef struct MpyThreadState MpyThreadState;

/* Bits of the eval-breaker word, checked by the eval loop at backward jumps,
 * function entry and after calls into C (CPython's _Py_HandlePending). */
enum {
    MPY_BREAKER_GIL_DROP_REQUEST = 1u << 0, /* another thread waits for the GIL */
    MPY_BREAKER_SIGNALS_PENDING = 1u << 1,  /* a signal arrived (main thread only) */
    MPY_BREAKER_ASYNC_EXC = 1u << 2,        /* an exception was posted to this thread */
    MPY_BREAKER_STOP_THE_WORLD = 1u << 3,   /* park at this safe point */
    MPY_BREAKER_GC_SCHEDULED = 1u << 4,     /* run the cycle collector */
    MPY_BREAKER_TRACE = 1u << 5,            /* -X trace: per-instruction hook */
    MPY_BREAKER_BRC_MERGE = 1u << 6,        /* free-threaded: merge queued refcounts */
    MPY_BREAKER_QSBR = 1u << 7,             /* free-threaded: report a quiescent state */
};

/* The exception being *handled* (sys.exception(), bare `raise`, implicit
 * __context__).  Generators push their own entry while they run. */
typedef struct MpyExcInfo {
    MpyObject *exc_value;           /* owned, or NULL/None when none */
    struct MpyExcInfo *previous;
} MpyExcInfo;

/* A retired pointer waiting for readers to move on (gil/qsbr.c). */
typedef struct MpyRetired {
    void *ptr;
    bool is_object;                 /* true: drop a reference; false: free() */
    uint64_t goal;
} MpyRetired;

/* Frames of Python calls live in a per-thread stack of chunks, not in
 * malloc'd blocks (CPython 3.11's "data stack"). */
typedef struct MpyDataChunk {
    struct MpyDataChunk *previous;
    size_t size;                    /* bytes, including this header */
    char *saved_top;                /* top of the previous chunk when this one was pushed */
    _Alignas(16) char data[];
} MpyDataChunk;

/* MpyThreadState.status (gil/attach.c). */
enum { MPY_TSTATE_DETACHED = 0, MPY_TSTATE_ATTACHED = 1, MPY_TSTATE_SUSPENDED = 2 };

struct MpyThreadState {
    _Atomic uint32_t eval_breaker;  /* MPY_BREAKER_* bits */
    MpyInterp *interp;
    MpyFrame *frame;                /* innermost running Python frame, or NULL */

    MpyObject *curexc;              /* exception being raised (owned), or NULL */
    MpyExcInfo *exc_info;           /* top of the handled-exception stack */
    MpyExcInfo exc_state;           /* the thread's own bottom entry */

    int py_depth;                   /* Python frames on this thread */
    int c_depth;                    /* nested C recursion guards */
    char *c_stack_limit;            /* below this address: RecursionError */
    bool recursion_headroom;        /* handling a RecursionError: allow a little more */

    MpyDataChunk *datastack_chunk;
    char *datastack_top;
    char *datastack_limit;

    MpyObject *repr_stack;          /* list of objects inside repr() (for "[...]") */
    MpyObject *dict;                /* per-thread dict for threading.local */
    MpyObject *async_exc;           /* posted exception (owned), see MPY_BREAKER_ASYNC_EXC */

    uint64_t ident;                 /* threading.get_ident() */
    long native_id;                 /* OS thread id (gettid) */
    pthread_t pthread;
    _Atomic int status;             /* MPY_TSTATE_ATTACHED / DETACHED / SUSPENDED */
    /* -X gilstats / giltrace / trace: this thread's record, else NULL
     * (gil/gil_observe.h). */
    struct MpyGilObserver *gil_observer;

    /* Free lists: recently freed small objects of hot types, reused
     * without calling malloc.  Per thread, so no locking in either build. */
    MpyObject *float_freelist;
    int float_freelist_len;

#if MPY_FREE_THREADED
    /* Biased reference counting (gil/brc.c): this thread's id and the
     * objects other threads queued for it to merge (under brc's mutex). */
    uintptr_t brc_tid;
    /* The innermost critical section (gil/critical.c), tagged. */
    uintptr_t critical_section;
    /* Delayed reclamation (gil/qsbr.c): the write sequence this thread saw
     * at its last quiescent state (0: offline), and what it retired. */
    _Atomic uint64_t qsbr_seq;
    MpyRetired *retired;
    size_t n_retired, cap_retired;
    /* This thread's type attribute cache (runtime/type.c), or NULL. */
    void *method_cache;
    /* Containers this thread started tracking since the last collection
     * (runtime/gc.c), or NULL. */
    struct YoungList *gc_young;
    MpyObject **brc_queue;
    size_t brc_queue_len, brc_queue_cap;
#endif

    MpyThreadState *prev, *next;    /* in interp->threads, under threads_mutex */
};

struct MpyInterp {
    MpyObject *modules;             /* sys.modules */
    MpyObject *builtins;            /* the builtins module's dict */
    MpyObject *builtins_module;
    MpyObject *sys_module;
    MpyObject *sysdict;
    MpyObject *main_module;
    MpyObject *interned;            /* dict str -> str of interned strings */
    int recursion_limit;            /* sys.setrecursionlimit */

    pthread_mutex_t threads_mutex;  /* guards the list below */
    MpyThreadState *threads;
    _Atomic int nthreads;           /* thread states in `threads` */
    MpyThreadState *main_tstate;
    pthread_t main_thread;

    /* configuration, fixed after startup */
    int argc;
    char **argv;
    MpyObject *xoptions;            /* dict for sys._xoptions */
    bool flag_disassemble;          /* -d */
    bool flag_inspect;              /* -i */
    bool flag_ignore_environment;   /* -E */
    bool flag_unbuffered;           /* -u */
    int enable_gil;                 /* -1 default, 0 off, 1 on (PYTHON_GIL / -X gil) */
    bool finalizing;
};

/* The one interpreter of this process (NULL before initialization). */
extern MpyInterp *mpy__interp;

/* The thread state of the calling thread (NULL if it has none). */
extern _Thread_local MpyThreadState *mpy__tstate;

static inline MpyThreadState *mpy__tstate_get(void) { return mpy__tstate; }
static inline MpyInterp *mpy__interp_get(void) { return mpy__interp; }

/* Create the state for the calling OS thread, register it in the
 * interpreter's thread list and make it current (not yet attached to the
 * GIL).  Returns: the state, or NULL on allocation failure. */
MpyThreadState *mpy__tstate_new(MpyInterp *interp);
/* Unregister and free the calling thread's state (must be current). */
void mpy__tstate_delete_current(void);
/* Record the C stack bounds of the calling thread for the recursion guard. */
void mpy__tstate_init_stack_limit(MpyThreadState *tstate);

/* Frame data stack: reserve `size` bytes (aligned to 16) for a frame.
 * Returns: pointer, or NULL with MemoryError set. */
void *mpy__datastack_push(MpyThreadState *tstate, size_t size);
/* Release the most recent reservation starting at `p`. */
void mpy__datastack_pop(MpyThreadState *tstate, void *p);

/* fork() support (gil/fork.c): call prepare before fork, then parent or
 * child after it, in the respective process. */
void mpy__fork_prepare(void);
void mpy__fork_parent(void);
void mpy__fork_child(void);
/* _thread's count of running threads, reset in a forked child. */
void mpy__thread_count_reset(void);

/* Request a flag on a thread's eval breaker (any thread may call it). */
static inline void mpy__breaker_set(MpyThreadState *tstate, uint32_t bit)
{
    MPY_ATOMIC_OR_RELAXED(&tstate->eval_breaker, bit);
}
static inline void mpy__breaker_clear(MpyThreadState *tstate, uint32_t bit)
{
    MPY_ATOMIC_AND_RELAXED(&tstate->eval_breaker, ~bit);
}

/* Is the C stack close to its end?  One compare against the limit. */
static inline bool mpy__c_stack_exhausted(MpyThreadState *tstate)
{
    char here;
    return &here < tstate->c_stack_limit;
}

#endif
