# set/frozenset: operators and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, {3} < b, b > {5}, a.isdisjoint({9}))
print(a.union([9], (10,)), a.intersection(b, {4}), a.difference({1}, {2}), a.symmetric_difference([1, 9]))
print(a.issubset(range(10)), a.issuperset([1, 2]), sorted(a), len(a), 3 in a, 9 not in a)
c = set(a)
c.add(0); c.discard(100); c.remove(1)
print(c, c.pop() in a | {0}, len(c))
c.update([7, 8], {9}); c.intersection_update(range(5, 10)); print(c)
c.difference_update({7}); c.symmetric_difference_update({8, 20}); print(c)
c |= {1}; c &= {1, 9, 20}; c -= {9}; c ^= {2}
print(c, c.copy(), c.clear(), c)
for src in ["set().pop()", "{1}.remove(2)", "{[]}", "set(1)", "{1} + {2}", "{1} | [2]", "frozenset([1]).add(2)", "{1} < 1"]:
    try:
        eval(src)
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
f = frozenset("abc")
print(sorted(f), f | {"d"} == {"a", "b", "c", "d"}, type(f | {"d"}).__name__, type({"d"} | f).__name__)
print({f: 1}[frozenset("cba")], hash(f) == hash(frozenset("bca")), frozenset() == set(), {frozenset(): 0})
print(set() == set(), set() is set(), repr(set()), repr(frozenset()), repr({1}), repr(frozenset({2})))
print({1, 2} == frozenset({1, 2}), {1, True, 1.0}, {0, False}, len({"a", "A", "a"}))
seen = set()
unique = []
for x in [3, 1, 3, 2, 1]:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, sorted(set("hello world")), {x % 3 for x in range(10)})
print(set([1, 2]) - set([2]), set("abc") & set("bcd"), max({4, 9, 1}), sum({1, 2}))
