/* runtime/embed_threads.c: host threads calling into Python, and C code
 * letting other threads run (the GIL state API).
 *
 * Models CPython's PyGILState_Ensure / PyGILState_Release and
 * PyEval_SaveThread / PyEval_RestoreThread (Python/pystate.c, ceval_gil.c).
 *
 * A thread is *attached* when it has a thread state (gil/tstate.h) whose
 * status is MPY_TSTATE_ATTACHED: in the GIL build it then holds the GIL;
 * in the free-threaded build with the GIL off it merely counts as running.
 * Attaching and detaching always go through the core's mpy__restore_thread
 * and mpy__save_thread (gil/gil.c), so both builds, and the free-threaded
 * build with the GIL switched on or off, take the same path here.
 *
 * mpy_gil_ensure on a thread minipy has never seen (one the host created)
 * makes it a thread state with mpy__tstate_new, exactly as _thread's
 * bootstrap does for Python threads, and mpy_gil_release deletes it again
 * when the outermost ensure made it.  Calls nest; the nesting depth and
 * "this thread's state was made by ensure" are per-thread, kept in two
 * _Thread_local variables below (they would belong in MpyThreadState,
 * which is the lead's: see the report).
 */
#include "runtime/embed.h"

#include <stdio.h>

#include "runtime/init.h"

/* How many mpy_gil_ensure calls of this thread are not released yet. */
static _Thread_local int ensure_depth;
/* This thread's state was created by mpy_gil_ensure (delete it when
 * ensure_depth drops back to 0). */
static _Thread_local bool state_made_by_ensure;

bool mpy__embed_attached(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    return tstate != NULL &&
           atomic_load_explicit(&tstate->status, memory_order_relaxed) == MPY_TSTATE_ATTACHED;
}

MpyGilState mpy_gil_ensure(void)
{
    if (!mpy_is_initialized() || mpy__interp_get() == NULL) {
        fprintf(stderr, "minipy: mpy_gil_ensure() called while the runtime is not running\n");
        return MPY_GIL_STATE_ERROR;
    }
    MpyThreadState *tstate = mpy__tstate_get();
    if (tstate == NULL) {
        tstate = mpy__tstate_new(mpy__interp_get());  // becomes this thread's current state
        if (tstate == NULL) {
            fprintf(stderr, "minipy: mpy_gil_ensure(): out of memory for a thread state\n");
            return MPY_GIL_STATE_ERROR;
        }
        state_made_by_ensure = true;
    } else if (mpy__embed_attached()) {
        ensure_depth++;
        return MPY_GIL_STATE_HELD;
    }
    mpy__restore_thread(tstate);  // takes the GIL (when on), marks attached
#if MPY_FREE_THREADED
    // A thread that was alone may have begun, just before this one was
    // counted, work it does unlocked while alone (its young GC list, inline
    // caches: runtime/gc.c, vm/specialize.h); stopping the world once
    // lets it finish before this thread touches anything.
    if (state_made_by_ensure && ensure_depth == 0) {
        mpy__stop_the_world(tstate);
        mpy__start_the_world(tstate);
    }
#endif
    ensure_depth++;
    return MPY_GIL_STATE_RELEASED;
}

void mpy_gil_release(MpyGilState state)
{
    if (state == MPY_GIL_STATE_ERROR)
        return;
    MpyThreadState *tstate = mpy__tstate_get();
    if (tstate == NULL || ensure_depth <= 0 || !mpy__embed_attached()) {
        fprintf(stderr, "minipy: mpy_gil_release() without a matching mpy_gil_ensure()\n");
        return;
    }
    ensure_depth--;
    if (ensure_depth == 0 && state_made_by_ensure) {
        // The outermost release of a host thread: its state goes away
        // while the GIL is still held (its exception and frames hold
        // objects), then the GIL is given up for good, as a finishing
        // Python thread does (runtime/mod_thread.c).
        state_made_by_ensure = false;
        mpy__tstate_delete_current();
        mpy__gil_drop(NULL, true);
        return;
    }
    if (state == MPY_GIL_STATE_RELEASED)
        mpy__save_thread();
}

bool mpy_gil_is_held(void)
{
    return mpy_is_initialized() && mpy__embed_attached();
}

MpyThreadState *mpy_gil_save(void)
{
    if (!mpy__embed_enter("mpy_gil_save"))
        return NULL;
    return mpy__save_thread();
}

void mpy_gil_restore(MpyThreadState *tstate)
{
    if (tstate == NULL)
        return;
    if (tstate != mpy__tstate_get() || mpy__embed_attached()) {
        fprintf(stderr, "minipy: mpy_gil_restore() without a matching mpy_gil_save() "
                        "on this thread\n");
        return;
    }
    mpy__restore_thread(tstate);
}

/* A stand-in until gil/gil.c defines the real one (a strong definition
 * there replaces this weak one at link time, nothing else to change).
 * The GIL is still always on in minipyt, so there is nothing to do. */
__attribute__((weak)) void mpy__gil_enable_permanently(void)
{
}
