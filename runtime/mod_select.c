/* runtime/mod_select.c: the select module (select.select over poll(2)).
 *
 * Models CPython's Modules/selectmodule.c for its most used function.  The
 * wait releases the GIL and is interrupted by signals like every other
 * blocking call.
 */
#include "runtime/module.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>

#include "gil/gil.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

/* The file descriptor of an int or an object with fileno().  -1 + error. */
static int fd_of(MpyObject *o)
{
    MpyObject *n = mpy_int_check(o) ? MPY_NEWREF(o) : mpy_object_call_method_cstr(o, "fileno", NULL, 0);
    if (n == NULL)
        return -1;
    long long fd = mpy_int_as_long(n);
    MPY_DECREF(n);
    if (fd == -1 && mpy_err_occurred())
        return -1;
    if (fd < 0) {
        mpy_err_format(mpy_exc_ValueError, "file descriptor cannot be a negative integer (%lld)", fd);
        return -1;
    }
    return (int)fd;
}

static MpyObject *select_select(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_check_positional("select", nargs, 3, 4) < 0)
        return NULL;
    int timeout_ms = -1;
    if (nargs == 4 && args[3] != MPY_NONE) {
        double t = mpy_float_as_double(args[3]);
        if (t == -1.0 && mpy_err_occurred())
            return NULL;
        if (t < 0)
            return mpy_err_format(mpy_exc_ValueError, "timeout must be non-negative");
        timeout_ms = (int)ceil(t * 1000.0);
    }
    MpyObject *lists[3] = {NULL, NULL, NULL};
    MpyObject *result = NULL;
    struct pollfd *pfds = NULL;
    size_t n = 0, cap = 0;
    for (int k = 0; k < 3; k++) {
        if ((lists[k] = mpy_list_from_iterable(args[k])) == NULL)
            goto done;
        for (ptrdiff_t i = 0; i < mpy_list_size(lists[k]); i++) {
            int fd = fd_of(((MpyListObject *)lists[k])->items[i]);
            if (fd < 0)
                goto done;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                struct pollfd *p = realloc(pfds, cap * sizeof *pfds);
                if (p == NULL) {
                    mpy_err_no_memory();
                    goto done;
                }
                pfds = p;
            }
            pfds[n].fd = fd;
            pfds[n].events = k == 0 ? POLLIN : k == 1 ? POLLOUT : POLLPRI;
            pfds[n].revents = 0;
            n++;
        }
    }
    int r;
    for (;;) {
        MPY_BEGIN_ALLOW_THREADS
        r = poll(pfds, n, timeout_ms);
        MPY_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            goto done;
    }
    if (r < 0) {
        mpy_err_from_errno(mpy_exc_OSError);
        goto done;
    }
    MpyObject *ready[3] = {mpy_list_new(0), mpy_list_new(0), mpy_list_new(0)};
    size_t j = 0;
    for (int k = 0; k < 3; k++) {
        for (ptrdiff_t i = 0; ready[k] && i < mpy_list_size(lists[k]); i++, j++) {
            short want = pfds[j].events;
            short got = pfds[j].revents;
            bool hit = (got & want) || (k == 0 && (got & (POLLHUP | POLLERR)));
            if (hit && mpy_list_append(ready[k], ((MpyListObject *)lists[k])->items[i]) < 0)
                MPY_CLEAR(ready[k]);
        }
    }
    if (ready[0] && ready[1] && ready[2])
        result = mpy_tuple_pack(3, ready[0], ready[1], ready[2]);
    for (int k = 0; k < 3; k++)
        MPY_XDECREF(ready[k]);
done:
    for (int k = 0; k < 3; k++)
        MPY_XDECREF(lists[k]);
    free(pfds);
    return result;
}

static const MpyMethodDef select_methods[] = {
    {"select", select_select, MPY_METH_FASTCALL, "Wait until one or more file descriptors are ready."},
    {NULL},
};

static int select_exec(MpyObject *m)
{
    return mpy_module_add(m, "error", (MpyObject *)mpy_exc_OSError);
}

const MpyModuleDef mpy__select_module_def = {"select", NULL, select_methods, select_exec, 1};
