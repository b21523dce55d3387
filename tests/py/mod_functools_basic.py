import functools, types
from functools import *
def add(a, b, c=0): return a + b + c
p = partial(add, 1); print(p(2), p(2, c=5), p.func is add, p.args, p.keywords, repr(p).startswith('functools.partial(<function add'))
pp = partial(p, 2, c=3); print(pp(), pp.args, pp.keywords, pp.func is add)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(add, [], 7))
try: reduce(add, [])
except TypeError as e: print(e)
try: partial(5)
except TypeError as e: print(e)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): return x * x
for v in [1, 2, 1, 3, 2, 1]: sq(v)
print(sq.cache_info(), sq.cache_parameters())
@lru_cache
def g(x): return x
g(1); g(1); print(g.cache_info(), g.cache_info().hits, g.cache_info()._asdict())
@cache
def h(x, y=1): return x + y
h(1); h(1, y=1); h(1); print(h.cache_info())
try: lru_cache('x')
except TypeError as e: print(e)
def deco(f):
    @wraps(f)
    def w(*a, **k):
        """wrapper doc"""
        return f(*a, **k)
    return w
@deco
def documented(x: int) -> int:
    """the doc"""
    return x
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__.__name__, documented.__qualname__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), V.__gt__.__name__)
try:
    @total_ordering
    class W: pass
except ValueError as e: print(e)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class CP:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
c = CP(); print(c.val, c.val, c.n, 'val' in c.__dict__)
@singledispatch
def show(x): return 'obj'
@show.register(int)
def _(x): return 'int'
@show.register
def _(x: str): return 'str'
@show.register(list)
def _(x): return 'list'
print(show(1), show('a'), show([1]), show(1.5), show(True), show.dispatch(bool).__name__, object in show.registry)
try: show()
except TypeError as e: print(e)
class M:
    @singledispatchmethod
    def f(self, x): return 'base'
    @f.register
    def _(self, x: int): return 'int'
print(M().f(1), M().f('a'))
class PM:
    def set(self, v, w=0): return (v, w)
    set1 = partialmethod(set, 1)
print(PM().set1(), PM().set1(w=2))
print(types.SimpleNamespace(a=1, b='x'), types.SimpleNamespace() == types.SimpleNamespace(), types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
ns = types.SimpleNamespace(x=1); ns.y = 2; del ns.x; print(ns, vars(ns))
print(types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.ModuleType, types.GeneratorType, types.NoneType)
print(types.MappingProxyType({'a': 1}), types.MappingProxyType({'a': 1})['a'], len(types.MappingProxyType({})))
m = types.ModuleType('mymod'); print(m, m.__name__)
GA = types.GenericAlias(list, (int,)); print(GA, GA.__origin__, GA.__args__, GA([1, 2]), GA == types.GenericAlias(list, int), types.GenericAlias(dict, (str, list[int])) if hasattr(list, '__class_getitem__') else 'dict[str, list[int]]')
try: isinstance([], GA)
except TypeError as e: print(e)
print(1)
C2 = types.new_class('C2', (object,), {}, lambda ns: ns.update({'x': 1})); print(C2.x, C2.__name__)
print(types.GenericAlias(tuple, ()), types.GenericAlias(tuple, (int, ...)))
