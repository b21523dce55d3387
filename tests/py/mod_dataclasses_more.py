from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, InitVar, FrozenInstanceError
from typing import List, Optional, ClassVar
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)
    @property
    def total(self): return self.price * self.qty
@dataclass
class Order:
    id: int
    items: List[Item] = field(default_factory=list)
    note: Optional[str] = None
    count: ClassVar[int] = 0
    def add(self, item): self.items.append(item); return self
o = Order(1).add(Item("pen", 1.5, 4)).add(Item("book", 12.0, tags=["paper"]))
print(o, asdict(o), astuple(o), [f.name for f in fields(o)], sum(i.total for i in o.items), Order.count)
print(replace(o, note="rush"), o == Order(1, [Item("pen", 1.5, 4), Item("book", 12.0, 1, ["paper"])]), is_dataclass(Order), is_dataclass(o))
@dataclass(order=True)
class Card:
    sort_index: int = field(init=False, repr=False)
    rank: str
    suit: str
    def __post_init__(self):
        self.sort_index = "23456789TJQKA".index(self.rank)
cards = [Card("K", "h"), Card("2", "s"), Card("A", "d")]; print(sorted(cards), max(cards), Card("2", "s") < Card("3", "s"))
@dataclass(frozen=True)
class Pt:
    x: int = 0
    y: int = 0
    def moved(self, dx): return replace(self, x=self.x + dx)
p = Pt(1, 2); print(p, p.moved(5), hash(p) == hash(Pt(1, 2)), {p, Pt(1, 2)}, Pt() == Pt(0, 0))
try: p.x = 3
except FrozenInstanceError as e: print("FrozenInstanceError", e)
@dataclass
class Temp:
    celsius: float
    unit: InitVar[str] = "C"
    def __post_init__(self, unit):
        if unit == "F": self.celsius = (self.celsius - 32) * 5 / 9
print(Temp(212, "F"), Temp(20), [f.name for f in fields(Temp)])
@dataclass(eq=False)
class Ident:
    v: int
a = Ident(1); print(a == Ident(1), a == a, hash(a) == id(a) >> 4 or True)
@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Derived(Base):
    c: float = 1.0
    a: int = 5
print(Derived(), Derived(1, "x", 2.5), [f.name for f in fields(Derived)], Derived.__mro__[1].__name__)
@dataclass(repr=False)
class NoRepr:
    x: int
print(repr(NoRepr(1)).startswith("<"), NoRepr(1) == NoRepr(1))
@dataclass(init=False)
class Manual:
    x: int = 1
    def __init__(self, v): self.x = v * 2
print(Manual(4))
@dataclass
class Cfg:
    opts: dict = field(default_factory=dict, metadata={"help": "options"})
    secret: str = field(default="x", repr=False, compare=False)
print(Cfg(), Cfg({"a": 1}) == Cfg({"a": 1}, "other"), fields(Cfg)[0].metadata["help"], fields(Cfg)[1].repr)
for bad in [lambda: Item(), lambda: Item("a", 1, 2, [], 5), lambda: replace(Card("2", "s"), sort_index=1), lambda: asdict(Item), lambda: Pt(1, 2, 3)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
