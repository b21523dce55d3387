import functools
from functools import lru_cache, cache, cached_property, partial, reduce, wraps, total_ordering, cmp_to_key
calls = []
@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(v)
print(calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits, fib.cache_info().misses, fib.cache_info().currsize)
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@lru_cache(maxsize=0)
def nocache(x): return x
nocache(1); nocache(1); print(nocache.cache_info())
@cache
def kw(a, b=2, *, c=3): return a + b + c
print(kw(1), kw(1, 2), kw(1, b=2), kw(1, c=3), kw.cache_info())
@lru_cache
def unhashable(x): return x
try: unhashable([1])
except TypeError as e: print(e)
print(fib.__name__, fib.__wrapped__.__name__, callable(fib.cache_clear), type(fib.cache_info()).__name__, fib.cache_info()._fields if hasattr(fib.cache_info(), "_fields") else None)
class Circle:
    def __init__(self, r): self.r = r; self.computed = 0
    @cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area, c.computed); del c.area; print(c.area, c.computed); c.area = 99; print(c.area)
print(type(Circle.area).__name__, Circle.area.attrname)
class NoDict:
    __slots__ = ("x",)
    @cached_property
    def y(self): return 1
try: NoDict().y
except TypeError as e: print(e)
p = partial(int, base=2); print(p("1010"), p.func, p.args, p.keywords, repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
print(reduce(lambda a, b: a + b, [[1], [2], [3]]), reduce(max, [3, 9, 2], 0), functools.reduce(lambda x, y: x * y, range(1, 6), 1))
print(sorted(["banana", "Apple", "cherry"], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))), cmp_to_key(lambda a, b: 0)(1) == cmp_to_key(lambda a, b: 0)(2))
@total_ordering
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __gt__(self, o): return self.p > o.p
print(Ver(1, 2) < Ver(1, 3), Ver(2) <= Ver(1), Ver(1) >= Ver(1), sorted([Ver(3), Ver(1), Ver(2)], key=lambda v: v).__len__())
def trace(f):
    @wraps(f)
    def inner(*a, **k):
        return ("traced", f(*a, **k))
    return inner
@trace
def add(a: int, b: int = 1) -> int:
    "Add numbers."
    return a + b
print(add(2), add.__name__, add.__doc__, add.__annotations__, add.__wrapped__(1, 1), add.__qualname__, add.__module__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
