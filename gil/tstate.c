/* gil/tstate.c: creating, finding and destroying thread states, and the
 * per-thread frame data stack.
 *
 * Models CPython's Python/pystate.c.  A thread state is created by the
 * thread that will use it (the main thread at startup, a new thread in its
 * bootstrap), linked into the interpreter's thread list under
 * `threads_mutex`, and freed by that same thread when it finishes.
 *
 * The data stack: Python frames are carved out of large chunks by bumping
 * a pointer (mpy__datastack_push) and released in LIFO order, so a Python
 * call costs no malloc.  A chunk that fills up gets a successor twice as big.
 */
#include "gil/tstate.h"

#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "gil/brc.h"
#include "gil/gil.h"
#include "gil/qsbr.h"
#include "gil/gil_observe.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/float.h"

MpyInterp *mpy__interp;
_Thread_local MpyThreadState *mpy__tstate;

#define DATASTACK_FIRST_CHUNK (64 * 1024)
/* Leave this much C stack unused: room for the error path itself. */
#define C_STACK_MARGIN (256 * 1024)

static uint64_t next_ident = 1;

void mpy__tstate_init_stack_limit(MpyThreadState *tstate)
{
    pthread_attr_t attr;
    void *low = NULL;
    size_t size = 0;
    tstate->c_stack_limit = NULL;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    if (pthread_attr_getstack(&attr, &low, &size) == 0 && size > 2 * C_STACK_MARGIN)
        tstate->c_stack_limit = (char *)low + C_STACK_MARGIN;
    pthread_attr_destroy(&attr);
}

MpyThreadState *mpy__tstate_new(MpyInterp *interp)
{
    MpyThreadState *tstate = calloc(1, sizeof(*tstate));
    if (tstate == NULL)
        return NULL;
    tstate->interp = interp;
    tstate->exc_info = &tstate->exc_state;
    tstate->pthread = pthread_self();
    tstate->native_id = (long)syscall(SYS_gettid);
    mpy__tstate_init_stack_limit(tstate);
    mpy__brc_thread_init(tstate);
#if MPY_FREE_THREADED
    if (mpy__gc_thread_init(tstate) < 0) {
        free(tstate);
        return NULL;
    }
#endif
    pthread_mutex_lock(&interp->threads_mutex);
    tstate->ident = (uint64_t)pthread_self();
    if (tstate->ident == 0)
        tstate->ident = next_ident++;
    tstate->next = interp->threads;
    if (interp->threads != NULL)
        interp->threads->prev = tstate;
    interp->threads = tstate;
    atomic_fetch_add(&interp->nthreads, 1);
    pthread_mutex_unlock(&interp->threads_mutex);
    mpy__tstate = tstate;
    mpy__gil_observe_thread_start(tstate);  // -X gilstats/giltrace: its record
    return tstate;
}

static void datastack_free_all(MpyThreadState *tstate)
{
    MpyDataChunk *chunk = tstate->datastack_chunk;
    while (chunk != NULL) {
        MpyDataChunk *prev = chunk->previous;
        free(chunk);
        chunk = prev;
    }
    tstate->datastack_chunk = NULL;
    tstate->datastack_top = tstate->datastack_limit = NULL;
}

void mpy__tstate_delete_current(void)
{
    MpyThreadState *tstate = mpy__tstate;
    MpyInterp *interp = tstate->interp;
    mpy__gil_observe_thread_exit(tstate);   // close its record (it outlives us)
    MPY_CLEAR(tstate->curexc);
    MPY_CLEAR(tstate->exc_state.exc_value);
    MPY_CLEAR(tstate->repr_stack);
    MPY_CLEAR(tstate->dict);
    MPY_CLEAR(tstate->async_exc);
    mpy__float_freelist_clear(tstate);
    datastack_free_all(tstate);
    mpy__brc_thread_fini(tstate);
#if MPY_FREE_THREADED
    mpy__gc_thread_fini(tstate);
#endif
    mpy__qsbr_thread_fini(tstate);
#if MPY_FREE_THREADED
    free(tstate->method_cache);
    tstate->method_cache = NULL;
#endif
    /* From here on it touches no object: a stop-the-world need not wait
     * for it (it may be waiting for threads_mutex below). */
    mpy__tstate_mark_exiting(tstate);
    pthread_mutex_lock(&interp->threads_mutex);
    if (tstate->prev != NULL)
        tstate->prev->next = tstate->next;
    else
        interp->threads = tstate->next;
    if (tstate->next != NULL)
        tstate->next->prev = tstate->prev;
    atomic_fetch_sub(&interp->nthreads, 1);
    pthread_mutex_unlock(&interp->threads_mutex);
    mpy__tstate = NULL;
    free(tstate);
}

/* Start a new chunk able to hold at least `size` bytes. */
static int datastack_grow(MpyThreadState *tstate, size_t size)
{
    size_t chunk_size = DATASTACK_FIRST_CHUNK;
    if (tstate->datastack_chunk != NULL)
        chunk_size = tstate->datastack_chunk->size * 2;
    while (chunk_size < size + sizeof(MpyDataChunk))
        chunk_size *= 2;
    MpyDataChunk *chunk = malloc(chunk_size);
    if (chunk == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    chunk->previous = tstate->datastack_chunk;
    chunk->size = chunk_size;
    chunk->saved_top = tstate->datastack_top;
    tstate->datastack_chunk = chunk;
    tstate->datastack_top = chunk->data;
    tstate->datastack_limit = (char *)chunk + chunk_size;
    return 0;
}

void *mpy__datastack_push(MpyThreadState *tstate, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (MPY_UNLIKELY(tstate->datastack_top == NULL ||
                     (size_t)(tstate->datastack_limit - tstate->datastack_top) < size)) {
        if (datastack_grow(tstate, size) < 0)
            return NULL;
    }
    char *p = tstate->datastack_top;
    tstate->datastack_top = p + size;
    return p;
}

void mpy__datastack_pop(MpyThreadState *tstate, void *p)
{
    MpyDataChunk *chunk = tstate->datastack_chunk;
    if ((char *)p == chunk->data) {
        /* Leaving the first frame of this chunk: go back to the previous
         * chunk but keep this one for reuse if it is the only spare. */
        tstate->datastack_chunk = chunk->previous;
        tstate->datastack_top = chunk->saved_top;
        tstate->datastack_limit = chunk->previous != NULL
                                      ? (char *)chunk->previous + chunk->previous->size
                                      : NULL;
        free(chunk);
        return;
    }
    tstate->datastack_top = p;
}
