/* gil/qsbr.h: delayed reclamation for the free-threaded build
 * (quiescent-state-based reclamation, as CPython's Python/qsbr.c).
 *
 * Without a GIL, a thread may be reading a dict's table, or holding a
 * borrowed pointer to a value it just looked up, while another thread
 * replaces that value or the whole table.  So memory and references that
 * readers may still see are not released at once but *retired*: each
 * retirement is tagged with a goal, a value of a global write sequence,
 * and is carried out once every attached thread has passed a quiescent
 * state (a safe point of the eval loop, or detaching) after the goal was
 * set.  Detached threads are "offline" and never hold anything up.
 *
 * Rule for readers: a borrowed pointer obtained from a shared container
 * without its lock stays valid until the reader's next safe point (eval
 * breaker check, call, detach); take a reference before that if you keep
 * it longer.
 *
 * When the process has a single thread, retiring acts at once.  In the GIL
 * build every function here is an inline that acts at once.
 */
#ifndef MINIPY_GIL_QSBR_H
#define MINIPY_GIL_QSBR_H

#include <stdlib.h>

#include "runtime/object.h"

typedef struct MpyThreadState MpyThreadState;

#if MPY_FREE_THREADED

/* Drop a reference (o may be NULL) / free a malloc'd block once no reader
 * can see it. */
void mpy__qsbr_retire_decref(MpyObject *o);
void mpy__qsbr_retire_free(void *block);
/* This thread holds no borrowed pointers from before this call (eval
 * breaker, detach).  Also carries out its own due retirements. */
void mpy__qsbr_quiescent(MpyThreadState *ts);
/* Attach / detach (gil/attach.c). */
void mpy__qsbr_online(MpyThreadState *ts);
void mpy__qsbr_offline(MpyThreadState *ts);
/* Thread exit: carry out everything (waiting if needed is not possible:
 * what is not yet due moves to a shared list processed by the others). */
void mpy__qsbr_thread_fini(MpyThreadState *ts);

#else

static inline void mpy__qsbr_retire_decref(MpyObject *o) { MPY_XDECREF(o); }
static inline void mpy__qsbr_retire_free(void *block) { free(block); }
static inline void mpy__qsbr_quiescent(MpyThreadState *ts) { (void)ts; }
static inline void mpy__qsbr_online(MpyThreadState *ts) { (void)ts; }
static inline void mpy__qsbr_offline(MpyThreadState *ts) { (void)ts; }
static inline void mpy__qsbr_thread_fini(MpyThreadState *ts) { (void)ts; }

#endif

#endif
