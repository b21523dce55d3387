# dataclasses as learners use them: defaults, field(default_factory), ordering, frozen, __post_init__.
from dataclasses import dataclass, field, asdict, astuple, replace
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
a = Item("pen", 1.5, 4)
b = Item("book", 12.0, tags=["paper"])
print(a, b, a.total(), b == Item("book", 12.0, 1, ["paper"]), a != b)
a.tags.append("office")
print(Item("x", 1).tags, asdict(a), astuple(b), replace(a, qty=10))
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print([str(v) for v in sorted(vs)], max(vs), Version(1) < Version(1, 0, 1), hash(Version(1)) == hash(Version(1)))
try:
    vs[0].major = 3
except Exception as e:
    print(type(e).__name__, e)
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False, repr=False)
    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError("negative size")
        self.area = self.w * self.h
r = Rect(2, 3)
print(r, r.area)
try:
    Rect(-1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)
@dataclass
class Team:
    name: str
    members: list = field(default_factory=list)
    def add(self, person):
        self.members.append(person)
        return self
t = Team("core").add("ann").add("bob")
print(t, len(t.members), Team("x") == Team("x"))
