# with statements: enter/exit order, suppression, return/break inside.

class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Ctx("a") as v:
    print("body", v)

with Ctx("outer"), Ctx("inner") as i:
    print("two items", i)

with Ctx("s", suppress=True):
    raise ValueError("suppressed")
print("after suppression")

try:
    with Ctx("p"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

def ret():
    with Ctx("r"):
        return "returned value"
print(ret())

def loop():
    for n in range(3):
        with Ctx("loop%d" % n):
            if n == 0:
                continue
            if n == 1:
                break
    return n
print("loop ended at", loop())

# Unpacking targets
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *args):
        return False
with Pair() as (a, b):
    print("pair", a, b)

# Errors
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with BadExit():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))

# with inside try/finally inside a function, with a return in the middle
def mixed():
    try:
        with Ctx("m"):
            try:
                return "from inner try"
            finally:
                print("inner finally")
    finally:
        print("outer finally")
print(mixed())

# The exception is visible to __exit__ and sys.exc_info inside the body
import sys
class Show:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None, tb is not None if t else None)
        return True
with Show():
    raise IndexError("i")
print("exc_info after:", sys.exc_info())

# Parenthesized with items (3.10+)
with (Ctx("p1") as x1,
      Ctx("p2") as x2):
    print(x1, x2)
