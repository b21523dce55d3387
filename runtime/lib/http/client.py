"""http.client: a small HTTP/1.1 client (plain TCP, no TLS).

Models the core of CPython's Lib/http/client.py: HTTPConnection sends a
request (request(), or putrequest/putheader/endheaders) over a socket
made by socket.create_connection; getresponse() returns an HTTPResponse
that parses the status line and headers and reads the body by
Content-Length, chunked transfer coding, or until the server closes.
Headers are an HTTPMessage (a small case-insensitive multi-dict standing
in for email.message.Message).  There is no HTTPSConnection: minipy has
no ssl module.
"""

import io
import socket
from http import HTTPStatus

__all__ = ["HTTPResponse", "HTTPConnection", "HTTPMessage", "HTTPException",
           "NotConnected", "UnknownProtocol", "UnknownTransferEncoding",
           "UnimplementedFileMode", "IncompleteRead", "InvalidURL",
           "ImproperConnectionState", "CannotSendRequest", "CannotSendHeader",
           "ResponseNotReady", "BadStatusLine", "LineTooLong",
           "RemoteDisconnected", "error", "responses", "HTTP_PORT"]

HTTP_PORT = 80
HTTPS_PORT = 443
_MAXLINE = 65536
_MAXHEADERS = 100

responses = {status.value: status.phrase for status in HTTPStatus}
globals().update(HTTPStatus.__members__)


# ---------------------------------------------------------------- errors

class HTTPException(Exception):
    pass


class NotConnected(HTTPException):
    pass


class InvalidURL(HTTPException):
    pass


class UnknownProtocol(HTTPException):
    def __init__(self, version):
        self.args = version,
        self.version = version


class UnknownTransferEncoding(HTTPException):
    pass


class UnimplementedFileMode(HTTPException):
    pass


class IncompleteRead(HTTPException):
    def __init__(self, partial, expected=None):
        self.args = partial,
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        more = ', %i more expected' % self.expected if self.expected is not None else ''
        return '%s(%i bytes read%s)' % (self.__class__.__name__, len(self.partial), more)

    __str__ = object.__str__


class ImproperConnectionState(HTTPException):
    pass


class CannotSendRequest(ImproperConnectionState):
    pass


class CannotSendHeader(ImproperConnectionState):
    pass


class ResponseNotReady(ImproperConnectionState):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = line,
        self.line = line


class LineTooLong(HTTPException):
    def __init__(self, line_type):
        HTTPException.__init__(self, "got more than %d bytes when reading %s" % (_MAXLINE, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    def __init__(self, *pos, **kw):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *pos, **kw)


error = HTTPException


# ---------------------------------------------------------------- headers

class HTTPMessage:
    """Response headers: a list of (name, value) looked up without regard
    to case; get() gives the first value, get_all() every value."""

    def __init__(self):
        self._headers = []

    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        name = name.lower()
        return any(k.lower() == name for k, v in self._headers)

    def __iter__(self):
        return iter([k for k, v in self._headers])

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, value):
        self._headers.append((name, value))

    def __delitem__(self, name):
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name]

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return list(self._headers)

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        return values or failobj

    def add_header(self, name, value):
        self._headers.append((name, value))

    def replace_header(self, name, value):
        lower = name.lower()
        for i, (k, v) in enumerate(self._headers):
            if k.lower() == lower:
                self._headers[i] = (k, value)
                return
        raise KeyError(name)

    def get_content_type(self):
        value = self.get('content-type', '')
        ctype = value.split(';')[0].strip().lower()
        return ctype if ctype.count('/') == 1 else 'text/plain'

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_param(self, param, failobj=None, header='content-type'):
        value = self.get(header)
        if value is None:
            return failobj
        for part in value.split(';')[1:]:
            key, eq, val = part.strip().partition('=')
            if key.strip().lower() == param.lower():
                val = val.strip()
                if len(val) >= 2 and val[0] == val[-1] == '"':
                    val = val[1:-1]
                return val if eq else ''
        return failobj

    def get_content_charset(self, failobj=None):
        charset = self.get_param('charset')
        return charset.lower() if charset else failobj

    def get_filename(self, failobj=None):
        return self.get_param('filename', failobj, 'content-disposition')

    def as_string(self):
        return ''.join('%s: %s\n' % (k, v) for k, v in self._headers) + '\n'

    __str__ = as_string

    def as_bytes(self):
        return self.as_string().encode('latin-1')


def parse_headers(fp, _class=HTTPMessage):
    """Read header lines up to the blank line and return an HTTPMessage."""
    msg = _class()
    count = 0
    while True:
        line = fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("header line")
        if line in (b'\r\n', b'\n', b''):
            return msg
        count += 1
        if count > _MAXHEADERS:
            raise HTTPException("got more than %d headers" % _MAXHEADERS)
        text = line.decode('iso-8859-1').rstrip('\r\n')
        if text[:1] in (' ', '\t') and msg._headers:
            name, value = msg._headers[-1]
            msg._headers[-1] = (name, value + ' ' + text.strip())
            continue
        name, colon, value = text.partition(':')
        if colon:
            msg._headers.append((name, value.strip()))


# ---------------------------------------------------------------- response

class HTTPResponse(io.BufferedIOBase):
    """The response to one request: status, reason, version, headers, and
    the body through read()/readline()/iteration."""

    def __init__(self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.headers = self.msg = None
        self.version = self.status = self.reason = None
        self.chunked = False
        self.chunk_left = None
        self.length = None
        self.will_close = True
        self.url = url
        self._chunk_buf = b''
        self._chunks_done = False
        self._closed = False

    def _read_status(self):
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("status line")
        if not line:
            raise RemoteDisconnected("Remote end closed connection without response")
        text = line.decode("iso-8859-1")
        parts = text.split(None, 2)
        if len(parts) == 2:
            parts.append("")
        if len(parts) != 3 or not parts[0].startswith("HTTP/"):
            self._close_conn()
            raise BadStatusLine(text)
        version, status, reason = parts
        try:
            status = int(status)
        except ValueError:
            raise BadStatusLine(text) from None
        if not 100 <= status <= 999:
            raise BadStatusLine(text)
        return version, status, reason.strip()

    def begin(self):
        """Read the status line and the headers."""
        if self.headers is not None:
            return
        while True:
            version, status, reason = self._read_status()
            if status != 100:
                break
            parse_headers(self.fp)      # the interim response's headers
        self.code = self.status = status
        self.reason = reason
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)
        self.headers = self.msg = parse_headers(self.fp)
        encoding = self.headers.get("transfer-encoding")
        self.chunked = encoding is not None and encoding.lower() == "chunked"
        self.will_close = self._check_close()
        self.length = None
        length = self.headers.get("content-length")
        if length is not None and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        if status in (204, 304) or 100 <= status < 200 or self._method == "HEAD":
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True

    def _check_close(self):
        conn = (self.headers.get("connection") or "").lower()
        if self.version == 11:
            return "close" in conn
        return "keep-alive" not in conn and not self.headers.get("keep-alive")

    def _close_conn(self):
        fp = self.fp
        self.fp = None
        if fp is not None:
            fp.close()

    def close(self):
        self._closed = True
        self._close_conn()

    @property
    def closed(self):
        return self._closed

    def isclosed(self):
        return self.fp is None

    def flush(self):
        if self.fp:
            self.fp.flush()

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        return self.fp.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    # -- body

    def _safe_read(self, amt):
        data = self.fp.read(amt)
        if len(data) < amt:
            raise IncompleteRead(data, amt - len(data))
        return data

    def _next_chunk(self):
        """The next chunk of a chunked body, b'' after the last one."""
        if self._chunks_done:
            return b''
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("chunk size")
        size_text = line.split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            self._close_conn()
            raise IncompleteRead(b'') from None
        if size == 0:
            self._chunks_done = True
            while True:                 # trailers, up to the blank line
                trailer = self.fp.readline(_MAXLINE + 1)
                if trailer in (b'\r\n', b'\n', b''):
                    break
            return b''
        data = self._safe_read(size)
        self._safe_read(2)              # the CRLF after the chunk
        return data

    def _read_chunked(self, amt=None):
        parts = [self._chunk_buf]
        have = len(self._chunk_buf)
        while amt is None or have < amt:
            chunk = self._next_chunk()
            if not chunk:
                break
            parts.append(chunk)
            have += len(chunk)
        data = b''.join(parts)
        if amt is not None and len(data) > amt:
            data, self._chunk_buf = data[:amt], data[amt:]
        else:
            self._chunk_buf = b''
        if self._chunks_done and not self._chunk_buf:
            self._close_conn()
        return data

    def read(self, amt=None):
        """Read the body: all of it, or at most `amt` bytes."""
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_conn()
            return b""
        if amt is not None and amt < 0:
            amt = None
        if self.chunked:
            return self._read_chunked(amt)
        if amt is not None:
            if self.length is not None and amt > self.length:
                amt = self.length
            data = self.fp.read(amt)
            if not data and amt:
                self._close_conn()
            elif self.length is not None:
                self.length -= len(data)
                if not self.length:
                    self._close_conn()
            return data
        if self.length is None:
            data = self.fp.read()
        else:
            try:
                data = self._safe_read(self.length)
            except IncompleteRead:
                self._close_conn()
                raise
            self.length = 0
        self._close_conn()
        return data

    def read1(self, n=-1):
        return self.read(None if n is None or n < 0 else n)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def peek(self, n=-1):
        if self.chunked:
            if not self._chunk_buf:
                self._chunk_buf = self._next_chunk()
            return self._chunk_buf
        return self.fp.peek(n) if self.fp else b''

    def readline(self, limit=-1):
        """One line of the body (through b'\\n')."""
        if self.fp is None or self._method == "HEAD":
            return b""
        if self.chunked:
            while b"\n" not in self._chunk_buf:
                chunk = self._next_chunk()
                if not chunk:
                    break
                self._chunk_buf += chunk
            end = self._chunk_buf.find(b"\n") + 1 or len(self._chunk_buf)
            if limit is not None and 0 <= limit < end:
                end = limit
            return self._read_chunked(end)
        if self.length is not None and (limit is None or limit < 0 or limit > self.length):
            limit = self.length
        line = self.fp.readline(-1 if limit is None else limit)
        if not line and limit:
            self._close_conn()
        elif self.length is not None:
            self.length -= len(line)
            if not self.length:
                self._close_conn()
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

    # -- the urllib response interface

    def getheader(self, name, default=None):
        if self.headers is None:
            raise ResponseNotReady()
        values = self.headers.get_all(name) or default
        if isinstance(values, str) or not hasattr(values, '__iter__'):
            return values
        return ', '.join(values)

    def getheaders(self):
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status


# ---------------------------------------------------------------- connection

class HTTPConnection:
    """One HTTP/1.1 connection to host:port (connected on first use)."""

    _http_vsn_str = 'HTTP/1.1'
    response_class = HTTPResponse
    default_port = HTTP_PORT
    debuglevel = 0

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._buffer = []
        self._method = None
        self._response = None
        self.host, self.port = self._get_hostport(host, port)

    def _get_hostport(self, host, port):
        if port is None:
            colon = host.rfind(':')
            bracket = host.rfind(']')
            if colon > bracket:
                text = host[colon + 1:]
                if text == '':
                    port = self.default_port
                else:
                    try:
                        port = int(text)
                    except ValueError:
                        raise InvalidURL("nonnumeric port: '%s'" % text) from None
                host = host[:colon]
            else:
                port = self.default_port
        if host and host[0] == '[' and host[-1] == ']':
            host = host[1:-1]
        return host, port

    def set_debuglevel(self, level):
        self.debuglevel = level

    def connect(self):
        """Open the TCP connection."""
        self.sock = socket.create_connection((self.host, self.port), self.timeout,
                                             self.source_address)
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def close(self):
        """Close the connection (a response being read keeps its data)."""
        sock = self.sock
        self.sock = None
        self._method = None
        if sock is not None:
            sock.close()
        response = self._response
        self._response = None
        if response is not None:
            response.close()

    def send(self, data):
        """Send bytes (or the contents of a file-like object, or the items
        of an iterable of bytes)."""
        if self.sock is None:
            self.connect()
        if hasattr(data, "read"):
            while True:
                block = data.read(self.blocksize)
                if not block:
                    break
                if isinstance(block, str):
                    block = block.encode("iso-8859-1")
                self.sock.sendall(block)
            return
        if isinstance(data, (bytes, bytearray, memoryview)):
            self.sock.sendall(data)
            return
        try:
            for block in data:
                self.sock.sendall(block)
        except TypeError:
            raise TypeError("data should be a bytes-like object or an iterable, got %r"
                            % type(data)) from None

    def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
        """Start a request: the request line, Host and Accept-Encoding."""
        if self._response is not None and self._response.isclosed():
            self._response = None
        self._method = method
        url = url or '/'
        for c in method:
            if ord(c) <= 32 or c == '\x7f':
                raise ValueError("method can't contain control characters. %r (found at least %r)"
                                 % (method, c))
        for c in url:
            if ord(c) <= 32 or c == '\x7f':
                raise InvalidURL("URL can't contain control characters. %r (found at least %r)"
                                 % (url, c))
        self._buffer = [('%s %s %s' % (method, url, self._http_vsn_str)).encode('ascii')]
        if not skip_host:
            host = self.host
            if ':' in host:
                host = '[' + host + ']'
            if self.port != self.default_port:
                host = '%s:%s' % (host, self.port)
            self.putheader('Host', host)
        if not skip_accept_encoding:
            self.putheader('Accept-Encoding', 'identity')

    def putheader(self, header, *values):
        """Add a header line (several values are joined by CRLF TAB)."""
        if isinstance(header, str):
            header = header.encode('ascii')
        texts = []
        for value in values:
            if isinstance(value, int):
                value = str(value)
            if isinstance(value, str):
                value = value.encode('latin-1')
            if b'\r' in value or b'\n' in value:
                raise ValueError('Invalid header value %r' % (value,))
            texts.append(value)
        self._buffer.append(header + b': ' + b'\r\n\t'.join(texts))

    def endheaders(self, message_body=None, *, encode_chunked=False):
        """Send the headers, then the body if any."""
        self._buffer.extend((b"", b""))
        head = b"\r\n".join(self._buffer)
        self._buffer = []
        self.send(head)
        if message_body is not None:
            self.send(message_body)

    def request(self, method, url, body=None, headers={}, *, encode_chunked=False):
        """Send a complete request."""
        names = {name.lower() for name in headers}
        self.putrequest(method, url, skip_host='host' in names,
                        skip_accept_encoding='accept-encoding' in names)
        if 'content-length' not in names and 'transfer-encoding' not in names:
            if body is None:
                if method.upper() in ('PATCH', 'POST', 'PUT'):
                    self.putheader('Content-Length', '0')
            elif isinstance(body, str):
                self.putheader('Content-Length', str(len(body.encode('iso-8859-1'))))
            elif isinstance(body, (bytes, bytearray)):
                self.putheader('Content-Length', str(len(body)))
            elif isinstance(body, memoryview):
                self.putheader('Content-Length', str(body.nbytes))
        for name, value in headers.items():
            self.putheader(name, value)
        if isinstance(body, str):
            body = body.encode('iso-8859-1')
        self.endheaders(body)

    def getresponse(self):
        """Read the response to the request sent."""
        if self._response is not None and not self._response.isclosed():
            raise ResponseNotReady()
        if self.sock is None:
            raise ResponseNotReady()
        response = self.response_class(self.sock, method=self._method)
        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()
                raise
            if response.will_close:
                self.close()
            else:
                self._response = response
            return response
        except:
            response.close()
            raise
