"""The Python Unpickler: pickle's reader, for files and subclasses.

Part of minipy's pickle (see runtime/lib/pickle.py for the format and
the overall design).  pickle.loads() reads bytes with the C version
(runtime/mod_pickle_load.c); this class is what pickle.Unpickler(file)
and pickle.load(file) use: it reads exactly one pickle from the file
(never more, since a file may hold several back to back), and
subclasses may override find_class() and persistent_load().

The hot opcodes are handled inline in _run(); the others by the
functions of the _DISPATCH table, which work on self._stack.
"""

import sys

from pickle import (UnpicklingError, HIGHEST_PROTOCOL, _find_class, _unpack_double,
                    decode_long, _raw_unicode_unescape)

__all__ = ['Unpickler']


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
        return _find_class(module, name, self.proto, self.fix_imports)


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
