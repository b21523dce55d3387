/* runtime/mod_socket.c: the _socket module's socket type.
 *
 * Models the socket object of CPython's Modules/socketmodule.c: a POSIX
 * descriptor with a family, a type, a protocol and a timeout.  The Python
 * module socket (runtime/lib/socket.py) subclasses it to add makefile(),
 * accept() returning socket objects, enums and the context manager.
 *
 * Timeouts work as in CPython: a socket with a timeout (settimeout(t),
 * t >= 0) has a non-blocking descriptor, and each call first waits with
 * poll(2) until the descriptor is ready or the deadline passes
 * (TimeoutError "timed out").  A socket without one (None) blocks in the
 * system call itself.  Every wait and every system call that can block
 * releases the GIL (on minipyt: detaches), so threads doing network I/O
 * overlap, and a signal (Ctrl-C) interrupts it.
 *
 * Closing is safe from any thread: the descriptor is swapped for -1
 * atomically, so the close happens once; a call already blocked on it
 * keeps the kernel's reference and ends as on CPython.
 */
#include "runtime/module.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "gil/gil.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memoryview.h"
#include "runtime/mod_socket.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/eval.h"

typedef struct SockObject {
    MpyObject ob_base;
    int fd;                 /* read/written atomically; -1 once closed */
    int family, type, proto;
    long long timeout_ns;   /* read/written atomically; -1: blocking (None) */
} SockObject;

static int sock_fd(SockObject *s) { return __atomic_load_n(&s->fd, __ATOMIC_ACQUIRE); }
static long long sock_timeout(SockObject *s) { return __atomic_load_n(&s->timeout_ns, __ATOMIC_RELAXED); }

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The monotonic time `timeout` ns from now, saturated (no overflow for
 * huge timeouts). */
static long long deadline_after(long long timeout)
{
    long long now = now_ns();
    return timeout > LLONG_MAX - now ? LLONG_MAX : now + timeout;
}

/* Raise OSError for `err` (errno).  Returns NULL. */
static MpyObject *raise_errno(int err)
{
    errno = err;
    return mpy_err_from_errno(mpy_exc_OSError);
}

/* Returns NULL with socket.timeout (TimeoutError) "timed out" set. */
static MpyObject *raise_timeout(void)
{
    mpy_err_set(mpy_exc_TimeoutError, "timed out");
    return NULL;
}

/* The open descriptor, or -1 with OSError(EBADF) set. */
static int open_fd(SockObject *s)
{
    int fd = sock_fd(s);
    if (fd < 0)
        raise_errno(EBADF);
    return fd;
}

/* O_NONBLOCK on or off.  Returns 0 / -1 (errno). */
static int set_nonblocking(int fd, bool on)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -1;
    int want = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
    return want == flags ? 0 : fcntl(fd, F_SETFL, want);
}

/* ------------------------------------------------------------------ */
/* Waiting and calling with the GIL released                           */

/* Wait until `fd` is readable (or writable) or `deadline` (monotonic ns)
 * passes.  Returns 1 ready, 0 timed out, -1 error (set). */
static int wait_fd(int fd, bool writing, long long deadline)
{
    for (;;) {
        long long left = deadline - now_ns();
        if (left <= 0)
            return 0;
        struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
        long long wait_ms = left / 1000000 + 1;
        int ms = wait_ms > INT_MAX ? INT_MAX : (int)wait_ms, r, err;
        MPY_BEGIN_ALLOW_THREADS
        r = poll(&p, 1, ms);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (r > 0)
            return 1;
        if (r == 0)
            continue; /* the loop checks the deadline */
        if (err != EINTR) {
            raise_errno(err);
            return -1;
        }
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return -1;
    }
}

/* One system call on a socket, described by `op` and its arguments. */
typedef struct SockCall {
    enum { SOP_RECV, SOP_RECVFROM, SOP_SEND, SOP_SENDTO, SOP_ACCEPT } op;
    char *buf;
    size_t len;
    int flags;
    struct sockaddr_storage addr;
    socklen_t addrlen;
} SockCall;

static bool op_writes(const SockCall *c) { return c->op == SOP_SEND || c->op == SOP_SENDTO; }

/* Run the call once (GIL released by the caller).  Returns what the
 * system call returned. */
static ssize_t do_call(int fd, SockCall *c)
{
    switch (c->op) {
    case SOP_RECV: return recv(fd, c->buf, c->len, c->flags);
    case SOP_RECVFROM:
        c->addrlen = sizeof c->addr;
        return recvfrom(fd, c->buf, c->len, c->flags, (struct sockaddr *)&c->addr, &c->addrlen);
    case SOP_SEND: return send(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
    case SOP_SENDTO:
        return sendto(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL, (struct sockaddr *)&c->addr, c->addrlen);
    case SOP_ACCEPT:
        c->addrlen = sizeof c->addr;
        return accept4(fd, (struct sockaddr *)&c->addr, &c->addrlen, SOCK_CLOEXEC);
    }
    return -1;
}

/* Run `c` on the socket honouring its timeout: wait for readiness (when
 * there is a timeout), call, retry after EINTR (running signal handlers)
 * and after EAGAIN while time is left.  `deadline` is 0 for "timeout from
 * now".  Returns the call's result (>= 0) or -1 with an exception set. */
static ssize_t sock_call(SockObject *s, SockCall *c, long long deadline)
{
    long long timeout = sock_timeout(s);
    if (timeout > 0 && deadline == 0)
        deadline = deadline_after(timeout);
    for (;;) {
        int fd = open_fd(s);
        if (fd < 0)
            return -1;
        if (timeout > 0) {
            int w = wait_fd(fd, op_writes(c), deadline);
            if (w <= 0) {
                if (w == 0)
                    raise_timeout();
                return -1;
            }
        }
        ssize_t n;
        int err;
        MPY_BEGIN_ALLOW_THREADS
        n = do_call(fd, c);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (n >= 0)
            return n;
        if (err == EINTR) {
            if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
                return -1;
            continue;
        }
        if (timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK))
            continue;
        raise_errno(err);
        return -1;
    }
}

/* ------------------------------------------------------------------ */
/* Creation and destruction                                             */

static MpyObject *sock_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    SockObject *s = (SockObject *)mpy_object_alloc(type);
    if (s == NULL)
        return NULL;
    s->fd = -1;
    s->timeout_ns = -1;
    return (MpyObject *)s;
}

/* An int argument or `dflt` when missing/None.  Returns 0 / -1. */
static int int_arg(MpyObject *o, int dflt, int *out)
{
    if (o == NULL || o == MPY_NONE) {
        *out = dflt;
        return 0;
    }
    ptrdiff_t v = mpy_number_as_ssize(o, mpy_exc_OverflowError);
    if (v == -1 && mpy_err_occurred())
        return -1;
    *out = (int)v;
    return 0;
}

/* Apply the module's default timeout to a new socket.  Returns 0 / -1. */
static int apply_default_timeout(SockObject *s)
{
    long long t = mpy__sock_default_timeout();
    __atomic_store_n(&s->timeout_ns, t, __ATOMIC_RELAXED);
    if (t >= 0 && set_nonblocking(s->fd, true) < 0) {
        raise_errno(errno);
        return -1;
    }
    return 0;
}

/* socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) */
static int sock_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"family", "type", "proto", "fileno", NULL};
    MpyObject *a[4];
    if (mpy_arg_parse("socket", args, nargs, kwnames, kwlist, 0, a) < 0)
        return -1;
    SockObject *s = (SockObject *)self;
    int family, type, proto;
    if (int_arg(a[0], -1, &family) < 0 || int_arg(a[1], -1, &type) < 0 || int_arg(a[2], -1, &proto) < 0)
        return -1;
    int fd;
    if (a[3] != NULL && a[3] != MPY_NONE) {
        if (int_arg(a[3], -1, &fd) < 0)
            return -1;
        if (fd < 0) {
            mpy_err_set(mpy_exc_ValueError, "negative file descriptor");
            return -1;
        }
        socklen_t sl = sizeof(int);
        if (family == -1 && getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &sl) < 0)
            return raise_errno(errno), -1;
        sl = sizeof(int);
        if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &sl) < 0)
            return raise_errno(errno), -1;
        sl = sizeof(int);
        if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &sl) < 0)
            return raise_errno(errno), -1;
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0)
            return raise_errno(errno), -1;
    }
    int old = __atomic_exchange_n(&s->fd, fd, __ATOMIC_ACQ_REL);
    if (old >= 0 && old != fd)
        close(old);
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    return apply_default_timeout(s);
}

static void sock_dealloc(MpyObject *self)
{
    int fd = __atomic_exchange_n(&((SockObject *)self)->fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0)
        close(fd);
    mpy_object_free(self);
}

/* Returns: new str "<socket object, fd=3, family=2, type=1, proto=0>". */
static MpyObject *sock_repr(MpyObject *self)
{
    SockObject *s = (SockObject *)self;
    return mpy_str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", sock_fd(s),
                               s->family, s->type, s->proto);
}

/* ------------------------------------------------------------------ */
/* Methods: lifetime and options                                        */

static MpyObject *sock_close(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int fd = __atomic_exchange_n(&((SockObject *)self)->fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

/* detach(): forget the descriptor without closing it.  Returns it. */
static MpyObject *sock_detach(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_long(__atomic_exchange_n(&((SockObject *)self)->fd, -1, __ATOMIC_ACQ_REL));
}

static MpyObject *sock_fileno(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_int_from_long(sock_fd((SockObject *)self));
}

static MpyObject *sock_settimeout(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    SockObject *s = (SockObject *)self;
    long long t;
    if (mpy__sock_parse_timeout(args[0], &t) < 0)
        return NULL;
    __atomic_store_n(&s->timeout_ns, t, __ATOMIC_RELAXED);
    int fd = sock_fd(s);
    if (fd >= 0 && set_nonblocking(fd, t >= 0) < 0)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

static MpyObject *sock_gettimeout(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long t = sock_timeout((SockObject *)self);
    return t < 0 ? MPY_RETURN_NONE : mpy_float_from_double((double)t / 1e9);
}

/* setblocking(flag): True is settimeout(None), False is settimeout(0.0). */
static MpyObject *sock_setblocking(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    ptrdiff_t flag = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
    if (flag == -1 && mpy_err_occurred())
        return NULL;
    SockObject *s = (SockObject *)self;
    __atomic_store_n(&s->timeout_ns, flag ? -1LL : 0LL, __ATOMIC_RELAXED);
    int fd = sock_fd(s);
    if (fd >= 0 && set_nonblocking(fd, !flag) < 0)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

static MpyObject *sock_getblocking(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_NEWREF(mpy_bool_from(sock_timeout((SockObject *)self) != 0));
}

/* setsockopt(level, option, value): value an int or a bytes-like buffer,
 * or setsockopt(level, option, None, optlen). */
static MpyObject *sock_setsockopt(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (nargs < 3 || nargs > 4)
        return mpy_err_format(mpy_exc_TypeError, "setsockopt() takes exactly %d arguments (%zu given)",
                              nargs < 3 ? 3 : 4, nargs);
    int fd = open_fd((SockObject *)self), level, opt;
    if (fd < 0 || int_arg(args[0], 0, &level) < 0 || int_arg(args[1], 0, &opt) < 0)
        return NULL;
    int r;
    const char *buf;
    ptrdiff_t blen;
    if (nargs == 4) {
        int optlen;
        if (args[2] != MPY_NONE)
            return mpy_err_format(mpy_exc_TypeError, "setsockopt() takes exactly 3 arguments (4 given)");
        if (int_arg(args[3], 0, &optlen) < 0)
            return NULL;
        r = setsockopt(fd, level, opt, NULL, (socklen_t)optlen);
    } else if (mpy_int_check(args[2])) {
        int v;
        if (int_arg(args[2], 0, &v) < 0)
            return NULL;
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else if (mpy__bytes_view(args[2], &buf, &blen)) {
        r = setsockopt(fd, level, opt, buf, (socklen_t)blen);
    } else {
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", args[2]);
    }
    return r < 0 ? raise_errno(errno) : MPY_RETURN_NONE;
}

/* getsockopt(level, option[, buflen]): an int, or bytes of at most buflen. */
static MpyObject *sock_getsockopt(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("getsockopt", nargs, 2, 3) < 0)
        return NULL;
    int fd = open_fd((SockObject *)self), level, opt, buflen = 0;
    if (fd < 0 || int_arg(args[0], 0, &level) < 0 || int_arg(args[1], 0, &opt) < 0 ||
        (nargs == 3 && int_arg(args[2], 0, &buflen) < 0))
        return NULL;
    if (nargs == 2) {
        int v = 0;
        socklen_t sl = sizeof v;
        if (getsockopt(fd, level, opt, &v, &sl) < 0)
            return raise_errno(errno);
        return mpy_int_from_long(v);
    }
    if (buflen <= 0 || buflen > 1024)
        return mpy_err_format(mpy_exc_OSError, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t sl = (socklen_t)buflen;
    if (getsockopt(fd, level, opt, buf, &sl) < 0)
        return raise_errno(errno);
    return mpy_bytes_from(buf, sl);
}

/* ------------------------------------------------------------------ */
/* Methods: addresses and connections                                  */

static MpyObject *sock_bind(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    SockObject *s = (SockObject *)self;
    struct sockaddr_storage ss;
    socklen_t len;
    if (mpy__sock_parse_addr(s->family, args[0], &ss, &len, "bind") < 0)
        return NULL;
    int fd = open_fd(s);
    if (fd < 0)
        return NULL;
    if (bind(fd, (struct sockaddr *)&ss, len) < 0)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

/* Wait for a connect() in progress to finish.  Returns 0 connected, an
 * errno value for a failure, -1 with an exception set (timeout, signal). */
static int finish_connect(int fd, long long timeout)
{
    if (timeout == 0)
        return EINPROGRESS;
    int w = wait_fd(fd, true, timeout > 0 ? deadline_after(timeout) : LLONG_MAX);
    if (w <= 0) {
        if (w == 0)
            raise_timeout();
        return -1;
    }
    int err = 0;
    socklen_t sl = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &sl) < 0)
        err = errno;
    return err;
}

/* Connect; returns 0, an errno value, or -1 with an exception set. */
static int do_connect(SockObject *s, MpyObject *addr, const char *caller)
{
    struct sockaddr_storage ss;
    socklen_t len;
    if (mpy__sock_parse_addr(s->family, addr, &ss, &len, caller) < 0)
        return -1;
    int fd = open_fd(s);
    if (fd < 0)
        return -1;
    int r, err;
    MPY_BEGIN_ALLOW_THREADS
    r = connect(fd, (struct sockaddr *)&ss, len);
    err = errno;
    MPY_END_ALLOW_THREADS
    if (r == 0)
        return 0;
    long long timeout = sock_timeout(s);
    if (err == EINTR) {
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return -1;
        return finish_connect(fd, timeout);
    }
    if (err == EINPROGRESS && timeout != 0)
        return finish_connect(fd, timeout);
    return err;
}

static MpyObject *sock_connect(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    int err = do_connect((SockObject *)self, args[0], "connect");
    if (err < 0)
        return NULL;
    return err ? raise_errno(err) : MPY_RETURN_NONE;
}

/* connect_ex(address): the errno value instead of an OSError. */
static MpyObject *sock_connect_ex(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    int err = do_connect((SockObject *)self, args[0], "connect_ex");
    if (err < 0) {
        if (!mpy_err_matches(mpy_exc_TimeoutError))
            return NULL;
        mpy_err_clear();
        err = EWOULDBLOCK;
    }
    return mpy_int_from_long(err);
}

static MpyObject *sock_listen(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("listen", nargs, 0, 1) < 0)
        return NULL;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs == 1 && int_arg(args[0], 0, &backlog) < 0)
        return NULL;
    int fd = open_fd((SockObject *)self);
    if (fd < 0)
        return NULL;
    if (listen(fd, backlog < 0 ? 0 : backlog) < 0)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

/* _accept() -> (fd, address); socket.py wraps the descriptor. */
static MpyObject *sock_accept(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    SockCall c = {.op = SOP_ACCEPT};
    ssize_t fd = sock_call((SockObject *)self, &c, 0);
    if (fd < 0)
        return NULL;
    MpyObject *addr = mpy__sock_make_addr((struct sockaddr *)&c.addr, c.addrlen);
    MpyObject *pyfd = mpy_int_from_long(fd);
    MpyObject *r = addr && pyfd ? mpy_tuple_pack(2, pyfd, addr) : NULL;
    MPY_XDECREF(addr);
    MPY_XDECREF(pyfd);
    if (r == NULL)
        close((int)fd);
    return r;
}

typedef int (*NameFunc)(int, struct sockaddr *, socklen_t *);

/* getsockname / getpeername.  Returns: new address object or NULL. */
static MpyObject *name_of(MpyObject *self, NameFunc f)
{
    int fd = open_fd((SockObject *)self);
    if (fd < 0)
        return NULL;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t len = sizeof ss;
    if (f(fd, (struct sockaddr *)&ss, &len) < 0)
        return raise_errno(errno);
    return mpy__sock_make_addr((struct sockaddr *)&ss, len);
}

static MpyObject *sock_getsockname(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return name_of(self, getsockname);
}

static MpyObject *sock_getpeername(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return name_of(self, getpeername);
}

static MpyObject *sock_shutdown(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    int how;
    int fd = open_fd((SockObject *)self);
    if (fd < 0 || int_arg(args[0], 0, &how) < 0)
        return NULL;
    if (shutdown(fd, how) < 0)
        return raise_errno(errno);
    return MPY_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* Methods: data                                                        */

/* Check a recv size.  Returns 0 / -1 (ValueError). */
static int check_bufsize(ptrdiff_t n, const char *what)
{
    if (n < 0) {
        mpy_err_format(mpy_exc_ValueError, "negative buffersize in %s", what);
        return -1;
    }
    return 0;
}

/* Receive up to `n` bytes.  Returns: new bytes, or NULL. */
static MpyObject *recv_bytes(SockObject *s, ptrdiff_t n, int flags, SockCall *c, int op)
{
    c->op = op;
    c->len = (size_t)n;
    c->flags = flags;
    c->buf = malloc(n > 0 ? (size_t)n : 1);
    if (c->buf == NULL)
        return mpy_err_no_memory();
    ssize_t got = sock_call(s, c, 0);
    MpyObject *r = got < 0 ? NULL : mpy_bytes_from(c->buf, (size_t)got);
    free(c->buf);
    return r;
}

/* recv(bufsize[, flags]) */
static MpyObject *sock_recv(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("recv", nargs, 1, 2) < 0)
        return NULL;
    ptrdiff_t n = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
    int flags = 0;
    if ((n == -1 && mpy_err_occurred()) || check_bufsize(n, "recv") < 0 ||
        (nargs == 2 && int_arg(args[1], 0, &flags) < 0))
        return NULL;
    SockCall c;
    return recv_bytes((SockObject *)self, n, flags, &c, SOP_RECV);
}

/* recvfrom(bufsize[, flags]) -> (bytes, address) */
static MpyObject *sock_recvfrom(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("recvfrom", nargs, 1, 2) < 0)
        return NULL;
    ptrdiff_t n = mpy_number_as_ssize(args[0], mpy_exc_OverflowError);
    int flags = 0;
    if ((n == -1 && mpy_err_occurred()) || check_bufsize(n, "recvfrom") < 0 ||
        (nargs == 2 && int_arg(args[1], 0, &flags) < 0))
        return NULL;
    SockCall c;
    MpyObject *data = recv_bytes((SockObject *)self, n, flags, &c, SOP_RECVFROM);
    if (data == NULL)
        return NULL;
    MpyObject *addr = mpy__sock_make_addr((struct sockaddr *)&c.addr, c.addrlen);
    MpyObject *r = addr ? mpy_tuple_pack(2, data, addr) : NULL;
    MPY_DECREF(data);
    MPY_XDECREF(addr);
    return r;
}

/* recv_into(buffer[, nbytes[, flags]]): receive, then store the bytes with
 * buffer[:n] = data (any writable buffer: bytearray, memoryview ...). */
static MpyObject *sock_recv_into(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"buffer", "nbytes", "flags", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse("recv_into", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    if (!mpy_bytearray_check(a[0]) && !mpy_memoryview_check(a[0]))
        return mpy_err_format(mpy_exc_TypeError,
                              "recv_into() argument 1 must be read-write bytes-like object, not %T", a[0]);
    ptrdiff_t size = mpy_object_length(a[0]), n = 0;
    int flags = 0;
    if (size < 0 || (a[1] && (n = mpy_number_as_ssize(a[1], mpy_exc_OverflowError)) == -1 && mpy_err_occurred()) ||
        (a[2] && int_arg(a[2], 0, &flags) < 0))
        return NULL;
    if (n < 0)
        return mpy_err_format(mpy_exc_ValueError, "negative buffersize in recv_into");
    if (n == 0)
        n = size;
    if (n > size)
        return mpy_err_format(mpy_exc_ValueError, "buffer too small for requested bytes");
    SockCall c;
    MpyObject *data = recv_bytes((SockObject *)self, n, flags, &c, SOP_RECV);
    if (data == NULL)
        return NULL;
    ptrdiff_t got = mpy_bytes_size(data);
    MpyObject *zero = mpy_int_from_long(0), *end = mpy_int_from_ssize(got);
    MpyObject *slice = zero && end ? mpy_slice_new(zero, end, MPY_NONE) : NULL;
    int r = slice ? mpy_object_setitem(a[0], slice, data) : -1;
    MPY_XDECREF(zero);
    MPY_XDECREF(end);
    MPY_XDECREF(slice);
    MPY_DECREF(data);
    return r < 0 ? NULL : mpy_int_from_ssize(got);
}

/* The bytes of a data argument.  Returns 0 / -1 (TypeError). */
static int data_arg(MpyObject *o, const char **p, ptrdiff_t *n)
{
    if (!mpy__bytes_view(o, p, n)) {
        mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", o);
        return -1;
    }
    if (*p == NULL)
        *p = "";
    return 0;
}

/* send(data[, flags]) -> bytes sent */
static MpyObject *sock_send(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("send", nargs, 1, 2) < 0)
        return NULL;
    SockCall c = {.op = SOP_SEND};
    const char *p;
    ptrdiff_t n;
    if (data_arg(args[0], &p, &n) < 0 || (nargs == 2 && int_arg(args[1], 0, &c.flags) < 0))
        return NULL;
    c.buf = (char *)p;
    c.len = (size_t)n;
    ssize_t sent = sock_call((SockObject *)self, &c, 0);
    return sent < 0 ? NULL : mpy_int_from_ssize(sent);
}

/* sendall(data[, flags]): send everything; the timeout bounds the whole
 * call.  The data is copied first: another thread may resize a bytearray
 * while this one waits without the GIL. */
static MpyObject *sock_sendall(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("sendall", nargs, 1, 2) < 0)
        return NULL;
    SockObject *s = (SockObject *)self;
    SockCall c = {.op = SOP_SEND};
    const char *p;
    ptrdiff_t n;
    if (data_arg(args[0], &p, &n) < 0 || (nargs == 2 && int_arg(args[1], 0, &c.flags) < 0))
        return NULL;
    MpyObject *copy = mpy_bytes_check(args[0]) ? MPY_NEWREF(args[0]) : mpy_bytes_from(p, (size_t)n);
    if (copy == NULL)
        return NULL;
    long long timeout = sock_timeout(s);
    long long deadline = timeout > 0 ? deadline_after(timeout) : 0;
    size_t done = 0, total = (size_t)mpy_bytes_size(copy);
    while (done < total) {
        c.buf = (char *)mpy_bytes_data(copy) + done;
        c.len = total - done;
        ssize_t sent = sock_call(s, &c, deadline);
        if (sent < 0) {
            MPY_DECREF(copy);
            return NULL;
        }
        done += (size_t)sent;
    }
    MPY_DECREF(copy);
    return MPY_RETURN_NONE;
}

/* sendto(data[, flags], address) -> bytes sent */
static MpyObject *sock_sendto(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (nargs < 2 || nargs > 3)
        return mpy_err_format(mpy_exc_TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
    SockObject *s = (SockObject *)self;
    SockCall c = {.op = SOP_SENDTO};
    const char *p;
    ptrdiff_t n;
    if (data_arg(args[0], &p, &n) < 0 || (nargs == 3 && int_arg(args[1], 0, &c.flags) < 0))
        return NULL;
    if (mpy__sock_parse_addr(s->family, args[nargs - 1], &c.addr, &c.addrlen, "sendto") < 0)
        return NULL;
    c.buf = (char *)p;
    c.len = (size_t)n;
    ssize_t sent = sock_call(s, &c, 0);
    return sent < 0 ? NULL : mpy_int_from_ssize(sent);
}

static const MpyMethodDef sock_methods[] = {
    {"_accept", sock_accept, MPY_METH_NOARGS, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, MPY_METH_O, "Bind the socket to a local address."},
    {"close", sock_close, MPY_METH_NOARGS, "Close the socket."},
    {"connect", sock_connect, MPY_METH_O, "Connect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, MPY_METH_O, "Like connect(), but return an error code instead of raising."},
    {"detach", sock_detach, MPY_METH_NOARGS, "Close the socket object without closing the descriptor."},
    {"fileno", sock_fileno, MPY_METH_NOARGS, "Return the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, MPY_METH_NOARGS, "Return the address of the remote endpoint."},
    {"getsockname", sock_getsockname, MPY_METH_NOARGS, "Return the address of the local endpoint."},
    {"getsockopt", sock_getsockopt, MPY_METH_FASTCALL, "Get a socket option."},
    {"setsockopt", sock_setsockopt, MPY_METH_FASTCALL, "Set a socket option."},
    {"listen", sock_listen, MPY_METH_FASTCALL, "Enable a server to accept connections."},
    {"recv", sock_recv, MPY_METH_FASTCALL, "Receive up to buffersize bytes from the socket."},
    {"recv_into", sock_recv_into, MPY_METH_FASTCALL, "Receive into a buffer; return the count."},
    {"recvfrom", sock_recvfrom, MPY_METH_FASTCALL, "Like recv(buffersize, flags) but also return the sender's address."},
    {"send", sock_send, MPY_METH_FASTCALL, "Send a data string to the socket; return the count sent."},
    {"sendall", sock_sendall, MPY_METH_FASTCALL, "Send a data string to the socket, all of it."},
    {"sendto", sock_sendto, MPY_METH_FASTCALL, "Send data to a given address."},
    {"setblocking", sock_setblocking, MPY_METH_O, "Set the socket to blocking (True) or non-blocking (False)."},
    {"getblocking", sock_getblocking, MPY_METH_NOARGS, "True if the socket is in blocking mode."},
    {"settimeout", sock_settimeout, MPY_METH_O, "Set a timeout on socket operations (None: block)."},
    {"gettimeout", sock_gettimeout, MPY_METH_NOARGS, "The timeout in seconds, or None."},
    {"shutdown", sock_shutdown, MPY_METH_O, "Shut down the reading side (0), the writing side (1) or both (2)."},
    {NULL},
};

static MpyObject *get_family(MpyObject *self, void *c) { return mpy_int_from_long(((SockObject *)self)->family); }
static MpyObject *get_type(MpyObject *self, void *c) { return mpy_int_from_long(((SockObject *)self)->type); }
static MpyObject *get_proto(MpyObject *self, void *c) { return mpy_int_from_long(((SockObject *)self)->proto); }
static MpyObject *get_timeout(MpyObject *self, void *c) { return sock_gettimeout(self, NULL, 0, NULL); }

static const MpyGetSetDef sock_getset[] = {
    {"family", get_family, NULL, "the socket family", NULL},
    {"type", get_type, NULL, "the socket type", NULL},
    {"proto", get_proto, NULL, "the socket protocol", NULL},
    {"timeout", get_timeout, NULL, "the socket timeout", NULL},
    {NULL},
};

MpyType mpy_socket_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_socket.socket",
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object",
    .basicsize = sizeof(SockObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = sock_dealloc,
    .repr = sock_repr,
    .new = sock_new,
    .init = sock_init,
    .methods = sock_methods,
    .getset = sock_getset,
};
