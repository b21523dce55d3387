"""Extract, format and print Python tracebacks, as CPython 3.11 does.

minipy's version of CPython's Lib/traceback.py.  The hard part, turning a
traceback entry into

      File "x.py", line 4, in f
        return x[1] + 2
               ~^^^

(source line and 3.11's ~~^^ markers) is done in C by
_minipy.format_exception, the same code that prints uncaught exceptions.
To format only the entries of a traceback `tb` we hand it a fresh
exception whose __traceback__ is `tb` and keep the entry lines of the
report.  Everything else (chained exceptions, the "ValueError: msg" line,
SyntaxError's caret line, limits, files) is plain Python below.

minipy differences: traceback entries may have no frame (tb.tb_frame is
None); we read tb.tb_code instead.  Entries of library modules frozen into
the binary show "<frozen NAME>" and no source line, like CPython's own
frozen modules.
"""

import sys
import _minipy

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")

_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")

_sentinel = object()


# -- frame summaries -------------------------------------------------------------------

class FrameSummary:
    """One entry of a stack or traceback: filename, lineno, name, line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals', '_text')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._text = None       # the C formatter's text, markers included
        if lookup_line:
            self.line
        self.locals = ({k: repr(v) for k, v in locals.items()}
                       if locals else None)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _minipy.source_line(self.filename, self.lineno) or ''
        return self._line.strip()


def _frame_text(summary):
    """The lines print_tb shows for one FrameSummary."""
    if summary._text is not None:
        return summary._text
    row = ['  File "{}", line {}, in {}\n'.format(
        summary.filename, summary.lineno, summary.name)]
    if summary.line:
        row.append('    {}\n'.format(summary.line))
    if summary.locals:
        for name, value in sorted(summary.locals.items()):
            row.append('    {name} = {value}\n'.format(name=name, value=value))
    return ''.join(row)


class StackSummary(list):
    """A list of FrameSummary objects, oldest call first."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        return _frame_text(frame_summary)

    def format(self):
        """One string per entry; runs of the same entry are shortened to
        "[Previous line repeated N more times]" as CPython does."""
        result = []
        last = None
        count = 0
        for summary in self:
            key = (summary.filename, summary.lineno, summary.name)
            if last is None or key != last:
                if count > 3:
                    result.append(_repeated(count - 3))
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(summary))
        if count > 3:
            result.append(_repeated(count - 3))
        return result


def _repeated(n):
    return f'  [Previous line repeated {n} more time{"s" if n > 1 else ""}]\n'


# -- tracebacks ---------------------------------------------------------------------------

def walk_tb(tb):
    """Yield (frame, lineno) for each entry of a traceback (frame may be
    None in minipy)."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _tb_code(tb):
    code = getattr(tb, 'tb_code', None)
    if code is None and tb.tb_frame is not None:
        code = tb.tb_frame.f_code
    return code


def _tb_entry_texts(tb):
    """The C formatter's text for each entry of `tb`, one string each.
    The repeated-entry lines it adds become their own strings."""
    if tb is None:
        return []
    carrier = Exception()
    carrier.__traceback__ = tb
    lines = _minipy.format_exception(carrier).splitlines(True)
    # Drop "Traceback (most recent call last):" and the final "Exception".
    lines = lines[1:-1]
    entries = []
    for line in lines:
        if line.startswith('  File ') or line.startswith('  [Previous line'):
            entries.append(line)
        elif entries:
            entries[-1] += line
    return entries


def _limit_entries(entries, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:] if -limit < len(entries) else entries


def extract_tb(tb, limit=None):
    """A StackSummary of the entries of traceback `tb`."""
    summaries = []
    texts = [t for t in _tb_entry_texts(tb) if t.startswith('  File ')]
    # The C text leaves out the 4th and later of a run of identical
    # entries: match texts to entries by their first line, and give the
    # left-out ones the text of the identical entry before them.
    index = 0
    previous = None
    while tb is not None:
        code = _tb_code(tb)
        summary = FrameSummary(code.co_filename, tb.tb_lineno, code.co_name,
                               lookup_line=False)
        head = '  File "{}", line {}, in {}\n'.format(
            summary.filename, summary.lineno, summary.name)
        if index < len(texts) and texts[index].startswith(head):
            summary._text = texts[index]
            index += 1
        elif previous is not None and previous._text is not None \
                and previous._text.startswith(head):
            summary._text = previous._text
        summaries.append(summary)
        previous = summary
        tb = tb.tb_next
    return StackSummary(_limit_entries(summaries, limit))


def format_tb(tb, limit=None):
    """The entries of `tb` as strings, ready to print."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    """Print the entries of traceback `tb` (to sys.stderr by default)."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_list(extracted_list):
    """Format a list of FrameSummary objects or (file, line, name, text)
    tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


# -- stacks (frames still running) -------------------------------------------------

def walk_stack(f):
    """Yield (frame, lineno) from frame `f` out to the outermost call."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_stack(f=None, limit=None):
    """A StackSummary of the calls leading to frame `f` (default: the
    caller), oldest first."""
    if f is None:
        f = sys._getframe().f_back
    summaries = []
    while f is not None:
        code = f.f_code
        summaries.append(FrameSummary(code.co_filename, f.f_lineno, code.co_name,
                                      lookup_line=False))
        f = f.f_back
    summaries.reverse()
    if limit is not None:
        # The limit keeps the innermost entries, as in CPython.
        summaries = summaries[-limit:] if limit > 0 else []
    return StackSummary(summaries)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    """Print the calls that led here (to sys.stderr by default)."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    """Nothing to clear: minipy's traceback entries keep no live frames."""
    pass


# -- exceptions -----------------------------------------------------------------------------

def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def _type_name(etype):
    name = etype.__qualname__
    module = etype.__module__
    if module not in ("__main__", "builtins"):
        if not isinstance(module, str):
            module = "<unknown>"
        name = module + '.' + name
    return name


def _format_syntax_error(value, type_name):
    """The lines of a SyntaxError: where, the line, the ^ markers, the
    message."""
    lines = []
    suffix = ''
    filename = getattr(value, 'filename', None)
    lineno = getattr(value, 'lineno', None)
    if lineno is not None:
        lines.append('  File "{}", line {}\n'.format(filename or "<string>", lineno))
    elif filename is not None:
        suffix = ' ({})'.format(filename)
    text = getattr(value, 'text', None)
    if text is not None:
        rtext = text.rstrip('\n')
        ltext = rtext.lstrip(' \n\f')
        spaces = len(rtext) - len(ltext)
        lines.append('    {}\n'.format(ltext))
        offset = getattr(value, 'offset', None)
        if offset is not None:
            end_offset = getattr(value, 'end_offset', None)
            if end_offset in (None, 0):
                end_offset = offset
            if offset == end_offset or end_offset == -1:
                end_offset = offset + 1
            colno = offset - 1 - spaces
            end_colno = end_offset - 1 - spaces
            if colno >= 0:
                caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                lines.append('    {}{}\n'.format(caretspace, '^' * (end_colno - colno)))
    msg = getattr(value, 'msg', None) or "<no detail available>"
    lines.append("{}: {}{}\n".format(type_name, msg, suffix))
    return lines


def _exception_only_lines(etype, value):
    if etype is None:
        etype = type(value)
    type_name = _type_name(etype)
    if isinstance(value, SyntaxError) and issubclass(etype, SyntaxError):
        lines = _format_syntax_error(value, type_name)
    else:
        text = _safe_string(value, 'exception')
        lines = [f"{type_name}: {text}\n" if text else f"{type_name}\n"]
    notes = getattr(value, '__notes__', None)
    if notes is not None:
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = _safe_string(note, 'note')
                lines.append(note + '\n')
        else:
            lines.append(f"{_safe_string(notes, '__notes__', func=repr)}\n")
    return lines


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of a report: "ValueError: message" (several lines
    for a SyntaxError, then the exception's __notes__)."""
    if value is _sentinel:
        value = exc
    return _exception_only_lines(type(value), value)


def _margin(lines, depth, first=None):
    """Indent each line of each chunk for exception-group depth `depth`
    (nothing at 0), with a "| " margin ("+ " for the first line if given)."""
    if not depth:
        return lines
    out = []
    for chunk in lines:
        text = []
        for line in chunk.splitlines(True):
            text.append(' ' * (2 * depth) + (first or '| ') + line)
            first = None
        out.append(''.join(text))
    return out


def _group_members(value):
    groups = sys.modules.get('_exceptiongroup')
    if groups is None or not isinstance(value, groups.BaseExceptionGroup):
        return None
    return value.exceptions


_GROUP_WIDTH = 15
_GROUP_DEPTH = 10


def _format_chain(value, tb, limit, chain, seen, depth=0, close=None):
    """The report of `value` with traceback `tb`, preceded by the reports
    of its cause or context; exception groups (PEP 654) as CPython draws
    them, each level `depth` indented with a "| " margin."""
    if close is None:
        close = [False]
    lines = []
    seen.add(id(value))
    if chain and value is not None:
        cause = value.__cause__
        context = value.__context__
        if cause is not None and id(cause) not in seen:
            lines += _format_chain(cause, cause.__traceback__, limit, chain, seen, depth, close)
            lines += _margin([_cause_message], depth)
        elif (context is not None and not value.__suppress_context__
              and id(context) not in seen):
            lines += _format_chain(context, context.__traceback__, limit, chain, seen, depth, close)
            lines += _margin([_context_message], depth)
    members = _group_members(value)
    if members is not None and depth > _GROUP_DEPTH:
        return lines + _margin(['... (max_group_depth is %d)\n' % _GROUP_DEPTH], depth)
    if members is not None and depth == 0:
        depth = 1
    own = []
    if tb is not None:
        own.append(('Exception Group ' if members is not None else '')
                   + 'Traceback (most recent call last):\n')
        own += format_tb(tb, limit=limit)
    own += _exception_only_lines(type(value), value)
    first = '+ ' if members is not None and depth == 1 and tb is not None else None
    lines += _margin(own, depth, first)
    if members is None:
        return lines
    pad = ' ' * (2 * depth)
    n = min(len(members), _GROUP_WIDTH)
    close[0] = False
    for i in range(n):
        if i == n - 1:
            close[0] = len(members) <= _GROUP_WIDTH
        lines.append('%s%s+---------------- %d ----------------\n' % (pad, '+-' if i == 0 else '  ', i + 1))
        exc = members[i]
        lines += _format_chain(exc, exc.__traceback__, limit, chain, seen, depth + 1, close)
        if close[0]:
            lines.append(pad + '  +------------------------------------\n')
            close[0] = False
    if len(members) > _GROUP_WIDTH:
        more = len(members) - _GROUP_WIDTH
        lines.append(pad + '  +---------------- ... ----------------\n')
        lines += _margin(['and %d more exception%s\n' % (more, 's' if more > 1 else '')], depth + 1)
        lines.append(pad + '  +------------------------------------\n')
    return lines


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The full report of an exception as a list of strings; "".join()
    of it is exactly what print_exception() prints."""
    value, tb = _parse_value_tb(exc, value, tb)
    return _format_chain(value, tb, limit, chain, set())


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print the full report of an exception (to sys.stderr by default)."""
    value, tb = _parse_value_tb(exc, value, tb)
    if file is None:
        file = sys.stderr
    for line in _format_chain(value, tb, limit, chain, set()):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the report of the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the report of the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


class TracebackException:
    """An exception ready to be formatted later (a small subset of
    CPython's class: from_exception, format, format_exception_only,
    stack, exc_type, __str__)."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self.exc_type = exc_type
        self._value = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.stack = extract_tb(exc_traceback, limit=limit)
        cause = getattr(exc_value, '__cause__', None)
        context = getattr(exc_value, '__context__', None)
        self.__suppress_context__ = getattr(exc_value, '__suppress_context__', False)
        self.__cause__ = None
        self.__context__ = None
        seen = _seen if _seen is not None else set()
        seen.add(id(exc_value))
        if cause is not None and id(cause) not in seen:
            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                limit=limit, _seen=seen)
        if context is not None and id(context) not in seen:
            self.__context__ = TracebackException(type(context), context,
                                                  context.__traceback__,
                                                  limit=limit, _seen=seen)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            self.lineno = str(exc_value.lineno) if exc_value.lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from _exception_only_lines(self.exc_type, self._value)

    def format(self, *, chain=True):
        yield from _format_chain(self._value, self._tb, self._limit, chain, set())

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
