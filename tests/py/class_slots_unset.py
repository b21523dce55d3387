# __slots__ attributes that were never set behave as missing.

class Point:
    __slots__ = ("x", "y")

    def __init__(self, x=None):
        if x is not None:
            self.x = x

p = Point()
print(hasattr(p, "x"), hasattr(p, "y"), getattr(p, "x", "default"))
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 3
print(hasattr(p, "x"), p.x)
del p.x
print(hasattr(p, "x"))
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)

q = Point(5)
print(q.x, hasattr(q, "y"))

class Child(Point):
    __slots__ = ("z",)

c = Child(1)
print(c.x, hasattr(c, "z"), hasattr(c, "y"))
c.z = 2
print(c.z)

# properties raising AttributeError count as missing for hasattr/getattr
class Lazy:
    @property
    def value(self):
        raise AttributeError("not computed yet")

    @property
    def broken(self):
        raise ValueError("boom")

lz = Lazy()
print(hasattr(lz, "value"), getattr(lz, "value", "fallback"))
try:
    hasattr(lz, "broken")
except ValueError as e:
    print("ValueError:", e)
