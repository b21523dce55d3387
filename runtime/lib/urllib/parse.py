"""urllib.parse: split URLs into parts, join them, quote and unquote them.

Models CPython's Lib/urllib/parse.py (RFC 3986 with the same leniencies):
urlsplit/urlparse give named tuples with hostname/port/username/password
properties, urlunsplit/urlunparse rebuild a URL, urljoin resolves a
relative reference, quote/unquote (and the _plus forms) percent-encode,
urlencode/parse_qs/parse_qsl handle query strings.  Bytes arguments are
accepted where CPython accepts them (ASCII URLs, bytes results).
"""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn',
                 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync',
               'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# Leading C0 controls and spaces are dropped, tabs and newlines removed
# anywhere (the WHATWG URL standard's rules, as CPython 3.11 applies them).
_C0_OR_SPACE = ''.join(chr(i) for i in range(0x21))
_REMOVED = ('\t', '\r', '\n')


# ---------------------------------------------------------------- results

class _NetlocMixin:
    """The parts of a netloc: user:password@host:port."""
    __slots__ = ()

    def _split_userinfo(self):
        userinfo, at, _ = self.netloc.rpartition(self._at)
        if not at:
            return None, None
        user, colon, password = userinfo.partition(self._colon)
        return user, (password if colon else None)

    def _split_hostinfo(self):
        hostinfo = self.netloc.rpartition(self._at)[2]
        _, bracket, inside = hostinfo.partition(self._lbr)
        if bracket:
            host, _, rest = inside.partition(self._rbr)
            port = rest.partition(self._colon)[2]
        else:
            host, _, port = hostinfo.partition(self._colon)
        return host, (port or None)

    @property
    def username(self):
        return self._split_userinfo()[0]

    @property
    def password(self):
        return self._split_userinfo()[1]

    @property
    def hostname(self):
        host = self._split_hostinfo()[0]
        if not host:
            return None
        name, pct, zone = host.partition(self._pct)
        return name.lower() + pct + zone

    @property
    def port(self):
        port = self._split_hostinfo()[1]
        if port is None:
            return None
        text = port.decode('ascii') if isinstance(port, bytes) else port
        if not (text.isdigit() and text.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        number = int(text)
        if not 0 <= number <= 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class _StrParts(_NetlocMixin):
    __slots__ = ()
    _at, _colon, _lbr, _rbr, _pct = '@', ':', '[', ']', '%'

    def encode(self, encoding='ascii', errors='strict'):
        return self._bytes_class(*(part.encode(encoding, errors) for part in self))


class _BytesParts(_NetlocMixin):
    __slots__ = ()
    _at, _colon, _lbr, _rbr, _pct = b'@', b':', b'[', b']', b'%'

    def decode(self, encoding='ascii', errors='strict'):
        return self._str_class(*(part.decode(encoding, errors) for part in self))


_Defrag = namedtuple('DefragResult', 'url fragment')
_Split = namedtuple('SplitResult', 'scheme netloc path query fragment')
_Parse = namedtuple('ParseResult', 'scheme netloc path params query fragment')


class DefragResult(_Defrag):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url

    def encode(self, encoding='ascii', errors='strict'):
        return DefragResultBytes(*(part.encode(encoding, errors) for part in self))


class SplitResult(_Split, _StrParts):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_Parse, _StrParts):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_Defrag):
    __slots__ = ()

    def geturl(self):
        return self.url + b'#' + self.fragment if self.fragment else self.url

    def decode(self, encoding='ascii', errors='strict'):
        return DefragResult(*(part.decode(encoding, errors) for part in self))


class SplitResultBytes(_Split, _BytesParts):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_Parse, _BytesParts):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


SplitResult._bytes_class = SplitResultBytes
ParseResult._bytes_class = ParseResultBytes
SplitResultBytes._str_class = SplitResult
ParseResultBytes._str_class = ParseResult


def _to_text(args):
    """Decode bytes arguments (ASCII) for the str algorithms; the first
    argument's type decides.  Returns the str arguments and whether the
    caller must encode its result."""
    want_str = isinstance(args[0], str)
    for a in args[1:]:
        if a and isinstance(a, str) != want_str:
            raise TypeError("Cannot mix str and non-str arguments")
    if want_str:
        return args, False
    return tuple(a.decode('ascii', 'strict') if a else '' for a in args), True


# ---------------------------------------------------------------- split

def _split_netloc(url, start=0):
    end = len(url)
    for c in '/?#':
        pos = url.find(c, start)
        if pos >= 0:
            end = min(end, pos)
    return url[start:end], url[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, query, fragment)."""
    (url, scheme), encode = _to_text((url, scheme))
    url = url.lstrip(_C0_OR_SPACE)
    scheme = scheme.strip(_C0_OR_SPACE)
    for c in _REMOVED:
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha() and \
            all(c in scheme_chars for c in url[:colon]):
        scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    result = SplitResult(scheme, netloc, url, query, fragment)
    return result.encode('ascii') if encode else result


def _split_params(path):
    start = path.rfind('/') if '/' in path else 0
    semi = path.find(';', start)
    if semi < 0:
        return path, ''
    return path[:semi], path[semi + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, params, query, fragment)."""
    (url, scheme), encode = _to_text((url, scheme))
    scheme, netloc, path, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    result = ParseResult(scheme, netloc, path, params, query, fragment)
    return result.encode('ascii') if encode else result


def urlunsplit(components):
    """Rebuild a URL from the five parts urlsplit() gives."""
    (scheme, netloc, url, query, fragment), encode = _to_text(tuple(components))
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url += '?' + query
    if fragment:
        url += '#' + fragment
    return url.encode('ascii') if encode else url


def urlunparse(components):
    """Rebuild a URL from the six parts urlparse() gives."""
    (scheme, netloc, url, params, query, fragment), encode = _to_text(tuple(components))
    if params:
        url = url + ';' + params
    result = urlunsplit((scheme, netloc, url, query, fragment))
    return result.encode('ascii') if encode else result


def urljoin(base, url, allow_fragments=True):
    """Resolve `url` relative to `base` (RFC 3986 section 5.2)."""
    if not base:
        return url
    if not url:
        return base
    (base, url), encode = _to_text((base, url))
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)

    def done(result):
        return result.encode('ascii') if encode else result

    if scheme != bscheme or scheme not in uses_relative:
        return done(url)
    if scheme in uses_netloc:
        if netloc:
            return done(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        return done(urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment)))
    if path[:1] == '/':
        segments = path.split('/')
    else:
        directory = bpath.split('/')
        if directory[-1] != '':
            directory.pop()    # drop the base's last segment (a file name)
        segments = directory + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved = []
    for seg in segments:
        if seg == '..':
            if resolved:
                resolved.pop()
        elif seg != '.':
            resolved.append(seg)
    if segments[-1] in ('.', '..'):
        resolved.append('')
    return done(urlunparse((scheme, netloc, '/'.join(resolved) or '/', params, query, fragment)))


def urldefrag(url):
    """Split off the fragment: DefragResult(url without it, fragment)."""
    (url,), encode = _to_text((url,))
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag, defrag = '', url
    result = DefragResult(defrag, frag)
    return result.encode('ascii') if encode else result


def unwrap(url):
    """'<URL:scheme://host/path>' -> 'scheme://host/path'."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


# ---------------------------------------------------------------- quoting

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_HEX = '0123456789ABCDEFabcdef'


def quote_from_bytes(bs, safe='/'):
    """Percent-encode every byte of `bs` that is not safe."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    keep = _ALWAYS_SAFE | frozenset(safe)
    return ''.join(chr(b) if b in keep else '%%%02X' % b for b in bs)


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode a str (encoded first, UTF-8 by default) or bytes;
    letters, digits, '_.-~' and the characters in `safe` stay as they are."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or 'utf-8', errors or 'strict')
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote(), with spaces as '+' (HTML form encoding)."""
    if (isinstance(string, str) and ' ' not in string) or \
            (isinstance(string, bytes) and b' ' not in string):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


def _is_hex2(text):
    return len(text) >= 2 and text[0] in _HEX and text[1] in _HEX


def unquote_to_bytes(string):
    """Decode %XX escapes into bytes."""
    if not string:
        string.split
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    parts = bytes(string).split(b'%')
    out = bytearray(parts[0])
    for part in parts[1:]:
        head = part[:2]
        if len(head) == 2 and all(chr(c) in _HEX for c in head):
            out.append(int(head, 16))
            out += part[2:]
        else:
            out += b'%' + part
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Decode %XX escapes; runs of escaped bytes are decoded together with
    `encoding` (bad sequences become U+FFFD by default)."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    encoding = encoding or 'utf-8'
    errors = errors or 'replace'
    parts = string.split('%')
    out = [parts[0]]
    pending = bytearray()
    for part in parts[1:]:
        if _is_hex2(part):
            pending.append(int(part[:2], 16))
            rest = part[2:]
        else:
            rest = '%' + part
        if rest:
            if pending:
                out.append(pending.decode(encoding, errors))
                pending = bytearray()
            out.append(rest)
    if pending:
        out.append(pending.decode(encoding, errors))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote(), with '+' meaning a space."""
    return unquote(string.replace('+', ' '), encoding, errors)


# ---------------------------------------------------------------- queries

def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """A mapping or sequence of pairs as 'k1=v1&k2=v2' (values quoted with
    quote_via; with doseq, sequence values give one pair per element)."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def q(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    pairs = []
    for k, v in query:
        k = q(k)
        if not doseq or isinstance(v, (str, bytes)):
            pairs.append(k + '=' + q(v))
            continue
        try:
            len(v)
        except TypeError:
            pairs.append(k + '=' + q(v))
        else:
            for item in v:
                pairs.append(k + '=' + q(item))
    return '&'.join(pairs)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    (qs,), encode = _to_text((qs,))
    if isinstance(separator, bytes):
        separator = separator.decode('ascii')
    if not separator or not isinstance(separator, str):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None and max_num_fields < 1 + qs.count(separator):
        raise ValueError('Max number of fields exceeded')
    result = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = unquote(name.replace('+', ' '), encoding=encoding, errors=errors)
            value = unquote(value.replace('+', ' '), encoding=encoding, errors=errors)
            if encode:
                name, value = name.encode('ascii'), value.encode('ascii')
            result.append((name, value))
    return result


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into {name: [values]}."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        result.setdefault(name, []).append(value)
    return result
