# Rich comparisons, functools.total_ordering-free ordering, __hash__, __eq__.
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)
    def __le__(self, other):
        return self == other or self < other
    def __hash__(self):
        return hash((self.major, self.minor))
    def __repr__(self):
        return f"v{self.major}.{self.minor}"

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, a <= c, b > a, b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))
print(len({a, b, c}), {a: "x"}[c])
print(a == "1.2", a != "1.2")
try:
    a < 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([a, 1])
except TypeError as e:
    print(type(e).__name__, e)

# Reflected comparison: b > a calls a.__lt__(b) when b has no __gt__.
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
x, y = OnlyLt(1), OnlyLt(2)
print(y > x)

# Defining __eq__ without __hash__ makes instances unhashable.
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)

# Default identity equality and hashing.
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), len({p, q, p}))

# __hash__ = None explicitly.
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)

# __eq__ returning non-bool values; `in` uses ==.
class Loose:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return self.v == getattr(other, "v", other)
    __hash__ = object.__hash__
print(Loose(3) in [1, 2, 3], [Loose(1), Loose(2)].index(2), [Loose(1), 1].count(1))

# Chained comparisons call each method once per link.
class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        print(f"{self.v}<{other.v}")
        return self.v < other.v
print(Loud(1) < Loud(2) < Loud(3))
print(Loud(3) < Loud(2) < Loud(1))

# __ne__ defaults to the inverse of __eq__.
class E:
    def __eq__(self, other): return isinstance(other, E)
    __hash__ = None
print(E() != E(), E() != 1)

# hash of large values must be an int; __hash__ returning a float fails.
class FloatHash:
    def __hash__(self): return 1.5
try:
    hash(FloatHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
