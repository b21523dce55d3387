# with: several items, exceptions passed to __exit__, suppression, contextlib.
from contextlib import contextmanager, suppress, ExitStack, nullcontext

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("acquire", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("release", self.name, et and et.__name__, ev)
        return self.suppress

with Resource("a") as a, Resource("b") as b:
    print("using", a, b)

try:
    with Resource("a"), Resource("b"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)

with Resource("outer", suppress=True), Resource("inner"):
    raise KeyError("swallowed by outer")
print("continues")

# Exception in __enter__ of the second item: the first is released.
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with Resource("first"), BadEnter():
        print("not reached")
except RuntimeError as e:
    print("caught", e)

# Exception in __exit__ replaces the original one (with context).
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("exit failed")
try:
    with BadExit():
        raise ValueError("original")
except TypeError as e:
    print("caught", e, "context:", repr(e.__context__))

# return / break inside with still calls __exit__.
def f():
    with Resource("r"):
        return "returned"
print(f())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            break

# Parenthesized multi-item with (3.10+).
with (
    Resource("p1") as x,
    Resource("p2") as y,
):
    print(x, y)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ZeroDivisionError:
        print("handled in generator")
    finally:
        print(f"</{name}>")

with tag("div") as t:
    print("body of", t)
with tag("p"):
    1 / 0
print("after p")
try:
    with tag("span"):
        raise ValueError("not handled")
except ValueError as e:
    print("propagated", e)

with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed")

with ExitStack() as stack:
    names = [stack.enter_context(Resource(n)) for n in "xyz"]
    print(names)

with nullcontext(5) as v:
    print("nullcontext", v)

# Files as context managers close on exit.
import os
path = "/tmp/_minipy_with_test.txt"
with open(path, "w") as fh:
    fh.write("data\n")
print(fh.closed)
with open(path) as fh:
    print(fh.read().strip(), fh.closed)
print(fh.closed)
os.remove(path)
