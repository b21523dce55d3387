"""Names for the interpreter's built-in types, and a few helpers.

minipy's types module (CPython: Lib/types.py).  Most names are simply
type(some object).  Three classes are defined here in Python because
minipy has no C version of them:

    SimpleNamespace  attribute bag with repr "namespace(a=1)"
    GenericAlias     list[int] and other parameterized generics (PEP 585)
    UnionType        int | str (PEP 604)

new_class / resolve_bases / prepare_class create classes dynamically as a
class statement would.
"""
import sys

__all__ = [
    'FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
    'CellType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
    'BuiltinFunctionType', 'BuiltinMethodType', 'WrapperDescriptorType',
    'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
    'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
    'MemberDescriptorType', 'new_class', 'resolve_bases', 'prepare_class',
    'DynamicClassAttribute', 'coroutine', 'GenericAlias', 'UnionType',
    'EllipsisType', 'NoneType', 'NotImplementedType',
]


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
    FrameType = type(exc.__traceback__.tb_frame)

GetSetDescriptorType = type(FunctionType.__code__)


class _Slotted:
    __slots__ = ('member',)


MemberDescriptorType = type(_Slotted.member)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

async def _coro():
    pass
_coro = _coro()
CoroutineType = type(_coro)
_coro.close()


async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)


del sys, _f, _g, _C, _cell_factory, _Slotted, _coro, _ag


# -- MappingProxyType

_mappingproxy = type(type.__dict__)
try:
    _mappingproxy({})
    MappingProxyType = _mappingproxy
except TypeError:
    # minipy's C mappingproxy cannot be created from Python yet: a
    # read-only wrapper with the same behaviour stands in.
    class MappingProxyType:
        """Read-only proxy of a mapping."""

        __slots__ = ('_mapping',)

        def __init__(self, mapping):
            if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__') \
                    or isinstance(mapping, (list, tuple)):
                raise TypeError("mappingproxy() argument must be a mapping, not %s"
                                % type(mapping).__name__)
            object.__setattr__(self, '_mapping', mapping)

        def __getitem__(self, key):
            return self._mapping[key]

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def __contains__(self, key):
            return key in self._mapping

        def __iter__(self):
            return iter(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def __reversed__(self):
            return reversed(self._mapping)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __eq__(self, other):
            return self._mapping == other

        def __or__(self, other):
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def __repr__(self):
            return 'mappingproxy(%r)' % (self._mapping,)

        def __str__(self):
            return str(self._mapping)

        def __setattr__(self, name, value):
            raise AttributeError("'mappingproxy' object has no attribute %r" % name)

    MappingProxyType.__name__ = MappingProxyType.__qualname__ = 'mappingproxy'
    MappingProxyType.__module__ = 'builtins'


# -- SimpleNamespace

class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _ns_repr_running:
            return name + '(...)'
        _ns_repr_running.add(key)
        try:
            items = ', '.join('%s=%r' % (k, v) for k, v in self.__dict__.items())
        finally:
            _ns_repr_running.discard(key)
        return '%s(%s)' % (name, items)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), (), self.__dict__


_ns_repr_running = set()


# -- dynamic class creation

def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        else:
            new_bases[i + shift:i + shift + 1] = new_base
            shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple
    """
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        if bases:
            meta = type(bases[0])
        else:
            meta = type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


class DynamicClassAttribute:
    """A property that reads through to the class's __getattr__ when looked
    up on the class (used by enum for member attributes like .name)."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    return func


# -- GenericAlias (PEP 585) and UnionType (PEP 604)

def _type_repr(obj):
    # How a type appears inside list[...] or int | str.
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


def _collect_parameters(args):
    # The type variables among args, in order of first appearance.
    params = []
    for arg in args:
        if isinstance(arg, type):
            continue
        if hasattr(arg, '__typing_subst__'):
            if arg not in params:
                params.append(arg)
        else:
            for p in getattr(arg, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


_GA_OWN = frozenset({'__origin__', '__args__', '__parameters__', '__class__',
                     '__mro_entries__', '__reduce_ex__', '__reduce__',
                     '__copy__', '__deepcopy__', '__unpacked__',
                     '__typing_unpacked_tuple_args__'})


class GenericAlias:
    """Represent a PEP 585 generic type

    E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).
    """

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))

    def __repr__(self):
        if len(self.__args__) == 0:
            return f'{_type_repr(self.__origin__)}[()]'
        return (f'{_type_repr(self.__origin__)}'
                f'[{", ".join(_type_repr(a) for a in self.__args__)}]')

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__') and name in _GA_OWN:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'}"
                            f" arguments for {self!r};"
                            f" actual {len(items)}, expected {len(params)}")
        subst = dict(zip(params, items))

        def substitute(arg):
            if arg in subst:
                return subst[arg]
            sub = getattr(arg, '__parameters__', None)
            if sub:
                return arg[tuple(subst.get(p, p) for p in sub)]
            return arg
        return GenericAlias(self.__origin__, tuple(substitute(a) for a in self.__args__))

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | {'__origin__', '__args__', '__parameters__'})


def _union_or(left, right):
    # left | right for types, aliases and None.
    def ok(x):
        return (x is None or isinstance(x, (type, GenericAlias, UnionType))
                or hasattr(x, '__typing_subst__'))
    if not ok(left) or not ok(right):
        return NotImplemented
    args = []
    for x in (left, right):
        for a in (x.__args__ if isinstance(x, UnionType) else (x,)):
            a = NoneType if a is None else a
            if a not in args:
                args.append(a)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    """Represent a PEP 604 union type

    E.g. for int | str
    """

    def __init__(self, args, /):
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a) for a in self.__args__)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


GenericAlias.__module__ = 'types'
UnionType.__module__ = 'types'
