/* runtime/mod_time.c: the time module.
 *
 * Models CPython's Modules/timemodule.c for what programs measure and
 * wait with: time, time_ns, perf_counter(_ns), monotonic(_ns),
 * process_time(_ns), thread_time(_ns), sleep (which releases the GIL and
 * wakes up for Ctrl-C), strftime/localtime/gmtime/ctime/mktime.
 */
#include "runtime/module.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "gil/gil.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static MpyObject *clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return mpy_int_from_long((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

#define CLOCK_FUNCS(pyname, clk)                                                           \
    static MpyObject *time_##pyname(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) \
    {                                                                                      \
        return mpy_float_from_double(clock_seconds(clk));                                  \
    }                                                                                      \
    static MpyObject *time_##pyname##_ns(MpyObject *s, MpyObject *const *a, size_t n, MpyObject *k) \
    {                                                                                      \
        return clock_ns(clk);                                                              \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FUNCS

/* time.sleep(secs): release the GIL while waiting; a signal (Ctrl-C)
 * interrupts the wait, runs the handlers, and the sleep resumes for the
 * remaining time unless they raised. */
static MpyObject *time_sleep(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *arg = args[0];
    if (!mpy_int_check(arg) && !mpy_float_check(arg) && MPY_TYPE(arg)->nb_float == NULL &&
        MPY_TYPE(arg)->nb_index == NULL)
        return mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    double secs = mpy_float_as_double(arg);
    if (secs == -1.0 && mpy_err_occurred())
        return NULL;
    if (isnan(secs))
        return mpy_err_format(mpy_exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return mpy_err_format(mpy_exc_ValueError, "sleep length must be non-negative");
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    for (;;) {
        int r;
        MPY_BEGIN_ALLOW_THREADS
        r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        MPY_END_ALLOW_THREADS
        if (r == 0)
            break;
        if (r != EINTR) {
            errno = r;
            return mpy_err_from_errno(mpy_exc_OSError);
        }
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return NULL;
    }
    return MPY_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* Calendar time                                                        */

/* The nine struct_time fields, then tm_zone and tm_gmtoff; the struct_time
 * class is Python (runtime/lib/_time_extra.py).  Returns: new tuple. */
static MpyObject *struct_time_from(struct tm *tm)
{
    MpyObject *zone = mpy_str_from_cstr(tm->tm_zone ? tm->tm_zone : "UTC");
    MpyObject *t = zone ? mpy_tuple_pack(11, mpy_small_int(tm->tm_year + 1900), mpy_small_int(tm->tm_mon + 1),
                                         mpy_small_int(tm->tm_mday), mpy_small_int(tm->tm_hour),
                                         mpy_small_int(tm->tm_min), mpy_small_int(tm->tm_sec),
                                         mpy_small_int((tm->tm_wday + 6) % 7), mpy_small_int(tm->tm_yday + 1),
                                         mpy_small_int(tm->tm_isdst), zone, mpy_small_int(tm->tm_gmtoff))
                        : NULL;
    MPY_XDECREF(zone);
    return t;
}

static int tm_from_tuple(MpyObject *t, struct tm *tm)
{
    MpyObject *tuple = mpy_tuple_from_iterable(t);
    if (tuple == NULL)
        return -1;
    if (mpy_tuple_size(tuple) < 9 || mpy_tuple_size(tuple) > 11) {
        MPY_DECREF(tuple);
        mpy_err_set(mpy_exc_TypeError, "time tuple must have 9 elements");
        return -1;
    }
    long long v[9];
    for (int i = 0; i < 9; i++) {
        v[i] = mpy_int_as_long(mpy_tuple_item(tuple, i));
        if (v[i] == -1 && mpy_err_occurred()) {
            MPY_DECREF(tuple);
            return -1;
        }
    }
    MPY_DECREF(tuple);
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)v[0] - 1900;
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    return 0;
}

static int when(MpyObject *const *args, size_t nargs, time_t *t)
{
    if (nargs == 0 || args[0] == MPY_NONE) {
        *t = time(NULL);
        return 0;
    }
    double d = mpy_float_as_double(args[0]);
    if (d == -1.0 && mpy_err_occurred())
        return -1;
    *t = (time_t)floor(d);
    return 0;
}

static MpyObject *time_localtime(MpyObject *s, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    time_t t;
    struct tm tm;
    if (when(args, nargs, &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    return struct_time_from(&tm);
}

static MpyObject *time_gmtime(MpyObject *s, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    time_t t;
    struct tm tm;
    if (when(args, nargs, &t) < 0)
        return NULL;
    gmtime_r(&t, &tm);
    return struct_time_from(&tm);
}

static MpyObject *time_mktime(MpyObject *s, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    struct tm tm;
    if (tm_from_tuple(args[0], &tm) < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return mpy_err_format(mpy_exc_OverflowError, "mktime argument out of range");
    return mpy_float_from_double((double)t);
}

static MpyObject *time_strftime(MpyObject *s, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm tm;
    if (nargs == 2) {
        if (tm_from_tuple(args[1], &tm) < 0)
            return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    char buf[1024];
    size_t n = strftime(buf, sizeof buf, mpy_str_utf8(args[0]), &tm);
    return mpy_str_from_utf8(buf, n);
}

static MpyObject *time_ctime(MpyObject *s, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    time_t t;
    struct tm tm;
    if (when(args, nargs, &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
    return mpy_str_from_cstr(buf);
}

static const MpyMethodDef time_methods[] = {
    {"time", time_time, MPY_METH_NOARGS, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, MPY_METH_NOARGS, NULL},
    {"monotonic", time_monotonic, MPY_METH_NOARGS, NULL},
    {"monotonic_ns", time_monotonic_ns, MPY_METH_NOARGS, NULL},
    {"perf_counter", time_perf_counter, MPY_METH_NOARGS, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, MPY_METH_NOARGS, NULL},
    {"process_time", time_process_time, MPY_METH_NOARGS, NULL},
    {"process_time_ns", time_process_time_ns, MPY_METH_NOARGS, NULL},
    {"thread_time", time_thread_time, MPY_METH_NOARGS, NULL},
    {"thread_time_ns", time_thread_time_ns, MPY_METH_NOARGS, NULL},
    {"sleep", time_sleep, MPY_METH_O, "Delay execution for a given number of seconds."},
    {"_localtime", time_localtime, MPY_METH_FASTCALL, NULL},
    {"_gmtime", time_gmtime, MPY_METH_FASTCALL, NULL},
    {"mktime", time_mktime, MPY_METH_O, NULL},
    {"strftime", time_strftime, MPY_METH_FASTCALL, NULL},
    {"ctime", time_ctime, MPY_METH_FASTCALL, NULL},
    {NULL},
};

static int time_exec(MpyObject *m)
{
    tzset();
    if (mpy_module_add_int(m, "timezone", timezone) < 0 ||
        mpy_module_add_int(m, "daylight", daylight) < 0)
        return -1;
    // struct_time, gmtime, localtime and asctime are Python, run in this
    // module's namespace (as runtime/mod_os.c does for os).
    const MpyFrozenModule *extra = mpy__find_frozen_module("_time_extra");
    if (extra == NULL)
        return 0;
    MpyObject *filename = mpy_str_from_cstr("<frozen time>");
    int r = filename ? mpy_import_exec_source(m, extra->source, strlen(extra->source), filename) : -1;
    MPY_XDECREF(filename);
    return r;
}

const MpyModuleDef mpy__time_module_def = {
    "time", "This module provides various functions to manipulate time values.", time_methods,
    time_exec, 1,
};
