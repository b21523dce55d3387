# Tuples: packing/unpacking, immutability, hashing, as dict keys, namedtuple, comparisons.
point = 3, 4
x, y = point
print(point, type(point).__name__, x, y, len(point), point + (5,), point * 2, (1,) == (1), (1,) == 1)
single = ("only",)
not_tuple = ("only")
print(type(single).__name__, type(not_tuple).__name__, len(()), tuple(), tuple("abc"), tuple({1: 2}))
grid = {(0, 0): "start", (2, 3): "end"}
print(grid[(2, 3)], grid[0, 0], (0, 0) in grid)
try:
    point[0] = 10
except TypeError as e:
    print(type(e).__name__, e)
try:
    point.append(5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del point[0]
except TypeError as e:
    print(type(e).__name__, e)
mutable_inside = ([1], 2)
mutable_inside[0].append(9)
print(mutable_inside)
try:
    {mutable_inside: 1}
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "b") > (1, "a"), max([(2, "b"), (2, "a"), (1, "z")]))
print(sorted([(3, "c"), (1, "z"), (2, "y"), (1, "a")]))
def min_max(xs):
    return min(xs), max(xs)
lo, hi = min_max([4, 9, 1])
print(lo, hi, min_max("hello"))
t = (5, 1, 5, 3)
print(t.count(5), t.index(3), 5 in t, t[::-1], t[1:3], sum(t), sorted(t), list(t))
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
from collections import namedtuple
Color = namedtuple("Color", "red green blue", defaults=[0])
c = Color(255, 128)
print(c, c.red, c[1], c._fields, c._field_defaults, c._replace(blue=7), Color._make((1, 2, 3)), c == (255, 128, 0))
r, g, bl = c
print(r, g, bl, c._asdict())
try:
    c.red = 0
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Color()
except TypeError as e:
    print(type(e).__name__, e)
