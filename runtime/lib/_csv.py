"""The CSV parser and writer behind the csv module.

minipy's _csv (CPython: Modules/_csv.c), in Python.  The reader is the
same state machine as CPython's, run character by character only for
lines that need it: a line without quote or escape characters is split
directly, which gives the same fields much faster.
"""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = '_csv'


def _set_char(name, value, default, allow_none):
    # A one-character str attribute (or None when allowed).
    if value is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be string, not NoneType' % name)
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s'
                            % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


_NOT_GIVEN = object()


class Dialect:
    """The formatting parameters of a reader or writer (read-only)."""

    __slots__ = ('_delimiter', '_quotechar', '_escapechar', '_doublequote',
                 '_skipinitialspace', '_lineterminator', '_quoting', '_strict')

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in ('delimiter', 'doublequote', 'escapechar',
                         'lineterminator', 'quotechar', 'quoting',
                         'skipinitialspace', 'strict'):
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            # An existing Dialect with no overrides is shared.
            if type(dialect) is Dialect and not kwargs and cls is Dialect:
                return dialect
        self = object.__new__(cls)

        def get(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None:
                return getattr(dialect, name, default)
            return default

        delimiter = get('delimiter', ',')
        doublequote = get('doublequote', True)
        escapechar = get('escapechar', None)
        lineterminator = get('lineterminator', '\r\n')
        quotechar = get('quotechar', '"')
        quoting = get('quoting', _NOT_GIVEN)
        skipinitialspace = get('skipinitialspace', False)
        strict = get('strict', False)

        if quoting is _NOT_GIVEN:
            quoting = QUOTE_MINIMAL
        if quotechar is None and 'quoting' not in kwargs:
            # As CPython: quotechar=None without an explicit quoting
            # argument means QUOTE_NONE, whatever the base dialect says.
            quoting = QUOTE_NONE
        self._delimiter = _set_char('delimiter', delimiter, ',', False)
        self._quotechar = _set_char('quotechar', quotechar, '"', True)
        self._escapechar = _set_char('escapechar', escapechar, None, True)
        self._doublequote = bool(doublequote)
        self._skipinitialspace = bool(skipinitialspace)
        self._strict = bool(strict)
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self._lineterminator = lineterminator
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        self._quoting = quoting
        if quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        return self

    delimiter = property(lambda self: self._delimiter)
    quotechar = property(lambda self: self._quotechar)
    escapechar = property(lambda self: self._escapechar)
    doublequote = property(lambda self: self._doublequote)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    lineterminator = property(lambda self: self._lineterminator)
    quoting = property(lambda self: self._quoting)
    strict = property(lambda self: self._strict)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' instances")


Dialect.__module__ = '_csv'


def _call_dialect(dialect, kwargs):
    if dialect is None:
        return Dialect(**kwargs)
    return Dialect(dialect, **kwargs)


def register_dialect(name, dialect=None, **fmtparams):
    """Register a dialect under a name (a Dialect, a class with the
    attributes, or keyword parameters)."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _call_dialect(dialect, fmtparams)


def unregister_dialect(name):
    """Forget a registered dialect."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """The dialect registered under name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """The names of the registered dialects."""
    return list(_dialects)


def field_size_limit(*args):
    """The maximum field size the reader accepts; with an argument, set
    it and return the old limit."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        new_limit = args[0]
        if not isinstance(new_limit, int):
            raise TypeError("limit must be an integer")
        _field_limit = new_limit
    return old


# Reader states (the names of _csv.c).
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
 ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL,
 AFTER_ESCAPED_CRNL) = range(9)

_EOL = None   # the end-of-line marker fed after each line


def _chars_and_eol(line, _chain=__import__('itertools').chain, _eol=(_EOL,)):
    return _chain(line, _eol)


class Reader:
    """Iterator over the records (lists of fields) of an iterable of
    lines."""

    def __init__(self, iterable, dialect):
        self._input = iter(iterable)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        line = next(self._input)   # StopIteration ends the iteration
        if not isinstance(line, str):
            raise Error("iterator should return strings, not %s "
                        "(the file should be opened in text mode)"
                        % type(line).__name__)
        self.line_num += 1
        d = self.dialect
        # Fast path: a line the state machine would just split at the
        # delimiters (no quote or escape characters, no embedded newline).
        q = d._quotechar
        e = d._escapechar
        if ((q is None or d._quoting == QUOTE_NONE or q not in line) and
                (e is None or e not in line)):
            body = line.rstrip('\r\n')
            if '\r' not in body and '\n' not in body:
                if not body:
                    return []
                fields = body.split(d._delimiter)
                if d._skipinitialspace:
                    fields = [f.lstrip(' ') for f in fields]
                if len(body) <= _field_limit or \
                        all(len(f) <= _field_limit for f in fields):
                    if d._quoting == QUOTE_NONNUMERIC:
                        fields = [float(f) if f else f for f in fields]
                    return fields
        if (e is None and d._doublequote and not d._strict and q is not None
                and d._quoting != QUOTE_NONE):
            fields = self._split_quoted(line)
            if fields is not None:
                return fields
        # The general case: run the state machine over as many lines as
        # the record spans.
        self._fields = []
        self._field = []
        self._numeric = False
        self._state = START_RECORD
        while True:
            self._process_line(line)
            if self._state == START_RECORD:
                break
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == IN_QUOTED_FIELD:
                    if d._strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
        fields = self._fields
        self._fields = None
        return fields

    def _split_quoted(self, line):
        # A one-line record with quoted fields, split with str.find (same
        # result as the state machine); None when the record needs the
        # state machine (a quote left open, an embedded newline ...).
        d = self.dialect
        body = line.rstrip('\r\n')
        if '\r' in body or '\n' in body:
            return None
        q = d._quotechar
        delim = d._delimiter
        skipspace = d._skipinitialspace
        nonnumeric = d._quoting == QUOTE_NONNUMERIC
        limit = _field_limit
        n = len(body)
        pos = 0
        fields = []
        while True:
            if skipspace:
                while pos < n and body[pos] == ' ':
                    pos += 1
            if pos < n and body[pos] == q:
                parts = []
                pos += 1
                while True:
                    j = body.find(q, pos)
                    if j < 0:
                        return None          # continues on the next line
                    parts.append(body[pos:j])
                    if j + 1 < n and body[j + 1] == q:
                        parts.append(q)      # a doubled quote
                        pos = j + 2
                        continue
                    pos = j + 1
                    break
                if pos < n and body[pos] != delim:
                    # Text after the closing quote belongs to the field.
                    k = body.find(delim, pos)
                    if k < 0:
                        k = n
                    parts.append(body[pos:k])
                    pos = k
                field = ''.join(parts)
            else:
                k = body.find(delim, pos)
                if k < 0:
                    k = n
                field = body[pos:k]
                pos = k
                if nonnumeric and field:
                    field = float(field)
            if not isinstance(field, float) and len(field) > limit:
                return None
            fields.append(field)
            if pos >= n:
                return fields
            pos += 1                         # skip the delimiter
            if pos >= n:
                fields.append('')            # a trailing empty field
                return fields

    def _process_line(self, line):
        # Feed the characters of one line, then the end-of-line marker, to
        # the state machine (CPython's parse_process_char, with the state
        # kept in locals for speed).
        d = self.dialect
        delim = d._delimiter
        quotechar = d._quotechar
        escapechar = d._escapechar
        quote_none = d._quoting == QUOTE_NONE
        nonnumeric = d._quoting == QUOTE_NONNUMERIC
        doublequote = d._doublequote
        skipspace = d._skipinitialspace
        strict = d._strict
        limit = _field_limit
        state = self._state
        field = self._field
        fields = self._fields
        numeric = self._numeric

        def save():
            nonlocal field, numeric
            text = ''.join(field)
            field = []
            if numeric:
                numeric = False
                text = float(text)
            fields.append(text)

        def too_long():
            raise Error("field larger than field limit (%d)" % limit)

        for c in _chars_and_eol(line):
            if state == START_RECORD:
                if c is _EOL:
                    continue
                if c == '\n' or c == '\r':
                    state = EAT_CRNL
                    continue
                state = START_FIELD
            if state == START_FIELD:
                if c is _EOL or c == '\n' or c == '\r':
                    save()
                    state = START_RECORD if c is _EOL else EAT_CRNL
                elif c == quotechar and not quote_none:
                    state = IN_QUOTED_FIELD
                elif c == escapechar:
                    state = ESCAPED_CHAR
                elif c == ' ' and skipspace:
                    pass
                elif c == delim:
                    save()
                else:
                    if nonnumeric:
                        numeric = True
                    if len(field) >= limit:
                        too_long()
                    field.append(c)
                    state = IN_FIELD
            elif state == IN_FIELD or state == AFTER_ESCAPED_CRNL:
                if state == AFTER_ESCAPED_CRNL and c is _EOL:
                    continue
                if c is _EOL or c == '\n' or c == '\r':
                    save()
                    state = START_RECORD if c is _EOL else EAT_CRNL
                elif c == escapechar:
                    state = ESCAPED_CHAR
                elif c == delim:
                    save()
                    state = START_FIELD
                else:
                    if len(field) >= limit:
                        too_long()
                    field.append(c)
                    state = IN_FIELD
            elif state == IN_QUOTED_FIELD:
                if c is _EOL:
                    pass
                elif c == escapechar:
                    state = ESCAPE_IN_QUOTED_FIELD
                elif c == quotechar and not quote_none:
                    state = QUOTE_IN_QUOTED_FIELD if doublequote else IN_FIELD
                else:
                    if len(field) >= limit:
                        too_long()
                    field.append(c)
            elif state == ESCAPED_CHAR:
                if c == '\n' or c == '\r':
                    if len(field) >= limit:
                        too_long()
                    field.append(c)
                    state = AFTER_ESCAPED_CRNL
                    continue
                if c is _EOL:
                    c = '\n'
                if len(field) >= limit:
                    too_long()
                field.append(c)
                state = IN_FIELD
            elif state == ESCAPE_IN_QUOTED_FIELD:
                if c is _EOL:
                    c = '\n'
                if len(field) >= limit:
                    too_long()
                field.append(c)
                state = IN_QUOTED_FIELD
            elif state == QUOTE_IN_QUOTED_FIELD:
                if not quote_none and c == quotechar:
                    if len(field) >= limit:
                        too_long()
                    field.append(c)            # "" inside quotes is one "
                    state = IN_QUOTED_FIELD
                elif c == delim:
                    save()
                    state = START_FIELD
                elif c is _EOL or c == '\n' or c == '\r':
                    save()
                    state = START_RECORD if c is _EOL else EAT_CRNL
                elif not strict:
                    if len(field) >= limit:
                        too_long()
                    field.append(c)
                    state = IN_FIELD
                else:
                    raise Error("'%c' expected after '%c'" % (delim, quotechar))
            elif state == EAT_CRNL:
                if c == '\n' or c == '\r':
                    pass
                elif c is _EOL:
                    state = START_RECORD
                else:
                    raise Error("new-line character seen in unquoted field - do "
                                "you need to open the file in universal-newline mode?")
        self._state = state
        self._field = field
        self._numeric = numeric


Reader.__name__ = Reader.__qualname__ = 'reader'
Reader.__module__ = '_csv'


def _is_number(x):
    t = type(x)
    return (isinstance(x, (int, float, complex)) or hasattr(t, '__index__')
            or hasattr(t, '__int__') or hasattr(t, '__float__'))


class Writer:
    """Writes records (iterables of fields) as delimited lines."""

    def __init__(self, fileobj, dialect):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = dialect
        # The characters that force quoting or escaping.
        self._specials = frozenset(c for c in (dialect._delimiter,
                                               dialect._quotechar,
                                               dialect._escapechar) if c) | \
            frozenset(dialect._lineterminator)

    def _field(self, field, quoted, out):
        # Append the text of one field, quoted and escaped as needed.
        d = self.dialect
        lt = d._lineterminator
        chars = []
        for c in field:
            want_escape = False
            if c == d._delimiter or c == d._escapechar or c == d._quotechar or c in lt:
                if d._quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d._quotechar:
                        if d._doublequote:
                            chars.append(d._quotechar)
                        else:
                            want_escape = True
                    elif c == d._escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d._escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    chars.append(d._escapechar)
            chars.append(c)
        text = ''.join(chars)
        if quoted:
            text = d._quotechar + text + d._quotechar
        out.append(text)

    def writerow(self, row):
        """Write one record; returns what the file's write() returns."""
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        specials = self._specials
        quoting = d._quoting
        out = []
        for field in fields:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = quoting == QUOTE_ALL
            if field is None:
                text = ''
            elif type(field) is str:
                text = field
            else:
                text = str(field)
            if not quoted and specials.isdisjoint(text):
                out.append(text)
            else:
                self._field(text, quoted, out)
        if len(out) == 1 and out[0] == '':
            # A record of one empty field must be quoted, or it would read
            # back as an empty record.
            if quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            out[0] = d._quotechar * 2
        return self._write(d._delimiter.join(out) + d._lineterminator)

    def writerows(self, rows):
        """Write every record of an iterable."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = 'writer'
Writer.__module__ = '_csv'


def reader(csvfile, dialect='excel', **fmtparams):
    """An iterator over the records of csvfile (any iterable of lines; open
    files with newline='')."""
    return Reader(csvfile, _call_dialect(dialect, fmtparams))


def writer(fileobj, dialect='excel', **fmtparams):
    """An object writing records to fileobj (anything with write())."""
    return Writer(fileobj, _call_dialect(dialect, fmtparams))
