"""urllib.request: open http:// URLs.

Models the parts of CPython's Lib/urllib/request.py that programs use:
urlopen(url or Request, data=None, timeout=...) sends the request with
http.client (the same request lines and headers as CPython's default
opener), follows 301/302/303/307/308 redirects, and returns the
http.client.HTTPResponse (read(), status, getcode(), headers,
getheader(), url, geturl(), a context manager).  Statuses outside 2xx
raise HTTPError; a failure to resolve or connect raises
URLError(reason=the OSError), e.g. "<urlopen error [Errno -2] Name or
service not known>".

Only http:// is supported: https:// raises URLError("unknown url type:
https") as a CPython built without ssl does (minipy has no TLS library),
and there are no proxy, authentication, cookie, ftp or file handlers.
"""

import os
import socket
import string
import sys
import http.client
from urllib.error import URLError, HTTPError, ContentTooShortError
from urllib.parse import urlparse, urlunparse, urljoin, unquote, quote, unwrap

__all__ = ['Request', 'OpenerDirector', 'build_opener', 'install_opener',
           'urlopen', 'urlretrieve', 'urlcleanup', 'URLError', 'HTTPError']

__version__ = '%d.%d' % sys.version_info[:2]


def _split_type(url):
    """'http://host/x' -> ('http', '//host/x'); (None, url) without one."""
    scheme, colon, rest = url.partition(':')
    if colon and scheme and '/' not in scheme:
        return scheme.lower(), rest
    return None, url


def _split_host(url):
    """'//host:port/path' -> ('host:port', '/path'); (None, url) otherwise."""
    if not url.startswith('//'):
        return None, url
    rest = url[2:]
    end = len(rest)
    for c in '/?#':
        pos = rest.find(c)
        if pos >= 0:
            end = min(end, pos)
    host, path = rest[:end], rest[end:]
    if path and not path.startswith('/'):
        path = '/' + path
    return host, path


def _request_host(request):
    """The request's host name, lower case, without a port."""
    host = urlparse(request.full_url)[1] or request.get_header("Host", "")
    name, colon, port = host.rpartition(':')
    if colon and port.isdigit() and port.isascii():
        host = name
    return host.lower()


class Request:
    """An HTTP request: URL, data, headers and method."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for key, value in headers.items():
            self.add_header(key, value)
        if origin_req_host is None:
            origin_req_host = _request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url = unwrap(url)
        self._full_url, _, self.fragment = self._full_url.partition('#')
        self.fragment = self.fragment or None
        self.type, rest = _split_type(self._full_url)
        if self.type is None:
            raise ValueError("unknown url type: %r" % self.full_url)
        self.host, self.selector = _split_host(rest)
        if self.host:
            self.host = unquote(self.host)

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            if self.has_header("Content-length"):
                self.remove_header("Content-length")

    def get_method(self):
        """'POST' with data, else 'GET' (unless method= was given)."""
        default = "POST" if self.data is not None else "GET"
        return getattr(self, 'method', default)

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers or header_name in self.unredirected_hdrs

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        return list({**self.unredirected_hdrs, **self.headers}.items())


class OpenerDirector:
    """Opens URLs with the http:// handler; addheaders go into every request."""

    max_repeats = 4
    max_redirections = 10
    inf_msg = ("The HTTP server returned a redirect error that would "
               "lead to an infinite loop.\nThe last 30x error message was:\n")

    def __init__(self):
        self.addheaders = [('User-agent', 'Python-urllib/' + __version__)]

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        req = fullurl if not isinstance(fullurl, str) else Request(fullurl, data)
        if isinstance(fullurl, str) or data is not None:
            req.data = data
        req.timeout = timeout
        visited = {}
        while True:
            response = self._open_once(req)
            code = response.status
            if 200 <= code < 300:
                return response
            if code in (301, 302, 303, 307, 308):
                req = self._redirect(req, response, visited)
                continue
            raise HTTPError(req.full_url, code, response.msg, response.headers, response)

    def _prepare(self, req):
        """Add the headers CPython's http handler adds; check the data."""
        data = req.data
        if data is not None:
            if isinstance(data, str):
                raise TypeError("POST data should be bytes, an iterable of bytes, "
                                "or a file object. It cannot be of type str.")
            if not req.has_header('Content-type'):
                req.add_unredirected_header('Content-type', 'application/x-www-form-urlencoded')
            if not req.has_header('Content-length') and not req.has_header('Transfer-encoding'):
                length = memoryview(data).nbytes if isinstance(data, (bytes, bytearray, memoryview)) else None
                if length is not None:
                    req.add_unredirected_header('Content-length', '%d' % length)
                else:
                    req.add_unredirected_header('Transfer-encoding', 'chunked')
        if not req.has_header('Host'):
            req.add_unredirected_header('Host', req.host)
        for name, value in self.addheaders:
            if not req.has_header(name.capitalize()):
                req.add_unredirected_header(name, value)

    def _open_once(self, req):
        """Send `req` over a new connection; returns the response."""
        if req.type != 'http':
            raise URLError('unknown url type: %s' % req.type)
        if not req.host:
            raise URLError('no host given')
        self._prepare(req)
        conn = http.client.HTTPConnection(req.host, timeout=req.timeout)
        headers = dict(req.unredirected_hdrs)
        headers.update({k: v for k, v in req.headers.items() if k not in headers})
        headers["Connection"] = "close"
        headers = {name.title(): value for name, value in headers.items()}
        try:
            try:
                conn.request(req.get_method(), req.selector, req.data, headers)
            except OSError as err:
                raise URLError(err)
            response = conn.getresponse()
        except:
            conn.close()
            raise
        response.url = req.get_full_url()
        response.msg = response.reason
        return response

    def _redirect(self, req, response, visited):
        """The Request a 30x response points to (HTTPError when not allowed)."""
        code, msg, headers = response.status, response.msg, response.headers
        newurl = headers.get("location") or headers.get("uri")
        if newurl is None:
            raise HTTPError(req.full_url, code, msg, headers, response)
        parts = urlparse(newurl)
        if parts.scheme not in ('http', 'https', 'ftp', ''):
            raise HTTPError(newurl, code, "%s - Redirection to url '%s' is not allowed"
                            % (msg, newurl), headers, response)
        if not parts.path and parts.netloc:
            parts = parts._replace(path='/')
            newurl = urlunparse(parts)
        newurl = quote(newurl, encoding="iso-8859-1", safe=string.punctuation)
        newurl = urljoin(req.full_url, newurl)
        method = req.get_method()
        if not ((code in (301, 302, 303, 307, 308) and method in ("GET", "HEAD")) or
                (code in (301, 302, 303) and method == "POST")):
            raise HTTPError(req.full_url, code, msg, headers, response)
        if visited.get(newurl, 0) >= self.max_repeats or len(visited) >= self.max_redirections:
            raise HTTPError(req.full_url, code, self.inf_msg + msg, headers, response)
        visited[newurl] = visited.get(newurl, 0) + 1
        response.read()
        response.close()
        newheaders = {k: v for k, v in req.headers.items()
                      if k.lower() not in ("content-length", "content-type")}
        new = Request(newurl.replace(' ', '%20'), method="HEAD" if method == "HEAD" else "GET",
                      headers=newheaders, origin_req_host=req.origin_req_host,
                      unverifiable=True)
        new.timeout = req.timeout
        return new


def build_opener(*handlers):
    """An OpenerDirector (handler arguments are not supported and ignored)."""
    return OpenerDirector()


_opener = None


def install_opener(opener):
    """Make urlopen() use `opener`."""
    global _opener
    _opener = opener


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *, cafile=None,
            capath=None, cadefault=False, context=None):
    """Open an http:// URL (a str or a Request); returns the response."""
    global _opener
    if _opener is None:
        _opener = OpenerDirector()
    return _opener.open(url, data, timeout)


_url_tempfiles = []


def urlretrieve(url, filename=None, reporthook=None, data=None):
    """Download `url` into `filename` (a new temporary file by default).
    Returns (filename, headers)."""
    with urlopen(url, data) as response:
        headers = response.info()
        if filename is None:
            filename = '/tmp/minipy-urlretrieve-%d-%d' % (os.getpid(), len(_url_tempfiles))
            _url_tempfiles.append(filename)
        size = int(headers.get("Content-Length", -1))
        read = 0
        blocknum = 0
        bs = 1024 * 8
        with open(filename, 'wb') as out:
            if reporthook:
                reporthook(blocknum, bs, size)
            while True:
                block = response.read(bs)
                if not block:
                    break
                read += len(block)
                out.write(block)
                blocknum += 1
                if reporthook:
                    reporthook(blocknum, bs, size)
    if size >= 0 and read < size:
        raise ContentTooShortError("retrieval incomplete: got only %i out of %i bytes"
                                   % (read, size), (filename, headers))
    return filename, headers


def urlcleanup():
    """Remove the temporary files urlretrieve() made."""
    for name in _url_tempfiles:
        try:
            os.unlink(name)
        except OSError:
            pass
    del _url_tempfiles[:]
    global _opener
    _opener = None
