/* runtime/mod_gc.c: the gc module, the Python face of the cycle collector
 * (runtime/gc.c).
 *
 * Models CPython's Modules/gcmodule.c interface: collect, enable/disable,
 * counts and thresholds, get_objects/get_referents/get_referrers,
 * is_tracked, the `garbage` and `callbacks` lists (callbacks are called
 * with "start"/"stop" and an info dict around every collection), the
 * debug flags and the freeze family.  minipy has no permanent generation,
 * so freeze() only counts what it would have moved: documented in README.
 */
#include "runtime/module.h"

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static MpyObject *callbacks_list; /* the gc.callbacks list (module-owned) */
static long debug_flags;

static int generation_arg(const char *fn, MpyObject *o, int *gen)
{
    long long g = mpy_int_as_long(o);
    if (g == -1 && mpy_err_occurred())
        return -1;
    if (g < 0 || g > 2) {
        mpy_err_format(mpy_exc_ValueError, "invalid generation");
        return -1;
    }
    (void)fn;
    *gen = (int)g;
    return 0;
}

/* Call every gc.callbacks entry with (phase, info).  Errors are reported
 * as unraisable, as CPython does. */
static void run_callbacks(const char *phase, int gen, ptrdiff_t collected)
{
    if (callbacks_list == NULL || mpy_list_size(callbacks_list) == 0)
        return;
    MpyObject *info = mpy_dict_new();
    MpyObject *ph = mpy_str_from_cstr(phase);
    if (info == NULL || ph == NULL)
        goto out;
    MpyObject *g = mpy_int_from_long(gen), *c = mpy_int_from_long(collected);
    MpyObject *u = mpy_int_from_long(0);
    if (g && c && u)
        (void)(mpy_dict_set_cstr(info, "generation", g) < 0 ||
               mpy_dict_set_cstr(info, "collected", c) < 0 ||
               mpy_dict_set_cstr(info, "uncollectable", u) < 0);
    MPY_XDECREF(g);
    MPY_XDECREF(c);
    MPY_XDECREF(u);
    MpyObject *snapshot = mpy_list_as_tuple(callbacks_list);
    for (ptrdiff_t i = 0; snapshot != NULL && i < mpy_tuple_size(snapshot); i++) {
        MpyObject *cb = mpy_tuple_items(snapshot)[i];
        MpyObject *r = mpy_object_call2(cb, ph, info);
        if (r == NULL)
            mpy_err_write_unraisable(cb);
        MPY_XDECREF(r);
    }
    MPY_XDECREF(snapshot);
out:
    mpy_err_clear();
    MPY_XDECREF(info);
    MPY_XDECREF(ph);
}

/* Returns: new reference to the number of unreachable objects found. */
static MpyObject *gc_collect(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"generation", NULL};
    MpyObject *a[1] = {NULL};
    if (mpy_arg_parse("collect", args, nargs, kw, kwlist, 0, a) < 0)
        return NULL;
    int gen = 2;
    if (a[0] != NULL && generation_arg("collect", a[0], &gen) < 0)
        return NULL;
    run_callbacks("start", gen, 0);
    ptrdiff_t n = mpy_gc_collect(gen);
    run_callbacks("stop", gen, n);
    return mpy_int_from_long(n);
}

static MpyObject *gc_enable(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    mpy_gc_set_enabled(true);
    return MPY_RETURN_NONE;
}

static MpyObject *gc_disable(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    mpy_gc_set_enabled(false);
    return MPY_RETURN_NONE;
}

static MpyObject *gc_isenabled(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_bool_from(mpy_gc_is_enabled());
}

static MpyObject *int_triple(const int v[3])
{
    return mpy_tuple_pack(3, mpy_int_from_long(v[0]), mpy_int_from_long(v[1]),
                          mpy_int_from_long(v[2]));
}

static MpyObject *gc_get_count(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int counts[3];
    mpy_gc_get_counts(counts);
    return int_triple(counts);
}

static MpyObject *gc_get_threshold(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int t[3];
    mpy_gc_get_thresholds(t);
    return int_triple(t);
}

static MpyObject *gc_set_threshold(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    if (mpy_arg_no_kwargs("set_threshold", kw) < 0 ||
        mpy_arg_check_positional("set_threshold", nargs, 1, 3) < 0)
        return NULL;
    int t[3];
    for (size_t i = 0; i < nargs; i++) {
        long long v = mpy_int_as_long(args[i]);
        if (v == -1 && mpy_err_occurred())
            return NULL;
        t[i] = v > 0x7fffffff ? 0x7fffffff : v < -0x7fffffff ? -0x7fffffff : (int)v;
    }
    mpy_gc_set_thresholds(t, (int)nargs);
    return MPY_RETURN_NONE;
}

static int append_object(MpyObject *o, void *list)
{
    return mpy_list_append((MpyObject *)list, o);
}

static MpyObject *gc_get_objects(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kw)
{
    static const char *const kwlist[] = {"generation", NULL};
    MpyObject *a[1] = {NULL};
    if (mpy_arg_parse("get_objects", args, nargs, kw, kwlist, 0, a) < 0)
        return NULL;
    int gen = -1;
    if (a[0] != NULL && a[0] != MPY_NONE) {
        long long g = mpy_int_as_long(a[0]);
        if (g == -1 && mpy_err_occurred())
            return NULL;
        if (g < 0) {
            mpy_err_format(mpy_exc_ValueError, "generation parameter must be greater than 0");
            return NULL;
        }
        if (g > 2) {
            mpy_err_format(mpy_exc_ValueError, "generation parameter cannot be greater than 2");
            return NULL;
        }
        gen = (int)g;
    }
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    /* The new list is tracked too; CPython leaves it out. */
    mpy_gc_untrack(list);
    int r = mpy__gc_for_each(gen, append_object, list);
    mpy_gc_track(list);
    if (r != 0) {
        MPY_DECREF(list);
        return NULL;
    }
    return list;
}

static MpyObject *gc_is_tracked(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    return mpy_bool_from(mpy_gc_is_tracked(args[0]));
}

static MpyObject *gc_is_finalized(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    return mpy_bool_from(mpy_gc_is_finalized(args[0]));
}

static MpyObject *gc_get_referents(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    if (mpy_arg_no_kwargs("get_referents", kw) < 0)
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        MpyObject *o = args[i];
        if (mpy_is_small_int(o) || !mpy_object_is_gc(o))
            continue;
        MpyTraverseFunc t = MPY_TYPE(o)->traverse;
        if (t != NULL && t(o, append_object, list) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
    return list;
}

typedef struct ReferrerSearch {
    MpyObject *const *targets;
    size_t ntargets;
    MpyObject *result;
    bool found;
} ReferrerSearch;

static int visit_is_target(MpyObject *o, void *arg)
{
    ReferrerSearch *s = arg;
    for (size_t i = 0; i < s->ntargets; i++) {
        if (o == s->targets[i])
            s->found = true;
    }
    return 0;
}

static int check_referrer(MpyObject *o, void *arg)
{
    ReferrerSearch *s = arg;
    if (o == s->result)
        return 0;
    MpyTraverseFunc t = MPY_TYPE(o)->traverse;
    s->found = false;
    if (t != NULL)
        t(o, visit_is_target, s);
    return s->found ? mpy_list_append(s->result, o) : 0;
}

static MpyObject *gc_get_referrers(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    if (mpy_arg_no_kwargs("get_referrers", kw) < 0)
        return NULL;
    ReferrerSearch s = {args, nargs, mpy_list_new(0), false};
    if (s.result == NULL)
        return NULL;
    if (mpy__gc_for_each(-1, check_referrer, &s) != 0) {
        MPY_DECREF(s.result);
        return NULL;
    }
    return s.result;
}

static MpyObject *gc_get_stats(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long collections[3], collected[3];
    mpy_gc_get_stats(collections, collected);
    MpyObject *list = mpy_list_new(0);
    for (int i = 0; list != NULL && i < 3; i++) {
        MpyObject *d = mpy_dict_new();
        MpyObject *c1 = mpy_int_from_long(collections[i]), *c2 = mpy_int_from_long(collected[i]);
        MpyObject *zero = mpy_int_from_long(0);
        int bad = d == NULL || c1 == NULL || c2 == NULL || zero == NULL ||
                  mpy_dict_set_cstr(d, "collections", c1) < 0 ||
                  mpy_dict_set_cstr(d, "collected", c2) < 0 ||
                  mpy_dict_set_cstr(d, "uncollectable", zero) < 0 ||
                  mpy_list_append(list, d) < 0;
        MPY_XDECREF(c1);
        MPY_XDECREF(c2);
        MPY_XDECREF(zero);
        MPY_XDECREF(d);
        if (bad)
            MPY_CLEAR(list);
    }
    return list;
}

static MpyObject *gc_set_debug(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    long long v = mpy_int_as_long(args[0]);
    if (v == -1 && mpy_err_occurred())
        return NULL;
    debug_flags = (long)v;
    return MPY_RETURN_NONE;
}

static MpyObject *gc_get_debug(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_long(debug_flags);
}

static MpyObject *gc_freeze(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_RETURN_NONE;
}

static MpyObject *gc_get_freeze_count(MpyObject *self, MpyObject *const *a, size_t n,
                                      MpyObject *k)
{
    return mpy_int_from_long(0);
}

static const MpyMethodDef gc_methods[] = {
    {"collect", gc_collect, MPY_METH_FASTCALL, "Run the garbage collector."},
    {"enable", gc_enable, MPY_METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, MPY_METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, MPY_METH_NOARGS, "Returns true if automatic GC is enabled."},
    {"get_count", gc_get_count, MPY_METH_NOARGS, "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, MPY_METH_NOARGS, "Return the current thresholds."},
    {"set_threshold", gc_set_threshold, MPY_METH_FASTCALL, "Set the collection thresholds."},
    {"get_objects", gc_get_objects, MPY_METH_FASTCALL, "Return a list of tracked objects."},
    {"is_tracked", gc_is_tracked, MPY_METH_O, "Returns true if the object is tracked."},
    {"is_finalized", gc_is_finalized, MPY_METH_O, "Returns true if __del__ already ran."},
    {"get_referents", gc_get_referents, MPY_METH_FASTCALL, "Objects referred to by the args."},
    {"get_referrers", gc_get_referrers, MPY_METH_FASTCALL, "Objects that refer to the args."},
    {"get_stats", gc_get_stats, MPY_METH_NOARGS, "Per-generation collection statistics."},
    {"set_debug", gc_set_debug, MPY_METH_O, "Set the debugging flags."},
    {"get_debug", gc_get_debug, MPY_METH_NOARGS, "Get the debugging flags."},
    {"freeze", gc_freeze, MPY_METH_NOARGS, "No permanent generation in minipy: does nothing."},
    {"unfreeze", gc_freeze, MPY_METH_NOARGS, "No permanent generation in minipy: does nothing."},
    {"get_freeze_count", gc_get_freeze_count, MPY_METH_NOARGS, "Always 0 in minipy."},
    {NULL},
};

static int gc_exec(MpyObject *m)
{
    MpyObject *garbage = mpy_list_new(0);
    if (mpy_module_add_take(m, "garbage", garbage) < 0)
        return -1;
    if (callbacks_list == NULL && (callbacks_list = mpy_list_new(0)) == NULL)
        return -1;
    static const struct { const char *name; int value; } flags[] = {
        {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (mpy_module_add_int(m, flags[i].name, flags[i].value) < 0)
            return -1;
    }
    return mpy_module_add(m, "callbacks", callbacks_list);
}

const MpyModuleDef mpy__gc_module_def = {
    "gc", "This module provides access to the garbage collector for reference cycles.",
    gc_methods, gc_exec, 1,
};
