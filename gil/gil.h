/* gil/gil.h: the global interpreter lock and attaching threads to it.
 *
 * Models CPython's Python/ceval_gil.c ("new GIL", 3.2+).  The whole
 * threading API of the runtime is these few functions:
 *
 *   mpy__gil_take / mpy__gil_drop     the lock itself (see gil.c's notes)
 *   MPY_BEGIN_ALLOW_THREADS /         around anything that can block:
 *   MPY_END_ALLOW_THREADS             drop the GIL, block, take it back
 *
 * Every call that can block must sit between the two macros, or every
 * other thread stops while it waits.  The places that do (keep this list
 * current): time.sleep; lock.acquire when it must wait; Thread.join (it
 * waits on a lock); queue waits (locks/conditions); input() and console
 * and file reads and writes (runtime/fileio.c); select/waitpid/os.read/
 * os.write; socket calls and name lookups (runtime/mod_socket*.c).
 *
 * Free-threaded build: when the GIL is disabled (the default there),
 * take/drop return at once and the macros only mark the thread detached.
 */
#ifndef MINIPY_GIL_GIL_H
#define MINIPY_GIL_GIL_H

#include <stdbool.h>
#include <stdint.h>

#include <pthread.h>

#include "gil/tstate.h"

typedef struct MpyGil {
    pthread_mutex_t mutex;          /* guards locked, holder, switch_number */
    pthread_cond_t cond;            /* waiters for the GIL sleep here */
    pthread_mutex_t switch_mutex;   /* forced switching: the dropper waits ... */
    pthread_cond_t switch_cond;     /* ... here until another thread took it */
    _Atomic int locked;             /* 1 while held */
    MpyThreadState *_Atomic holder; /* holder, or last holder */
    uint64_t switch_number;         /* hand-offs to a different thread */
    _Atomic long interval_us;       /* the switch interval (5000 = 5 ms) */
    _Atomic int enabled;            /* free-threaded build: 0 = no GIL */
} MpyGil;

/* Set up the GIL of the interpreter (not held by anyone). */
void mpy__gil_init(MpyInterp *interp);
/* Block until the calling thread holds the GIL. */
void mpy__gil_take(MpyThreadState *tstate);
/* Release it; `final` when the thread is exiting and will not retake it. */
void mpy__gil_drop(MpyThreadState *tstate, bool final);
/* Is the GIL in use (always in the GIL build; per PYTHON_GIL in the
 * free-threaded build)? */
bool mpy__gil_enabled(void);
/* Does the calling thread hold it? */
bool mpy__gil_held(MpyThreadState *tstate);
/* The eval breaker asked us to let a waiting thread in: drop, then queue
 * again (mpy__eval_handle_pending). */
void mpy__gil_yield(MpyThreadState *tstate);

/* Apply PYTHON_GIL / -X gil (-1 unset, 0, 1) once at startup: in the
 * free-threaded build, unset and 0 switch the GIL off. */
void mpy__gil_configure(MpyThreadState *tstate, int enable_gil);
/* Free-threaded build: switch the GIL on for good (a host module that is
 * not marked gil_not_used, as CPython 3.13t does for such extensions). */
void mpy__gil_enable_permanently(void);

/* In a forked child: a fresh GIL, held by `tstate`. */
void mpy__gil_reinit_after_fork(MpyThreadState *tstate);

/* sys.setswitchinterval / getswitchinterval (seconds). */
void mpy__gil_set_interval(double seconds);
double mpy__gil_get_interval(void);

/* Attaching and detaching (gil/attach.c): a thread touches objects only
 * while attached.  Attach takes the GIL when it is on (and, free-threaded,
 * waits while the world is stopped); detach suspends the thread's critical
 * sections and drops the GIL. */
void mpy__attach(MpyThreadState *tstate);
void mpy__detach(MpyThreadState *tstate);
/* Detach from / re-attach to the interpreter around a blocking call. */
MpyThreadState *mpy__save_thread(void);
void mpy__restore_thread(MpyThreadState *tstate);
/* An exiting thread that will touch no object again (gil/tstate.c). */
void mpy__tstate_mark_exiting(MpyThreadState *tstate);

/* Stop every other thread at a safe point (free-threaded build without
 * the GIL; otherwise holding the GIL already is that) and restart them.
 * The caller is attached and stays so. */
void mpy__stop_the_world(MpyThreadState *me);
void mpy__start_the_world(MpyThreadState *me);
/* MPY_BREAKER_STOP_THE_WORLD: park until the world restarts. */
void mpy__park_for_stop_the_world(MpyThreadState *tstate);
/* In a forked child: reset the stop-the-world state. */
void mpy__stw_after_fork(void);

#define MPY_BEGIN_ALLOW_THREADS                                                            \
    {                                                                                      \
        MpyThreadState *mpy_saved_tstate_ = mpy__save_thread();
#define MPY_END_ALLOW_THREADS                                                              \
        mpy__restore_thread(mpy_saved_tstate_);                                            \
    }

#endif
