import io, sys
from contextlib import redirect_stdout, redirect_stderr, suppress, closing, nullcontext, ExitStack, contextmanager
s = io.StringIO(); print(s.write('hello\nworld\n'), s.tell(), repr(s.getvalue()))
s.seek(0); print(repr(s.readline()), repr(s.read()), repr(s.read()), s.tell())
s.seek(0); print(list(s)); s.seek(0); print(s.readlines())
s.seek(5); s.write('!!'); print(repr(s.getvalue())); s.seek(20); s.write('x'); print(repr(s.getvalue()))
s.truncate(3); print(repr(s.getvalue()), s.tell()); s.close(); print(s.closed)
for f in [lambda: s.read(), lambda: s.write('a'), lambda: io.StringIO(1), lambda: io.StringIO().write(1), lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(1, 2), lambda: io.StringIO().seek(0, 5), lambda: io.StringIO().read('a'), lambda: io.StringIO().truncate(-1), lambda: io.BytesIO().write('a'), lambda: io.BytesIO().seek(-1), lambda: io.StringIO().fileno()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t = io.StringIO('a\r\nb\rc\n', newline=None); print(repr(t.getvalue()), t.readlines())
t = io.StringIO('a\r\nb\rc\n', newline=''); print(t.readlines())
t = io.StringIO('x\ny', newline='\r\n'); print(repr(t.getvalue()))
t = io.StringIO('abc'); print(t.read(1), t.read(5), t.read(), t.tell()); t.seek(0, 2); print(t.tell())
b = io.BytesIO(b'ab\ncd'); print(b.read(1), b.readline(), b.read(), b.tell(), b.getvalue())
b.seek(1); b.write(b'XYZW'); print(b.getvalue(), b.tell()); b.seek(-2, 2); print(b.read()); b.seek(-1, 1); print(b.read())
b.truncate(2); print(b.getvalue()); b.seek(5); b.write(b'!'); print(b.getvalue())
print(list(io.BytesIO(b'1\n2\n3')), io.BytesIO().read(), io.BytesIO(b'abc').read(-1))
buf = bytearray(2); print(io.BytesIO(b'xyz').readinto(buf), buf)
with io.StringIO() as f:
    print('to f', 1, 2, file=f, sep='-'); print(repr(f.getvalue()))
print(f.closed, isinstance(f, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(sys.stdout, io.TextIOBase), isinstance(f, io.IOBase))
print(io.StringIO, io.BytesIO, io.TextIOWrapper, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
