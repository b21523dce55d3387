"""urllib.error: the exceptions urllib.request raises.

Models CPython's Lib/urllib/error.py: URLError (an OSError) carries the
reason, e.g. the socket.gaierror of an unknown host, and prints as
"<urlopen error REASON>"; HTTPError is both the error and the response
(status, headers, read()) for a status the opener does not handle.
"""

__all__ = ['URLError', 'HTTPError', 'ContentTooShortError']


class URLError(OSError):
    """A URL could not be opened; .reason says why."""

    def __init__(self, reason, filename=None):
        self.args = reason,
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return '<urlopen error %s>' % self.reason


class HTTPError(URLError):
    """An HTTP error status (404, 500 ...), usable as the response too."""

    def __init__(self, url, code, msg, hdrs, fp):
        self.args = ()
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.filename = self.url = url

    def __str__(self):
        return 'HTTP Error %s: %s' % (self.code, self.msg)

    def __repr__(self):
        return '<HTTPError %s: %r>' % (self.code, self.msg)

    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, headers):
        self.hdrs = headers

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url

    def info(self):
        return self.hdrs

    def read(self, amt=None):
        return self.fp.read(amt) if self.fp is not None else b''

    def readline(self, limit=-1):
        return self.fp.readline(limit) if self.fp is not None else b''

    def close(self):
        if self.fp is not None:
            self.fp.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class ContentTooShortError(URLError):
    """urlretrieve() got less data than the Content-Length announced."""

    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
