/* runtime/mod_os_exec.c: starting programs: os.execv/os.execve, and
 * os._fork_exec, the one-call fork-and-exec subprocess.Popen is built on.
 *
 * Models CPython's Modules/_posixsubprocess.c: everything the child needs
 * (argument and environment arrays, the candidate paths of the program,
 * the descriptors to install) is prepared in the parent, so that between
 * fork() and exec() the child only makes async-signal-safe system calls
 * (dup2, chdir, close, execve, write, _exit): no Python code, no malloc,
 * no interpreter lock, whatever other threads were doing.  When exec fails
 * the child writes "errno:stage" on a close-on-exec pipe for the parent to
 * raise (FileNotFoundError for a missing program, as CPython does).
 */
#include "runtime/module.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

extern char **environ;

#define OSFUNC(name)                                                                       \
    static MpyObject *os_##name(MpyObject *self, MpyObject *const *args, size_t nargs,     \
                                MpyObject *kwnames)

/* A NULL-terminated array of copies of the strs of the tuple `seq`
 * (malloc'd; free with free_strv).  NULL with TypeError/MemoryError. */
static char **strv_of(MpyObject *seq, const char *what)
{
    if (!mpy_tuple_check(seq)) {
        mpy_err_format(mpy_exc_TypeError, "%s must be a tuple", what);
        return NULL;
    }
    ptrdiff_t n = mpy_tuple_size(seq);
    char **v = calloc((size_t)n + 1, sizeof *v);
    if (v == NULL) {
        mpy_err_no_memory();
        return NULL;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *s = mpy_tuple_item(seq, i);
        if (!mpy_str_check(s) || strlen(mpy_str_utf8(s)) != (size_t)mpy_str_size(s)) {
            mpy_err_format(mpy_exc_TypeError, mpy_str_check(s) ? "embedded null byte"
                                                               : "expected str, %T found", s);
            goto fail;
        }
        if ((v[i] = strdup(mpy_str_utf8(s))) == NULL) {
            mpy_err_no_memory();
            goto fail;
        }
    }
    return v;
fail:
    for (ptrdiff_t i = 0; v[i] != NULL; i++)
        free(v[i]);
    free(v);
    return NULL;
}

static void free_strv(char **v)
{
    if (v == NULL)
        return;
    for (size_t i = 0; v[i] != NULL; i++)
        free(v[i]);
    free(v);
}

/* execv(path, argv) / execve(path, argv, env as list of "K=V"): replace
 * this process.  Returns only with OSError. */
static MpyObject *do_exec(MpyObject *const *args, size_t nargs, bool with_env)
{
    if (mpy_arg_check_positional(with_env ? "execve" : "execv", nargs, with_env ? 3 : 2,
                                 with_env ? 3 : 2) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "path should be string, not %T", args[0]);
    char **argv = strv_of(args[1], "argv");
    if (argv == NULL)
        return NULL;
    if (argv[0] == NULL || argv[0][0] == '\0') {
        bool empty = argv[0] == NULL;
        free_strv(argv);
        return mpy_err_format(mpy_exc_ValueError, empty ? "execv() arg 2 must not be empty"
                                                        : "execv() arg 2 first element cannot be empty");
    }
    char **envp = with_env ? strv_of(args[2], "env") : NULL;
    if (with_env && envp == NULL) {
        free_strv(argv);
        return NULL;
    }
    fflush(stdout);
    execve(mpy_str_utf8(args[0]), argv, with_env ? envp : environ);
    int err = errno;
    free_strv(argv);
    free_strv(envp);
    errno = err;
    return mpy_err_from_errno(mpy_exc_OSError);
}

OSFUNC(execv) { return do_exec(args, nargs, false); }
OSFUNC(execve) { return do_exec(args, nargs, true); }

/* In the child: report errno and the failing step on `errfd`, then exit. */
static void child_fail(int errfd, const char *stage)
{
    char buf[48];
    int err = errno, n = 0;
    char digits[16];
    int nd = 0;
    do
        digits[nd++] = (char)('0' + err % 10);
    while ((err /= 10) > 0 && nd < 15);
    while (nd > 0)
        buf[n++] = digits[--nd];
    buf[n++] = ':';
    for (const char *s = stage; *s != '\0' && n < (int)sizeof buf; s++)
        buf[n++] = *s;
    ssize_t w = write(errfd, buf, (size_t)n);
    (void)w;
    _exit(255);
}

/* The child's side: install fds 0-2, close the rest, chdir, exec. */
static void child_exec(char **paths, char **argv, char **envp, const char *cwd, const int fds[3],
                       int errfd, bool close_fds)
{
    for (int i = 0; i < 3; i++) {
        if (fds[i] >= 0 && fds[i] != i && dup2(fds[i], i) < 0)
            child_fail(errfd, "noexec");
        if (fds[i] == i) /* keep it across exec */
            fcntl(i, F_SETFD, fcntl(i, F_GETFD) & ~FD_CLOEXEC);
    }
    if (close_fds) {
        long max = sysconf(_SC_OPEN_MAX);
        for (int fd = 3; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
            if (fd != errfd)
                close(fd);
    }
    if (cwd != NULL && chdir(cwd) < 0)
        child_fail(errfd, "noexec:chdir");
    int first_err = 0;
    for (size_t i = 0; paths[i] != NULL; i++) {
        execve(paths[i], argv, envp != NULL ? envp : environ);
        if (first_err == 0 || (errno != ENOENT && errno != ENOTDIR))
            first_err = errno;
    }
    errno = first_err != 0 ? first_err : ENOENT;
    child_fail(errfd, "exec");
}

/* _fork_exec(paths, argv, env, cwd, stdin, stdout, stderr, errpipe_write,
 * close_fds): fork, and in the child exec the first of `paths` that runs.
 * env: list of "K=V" or None (inherit); cwd: str or None; the three fds:
 * -1 to inherit.  Returns: the child's pid (new reference). */
OSFUNC(_fork_exec)
{
    if (mpy_arg_check_positional("_fork_exec", nargs, 9, 9) < 0)
        return NULL;
    long long fds_ll[4];
    for (int i = 0; i < 4; i++) {
        fds_ll[i] = mpy_int_as_long(args[4 + i]);
        if (fds_ll[i] == -1 && mpy_err_occurred())
            return NULL;
    }
    int fds[3] = {(int)fds_ll[0], (int)fds_ll[1], (int)fds_ll[2]};
    int errfd = (int)fds_ll[3];
    bool close_fds = mpy_object_is_true(args[8]) == 1;
    const char *cwd = NULL;
    if (args[3] != MPY_NONE) {
        if (!mpy_str_check(args[3]))
            return mpy_err_format(mpy_exc_TypeError, "cwd must be str or None");
        cwd = mpy_str_utf8(args[3]);
    }
    char **paths = strv_of(args[0], "paths");
    char **argv = paths ? strv_of(args[1], "argv") : NULL;
    char **envp = NULL;
    if (argv != NULL && args[2] != MPY_NONE && (envp = strv_of(args[2], "env")) == NULL) {
        free_strv(argv);
        argv = NULL;
    }
    if (argv == NULL) {
        free_strv(paths);
        return NULL;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
        child_exec(paths, argv, envp, cwd, fds, errfd, close_fds); /* never returns */
    int err = errno;
    free_strv(paths);
    free_strv(argv);
    free_strv(envp);
    if (pid < 0) {
        errno = err;
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    return mpy_int_from_long(pid);
}

const MpyMethodDef mpy__os_exec_methods[] = {
    {"execv", os_execv, MPY_METH_FASTCALL, "Execute a program, replacing this process."},
    {"execve", os_execve, MPY_METH_FASTCALL, "Execute a program with an environment."},
    {"_fork_exec", os__fork_exec, MPY_METH_FASTCALL, NULL},
    {NULL},
};
