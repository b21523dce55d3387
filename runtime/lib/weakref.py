"""Weak references and weak containers -- STRONG in minipy for now.

minipy's weakref (CPython: Lib/weakref.py).  minipy objects cannot be
weakly referenced yet, so every class here keeps its referents alive:

    ref, proxy            return / forward to the object (never dead)
    WeakValueDictionary   a dict (values are not dropped when unused)
    WeakKeyDictionary     a dict (keys are not dropped when unused)
    WeakSet               a set
    WeakMethod            a ref to a bound method
    finalize              runs its callback only when called explicitly
                          (or at interpreter exit when atexit is true and
                          the interpreter supports atexit)

Programs that only use weak references as caches behave the same, just
with more memory; programs that wait for a callback will not see it.
"""

from _weakref import (getweakrefcount, getweakrefs, ref, proxy,
                      CallableProxyType, ProxyType, ReferenceType)
import _collections_abc
import itertools
import sys

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A ref to a bound method (it holds the instance and the function)."""

    __slots__ = ()

    def __init__(self, meth, callback=None):
        try:
            meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        super().__init__(meth, callback)


class WeakValueDictionary(_collections_abc.MutableMapping):
    """Mapping class that references values weakly (strongly in minipy)."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        return self.__class__(self.data)

    __copy__ = copy

    def itervaluerefs(self):
        for value in self.data.values():
            yield ref(value)

    def valuerefs(self):
        return [ref(value) for value in self.data.values()]

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary(_collections_abc.MutableMapping):
    """Mapping class that references keys weakly (strongly in minipy)."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        return self.__class__(self.data)

    __copy__ = copy

    def keyrefs(self):
        return [ref(key) for key in self.data]

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakSet(_collections_abc.MutableSet):
    """A set of objects (held strongly in minipy)."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        return item in self.data

    def add(self, item):
        self.data.add(item)

    def discard(self, item):
        self.data.discard(item)

    def remove(self, item):
        self.data.remove(item)

    def pop(self):
        return self.data.pop()

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def update(self, other):
        for element in other:
            self.add(element)

    def __repr__(self):
        return repr(self.data)

    __hash__ = None


class finalize:
    """finalize(obj, func, *args, **kwargs): func(*args, **kwargs) to run
    once, when the finalizer is called (minipy objects are never
    collected while it holds them, so only explicit calls run it)."""

    __slots__ = ('_obj', '_func', '_args', '_kwargs', 'atexit', '_index')
    _counter = itertools.count()

    def __init__(self, obj, func, /, *args, **kwargs):
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self.atexit = True
        self._index = next(self._counter)

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        if self._func is not None:
            func, args, kwargs = self._func, self._args, self._kwargs
            self._func = self._args = self._kwargs = self._obj = None
            return func(*args, **kwargs)

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        if self._func is not None:
            info = (self._obj, self._func, self._args, self._kwargs)
            self._func = self._args = self._kwargs = self._obj = None
            return info

    def peek(self):
        """If alive then return (obj, func, args, kwargs);
        otherwise return None"""
        if self._func is not None:
            return (self._obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self._func is not None

    def __repr__(self):
        if self._func is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(self._obj).__name__, id(self._obj))
