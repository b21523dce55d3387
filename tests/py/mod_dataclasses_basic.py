from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING
from typing import ClassVar, List
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2); print(p, Point(3), p == Point(1, 2), p != Point(1, 3), Point.__doc__, p.__match_args__)
print(fields(p)[0].name, [f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, 3)
except TypeError as e: print(e)
try: Point(1, z=3)
except TypeError as e: print(e)
print(hash(Point) is not None, Point.__hash__)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: 'a'}[Version(1, 2)])
try: v1.major = 5
except FrozenInstanceError as e: print(type(e).__name__, e)
try: del v1.minor
except FrozenInstanceError as e: print(type(e).__name__, e)
try: v1 < (1, 2)
except TypeError as e: print(e)
@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    tag: ClassVar[str] = 'T'
    derived: int = field(init=False, default=7)
a = Inv('a'); b = Inv('b'); a.items.append(1); print(a, b, a.items is not b.items, Inv.tag, a == Inv('a', [1], 0, 'other'), a.derived)
print(Inv.__doc__)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e: print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        x: int
except ValueError as e: print(e)
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(3); print(w, WithPost(3, 10), [f.name for f in fields(w)])
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 5
    x: int = 10
print(Child(), Child(1, 2, 3), [f.name for f in fields(Child)])
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(KW(1, c=5), KW.__doc__)
try: KW(1, 2)
except TypeError as e: print(e)
@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int
print(AllKW(b=1, a=2))
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash((1,)))
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass
class Nested:
    p: Point
    ps: list
    d: dict
n = Nested(Point(1, 2), [Point(3, 4)], {'k': Point(5, 6)})
print(asdict(n), astuple(n))
C = make_dataclass('C', ['a', ('b', int), ('c', int, field(default=3))], namespace={'double': lambda self: self.b * 2})
print(C(1, 2), C(1, 2).double(), [f.name for f in fields(C)], C.__name__)
@dataclass(slots=True)
class Sl:
    a: int
    b: str = 'x'
s = Sl(1); print(s, Sl.__slots__, hasattr(s, '__dict__'))
try: s.c = 5
except AttributeError as e: print("AttributeError")
try: replace(w, b=1)
except ValueError as e: print(e)
try: fields(5)
except TypeError as e: print(e)
try: asdict(Point)
except TypeError as e: print(e)
print(repr(MISSING)[:30].startswith('<dataclasses._MISSING_TYPE'), fields(Point)[1].default, fields(Inv)[1].default_factory)
@dataclass
class Rec:
    name: str
    children: list = field(default_factory=list)
r = Rec('root'); r.children.append(r); print(r)
@dataclass
class Cust:
    x: int
    def __repr__(self): return 'custom'
print(Cust(1), Cust(1) == Cust(1))
@dataclass
class Defaults:
    a: int = 1
    b: List[int] = field(default_factory=lambda: [1, 2])
print(Defaults(), Defaults.__doc__)
