# input() from a piped stdin and open() for text and binary files.
name = input("Your name: ")
age = int(input("Your age: "))
print(f"Hello {name}, next year you will be {age + 1}")
numbers = [int(x) for x in input().split()]
print(sum(numbers), max(numbers))
try:
    input()
    input()
except EOFError as e:
    print(type(e).__name__, repr(str(e)))

import os
path = "/tmp/_minipy_builtin_open_test.txt"
with open(path, "w") as f:
    n = f.write("line one\nline two\n")
    f.write("third line\n")
    print(n, f.name == path, f.mode, f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read()), repr(f.read()), repr(f.readline()))
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip())
with open(path) as f:
    print(f.readlines())
with open(path, "a") as f:
    print("appended", file=f)
    f.writelines(["x\n", "y\n"])
with open(path) as f:
    lines = f.read().splitlines()
print(lines, len(lines))
with open(path, "r", encoding="utf-8") as f:
    f.seek(5)
    print(repr(f.read(3)), f.tell())

# Binary mode.
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(path, "rb") as f:
    data = f.read()
print(data, type(data).__name__, len(data))
with open(path, "rb") as f:
    print(f.read(2), f.read(3), f.read())

# Unicode round-trip and universal newlines.
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo\r\nwörld\n")
with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
with open(path, "x" if not os.path.exists(path) else "w") as f:
    pass

# Errors.
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open(path, "z")
except ValueError as e:
    print(type(e).__name__, e)
with open(path, "w") as f:
    pass
try:
    f.write("closed")
except ValueError as e:
    print(type(e).__name__, e)
with open(path) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e)
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.strerror)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(type(e).__name__, e)
os.remove(path)
print(os.path.exists(path))
