/* gil/ft_immortal.c: which objects become immortal in a multi-threaded
 * program (free-threaded build only).
 *
 * Models what CPython 3.13t does (Python/gc_free_threading.c,
 * _PyGC_ImmortalizeDeferredObjects): objects that every thread loads all
 * the time - module-level functions and their code, classes, modules and
 * their dicts - would make two threads fight over their reference counts'
 * cache line (each LOAD_GLOBAL of a function is an incref).  So when the
 * second thread starts, those objects are made immortal (never counted,
 * never freed), and so is every such object created afterwards.  The
 * price: they are not freed any more (nested functions and lambdas are
 * not affected).  A single-threaded program never gets here.
 */
#include "gil/brc.h"

#if MPY_FREE_THREADED

#include "gil/tstate.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/type.h"
#include "vm/code.h"

static _Atomic bool multithreaded;

/* Should `o` be immortal in a multi-threaded program? */
static bool is_shared_kind(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    if (t == &mpy_function_type) {
        MpyCodeObject *co = (MpyCodeObject *)((MpyFunctionObject *)o)->code;
        return !(co->flags & MPY_CO_NESTED);
    }
    return t == &mpy_module_type || mpy_type_check(o);
}

static void immortalize(MpyObject *o)
{
    mpy_object_immortalize(o);
    MpyType *t = MPY_TYPE(o);
    if (t == &mpy_function_type)
        mpy_object_immortalize(((MpyFunctionObject *)o)->code);
    else if (t == &mpy_module_type)
        mpy_object_immortalize(mpy_module_get_dict(o));
}

static int visit(MpyObject *o, void *arg)
{
    if (is_shared_kind(o))
        immortalize(o);
    return 0;
}

void mpy__ft_start_multithreaded(void)
{
    bool expected = false;
    if (!atomic_compare_exchange_strong(&multithreaded, &expected, true))
        return;
    mpy__gc_for_each(-1, visit, NULL); /* stops the world if need be */
}

void mpy__ft_shared_object_created(MpyObject *o)
{
    if (atomic_load_explicit(&multithreaded, memory_order_relaxed) && is_shared_kind(o))
        immortalize(o);
}

#endif
