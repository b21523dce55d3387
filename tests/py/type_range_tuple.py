# range (len, index, slicing, in, reversed, equality) and tuple methods.
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[1:3], r[::-1], r.index(8), r.count(8), 8 in r, 9 in r, list(r))
print(range(5) == range(0, 5), range(0) == range(5, 2), range(1, 10, 2)[::2], list(range(10, 0, -3)))
print(list(reversed(range(4))), range(10**20)[-1], len(range(0, 10**20, 7)), sum(range(101)))
print(repr(range(3)), repr(range(1, 5, 2)), r.start, r.stop, r.step, bool(range(0)), hash(range(3)) == hash(range(0, 3)))
for src in ["range(1, 2, 0)", "range(1.5)", "range(5)[10]", "range(5).index(7)", "range()", "range('a')"]:
    try:
        eval(src)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:], t + (4,), t * 2, (1,) * 0, () == tuple(), tuple("ab"))
print(len(t), min(t), 2 in t, (1, 2) < (1, 3), (1,) + (), type(()).__name__, (5), (5,), tuple([1, [2]]))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2)) == hash((1, 2)), {(0, 0): "origin"}[(0, 0)])
# Named tuples.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=9), Point._fields, tuple(p), isinstance(p, tuple))
x, y = p
print(x, y, Point._make([5, 6]))
