/* runtime/mod_socket.h: what the two files of the _socket module share.
 *
 * runtime/mod_socket.c owns the socket type and its blocking calls;
 * runtime/mod_socket_addr.c owns address conversion (Python tuples <->
 * struct sockaddr), name resolution and the module-level functions.
 */
#ifndef MINIPY_RUNTIME_MOD_SOCKET_H
#define MINIPY_RUNTIME_MOD_SOCKET_H

#include <sys/socket.h>

#include "runtime/object.h"

/* Parse the Python address `addr` for a socket of `family` into `out`.
 * `caller` names the method in messages ("connect").  Resolving a host
 * name releases the GIL.  Returns 0 / -1 (TypeError, OverflowError,
 * socket.gaierror ...). */
int mpy__sock_parse_addr(int family, MpyObject *addr, struct sockaddr_storage *out, socklen_t *len,
                         const char *caller);
/* The Python form of a socket address: (host, port) for AF_INET, a 4-tuple
 * for AF_INET6, a str (or bytes: abstract namespace) for AF_UNIX, None for
 * an empty address.  Returns: new reference or NULL. */
MpyObject *mpy__sock_make_addr(const struct sockaddr *sa, socklen_t len);
/* Raise socket.gaierror(code, gai_strerror(code)) (OSError for EAI_SYSTEM).
 * Returns NULL. */
MpyObject *mpy__sock_gaierror(int code);
/* The default timeout of new sockets in nanoseconds, -1 for None. */
long long mpy__sock_default_timeout(void);
/* Convert a timeout argument (None, int or float seconds) to nanoseconds
 * rounded up, -1 for None.  Returns 0 / -1 (ValueError for a negative value). */
int mpy__sock_parse_timeout(MpyObject *o, long long *ns);

extern MpyType mpy_socket_type;

#endif
