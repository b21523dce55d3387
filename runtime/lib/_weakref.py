"""Weak references -- minipy stand-ins that hold STRONG references.

minipy has no weak reference support in its object model yet.  These
classes keep the API of CPython's _weakref so that programs using it run:
ref(obj)() returns obj, proxies forward attribute access, and callbacks
are accepted.  The difference: a referent is kept alive by its reference,
so a ref never becomes dead and callbacks never run on their own.
"""

# CPython refuses weak references to instances of these built-in types.
_no_weakref = (int, float, complex, str, bytes, tuple, list, dict, bool,
               type(None), bytearray, type(...), type(NotImplemented))


def _check(obj):
    if type(obj) in _no_weakref:
        raise TypeError("cannot create weak reference to %r object"
                        % type(obj).__name__)


class ReferenceType:
    """ref(object[, callback]) -> a reference to object (strong in minipy)."""

    __slots__ = ('_obj', '__callback__')

    def __init__(self, ob, callback=None, /):
        _check(ob)
        self._obj = ob
        self.__callback__ = callback

    def __call__(self):
        return self._obj

    def __hash__(self):
        return hash(self._obj)

    def __eq__(self, other):
        if isinstance(other, ReferenceType):
            return self._obj == other._obj
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, ReferenceType):
            return self._obj != other._obj
        return NotImplemented

    def __repr__(self):
        return '<weakref at %#x; to %r at %#x>' % (
            id(self), type(self._obj).__name__, id(self._obj))

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


ReferenceType.__name__ = ReferenceType.__qualname__ = 'ReferenceType'
ReferenceType.__module__ = 'weakref'
ref = ReferenceType


class ProxyType:
    """proxy(object[, callback]) -> an object forwarding to object."""

    __slots__ = ('_obj', '_callback')

    def __init__(self, ob, callback=None, /):
        _check(ob)
        object.__setattr__(self, '_obj', ob)
        object.__setattr__(self, '_callback', callback)

    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, '_obj'), name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_obj'), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, '_obj'), name)

    def __repr__(self):
        obj = object.__getattribute__(self, '_obj')
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(object.__getattribute__(self, '_obj'))

    def __bool__(self):
        return bool(object.__getattribute__(self, '_obj'))

    def __len__(self):
        return len(object.__getattribute__(self, '_obj'))

    def __iter__(self):
        return iter(object.__getattribute__(self, '_obj'))

    def __getitem__(self, key):
        return object.__getattribute__(self, '_obj')[key]

    def __setitem__(self, key, value):
        object.__getattribute__(self, '_obj')[key] = value

    def __contains__(self, item):
        return item in object.__getattribute__(self, '_obj')

    def __eq__(self, other):
        return object.__getattribute__(self, '_obj') == other

    __hash__ = None


ProxyType.__module__ = 'weakref'
CallableProxyType = ProxyType


def proxy(ob, callback=None, /):
    return ProxyType(ob, callback)


def getweakrefcount(ob, /):
    return 0


def getweakrefs(ob, /):
    return []


def _remove_dead_weakref(dct, key, /):
    pass
