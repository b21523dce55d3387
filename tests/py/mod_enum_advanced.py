from enum import *
class IP(IntFlag):
    R = 4; W = 2; X = 1
print(repr(~IP.R), repr(~IP(0)), repr(IP(-1)), repr(IP.R | IP.W | 16), IP.R + 1, hash(IP.R))
class Perm(Flag):
    R = 4; W = 2; X = 1
print(repr(~Perm(0)), repr(~Perm(7)), repr(Perm.R | Perm.X), Perm.R.name, Perm(3).name, repr(Perm(3)))
class C(Flag, boundary=CONFORM):
    A = 1; B = 2
print(repr(C(7)))
class E2(Flag, boundary=EJECT):
    A = 1; B = 2
print(repr(E2(7)), type(E2(7)))
class K(Flag, boundary=KEEP):
    A = 1; B = 2
print(repr(K(7)), K(7).name)
class Color(Enum):
    RED = 1
    GREEN = 2
    @property
    def lower(self): return self.name.lower()
    def describe(self): return f"{self.name}={self.value}"
    @classmethod
    def default(cls): return cls.RED
print(Color.RED.lower, Color.GREEN.describe(), Color.default(), dir(Color), dir(Color.RED))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.value, Planet.EARTH.mass, repr(Planet.MERCURY))
class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    X = (0, 'P.X')
    Y = (1, 'P.Y')
print(Coord.Y.label, Coord(1))
class Mis(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        if value == 'a': return cls.A
print(Mis('a'), Mis(1))
try: Mis(2)
except ValueError as e: print(e)
class Ord(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
try:
    class Ord2(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e: print(e)
class Ig(Enum):
    _ignore_ = 'tmp'
    tmp = 5
    A = 1
print(list(Ig))
class A2(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(A2))
class FA(Flag):
    A = auto(); B = auto(); C = auto()
print(list(FA), FA.C.value)
print(Color.RED.__reduce_ex__(4), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED is Color['RED'])
import copy; print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.GREEN])[0] is Color.GREEN)
print({Color.RED: 1}[Color.RED], Color.RED.__class__, Color.__class__)
print(isinstance(Color.RED, Enum), issubclass(Color, Enum), issubclass(IntEnum, int), IntEnum.__mro__)
print(Color.__members__.keys(), Color.RED.__doc__ is None or True)
try: Color.RED.name = 'x'
except AttributeError as e: print("AttributeError")
@verify(UNIQUE)
class V(Enum):
    A = 1
try:
    @verify(UNIQUE)
    class V2(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
print(FlagBoundary.STRICT, repr(KEEP), list(FlagBoundary))
class MyStr(StrEnum):
    UP = auto()
    DOWN = 'down'
print(MyStr.UP, MyStr.UP.upper(), MyStr.UP == 'up', repr(MyStr.DOWN), f"{MyStr.UP}", MyStr('down'))
try:
    class Bad(StrEnum):
        A = 1
except TypeError as e: print(e)
