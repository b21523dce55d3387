"""BaseExceptionGroup and ExceptionGroup (PEP 654), and the two steps of
`except*` (CPython: Objects/exceptions.c, exceptiongroup_* and
_PyExc_PrepReraiseStar).

minipy writes them in Python and loads this module the first time a
program names one of the classes (vm/eval_helpers.c puts them in builtins
then) or runs an except* clause (CHECK_EG_MATCH, PREP_RERAISE_STAR).
"""
import builtins


def _matcher(condition):
    """A predicate for split()/subgroup(): an exception type, a tuple of
    them, or a callable (other than a class)."""
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected an exception type, a tuple of exception types, "
                    "or a callable (other than a class)")


def _copy_metadata(orig, part):
    part.__traceback__ = orig.__traceback__
    part.__cause__ = orig.__cause__
    part.__context__ = orig.__context__
    notes = getattr(orig, '__notes__', None)
    if notes is not None:
        part.__notes__ = list(notes)


class BaseExceptionGroup(BaseException):
    """A combination of multiple unrelated exceptions."""

    __slots__ = ('_eg_message', '_eg_exceptions')

    def __new__(cls, *args):
        if len(args) != 2:
            raise TypeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)"
                            % len(args))
        message, exceptions = args
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s"
                            % type(message).__name__)
        if isinstance(exceptions, (set, frozenset, dict)) or not hasattr(exceptions, '__getitem__'):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
        if cls is BaseExceptionGroup:
            if all(isinstance(e, Exception) for e in excs):
                cls = ExceptionGroup
        elif issubclass(cls, Exception):
            for e in excs:
                if not isinstance(e, Exception):
                    if cls is ExceptionGroup:
                        raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
                    raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
        self = BaseException.__new__(cls, message, exceptions)
        self._eg_message = message
        self._eg_exceptions = excs
        return self

    def __init__(self, *args, **kwargs):
        BaseException.__init__(self, *args)

    @property
    def message(self):
        """exception message"""
        return self._eg_message

    @property
    def exceptions(self):
        """nested exceptions"""
        return self._eg_exceptions

    def __str__(self):
        n = len(self.exceptions)
        return "%s (%d sub-exception%s)" % (self.message, n, "" if n == 1 else "s")

    def derive(self, excs):
        return BaseExceptionGroup(self.message, excs)

    def _part(self, excs):
        part = self.derive(excs)
        if not isinstance(part, BaseExceptionGroup):
            raise TypeError("derive must return an instance of BaseExceptionGroup")
        _copy_metadata(self, part)
        return part

    def _split(self, match):
        if match(self):
            return self, None
        matched, rest = [], []
        for e in self.exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(match)
                if m is not None:
                    matched.append(m)
                if r is not None:
                    rest.append(r)
            elif match(e):
                matched.append(e)
            else:
                rest.append(e)
        return (self._part(matched) if matched else None,
                self._part(rest) if rest else None)

    def split(self, condition):
        return self._split(_matcher(condition))

    def subgroup(self, condition):
        return self._split(_matcher(condition))[0]

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class ExceptionGroup(BaseExceptionGroup, Exception):
    __slots__ = ()


for _cls in (BaseExceptionGroup, ExceptionGroup):
    _cls.__module__ = 'builtins'
del _cls
builtins.BaseExceptionGroup = BaseExceptionGroup
builtins.ExceptionGroup = ExceptionGroup


def check_eg_match(exc, match_type):
    """CHECK_EG_MATCH: (rest, match) of the handled exception for an
    `except* match_type` clause; match is None when nothing matches."""
    if isinstance(match_type, tuple):
        types = match_type
    else:
        types = (match_type,)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return None, exc
        # A naked exception is wrapped in a group (with no traceback).
        return None, BaseExceptionGroup("", (exc,))
    if isinstance(exc, BaseExceptionGroup):
        match, rest = exc.split(match_type)
        return rest, match
    return exc, None


def _leaf_ids(exc, ids):
    if isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            _leaf_ids(e, ids)
    else:
        ids.add(id(exc))


def _same_metadata(a, b):
    return (getattr(a, '__notes__', None) is getattr(b, '__notes__', None)
            and a.__traceback__ is b.__traceback__
            and a.__cause__ is b.__cause__
            and a.__context__ is b.__context__)


def prep_reraise_star(orig, excs):
    """PREP_RERAISE_STAR: what an except* statement raises at its end, given
    the original exception and the exceptions its clauses raised (plus what
    no clause matched); None when everything was handled."""
    excs = [e for e in excs if e is not None]
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception: only one clause could run.
        return excs[0]
    raised, reraised = [], []
    for e in excs:
        (reraised if _same_metadata(e, orig) else raised).append(e)
    ids = set()
    for e in reraised:
        _leaf_ids(e, ids)
    reraised_eg = orig._split(lambda leaf: id(leaf) in ids)[0] if ids else None
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) > 1:
        return ExceptionGroup("", raised) if all(isinstance(e, Exception) for e in raised) \
            else BaseExceptionGroup("", raised)
    return raised[0]
