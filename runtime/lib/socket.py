"""socket: the Python half of minipy's sockets.

Models CPython's Lib/socket.py over the C module _socket
(runtime/mod_socket.c, runtime/mod_socket_addr.c): the socket class
adds accept() returning socket objects, the context manager, a repr
naming the addresses, family/type as enums, and makefile(); the module
adds socketpair, create_connection, create_server, fromfd and getfqdn.

makefile() gives a small buffered file (_SocketFile, text mode
_SocketTextFile) written here over recv/sendall, so a socket's timeout
applies to its file too.  As in CPython, the socket's descriptor stays
open until the socket and all its files are closed.
"""

import _socket
from _socket import *
import io
from enum import IntEnum

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socketpair",
           "SocketType", "error", "timeout", "gaierror", "herror"]
__all__.extend(name for name in dir(_socket) if name.isupper())

_GLOBAL_DEFAULT_TIMEOUT = object()


def _members(prefix, exclude=()):
    return {name: value for name, value in vars(_socket).items()
            if name.startswith(prefix) and name.isupper() and name not in exclude}


AddressFamily = IntEnum('AddressFamily', _members('AF_'))
SocketKind = IntEnum('SocketKind', _members('SOCK_', ('SOCK_NONBLOCK', 'SOCK_CLOEXEC')))
AddressFamily.__module__ = SocketKind.__module__ = __name__
globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)


def _as_enum(value, enum_class):
    """The enum member for `value`, or `value` itself if there is none."""
    try:
        return enum_class(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A network socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(),
            self.family, self.type, self.proto)
        if not closed:
            for label, getter in (("laddr", self.getsockname), ("raddr", self.getpeername)):
                try:
                    addr = getter()
                except error:
                    continue
                if addr:
                    text += ", %s=%s" % (label, addr)
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of the descriptor."""
        sock = self.__class__(self.family, self.type, self.proto, fileno=dup(self.fileno()))
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Wait for a connection: returns (socket, address)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading from / writing to the socket (modes r, w, b)."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        binary = "b" in mode
        if binary and (encoding is not None or errors is not None or newline is not None):
            raise ValueError("binary mode doesn't take an encoding argument")
        raw_mode = ("r" if reading else "") + ("w" if writing else "")
        f = _SocketFile(self, raw_mode + "b")
        self._io_refs += 1
        if binary:
            return f
        return _SocketTextFile(f, mode, encoding or "utf-8", errors or "strict", newline)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self):
        _socket.socket.close(self)

    def close(self):
        """Close the socket (its descriptor once no makefile() file uses it)."""
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Forget the descriptor without closing it; return it."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """The socket's address family (an AddressFamily)."""
        return _as_enum(super().family, AddressFamily)

    @property
    def type(self):
        """The socket's type (a SocketKind)."""
        return _as_enum(super().type, SocketKind)


SocketType = _socket.socket


class _SocketFile(io.BufferedIOBase):
    """The binary file of socket.makefile('rb' / 'wb' / 'rwb')."""

    _CHUNK = 8192

    def __init__(self, sock, mode):
        self._sock = sock
        self.mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._rbuf = bytearray()
        self._wbuf = bytearray()
        self._eof = False
        self._closed = False

    def __repr__(self):
        kind = "BufferedRWPair" if self._reading and self._writing else \
               "BufferedReader" if self._reading else "BufferedWriter"
        return "<_io.%s name=%r>" % (kind, self.name)

    @property
    def name(self):
        return -1 if self._closed else self._sock.fileno()

    @property
    def closed(self):
        return self._closed

    def _check(self, want_read):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        if want_read and not self._reading:
            raise io.UnsupportedOperation("File or stream is not readable.")
        if not want_read and not self._writing:
            raise io.UnsupportedOperation("File or stream is not writable.")

    def _fill(self):
        """Receive one chunk into the buffer; False at end of stream."""
        if self._eof:
            return False
        data = self._sock.recv(self._CHUNK)
        if not data:
            self._eof = True
            return False
        self._rbuf += data
        return True

    def _take(self, n):
        data = bytes(self._rbuf[:n])
        del self._rbuf[:n]
        return data

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while self._fill():
                pass
            return self._take(len(self._rbuf))
        while len(self._rbuf) < size and self._fill():
            pass
        return self._take(size)

    def read1(self, size=-1):
        self._check(True)
        if not self._rbuf:
            self._fill()
        return self._take(len(self._rbuf) if size is None or size < 0 else size)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def peek(self, size=0):
        self._check(True)
        if not self._rbuf:
            self._fill()
        return bytes(self._rbuf)

    def readline(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        start = 0
        while True:
            end = self._rbuf.find(b"\n", start)
            if end >= 0:
                n = end + 1
                break
            if 0 <= size <= len(self._rbuf):
                n = size
                break
            start = len(self._rbuf)
            if not self._fill():
                n = len(self._rbuf)
                break
        if 0 <= size < n:
            n = size
        return self._take(n)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check(True)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False)
        self._wbuf += data
        if len(self._wbuf) >= self._CHUNK:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self._closed:
            raise ValueError("flush of closed file")
        if self._wbuf:
            data = bytes(self._wbuf)
            self._wbuf.clear()
            self._sock.sendall(data)

    def close(self):
        if self._closed:
            return
        try:
            if self._writing and self._wbuf:
                self.flush()
        finally:
            self._closed = True
            self._sock._decref_socketios()

    def readable(self):
        self._check_open()
        return self._reading

    def writable(self):
        self._check_open()
        return self._writing

    def seekable(self):
        self._check_open()
        return False

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed socket.")

    def fileno(self):
        self._check_open()
        return self._sock.fileno()

    def isatty(self):
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()


class _SocketTextFile(io.TextIOBase):
    """The text file of socket.makefile('r' / 'w'): decodes the binary one,
    translating "\\r\\n" to "\\n" on reading unless newline= is given."""

    def __init__(self, buffer, mode, encoding, errors, newline):
        self.buffer = buffer
        self.mode = mode
        self.encoding = encoding
        self.errors = errors
        self._translate = newline is None
        self._write_nl = newline if newline not in (None, "") else None

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._translate:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        if size is None or size < 0:
            return self._decode(self.buffer.read())
        data = self.buffer.read(size)
        # Complete a UTF-8 sequence cut at the end.
        for _ in range(3):
            try:
                return self._decode(data)
            except UnicodeDecodeError:
                more = self.buffer.read(1)
                if not more:
                    raise
                data += more
        return self._decode(data)

    def readline(self, size=-1):
        line = self._decode(self.buffer.readline())
        if size is not None and 0 <= size < len(line):
            return line[:size]
        return line

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        data = text
        if self._write_nl is not None:
            data = data.replace("\n", self._write_nl)
        self.buffer.write(data.encode(self.encoding, self.errors))
        if "\n" in text:
            self.buffer.flush()
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor `fd`."""
    return socket(family, type, proto, dup(fd))


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """A pair of connected socket objects."""
    a, b = _socket._socketpair_fds(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve host and port into a list of
    (family, type, proto, canonname, sockaddr) tuples."""
    return [(_as_enum(af, AddressFamily), _as_enum(kind, SocketKind), proto, canon, sa)
            for af, kind, proto, canon, sa in
            _socket.getaddrinfo(host, port, family, type, proto, flags)]


def gethostbyname_ex(hostname):
    """(canonical name, aliases, IPv4 addresses) of a host."""
    infos = _socket.getaddrinfo(hostname, None, AF_INET, SOCK_STREAM, 0, AI_CANONNAME)
    addresses = []
    for info in infos:
        if info[4][0] not in addresses:
            addresses.append(info[4][0])
    return infos[0][3] or hostname, [], addresses


def getfqdn(name=''):
    """The fully qualified domain name of `name` (default: this host)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    try:
        hostname, aliases, addrs = gethostbyaddr(name)
    except error:
        return name
    for candidate in [hostname] + aliases:
        if '.' in candidate:
            return candidate
    return hostname


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connect to (host, port), trying each address getaddrinfo gives;
    returns the connected socket or raises the last error."""
    host, port = address
    errors = []
    for af, kind, proto, canon, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            errors.clear()
            return sock
        except error as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        try:
            if all_errors:
                raise ExceptionGroup("create_connection failed", errors)
            raise errors[0]
        finally:
            errors = None
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether a socket can accept both IPv4 and IPv6 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to `address` (SO_REUSEADDR set)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6 and family != AF_INET6:
        raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            raise error(err.errno, '%s (while attempting to bind on address %r)'
                        % (err.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
