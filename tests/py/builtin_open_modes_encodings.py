# open(): modes r+ w+ a+ x, seek/tell, truncate, encodings, newline handling, binary vs text.
import os
path = "/tmp/_minipy_open_modes.txt"
with open(path, "w+") as f:
    f.write("hello\nworld\n")
    f.seek(0)
    print(repr(f.read()), f.tell())
with open(path, "r+") as f:
    f.write("HE")
    f.seek(0)
    print(repr(f.read()))
with open(path, "a+") as f:
    f.write("more\n")
    f.seek(0)
    print(f.readlines())
with open(path, "rb+") as f:
    f.seek(6)
    f.write(b"W")
    f.seek(0)
    print(f.read())
    f.truncate(5)
with open(path) as f:
    print(repr(f.read()))
with open(path, "w", encoding="latin-1") as f:
    f.write("café\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read().strip())
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason)
with open(path, "w", newline="") as f:
    f.write("a\r\nb\n")
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.read()))
with open(path, "wb") as f:
    print(f.write(bytes(range(5))), f.tell())
with open(path, "rb") as f:
    f.seek(-2, 2)
    print(f.read(), f.tell())
    f.seek(1)
    print(f.read(2))
f = open(path)
print(f.closed, f.readable(), f.writable(), f.seekable())
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
os.remove(path)
try:
    open(path, "r+")
except FileNotFoundError as e:
    print(type(e).__name__, e.strerror)
