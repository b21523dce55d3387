from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], p[-1], p._fields, p._asdict(), Point._make((1, 2)), p._replace(x=100), len(p), list(p), tuple(p), p == (11, 22), p.count(11), p.index(22))
x, y = p; print(x, y, hash(p) == hash((11, 22)), Point.__doc__, Point.x.__doc__, Point.__name__, Point.__module__, Point.__qualname__, Point._field_defaults)
P3 = namedtuple("P3", "a, b c", defaults=(0, 9)); print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__, P3(c=5, a=1))
R = namedtuple("R", ["a", "def", "a", "_x", "ok"], rename=True); print(R._fields, R(1, 2, 3, 4, 5))
E = namedtuple("E", ""); print(E(), E._fields, len(E()))
One = namedtuple("One", "value"); print(One(5), One._make([6]))
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    @property
    def norm(self): return (self.x ** 2 + self.y ** 2) ** 0.5
v = Vec(3, 4); print(v + v, v.norm, repr(v), isinstance(v, tuple), Vec.__mro__[1].__name__)
for bad in [lambda: namedtuple("A", "a a"), lambda: namedtuple("A", "_a"), lambda: namedtuple("A", "a-b"), lambda: namedtuple("class", "a"), lambda: namedtuple("A", "a def"), lambda: namedtuple("A", "a", defaults=[1, 2]), lambda: namedtuple("A", ["a", 5]) if False else namedtuple("1A", "a"),
            lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: p._replace(z=1), lambda: Point._make([1]), lambda: setattr(p, "x", 5), lambda: p.z]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(1, 5), Point(2, 0)), Point(*range(2)), Point(**{"x": 1, "y": 2}))
import copy; print(copy.copy(p), copy.deepcopy(Point([1], [2])), p.__getnewargs__(), Point.__match_args__)
T = namedtuple("T", "a b", module="mymod"); print(T.__module__, repr(T(1, 2)))
print({Point(1, 2): "a"}[(1, 2)], Point(1, 2) + (3,), Point(1, 2) * 2, Point(1, 2)[::-1])
