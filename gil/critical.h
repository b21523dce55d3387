/* gil/critical.h: per-object locks for the free-threaded build.
 *
 * Models CPython's critical sections (Include/internal/pycore_critical_
 * section.h, PEP 703).  Code that reads or changes a mutable built-in
 * container (list, dict, set, bytearray, deque ...) wraps the operation:
 *
 *     MPY_BEGIN_CRITICAL(list);
 *     ... read or modify list ...
 *     MPY_END_CRITICAL();
 *
 * In the GIL build both macros are a plain `{` and `}`: the GIL already
 * serialises everything, so the GIL build pays nothing.
 *
 * In the free-threaded build the section locks the object's one-byte
 * mutex (ob_mutex, gil/mutex.h) and pushes itself on a per-thread stack.
 * Deadlocks are avoided the way CPython avoids them: whenever a thread
 * would block (a contended lock, or any detach: sleep, I/O, lock waits,
 * a stop-the-world pause), it first *suspends* all its active sections,
 * releasing their locks, and when it runs again it re-locks only the
 * innermost one; outer ones are re-locked as inner ones end.  So a thread
 * never waits while holding an object lock, and nested sections cannot
 * form a lock cycle.  The price (as under a GIL): an operation that runs
 * Python code or blocks part-way (a dict lookup calling __eq__) is not
 * atomic as a whole.  Locking the object the innermost section already
 * holds is a no-op, so a method may call another method of the same
 * object.  Two objects are locked together, in address order, with
 * MPY_BEGIN_CRITICAL2 (never nest two single sections for that: the inner
 * one may release the outer).
 *
 * Rules: never `return` or `goto` out of a section (compute, END, then
 * return); sections nest only in C scope order.
 */
#ifndef MINIPY_GIL_CRITICAL_H
#define MINIPY_GIL_CRITICAL_H

#include "gil/mutex.h"
#include "gil/tstate.h"
#include "runtime/object.h"

typedef struct MpyThreadState MpyThreadState;

#if MPY_FREE_THREADED

typedef struct MpyCriticalSection {
    uintptr_t prev;        /* the enclosing section | MPY_CS_INACTIVE */
    MpyMutex *mutex;       /* NULL: this section locked nothing */
    MpyMutex *mutex2;      /* the second object's lock, or NULL */
    bool elided;           /* begun while alone: `mutex`, `mutex2` not taken */
} MpyCriticalSection;

/* While the interpreter has one thread nobody can contend for a lock, so
 * a section takes none: it is pushed *elided* (its locks named, not
 * taken).  A second thread can only appear while this one is detached or
 * about to detach (it waits in start_new_thread; a host thread attaching
 * stops the world), and detaching suspends every section; resuming then
 * takes the locks for real.  So the single-threaded program pays no
 * compare-and-swap for its containers. */
static inline bool mpy__cs_alone(void)
{
    return atomic_load_explicit(&mpy__interp->nthreads, memory_order_acquire) <= 1;
}

enum { MPY_CS_INACTIVE = 1 };

void mpy__cs_begin_slow(MpyCriticalSection *c, MpyObject *op);
void mpy__cs_begin2(MpyCriticalSection *c, MpyObject *a, MpyObject *b);
void mpy__cs_end_slow(MpyCriticalSection *c);

/* The uncontended cases inline: one compare-and-swap to lock, one to
 * unlock, and the push / pop of the thread's section chain.  Everything
 * else (re-entry, contention, resuming suspended sections) is in
 * gil/critical.c. */
static inline void mpy__cs_begin(MpyCriticalSection *c, MpyObject *op)
{
    MpyMutex *m = &op->ob_mutex;
    bool alone = mpy__cs_alone();
    if (MPY_LIKELY(alone || mpy_mutex_trylock(m))) {
        MpyThreadState *ts = mpy__tstate;
        c->mutex = m;
        c->mutex2 = NULL;
        c->elided = alone;
        c->prev = ts->critical_section;
        ts->critical_section = (uintptr_t)c;
        return;
    }
    mpy__cs_begin_slow(c, op);
}

static inline void mpy__cs_end(MpyCriticalSection *c)
{
    if (c->mutex == NULL)
        return;
    if (MPY_LIKELY(c->mutex2 == NULL && !(c->prev & MPY_CS_INACTIVE))) {
        mpy__tstate->critical_section = c->prev;
        if (!c->elided)
            mpy_mutex_unlock(c->mutex);
        return;
    }
    mpy__cs_end_slow(c);
}
/* Detach / attach (gil/gil.c): release all / re-lock the innermost. */
void mpy__cs_suspend_all(MpyThreadState *ts);
void mpy__cs_resume(MpyThreadState *ts);

#define MPY_BEGIN_CRITICAL(op)                                                             \
    {                                                                                      \
        MpyCriticalSection mpy_cs_;                                                        \
        mpy__cs_begin(&mpy_cs_, (MpyObject *)(op));
#define MPY_END_CRITICAL()                                                                 \
        mpy__cs_end(&mpy_cs_);                                                             \
    }
#define MPY_BEGIN_CRITICAL2(a, b)                                                          \
    {                                                                                      \
        MpyCriticalSection mpy_cs_;                                                        \
        mpy__cs_begin2(&mpy_cs_, (MpyObject *)(a), (MpyObject *)(b));
#define MPY_END_CRITICAL2() MPY_END_CRITICAL()

/* Is the calling thread inside a section holding `op`'s lock?  (For
 * assertions.) */
bool mpy__cs_holds(MpyObject *op);

#else

#define MPY_BEGIN_CRITICAL(op) {
#define MPY_END_CRITICAL() }
#define MPY_BEGIN_CRITICAL2(a, b) {
#define MPY_END_CRITICAL2() }

static inline void mpy__cs_suspend_all(MpyThreadState *ts) { (void)ts; }
static inline void mpy__cs_resume(MpyThreadState *ts) { (void)ts; }

#endif

#endif
