/* include/minipy/threads.h: threads of the host calling into Python, and C
 * code letting other threads run while it blocks.
 *
 * Models CPython's PyGILState_Ensure / PyGILState_Release and
 * Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS (Include/pystate.h,
 * Include/ceval.h).
 *
 * A thread may use the API only while it is *attached*: it has a thread
 * state (the per-thread part of the interpreter: its current exception,
 * its frames) and, in the GIL build, holds the GIL.  In the free-threaded
 * build with the GIL off, attaching takes no lock, and many threads run
 * Python at once; the calls below are the same in both builds.
 *
 *  - The thread that called mpy_runtime_init is attached.
 *  - Threads started by Python code (threading.Thread) are attached while
 *    they run Python code, including C functions it calls.
 *  - Any other thread (one the host made with pthread_create) attaches
 *    with mpy_gil_ensure() and detaches with mpy_gil_release():
 *
 *        MpyGilState g = mpy_gil_ensure();
 *        MpyObject *r = mpy_run_string("work()", MPY_MODE_EVAL, NULL);
 *        ...
 *        mpy_gil_release(g);
 *
 *  - C code about to block or compute for a long time without touching
 *    Python objects lets the other threads run meanwhile:
 *
 *        MPY_BEGIN_ALLOW_THREADS
 *        usleep(100000);            // no API calls in here
 *        MPY_END_ALLOW_THREADS
 *
 * The main thread must do the same (mpy_gil_save / mpy_gil_restore) while
 * it waits for host threads that call into Python, or they wait forever.
 */
#ifndef MINIPY_INCLUDE_MINIPY_THREADS_H
#define MINIPY_INCLUDE_MINIPY_THREADS_H

#include <stdbool.h>

#include "object.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* The per-thread state of the interpreter.  Opaque. */
typedef struct MpyThreadState MpyThreadState;

/* What mpy_gil_ensure found, to give back to mpy_gil_release. */
typedef enum MpyGilState {
    MPY_GIL_STATE_ERROR = -1,    /* could not attach: do not call Python */
    MPY_GIL_STATE_RELEASED = 0,  /* the thread was not attached; release detaches it */
    MPY_GIL_STATE_HELD = 1,      /* it was attached already; release leaves it so */
} MpyGilState;

/* Attach the calling thread, whatever its state: create its thread state
 * if it has none (a thread the host created), then take the GIL.  Calls
 * nest; each one needs its mpy_gil_release.
 * Returns: the state to pass to mpy_gil_release; MPY_GIL_STATE_ERROR
 *          (message on stderr) when the runtime is not running or memory
 *          ran out.
 * Threads: any thread. */
MpyGilState mpy_gil_ensure(void);

/* Undo the matching mpy_gil_ensure: detach if that call attached, and
 * delete the thread state when the outermost call made it.  No API call
 * (and no object the thread still holds) may be used after the outermost
 * release until the next ensure.
 * Returns: nothing.  MPY_GIL_STATE_ERROR is ignored.
 * Threads: the thread that called mpy_gil_ensure. */
void mpy_gil_release(MpyGilState state);

/* Returns: whether the calling thread is attached (may use the API).
 * Threads: any thread. */
bool mpy_gil_is_held(void);

/* Detach the calling thread (release the GIL) until mpy_gil_restore.
 * Between the two, the thread must not use the API or touch objects.
 * Returns: the thread's state, to give to mpy_gil_restore; NULL (and
 *          nothing done) when the thread is not attached.
 * Threads: an attached thread. */
MpyThreadState *mpy_gil_save(void);

/* Re-attach the thread detached by mpy_gil_save; may wait for the GIL.
 * A NULL `tstate` is ignored.
 * Threads: the thread that called mpy_gil_save. */
void mpy_gil_restore(MpyThreadState *tstate);

/* Around blocking or long C work: no API calls between the two.  (Inside
 * the core, gil/gil.h defines the same pair and wins; the core files that
 * also include this header include it last.) */
#ifndef MINIPY_GIL_GIL_H
#define MPY_BEGIN_ALLOW_THREADS                                                            \
    {                                                                                      \
        MpyThreadState *mpy_saved_tstate_ = mpy_gil_save();
#define MPY_END_ALLOW_THREADS                                                              \
        mpy_gil_restore(mpy_saved_tstate_);                                                \
    }
#endif

#if defined(__cplusplus)
}
#endif

#endif
