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
 *
 * With them go what those objects hand out on every use: code constants
 * and names, and the functions, builtin functions, descriptors and classes
 * in module and class namespaces (static types' too).
 *
 * Making an object immortal rewrites its counts, which is safe only while
 * no other thread can be counting it as its owner: when the second thread
 * starts there is just one thread; later, only objects the calling thread
 * owns are touched (other threads only ever add to the shared count of
 * those, which an immortal object ignores).
 */
#include "gil/brc.h"

#if MPY_FREE_THREADED

#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/module.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"


static _Atomic bool multithreaded;

/* May the calling thread make `o` immortal now?  (See above.) */
static bool may_immortalize(MpyObject *o)
{
    if (mpy_is_small_int(o) || mpy__is_immortal(o))
        return false;
    return !atomic_load_explicit(&multithreaded, memory_order_relaxed) ||
           mpy__is_owned_by_me(o);
}

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

/* A code object's constants (str, numbers, tuples and frozensets of them,
 * nested code) and names: every thread that runs the code increfs them. */
static void immortalize_const(MpyObject *c)
{
    if (!may_immortalize(c))
        return;
    mpy_object_immortalize(c);
    if (mpy_tuple_check_exact(c)) {
        for (ptrdiff_t i = 0; i < mpy_tuple_size(c); i++)
            immortalize_const(mpy_tuple_item(c, i));
    } else if (mpy_code_check(c)) {
        MpyCodeObject *co = (MpyCodeObject *)c;
        immortalize_const(co->consts);
        immortalize_const(co->names);
    }
}

/* Values every thread fetches from a namespace and increfs: functions,
 * builtin functions, descriptors, classes.  (Data stays mortal: a global
 * list rebound in a loop must still be freed.) */
static bool is_code_like(MpyObject *v)
{
    if (mpy_is_small_int(v))
        return false;
    MpyType *t = MPY_TYPE(v);
    return t == &mpy_function_type || t == &mpy_builtin_function_type ||
           t == &mpy_method_descr_type || t == &mpy_classmethod_descr_type ||
           t == &mpy_wrapper_descr_type || t == &mpy_member_descr_type ||
           t == &mpy_getset_descr_type || t == &mpy_property_type ||
           t == &mpy_staticmethod_type || t == &mpy_classmethod_type || mpy_type_check(v);
}

static void immortalize(MpyObject *o);

static void immortalize_namespace(MpyObject *dict)
{
    if (dict == NULL || !may_immortalize(dict))
        return;
    mpy_object_immortalize(dict);
    ptrdiff_t pos = 0;
    MpyObject *key, *value;
    while (mpy_dict_next(dict, &pos, &key, &value)) {
        immortalize_const(key);
        if (is_code_like(value) && may_immortalize(value))
            immortalize(value);
    }
}

static void immortalize(MpyObject *o)
{
    if (!may_immortalize(o))
        return;
    mpy_object_immortalize(o);
    MpyType *t = MPY_TYPE(o);
    if (t == &mpy_function_type)
        immortalize_const(((MpyFunctionObject *)o)->code);
    else if (t == &mpy_module_type)
        immortalize_namespace(mpy_module_get_dict(o));
    else if (mpy_type_check(o))
        immortalize_namespace(((MpyType *)o)->dict);
}

static void immortalize_static_type(MpyType *type)
{
    immortalize_namespace(type->dict);
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
    mpy__for_each_static_type(immortalize_static_type);
}

void mpy__ft_shared_object_created(MpyObject *o)
{
    if (atomic_load_explicit(&multithreaded, memory_order_relaxed) && is_shared_kind(o))
        immortalize(o);
}

#endif
