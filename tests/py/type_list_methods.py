# list: every method, sort stability with key/reverse, errors.
L = [5, 3, 8]
L.append(1); L.extend([9, 2]); L.insert(0, 7); L.insert(100, 0); L.insert(-2, 6)
print(L, len(L), L.index(8), L.count(3), L.index(9, 2), L.index(9, 2, 8))
print(L.pop(), L.pop(0), L.pop(-2), L)
L.remove(3)
print(L)
L.reverse()
print(L, L.copy() == L, L.copy() is L)
L.sort()
print(L, sorted(L, reverse=True))
L.clear()
print(L)
for src in ["[].pop()", "[1].pop(5)", "[1].remove(2)", "[1].index(2)", "[1].insert()", "[].sort(1)", "[1, 'a'].sort()",
            "[3].index(3, 1)", "[].extend(1)", "[1, 2].pop('x')"]:
    try:
        eval(src)
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Stable sorting with keys.
records = [("bob", "B", 70), ("amy", "A", 90), ("cat", "B", 90), ("dan", "A", 70), ("eve", "C", 80)]
by_grade = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_grade])
by_score_desc = sorted(records, key=lambda r: r[2], reverse=True)
print([r[0] for r in by_score_desc])   # ties keep input order even when reversed
multi = sorted(sorted(records, key=lambda r: r[0], reverse=True), key=lambda r: r[2])
print([r[0] for r in multi])
words = "banana Apple cherry apple Banana".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
from operator import itemgetter, attrgetter
print(sorted(records, key=itemgetter(2, 0))[:3], max(records, key=itemgetter(2)))
class Emp:
    def __init__(self, n, s): self.n, self.s = n, s
    def __repr__(self): return self.n
print(sorted([Emp("x", 3), Emp("y", 1)], key=attrgetter("s")))
nums = [3, 1, 2]
nums.sort(key=lambda v: -v)
print(nums, sorted("hello"), sorted({3: "a", 1: "b"}), sorted((2, 1)), sorted([], reverse=True))
print(sorted([0.5, -1, 3, True]), sorted(["b", "a"], key=None))

# Operators on lists.
a = [1, 2]
print(a + [3], a * 3, [0] * 0, 2 in a, [1, 2] == [1, 2], [1, 2] < [1, 2, 0], [[]] * 2, list("ab"))
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
alias = [[0] * 3] * 2
alias[0][0] = 1
print(grid, alias)
a += "cd"
print(a)
a *= 2
print(a)
try:
    a + "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * 1.5
except TypeError as e:
    print(type(e).__name__, e)
print(list(range(5))[::-1], list(reversed([1, 2, 3])), [1, 2, 3][-1], list(map(str, [1, 2])))
print(min([4, 2, 8]), max([4, 2, 8]), sum([1.5, 2.5]), len([[], []]))
x = [1, 2, 3]
x[1:2] = []
print(x, x.__len__(), [].__class__.__name__)
s = [1, [2, 3]]
t = s.copy()
t[1].append(4)
print(s, t)
print(repr([1, "a", None, 2.5, [True]]), str(["x"]))
r = [1]
r.append(r)
print(r)
