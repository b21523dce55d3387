class C:
    @property
    def x(self): return 1
    @property
    def y(self): return 2
    @y.setter
    def y(self, v): pass
c = C()
for stmt in ["c.x = 5", "del c.x", "del c.y", "C.x.fset", "c.__class__ = int", "object().__class__ = C", "C.__name__ = 5"]:
    try:
        exec(stmt)
        print(stmt, "ok")
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class P:
    x: int
p = P(1)
try:
    p.x = 2
except FrozenInstanceError as e:
    print("frozen:", e)
print(hash(p) == hash(P(1)), p == P(1), repr(p))
class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {"injected": 1}
class W(metaclass=Meta):
    def __init__(self, v): self.v = v
w = W(3); print(w.v, W.injected)
class A:
    @classmethod
    def make(cls): return cls.__name__
class B(A):
    @classmethod
    def make(cls): return "B+" + super().make()
print(B.make(), B().make())
class Both:
    __slots__ = ("a", "__dict__")
b = Both(); b.a = 1; b.z = 2; print(b.a, b.z, b.__dict__)
class Parent:
    def __init__(self): print("Parent init")
class Child(Parent):
    pass
Child()
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try:
    hash(Cmp(1))
except TypeError as e:
    print(e)
try:
    Cmp(1) < Cmp(2)
except TypeError as e:
    print(e)
class Str:
    def __str__(self): return "S"
print(Str(), str(Str()), f"{Str()}", "%s" % Str(), repr(Str()).startswith("<__main__.Str object at"))
class Bad:
    def __str__(self): return 5
try:
    str(Bad())
except TypeError as e:
    print(e)
class Len:
    def __len__(self): return -1
try:
    len(Len())
except ValueError as e:
    print(e)
class Idx:
    def __index__(self): return 2
print([1, 2, 3][Idx()], range(10)[Idx()], bin(Idx()), "ab" * Idx())
class Ctx:
    def __enter__(self): return self
try:
    with Ctx():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
class NotIter: pass
try:
    for x in NotIter(): pass
except TypeError as e:
    print(e)
try:
    a, b = NotIter()
except TypeError as e:
    print(e)
try:
    NotIter()()
except TypeError as e:
    print(e)
try:
    NotIter()[0]
except TypeError as e:
    print(e)
try:
    NotIter()[0] = 1
except TypeError as e:
    print(e)
try:
    del NotIter()[0]
except TypeError as e:
    print(e)
try:
    1 in NotIter()
except TypeError as e:
    print(e)
try:
    -NotIter()
except TypeError as e:
    print(e)
try:
    NotIter() + 1
except TypeError as e:
    print(e)
try:
    NotIter() < NotIter()
except TypeError as e:
    print(e)
try:
    super(int, "x")
except TypeError as e:
    print(e)
try:
    class X(int, str): pass
except TypeError as e:
    print(e)
try:
    class Y(1): pass
except TypeError as e:
    print(e)
try:
    class Z(A, A): pass
except TypeError as e:
    print(e)
try:
    class M1(A, B): pass
except TypeError as e:
    print(e)
def f(*, kw): pass
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
try:
    f(kw=1, other=2)
except TypeError as e:
    print(e)
try:
    C().method_missing()
except AttributeError as e:
    print(e)
try:
    C.y.setter(5)(1)
except TypeError as e:
    print(type(e).__name__)
