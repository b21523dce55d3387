"""Helpers for pickle and copy: how to reduce and rebuild objects.

minipy's copyreg (CPython: Lib/copyreg.py).  pickle(type, function)
registers a reduction function in dispatch_table; __newobj__ and
_reconstructor are the constructors that reduce tuples name.

_reduce_ex(obj, protocol) holds the logic of CPython's C
object.__reduce_ex__ for every protocol (CPython's own copyreg._reduce_ex
only covers protocols 0 and 1), and _object_getstate that of
object.__getstate__: minipy's C methods (runtime/object_type.c) call them.
"""

__all__ = ["pickle", "constructor",
           "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function(obj) -> reduce tuple for ob_type."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4, instead of __newobj__ to allow classes with
    keyword-only arguments to be pickled correctly.
    """
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the __slots__ of cls and its bases (private names
    mangled), cached as cls.__slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        if stripped:
                            names.append('_%s%s' % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# -- object.__reduce_ex__ done in Python

# Built-in types whose instances carry C state that a reduction cannot
# rebuild: CPython refuses them with "cannot pickle 'X' object".
_unpicklable_names = frozenset({
    'module', 'generator', 'frame', 'code', 'cell', 'traceback',
    'TextIOWrapper', 'BufferedReader', 'BufferedWriter', 'BufferedRandom',
    'FileIO', 'lock', 'RLock', '_thread.lock', '_thread.RLock',
    'method-wrapper', 'list_iterator', 'dict_keys', 'dict_values',
    'dict_items', 'mappingproxy', 'getset_descriptor', 'member_descriptor',
    'wrapper_descriptor', 'method_descriptor',
})

# Built-in immutable bases whose value must go to __new__.
_value_bases = (int, float, complex, str, bytes, tuple, frozenset)


def _object_getstate(obj):
    """object.__getstate__(): the instance __dict__ itself (None when
    empty), as (dict_or_None, {slot: value}) when slots are set."""
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = d if d else None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


def _default_state(obj):
    return obj.__getstate__()


def _reduce_ex(obj, proto):
    """What CPython's object.__reduce_ex__(proto) computes for classes that
    do not define __reduce__: for proto >= 2
    (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), for
    protocols 0 and 1 CPython's copyreg._reduce_ex:
    (copyreg._reconstructor, (cls, base, base_state)[, state])."""
    cls = type(obj)
    if cls.__name__ in _unpicklable_names or cls.__qualname__ in _unpicklable_names:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    if proto < 2:
        return _reduce_old(obj, cls)
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    kwargs = None
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
        else:
            args = ()
            for base in cls.__mro__:
                if base in _value_bases:
                    args = (base(obj),)
                    break
    state = _default_state(obj)
    if isinstance(obj, bytearray):
        return cls, (bytes(obj),), state
    if isinstance(obj, (set, frozenset)) and not args:
        return cls, (list(obj),), state
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems
    return __newobj__, (cls,) + tuple(args), state, listitems, dictitems


def _reduce_old(obj, cls):
    # The first class of the MRO that is built in (defined in C) decides
    # how the value is rebuilt: object needs nothing, int/str/... their value.
    for base in cls.__mro__:
        if '__module__' not in base.__dict__:
            break
    else:
        base = object
    if base is object:
        base_state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        base_state = base(obj)
    args = (cls, base, base_state)
    getstate = getattr(obj, '__getstate__', None)
    if getstate is None:
        state = getattr(obj, '__dict__', None)
    else:
        if (getattr(cls, '__getstate__', None) is object.__getstate__
                and getattr(obj, '__slots__', None)):
            raise TypeError("a class that defines __slots__ without defining "
                            "__getstate__ cannot be pickled")
        state = getstate()
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


# -- extension codes (used by pickle; kept for compatibility)

_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
