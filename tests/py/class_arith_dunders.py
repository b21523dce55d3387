# Arithmetic dunders with reflected and in-place forms, unary operators.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k, mod=None):
        return Vec(pow(self.x, k, mod), pow(self.y, k, mod))
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __matmul__(self, other):
        return ("matmul", self, other)

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2)
print(a ** 2, pow(b, 2, 5), -a, +a, abs(b), ~a, a @ b)
print(a == Vec(1, 2), a != b, sum([a, b], Vec(0, 0)))
for bad in ["a + 1", "1 + a", "a * 'x'", "a < b", "a & b", "a << 1", "divmod(a, 2)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)

# Reflected operators: __radd__ is tried when the left operand refuses.
class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{self.v}m"
    def __add__(self, other):
        print("add", self, other)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented
    def __radd__(self, other):
        print("radd", self, other)
        return self + other
    def __rsub__(self, other):
        return Meters(other - self.v)
    def __rtruediv__(self, other):
        return other / self.v
    def __rpow__(self, other):
        return other ** self.v
print(Meters(1) + 2, 2 + Meters(1), sum([Meters(1), Meters(2)]))
print(10 - Meters(3), 1 / Meters(4), 2 ** Meters(3))

# A subclass's reflected method wins over the base's forward one.
class Base:
    def __add__(self, other):
        return "Base.__add__"
    def __radd__(self, other):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, other):
        return "Sub.__radd__"
print(Base() + Sub(), Sub() + Base())

# In-place operators fall back to the binary ones.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
class Plain:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Plain(self.v + o)
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc.items, acc is ref)
p = Plain(1)
q = p
p += 5
print(p.v, q.v, p is q)
x = Acc()
try:
    x -= 1
except TypeError as e:
    print(type(e).__name__, e)

# __index__ makes objects usable as indices, in bin(), range().
class Idx:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
print([10, 20, 30][Idx(1)], bin(Idx(5)), hex(Idx(255)), list(range(Idx(3))), "ab" * Idx(2))

# __int__, __float__, __complex__, __round__, __trunc__.
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __round__(self, n=None): return f"round({n})"
    def __complex__(self): return 1j
print(int(Num()), float(Num()), round(Num()), round(Num(), 2), complex(Num()))
try:
    int(Plain(1))
except TypeError as e:
    print(type(e).__name__, e)

# Bitwise dunders.
class Flags:
    def __init__(self, v): self.v = v
    def __or__(self, o): return Flags(self.v | o.v)
    def __and__(self, o): return Flags(self.v & o.v)
    def __xor__(self, o): return Flags(self.v ^ o.v)
    def __lshift__(self, n): return Flags(self.v << n)
    def __rshift__(self, n): return Flags(self.v >> n)
    def __repr__(self): return f"Flags({self.v:#b})"
print(Flags(1) | Flags(4), Flags(5) & Flags(4), Flags(5) ^ Flags(1), Flags(1) << 3, Flags(8) >> 2)
