"""Turn objects into bytes and back: minipy's pickle module.

minipy's version of CPython's Lib/pickle.py (the 3.11 format and API),
written for minipy.  The byte stream is the real pickle format, so data
pickled by CPython loads here and the other way round: protocols 0 to 5
are read, and written (default 4, as CPython 3.11).

How it works:
- A pickle is a little program for a stack machine.  Each opcode is one
  byte (MARK '(' starts a group, BININT1 'K' pushes a small int, APPENDS
  'e' extends the list below the mark ...), ending with STOP '.'.
- Writing walks the object graph.  Objects that can be shared or
  recursive (lists, dicts, strings ...) are remembered in a "memo" the
  first time; a second occurrence is written as a GET of its memo index,
  so identity and cycles survive the round trip.
- Functions and classes are written by reference: module name plus
  qualified name, looked up again when loading.  That is why lambdas and
  nested functions cannot be pickled.
- Instances of other classes are written through their reduce value
  (callable, args, state, listitems, dictitems), computed by
  __reduce_ex__/__reduce__ if the class defines them, else the way
  CPython's object.__reduce_ex__ does: NEWOBJ cls(*__getnewargs__()) and
  then BUILD with __getstate__() (by default the instance __dict__).
- Protocol 4 groups the opcodes into frames of about 64 KiB so that a
  reader can fetch a whole frame with one read.

Where things are:
- this file: the API, the exceptions, and the rules that say what any
  object is made of (_describe and the reduction helpers, the part of
  CPython's copyreg that pickle needs);
- _pickle (runtime/mod_pickle.c, mod_pickle_load.c): dumps() and loads()
  in C, which write and read the opcodes and ask _describe about
  anything that is not a built-in value;
- _pickle_pickler.py and _pickle_unpickler.py: Pickler and Unpickler,
  the same machines in Python, for files and for subclasses that
  customize them (persistent_id, dispatch_table, find_class ...).

Error messages and exception types follow CPython's C implementation
(_pickle), which is what `import pickle` gives on CPython.
"""

import sys
from math import frexp as _frexp, ldexp as _ldexp, copysign as _copysign, isinf as _isinf

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL",
           "DEFAULT_PROTOCOL", "PickleBuffer"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""
    __module__ = "_pickle"


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method."""
    __module__ = "_pickle"


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an object,
    such as a security violation."""
    __module__ = "_pickle"


class PickleBuffer:
    """Stand-in for CPython's out-of-band buffer wrapper (unsupported)."""
    def __init__(self, buffer):
        raise NotImplementedError("PickleBuffer is not supported by minipy")


# -- opcodes -------------------------------------------------------------------

MARK = b'('; STOP = b'.'; POP = b'0'; POP_MARK = b'1'; DUP = b'2'
FLOAT = b'F'; INT = b'I'; BININT = b'J'; BININT1 = b'K'; LONG = b'L'
BININT2 = b'M'; NONE = b'N'; PERSID = b'P'; BINPERSID = b'Q'; REDUCE = b'R'
STRING = b'S'; BINSTRING = b'T'; SHORT_BINSTRING = b'U'; UNICODE = b'V'
BINUNICODE = b'X'; APPEND = b'a'; BUILD = b'b'; GLOBAL = b'c'; DICT = b'd'
EMPTY_DICT = b'}'; APPENDS = b'e'; GET = b'g'; BINGET = b'h'; INST = b'i'
LONG_BINGET = b'j'; LIST = b'l'; EMPTY_LIST = b']'; OBJ = b'o'; PUT = b'p'
BINPUT = b'q'; LONG_BINPUT = b'r'; SETITEM = b's'; TUPLE = b't'
EMPTY_TUPLE = b')'; SETITEMS = b'u'; BINFLOAT = b'G'
TRUE = b'I01\n'; FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'; NEWOBJ = b'\x81'; EXT1 = b'\x82'; EXT2 = b'\x83'
EXT4 = b'\x84'; TUPLE1 = b'\x85'; TUPLE2 = b'\x86'; TUPLE3 = b'\x87'
NEWTRUE = b'\x88'; NEWFALSE = b'\x89'; LONG1 = b'\x8a'; LONG4 = b'\x8b'
_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
# protocol 3
BINBYTES = b'B'; SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'; BINUNICODE8 = b'\x8d'; BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'; ADDITEMS = b'\x90'; FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'; STACK_GLOBAL = b'\x93'; MEMOIZE = b'\x94'; FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'; NEXT_BUFFER = b'\x97'; READONLY_BUFFER = b'\x98'

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000


# -- fixed-size numbers (struct-free, so pickle needs no other module) --------------

def _pack_double(x):
    """The 8 big-endian bytes of the IEEE 754 double x (struct.pack('>d'))."""
    if x != x:
        bits = 0x7ff8000000000000
        if _copysign(1.0, x) < 0:
            bits |= 1 << 63
    elif _isinf(x):
        bits = 0xfff0000000000000 if x < 0 else 0x7ff0000000000000
    else:
        sign = 0
        if x < 0 or (x == 0 and _copysign(1.0, x) < 0):
            sign = 1 << 63
            x = -x
        if x == 0:
            bits = sign
        else:
            m, e = _frexp(x)          # x == m * 2**e, 0.5 <= m < 1
            if e >= -1021:            # normal: 1.f * 2**(e-1)
                bits = sign | (e + 1022) << 52 | (int(m * 9007199254740992.0) - 4503599627370496)
            else:                     # subnormal: f * 2**-1074
                bits = sign | int(_ldexp(m, e + 1074))
    return bits.to_bytes(8, 'big')


def _unpack_double(data):
    """Inverse of _pack_double."""
    bits = int.from_bytes(data, 'big')
    exponent = bits >> 52 & 0x7ff
    mantissa = bits & 0xfffffffffffff
    if exponent == 0x7ff:
        x = float('nan') if mantissa else float('inf')
    elif exponent == 0:
        x = _ldexp(float(mantissa), -1074)
    else:
        x = _ldexp(float(mantissa | 0x10000000000000), exponent - 1075)
    return -x if bits >> 63 else x


def encode_long(x):
    """Two's complement little-endian bytes of x, as short as possible
    (b'' for 0): the payload of LONG1/LONG4."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    """Inverse of encode_long."""
    return int.from_bytes(data, 'little', signed=True)


def _raw_unicode_escape(s):
    """str.encode('raw-unicode-escape'), for protocol 0's UNICODE opcode."""
    out = bytearray()
    for ch in s:
        c = ord(ch)
        if c < 256:
            out.append(c)
        elif c < 0x10000:
            out += b'\\u%04x' % c
        else:
            out += b'\\U%08x' % c
    return bytes(out)


def _raw_unicode_unescape(data):
    """bytes.decode('raw-unicode-escape')."""
    out = []
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5c and i + 1 < n and data[i + 1] in (0x75, 0x55):   # \u \U
            width = 4 if data[i + 1] == 0x75 else 8
            out.append(chr(int(data[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(chr(c))
            i += 1
    return ''.join(out)


# -- reduction: how an arbitrary object is taken apart ----------------------------------
# These play the roles of CPython's copyreg module and object.__reduce_ex__.

def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    """Rebuild an instance pickled with protocol 0 or 1 (copyreg's name)."""
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


# copyreg.dispatch_table: reducers for types that need one.
try:
    from copyreg import dispatch_table
except ImportError:
    dispatch_table = {}

def _pickle_complex(c):
    return complex, (c.real, c.imag)

dispatch_table.setdefault(complex, _pickle_complex)

_object_reduce_ex = object.__reduce_ex__
_object_reduce = getattr(object, '__reduce__', None)
_object_getstate = getattr(object, '__getstate__', None)

# Built-in types whose instances (and subclasses' instances) the default
# reduction can rebuild: they take their value from __getnewargs__, or
# (list, dict) from their items, or carry nothing but a __dict__.
_REBUILDABLE_BASES = {object, int, float, complex, str, bytes, tuple, list, dict,
                      set, frozenset, bytearray, BaseException}


def _type_name(t):
    """The C-level name CPython prints for a type: 'module.Name' for the
    built-in types of other modules ('_thread.lock'), else its name."""
    if '__module__' not in t.__dict__:
        module = t.__module__
        if module and module != 'builtins':
            return module + '.' + t.__qualname__
    return t.__name__


def _solid_base(t):
    """The first built-in (C) class in t's MRO: it decides the layout."""
    for klass in t.__mro__:
        if '__module__' not in klass.__dict__:
            return klass
    return object


def _slotnames(cls):
    """Names of the __slots__ of cls and its bases (copyreg._slotnames)."""
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _default_getstate(obj, required):
    """object.__getstate__(): the instance dict (None if empty), plus a
    dict of slot values as (dict, slots) when the class has __slots__."""
    t = type(obj)
    base = _solid_base(t)
    if required and base not in _REBUILDABLE_BASES:
        raise TypeError("cannot pickle %r object" % _type_name(t))
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slots = {}
    for name in _slotnames(t):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


def _getstate(obj, required):
    getstate = getattr(type(obj), '__getstate__', None)
    if getstate is None or getstate is _object_getstate:
        return _default_getstate(obj, required)
    return obj.__getstate__()


def _reduce_newobj(obj):
    """object.__reduce_ex__(2 or more): NEWOBJ and state."""
    t = type(obj)
    args = kwargs = None
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not %s"
                            % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not %s"
                            % type(kwargs).__name__)
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError("__getnewargs__ should return a tuple, not '%s'" % type(args).__name__)
    hasargs = args is not None
    if kwargs:
        func, newargs = __newobj_ex__, (t, args, kwargs)
    else:
        func, newargs = __newobj__, (t,) + (args or ())
    state = _getstate(obj, not (hasargs or isinstance(obj, (list, dict))))
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return func, newargs, state, listitems, dictitems


def _reduce_ex_old(obj, proto):
    """copyreg._reduce_ex: protocols 0 and 1."""
    cls = type(obj)
    for base in cls.__mro__:
        if '__module__' not in base.__dict__:
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError("cannot pickle %r object" % _type_name(cls))
        state = base(obj)
    args = (cls, base, state)
    try:
        getstate = obj.__getstate__
    except AttributeError:
        getstate = None
    if getattr(type(obj), '__getstate__', None) is _object_getstate or getstate is None:
        dict_ = _default_getstate(obj, False)
        if isinstance(dict_, tuple):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled "
                            "with protocol %d" % proto)
    else:
        dict_ = getstate()
    if dict_:
        return _reconstructor, args, dict_
    return _reconstructor, args


def _reduce(obj, proto):
    """obj.__reduce_ex__(proto), as CPython's object.__reduce_ex__ would
    compute it for classes that do not override it."""
    t = type(obj)
    if getattr(t, '__reduce_ex__', _object_reduce_ex) is not _object_reduce_ex:
        return obj.__reduce_ex__(proto)
    reduce = getattr(t, '__reduce__', None)
    if reduce is not None and reduce is not _object_reduce:
        return obj.__reduce__()
    if getattr(t, '__new__', None) is None:
        raise TypeError("cannot pickle %r object" % _type_name(t))
    if proto >= 2:
        return _reduce_newobj(obj)
    return _reduce_ex_old(obj, proto)


# -- finding globals ------------------------------------------------------------------

def _getattribute(obj, name):
    """Follow a dotted qualified name; AttributeError names the first
    missing part as CPython does."""
    top = obj
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, top))
        parent = obj
        obj = getattr(obj, subpath)
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj belongs to ('__main__' if unknown)."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module_name == '__mp_main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# Python 2 names, for protocols 0-2 (the parts of CPython's _compat_pickle
# that concern built-in objects): written with fix_imports, read back.
_PYTHON2_EXCEPTIONS = set("""ArithmeticError AssertionError AttributeError
    BaseException BufferError BytesWarning DeprecationWarning EOFError
    EnvironmentError Exception FloatingPointError FutureWarning GeneratorExit
    IOError ImportError ImportWarning IndentationError IndexError KeyError
    KeyboardInterrupt LookupError MemoryError NameError NotImplementedError
    OSError OverflowError PendingDeprecationWarning ReferenceError RuntimeError
    RuntimeWarning StopIteration SyntaxError SyntaxWarning SystemError SystemExit
    TabError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
    UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
    Warning ZeroDivisionError""".split())
_PYTHON3_OSERRORS = set("""BrokenPipeError ChildProcessError ConnectionAbortedError
    ConnectionError ConnectionRefusedError ConnectionResetError FileExistsError
    FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError
    PermissionError ProcessLookupError TimeoutError""".split())
_REVERSE_BUILTIN_NAMES = {'range': ('__builtin__', 'xrange'), 'chr': ('__builtin__', 'unichr'),
                          'str': ('__builtin__', 'unicode'), 'int': ('__builtin__', 'long'),
                          'zip': ('itertools', 'izip'), 'map': ('itertools', 'imap'),
                          'filter': ('itertools', 'ifilter'),
                          'ModuleNotFoundError': ('exceptions', 'ImportError')}
_REVERSE_IMPORT_MAPPING = {'builtins': '__builtin__', 'copyreg': 'copy_reg',
                           'queue': 'Queue', '_pickle': 'pickle'}
_IMPORT_MAPPING = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
                   'cPickle': 'pickle', 'exceptions': 'builtins'}
_NAME_MAPPING = {('__builtin__', 'xrange'): ('builtins', 'range'),
                 ('__builtin__', 'unichr'): ('builtins', 'chr'),
                 ('__builtin__', 'unicode'): ('builtins', 'str'),
                 ('__builtin__', 'long'): ('builtins', 'int'),
                 ('__builtin__', 'basestring'): ('builtins', 'str'),
                 ('exceptions', 'StandardError'): ('builtins', 'Exception'),
                 ('itertools', 'izip'): ('builtins', 'zip'),
                 ('itertools', 'imap'): ('builtins', 'map'),
                 ('itertools', 'ifilter'): ('builtins', 'filter')}


def _reverse_mapping(module_name, name):
    """The Python 2 spelling of module_name.name."""
    if module_name == 'builtins':
        if name in _REVERSE_BUILTIN_NAMES:
            return _REVERSE_BUILTIN_NAMES[name]
        if name in _PYTHON2_EXCEPTIONS:
            return 'exceptions', name
        if name in _PYTHON3_OSERRORS:
            return 'exceptions', 'OSError'
    return _REVERSE_IMPORT_MAPPING.get(module_name, module_name), name




def _codecs_encode(obj, encoding='utf-8', errors='strict'):
    return obj.encode(encoding, errors)

_codecs_encode.__module__ = '_codecs'
_codecs_encode.__qualname__ = _codecs_encode.__name__ = 'encode'


# Globals that old pickles name but minipy may not have as modules, and
# the other way round (object -> (module, name)) for writing them.
_FALLBACK_GLOBALS = {('copyreg', '_reconstructor'): _reconstructor,
                     ('copyreg', '__newobj__'): __newobj__,
                     ('copyreg', '__newobj_ex__'): __newobj_ex__,
                     ('_codecs', 'encode'): _codecs_encode}
_FALLBACK_NAMES = {id(value): key for key, value in _FALLBACK_GLOBALS.items()}


# -- _describe: what an object that is not a built-in value is made of ------------------
#
# Both picklers (C and Python) write None, bool, int, float, str, bytes,
# bytearray, tuple, list, dict, set and frozenset themselves.  For
# anything else they call _describe(obj, protocol), which answers with
#   (0, module, name)                               write a global
#   (1, func, args, state, listitems, dictitems, state_setter, None)
#                                                   func(*args), then ...
#   (2, cls, args, ...)                             cls.__new__(cls, *args)
#   (3, cls, args, ..., kwargs)                     cls.__new__(cls, *args, **kwargs)
# after which the object is memoized and its items and state written.

def _describe(obj, proto, fix_imports=True, dispatch_table=None, reducer_override=None):
    if reducer_override is not None:
        rv = reducer_override(obj)
        if rv is not NotImplemented:
            return _describe_reduce_value(obj, rv, proto, fix_imports)
    t = type(obj)
    special = _DESCRIBE_BY_TYPE.get(t)
    if special is not None:
        return special(obj, proto, fix_imports)
    table = dispatch_table if dispatch_table is not None else globals()['dispatch_table']
    reduce = table.get(t)
    if reduce is not None:
        rv = reduce(obj)
    elif isinstance(obj, type):
        return _describe_global(obj, None, proto, fix_imports)
    else:
        rv = _reduce(obj, proto)
    return _describe_reduce_value(obj, rv, proto, fix_imports)


def _describe_reduce_value(obj, rv, proto, fix_imports):
    """Check a __reduce__ result and turn it into a description."""
    if isinstance(rv, str):
        return _describe_global(obj, rv, proto, fix_imports)
    if not isinstance(rv, tuple):
        raise PicklingError("__reduce__ must return a string or tuple")
    if not 2 <= len(rv) <= 6:
        raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
    return _describe_reduce(obj, proto, *rv)


def _describe_reduce(obj, proto, func, args, state=None, listitems=None, dictitems=None,
                     state_setter=None):
    if not callable(func):
        raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
    if not isinstance(args, tuple):
        raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
    if listitems is not None and not _is_iterator(listitems):
        raise PicklingError("fourth element of the tuple returned by __reduce__ must be an "
                            "iterator, not %s" % type(listitems).__name__)
    if dictitems is not None and not _is_iterator(dictitems):
        raise PicklingError("fifth element of the tuple returned by __reduce__ must be an "
                            "iterator, not %s" % type(dictitems).__name__)
    if state_setter is not None and not callable(state_setter):
        raise PicklingError("sixth element of the tuple returned by __reduce__ must be a "
                            "function, not %s" % type(state_setter).__name__)
    name = getattr(func, '__name__', '')
    if proto >= 2 and name == '__newobj_ex__':
        cls, args, kwargs = args
        _check_newobj_class(obj, cls, name)
        if proto < 4:
            raise PicklingError("keyword arguments to __new__ need protocol 4")
        return (3, cls, args, state, listitems, dictitems, state_setter, kwargs)
    if proto >= 2 and name == '__newobj__':
        if not args:
            raise PicklingError("__newobj__ arglist is empty")
        _check_newobj_class(obj, args[0], name)
        return (2, args[0], args[1:], state, listitems, dictitems, state_setter, None)
    return (1, func, args, state, listitems, dictitems, state_setter, None)


def _check_newobj_class(obj, cls, name):
    if not hasattr(cls, '__new__'):
        raise PicklingError("args[0] from %s args has no __new__" % name)
    if obj is not None and cls is not obj.__class__:
        raise PicklingError("args[0] from %s args has the wrong class" % name)


def _is_iterator(obj):
    return hasattr(type(obj), '__next__')


def _describe_global(obj, name, proto, fix_imports):
    """A reference to obj by module and qualified name, after checking
    that importing the module and looking the name up gives obj back."""
    known = _FALLBACK_NAMES.get(id(obj))
    if known is not None:
        module_name, name = known
        return (0,) + (_reverse_mapping(module_name, name) if fix_imports and proto < 3
                       else (module_name, name))
    if name is None:
        name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
    if '<locals>' in name.split('.'):
        raise AttributeError("Can't pickle local object %r" % name)
    module_name = whichmodule(obj, name)
    try:
        __import__(module_name)
        module = sys.modules[module_name]
    except Exception:
        raise PicklingError("Can't pickle %r: import of module %r failed" % (obj, module_name)) from None
    try:
        obj2, parent = _getattribute(module, name)
    except AttributeError:
        raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                            % (obj, name, module_name)) from None
    if obj2 is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                            % (obj, module_name, name))
    if proto < 4 and parent is not module:
        # Dotted names need protocol 4; below that, pickle the lookup.
        return (1, getattr, (parent, name.rpartition('.')[2]), None, None, None, None, None)
    if fix_imports and proto < 3:
        module_name, name = _reverse_mapping(module_name, name)
    return (0, module_name, name)


def _describe_type(obj, proto, fix_imports):
    if obj is type(None):
        return (1, type, (None,), None, None, None, None, None)
    if obj is type(NotImplemented):
        return (1, type, (NotImplemented,), None, None, None, None, None)
    if obj is type(...):
        return (1, type, (...,), None, None, None, None, None)
    return _describe_global(obj, None, proto, fix_imports)


def _describe_function(obj, proto, fix_imports):
    return _describe_global(obj, None, proto, fix_imports)


def _describe_builtin(obj, proto, fix_imports):
    owner = getattr(obj, '__self__', None)
    if owner is None or type(owner).__name__ == 'module':
        return _describe_global(obj, obj.__name__, proto, fix_imports)
    return (1, getattr, (owner, obj.__name__), None, None, None, None, None)


def _describe_method(obj, proto, fix_imports):
    return (1, getattr, (obj.__self__, obj.__func__.__name__), None, None, None, None, None)


def _describe_singleton(obj, proto, fix_imports):
    return _describe_global(obj, 'Ellipsis' if obj is ... else 'NotImplemented', proto,
                            fix_imports)


def _describe_bytes(obj, proto, fix_imports):
    # Protocols 0-2 have no bytes opcodes: rebuild with codecs.encode.
    if not obj:
        return (1, bytes, (), None, None, None, None, None)
    return (1, _codecs_encode, (str(obj, 'latin1'), 'latin1'), None, None, None, None, None)


def _describe_bytearray(obj, proto, fix_imports):
    return (1, bytearray, (bytes(obj),) if obj else (), None, None, None, None, None)


def _describe_set(obj, proto, fix_imports):
    return (1, type(obj), (list(obj),), None, None, None, None, None)


def _function_types():
    def f():
        pass
    class C:
        def m(self):
            pass
    return type(f), type(len), type(C().m)

_FunctionType, _BuiltinFunctionType, _MethodType = _function_types()

_DESCRIBE_BY_TYPE = {
    type: _describe_type, _FunctionType: _describe_function,
    _BuiltinFunctionType: _describe_builtin, _MethodType: _describe_method,
    type(...): _describe_singleton, type(NotImplemented): _describe_singleton,
    # Only reached below the protocol that has opcodes for them:
    bytes: _describe_bytes, bytearray: _describe_bytearray,
    set: _describe_set, frozenset: _describe_set,
}

# -- finding globals ------------------------------------------------------------------

def _getattribute(obj, name):
    """Follow a dotted qualified name; AttributeError names the first
    missing part as CPython does."""
    top = obj
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, top))
        parent = obj
        obj = getattr(obj, subpath)
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj belongs to ('__main__' if unknown)."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module_name == '__mp_main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# Python 2 names, for protocols 0-2 (the parts of CPython's _compat_pickle
# that concern built-in objects): written with fix_imports, read back.
_PYTHON2_EXCEPTIONS = set("""ArithmeticError AssertionError AttributeError
    BaseException BufferError BytesWarning DeprecationWarning EOFError
    EnvironmentError Exception FloatingPointError FutureWarning GeneratorExit
    IOError ImportError ImportWarning IndentationError IndexError KeyError
    KeyboardInterrupt LookupError MemoryError NameError NotImplementedError
    OSError OverflowError PendingDeprecationWarning ReferenceError RuntimeError
    RuntimeWarning StopIteration SyntaxError SyntaxWarning SystemError SystemExit
    TabError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
    UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
    Warning ZeroDivisionError""".split())
_PYTHON3_OSERRORS = set("""BrokenPipeError ChildProcessError ConnectionAbortedError
    ConnectionError ConnectionRefusedError ConnectionResetError FileExistsError
    FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError
    PermissionError ProcessLookupError TimeoutError""".split())
_REVERSE_BUILTIN_NAMES = {'range': ('__builtin__', 'xrange'), 'chr': ('__builtin__', 'unichr'),
                          'str': ('__builtin__', 'unicode'), 'int': ('__builtin__', 'long'),
                          'zip': ('itertools', 'izip'), 'map': ('itertools', 'imap'),
                          'filter': ('itertools', 'ifilter'),
                          'ModuleNotFoundError': ('exceptions', 'ImportError')}
_REVERSE_IMPORT_MAPPING = {'builtins': '__builtin__', 'copyreg': 'copy_reg',
                           'queue': 'Queue', '_pickle': 'pickle'}
_IMPORT_MAPPING = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
                   'cPickle': 'pickle', 'exceptions': 'builtins'}
_NAME_MAPPING = {('__builtin__', 'xrange'): ('builtins', 'range'),
                 ('__builtin__', 'unichr'): ('builtins', 'chr'),
                 ('__builtin__', 'unicode'): ('builtins', 'str'),
                 ('__builtin__', 'long'): ('builtins', 'int'),
                 ('__builtin__', 'basestring'): ('builtins', 'str'),
                 ('exceptions', 'StandardError'): ('builtins', 'Exception'),
                 ('itertools', 'izip'): ('builtins', 'zip'),
                 ('itertools', 'imap'): ('builtins', 'map'),
                 ('itertools', 'ifilter'): ('builtins', 'filter')}


def _reverse_mapping(module_name, name):
    """The Python 2 spelling of module_name.name."""
    if module_name == 'builtins':
        if name in _REVERSE_BUILTIN_NAMES:
            return _REVERSE_BUILTIN_NAMES[name]
        if name in _PYTHON2_EXCEPTIONS:
            return 'exceptions', name
        if name in _PYTHON3_OSERRORS:
            return 'exceptions', 'OSError'
    return _REVERSE_IMPORT_MAPPING.get(module_name, module_name), name




# -- the API ------------------------------------------------------------------------------

def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


def _find_class(module, name, proto=4, fix_imports=True):
    """The object module.name, imported on demand (Unpickler.find_class)."""
    if proto < 3 and fix_imports:
        if (module, name) in _NAME_MAPPING:
            module, name = _NAME_MAPPING[(module, name)]
        elif module in _IMPORT_MAPPING:
            module = _IMPORT_MAPPING[module]
    if (module, name) in _FALLBACK_GLOBALS:
        try:
            __import__(module)
        except ImportError:
            return _FALLBACK_GLOBALS[(module, name)]
    __import__(module)
    mod = sys.modules[module]
    try:
        if proto >= 4:
            return _getattribute(mod, name)[0]
        return getattr(mod, name)
    except AttributeError:
        raise AttributeError("Can't get attribute {!r} on {!r}".format(name, mod)) from None


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open binary file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of the object as a bytes object."""
    proto = _check_protocol(protocol)
    if _c_dumps is None:
        sink = _Collect()
        Pickler(sink, proto, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
        return b''.join(sink.parts)
    try:
        return _c_dumps(obj, proto, fix_imports=fix_imports)
    except Exception as e:
        # Hide the pickler's own frames, as CPython's C pickler has none.
        raise e.with_traceback(None)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read and return an object from the pickle data stored in a file."""
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read and return an object from the given pickle data."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if not isinstance(data, bytes):
        data = bytes(data)
    if _c_loads is not None and not buffers:
        try:
            return _c_loads(data, fix_imports=fix_imports, encoding=encoding, errors=errors)
        except NotImplementedError:
            pass    # an opcode only the Python unpickler knows (INST, OBJ, EXT*)
    return Unpickler(_BytesReader(data), fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


class _Collect:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)


class _BytesReader:
    """A bytes object as a file, for the Python Unpickler."""

    def __init__(self, data):
        self._data = data
        self._pos = 0

    def read(self, n=-1):
        end = len(self._data) if n < 0 else self._pos + n
        chunk = self._data[self._pos:end]
        self._pos += len(chunk)
        return chunk

    def readline(self):
        end = self._data.find(b'\n', self._pos)
        end = len(self._data) if end < 0 else end + 1
        chunk = self._data[self._pos:end]
        self._pos = end
        return chunk


try:
    import _pickle
except ImportError:
    _c_dumps = _c_loads = None
else:
    _c_dumps = _pickle.dumps
    _c_loads = _pickle.loads
    # The C module raises the exception classes defined here and calls
    # back the functions that know what objects are made of.
    _pickle.PickleError = PickleError
    _pickle.PicklingError = PicklingError
    _pickle.UnpicklingError = UnpicklingError
    _pickle._describe = _describe
    _pickle._find_class = _find_class

from _pickle_pickler import Pickler
from _pickle_unpickler import Unpickler

# CPython's pickle also exports the pure-Python classes under these names.
_Pickler = Pickler
_Unpickler = Unpickler
_dump, _dumps, _load, _loads = dump, dumps, load, loads
