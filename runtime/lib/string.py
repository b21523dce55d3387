"""Common string constants, capwords(), Template strings and Formatter.

minipy's string module (CPython: Lib/string.py).

    ascii_letters, ascii_lowercase, ascii_uppercase, digits, hexdigits,
    octdigits, punctuation, printable, whitespace
    capwords(s, sep=None)
    Template     $-substitution:  Template('$who likes $what')
    Formatter    str.format's machinery, as overridable methods

Template parses its placeholders by hand (CPython uses a regular
expression); subclasses that change `pattern` or `idpattern` use re.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split s into words with sep (whitespace by default), capitalize each
    word and join them back with sep (a single space by default).
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
# Template

_sentinel_dict = {}

_ID_START = frozenset('_' + ascii_letters)
_ID_CONT = frozenset('_' + ascii_letters + digits)


class _TemplateMeta(type):
    # A subclass that customizes `pattern` or `idpattern` needs the
    # regular-expression parser; the default ones use the hand parser.
    def __init__(cls, name, bases, dct):
        super().__init__(name, bases, dct)
        cls._custom = bases != () and ('pattern' in dct or 'idpattern' in dct or
                       'braceidpattern' in dct or 'flags' in dct or
                       any(getattr(b, '_custom', False) for b in bases))
        if cls._custom:
            import re
            if 'pattern' in dct:
                pattern = dct['pattern']
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = (fr'{delim}(?:(?P<escaped>{delim})|(?P<named>{id})|'
                           fr'{{(?P<braced>{bid})}}|(?P<invalid>))')
            cls.pattern = re.compile(pattern, cls.flags | re.VERBOSE)


class _LazyPattern:
    # Template.pattern for the default syntax: compiled on first access
    # only, so that `import string` does not need the re module.
    def __init__(self):
        self.cache = {}

    def __get__(self, obj, cls):
        key = (cls.delimiter, cls.idpattern, cls.braceidpattern, cls.flags)
        pattern = self.cache.get(key)
        if pattern is not None:
            return pattern
        import re
        delim = re.escape(cls.delimiter)
        id = cls.idpattern
        bid = cls.braceidpattern or cls.idpattern
        pattern = re.compile(fr'{delim}(?:(?P<escaped>{delim})|(?P<named>{id})|'
                             fr'{{(?P<braced>{bid})}}|(?P<invalid>))',
                             cls.flags | re.VERBOSE)
        self.cache[key] = pattern
        return pattern


class Template(metaclass=_TemplateMeta):
    """A string class for supporting $-substitutions."""

    pattern = _LazyPattern()
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2  # re.IGNORECASE

    def __init__(self, template):
        self.template = template

    # -- the default placeholder syntax, parsed by hand

    def _scan(self):
        """Yield (literal, kind, name, start) pieces of the template; kind is
        None (text only), 'escaped', 'named', 'braced' or 'invalid'."""
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        text_start = 0
        while True:
            j = t.find(d, i)
            if j < 0:
                break
            k = j + len(d)
            if t.startswith(d, k):
                yield t[text_start:j], 'escaped', None, j
                i = text_start = k + len(d)
                continue
            if k < n and t[k] in _ID_START:
                e = k + 1
                while e < n and t[e] in _ID_CONT:
                    e += 1
                yield t[text_start:j], 'named', t[k:e], j
                i = text_start = e
                continue
            if k < n and t[k] == '{':
                e = k + 1
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_CONT:
                        e += 1
                    if e < n and t[e] == '}':
                        yield t[text_start:j], 'braced', t[k + 1:e], j
                        i = text_start = e + 1
                        continue
            yield t[text_start:j], 'invalid', None, k
            i = text_start = k
        yield t[text_start:], None, None, n

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, safe):
        if self._custom:
            return self._substitute_re(mapping, safe)
        parts = []
        for literal, kind, name, start in self._scan():
            parts.append(literal)
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind in ('named', 'braced'):
                if safe:
                    try:
                        parts.append(str(mapping[name]))
                    except KeyError:
                        if kind == 'named':
                            parts.append(self.delimiter + name)
                        else:
                            parts.append(self.delimiter + '{' + name + '}')
                else:
                    parts.append(str(mapping[name]))
            elif kind == 'invalid':
                if safe:
                    parts.append(self.delimiter)
                else:
                    self._invalid(start)
        return ''.join(parts)

    def _substitute_re(self, mapping, safe):
        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                if safe:
                    try:
                        return str(mapping[named])
                    except KeyError:
                        return mo.group()
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                if safe:
                    return mo.group()
                self._invalid(mo.start('invalid'))
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self.pattern.sub(convert, self.template)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """The template with each placeholder replaced from mapping and the
        keyword arguments (KeyError for a missing name)."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """Like substitute(), but missing names and stray delimiters are
        left in the result unchanged."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._substitute(mapping, True)

    def is_valid(self):
        """False if the template has an ill-formed placeholder."""
        if self._custom:
            for mo in self.pattern.finditer(self.template):
                if mo.group('invalid') is not None:
                    return False
                if (mo.group('named') is None and mo.group('braced') is None
                        and mo.group('escaped') is None):
                    raise ValueError('Unrecognized named group in pattern',
                                     self.pattern)
            return True
        return all(kind != 'invalid' for _, kind, _, _ in self._scan())

    def get_identifiers(self):
        """The placeholder names, in order of first appearance."""
        ids = []
        if self._custom:
            for mo in self.pattern.finditer(self.template):
                named = mo.group('named') or mo.group('braced')
                if named is not None and named not in ids:
                    ids.append(named)
                elif (named is None and mo.group('invalid') is None
                        and mo.group('escaped') is None):
                    raise ValueError('Unrecognized named group in pattern',
                                     self.pattern)
            return ids
        for _, kind, name, _ in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
        return ids


class _ChainMap:
    # The two-level lookup substitute() needs, without importing collections.
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


########################################################################
# Formatter

def _parse_format(format_string):
    """Split a format string into (literal_text, field_name, format_spec,
    conversion) tuples, as str.format sees it."""
    s = format_string
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                # An escaped brace ends the literal piece, as in CPython.
                literal.append('{')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # A replacement field: find its matching '}'.
            depth = 1
            j = i + 1
            while j < n and depth:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j - 1]
            # field_name[!conversion][:format_spec]; brackets may hide ':' and '!'.
            k = 0
            in_bracket = False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    in_bracket = True
                elif ch == ']':
                    in_bracket = False
                elif not in_bracket and ch in '!:':
                    break
                k += 1
            name = field[:k]
            conversion = None
            spec = ''
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            yield ''.join(literal), name, spec, conversion
            literal = []
            i = j
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)])"""
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key == '':
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format() as a class whose steps can be overridden."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                # '{}' takes the next positional argument; mixing that
                # with explicit numbers is an error.
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """An iterable of (literal_text, field_name, format_spec, conversion)."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """(object, used key) for a field name like 'a.b[0]'."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
