/* gil/fork.c: keeping the runtime consistent across fork().
 *
 * Models PyOS_BeforeFork / PyOS_AfterFork_Parent / PyOS_AfterFork_Child
 * (Modules/posixmodule.c, Python/pystate.c).  Only the forking thread
 * exists in the child: the other threads' states are dropped from the list
 * (not freed: their owners are gone mid-flight, so their memory is simply
 * abandoned), the GIL and the runtime's mutexes are re-created, and the
 * forking thread becomes the main thread.
 */
#include "gil/tstate.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "gil/brc.h"
#include "gil/gil.h"
#include "runtime/import.h"

/* Under LeakSanitizer (make test-asan): the stacks of the threads that do
 * not exist in the child stay mapped there, and objects only they refer to
 * (a running function's arguments) are left to the OS like the rest of
 * those threads' state, so the child registers them as root regions
 * instead of having them reported as leaks.  The forking thread's own
 * stack too: LSan's thread registry still knows it by its parent's thread
 * id, cannot suspend it ("Running thread N was not suspended. False leaks
 * are possible.") and so would not scan it. */
#if defined(__SANITIZE_ADDRESS__)
#define MPY_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define MPY_LSAN 1
#endif
#endif
#ifdef MPY_LSAN
#include <sanitizer/lsan_interface.h>

enum { MAX_STACKS = 256 };
static struct { void *low; size_t size; } other_stacks[MAX_STACKS];
static size_t n_other_stacks;

/* Before fork, with the thread list locked: every thread's stack. */
static void note_other_stacks(MpyThreadState *me)
{
    (void)me;
    n_other_stacks = 0;
    for (MpyThreadState *t = mpy__interp->threads; t != NULL; t = t->next) {
        pthread_attr_t attr;
        if (n_other_stacks == MAX_STACKS || pthread_getattr_np(t->pthread, &attr) != 0)
            continue;
        void *low;
        size_t size;
        if (pthread_attr_getstack(&attr, &low, &size) == 0) {
            other_stacks[n_other_stacks].low = low;
            other_stacks[n_other_stacks++].size = size;
        }
        pthread_attr_destroy(&attr);
    }
}

static void register_other_stacks(void)
{
    for (size_t i = 0; i < n_other_stacks; i++)
        __lsan_register_root_region(other_stacks[i].low, other_stacks[i].size);
}
#else
static void note_other_stacks(MpyThreadState *me) { (void)me; }
static void register_other_stacks(void) {}
#endif

/* Free-threaded without the GIL: the other threads are stopped at safe
 * points (holding no object lock) while the process forks; with the GIL,
 * holding it is enough.  Either way the thread list is locked. */
static bool stopped_world;

void mpy__fork_prepare(void)
{
    stopped_world = MPY_FREE_THREADED && !mpy__gil_enabled();
    if (stopped_world)
        mpy__stop_the_world(mpy__tstate_get()); /* also locks threads_mutex */
    else
        pthread_mutex_lock(&mpy__interp->threads_mutex);
    note_other_stacks(mpy__tstate_get());
}

void mpy__fork_parent(void)
{
    if (stopped_world)
        mpy__start_the_world(mpy__tstate_get());
    else
        pthread_mutex_unlock(&mpy__interp->threads_mutex);
}

/* The abandoned states stay reachable from here (both halves of the list
 * around the forking thread), so that a leak checker sees memory left to
 * the OS, not memory lost.  volatile: nothing reads them, and the compiler
 * would otherwise drop the stores (LeakSanitizer then reported the other
 * threads' states as lost in every forked child). */
static MpyThreadState *volatile abandoned_before, *volatile abandoned_after;

void mpy__fork_child(void)
{
    MpyInterp *interp = mpy__interp;
    MpyThreadState *me = mpy__tstate_get();
    pthread_mutex_init(&interp->threads_mutex, NULL);
    abandoned_before = interp->threads != me ? interp->threads : NULL;
    abandoned_after = me->next;
    me->prev = me->next = NULL;
    interp->threads = me;
    interp->main_tstate = me;
    interp->main_thread = pthread_self();
    me->native_id = (long)syscall(SYS_gettid);
    atomic_store(&interp->nthreads, 1);
    mpy__brc_after_fork(me);
    mpy__import_lock_after_fork();
    mpy__stw_after_fork();
    mpy__gil_reinit_after_fork(me);
    mpy__thread_count_reset();
    register_other_stacks();
}
