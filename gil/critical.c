/* gil/critical.c: critical sections of the free-threaded build (see
 * gil/critical.h for the rules).
 *
 * Models CPython's Python/critical_section.c.  The per-thread stack is a
 * linked list through the sections themselves (they live in the C frames
 * of the functions that opened them); tstate->critical_section points at
 * the innermost one.  The INACTIVE bit is kept in the pointer *to* a
 * section (tstate->critical_section or the next inner section's `prev`):
 * set, it means that section's locks were released by a suspension.
 */
#include "gil/critical.h"

#if MPY_FREE_THREADED

#include "gil/tstate.h"

static inline MpyCriticalSection *untag(uintptr_t p)
{
    return (MpyCriticalSection *)(p & ~(uintptr_t)MPY_CS_INACTIVE);
}

static inline MpyMutex *mutex_of(MpyObject *op)
{
    return &op->ob_mutex;
}

static void push(MpyThreadState *ts, MpyCriticalSection *c)
{
    c->prev = ts->critical_section;
    ts->critical_section = (uintptr_t)c;
}

/* Is `m` held by the innermost active section? */
static bool held_by_top(MpyThreadState *ts, MpyMutex *m)
{
    uintptr_t top = ts->critical_section;
    if (top == 0 || (top & MPY_CS_INACTIVE))
        return false;
    MpyCriticalSection *c = untag(top);
    return c->mutex == m || c->mutex2 == m;
}

void mpy__cs_begin_slow(MpyCriticalSection *c, MpyObject *op)
{
    MpyThreadState *ts = mpy__tstate_get();
    MpyMutex *m = mutex_of(op);
    c->mutex2 = NULL;
    c->elided = false;
    if (held_by_top(ts, m)) {
        c->mutex = NULL; /* re-entrant: nothing to do, nothing pushed */
        return;
    }
    if (mpy_mutex_trylock(m)) {
        c->mutex = m;
        push(ts, c);
        return;
    }
    /* Contended: push ourselves empty, so the detach inside the lock
     * suspends every enclosing section, then lock. */
    c->mutex = NULL;
    push(ts, c);
    mpy__mutex_lock_slow(m, MPY_LOCK_DETACH);
    c->mutex = m;
}

void mpy__cs_begin2(MpyCriticalSection *c, MpyObject *a, MpyObject *b)
{
    if (a == b) {
        mpy__cs_begin(c, a);
        return;
    }
    MpyThreadState *ts = mpy__tstate_get();
    MpyMutex *m1 = mutex_of(a), *m2 = mutex_of(b);
    if ((uintptr_t)m1 > (uintptr_t)m2) {
        MpyMutex *t = m1;
        m1 = m2;
        m2 = t;
    }
    c->elided = mpy__cs_alone();
    if (c->elided) {
        c->mutex = m1;
        c->mutex2 = m2;
        push(ts, c);
        return;
    }
    uintptr_t top = ts->critical_section;
    if (top != 0 && !(top & MPY_CS_INACTIVE)) {
        MpyCriticalSection *t = untag(top);
        if (t->mutex == m1 && t->mutex2 == m2) {
            c->mutex = c->mutex2 = NULL;
            return;
        }
    }
    if (mpy_mutex_trylock(m1)) {
        if (mpy_mutex_trylock(m2)) {
            c->mutex = m1;
            c->mutex2 = m2;
            push(ts, c);
            return;
        }
        mpy_mutex_unlock(m1);
    }
    c->mutex = c->mutex2 = NULL;
    push(ts, c);
    mpy__mutex_lock_slow(m1, MPY_LOCK_DETACH);
    c->mutex = m1;
    if (!mpy_mutex_trylock(m2)) {
        /* Waiting for m2 must not hold m1: suspend handles that as long as
         * c->mutex2 stays NULL until m2 is ours. */
        mpy__mutex_lock_slow(m2, MPY_LOCK_DETACH);
    }
    c->mutex2 = m2;
}

void mpy__cs_end_slow(MpyCriticalSection *c)
{
    if (c->mutex == NULL)
        return;
    MpyThreadState *ts = mpy__tstate_get();
    if (!c->elided) {
        if (c->mutex2 != NULL)
            mpy_mutex_unlock(c->mutex2);
        mpy_mutex_unlock(c->mutex);
    }
    ts->critical_section = c->prev;
    if (c->prev & MPY_CS_INACTIVE)
        mpy__cs_resume(ts);
}

void mpy__cs_suspend_all(MpyThreadState *ts)
{
    uintptr_t *link = &ts->critical_section;
    while (*link != 0 && !(*link & MPY_CS_INACTIVE)) {
        MpyCriticalSection *c = untag(*link);
        if (!c->elided && c->mutex2 != NULL)
            mpy_mutex_unlock(c->mutex2);
        if (!c->elided && c->mutex != NULL)
            mpy_mutex_unlock(c->mutex);
        *link |= MPY_CS_INACTIVE;
        link = &c->prev;
    }
}

void mpy__cs_resume(MpyThreadState *ts)
{
    uintptr_t top = ts->critical_section;
    if (top == 0 || !(top & MPY_CS_INACTIVE))
        return;
    MpyCriticalSection *c = untag(top);
    /* Re-locking may itself have to wait: then this thread detaches again,
     * which suspends nothing (all sections are inactive right now). */
    ts->critical_section = (uintptr_t)c; /* active again once locked */
    MpyMutex *m1 = c->mutex, *m2 = c->mutex2;
    c->mutex = c->mutex2 = NULL;          /* nothing held while waiting */
    c->elided = false;                    /* from now on really locked */
    if (m1 != NULL)
        mpy_mutex_lock(m1);
    c->mutex = m1;
    if (m2 != NULL)
        mpy_mutex_lock(m2);
    c->mutex2 = m2;
}

bool mpy__cs_holds(MpyObject *op)
{
    MpyThreadState *ts = mpy__tstate_get();
    MpyMutex *m = mutex_of(op);
    for (uintptr_t p = ts->critical_section; p != 0; p = untag(p)->prev) {
        if (p & MPY_CS_INACTIVE)
            return false;
        if (untag(p)->mutex == m || untag(p)->mutex2 == m)
            return true;
    }
    return false;
}

#endif
