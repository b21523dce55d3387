d = {"b": 2, "a": 1}
d["c"] = 3
print(d, d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.pop("e"), d.pop("zz", None), list(d.keys()), list(d.values()), list(d.items()))
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1], reverse=True), dict(sorted(d.items())), {k: v for k, v in d.items() if v > 1})
d2 = d.copy(); d2.update({"a": 10}, z=26); print(d2, d | {"q": 0}, d == d2, "a" in d, len(d))
d2 |= {"n": 1}; print(d2.popitem(), d2, dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])), dict([("k", "v")]), dict(a=1))
ks = d.keys(); print(ks & {"a", "z"}, ks | {"z"}, ks - {"a"}, d.items() & {("a", 1)}, reversed(d) is not None, list(reversed(d)))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
del d["new"]
print(repr(d.keys()), repr(d.values()), repr(d.items()), str({}), {1: {2: [3]}})
nested = {"x": {"y": {"z": 1}}}; print(nested["x"]["y"]["z"], {(1, 2): "t"}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print(e)
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(s, s | {9}, s & {2, 3}, s - {2}, s ^ {2, 7}, s <= {2, 3, 4, 5}, s.issuperset({2}), s.isdisjoint({8}), frozenset([1, 2]), set(), {1, 2} == {2, 1})
print(sorted(s.union([5], (6,))), s.intersection({3}, {3, 4}), s.difference({4}), s.symmetric_difference({3, 8}), s.copy() is not s, len(s), 3 in s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
print({x % 3 for x in range(10)}, {frozenset({1}), frozenset({1})}, set("hello") - set("world"))
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.extend([3, 5]); l.insert(0, 0); l.insert(100, 7); l.insert(-1, 8)
print(l, l.count(5), l.index(4), l.index(5, 6), l.pop(), l.pop(0), l)
l.remove(1); print(l); l.reverse(); print(l); l.sort(); print(l); l.sort(reverse=True); print(l)
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower), sorted([(2, "b"), (1, "z"), (2, "a")]), sorted("bca", reverse=True))
people = [("Alice", 30), ("Bob", 25), ("Carol", 30), ("Dave", 25)]
print(sorted(people, key=lambda p: (-p[1], p[0])), sorted(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]), max([], default="empty"))
import operator
print(sorted(people, key=operator.itemgetter(1, 0)), [p for p, _ in sorted(people, key=operator.itemgetter(1), reverse=True)])
try:
    l.remove(999)
except ValueError as e:
    print(e)
try:
    l.index(999)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
m = [[0] * 3 for _ in range(2)]; m[0][1] = 5; print(m, [[r[i] for r in m] for i in range(3)], list(zip(*m)))
a = list(range(10)); a[2:5] = ["x"]; print(a); a[::2] = "abcde"[:len(a[::2])]; print(a); del a[1:3]; print(a); del a[::2]; print(a)
print(a * 2, [1, 2] + [3], [1, 2] < [1, 3], [1, [2]] == [1, [2]], list(reversed([1, 2, 3])), [1, 2, 3][-1], [1, 2, 3][5:], [] or "empty")
first, *rest = [1, 2, 3]; *init, last = "abc"; a, (b, c) = 1, (2, 3); print(first, rest, init, last, a, b, c)
print(list(enumerate("ab", 1)), list(zip("ab", [1, 2], "xyz")), list(map(str.upper, "ab")), list(filter(None, [0, 1, "", "x"])), list(map(lambda x, y: x + y, [1, 2], [3, 4])))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(2, -1), -7 // 2, -7 % 2, 7 % -2, 2 ** -1, abs(-3), abs(-3.5), round(3.14159, 2), round(1234, -2))
print(hex(255), oct(8), bin(5), int("ff", 16), (255).bit_length(), (1024).to_bytes(2, "big"), int.from_bytes(b"\x04\x00", "big"), (-1).to_bytes(2, "big", signed=True), (12).bit_count())
print(isinstance(True, int), type(True) is bool, True + True, 10 / 2, 7 // 2, 2 ** 100, 10 ** 20 // 3, float(10 ** 20), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), max(3, 1, 2), min("abc"), max({"a": 2, "b": 1}, key=lambda k: -ord(k)), any([]), all([1, 1]))
r = range(0, 20, 3); print(r, list(r), len(r), r[2], r[-1], r[1:3], 9 in r, r.index(9), r.count(3), list(range(5, 0, -2)), range(3) == range(0, 3))
print(id(1) == id(1), hash(1) == hash(1.0), hash("a") == hash("a"), callable(len), type(len).__name__, type(print), len.__name__, print.__doc__[:20])
print(globals()["__name__"], "__builtins__" in globals(), sorted(locals().keys())[:3])
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 0}))
def g(a, /, b, *, c): return a, b, c
print(g(1, 2, c=3), g(1, b=2, c=3))
for bad in ("g(a=1, b=2, c=3)", "g(1, 2, 3)", "f()", "f(1)", "f(1, c=1, c=2)" , "f(1, 2, b=3, c=4)", "g(1, 2, c=3, d=4)"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)
    except SyntaxError as e:
        print("SyntaxError", e)
