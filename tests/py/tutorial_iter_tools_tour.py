# generators, iterators, itertools, functools, collections
import itertools, functools, collections, operator

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(itertools.islice(fib(), 10)))
def countdown(n):
    while n > 0:
        got = yield n
        if got: n = got
        else: n -= 1
g = countdown(5)
print(next(g), g.send(2), next(g), list(g))
def gen_close():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = gen_close(); next(g); g.close(); print(g.gi_frame is None)
def gen_throw():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = gen_throw(); next(g); print(g.throw(ValueError("bad")))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all([]))
sq = (x * x for x in range(3))
print(sq.__next__(), list(sq), list(sq))
print(type(sq).__name__, repr(countdown)[:19])

print(list(itertools.chain.from_iterable([[1, 2], [3]])), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
for k, grp in itertools.groupby(sorted("mississippi")):
    print(k, len(list(grp)), end="; ")
print()
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.compress("abcdef", [1, 0, 1])), list(itertools.filterfalse(None, [0, 1, 2, 0])))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat(7, 3)), list(itertools.islice(itertools.count(5, 2), 3)))
a, b = itertools.tee([1, 2, 3]); print(list(a), list(b))
print(list(itertools.pairwise([1, 2, 3, 4])))

@functools.lru_cache(maxsize=None)
def fibm(n): return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print(fibm(80), fibm.cache_info())
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1))
p = functools.partial(int, base=2); print(p("1010"), p.func, p.keywords)
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return inner
@deco
def add(a, b):
    "Adds."
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
@functools.singledispatch
def show(x): return f"obj {x}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list {len(x)}"
print(show(1), show("s"), show([1, 2]))
class Cached:
    @functools.cached_property
    def val(self):
        print("computing")
        return 42
c = Cached(); print(c.val, c.val)

cnt = collections.Counter("abracadabra")
print(cnt, cnt.most_common(2), cnt["z"], sorted(cnt.elements())[:4])
cnt.update("aaz"); print(cnt["a"], cnt["z"], cnt + collections.Counter("b"), cnt - collections.Counter("a" * 10))
dd = collections.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["new"], len(dd))
Point = collections.namedtuple("Point", ["x", "y"], defaults=[0])
pt = Point(1); print(pt, pt._asdict(), pt._replace(x=5), Point._fields, pt.x + pt.y, pt == (1, 0))
dq = collections.deque([1, 2, 3], maxlen=4)
dq.appendleft(0); dq.append(4); dq.rotate(1); print(dq, dq.popleft(), dq.pop(), list(reversed(dq)))
od = collections.OrderedDict(a=1, b=2); od.move_to_end("a"); print(od, list(od), od.popitem(last=False))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), dict(cm))
print(operator.itemgetter(1, 0)(["x", "y"]), operator.attrgetter("x")(pt), operator.methodcaller("upper")("abc"))
