/* runtime/mod_socket_addr.c: the _socket module's addresses, name
 * resolution, module functions and constants.
 *
 * Models the address half of CPython's Modules/socketmodule.c
 * (getsockaddrarg, makesockaddr, setipaddr, socket_getaddrinfo ...).
 * Name lookups (getaddrinfo) release the GIL: a thread resolving a host
 * does not stop the others.  Failures raise socket.gaierror(code,
 * gai_strerror(code)), e.g. "[Errno -2] Name or service not known".
 * The socket type itself lives in runtime/mod_socket.c.
 */
#include "runtime/module.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#include "gil/gil.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/mod_socket.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* socket.setdefaulttimeout(): nanoseconds, -1 for None. */
static long long default_timeout_ns = -1;

long long mpy__sock_default_timeout(void)
{
    return __atomic_load_n(&default_timeout_ns, __ATOMIC_RELAXED);
}

int mpy__sock_parse_timeout(MpyObject *o, long long *ns)
{
    if (o == MPY_NONE) {
        *ns = -1;
        return 0;
    }
    double secs;
    if (mpy_float_check(o)) {
        secs = mpy_float_as_double(o);
        if (isnan(secs)) {
            mpy_err_set(mpy_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        ptrdiff_t v = mpy_number_as_ssize(o, mpy_exc_OverflowError);
        if (v == -1 && mpy_err_occurred()) {
            if (mpy_err_matches(mpy_exc_OverflowError)) {
                mpy_err_clear();
                mpy_err_set(mpy_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            }
            return -1;
        }
        secs = (double)v;
    }
    if (secs < 0) {
        mpy_err_set(mpy_exc_ValueError, "Timeout value out of range");
        return -1;
    }
    if (secs > 9.2e9) {
        mpy_err_set(mpy_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *ns = (long long)ceil(secs * 1e9);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

/* Raise the module's exception class `name` with (code, message).
 * Returns NULL. */
static MpyObject *raise_module_error(const char *name, int code, const char *msg)
{
    MpyObject *mod = mpy_import_module_cstr("_socket");
    MpyObject *cls = mod ? mpy_object_getattr_cstr(mod, name) : NULL;
    MPY_XDECREF(mod);
    if (cls == NULL)
        return NULL;
    MpyObject *args[2] = {mpy_int_from_long(code), mpy_str_from_cstr(msg)};
    if (args[0] != NULL && args[1] != NULL) {
        MpyObject *exc = mpy_object_call(cls, args, 2, NULL);
        if (exc != NULL)
            mpy_err_restore(exc);
    }
    MPY_XDECREF(args[0]);
    MPY_XDECREF(args[1]);
    MPY_DECREF(cls);
    return NULL;
}

MpyObject *mpy__sock_gaierror(int code)
{
    if (code == EAI_SYSTEM)
        return mpy_err_from_errno(mpy_exc_OSError);
    return raise_module_error("gaierror", code, gai_strerror(code));
}

/* ------------------------------------------------------------------ */
/* Addresses                                                            */

/* getaddrinfo with the GIL released.  Returns 0 or an EAI_* code. */
static int resolve(const char *host, const char *port, const struct addrinfo *hints, struct addrinfo **res)
{
    int r;
    MPY_BEGIN_ALLOW_THREADS
    r = getaddrinfo(host, port, hints, res);
    MPY_END_ALLOW_THREADS
    return r;
}

/* The UTF-8 text of a host name argument (str, bytes or bytearray).
 * Returns a borrowed C string or NULL + TypeError. */
static const char *host_text(MpyObject *o)
{
    if (mpy_str_check(o))
        return mpy_str_utf8(o);
    if (mpy_bytes_check(o))
        return mpy_bytes_data(o);
    if (mpy_bytearray_check(o))
        return ((MpyByteArrayObject *)o)->data ? ((MpyByteArrayObject *)o)->data : "";
    mpy_err_format(mpy_exc_TypeError, "str, bytes or bytearray expected, not %T", o);
    return NULL;
}

/* Fill the IP part of `sa` (family AF_INET or AF_INET6) from a host name:
 * "" is the wildcard, "<broadcast>" the broadcast address, numbers are
 * parsed, names resolved.  Returns 0 / -1. */
static int set_ip(const char *name, int family, struct sockaddr_storage *sa)
{
    struct sockaddr_in *v4 = (struct sockaddr_in *)sa;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)sa;
    if (name[0] == '\0') {
        if (family == AF_INET)
            v4->sin_addr.s_addr = htonl(INADDR_ANY);
        else
            v6->sin6_addr = in6addr_any;
        return 0;
    }
    if (family == AF_INET && (strcmp(name, "<broadcast>") == 0 || strcmp(name, "255.255.255.255") == 0)) {
        v4->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return 0;
    }
    if (family == AF_INET ? inet_pton(AF_INET, name, &v4->sin_addr) == 1
                          : inet_pton(AF_INET6, name, &v6->sin6_addr) == 1)
        return 0;
    struct addrinfo hints = {.ai_family = family}, *res = NULL;
    int r = resolve(name, NULL, &hints, &res);
    if (r != 0) {
        mpy__sock_gaierror(r);
        return -1;
    }
    if (family == AF_INET)
        v4->sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
    else
        v6->sin6_addr = ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
    freeaddrinfo(res);
    return 0;
}

/* A port number from a tuple item.  Returns 0 / -1. */
static int parse_port(MpyObject *o, const char *caller, unsigned short *port)
{
    ptrdiff_t v = mpy_number_as_ssize(o, mpy_exc_OverflowError);
    if (v == -1 && mpy_err_occurred())
        return -1;
    if (v < 0 || v > 65535) {
        mpy_err_format(mpy_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *port = (unsigned short)v;
    return 0;
}

static int parse_unix(MpyObject *addr, struct sockaddr_storage *out, socklen_t *len)
{
    const char *path;
    ptrdiff_t n;
    if (mpy_str_check(addr)) {
        path = mpy_str_utf8(addr);
        n = mpy_str_size(addr);
    } else if (!mpy__bytes_view(addr, &path, &n)) {
        mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", addr);
        return -1;
    }
    struct sockaddr_un *un = (struct sockaddr_un *)out;
    if ((size_t)n >= sizeof un->sun_path) {
        mpy_err_set(mpy_exc_OSError, "AF_UNIX path too long");
        return -1;
    }
    un->sun_family = AF_UNIX;
    if (n > 0)
        memcpy(un->sun_path, path, (size_t)n);
    un->sun_path[n] = '\0';
    /* An abstract name (leading NUL) counts only its own bytes. */
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n + (n > 0 && path[0] == '\0' ? 0 : 1));
    return 0;
}

int mpy__sock_parse_addr(int family, MpyObject *addr, struct sockaddr_storage *out, socklen_t *len,
                         const char *caller)
{
    memset(out, 0, sizeof *out);
    if (family == AF_UNIX)
        return parse_unix(addr, out, len);
    if (family != AF_INET && family != AF_INET6) {
        mpy_err_format(mpy_exc_OSError, "%s(): bad family", caller);
        return -1;
    }
    const char *fname = family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!mpy_tuple_check(addr)) {
        mpy_err_format(mpy_exc_TypeError, "%s(): %s address must be tuple, not %T", caller, fname, addr);
        return -1;
    }
    ptrdiff_t n = mpy_tuple_size(addr);
    MpyObject **items = mpy_tuple_items(addr);
    if (family == AF_INET ? n != 2 : n < 2 || n > 4) {
        mpy_err_format(mpy_exc_TypeError, family == AF_INET ? "AF_INET address must be a pair (host, port)"
                                                           : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    const char *host = host_text(items[0]);
    unsigned short port;
    if (host == NULL || parse_port(items[1], caller, &port) < 0 || set_ip(host, family, out) < 0)
        return -1;
    if (family == AF_INET) {
        struct sockaddr_in *v4 = (struct sockaddr_in *)out;
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        *len = sizeof *v4;
        return 0;
    }
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)out;
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    for (ptrdiff_t i = 2; i < n; i++) {
        long long v = mpy_int_as_long(items[i]);
        if (v == -1 && mpy_err_occurred())
            return -1;
        if (i == 2)
            v6->sin6_flowinfo = htonl((uint32_t)v);
        else
            v6->sin6_scope_id = (uint32_t)v;
    }
    *len = sizeof *v6;
    return 0;
}

MpyObject *mpy__sock_make_addr(const struct sockaddr *sa, socklen_t len)
{
    if (len == 0)
        return MPY_RETURN_NONE;
    char ip[INET6_ADDRSTRLEN];
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &v4->sin_addr, ip, sizeof ip);
        MpyObject *host = mpy_str_from_cstr(ip), *port = mpy_int_from_long(ntohs(v4->sin_port));
        MpyObject *r = host && port ? mpy_tuple_pack(2, host, port) : NULL;
        MPY_XDECREF(host);
        MPY_XDECREF(port);
        return r;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &v6->sin6_addr, ip, sizeof ip);
        MpyObject *it[4] = {mpy_str_from_cstr(ip), mpy_int_from_long(ntohs(v6->sin6_port)),
                            mpy_int_from_long(ntohl(v6->sin6_flowinfo)), mpy_int_from_long(v6->sin6_scope_id)};
        MpyObject *r = it[0] && it[1] && it[2] && it[3] ? mpy_tuple_from_array(it, 4) : NULL;
        for (int i = 0; i < 4; i++)
            MPY_XDECREF(it[i]);
        return r;
    }
    case AF_UNIX: {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t n = len - offsetof(struct sockaddr_un, sun_path);
        if (n > 0 && un->sun_path[0] == '\0')
            return mpy_bytes_from(un->sun_path, n);
        return mpy_str_from_utf8(un->sun_path, strnlen(un->sun_path, n));
    }
    default:
        return mpy_tuple_pack(2, mpy_small_int(sa->sa_family), MPY_NONE);
    }
}

/* ------------------------------------------------------------------ */
/* Name resolution                                                      */

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
 * -> [(family, type, proto, canonname, sockaddr), ...] */
static MpyObject *sock_getaddrinfo(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    MpyObject *a[6];
    if (mpy_arg_parse("getaddrinfo", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    const char *host = NULL;
    char portbuf[32];
    const char *port = NULL;
    if (a[0] != MPY_NONE && !mpy_str_check(a[0]) && !mpy_bytes_check(a[0]))
        return mpy_err_format(mpy_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    if (a[0] != MPY_NONE && (host = host_text(a[0])) == NULL)
        return NULL;
    if (mpy_int_check(a[1])) {
        snprintf(portbuf, sizeof portbuf, "%lld", mpy_int_as_long(a[1]));
        port = portbuf;
    } else if (mpy_str_check(a[1]) || mpy_bytes_check(a[1])) {
        port = mpy_str_check(a[1]) ? mpy_str_utf8(a[1]) : mpy_bytes_data(a[1]);
    } else if (a[1] != MPY_NONE) {
        return mpy_err_format(mpy_exc_OSError, "Int or String expected");
    }
    long long v[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++) {
        if (a[i + 2] != NULL && (v[i] = mpy_int_as_long(a[i + 2])) == -1 && mpy_err_occurred())
            return NULL;
        if (v[i] > INT_MAX || v[i] < INT_MIN)
            return mpy_err_format(mpy_exc_OverflowError, "signed integer is %s",
                                  v[i] > 0 ? "greater than maximum" : "less than minimum");
    }
    struct addrinfo hints = {.ai_family = (int)v[0], .ai_socktype = (int)v[1], .ai_protocol = (int)v[2],
                             .ai_flags = (int)v[3]};
    struct addrinfo *res = NULL;
    int r = resolve(host, port, &hints, &res);
    if (r != 0)
        return mpy__sock_gaierror(r);
    MpyObject *list = mpy_list_new(0);
    for (struct addrinfo *ai = res; list != NULL && ai != NULL; ai = ai->ai_next) {
        MpyObject *addr = mpy__sock_make_addr(ai->ai_addr, ai->ai_addrlen);
        MpyObject *canon = mpy_str_from_cstr(ai->ai_canonname ? ai->ai_canonname : "");
        MpyObject *t = addr && canon ? mpy_tuple_pack(5, mpy_small_int(ai->ai_family), mpy_small_int(ai->ai_socktype),
                                                      mpy_small_int(ai->ai_protocol), canon, addr)
                                     : NULL;
        MPY_XDECREF(addr);
        MPY_XDECREF(canon);
        if (t == NULL || mpy_list_append_take(list, t) < 0)
            MPY_CLEAR(list);
    }
    freeaddrinfo(res);
    return list;
}

/* gethostbyname(name) -> the first IPv4 address as a str */
static MpyObject *sock_gethostbyname(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *k)
{
    const char *host = host_text(args[0]);
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    if (host == NULL || set_ip(host, AF_INET, &ss) < 0)
        return NULL;
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, ip, sizeof ip);
    return mpy_str_from_cstr(ip);
}

/* gethostbyaddr(ip) -> (hostname, [], [ip]) via getnameinfo; socket.herror
 * when the address has no name. */
static MpyObject *sock_gethostbyaddr(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *k)
{
    const char *host = host_text(args[0]);
    if (host == NULL)
        return NULL;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    int family = strchr(host, ':') ? AF_INET6 : AF_INET;
    if (set_ip(host, family, &ss) < 0)
        return NULL;
    ss.ss_family = (sa_family_t)family;
    socklen_t len = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
    char name[NI_MAXHOST], ip[INET6_ADDRSTRLEN];
    int r;
    MPY_BEGIN_ALLOW_THREADS
    r = getnameinfo((struct sockaddr *)&ss, len, name, sizeof name, NULL, 0, NI_NAMEREQD);
    MPY_END_ALLOW_THREADS
    if (r != 0)
        return raise_module_error("herror", 1, "Unknown host");
    const void *bin = family == AF_INET ? (const void *)&((struct sockaddr_in *)&ss)->sin_addr
                                        : (const void *)&((struct sockaddr_in6 *)&ss)->sin6_addr;
    inet_ntop(family, bin, ip, sizeof ip);
    MpyObject *pyname = mpy_str_from_cstr(name), *aliases = mpy_list_new(0), *addrs = mpy_list_new(0);
    MpyObject *pyip = mpy_str_from_cstr(ip), *r2 = NULL;
    if (pyname && aliases && addrs && pyip && mpy_list_append_take(addrs, MPY_NEWREF(pyip)) == 0)
        r2 = mpy_tuple_pack(3, pyname, aliases, addrs);
    MPY_XDECREF(pyname);
    MPY_XDECREF(aliases);
    MPY_XDECREF(addrs);
    MPY_XDECREF(pyip);
    return r2;
}

/* getnameinfo(sockaddr, flags) -> (host, port) */
static MpyObject *sock_getnameinfo(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("getnameinfo", nargs, 2, 2) < 0)
        return NULL;
    if (!mpy_tuple_check(args[0]) || mpy_tuple_size(args[0]) < 2)
        return mpy_err_format(mpy_exc_TypeError, "getnameinfo(): illegal sockaddr argument");
    long long flags = mpy_int_as_long(args[1]);
    if (flags == -1 && mpy_err_occurred())
        return NULL;
    const char *host = host_text(mpy_tuple_items(args[0])[0]);
    if (host == NULL)
        return NULL;
    int family = strchr(host, ':') ? AF_INET6 : AF_INET;
    struct sockaddr_storage ss;
    socklen_t len;
    if (mpy__sock_parse_addr(family, args[0], &ss, &len, "getnameinfo") < 0)
        return NULL;
    char name[NI_MAXHOST], serv[NI_MAXSERV];
    int r;
    MPY_BEGIN_ALLOW_THREADS
    r = getnameinfo((struct sockaddr *)&ss, len, name, sizeof name, serv, sizeof serv, (int)flags);
    MPY_END_ALLOW_THREADS
    if (r != 0)
        return mpy__sock_gaierror(r);
    MpyObject *h = mpy_str_from_cstr(name), *s = mpy_str_from_cstr(serv);
    MpyObject *t = h && s ? mpy_tuple_pack(2, h, s) : NULL;
    MPY_XDECREF(h);
    MPY_XDECREF(s);
    return t;
}

static MpyObject *sock_gethostname(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    char buf[256];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    buf[sizeof buf - 1] = '\0';
    return mpy_str_from_cstr(buf);
}

/* getservbyname(name[, proto]) -> port number */
static MpyObject *sock_getservbyname(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("getservbyname", nargs, 1, 2) < 0)
        return NULL;
    if (!mpy_str_check(args[0]) || (nargs == 2 && !mpy_str_check(args[1])))
        return mpy_err_format(mpy_exc_TypeError, "getservbyname() argument must be str");
    // The reentrant form: two threads may look services up at once.
    struct servent entry, *se = NULL;
    char buf[1024];
    if (getservbyname_r(mpy_str_utf8(args[0]), nargs == 2 ? mpy_str_utf8(args[1]) : NULL, &entry,
                        buf, sizeof buf, &se) != 0 || se == NULL)
        return mpy_err_format(mpy_exc_OSError, "service/proto not found");
    return mpy_int_from_long(ntohs((uint16_t)se->s_port));
}

/* ------------------------------------------------------------------ */
/* Byte order and address text                                          */

/* htons / ntohs: 16-bit swap with CPython's range messages. */
static MpyObject *swap16(const char *name, MpyObject *o)
{
    ptrdiff_t v = mpy_number_as_ssize(o, mpy_exc_OverflowError);
    if (v == -1 && mpy_err_occurred())
        return NULL;
    if (v < 0)
        return mpy_err_format(mpy_exc_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
    if (v > 0xffff)
        return mpy_err_format(mpy_exc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
    return mpy_int_from_long(htons((uint16_t)v));
}

static MpyObject *swap32(MpyObject *o)
{
    if (!mpy_int_check(o))
        return mpy_err_format(mpy_exc_TypeError, "expected int, %T found", o);
    long long v = mpy_int_as_long(o);
    if (v == -1 && mpy_err_occurred()) {
        if (!mpy_err_matches(mpy_exc_OverflowError))
            return NULL;
        mpy_err_clear();
        v = 1LL << 40;
    }
    if (v < 0)
        return mpy_err_format(mpy_exc_OverflowError, "can't convert negative value to unsigned int");
    if (v > 0xffffffffLL)
        return mpy_err_format(mpy_exc_OverflowError, "int larger than 32 bits");
    return mpy_int_from_long(htonl((uint32_t)v));
}

static MpyObject *sock_htons(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k) { return swap16("htons", a[0]); }
static MpyObject *sock_ntohs(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k) { return swap16("ntohs", a[0]); }
static MpyObject *sock_htonl(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k) { return swap32(a[0]); }
static MpyObject *sock_ntohl(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k) { return swap32(a[0]); }

static MpyObject *sock_inet_aton(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    if (!mpy_str_check(a[0]))
        return mpy_err_format(mpy_exc_TypeError, "inet_aton() argument 1 must be str, not %T", a[0]);
    struct in_addr in;
    if (inet_aton(mpy_str_utf8(a[0]), &in) == 0)
        return mpy_err_format(mpy_exc_OSError, "illegal IP address string passed to inet_aton");
    return mpy_bytes_from((const char *)&in, 4);
}

static MpyObject *sock_inet_ntoa(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    const char *p;
    ptrdiff_t len;
    if (!mpy__bytes_view(a[0], &p, &len))
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", a[0]);
    if (len != 4)
        return mpy_err_format(mpy_exc_OSError, "packed IP wrong length for inet_ntoa");
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, p, ip, sizeof ip);
    return mpy_str_from_cstr(ip);
}

/* inet_pton(family, text) -> packed bytes */
static MpyObject *sock_inet_pton(MpyObject *m, MpyObject *const *a, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("inet_pton", nargs, 2, 2) < 0)
        return NULL;
    long long af = mpy_int_as_long(a[0]);
    if (af == -1 && mpy_err_occurred())
        return NULL;
    if (!mpy_str_check(a[1]))
        return mpy_err_format(mpy_exc_TypeError, "inet_pton() argument 2 must be str, not %T", a[1]);
    unsigned char buf[16];
    int r = inet_pton((int)af, mpy_str_utf8(a[1]), buf);
    if (r < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    if (r == 0)
        return mpy_err_format(mpy_exc_OSError, "illegal IP address string passed to inet_pton");
    return mpy_bytes_from((const char *)buf, af == AF_INET ? 4 : 16);
}

/* inet_ntop(family, packed) -> text */
static MpyObject *sock_inet_ntop(MpyObject *m, MpyObject *const *a, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("inet_ntop", nargs, 2, 2) < 0)
        return NULL;
    long long af = mpy_int_as_long(a[0]);
    const char *p;
    ptrdiff_t len;
    if (af == -1 && mpy_err_occurred())
        return NULL;
    if (!mpy__bytes_view(a[1], &p, &len))
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", a[1]);
    if (af != AF_INET && af != AF_INET6)
        return mpy_err_format(mpy_exc_ValueError, "unknown address family %lld", af);
    if (len != (af == AF_INET ? 4 : 16))
        return mpy_err_format(mpy_exc_ValueError, "invalid length of packed IP address string");
    char ip[INET6_ADDRSTRLEN];
    inet_ntop((int)af, p, ip, sizeof ip);
    return mpy_str_from_cstr(ip);
}

/* ------------------------------------------------------------------ */
/* Descriptors and defaults                                             */

/* socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (fd, fd);
 * socket.py makes the socket objects. */
static MpyObject *sock_socketpair_fds(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("socketpair", nargs, 3, 3) < 0)
        return NULL;
    long long v[3];
    for (int i = 0; i < 3; i++) {
        if ((v[i] = mpy_int_as_long(args[i])) == -1 && mpy_err_occurred())
            return NULL;
    }
    int fds[2];
    if (socketpair((int)v[0], (int)v[1] | SOCK_CLOEXEC, (int)v[2], fds) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_tuple_pack(2, mpy_small_int(fds[0]), mpy_small_int(fds[1]));
}

static MpyObject *sock_close_fd(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long fd = mpy_int_as_long(a[0]);
    if (fd == -1 && mpy_err_occurred())
        return NULL;
    if (close((int)fd) < 0 && errno != ECONNRESET)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_RETURN_NONE;
}

static MpyObject *sock_dup(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long fd = mpy_int_as_long(a[0]);
    if (fd == -1 && mpy_err_occurred())
        return NULL;
    int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? mpy_err_from_errno(mpy_exc_OSError) : mpy_int_from_long(r);
}

static MpyObject *sock_getdefaulttimeout(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long t = mpy__sock_default_timeout();
    return t < 0 ? MPY_RETURN_NONE : mpy_float_from_double((double)t / 1e9);
}

static MpyObject *sock_setdefaulttimeout(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    long long t;
    if (mpy__sock_parse_timeout(a[0], &t) < 0)
        return NULL;
    __atomic_store_n(&default_timeout_ns, t, __ATOMIC_RELAXED);
    return MPY_RETURN_NONE;
}

static const MpyMethodDef socket_module_methods[] = {
    {"getaddrinfo", sock_getaddrinfo, MPY_METH_FASTCALL, "Resolve host and port into addrinfo tuples."},
    {"gethostbyname", sock_gethostbyname, MPY_METH_O, "Return the IP address (a string) of a host."},
    {"gethostbyaddr", sock_gethostbyaddr, MPY_METH_O, "Return (name, aliases, addresses) for an IP address."},
    {"getnameinfo", sock_getnameinfo, MPY_METH_FASTCALL, "Get host and port for a sockaddr."},
    {"gethostname", sock_gethostname, MPY_METH_NOARGS, "Return the current host name."},
    {"getservbyname", sock_getservbyname, MPY_METH_FASTCALL, "Return a port number from a service name."},
    {"htons", sock_htons, MPY_METH_O, "Convert a 16-bit integer from host to network byte order."},
    {"ntohs", sock_ntohs, MPY_METH_O, "Convert a 16-bit integer from network to host byte order."},
    {"htonl", sock_htonl, MPY_METH_O, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", sock_ntohl, MPY_METH_O, "Convert a 32-bit integer from network to host byte order."},
    {"inet_aton", sock_inet_aton, MPY_METH_O, "Convert an IPv4 address from dotted-quad text to 32-bit packed binary."},
    {"inet_ntoa", sock_inet_ntoa, MPY_METH_O, "Convert a 32-bit packed IPv4 address to dotted-quad text."},
    {"inet_pton", sock_inet_pton, MPY_METH_FASTCALL, "Convert an IP address from text to packed binary."},
    {"inet_ntop", sock_inet_ntop, MPY_METH_FASTCALL, "Convert a packed IP address to text."},
    {"_socketpair_fds", sock_socketpair_fds, MPY_METH_FASTCALL, "Two connected descriptors."},
    {"close", sock_close_fd, MPY_METH_O, "Close an integer socket file descriptor."},
    {"dup", sock_dup, MPY_METH_O, "Duplicate an integer socket file descriptor."},
    {"getdefaulttimeout", sock_getdefaulttimeout, MPY_METH_NOARGS, "The default timeout of new sockets."},
    {"setdefaulttimeout", sock_setdefaulttimeout, MPY_METH_O, "Set the default timeout of new sockets."},
    {NULL},
};

/* class NAME(OSError), shown as socket.NAME.  Returns 0 / -1. */
static int add_error_class(MpyObject *module, const char *name)
{
    MpyObject *pyname = mpy_str_from_cstr(name);
    MpyObject *bases = mpy_tuple_pack(1, (MpyObject *)mpy_exc_OSError);
    MpyObject *ns = mpy_dict_new();
    MpyObject *modname = mpy_str_from_cstr("socket");
    MpyObject *cls = NULL;
    if (pyname && bases && ns && modname && mpy_dict_set_cstr(ns, "__module__", modname) == 0)
        cls = mpy_type_new_class(&mpy_type_type, pyname, bases, ns, NULL);
    MPY_XDECREF(pyname);
    MPY_XDECREF(bases);
    MPY_XDECREF(ns);
    MPY_XDECREF(modname);
    return cls == NULL ? -1 : mpy_module_add_take(module, name, cls);
}

#define C(name) {#name, name}
static const struct {
    const char *name;
    long long value;
} socket_constants[] = {
    C(AF_INET), C(AF_INET6), C(AF_UNIX), C(AF_UNSPEC),
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_SEQPACKET), C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
    C(SOL_SOCKET), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE), C(SO_BROADCAST), C(SO_LINGER),
    C(SO_RCVBUF), C(SO_SNDBUF), C(SO_RCVLOWAT), C(SO_SNDLOWAT), C(SO_RCVTIMEO), C(SO_SNDTIMEO),
    C(SO_ERROR), C(SO_TYPE), C(SO_ACCEPTCONN), C(SO_DOMAIN), C(SO_PROTOCOL), C(SO_OOBINLINE),
    C(IPPROTO_IP), C(IPPROTO_TCP), C(IPPROTO_UDP), C(IPPROTO_IPV6), C(IPPROTO_ICMP), C(IPPROTO_RAW),
    C(IP_TTL), C(IP_TOS), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP), C(IPV6_V6ONLY),
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_KEEPCNT),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR), C(SOMAXCONN),
    C(MSG_PEEK), C(MSG_OOB), C(MSG_WAITALL), C(MSG_DONTWAIT), C(MSG_DONTROUTE), C(MSG_NOSIGNAL),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_ADDRCONFIG),
    C(AI_V4MAPPED), C(AI_ALL),
    C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NAMEREQD), C(NI_NOFQDN), C(NI_DGRAM),
    C(NI_MAXHOST), C(NI_MAXSERV),
    C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NONAME),
    C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM), C(EAI_OVERFLOW),
    {"INADDR_ANY", 0}, {"INADDR_LOOPBACK", 0x7f000001}, {"INADDR_BROADCAST", 0xffffffff},
    {"INADDR_NONE", 0xffffffff},
};
#undef C

static int socket_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_socket_type) < 0 || mpy_module_add_type(module, &mpy_socket_type) < 0 ||
        mpy_module_add(module, "SocketType", (MpyObject *)&mpy_socket_type) < 0)
        return -1;
    for (size_t i = 0; i < sizeof socket_constants / sizeof socket_constants[0]; i++) {
        if (mpy_module_add_int(module, socket_constants[i].name, socket_constants[i].value) < 0)
            return -1;
    }
    if (mpy_module_add(module, "error", (MpyObject *)mpy_exc_OSError) < 0 ||
        mpy_module_add(module, "timeout", (MpyObject *)mpy_exc_TimeoutError) < 0 ||
        add_error_class(module, "herror") < 0 || add_error_class(module, "gaierror") < 0 ||
        mpy_module_add(module, "has_ipv6", MPY_TRUE) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__socket_module_def = {
    "_socket", "Implementation module for socket operations.", socket_module_methods, socket_exec, 1,
};
