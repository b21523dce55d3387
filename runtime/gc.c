/* runtime/gc.c: tracking of container objects for the cycle collector.
 *
 * Models the list management of CPython's Modules/gcmodule.c.  Tracked
 * objects sit on a doubly linked list (the young generation) so the
 * collector can find every container without a heap walk.  In the
 * free-threaded build the list is shared by all threads and guarded by a
 * mutex; in the GIL build the GIL guards it.
 */
#include "runtime/gc.h"

#include <pthread.h>

#include "gil/tstate.h"

/* The list of tracked objects: a circular list through a sentinel. */
static MpyGCHead gc_young = {&gc_young, &gc_young, 0};
#if MPY_FREE_THREADED
static pthread_mutex_t gc_mutex = PTHREAD_MUTEX_INITIALIZER;
#define GC_LOCK() pthread_mutex_lock(&gc_mutex)
#define GC_UNLOCK() pthread_mutex_unlock(&gc_mutex)
#else
#define GC_LOCK() ((void)0)
#define GC_UNLOCK() ((void)0)
#endif

void mpy__gc_init(void)
{
    if (gc_young.next == NULL)
        gc_young.next = gc_young.prev = &gc_young;
}

void mpy__gc_fini(void)
{
    /* Objects still tracked at exit are leaked on purpose (as CPython
     * does for objects alive at exit); unlink the sentinel's view of them. */
}

void mpy_gc_track(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    MPY_ASSERT(g->next == NULL);
    GC_LOCK();
    g->prev = gc_young.prev;
    g->next = &gc_young;
    gc_young.prev->next = g;
    gc_young.prev = g;
    GC_UNLOCK();
}

void mpy_gc_untrack(MpyObject *o)
{
    MpyGCHead *g = mpy__gc_head(o);
    if (g->next == NULL)
        return;
    GC_LOCK();
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
    GC_UNLOCK();
}

bool mpy_gc_is_tracked(MpyObject *o)
{
    return mpy_object_is_gc(o) && mpy__gc_head(o)->next != NULL;
}
