from enum import *
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
class Num(IntEnum):
    ONE = 1
    TWO = 2
class S(StrEnum):
    A = auto()
    B = 'bee'
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class Col(Flag):
    RED = auto(); GREEN = auto(); BLUE = auto()
class IP(IntFlag):
    R = 4; W = 2; X = 1
class M(int, Enum):
    A = 1
tests = [lambda: repr(Color.RED), lambda: str(Color.RED), lambda: format(Color.RED), lambda: f"{Color.RED}", lambda: repr(Num.ONE), lambda: str(Num.ONE), lambda: format(Num.ONE), lambda: f"{Num.TWO:>5}",
 lambda: repr(S.A), lambda: str(S.A), lambda: repr(Perm.R | Perm.W), lambda: str(Perm.R|Perm.W), lambda: repr(Perm(0)), lambda: Perm(6).name, lambda: list(Perm(7)), lambda: repr(Col(7)), lambda: repr(~Col.RED),
 lambda: repr(IP.R|IP.W), lambda: str(IP.R|IP.W), lambda: repr(IP(8)), lambda: IP.R | 8, lambda: repr(M.A), lambda: str(M.A), lambda: format(M.A), lambda: repr(Color), lambda: repr(Perm), lambda: repr(IP), lambda: repr(Num),
 lambda: 1 in Color, lambda: Color.RED in Color, lambda: Color(5), lambda: Color['X'], lambda: Perm(8), lambda: Col(9), lambda: Color.RED < Color.GREEN, lambda: setattr(Color, 'RED', 5), lambda: delattr(Color, 'RED'),
 lambda: Color.CRIMSON, lambda: list(Color), lambda: list(Color.__members__), lambda: Color.__members__, lambda: len(Color), lambda: Color.RED.name, lambda: Color.RED.value, lambda: hash(Color.RED) == hash('RED'),
 lambda: Num.ONE + 1, lambda: Num.ONE < 2, lambda: Num(2), lambda: Color.RED == 1, lambda: Num.ONE == 1, lambda: sorted(Num, reverse=True), lambda: [m.value for m in S], lambda: Color.RED._value_, lambda: type(Color.RED), lambda: isinstance(Color.RED, Color),
 lambda: Color.RED is Color(1), lambda: Color.__members__['CRIMSON'], lambda: len(Perm(7)), lambda: bool(Perm(0)), lambda: Perm.R in Perm(6), lambda: Perm.R & Perm.W, lambda: Perm(7) ^ Perm.R, lambda: ~Perm.R, lambda: list(Perm), lambda: Col.RED.value, lambda: Col.BLUE.value,
 lambda: dir(Color.RED), lambda: Color.RED.__class__.__name__, lambda: Color.__name__, lambda: type(Color), lambda: Enum('Animal', 'ANT BEE CAT'), lambda: list(Enum('Animal', 'ANT BEE CAT')), lambda: list(Enum('A', [('X', 10), ('Y', 20)])), lambda: Enum('A', {'P': 'p'}).P,
]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
for body in ["class E(Enum):\n  A = 1\n  A = 2", "class E(Enum):\n  _x_ = 1", "@unique\nclass E(Enum):\n  A = 1\n  B = 1\n  C = 2\n  D = 2", "class E(Color):\n  X = 9", "class E(Enum):\n  A = 1\n  def A(self): pass"]:
    try: exec(body); print("ok")
    except Exception as e: print(type(e).__name__, e)
