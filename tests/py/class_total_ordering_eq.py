# functools.total_ordering, __eq__ between subclasses (the subclass's reflected method first), NotImplemented.
from functools import total_ordering
@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents
    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents
    def __repr__(self):
        return f"Money({self.cents})"
a, b = Money(100), Money(250)
print(a < b, a <= b, a > b, a >= b, a == Money(100), a != b, sorted([b, a, Money(5)]))
try:
    a < 5
except TypeError as e:
    print(type(e).__name__, e)
print(a == 100, a != "x")
class Base:
    def __eq__(self, other):
        print("Base.__eq__")
        return NotImplemented
class Derived(Base):
    def __eq__(self, other):
        print("Derived.__eq__")
        return True
print(Base() == Derived())
print(Derived() == Base())
class Left:
    def __lt__(self, other):
        print("Left.__lt__")
        return NotImplemented
class Right:
    def __gt__(self, other):
        print("Right.__gt__")
        return "from Right.__gt__"
print(Left() < Right())
class Never:
    def __eq__(self, other):
        return NotImplemented
n1, n2 = Never(), Never()
print(n1 == n2, n1 == n1, n1 != n2)
print(NotImplemented.__class__.__name__, bool(1 .__eq__("x") is NotImplemented), (1).__eq__(1))
print([1, 2] == [1, 2.0], (1, "a") < (1, "b"), {1: "a"} == {1.0: "a"}, None == False)
