"""Turn objects into bytes and back: minipy's pickle module.

minipy's version of CPython's Lib/pickle.py (the 3.11 format and API),
written for minipy.  The byte stream is the real pickle format, so data
pickled by CPython loads here and the other way round: protocols 0 to 5
are read, and written (default 4, as CPython 3.11).

How it works:
- A pickle is a little program for a stack machine.  Each opcode is one
  byte (MARK '(' starts a group, BININT1 'K' pushes a small int, APPENDS
  'e' extends the list below the mark ...), ending with STOP '.'.
- Pickler.save(obj) writes the opcodes that rebuild obj.  Objects that can
  be shared or recursive (lists, dicts, strings ...) are remembered in a
  "memo" the first time; a second occurrence is written as a GET of its
  memo index, so identity and cycles survive the round trip.
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


# -- the pickler ----------------------------------------------------------------------

def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)

    Writes pickles to a binary file (anything with a write(bytes) method).
    Output is collected in a bytearray and handed to file.write at each
    frame boundary and at the end of dump()."""

    dispatch = {}

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self.proto = _check_protocol(protocol)
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.bin = self.proto >= 1
        self.fast = 0
        self.fix_imports = fix_imports and self.proto < 3
        self.memo = {}
        self._out = bytearray()
        self._framing = False
        self._frame_start = 0
        self._has_persistent_id = type(self).persistent_id is not Pickler.persistent_id

    def clear_memo(self):
        self.memo.clear()

    def persistent_id(self, obj):
        return None

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, '_out'):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        out = self._out
        if self.proto >= 2:
            out += PROTO + bytes((self.proto,))
        if self.proto >= 4:
            self._start_frame()
        try:
            self.save(obj)
        except Exception as e:
            # Hide the pickler's own frames, as CPython's C pickler has none.
            raise e.with_traceback(None)
        out += STOP
        self._end_frame()
        self._flush()

    # Output and framing.  A frame starts with a 9-byte placeholder that
    # _end_frame fills with FRAME + length (or removes, for tiny frames).

    def _start_frame(self):
        self._framing = True
        self._frame_start = len(self._out)
        self._out += b'\0' * 9

    def _end_frame(self):
        if not self._framing:
            return
        self._framing = False
        out = self._out
        start = self._frame_start
        size = len(out) - start - 9
        if size >= _FRAME_SIZE_MIN:
            out[start:start + 9] = FRAME + size.to_bytes(8, 'little')
        else:
            del out[start:start + 9]

    def _commit_frame(self):
        self._end_frame()
        self._flush()
        self._start_frame()

    def _flush(self):
        if self._out and self._file_write is not None:
            self._file_write(bytes(self._out))
            self._out = bytearray()

    def _write_large(self, header, payload):
        """Big bytes/str payloads go outside frames, in one piece."""
        if self._framing:
            self._end_frame()
            self._out += header
            self._flush()
            self._out += payload
            self._flush()
            self._start_frame()
        else:
            self._out += header
            self._out += payload

    # Memo.

    def memoize(self, obj):
        """Store obj in the memo and emit the opcode that does the same on
        the loading side."""
        if self.fast:
            return
        memo = self.memo
        idx = len(memo)
        self._out += self._put(idx)
        memo[id(obj)] = idx, obj

    def _put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return BINPUT + bytes((idx,))
            return LONG_BINPUT + idx.to_bytes(4, 'little')
        return PUT + repr(idx).encode('ascii') + b'\n'

    def get(self, idx):
        if self.bin:
            if idx < 256:
                return BINGET + bytes((idx,))
            return LONG_BINGET + idx.to_bytes(4, 'little')
        return GET + repr(idx).encode('ascii') + b'\n'

    # The dispatcher.

    def save(self, obj, save_persistent_id=True):
        if self._framing and len(self._out) - self._frame_start >= _FRAME_SIZE_TARGET:
            self._commit_frame()
        t = type(obj)
        # The atoms are never memoized: skip the memo lookup.
        if t is int:
            self.save_long(obj)
            return
        if obj is None:
            self._out += NONE
            return
        if t is bool:
            self.save_bool(obj)
            return
        if t is float:
            self.save_float(obj)
            return
        if save_persistent_id and self._has_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        x = self.memo.get(id(obj))
        if x is not None:
            self._out += self.get(x[0])
            return
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        self._save_reduced(obj, t)

    def _save_reduced(self, obj, t):
        reduce_override = getattr(self, 'reducer_override', None)
        rv = reduce_override(obj) if reduce_override is not None else NotImplemented
        if rv is NotImplemented:
            table = getattr(self, 'dispatch_table', dispatch_table)
            reduce = table.get(t)
            if reduce is not None:
                rv = reduce(obj)
            elif isinstance(obj, type):
                self.save_global(obj)
                return
            else:
                rv = _reduce(obj, self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        n = len(rv)
        if not 2 <= n <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._out += BINPERSID
        else:
            try:
                self._out += PERSID + str(pid).encode('ascii') + b'\n'
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        save = self.save
        func_name = getattr(func, '__name__', '')
        if self.proto >= 2 and func_name == '__newobj_ex__':
            cls, args, kwargs = args
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                self._out += NEWOBJ_EX
            else:
                raise PicklingError("keyword arguments to __new__ need protocol 4")
        elif self.proto >= 2 and func_name == '__newobj__':
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            self._out += NEWOBJ
        else:
            save(func)
            save(args)
            self._out += REDUCE
        if obj is not None:
            # Already memoized: obj is recursive; drop what we built and
            # fetch the memoized copy.
            x = self.memo.get(id(obj))
            if x is not None:
                self._out += POP + self.get(x[0])
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                self._out += BUILD
            else:
                save(state_setter)
                save(obj)
                save(state)
                self._out += TUPLE2 + REDUCE + POP

    # Atoms.

    def save_bool(self, obj):
        if self.proto >= 2:
            self._out += NEWTRUE if obj else NEWFALSE
        else:
            self._out += TRUE if obj else FALSE

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self._out += BININT1 + bytes((obj,))
                    return
                if obj <= 0xffff:
                    self._out += BININT2 + obj.to_bytes(2, 'little')
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self._out += BININT + obj.to_bytes(4, 'little', signed=True)
                return
        if self.proto >= 2:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self._out += LONG1 + bytes((n,)) + encoded
            else:
                self._out += LONG4 + n.to_bytes(4, 'little', signed=True) + encoded
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self._out += INT + repr(obj).encode('ascii') + b'\n'
        else:
            self._out += LONG + repr(obj).encode('ascii') + b'L\n'

    def save_float(self, obj):
        if self.bin:
            self._out += BINFLOAT + _pack_double(obj)
        else:
            self._out += FLOAT + repr(obj).encode('ascii') + b'\n'

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self._out += SHORT_BINBYTES + bytes((n,)) + obj
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large(BINBYTES8 + n.to_bytes(8, 'little'), obj)
        elif n >= _FRAME_SIZE_TARGET:
            self._write_large(BINBYTES + n.to_bytes(4, 'little'), obj)
        else:
            self._out += BINBYTES + n.to_bytes(4, 'little') + obj
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_SIZE_TARGET:
            self._write_large(BYTEARRAY8 + n.to_bytes(8, 'little'), bytes(obj))
        else:
            self._out += BYTEARRAY8 + n.to_bytes(8, 'little') + obj
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            try:
                encoded = obj.encode('utf-8')
            except UnicodeEncodeError:
                encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self._out += SHORT_BINUNICODE + bytes((n,)) + encoded
            elif n > 0xffffffff and self.proto >= 4:
                self._write_large(BINUNICODE8 + n.to_bytes(8, 'little'), encoded)
            elif n >= _FRAME_SIZE_TARGET:
                self._write_large(BINUNICODE + n.to_bytes(4, 'little'), encoded)
            else:
                self._out += BINUNICODE + n.to_bytes(4, 'little') + encoded
        else:
            text = (obj.replace('\\', '\\u005c').replace('\0', '\\u0000')
                    .replace('\n', '\\u000a').replace('\r', '\\u000d').replace('\x1a', '\\u001a'))
            self._out += UNICODE + _raw_unicode_escape(text) + b'\n'
        self.memoize(obj)

    # Containers.

    def save_tuple(self, obj):
        if not obj:
            if self.bin:
                self._out += EMPTY_TUPLE
            else:
                self._out += MARK + TUPLE
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            # A recursive tuple got memoized while its items were saved:
            # drop the items and fetch the memoized one.
            x = memo.get(id(obj))
            if x is not None:
                self._out += POP * n + self.get(x[0])
            else:
                self._out += _tuplesize2code[n]
                self.memoize(obj)
            return
        self._out += MARK
        for element in obj:
            save(element)
        x = memo.get(id(obj))
        if x is not None:
            if self.bin:
                self._out += POP_MARK + self.get(x[0])
            else:
                self._out += POP * (n + 1) + self.get(x[0])
            return
        self._out += TUPLE
        self.memoize(obj)

    def save_list(self, obj):
        if self.bin:
            self._out += EMPTY_LIST
        else:
            self._out += MARK + LIST
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        save = self.save
        if not self.bin:
            for x in items:
                save(x)
                self._out += APPEND
            return
        if type(items) is list:
            # Fast path: slice the list instead of buffering an iterator.
            total = len(items)
            start = 0
            while start < total:
                batch = items[start:start + _BATCHSIZE]
                start += _BATCHSIZE
                if len(batch) > 1:
                    self._out += MARK
                    for x in batch:
                        save(x)
                    self._out += APPENDS
                else:
                    save(batch[0])
                    self._out += APPEND
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                self._out += MARK
                for x in batch:
                    save(x)
                self._out += APPENDS
            elif n:
                save(batch[0])
                self._out += APPEND
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self._out += EMPTY_DICT
        else:
            self._out += MARK + DICT
        self.memoize(obj)
        self._batch_setitems(iter(obj.items()))

    def _batch_setitems(self, items):
        save = self.save
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                self._out += SETITEM
            return
        while True:
            batch = []
            for kv in items:
                batch.append(kv)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                self._out += MARK
                for k, v in batch:
                    save(k)
                    save(v)
                self._out += SETITEMS
            elif n:
                k, v = batch[0]
                save(k)
                save(v)
                self._out += SETITEM
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._out += EMPTY_SET
        self.memoize(obj)
        save = self.save
        it = iter(obj)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 0:
                self._out += MARK
                for item in batch:
                    save(item)
                self._out += ADDITEMS
            if n < _BATCHSIZE:
                return

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._out += MARK
        for item in obj:
            self.save(item)
        x = self.memo.get(id(obj))
        if x is not None:
            # frozensets cannot contain themselves, but an item's reduce
            # value may have pickled the set already.
            self._out += POP_MARK + self.get(x[0])
            return
        self._out += FROZENSET
        self.memoize(obj)

    # References to functions and classes.

    def save_global(self, obj, name=None):
        known = _FALLBACK_NAMES.get(id(obj))
        if known is not None:
            self._save_global_name(obj, *known)
            return
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
        if self.proto < 4 and parent is not module:
            # Dotted names need protocol 4; below that, pickle the lookup.
            self.save_reduce(getattr, (parent, name.rpartition('.')[2]))
            self.memoize(obj)
            return
        self._save_global_name(obj, module_name, name)

    def _save_global_name(self, obj, module_name, name):
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self._out += STACK_GLOBAL
        else:
            if self.fix_imports:
                module_name, name = _reverse_mapping(module_name, name)
            try:
                self._out += (GLOBAL + module_name.encode('ascii') + b'\n'
                              + name.encode('ascii') + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i"
                                    % (module_name, name, self.proto)) from None
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    def save_function(self, obj):
        self.save_global(obj)

    def save_builtin(self, obj):
        owner = getattr(obj, '__self__', None)
        if owner is None or type(owner).__name__ == 'module':
            self.save_global(obj, obj.__name__)
        else:
            self.save_reduce(getattr, (owner, obj.__name__), obj=obj)

    def save_method(self, obj):
        self.save_reduce(getattr, (obj.__self__, obj.__func__.__name__), obj=obj)

    def save_singleton(self, obj):
        self.save_global(obj, 'Ellipsis' if obj is ... else 'NotImplemented')


def _codecs_encode(obj, encoding='utf-8', errors='strict'):
    return obj.encode(encoding, errors)

_codecs_encode.__module__ = '_codecs'
_codecs_encode.__qualname__ = _codecs_encode.__name__ = 'encode'


def _function_types():
    def f():
        pass
    class C:
        def m(self):
            pass
    return type(f), type(len), type(C().m)

_FunctionType, _BuiltinFunctionType, _MethodType = _function_types()

Pickler.dispatch = {
    bytes: Pickler.save_bytes, bytearray: Pickler.save_bytearray, str: Pickler.save_str,
    tuple: Pickler.save_tuple, list: Pickler.save_list, dict: Pickler.save_dict,
    set: Pickler.save_set, frozenset: Pickler.save_frozenset, type: Pickler.save_type,
    _FunctionType: Pickler.save_function, _BuiltinFunctionType: Pickler.save_builtin,
    _MethodType: Pickler.save_method, type(...): Pickler.save_singleton,
    type(NotImplemented): Pickler.save_singleton,
    int: Pickler.save_long, float: Pickler.save_float, bool: Pickler.save_bool,
}


class _BytesSink:
    """The 'file' of dumps(): Pickler leaves its output in the buffer."""
    write = None


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open binary file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of the object as a bytes object."""
    pickler = Pickler(_BytesSink, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)
    pickler.dump(obj)
    return bytes(pickler._out)


# -- the unpickler --------------------------------------------------------------------

class _Truncated(Exception):
    pass


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',
    buffers=())

    Reads one pickle per load() from a binary file (read(n) and
    readline()).  loads() runs the same machine over a bytes object."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        self._file = file
        self._file_read = getattr(file, 'read', None)
        self._file_readline = getattr(file, 'readline', None)
        if self._file_read is None or self._file_readline is None:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._data = b''
        self._pos = 0
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports
        self._buffers = iter(buffers) if buffers is not None else None

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, "
                              "but no persistent_load function was specified.")

    # Input: self._data[self._pos:] is what is buffered; past it we read
    # from the file, but never more than the pickle needs (a file may hold
    # several pickles back to back).

    def _more(self, data, pos, n):
        """Make n bytes available at pos.  Returns (data, pos) with the
        buffered rest first."""
        if self._file_read is None:
            raise _Truncated()
        rest = data[pos:]
        extra = self._file_read(n - len(rest))
        if extra:
            rest += extra
        if len(rest) < n:
            raise _Truncated()
        return rest, 0

    def _line(self, data, pos):
        """Read up to and including a newline.  Returns (line without the
        newline, data, new pos)."""
        end = data.find(b'\n', pos)
        if end >= 0:
            return data[pos:end], data, end + 1
        if self._file_readline is None:
            raise _Truncated()
        rest = data[pos:] + self._file_readline()
        if not rest.endswith(b'\n'):
            raise _Truncated()
        return rest[:-1], b'', 0

    def load(self):
        """Read a pickled object representation from the open file."""
        if not hasattr(self, '_data'):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % type(self).__name__)
        try:
            return self._run()
        except _Truncated:
            if self._first_op:
                raise EOFError("Ran out of input") from None
            raise UnpicklingError("pickle data was truncated") from None

    def _run(self):
        # Locals for speed: the hot opcodes are handled inline, the rest
        # through _dispatch.
        data = self._data
        pos = self._pos
        stack = []
        metastack = []
        memo = self.memo
        self._first_op = True
        while True:
            if pos >= len(data):
                data, pos = self._more(data, pos, 1)
            op = data[pos]
            pos += 1
            self._first_op = False
            if op == 0x4b:                                  # BININT1
                if pos >= len(data):
                    data, pos = self._more(data, pos, 1)
                stack.append(data[pos])
                pos += 1
            elif op == 0x94:                                # MEMOIZE
                memo[len(memo)] = stack[-1]
            elif op == 0x8c:                                # SHORT_BINUNICODE
                if pos >= len(data):
                    data, pos = self._more(data, pos, 1)
                n = data[pos]
                if pos + 1 + n > len(data):
                    data, pos = self._more(data, pos, 1 + n)
                stack.append(str(data[pos + 1:pos + 1 + n], 'utf-8', 'surrogatepass'))
                pos += 1 + n
            elif op == 0x28:                                # MARK
                metastack.append(stack)
                stack = []
            elif op == 0x65:                                # APPENDS
                items = stack
                stack = metastack.pop()
                target = stack[-1]
                if type(target) is list:
                    target.extend(items)
                else:
                    self._appends(target, items)
            elif op == 0x4a:                                # BININT
                if pos + 4 > len(data):
                    data, pos = self._more(data, pos, 4)
                stack.append(int.from_bytes(data[pos:pos + 4], 'little', signed=True))
                pos += 4
            elif op == 0x47:                                # BINFLOAT
                if pos + 8 > len(data):
                    data, pos = self._more(data, pos, 8)
                stack.append(_unpack_double(data[pos:pos + 8]))
                pos += 8
            elif op == 0x85:                                # TUPLE1
                stack[-1] = (stack[-1],)
            elif op == 0x86:                                # TUPLE2
                b = stack.pop()
                stack[-1] = (stack[-1], b)
            elif op == 0x87:                                # TUPLE3
                c = stack.pop()
                b = stack.pop()
                stack[-1] = (stack[-1], b, c)
            elif op == 0x74:                                # TUPLE
                items = tuple(stack)
                stack = metastack.pop()
                stack.append(items)
            elif op == 0x5d:                                # EMPTY_LIST
                stack.append([])
            elif op == 0x7d:                                # EMPTY_DICT
                stack.append({})
            elif op == 0x29:                                # EMPTY_TUPLE
                stack.append(())
            elif op == 0x75:                                # SETITEMS
                items = stack
                stack = metastack.pop()
                d = stack[-1]
                for i in range(0, len(items), 2):
                    d[items[i]] = items[i + 1]
            elif op == 0x68:                                # BINGET
                if pos >= len(data):
                    data, pos = self._more(data, pos, 1)
                idx = data[pos]
                pos += 1
                try:
                    stack.append(memo[idx])
                except KeyError:
                    raise UnpicklingError("Memo value not found at index %d" % idx) from None
            elif op == 0x4e:                                # NONE
                stack.append(None)
            elif op == 0x88:                                # NEWTRUE
                stack.append(True)
            elif op == 0x89:                                # NEWFALSE
                stack.append(False)
            elif op == 0x95:                                # FRAME
                if pos + 8 > len(data):
                    data, pos = self._more(data, pos, 8)
                size = int.from_bytes(data[pos:pos + 8], 'little')
                pos += 8
                if pos + size > len(data):
                    data, pos = self._more(data, pos, size)
            elif op == 0x2e:                                # STOP
                self._data = data
                self._pos = pos
                if self._file_read is not None and pos < len(data):
                    # Never read ahead of the pickle: give back the rest.
                    self._data = data[pos:]
                    self._pos = 0
                if metastack:
                    raise UnpicklingError("unexpected MARK found")
                if not stack:
                    raise UnpicklingError("unpickling stack underflow")
                return stack[-1]
            else:
                handler = _DISPATCH.get(op)
                if handler is None:
                    if op < 128 and chr(op).isprintable():
                        raise UnpicklingError("invalid load key, '%s'." % chr(op))
                    raise UnpicklingError("invalid load key, '\\x%02x'." % op)
                self._stack = stack
                self._metastack = metastack
                data, pos = handler(self, data, pos)
                stack = self._stack

    def _pop_mark(self):
        items = self._stack
        self._stack = self._metastack.pop()
        return items

    def _appends(self, target, items):
        extend = getattr(target, 'extend', None)
        if extend is not None:
            extend(items)
        else:
            for item in items:
                target.append(item)

    def find_class(self, module, name):
        """Return the object module.name (imported on demand)."""
        if self.proto < 3 and self.fix_imports:
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
            if self.proto >= 4:
                return _getattribute(mod, name)[0]
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}".format(name, mod)) from None


# Globals that old pickles name but minipy may not have as modules.
_FALLBACK_GLOBALS = {('copyreg', '_reconstructor'): _reconstructor,
                     ('copyreg', '__newobj__'): __newobj__,
                     ('copyreg', '__newobj_ex__'): __newobj_ex__,
                     ('_codecs', 'encode'): _codecs_encode}


# The same, object -> (module, name), for writing them.
_FALLBACK_NAMES = {id(value): key for key, value in _FALLBACK_GLOBALS.items()}


# Handlers of the less common opcodes: handler(self, data, pos) works on
# self._stack and returns (data, pos).

def _op_proto(self, data, pos):
    if pos >= len(data):
        data, pos = self._more(data, pos, 1)
    proto = data[pos]
    if proto > HIGHEST_PROTOCOL:
        raise ValueError("unsupported pickle protocol: %d" % proto)
    self.proto = proto
    return data, pos + 1

def _read(self, data, pos, n):
    if pos + n > len(data):
        data, pos = self._more(data, pos, n)
    return data[pos:pos + n], data, pos + n

def _op_binint2(self, data, pos):
    raw, data, pos = _read(self, data, pos, 2)
    self._stack.append(int.from_bytes(raw, 'little'))
    return data, pos

def _op_long1(self, data, pos):
    raw, data, pos = _read(self, data, pos, 1)
    raw, data, pos = _read(self, data, pos, raw[0])
    self._stack.append(decode_long(raw))
    return data, pos

def _op_long4(self, data, pos):
    raw, data, pos = _read(self, data, pos, 4)
    n = int.from_bytes(raw, 'little', signed=True)
    if n < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    raw, data, pos = _read(self, data, pos, n)
    self._stack.append(decode_long(raw))
    return data, pos

def _op_int(self, data, pos):
    line, data, pos = self._line(data, pos)
    if line == b'00':
        value = False
    elif line == b'01':
        value = True
    else:
        value = int(line)
    self._stack.append(value)
    return data, pos

def _op_long(self, data, pos):
    line, data, pos = self._line(data, pos)
    if line[-1:] == b'L':
        line = line[:-1]
    self._stack.append(int(line))
    return data, pos

def _op_float(self, data, pos):
    line, data, pos = self._line(data, pos)
    self._stack.append(float(line))
    return data, pos

def _sized(nbytes, signed=False):
    def reader(self, data, pos):
        raw, data, pos = _read(self, data, pos, nbytes)
        n = int.from_bytes(raw, 'little', signed=signed)
        if n < 0:
            raise UnpicklingError("negative byte count")
        raw, data, pos = _read(self, data, pos, n)
        return raw, data, pos
    return reader

_read_u1 = _sized(1)
_read_u4 = _sized(4)
_read_s4 = _sized(4, True)
_read_u8 = _sized(8)

def _text_op(reader):
    def handler(self, data, pos):
        raw, data, pos = reader(self, data, pos)
        self._stack.append(str(raw, 'utf-8', 'surrogatepass'))
        return data, pos
    return handler

def _bytes_op(reader, kind=bytes):
    def handler(self, data, pos):
        raw, data, pos = reader(self, data, pos)
        self._stack.append(kind(raw))
        return data, pos
    return handler

def _decode_string(self, value):
    if self.encoding == "bytes":
        return value
    return value.decode(self.encoding, self.errors)

def _string_op(reader):
    def handler(self, data, pos):
        raw, data, pos = reader(self, data, pos)
        self._stack.append(_decode_string(self, raw))
        return data, pos
    return handler

def _op_string(self, data, pos):
    line, data, pos = self._line(data, pos)
    if len(line) >= 2 and line[0] == line[-1] and line[0] in b'"\'':
        line = line[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    self._stack.append(_decode_string(self, _unescape_string(line)))
    return data, pos

def _unescape_string(raw):
    """bytes.decode('escape_string') for protocol 0 STRING arguments."""
    out = bytearray()
    i = 0
    n = len(raw)
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92, ord("'"): 39,
              ord('"'): 34, ord('a'): 7, ord('b'): 8, ord('f'): 12, ord('v'): 11}
    while i < n:
        c = raw[i]
        if c == 92 and i + 1 < n:
            e = raw[i + 1]
            if e in simple:
                out.append(simple[e])
                i += 2
            elif e == ord('x'):
                out.append(int(raw[i + 2:i + 4], 16))
                i += 4
            elif 48 <= e <= 55:
                j = i + 1
                while j < n and j < i + 4 and 48 <= raw[j] <= 55:
                    j += 1
                out.append(int(raw[i + 1:j], 8) & 0xff)
                i = j
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)

def _op_unicode(self, data, pos):
    line, data, pos = self._line(data, pos)
    self._stack.append(_raw_unicode_unescape(line))
    return data, pos

def _op_bytearray8(self, data, pos):
    raw, data, pos = _read_u8(self, data, pos)
    self._stack.append(bytearray(raw))
    return data, pos

def _op_next_buffer(self, data, pos):
    if self._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given")
    try:
        buf = next(self._buffers)
    except StopIteration:
        raise UnpicklingError("not enough out-of-band buffers") from None
    self._stack.append(buf)
    return data, pos

def _op_readonly_buffer(self, data, pos):
    return data, pos

def _op_empty_set(self, data, pos):
    self._stack.append(set())
    return data, pos

def _op_additems(self, data, pos):
    items = self._pop_mark()
    target = self._stack[-1]
    if isinstance(target, set):
        target.update(items)
    else:
        for item in items:
            target.add(item)
    return data, pos

def _op_frozenset(self, data, pos):
    items = self._pop_mark()
    self._stack.append(frozenset(items))
    return data, pos

def _op_list(self, data, pos):
    items = self._pop_mark()
    self._stack.append(items)
    return data, pos

def _op_dict(self, data, pos):
    items = self._pop_mark()
    self._stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})
    return data, pos

def _op_append(self, data, pos):
    stack = self._stack
    value = stack.pop()
    stack[-1].append(value)
    return data, pos

def _op_setitem(self, data, pos):
    stack = self._stack
    value = stack.pop()
    key = stack.pop()
    stack[-1][key] = value
    return data, pos

def _op_pop(self, data, pos):
    if self._stack:
        self._stack.pop()
    else:
        self._pop_mark()
    return data, pos

def _op_pop_mark(self, data, pos):
    self._pop_mark()
    return data, pos

def _op_dup(self, data, pos):
    self._stack.append(self._stack[-1])
    return data, pos

def _memo_get(self, idx):
    try:
        return self.memo[idx]
    except KeyError:
        raise UnpicklingError("Memo value not found at index %d" % idx) from None

def _op_get(self, data, pos):
    line, data, pos = self._line(data, pos)
    self._stack.append(_memo_get(self, int(line)))
    return data, pos

def _op_long_binget(self, data, pos):
    raw, data, pos = _read(self, data, pos, 4)
    self._stack.append(_memo_get(self, int.from_bytes(raw, 'little')))
    return data, pos

def _op_put(self, data, pos):
    line, data, pos = self._line(data, pos)
    idx = int(line)
    if idx < 0:
        raise ValueError("negative PUT argument")
    self.memo[idx] = self._stack[-1]
    return data, pos

def _op_binput(self, data, pos):
    raw, data, pos = _read(self, data, pos, 1)
    self.memo[raw[0]] = self._stack[-1]
    return data, pos

def _op_long_binput(self, data, pos):
    raw, data, pos = _read(self, data, pos, 4)
    self.memo[int.from_bytes(raw, 'little')] = self._stack[-1]
    return data, pos

def _op_global(self, data, pos):
    module, data, pos = self._line(data, pos)
    name, data, pos = self._line(data, pos)
    self._stack.append(self.find_class(module.decode('utf-8'), name.decode('utf-8')))
    return data, pos

def _op_stack_global(self, data, pos):
    stack = self._stack
    name = stack.pop()
    module = stack.pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    stack.append(self.find_class(module, name))
    return data, pos

def _op_reduce(self, data, pos):
    stack = self._stack
    args = stack.pop()
    func = stack[-1]
    stack[-1] = func(*args)
    return data, pos

def _op_newobj(self, data, pos):
    stack = self._stack
    args = stack.pop()
    cls = stack.pop()
    stack.append(cls.__new__(cls, *args))
    return data, pos

def _op_newobj_ex(self, data, pos):
    stack = self._stack
    kwargs = stack.pop()
    args = stack.pop()
    cls = stack.pop()
    stack.append(cls.__new__(cls, *args, **kwargs))
    return data, pos

def _op_build(self, data, pos):
    stack = self._stack
    state = stack.pop()
    inst = stack[-1]
    setstate = getattr(inst, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return data, pos
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        try:
            inst_dict = inst.__dict__
        except AttributeError:
            # Objects that keep attributes without exposing a __dict__.
            for k, v in state.items():
                setattr(inst, k, v)
        else:
            for k, v in state.items():
                inst_dict[sys.intern(k) if type(k) is str else k] = v
    if slotstate:
        for k, v in slotstate.items():
            setattr(inst, k, v)
    return data, pos

def _instantiate(self, klass, args):
    if args or not isinstance(klass, type) or hasattr(klass, '__getinitargs__'):
        try:
            value = klass(*args)
        except TypeError as err:
            raise TypeError("in constructor for %s: %s" % (klass.__name__, str(err)))
    else:
        value = klass.__new__(klass)
    self._stack.append(value)

def _op_inst(self, data, pos):
    module, data, pos = self._line(data, pos)
    name, data, pos = self._line(data, pos)
    klass = self.find_class(module.decode('ascii'), name.decode('ascii'))
    _instantiate(self, klass, self._pop_mark())
    return data, pos

def _op_obj(self, data, pos):
    args = self._pop_mark()
    cls = args.pop(0)
    _instantiate(self, cls, args)
    return data, pos

def _op_persid(self, data, pos):
    line, data, pos = self._line(data, pos)
    try:
        pid = line.decode('ascii')
    except UnicodeDecodeError:
        raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings")
    self._stack.append(self.persistent_load(pid))
    return data, pos

def _op_binpersid(self, data, pos):
    stack = self._stack
    stack.append(self.persistent_load(stack.pop()))
    return data, pos

def _op_ext(nbytes):
    def handler(self, data, pos):
        raw, data, pos = _read(self, data, pos, nbytes)
        code = int.from_bytes(raw, 'little')
        try:
            from copyreg import _inverted_registry
            key = _inverted_registry[code]
        except (ImportError, KeyError):
            raise ValueError("unregistered extension code %d" % code) from None
        self._stack.append(self.find_class(*key))
        return data, pos
    return handler

def _op_simple(op):
    """The inline opcodes, for the rare case they reach the table."""
    def handler(self, data, pos):
        raise UnpicklingError("internal error: opcode %r" % op)
    return handler


_DISPATCH = {
    0x80: _op_proto, 0x4d: _op_binint2, 0x8a: _op_long1, 0x8b: _op_long4,
    0x49: _op_int, 0x4c: _op_long, 0x46: _op_float,
    0x58: _text_op(_read_u4), 0x8d: _text_op(_read_u8), 0x56: _op_unicode,
    0x42: _bytes_op(_read_u4), 0x43: _bytes_op(_read_u1), 0x8e: _bytes_op(_read_u8),
    0x96: _op_bytearray8, 0x97: _op_next_buffer, 0x98: _op_readonly_buffer,
    0x53: _op_string, 0x54: _string_op(_read_s4), 0x55: _string_op(_read_u1),
    0x8f: _op_empty_set, 0x90: _op_additems, 0x91: _op_frozenset,
    0x6c: _op_list, 0x64: _op_dict, 0x61: _op_append, 0x73: _op_setitem,
    0x30: _op_pop, 0x31: _op_pop_mark, 0x32: _op_dup,
    0x67: _op_get, 0x6a: _op_long_binget, 0x70: _op_put, 0x71: _op_binput,
    0x72: _op_long_binput, 0x63: _op_global, 0x93: _op_stack_global,
    0x52: _op_reduce, 0x81: _op_newobj, 0x92: _op_newobj_ex, 0x62: _op_build,
    0x69: _op_inst, 0x6f: _op_obj, 0x50: _op_persid, 0x51: _op_binpersid,
    0x82: _op_ext(1), 0x83: _op_ext(2), 0x84: _op_ext(4),
}


class _BytesSource:
    """The 'file' of loads(): everything is already in the buffer."""
    read = None
    readline = None


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
    unpickler = Unpickler.__new__(Unpickler)
    unpickler._file = None
    unpickler._file_read = None
    unpickler._file_readline = None
    unpickler._data = data
    unpickler._pos = 0
    unpickler.memo = {}
    unpickler.encoding = encoding
    unpickler.errors = errors
    unpickler.proto = 0
    unpickler.fix_imports = fix_imports
    unpickler._buffers = iter(buffers) if buffers is not None else None
    return unpickler.load()


# CPython's pickle also exports the pure-Python classes under these names.
_Pickler = Pickler
_Unpickler = Unpickler
_dump, _dumps, _load, _loads = dump, dumps, load, loads
