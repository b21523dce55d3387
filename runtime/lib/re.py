"""Support for regular expressions (RE).

minipy's re module (CPython: Lib/re/).  Patterns are compiled and run by
the C module _re (runtime/mod_re.c, runtime/mod_re_parse.c), a
backtracking matcher with Python's syntax:

    .  ^  $  *  +  ?  {m,n}  *? +? ?? {m,n}?  *+ ++ ?+ {m,n}+
    [...]  [^...]  |  (...)  (?:...)  (?P<name>...)  (?P=name)
    (?=...)  (?!...)  (?<=...)  (?<!...)  (?>...)  (?(id)yes|no)
    (?aimsux) (?imsx-imsx:...)  (?#...)
    \\d \\D \\w \\W \\s \\S \\b \\B \\A \\Z  \\1..\\99  \\xhh \\uhhhh \\Uhhhhhhhh

This module holds the Python side: the flags, Pattern and Match objects,
the search loops of findall/finditer/sub/split, and replacement
templates.  Compiled patterns are cached by (type, pattern, flags).
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


# ---------------------------------------------------------------------------
# Flags

class RegexFlag(int):
    """The flags of re.compile: members combine with |, and show as
    re.IGNORECASE|re.MULTILINE."""

    _names = {}     # value -> name, filled below

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        parts = []
        for bit, name in sorted(self._names.items(), key=lambda p: _FLAG_ORDER.index(p[1])):
            if value & bit:
                parts.append('re.' + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return '|'.join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    def __reduce__(self):
        return RegexFlag, (int(self),)

    @property
    def name(self):
        return self._names.get(int(self))

    @property
    def value(self):
        return int(self)


# The order in which CPython's RegexFlag defines (and prints) its members.
_FLAG_ORDER = ['ASCII', 'IGNORECASE', 'LOCALE', 'UNICODE', 'MULTILINE',
               'DOTALL', 'VERBOSE', 'TEMPLATE', 'DEBUG', 'NOFLAG']
RegexFlag._names = {1: 'TEMPLATE', 2: 'IGNORECASE', 4: 'LOCALE', 8: 'MULTILINE',
                    16: 'DOTALL', 32: 'UNICODE', 64: 'VERBOSE', 128: 'DEBUG',
                    256: 'ASCII'}
_ALL_FLAGS = 511
RegexFlag.__module__ = 're'

NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)
for _name in _FLAG_ORDER:
    setattr(RegexFlag, _name, globals()[_name])
del _name


# ---------------------------------------------------------------------------
# Errors

class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the unformatted message), pattern, pos (index in the
    pattern, or None), lineno, colno.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'


# ---------------------------------------------------------------------------
# Match objects

class Match:
    """The result of a successful match: the spans of the whole match and
    of each group."""

    __slots__ = ('_spans', 're', 'string', 'pos', 'endpos', 'lastindex')

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        last = spans[-1]
        self.lastindex = last if last >= 0 else None

    def _index(self, group):
        # A group number or name -> number (IndexError "no such group").
        if isinstance(group, int) or hasattr(type(group), '__index__') and not isinstance(group, (str, bytes)):
            try:
                g = group.__index__()
            except AttributeError:
                raise IndexError("no such group") from None
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        try:
            return self.re.groupindex[group]
        except (KeyError, TypeError):
            raise IndexError("no such group") from None

    def _get(self, g, default=None):
        s, e = self._spans[2 * g], self._spans[2 * g + 1]
        if s < 0 or e < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        """group([group1, ...]) -> str or tuple.

        The text of one or several groups; group 0 is the whole match.
        Groups that did not take part in the match give None.
        """
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        """The texts of all the groups (default for those that did not match)."""
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """A dict of the named groups: name -> text (or default)."""
        return {name: self._get(g, default) for name, g in self.re.groupindex.items()}

    def start(self, group=0):
        """Where the group starts (-1 if it did not match)."""
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        """Where the group ends (-1 if it did not match)."""
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        """(start, end) of the group ((-1, -1) if it did not match)."""
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1])
                     for g in range(self.re.groups + 1))

    @property
    def lastgroup(self):
        """The name of the last matched group, or None."""
        if self.lastindex is None:
            return None
        for name, g in self.re.groupindex.items():
            if g == self.lastindex:
                return name
        return None

    def expand(self, template):
        """The template with its group references (\\1, \\g<name>)
        replaced by this match's groups, as in sub()."""
        return _expand_template(self.re, _compile_template(self.re, template), self)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%.50r>' % (
            self._spans[0], self._spans[1], self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


Match.__module__ = 're'


# ---------------------------------------------------------------------------
# Pattern objects

class Pattern:
    """A compiled regular expression (made by re.compile)."""

    __slots__ = ('_prog', 'pattern', 'flags', 'groups', '_groupindex')

    def __init__(self, prog, pattern, flags):
        self._prog = prog
        self.pattern = pattern
        self.flags = flags
        self.groups = prog.groups
        self._groupindex = prog.groupindex

    @property
    def groupindex(self):
        """A mapping of group names to numbers."""
        import types
        return types.MappingProxyType(self._groupindex)

    def _run(self, string, pos, endpos, mode):
        if endpos is None:
            endpos = len(string)
        spans = self._prog.match(string, pos, endpos, mode)
        if spans is None:
            return None
        n = len(string)
        return Match(self, string, min(max(pos, 0), n), min(endpos, n), spans)

    def match(self, string, pos=0, endpos=None):
        """Match at the start of string[pos:endpos]; a Match or None."""
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """Match all of string[pos:endpos]; a Match or None."""
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=None):
        """The first match anywhere in string[pos:endpos], or None."""
        return self._run(string, pos, endpos, 1)

    def _iter_spans(self, string, pos=0, endpos=None):
        # The span tuples of successive non-overlapping matches (the loop
        # runs in C: after an empty match the next one may not be empty at
        # the same place, so x* on 'ab' matches at 0, 1 and 2).
        return self._prog.scan(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of Match objects for all non-overlapping matches."""
        n = len(string)
        m_pos = min(max(pos, 0), n)
        m_end = n if endpos is None else min(endpos, n)
        for spans in self._iter_spans(string, pos, endpos):
            yield Match(self, string, m_pos, m_end, spans)

    def findall(self, string, pos=0, endpos=None):
        """A list of all non-overlapping matches: the whole matches when the
        pattern has no group, the group texts (or tuples of them) otherwise."""
        return self._prog.findall(string, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split string by the matches; the groups' texts are kept between
        the pieces.  At most maxsplit splits when maxsplit > 0."""
        if maxsplit < 0:
            return [string]
        pieces = []
        last = 0
        n = 0
        for spans in self._iter_spans(string):
            if maxsplit and n >= maxsplit:
                break
            pieces.append(string[last:spans[0]])
            for g in range(1, self.groups + 1):
                s, e = spans[2 * g], spans[2 * g + 1]
                pieces.append(string[s:e] if s >= 0 else None)
            last = spans[1]
            n += 1
        pieces.append(string[last:])
        return pieces

    def subn(self, repl, string, count=0):
        """(new string, number of replacements) of sub()."""
        if callable(repl):
            template = None
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and isinstance(template[0], (str, bytes)):
                literal = template[0]
                template = None
                repl = None
            else:
                literal = None
        pieces = []
        last = 0
        n = 0
        for spans in self._iter_spans(string):
            if count and n >= count:
                break
            pieces.append(string[last:spans[0]])
            if repl is None:
                pieces.append(literal)
            else:
                m = Match(self, string, 0, len(string), spans)
                if template is not None:
                    pieces.append(_expand_template(self, template, m))
                else:
                    value = repl(m)
                    if value is not None:
                        pieces.append(value)
            last = spans[1]
            n += 1
        pieces.append(string[last:])
        return string[0:0].join(pieces), n

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl: a template (\\1,
        \\g<name>) or a function of the Match.  count > 0 limits the number
        of replacements."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return 're.compile(%s, %r)' % (text, RegexFlag(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return _compile, (self.pattern, self.flags)

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


Pattern.__module__ = 're'


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._iter = pattern._iter_spans(string, pos, endpos)
        self._string = string

    def match(self):
        for spans in self._iter:
            return Match(self.pattern, self._string, 0, len(self._string), spans)
        return None

    search = match


# ---------------------------------------------------------------------------
# Replacement templates

_TEMPLATE_ESCAPES = {'a': '\a', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
                     'v': '\v', '\\': '\\'}


def _compile_template(pattern, repl):
    """The replacement text as a list of literal pieces and group numbers."""
    is_bytes = isinstance(repl, (bytes, bytearray))
    if is_bytes:
        text = repl.decode('latin-1')
    elif isinstance(repl, str):
        text = repl
    else:
        raise TypeError("expected str or bytes-like object, got '%s'" % type(repl).__name__)
    if '\\' not in text:
        return [repl]
    items = []
    literal = []
    i = 0
    n = len(text)

    def flush():
        if literal:
            s = ''.join(literal)
            items.append(s.encode('latin-1') if is_bytes else s)
            literal.clear()

    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = text[i]
        if c == 'g':
            if i + 1 >= n or text[i + 1] != '<':
                raise error("missing <", repl, i + 1)
            j = text.find('>', i + 2)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 2)
            name = text[i + 2:j]
            if not name:
                raise error("missing group name", repl, i + 2)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > pattern.groups:
                    raise error("invalid group reference %d" % g, repl, i + 2)
            else:
                if not name.isidentifier():
                    raise error("bad character in group name %r" % name, repl, i + 2)
                try:
                    g = pattern.groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            flush()
            items.append(g)
            i = j + 1
        elif c == '0':
            j = i + 1
            while j < n and j < i + 3 and text[j] in '01234567':
                j += 1
            literal.append(chr(int(text[i:j], 8)))
            i = j
        elif c.isdigit() and c.isascii():
            if (i + 2 < n and c in '01234567' and text[i + 1] in '01234567'
                    and text[i + 2] in '01234567'):
                value = int(text[i:i + 3], 8)
                if value > 0o377:
                    raise error('octal escape value \\%s outside of range 0-0o377'
                                % text[i:i + 3], repl, start)
                literal.append(chr(value))
                i += 3
                continue
            j = i + 1
            if j < n and text[j].isdigit() and text[j].isascii():
                j += 1
            g = int(text[i:j])
            if g > pattern.groups:
                raise error("invalid group reference %d" % g, repl, i)
            flush()
            items.append(g)
            i = j
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error('bad escape %s' % text[start:i + 1], repl, start)
        else:
            literal.append('\\' + c)
            i += 1
    flush()
    return items


def _expand_template(pattern, template, match):
    empty = match.string[0:0]
    parts = []
    for item in template:
        if isinstance(item, int):
            value = match.group(item)
            if value is not None:
                parts.append(value)
        else:
            parts.append(item)
    return empty.join(parts)


# ---------------------------------------------------------------------------
# Module-level functions

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    if isinstance(pattern, str) and flags & LOCALE:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if isinstance(pattern, str) is False and flags & UNICODE:
        raise ValueError("cannot use UNICODE flag with a bytes pattern")
    if flags & UNICODE and flags & ASCII:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    prog = _re.compile(pattern, flags)
    if isinstance(prog, tuple):
        raise error(prog[1], pattern, prog[2])
    compiled = Pattern(prog, pattern, prog.flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    "The Pattern object for a regular expression (cached)."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """A Match if pattern matches at the start of string, else None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A Match if pattern matches the whole string, else None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first Match of pattern anywhere in string, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Replace the matches of pattern in string by repl (a template or a
    function of the Match), count times at most when count > 0."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """sub(), returning (new string, number of replacements)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split string at the matches of pattern (with the groups' texts kept
    in between), at most maxsplit times when maxsplit > 0."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches, as strings (or tuples of the groups)."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Forget the compiled patterns cached by the module functions."
    _cache.clear()


def template(pattern, flags=0):
    "compile() with the TEMPLATE flag (deprecated)."
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning)
    return _compile(pattern, flags | TEMPLATE)


# Characters escape() backslashes: all but ASCII letters, digits and _.
_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """pattern with the regex metacharacters backslashed."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars_map).encode('latin1')
