/* runtime/mod_os_proc.c: the process and file-descriptor functions of the
 * os module: fork, wait, pipes, raw reads and writes.
 *
 * Models the corresponding parts of CPython's Modules/posixmodule.c.  fork()
 * follows CPython's order: "before" handlers, the fork itself with the
 * interpreter's own locks held (so the child gets them in a known state),
 * then in the child the runtime forgets every other thread (their states
 * are abandoned, the GIL is re-created, held by the forking thread) and
 * the "after_in_child" handlers run (threading._after_fork among them).
 */
#include "runtime/module.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/set.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

#define OSFUNC(name)                                                                       \
    static MpyObject *os_##name(MpyObject *self, MpyObject *const *args, size_t nargs,     \
                                MpyObject *kwnames)

static int int_arg(MpyObject *o, long long *out)
{
    *out = mpy_int_as_long(o);
    return *out == -1 && mpy_err_occurred() ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* fork and its handlers                                                */

/* os.register_at_fork callables: lists kept alive for the process. */
static MpyObject *at_fork_before, *at_fork_parent, *at_fork_child;

static void run_handlers(MpyObject *list, bool reverse)
{
    if (list == NULL)
        return;
    ptrdiff_t n = mpy_list_size(list);
    for (ptrdiff_t k = 0; k < n; k++) {
        ptrdiff_t i = reverse ? n - 1 - k : k;
        MpyObject *f = ((MpyListObject *)list)->items[i];
        MpyObject *r = mpy_object_call0(f);
        if (r == NULL)
            mpy_err_write_unraisable(f);
        MPY_XDECREF(r);
    }
}

OSFUNC(register_at_fork)
{
    static const char *const kwlist[] = {"$before", "$after_in_child", "$after_in_parent", NULL};
    MpyObject *a[3];
    if (nargs > 0)
        return mpy_err_format(mpy_exc_TypeError, "register_at_fork() takes no positional arguments");
    if (mpy_arg_parse("register_at_fork", args, nargs, kwnames, kwlist, 0, a) < 0)
        return NULL;
    if (a[0] == NULL && a[1] == NULL && a[2] == NULL)
        return mpy_err_format(mpy_exc_TypeError, "At least one argument is required.");
    MpyObject **lists[3] = {&at_fork_before, &at_fork_child, &at_fork_parent};
    for (int i = 0; i < 3; i++) {
        if (a[i] == NULL)
            continue;
        if (!mpy_callable_check(a[i]))
            return mpy_err_format(mpy_exc_TypeError, "'%s' must be callable, not %T",
                                  kwlist[i] + 1, a[i]);
        if (*lists[i] == NULL && (*lists[i] = mpy_list_new(0)) == NULL)
            return NULL;
        if (mpy_list_append(*lists[i], a[i]) < 0)
            return NULL;
    }
    return MPY_RETURN_NONE;
}

/* In the child: threading's own bookkeeping. */
static void threading_after_fork(void)
{
    MpyObject *threading = mpy_dict_get_cstr(mpy__interp->modules, "threading");
    if (threading == NULL) {
        mpy_err_clear();
        return;
    }
    MpyObject *r = mpy_object_call_method_cstr(threading, "_after_fork", NULL, 0);
    if (r == NULL) {
        if (mpy_err_matches(mpy_exc_AttributeError))
            mpy_err_clear();
        else
            mpy_err_write_unraisable(threading);
    }
    MPY_XDECREF(r);
    MPY_DECREF(threading);
}

OSFUNC(fork)
{
    run_handlers(at_fork_before, true);
    mpy__fork_prepare();
    pid_t pid = fork();
    int err = errno;
    if (pid == 0) {
        mpy__fork_child();
        threading_after_fork();
        run_handlers(at_fork_child, false);
        return mpy_int_from_long(0);
    }
    mpy__fork_parent();
    run_handlers(at_fork_parent, false);
    if (pid < 0) {
        errno = err;
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    return mpy_int_from_long(pid);
}

/* ------------------------------------------------------------------ */
/* Waiting for children                                                 */

OSFUNC(waitpid)
{
    if (mpy_arg_check_positional("waitpid", nargs, 2, 2) < 0)
        return NULL;
    long long pid, options;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &options) < 0)
        return NULL;
    int status = 0;
    pid_t r;
    for (;;) {
        MPY_BEGIN_ALLOW_THREADS
        r = waitpid((pid_t)pid, &status, (int)options);
        MPY_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return NULL;
    }
    if (r < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_tuple_pack(2, mpy_small_int(r), mpy_small_int(status));
}

OSFUNC(wait)
{
    MpyObject *a[2] = {mpy_small_int(-1), mpy_small_int(0)};
    return os_waitpid(self, a, 2, NULL);
}

#define STATUS_FUNC(name, expr)                                                            \
    OSFUNC(name)                                                                           \
    {                                                                                      \
        long long st;                                                                      \
        if (int_arg(args[0], &st) < 0)                                                     \
            return NULL;                                                                   \
        int status = (int)st;                                                              \
        return expr;                                                                       \
    }
STATUS_FUNC(WIFEXITED, MPY_NEWREF(mpy_bool_from(WIFEXITED(status))))
STATUS_FUNC(WEXITSTATUS, mpy_int_from_long(WEXITSTATUS(status)))
STATUS_FUNC(WIFSIGNALED, MPY_NEWREF(mpy_bool_from(WIFSIGNALED(status))))
STATUS_FUNC(WTERMSIG, mpy_int_from_long(WTERMSIG(status)))
STATUS_FUNC(WIFSTOPPED, MPY_NEWREF(mpy_bool_from(WIFSTOPPED(status))))
STATUS_FUNC(WSTOPSIG, mpy_int_from_long(WSTOPSIG(status)))
#undef STATUS_FUNC

OSFUNC(waitstatus_to_exitcode)
{
    long long st;
    if (int_arg(args[0], &st) < 0)
        return NULL;
    int status = (int)st;
    if (WIFEXITED(status))
        return mpy_int_from_long(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return mpy_int_from_long(-WTERMSIG(status));
    return mpy_err_format(mpy_exc_ValueError, "invalid wait status: %d", status);
}

/* ------------------------------------------------------------------ */
/* Descriptors                                                          */

OSFUNC(pipe)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_tuple_pack(2, mpy_small_int(fds[0]), mpy_small_int(fds[1]));
}

OSFUNC(read)
{
    if (mpy_arg_check_positional("read", nargs, 2, 2) < 0)
        return NULL;
    long long fd, n;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL)
        return mpy_err_no_memory();
    ssize_t r;
    for (;;) {
        MPY_BEGIN_ALLOW_THREADS
        r = read((int)fd, buf, (size_t)n);
        MPY_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0) {
            free(buf);
            return NULL;
        }
    }
    if (r < 0) {
        free(buf);
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    MpyObject *b = mpy_bytes_from(buf, (size_t)r);
    free(buf);
    return b;
}

OSFUNC(write)
{
    if (mpy_arg_check_positional("write", nargs, 2, 2) < 0)
        return NULL;
    long long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    const char *data;
    ptrdiff_t len;
    if (mpy_bytes_check(args[1])) {
        data = mpy_bytes_data(args[1]);
        len = mpy_bytes_size(args[1]);
    } else if (mpy_bytearray_check(args[1])) {
        data = ((MpyByteArrayObject *)args[1])->data;
        len = ((MpyByteArrayObject *)args[1])->size;
    } else {
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    }
    ssize_t r;
    for (;;) {
        MPY_BEGIN_ALLOW_THREADS
        r = write((int)fd, data ? data : "", (size_t)len);
        MPY_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return NULL;
    }
    if (r < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long(r);
}

OSFUNC(close)
{
    long long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    if (close((int)fd) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_RETURN_NONE;
}

OSFUNC(dup)
{
    long long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long(r);
}

OSFUNC(dup2)
{
    if (mpy_arg_check_positional("dup2", nargs, 2, 3) < 0)
        return NULL;
    long long a, b;
    if (int_arg(args[0], &a) < 0 || int_arg(args[1], &b) < 0)
        return NULL;
    if (dup2((int)a, (int)b) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long(b);
}

OSFUNC(open)
{
    static const char *const kwlist[] = {"path", "flags", "mode", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse("open", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    if (!mpy_str_check(a[0]))
        return mpy_err_format(mpy_exc_TypeError, "open: path should be string, bytes or os.PathLike, not %T", a[0]);
    long long flags, mode = 0777;
    if (int_arg(a[1], &flags) < 0 || (a[2] && int_arg(a[2], &mode) < 0))
        return NULL;
    int fd;
    MPY_BEGIN_ALLOW_THREADS
    fd = open(mpy_str_utf8(a[0]), (int)flags | O_CLOEXEC, (mode_t)mode);
    MPY_END_ALLOW_THREADS
    if (fd < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, a[0]);
    return mpy_int_from_long(fd);
}

OSFUNC(isatty)
{
    long long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    return MPY_NEWREF(mpy_bool_from(isatty((int)fd)));
}

OSFUNC(getpgid)
{
    long long pid;
    if (int_arg(args[0], &pid) < 0)
        return NULL;
    pid_t r = getpgid((pid_t)pid);
    return r < 0 ? mpy_err_from_errno(mpy_exc_OSError) : mpy_int_from_long(r);
}

OSFUNC(setsid)
{
    return setsid() < 0 ? mpy_err_from_errno(mpy_exc_OSError) : MPY_RETURN_NONE;
}

OSFUNC(sched_getaffinity)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    MpyObject *s = mpy_set_new(NULL);
    for (int i = 0; s != NULL && i < CPU_SETSIZE; i++) {
        if (CPU_ISSET(i, &set) && mpy_set_add(s, mpy_small_int(i)) < 0)
            MPY_CLEAR(s);
    }
    return s;
}

OSFUNC(strerror)
{
    long long code;
    if (int_arg(args[0], &code) < 0)
        return NULL;
    return mpy_str_from_cstr(strerror((int)code));
}

/* _uname(): (sysname, nodename, release, version, machine); os.uname()
 * (runtime/lib/_os_extra.py) names them.  Returns: new reference. */
OSFUNC(_uname)
{
    struct utsname u;
    if (uname(&u) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    MpyObject *items[5] = {mpy_str_from_cstr(u.sysname), mpy_str_from_cstr(u.nodename),
                           mpy_str_from_cstr(u.release), mpy_str_from_cstr(u.version),
                           mpy_str_from_cstr(u.machine)};
    MpyObject *r = NULL;
    if (items[0] && items[1] && items[2] && items[3] && items[4])
        r = mpy_tuple_from_array(items, 5);
    for (int i = 0; i < 5; i++)
        MPY_XDECREF(items[i]);
    return r;
}

/* confstr(name): a system configuration string (CS_PATH,
 * CS_GNU_LIBC_VERSION, CS_GNU_LIBPTHREAD_VERSION), by name or number.
 * Returns: new reference (None if the name has no value). */
OSFUNC(confstr)
{
    static const struct { const char *name; int value; } names[] = {
        {"CS_PATH", _CS_PATH},
        {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
        {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    };
    if (nargs != 1 || kwnames != NULL)
        return mpy_err_format(mpy_exc_TypeError, "confstr() takes exactly one argument (%zu given)", nargs);
    long long code = -1;
    if (mpy_str_check(args[0])) {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (mpy_str_equal_cstr(args[0], names[i].name))
                code = names[i].value;
        if (code < 0)
            return mpy_err_format(mpy_exc_ValueError, "unrecognized configuration name");
    } else if (int_arg(args[0], &code) < 0) {
        return NULL;
    }
    char buf[256];
    errno = 0;
    size_t n = confstr((int)code, buf, sizeof buf);
    if (n == 0) {
        if (errno != 0)
            return mpy_err_from_errno(mpy_exc_OSError);
        return MPY_RETURN_NONE;
    }
    return mpy_str_from_cstr(buf);
}

OSFUNC(get_terminal_size)
{
    return mpy_tuple_pack(2, mpy_small_int(80), mpy_small_int(24));
}

const MpyMethodDef mpy__os_proc_methods[] = {
    {"fork", os_fork, MPY_METH_NOARGS, "Fork a child process."},
    {"register_at_fork", os_register_at_fork, MPY_METH_FASTCALL, NULL},
    {"waitpid", os_waitpid, MPY_METH_FASTCALL, NULL},
    {"wait", os_wait, MPY_METH_NOARGS, NULL},
    {"WIFEXITED", os_WIFEXITED, MPY_METH_O, NULL},
    {"WEXITSTATUS", os_WEXITSTATUS, MPY_METH_O, NULL},
    {"WIFSIGNALED", os_WIFSIGNALED, MPY_METH_O, NULL},
    {"WTERMSIG", os_WTERMSIG, MPY_METH_O, NULL},
    {"WIFSTOPPED", os_WIFSTOPPED, MPY_METH_O, NULL},
    {"WSTOPSIG", os_WSTOPSIG, MPY_METH_O, NULL},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, MPY_METH_O, NULL},
    {"pipe", os_pipe, MPY_METH_NOARGS, NULL},
    {"read", os_read, MPY_METH_FASTCALL, NULL},
    {"write", os_write, MPY_METH_FASTCALL, NULL},
    {"close", os_close, MPY_METH_O, NULL},
    {"dup", os_dup, MPY_METH_O, NULL},
    {"dup2", os_dup2, MPY_METH_FASTCALL, NULL},
    {"open", os_open, MPY_METH_FASTCALL, NULL},
    {"isatty", os_isatty, MPY_METH_O, NULL},
    {"getpgid", os_getpgid, MPY_METH_O, NULL},
    {"setsid", os_setsid, MPY_METH_NOARGS, NULL},
    {"sched_getaffinity", os_sched_getaffinity, MPY_METH_O, NULL},
    {"strerror", os_strerror, MPY_METH_O, NULL},
    {"get_terminal_size", os_get_terminal_size, MPY_METH_FASTCALL, NULL},
    {"_uname", os__uname, MPY_METH_NOARGS, NULL},
    {"confstr", os_confstr, MPY_METH_FASTCALL, NULL},
    {NULL},
};

int mpy__os_proc_exec(MpyObject *m);

/* Constants added to the os module. */
int mpy__os_proc_exec(MpyObject *m)
{
    static const struct { const char *name; long value; } consts[] = {
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"O_RDONLY", O_RDONLY},
        {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
        {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC}, {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"EX_OK", 0},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (mpy_module_add_int(m, consts[i].name, consts[i].value) < 0)
            return -1;
    }
    extern const MpyMethodDef mpy__os_exec_methods[]; /* runtime/mod_os_exec.c */
    const MpyMethodDef *tables[] = {mpy__os_proc_methods, mpy__os_exec_methods};
    for (size_t t = 0; t < 2; t++) {
        for (const MpyMethodDef *md = tables[t]; md->name != NULL; md++) {
            MpyObject *f = mpy_cfunction_new(md, m, m);
            if (f == NULL || mpy_module_add_take(m, md->name, f) < 0)
                return -1;
        }
    }
    return 0;
}
