from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(list(Perm), Perm.RWX, repr(Perm.RWX), Perm.R | Perm.W, repr(Perm(6)), Perm(7) is Perm.RWX, Perm.RWX.name, Perm(0), bool(Perm(0)), len(Perm.RWX), list(Perm.R | Perm.X))
print(Perm.R in Perm.RWX, Perm.W in Perm.R, ~Perm.R, ~Perm.RWX, Perm.RWX & ~Perm.W, Perm.R ^ Perm.RWX, Perm["W"], Perm.__members__.keys())
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print([c.value for c in Color], Color.WHITE, Color(3), repr(Color(5)), Color.RED | Color.BLUE, list(Color.WHITE))
class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404
    TEAPOT = 418
print(Http.OK, repr(Http.OK), Http.OK == 200, Http(404), Http.OK < Http.NOT_FOUND, Http.OK + 1, sorted([Http.TEAPOT, Http.OK]), f"{Http.OK}", f"{Http.OK:>6}", int(Http.TEAPOT), {200: "x"}[Http.OK], Http["TEAPOT"].value)
class Mode(IntFlag):
    RD = 1
    WR = 2
print(Mode.RD | Mode.WR, repr(Mode.RD | Mode.WR), Mode.RD | 8, repr(Mode(0)), Mode(3) == 3, Mode.WR & 3, isinstance(Mode.RD | 4, int))
class Dir(StrEnum):
    N = auto()
    S = "south"
print(Dir.N, repr(Dir.N), Dir.N == "n", Dir("south"), Dir.S.upper(), list(Dir), f"{Dir.S}")
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def gravity(self): return 6.67e-11 * self.mass / self.radius ** 2
print(round(Planet.EARTH.gravity, 2), Planet.MARS.value, Planet((6.42e23, 3.39e6)))
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(list(Shape), Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape.__members__))
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
except ValueError as e: print(e)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
    def describe(self): return f"{self.name}:{self.value}"
    @classmethod
    def first(cls): return next(iter(cls))
print([a.describe() for a in Auto], Auto.first(), Auto.D.value)
class WithMissing(Enum):
    ON = "on"
    OFF = "off"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower(): return m
        return None
print(WithMissing("ON"), WithMissing("Off"))
for bad in [lambda: WithMissing("maybe"), lambda: Perm(8), lambda: Http(500), lambda: Shape["TRIANGLE"], lambda: setattr(Shape, "SQUARE", 9), lambda: Auto.A < Auto.B]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
Animal = Enum("Animal", "ANT BEE CAT"); print(list(Animal), Animal.BEE.value, Enum("X", [("A", "a")]).A.value, IntEnum("N", "ONE TWO").TWO + 1, Flag("F", "A B C").C.value)

print(Shape.SQUARE.__reduce_ex__(2), hash(Shape.SQUARE) == hash("SQUARE"), Shape.SQUARE is Shape.ALIAS_FOR_SQUARE, dir(Shape.SQUARE))
