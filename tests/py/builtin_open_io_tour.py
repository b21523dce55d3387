import os, io, sys
p = "/tmp/minipy_io_%d.txt" % os.getpid()
with open(p, "w", encoding="utf-8", newline="") as f:
    f.write("a\r\nb\nc\r")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, newline="") as f:
    print(f.readlines())
with open(p, "wb") as f:
    f.write(b"caf\xe9\n")
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(p, encoding="latin-1") as f:
    print(repr(f.read()))
with open(p + "x", "x") as f:
    pass
try:
    open(p, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno)
with open(p, "w") as f:
    print("via print", 1, 2, file=f, sep="-")
    f.writelines(["x\n", "y\n"])
with open(p) as f:
    print(f.read().splitlines(), f.closed)
f = open(p)
print(next(f), f.readline(), f.readline() == "", f.fileno() > 2, f.readable(), f.writable(), f.seekable())
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
s = io.StringIO("l1\nl2\n"); print(s.readline(), s.read(), s.getvalue() == "l1\nl2\n")
out = io.StringIO(); print("captured", file=out); print(repr(out.getvalue()))
b = io.BytesIO(b"xyz"); print(b.read(2), b.tell(), b.getvalue())
from contextlib import redirect_stdout
buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
os.remove(p); os.remove(p + "x") if os.path.exists(p + "x") else None
print(os.getcwd() == os.path.abspath("."), os.path.join("a", "b", "c"), os.path.normpath("a/./b/../c"), os.sep, os.path.isabs("/x"))
print(sorted(os.listdir("/tmp/../tmp"))[:0], type(os.environ), os.environ.get("NOPE_XYZ", "default"), "PATH" in os.environ)
with open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("café €\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, "w", encoding="ascii", errors="ignore") as f:
    f.write("naïve\n")
with open(p, encoding="ascii") as f:
    print(f.read(), end="")
try:
    open(p, "rb", errors="strict")
except ValueError as e:
    print("ValueError", e)
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
os.remove(p)
