"""Value and Array: C numbers in memory shared with child processes.

minipy's version of CPython's Lib/multiprocessing/sharedctypes.py, with
no ctypes: the memory is a _multiprocessing.SharedArray (an anonymous
MAP_SHARED mapping, runtime/mod_multiprocessing.c) that holds items of
one array-module typecode ('i' int, 'd' double, 'c' char ...).  The
objects look like ctypes' ones: RawValue('i', 5) prints c_int(5),
RawArray('i', 3) is a c_int_Array_3.  Storing converts as ctypes does:
integers wrap around to the C type's width; floats are refused for
integer types.

Value() and Array() wrap the raw object in Synchronized /
SynchronizedArray, which hold a lock (an RLock by default, get_lock()):
each single read or write of .value takes it, but `v.value += 1` is a
read then a write, so concurrent increments need
`with v.get_lock(): v.value += 1`.

Like every shared object, a Value must be created before the child
processes and handed to them as arguments (fork shares the mapping);
it cannot be pickled into a Queue or a Pool task.
"""

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

import _multiprocessing

from . import synchronize

# typecode -> ctypes class name (LP64 Linux: 'q' is c_long, as in ctypes)
typecode_to_type = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte',
    'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint',
    'l': 'c_long', 'L': 'c_ulong', 'q': 'c_long', 'Q': 'c_ulong',
    'f': 'c_float', 'd': 'c_double',
}


def _check_typecode(typecode):
    if not isinstance(typecode, str):
        raise TypeError("minipy's multiprocessing takes array-module typecodes "
                        "('i', 'd', 'c' ...), not %s" % type(typecode).__name__)
    if typecode not in typecode_to_type:
        raise TypeError("this type has no size")


class _SimpleValue(object):
    """A single shared C value (what ctypes calls c_int(5), c_double(1.5) ...)."""

    __slots__ = ('_memory',)

    def __init__(self, memory):
        self._memory = memory

    @property
    def value(self):
        return self._memory[0]

    @value.setter
    def value(self, value):
        self._memory[0] = value

    def __repr__(self):
        return '%s(%r)' % (typecode_to_type[self._memory.typecode], self._memory[0])

    def __reduce__(self):
        raise TypeError("shared memory objects cannot be pickled; pass them to "
                        "the child processes as arguments")


class _ArrayBase(object):
    """A shared C array: indexing, slicing, len(), iteration."""

    __slots__ = ('_memory',)
    _length_ = 0

    def __init__(self, memory):
        self._memory = memory

    def __len__(self):
        return len(self._memory)

    def __getitem__(self, index):
        memory = self._memory
        if isinstance(index, slice):
            items = [memory[i] for i in range(*index.indices(len(memory)))]
            if memory.typecode == 'c':
                return b''.join(items)
            if memory.typecode == 'u':
                return ''.join(items)
            return items
        return memory[index]

    def __setitem__(self, index, value):
        memory = self._memory
        if isinstance(index, slice):
            indices = range(*index.indices(len(memory)))
            if memory.typecode == 'c' and isinstance(value, (bytes, bytearray)):
                value = [value[i:i + 1] for i in range(len(value))]
            if len(value) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(indices, value):
                memory[i] = v
            return
        memory[index] = value

    def __iter__(self):
        memory = self._memory
        for i in range(len(memory)):
            yield memory[i]

    def __reduce__(self):
        raise TypeError("shared memory objects cannot be pickled; pass them to "
                        "the child processes as arguments")


class _CharArrayBase(_ArrayBase):
    """c_char arrays also have .value (up to the first NUL) and .raw."""

    __slots__ = ()

    @property
    def value(self):
        raw = self._memory.tobytes()
        end = raw.find(b'\0')
        return raw if end < 0 else raw[:end]

    @value.setter
    def value(self, value):
        if len(value) > len(self._memory):
            raise ValueError("byte string too long")
        if len(value) < len(self._memory):
            value = bytes(value) + b'\0'
        self._memory.frombytes(value)

    @property
    def raw(self):
        return self._memory.tobytes()

    @raw.setter
    def raw(self, value):
        if len(value) > len(self._memory):
            raise ValueError("byte string too long")
        self._memory.frombytes(value)


class _WideCharArrayBase(_ArrayBase):
    __slots__ = ()

    @property
    def value(self):
        text = self[:]
        end = text.find('\0')
        return text if end < 0 else text[:end]

    @value.setter
    def value(self, value):
        if len(value) > len(self._memory):
            raise ValueError("string too long")
        for i, ch in enumerate(value):
            self._memory[i] = ch
        if len(value) < len(self._memory):
            self._memory[len(value)] = '\0'


_array_classes = {}


def _array_class(typecode, length):
    """The class c_<type>_Array_<length>, made once per shape."""
    key = (typecode, length)
    cls = _array_classes.get(key)
    if cls is None:
        base = {'c': _CharArrayBase, 'u': _WideCharArrayBase}.get(typecode, _ArrayBase)
        name = '%s_Array_%d' % (typecode_to_type[typecode], length)
        cls = type(name, (base,), {'__slots__': (), '_length_': length,
                                   '__module__': __name__})
        _array_classes[key] = cls
    return cls


def RawValue(typecode_or_type, *args):
    """A shared value without a lock."""
    _check_typecode(typecode_or_type)
    memory = _multiprocessing.SharedArray(typecode_or_type, 1)
    obj = _SimpleValue(memory)
    if args:
        if len(args) > 1:
            raise TypeError("function takes at most 1 argument (%d given)" % len(args))
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array without a lock: RawArray('d', 10) is ten zeros,
    RawArray('i', [1, 2, 3]) holds those values."""
    _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        size = size_or_initializer
        initializer = None
    else:
        if typecode_or_type == 'c' and isinstance(size_or_initializer, (bytes, bytearray)):
            initializer = [size_or_initializer[i:i + 1] for i in range(len(size_or_initializer))]
        else:
            initializer = list(size_or_initializer)
        size = len(initializer)
    memory = _multiprocessing.SharedArray(typecode_or_type, size)
    obj = _array_class(typecode_or_type, size)(memory)
    if initializer:
        for i, value in enumerate(initializer):
            memory[i] = value
    return obj


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A synchronized shared value: Value('i', 0)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A synchronized shared array: Array('d', 10)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    """A new shared object with the same contents."""
    if isinstance(obj, _SimpleValue):
        return RawValue(obj._memory.typecode, obj.value)
    return RawArray(obj._memory.typecode, obj[:])


def synchronized(obj, lock=None, ctx=None):
    """Wrap a raw shared object with a lock."""
    if isinstance(obj, _CharArrayBase):
        return SynchronizedString(obj, lock, ctx)
    if isinstance(obj, _ArrayBase):
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock else synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError('%s objects should only be shared between processes'
                           ' through inheritance' % type(self).__name__)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        self.acquire()
        try:
            return self._obj.value
        finally:
            self.release()

    @value.setter
    def value(self, value):
        self.acquire()
        try:
            self._obj.value = value
        finally:
            self.release()


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self._lock:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, value):
        with self._lock:
            self._obj.raw = value
