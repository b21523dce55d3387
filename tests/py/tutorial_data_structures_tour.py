class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1]
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
    def __iter__(self):
        return reversed(self._items)
    def __contains__(self, x):
        return x in self._items
s = Stack()
for i in range(3): s.push(i * i)
print(s, len(s), bool(s), 4 in s, list(s), s.peek(), s.pop(), s)
class LinkedList:
    class Node:
        def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __init__(self, *vals):
        self.head = None
        for v in reversed(vals): self.head = self.Node(v, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.v
            n = n.nxt
    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i: return v
        raise IndexError(i)
ll = LinkedList(1, 2, 3)
print(list(ll), ll[1], 2 in ll, sum(ll), sorted(ll, reverse=True), LinkedList.Node.__qualname__)
try:
    ll[10]
except IndexError as e:
    print("IndexError", e)
class Matrix:
    def __init__(self, rows): self.rows = rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __eq__(self, o): return self.rows == o.rows
    def __repr__(self): return f"Matrix({self.rows})"
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
m = Matrix([[1, 2], [3, 4]])
print(m @ m, m[0, 1], m == Matrix([[1, 2], [3, 4]]), m != m)
m[0, 0] = 9; print(m)
class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.cents + o.cents)
        if isinstance(o, int): return Money(self.cents + o)
        return NotImplemented
    __radd__ = __add__
    def __lt__(self, o): return self.cents < o.cents
    def __repr__(self): return f"${self.cents / 100:.2f}"
    def __hash__(self): return hash(self.cents)
    def __eq__(self, o): return isinstance(o, Money) and self.cents == o.cents
print(sum([Money(150), Money(275)]), Money(1) + 5, 5 + Money(1), sorted([Money(3), Money(1)]), max(Money(3), Money(7)))
try:
    Money(1) + "x"
except TypeError as e:
    print(e)
try:
    Money(1) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
print(Money(1) == 1, Money(2) in {Money(2)}, len({Money(2), Money(2)}))
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    def describe(self): return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r ** 2
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e:
    print(e)
for sh in [Circle(1), Sq(2)]:
    print(sh.describe())
class Incomplete(Shape): pass
try:
    Incomplete()
except TypeError as e:
    print(e)
print(isinstance(Circle(1), Shape), issubclass(Sq, abc.ABC))
class Singleton:
    _instance = None
    def __new__(cls, *a):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
print(Singleton() is Singleton())
class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot set {k}")
    def __delattr__(self, k):
        raise AttributeError(f"cannot delete {k}")
fz = Frozen()
try:
    fz.x = 1
except AttributeError as e:
    print(e)
class Tracked:
    def __getattribute__(self, name):
        if name == "secret": return "intercepted"
        return object.__getattribute__(self, name)
t = Tracked(); t.a = 1; print(t.secret, t.a)
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, v): setattr(obj, self.name, v * 2)
class UseDesc:
    d = Desc()
u = UseDesc(); print(u.d); u.d = 5; print(u.d, UseDesc.d.name, vars(u))
class WithClassVar:
    count = 0
    def __init__(self): WithClassVar.count += 1; self.id = WithClassVar.count
a, b = WithClassVar(), WithClassVar(); print(a.id, b.id, WithClassVar.count, a.count)
a.count = 100; print(a.count, b.count, WithClassVar.count)
print(type(a).__dict__["__init__"].__qualname__, a.__class__.__name__, a.__module__, WithClassVar.__doc__)
class Documented:
    """A docstring."""
    def method(self):
        """Method doc."""
print(Documented.__doc__, Documented.method.__doc__, Documented().method.__func__ is Documented.method, Documented().method.__self__.__class__.__name__)
print(repr(Documented().method).split(" of ")[0])
