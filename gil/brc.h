/* gil/brc.h: threads and merge queues of biased reference counting
 * (free-threaded build; gil/refcount.h has the scheme, gil/brc.c the code).
 * In the GIL build every function here is an empty inline.
 */
#ifndef MINIPY_GIL_BRC_H
#define MINIPY_GIL_BRC_H

#include "runtime/object.h"

typedef struct MpyThreadState MpyThreadState;

#if MPY_FREE_THREADED
/* Give the calling thread its id and register it as an owner (from
 * mpy__tstate_new). */
void mpy__brc_thread_init(MpyThreadState *ts);
/* Unregister and merge what other threads queued (thread exit). */
void mpy__brc_thread_fini(MpyThreadState *ts);
/* MPY_BREAKER_BRC_MERGE: merge the objects queued to this thread. */
void mpy__brc_merge_pending(MpyThreadState *ts);
/* In a forked child: only `ts` survives. */
void mpy__brc_after_fork(MpyThreadState *ts);
/* gil/ft_immortal.c: a second thread is about to start: make module-level
 * functions, code, classes and modules immortal (once). */
void mpy__ft_start_multithreaded(void);
/* A new function, class or module: immortal too if multi-threaded. */
void mpy__ft_shared_object_created(MpyObject *o);
#else
static inline void mpy__brc_thread_init(MpyThreadState *ts) { (void)ts; }
static inline void mpy__brc_thread_fini(MpyThreadState *ts) { (void)ts; }
static inline void mpy__brc_merge_pending(MpyThreadState *ts) { (void)ts; }
static inline void mpy__brc_after_fork(MpyThreadState *ts) { (void)ts; }
static inline void mpy__ft_start_multithreaded(void) {}
static inline void mpy__ft_shared_object_created(MpyObject *o) { (void)o; }
#endif

#endif
