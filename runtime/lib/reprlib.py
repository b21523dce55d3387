"""Size-limited reprs (reprlib.repr) and a guard for recursive reprs.

minipy's version of CPython's Lib/reprlib.py.  Repr() abbreviates long
containers ("[0, 1, 2, 3, 4, 5, ...]"), strings and ints by cutting out
the middle, and nested containers beyond `maxlevel` become "[...]".
recursive_repr() makes a __repr__ return a placeholder when it is
re-entered for the same object on the same thread.
"""

__all__ = ["Repr", "repr", "recursive_repr"]

import builtins
from itertools import islice
from _thread import get_ident


def recursive_repr(fillvalue='...'):
    "Decorator: a __repr__ that returns fillvalue when called recursively."

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self), get_ident()
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        wrapper.__module__ = getattr(user_function, '__module__', None)
        wrapper.__doc__ = getattr(user_function, '__doc__', None)
        wrapper.__name__ = getattr(user_function, '__name__', None)
        wrapper.__qualname__ = getattr(user_function, '__qualname__', None)
        wrapper.__annotations__ = getattr(user_function, '__annotations__', {})
        return wrapper

    return decorating_function


class Repr:
    """Configurable abbreviated reprs: set maxlist, maxstring ... on an
    instance and call its repr()."""

    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        typename = type(x).__name__
        if ' ' in typename:
            typename = '_'.join(typename.split())
        method = getattr(self, 'repr_' + typename, None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            body = self.fillvalue
        else:
            parts = [self.repr1(item, level - 1) for item in islice(x, maxiter)]
            if n > maxiter:
                parts.append(self.fillvalue)
            body = ', '.join(parts)
            if n == 1 and trail:
                right = trail + right
        return '%s%s%s' % (left, body, right)

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        header = "array('%s', [" % x.typecode
        return self._repr_iterable(x, level, header, '])', self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_iterable(_sorted(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_iterable(_sorted(x), level, 'frozenset({', '})',
                                   self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_iterable(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        parts = []
        for key in islice(_sorted(x), self.maxdict):
            keyrepr = self.repr1(key, level - 1)
            valrepr = self.repr1(x[key], level - 1)
            parts.append('%s: %s' % (keyrepr, valrepr))
        if n > self.maxdict:
            parts.append(self.fillvalue)
        return '{%s}' % (', '.join(parts),)

    def repr_str(self, x, level):
        s = builtins.repr(x[:self.maxstring])
        if len(s) > self.maxstring:
            i = max(0, (self.maxstring - 3) // 2)
            j = max(0, self.maxstring - 3 - i)
            s = builtins.repr(x[:i] + x[len(x) - j:])
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s

    def repr_int(self, x, level):
        s = builtins.repr(x)
        if len(s) > self.maxlong:
            i = max(0, (self.maxlong - 3) // 2)
            j = max(0, self.maxlong - 3 - i)
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s

    def repr_instance(self, x, level):
        try:
            s = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        if len(s) > self.maxother:
            i = max(0, (self.maxother - 3) // 2)
            j = max(0, self.maxother - 3 - i)
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s


def _sorted(x):
    try:
        return sorted(x)
    except Exception:
        return list(x)


aRepr = Repr()
repr = aRepr.repr
