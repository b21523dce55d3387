/* runtime/mod_os.c: the os module (and os.path).
 *
 * Models the POSIX parts of CPython's Modules/posixmodule.c that programs
 * commonly use: process ids, cpu_count, environment, files and directories,
 * and a C implementation of the common os.path functions (posixpath).
 */
#include "runtime/module.h"
#include <stdio.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "runtime/tuple.h"

extern char **environ;

#define OSFUNC(name)                                                                       \
    static MpyObject *os_##name(MpyObject *self, MpyObject *const *args, size_t nargs,     \
                                MpyObject *kwnames)

static const char *path_arg(MpyObject *o, const char *fn)
{
    if (mpy_str_check(o))
        return mpy_str_utf8(o);
    if (mpy_bytes_check(o))
        return mpy_bytes_data(o);
    mpy_err_format(mpy_exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %T", fn, o);
    return NULL;
}

OSFUNC(getpid) { return mpy_int_from_long(getpid()); }
OSFUNC(getppid) { return mpy_int_from_long(getppid()); }

/* Online CPUs usable by this process (CPython: sysconf). */
OSFUNC(cpu_count)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? mpy_int_from_long(n) : MPY_RETURN_NONE;
}

OSFUNC(getcwd)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_str_from_cstr(buf);
}

static int check_env_name(MpyObject *name)
{
    if (!mpy_str_check(name)) {
        mpy_err_format(mpy_exc_TypeError, "str expected, not %T", name);
        return -1;
    }
    const char *s = mpy_str_utf8(name);
    if (s[0] == '\0' || strchr(s, '=') != NULL) {
        mpy_err_set(mpy_exc_ValueError, "illegal environment variable name");
        return -1;
    }
    return 0;
}

OSFUNC(getenv)
{
    if (mpy_arg_check_positional("getenv", nargs, 1, 2) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "str expected, not %T", args[0]);
    // As CPython: os.environ.get(key, default), so that assignments to
    // os.environ are seen (self is the os module).
    MpyObject *env = mpy_object_getattr_cstr(self, "environ");
    MpyObject *v = env ? mpy_object_getitem(env, args[0]) : NULL;
    MPY_XDECREF(env);
    if (v == NULL && mpy_err_matches(mpy_exc_KeyError)) {
        mpy_err_clear();
        return MPY_NEWREF(nargs > 1 ? args[1] : MPY_NONE);
    }
    return v;
}

OSFUNC(listdir)
{
    const char *path = nargs > 0 ? path_arg(args[0], "listdir") : ".";
    if (path == NULL)
        return NULL;
    DIR *d = opendir(path);
    if (d == NULL)
        return mpy_err_from_errno_filename(mpy_exc_OSError, nargs > 0 ? args[0] : NULL);
    MpyObject *list = mpy_list_new(0);
    struct dirent *e;
    while (list != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (mpy_list_append_take(list, mpy_str_from_cstr(e->d_name)) < 0)
            MPY_CLEAR(list);
    }
    closedir(d);
    return list;
}

static MpyObject *path_call(MpyObject *const *args, const char *fn, int (*op)(const char *))
{
    const char *p = path_arg(args[0], fn);
    if (p == NULL)
        return NULL;
    if (op(p) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return MPY_RETURN_NONE;
}

OSFUNC(remove) { return path_call(args, "remove", unlink); }
OSFUNC(rmdir) { return path_call(args, "rmdir", rmdir); }
/* mkdir(path, mode=0o777).  Returns: None (new reference), or NULL. */
OSFUNC(mkdir)
{
    size_t nkw = kwnames != NULL ? (size_t)mpy_tuple_size(kwnames) : 0;
    MpyObject *mode_obj = nargs > 1 ? args[1] : NULL;
    for (size_t i = 0; i < nkw; i++) {
        MpyObject *name = mpy_tuple_item(kwnames, (ptrdiff_t)i);
        if (!mpy_str_equal_cstr(name, "mode") || mode_obj != NULL)
            return mpy_err_format(mpy_exc_TypeError,
                                  "mkdir() got an unexpected keyword argument '%U'", name);
        mode_obj = args[nargs + i];
    }
    if (mpy_arg_check_positional("mkdir", nargs, 1, 2) < 0)
        return NULL;
    long long mode = 0777;
    if (mode_obj != NULL) {
        mode = mpy_int_as_long(mode_obj);
        if (mode == -1 && mpy_err_occurred())
            return NULL;
    }
    const char *p = path_arg(args[0], "mkdir");
    if (p == NULL)
        return NULL;
    if (mkdir(p, (mode_t)mode) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return MPY_RETURN_NONE;
}
OSFUNC(chdir) { return path_call(args, "chdir", chdir); }

OSFUNC(rename)
{
    if (mpy_arg_check_positional("rename", nargs, 2, 2) < 0)
        return NULL;
    const char *a = path_arg(args[0], "rename"), *b = a ? path_arg(args[1], "rename") : NULL;
    if (b == NULL)
        return NULL;
    if (rename(a, b) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return MPY_RETURN_NONE;
}

/* _stat(path, follow_symlinks): the fields of os.stat_result as a tuple;
 * the class itself is Python (runtime/lib/_os_extra.py). */
OSFUNC(_stat)
{
    if (mpy_arg_check_positional("stat", nargs, 2, 2) < 0)
        return NULL;
    const char *p = path_arg(args[0], "stat");
    if (p == NULL)
        return NULL;
    struct stat st;
    int rc = mpy_object_is_true(args[1]) ? stat(p, &st) : lstat(p, &st);
    if (rc < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    MpyObject *t = mpy_tuple_new(10);
    if (t == NULL)
        return NULL;
    long long ints[7] = {st.st_mode, (long long)st.st_ino, (long long)st.st_dev, (long long)st.st_nlink,
                         st.st_uid, st.st_gid, (long long)st.st_size};
    for (int i = 0; i < 7; i++)
        mpy_tuple_init_take(t, i, mpy_int_from_long(ints[i]));
    struct timespec times[3] = {st.st_atim, st.st_mtim, st.st_ctim};
    for (int i = 0; i < 3; i++)
        mpy_tuple_init_take(t, 7 + i, mpy_float_from_double((double)times[i].tv_sec + times[i].tv_nsec * 1e-9));
    return t;
}

/* system(command): run it with /bin/sh, GIL released.  Returns the wait
 * status, as CPython. */
OSFUNC(system)
{
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "system() argument 'command' must be str, not %T", args[0]);
    int status;
    mpy__sys_flush_streams();
    MPY_BEGIN_ALLOW_THREADS
    status = system(mpy_str_utf8(args[0]));
    MPY_END_ALLOW_THREADS
    return mpy_int_from_long(status);
}

OSFUNC(putenv)
{
    if (mpy_arg_check_positional("putenv", nargs, 2, 2) < 0 || check_env_name(args[0]) < 0)
        return NULL;
    if (!mpy_str_check(args[1]))
        return mpy_err_format(mpy_exc_TypeError, "str expected, not %T", args[1]);
    if (setenv(mpy_str_utf8(args[0]), mpy_str_utf8(args[1]), 1) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_RETURN_NONE;
}

OSFUNC(unsetenv)
{
    if (check_env_name(args[0]) < 0)
        return NULL;
    if (unsetenv(mpy_str_utf8(args[0])) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_RETURN_NONE;
}

/* (path, int) functions: chmod, access. */
static const char *path_and_int(MpyObject *const *args, size_t nargs, const char *fn, long long *n)
{
    if (mpy_arg_check_positional(fn, nargs, 2, 2) < 0)
        return NULL;
    const char *p = path_arg(args[0], fn);
    if (p == NULL)
        return NULL;
    *n = mpy_int_as_long(args[1]);
    return *n == -1 && mpy_err_occurred() ? NULL : p;
}

OSFUNC(chmod)
{
    long long mode;
    const char *p = path_and_int(args, nargs, "chmod", &mode);
    if (p == NULL)
        return NULL;
    if (chmod(p, (mode_t)mode) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return MPY_RETURN_NONE;
}

OSFUNC(access)
{
    long long mode;
    const char *p = path_and_int(args, nargs, "access", &mode);
    if (p == NULL)
        return NULL;
    return MPY_NEWREF(mpy_bool_from(access(p, (int)mode) == 0));
}

OSFUNC(umask)
{
    long long mask = mpy_int_as_long(args[0]);
    if (mask == -1 && mpy_err_occurred())
        return NULL;
    return mpy_int_from_long(umask((mode_t)mask));
}

OSFUNC(readlink)
{
    const char *p = path_arg(args[0], "readlink");
    if (p == NULL)
        return NULL;
    char buf[PATH_MAX];
    ssize_t n = readlink(p, buf, sizeof buf);
    if (n < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return mpy_str_from_utf8(buf, (size_t)n);
}

OSFUNC(symlink)
{
    if (mpy_arg_check_positional("symlink", nargs, 2, 2) < 0)
        return NULL;
    const char *a = path_arg(args[0], "symlink"), *b = a ? path_arg(args[1], "symlink") : NULL;
    if (b == NULL)
        return NULL;
    if (symlink(a, b) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return MPY_RETURN_NONE;
}

OSFUNC(strerror)
{
    long long code = mpy_int_as_long(args[0]);
    if (code == -1 && mpy_err_occurred())
        return NULL;
    return mpy_str_from_cstr(strerror((int)code));
}

OSFUNC(urandom)
{
    long long n = mpy_int_as_long(args[0]);
    if (n == -1 && mpy_err_occurred())
        return NULL;
    if (n < 0)
        return mpy_err_format(mpy_exc_ValueError, "negative argument not allowed");
    char *buf = malloc((size_t)n + 1);
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (buf == NULL || fd < 0 || read(fd, buf, (size_t)n) != (ssize_t)n) {
        free(buf);
        if (fd >= 0)
            close(fd);
        return mpy_err_from_errno(mpy_exc_OSError);
    }
    close(fd);
    MpyObject *r = mpy_bytes_from(buf, (size_t)n);
    free(buf);
    return r;
}

OSFUNC(_exit)
{
    long long code = mpy_int_as_long(args[0]);
    _exit((int)code);
}

OSFUNC(kill)
{
    if (mpy_arg_check_positional("kill", nargs, 2, 2) < 0)
        return NULL;
    long long pid = mpy_int_as_long(args[0]), sig = mpy_int_as_long(args[1]);
    if (mpy_err_occurred())
        return NULL;
    if (kill((pid_t)pid, (int)sig) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_RETURN_NONE;
}

OSFUNC(getuid) { return mpy_int_from_long(getuid()); }

/* ------------------------------------------------------------------ */
/* os.path                                                              */

static bool stat_ok(MpyObject *o, struct stat *st)
{
    const char *p = mpy_str_check(o) ? mpy_str_utf8(o) : mpy_bytes_check(o) ? mpy_bytes_data(o) : NULL;
    return p != NULL && stat(p, st) == 0;
}

OSFUNC(path_exists)
{
    struct stat st;
    return MPY_NEWREF(mpy_bool_from(stat_ok(args[0], &st)));
}

OSFUNC(path_isfile)
{
    struct stat st;
    return MPY_NEWREF(mpy_bool_from(stat_ok(args[0], &st) && S_ISREG(st.st_mode)));
}

OSFUNC(path_isdir)
{
    struct stat st;
    return MPY_NEWREF(mpy_bool_from(stat_ok(args[0], &st) && S_ISDIR(st.st_mode)));
}

OSFUNC(path_getsize)
{
    struct stat st;
    const char *p = path_arg(args[0], "getsize");
    if (p == NULL)
        return NULL;
    if (stat(p, &st) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return mpy_int_from_long((long long)st.st_size);
}

OSFUNC(path_getmtime)
{
    struct stat st;
    const char *p = path_arg(args[0], "getmtime");
    if (p == NULL)
        return NULL;
    if (stat(p, &st) < 0)
        return mpy_err_from_errno_filename(mpy_exc_OSError, args[0]);
    return mpy_float_from_double((double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9);
}

static int check_str(MpyObject *o, const char *fn)
{
    if (mpy_str_check(o))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", o);
    MPY_UNUSED(fn);
    return -1;
}

OSFUNC(path_join)
{
    if (nargs == 0)
        return mpy_err_format(mpy_exc_TypeError, "join() missing 1 required positional argument: 'a'");
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (check_str(args[i], "join") < 0)
            goto fail;
        const char *part = mpy_str_utf8(args[i]);
        if (part[0] == '/') {
            mpy_sb_discard(&sb);
            mpy_sb_init(&sb);
        } else if (sb.len > 0 && sb.buf[sb.len - 1] != '/') {
            if (mpy_sb_append(&sb, "/", 1) < 0)
                goto fail;
        }
        if (mpy_sb_append_str(&sb, args[i]) < 0)
            goto fail;
    }
    return mpy_sb_finish(&sb);
fail:
    mpy_sb_discard(&sb);
    return NULL;
}

/* The position just after the last '/' (the start of the basename). */
static ptrdiff_t tail_start(MpyObject *p)
{
    const char *s = mpy_str_utf8(p);
    const char *slash = strrchr(s, '/');
    return slash ? slash - s + 1 : 0;
}

OSFUNC(path_basename)
{
    if (check_str(args[0], "basename") < 0)
        return NULL;
    const char *s = mpy_str_utf8(args[0]);
    return mpy_str_from_cstr(s + tail_start(args[0]));
}

/* dirname without trailing slashes (unless it is all slashes). */
static MpyObject *head_of(MpyObject *p)
{
    const char *s = mpy_str_utf8(p);
    ptrdiff_t i = tail_start(p);
    ptrdiff_t end = i;
    while (end > 0 && s[end - 1] == '/')
        end--;
    if (end == 0)
        end = i;
    return mpy_str_from_utf8(s, (size_t)end);
}

OSFUNC(path_dirname)
{
    if (check_str(args[0], "dirname") < 0)
        return NULL;
    return head_of(args[0]);
}

OSFUNC(path_split)
{
    if (check_str(args[0], "split") < 0)
        return NULL;
    MpyObject *head = head_of(args[0]);
    MpyObject *tail = mpy_str_from_cstr(mpy_str_utf8(args[0]) + tail_start(args[0]));
    MpyObject *r = head && tail ? mpy_tuple_pack(2, head, tail) : NULL;
    MPY_XDECREF(head);
    MPY_XDECREF(tail);
    return r;
}

OSFUNC(path_splitext)
{
    if (check_str(args[0], "splitext") < 0)
        return NULL;
    const char *s = mpy_str_utf8(args[0]);
    ptrdiff_t base = tail_start(args[0]);
    const char *dot = strrchr(s + base, '.');
    /* A leading dot (".bashrc") is not an extension. */
    const char *p = s + base;
    while (*p == '.')
        p++;
    size_t cut = dot != NULL && dot >= p ? (size_t)(dot - s) : strlen(s);
    MpyObject *root = mpy_str_from_utf8(s, cut);
    MpyObject *ext = mpy_str_from_cstr(s + cut);
    MpyObject *r = root && ext ? mpy_tuple_pack(2, root, ext) : NULL;
    MPY_XDECREF(root);
    MPY_XDECREF(ext);
    return r;
}

OSFUNC(path_isabs)
{
    if (check_str(args[0], "isabs") < 0)
        return NULL;
    return MPY_NEWREF(mpy_bool_from(mpy_str_utf8(args[0])[0] == '/'));
}

/* normpath: collapse "//", "/./" and "x/.." as posixpath does. */
static MpyObject *normpath(const char *path)
{
    if (path[0] == '\0')
        return mpy_str_from_cstr(".");
    int initial = path[0] == '/' ? (path[1] == '/' && path[2] != '/' ? 2 : 1) : 0;
    // One slot per component (at most one per '/', plus one); strtok_r,
    // not strtok: two threads may normalize paths at once.
    size_t max_parts = 1;
    for (const char *c = path; *c; c++)
        max_parts += *c == '/';
    char *copy = strdup(path);
    const char **parts = malloc(max_parts * sizeof *parts);
    if (copy == NULL || parts == NULL) {
        free(copy);
        free(parts);
        return mpy_err_no_memory();
    }
    size_t n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, "/", &save); tok != NULL; tok = strtok_r(NULL, "/", &save)) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0 && ((initial == 0 && n > 0 && strcmp(parts[n - 1], "..") != 0) ||
                                       (initial != 0 && n > 0))) {
            n--;
            continue;
        }
        if (strcmp(tok, "..") == 0 && initial != 0)
            continue;
        parts[n++] = tok;
    }
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (int i = 0; i < initial; i++)
        mpy_sb_append(&sb, "/", 1);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            mpy_sb_append(&sb, "/", 1);
        mpy_sb_append_cstr(&sb, parts[i]);
    }
    if (sb.len == 0)
        mpy_sb_append(&sb, ".", 1);
    free(parts);
    free(copy);
    return mpy_sb_finish(&sb);
}

OSFUNC(path_normpath)
{
    if (check_str(args[0], "normpath") < 0)
        return NULL;
    return normpath(mpy_str_utf8(args[0]));
}

OSFUNC(path_abspath)
{
    if (check_str(args[0], "abspath") < 0)
        return NULL;
    const char *p = mpy_str_utf8(args[0]);
    if (p[0] == '/')
        return normpath(p);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return mpy_err_from_errno(mpy_exc_OSError);
    MpyObject *joined = mpy_str_from_format("%s/%s", cwd, p);
    if (joined == NULL)
        return NULL;
    MpyObject *r = normpath(mpy_str_utf8(joined));
    MPY_DECREF(joined);
    return r;
}

OSFUNC(path_realpath)
{
    if (check_str(args[0], "realpath") < 0)
        return NULL;
    char buf[PATH_MAX];
    if (realpath(mpy_str_utf8(args[0]), buf) == NULL)
        return os_path_abspath(self, args, nargs, kwnames);
    return mpy_str_from_cstr(buf);
}

OSFUNC(path_expanduser)
{
    if (check_str(args[0], "expanduser") < 0)
        return NULL;
    const char *p = mpy_str_utf8(args[0]);
    const char *home = getenv("HOME");
    if (p[0] != '~' || (p[1] != '\0' && p[1] != '/') || home == NULL)
        return MPY_NEWREF(args[0]);
    return mpy_str_from_format("%s%s", home, p + 1);
}

/* Absolute, normalized form of `p` (a C string).  Returns: new str or NULL. */
static MpyObject *absolute(const char *p)
{
    if (p[0] == '/')
        return normpath(p);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return mpy_err_from_errno(mpy_exc_OSError);
    MpyObject *joined = mpy_str_from_format("%s/%s", cwd, p);
    MpyObject *r = joined ? normpath(mpy_str_utf8(joined)) : NULL;
    MPY_XDECREF(joined);
    return r;
}

/* Length of the leading run of whole path components `a` and `b` (both
 * absolute and normalized) share, in bytes. */
static size_t common_components(const char *a, const char *b)
{
    size_t i = 0, last = 0;
    while (a[i] != '\0' && a[i] == b[i]) {
        if (a[i] == '/')
            last = i + 1;
        i++;
    }
    if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
        last = i;
    return last;
}

OSFUNC(path_relpath)
{
    if (mpy_arg_check_positional("relpath", nargs, 1, 2) < 0 || check_str(args[0], "relpath") < 0 ||
        (nargs > 1 && check_str(args[1], "relpath") < 0))
        return NULL;
    if (mpy_str_size(args[0]) == 0)
        return mpy_err_format(mpy_exc_ValueError, "no path specified");
    MpyObject *path = absolute(mpy_str_utf8(args[0]));
    MpyObject *start = path ? absolute(nargs > 1 ? mpy_str_utf8(args[1]) : ".") : NULL;
    MpyObject *r = NULL;
    if (start != NULL) {
        const char *p = mpy_str_utf8(path), *s = mpy_str_utf8(start);
        size_t common = common_components(p, s);
        MpyStrBuilder sb;
        mpy_sb_init(&sb);
        // One ".." per component of `start` after the common part.
        for (const char *c = s + common; *c != '\0'; c++) {
            if (*c != '/' && (c == s + common || c[-1] == '/'))
                mpy_sb_append_cstr(&sb, sb.len ? "/.." : "..");
        }
        const char *rest = p + common;
        while (*rest == '/')
            rest++;
        if (*rest != '\0') {
            if (sb.len)
                mpy_sb_append(&sb, "/", 1);
            mpy_sb_append_cstr(&sb, rest);
        }
        if (sb.len == 0)
            mpy_sb_append(&sb, ".", 1);
        r = mpy_sb_finish(&sb);
    }
    MPY_XDECREF(path);
    MPY_XDECREF(start);
    return r;
}

OSFUNC(path_islink)
{
    struct stat st;
    const char *p = mpy_str_check(args[0]) ? mpy_str_utf8(args[0]) : NULL;
    return MPY_NEWREF(mpy_bool_from(p != NULL && lstat(p, &st) == 0 && S_ISLNK(st.st_mode)));
}

OSFUNC(path_lexists)
{
    struct stat st;
    const char *p = mpy_str_check(args[0]) ? mpy_str_utf8(args[0]) : NULL;
    return MPY_NEWREF(mpy_bool_from(p != NULL && lstat(p, &st) == 0));
}

OSFUNC(path_normcase)
{
    if (check_str(args[0], "normcase") < 0)
        return NULL;
    return MPY_NEWREF(args[0]);
}

OSFUNC(path_splitdrive)
{
    if (check_str(args[0], "splitdrive") < 0)
        return NULL;
    MpyObject *empty = mpy_str_from_cstr("");
    MpyObject *r = empty ? mpy_tuple_pack(2, empty, args[0]) : NULL;
    MPY_XDECREF(empty);
    return r;
}

static const MpyMethodDef path_methods[] = {
    {"exists", os_path_exists, MPY_METH_O, NULL},
    {"isfile", os_path_isfile, MPY_METH_O, NULL},
    {"isdir", os_path_isdir, MPY_METH_O, NULL},
    {"getsize", os_path_getsize, MPY_METH_O, NULL},
    {"getmtime", os_path_getmtime, MPY_METH_O, NULL},
    {"join", os_path_join, MPY_METH_FASTCALL, NULL},
    {"basename", os_path_basename, MPY_METH_O, NULL},
    {"dirname", os_path_dirname, MPY_METH_O, NULL},
    {"split", os_path_split, MPY_METH_O, NULL},
    {"splitext", os_path_splitext, MPY_METH_O, NULL},
    {"isabs", os_path_isabs, MPY_METH_O, NULL},
    {"normpath", os_path_normpath, MPY_METH_O, NULL},
    {"abspath", os_path_abspath, MPY_METH_O, NULL},
    {"realpath", os_path_realpath, MPY_METH_O, NULL},
    {"expanduser", os_path_expanduser, MPY_METH_O, NULL},
    {"relpath", os_path_relpath, MPY_METH_FASTCALL, NULL},
    {"islink", os_path_islink, MPY_METH_O, NULL},
    {"lexists", os_path_lexists, MPY_METH_O, NULL},
    {"normcase", os_path_normcase, MPY_METH_O, NULL},
    {"splitdrive", os_path_splitdrive, MPY_METH_O, NULL},
    {NULL},
};

static int path_exec(MpyObject *m)
{
    return mpy_module_add_str(m, "sep", "/") < 0 || mpy_module_add_str(m, "curdir", ".") < 0 ||
                   mpy_module_add_str(m, "pardir", "..") < 0 || mpy_module_add_str(m, "extsep", ".") < 0
               ? -1 : 0;
}

static const MpyModuleDef path_def = {"posixpath", "Common pathname manipulations.", path_methods,
                                      path_exec, 1};

static const MpyMethodDef os_methods[] = {
    {"getpid", os_getpid, MPY_METH_NOARGS, "Return the current process id."},
    {"getppid", os_getppid, MPY_METH_NOARGS, "Return the parent's process id."},
    {"cpu_count", os_cpu_count, MPY_METH_NOARGS, "Return the number of CPUs in the system."},
    {"getcwd", os_getcwd, MPY_METH_NOARGS, NULL},
    {"getenv", os_getenv, MPY_METH_FASTCALL, NULL},
    {"listdir", os_listdir, MPY_METH_FASTCALL, NULL},
    {"remove", os_remove, MPY_METH_O, NULL},
    {"unlink", os_remove, MPY_METH_O, NULL},
    {"rmdir", os_rmdir, MPY_METH_O, NULL},
    {"mkdir", os_mkdir, MPY_METH_FASTCALL, NULL},
    {"chdir", os_chdir, MPY_METH_O, NULL},
    {"rename", os_rename, MPY_METH_FASTCALL, NULL},
    {"replace", os_rename, MPY_METH_FASTCALL, NULL},
    {"_stat", os__stat, MPY_METH_FASTCALL, NULL},
    {"system", os_system, MPY_METH_O, NULL},
    {"putenv", os_putenv, MPY_METH_FASTCALL, NULL},
    {"unsetenv", os_unsetenv, MPY_METH_O, NULL},
    {"chmod", os_chmod, MPY_METH_FASTCALL, NULL},
    {"access", os_access, MPY_METH_FASTCALL, NULL},
    {"umask", os_umask, MPY_METH_O, NULL},
    {"readlink", os_readlink, MPY_METH_O, NULL},
    {"symlink", os_symlink, MPY_METH_FASTCALL, NULL},
    {"strerror", os_strerror, MPY_METH_O, NULL},
    {"urandom", os_urandom, MPY_METH_O, NULL},
    {"_exit", os__exit, MPY_METH_O, NULL},
    {"kill", os_kill, MPY_METH_FASTCALL, NULL},
    {"getuid", os_getuid, MPY_METH_NOARGS, NULL},
    {NULL},
};

int mpy__os_proc_exec(MpyObject *m); /* runtime/mod_os_proc.c */

static int os_exec(MpyObject *m)
{
    if (mpy__os_proc_exec(m) < 0)
        return -1;
    MpyObject *env = mpy_dict_new();
    if (env == NULL)
        return -1;
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        MpyObject *k = mpy_str_from_utf8(*e, (size_t)(eq - *e));
        MpyObject *v = mpy_str_from_cstr(eq + 1);
        if (k == NULL || v == NULL) {
            mpy_err_clear();
        } else if (mpy_dict_set(env, k, v) < 0) {
            MPY_XDECREF(k);
            MPY_XDECREF(v);
            MPY_DECREF(env);
            return -1;
        }
        MPY_XDECREF(k);
        MPY_XDECREF(v);
    }
    MpyObject *path = mpy_module_from_def(&path_def);
    if (path == NULL || mpy_dict_set_cstr(mpy__interp->modules, "os.path", path) < 0) {
        MPY_XDECREF(path);
        MPY_DECREF(env);
        return -1;
    }
    if (mpy_module_add_take(m, "environ", env) < 0 || mpy_module_add_take(m, "path", path) < 0 ||
        mpy_module_add_str(m, "name", "posix") < 0 || mpy_module_add_str(m, "sep", "/") < 0 ||
        mpy_module_add_str(m, "linesep", "\n") < 0 || mpy_module_add_str(m, "curdir", ".") < 0 ||
        mpy_module_add_str(m, "pardir", "..") < 0 || mpy_module_add_str(m, "pathsep", ":") < 0 ||
        mpy_module_add_str(m, "devnull", "/dev/null") < 0 ||
        mpy_module_add_int(m, "F_OK", F_OK) < 0 || mpy_module_add_int(m, "R_OK", R_OK) < 0 ||
        mpy_module_add_int(m, "W_OK", W_OK) < 0 || mpy_module_add_int(m, "X_OK", X_OK) < 0)
        return -1;
    // The parts of os written in Python (stat_result, makedirs, walk, the
    // os.environ mapping ...) run in this module's namespace.
    const MpyFrozenModule *extra = mpy__find_frozen_module("_os_extra");
    if (extra == NULL)
        return 0;
    MpyObject *filename = mpy_str_from_cstr("<frozen os>");
    int r = filename ? mpy_import_exec_source(m, extra->source, strlen(extra->source), filename) : -1;
    MPY_XDECREF(filename);
    return r;
}

const MpyModuleDef mpy__os_module_def = {
    "os", "OS routines for NT or Posix depending on what system we're on.", os_methods, os_exec, 1,
};
