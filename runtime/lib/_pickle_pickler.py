"""The Python Pickler: pickle's writer, for files and subclasses.

Part of minipy's pickle (see runtime/lib/pickle.py for the format and
the overall design).  pickle.dumps() uses the same algorithm in C
(runtime/mod_pickle.c); this class is what pickle.Pickler(file) gives,
and what subclasses customize: persistent_id(), dispatch_table,
reducer_override().  The built-in values are written here; everything
else is described by pickle._describe, as in the C version.

Output is collected in a bytearray and handed to file.write at each
frame boundary and at the end of dump().
"""

from pickle import (PicklingError, _describe, _describe_reduce, _describe_global,
                    _check_protocol, _pack_double, encode_long, _raw_unicode_escape,
                    _FRAME_SIZE_MIN, _FRAME_SIZE_TARGET, _BATCHSIZE, _tuplesize2code)
from pickle import (MARK, STOP, POP, POP_MARK, FLOAT, INT, BININT, BININT1, LONG, BININT2,
                    NONE, PERSID, BINPERSID, REDUCE, UNICODE, BINUNICODE, APPEND, BUILD,
                    GLOBAL, DICT, EMPTY_DICT, APPENDS, GET, BINGET, LONG_BINGET, LIST,
                    EMPTY_LIST, PUT, BINPUT, LONG_BINPUT, SETITEM, TUPLE, EMPTY_TUPLE,
                    SETITEMS, BINFLOAT, TRUE, FALSE, PROTO, NEWOBJ, TUPLE2, NEWTRUE,
                    NEWFALSE, LONG1, LONG4, BINBYTES, SHORT_BINBYTES, SHORT_BINUNICODE,
                    BINUNICODE8, BINBYTES8, EMPTY_SET, ADDITEMS, FROZENSET, NEWOBJ_EX,
                    STACK_GLOBAL, MEMOIZE, FRAME, BYTEARRAY8)

__all__ = ['Pickler']


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
        self.fix_imports = fix_imports
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
        if self._framing and len(self._out) - self._frame_start - 9 >= _FRAME_SIZE_TARGET:
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
        self._save_other(obj)

    def _save_other(self, obj):
        """Anything that is not a built-in value: ask pickle._describe."""
        desc = _describe(obj, self.proto, self.fix_imports,
                         getattr(self, 'dispatch_table', None),
                         getattr(self, 'reducer_override', None))
        self._save_described(obj, desc)

    def _save_described(self, obj, desc):
        kind = desc[0]
        if kind == 0:
            self._save_global_name(obj, desc[1], desc[2])
            return
        kind, callee, args, state, listitems, dictitems, state_setter, kwargs = desc
        save = self.save
        save(callee)
        save(args)
        if kind == 3:
            save(kwargs)
        self._out += (REDUCE, NEWOBJ, NEWOBJ_EX)[kind - 1]
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

    def _save_global_name(self, obj, module_name, name):
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self._out += STACK_GLOBAL
        else:
            try:
                self._out += (GLOBAL + module_name.encode('ascii') + b'\n'
                              + name.encode('ascii') + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i"
                                    % (module_name, name, self.proto)) from None
        self.memoize(obj)

    # CPython's Pickler methods that subclasses may call.

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        self._save_described(obj, _describe_reduce(obj, self.proto, func, args, state,
                                                   listitems, dictitems, state_setter))

    def save_global(self, obj, name=None):
        self._save_described(obj, _describe_global(obj, name, self.proto, self.fix_imports))

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
            self._save_other(obj)
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
            self._save_other(obj)
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
        if len(obj) == 1 or not self.bin:
            self._batch_setitems(iter(obj.items()))
        elif obj:
            # Exact dicts, like CPython's C pickler: full batches, and an
            # empty last one when the size is a multiple of the batch.
            self._full_batches(list(obj.items()), SETITEMS, True)

    def _full_batches(self, items, op, pairs):
        save = self.save
        start = 0
        while True:
            batch = items[start:start + _BATCHSIZE]
            start += _BATCHSIZE
            self._out += MARK
            for item in batch:
                if pairs:
                    save(item[0])
                    save(item[1])
                else:
                    save(item)
            self._out += op
            if len(batch) < _BATCHSIZE:
                return

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
            self._save_other(obj)
            return
        self._out += EMPTY_SET
        self.memoize(obj)
        if obj:
            self._full_batches(list(obj), ADDITEMS, False)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self._save_other(obj)
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


Pickler.dispatch = {
    bytes: Pickler.save_bytes, bytearray: Pickler.save_bytearray, str: Pickler.save_str,
    tuple: Pickler.save_tuple, list: Pickler.save_list, dict: Pickler.save_dict,
    set: Pickler.save_set, frozenset: Pickler.save_frozenset,
    int: Pickler.save_long, float: Pickler.save_float, bool: Pickler.save_bool,
}
