import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(2, 3), op.sub(5, 7), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3), op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0))
print(op.lshift(1, 4), op.rshift(256, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None), op.index(7), op.concat([1], [2]))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1.0), op.gt(3, 2), op.ge(1, 2), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abcb", "b"), op.getitem({"k": 9}, "k"))
l = [1, 2, 3]; op.setitem(l, 0, 10); op.delitem(l, 1); print(l, op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(5, 7), op.call(max, 1, 9, 3))
x = [1]; print(op.iadd(x, [2]), x, op.iconcat([1], (2,)), op.isub(5, 2), op.imul(3, 4), op.ipow(2, 3), op.imod(7, 4), op.ifloordiv(7, 2), op.itruediv(1, 4), op.ilshift(1, 2), op.irshift(8, 1), op.iand(6, 3), op.ior(4, 1), op.ixor(5, 1))
data = [("b", 2, {"x": 1}), ("a", 3, {"x": 0}), ("c", 1, {"x": 2})]
print(sorted(data, key=itemgetter(1)), sorted(data, key=itemgetter(0)), itemgetter(0, 1)(data[0]), itemgetter(slice(1, 3))("abcd"), itemgetter("x")(data[0][2]))
class P:
    def __init__(self, n): self.name = n; self.inner = self if n == "outer" else None
    def greet(self, greeting, punct="!"): return f"{greeting}, {self.name}{punct}"
p = P("outer")
print(attrgetter("name")(p), attrgetter("name", "inner.name")(p), attrgetter("inner.inner.name")(p), methodcaller("greet", "Hi")(p), methodcaller("greet", "Yo", punct="?")(p), methodcaller("upper")("abc"))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("x")), repr(attrgetter("x", "y.z")), repr(methodcaller("f")), repr(methodcaller("f", 1, k=2)))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__getitem__("ab", 1), op.__not__(1), op.__neg__(3), op.__contains__("abc", "b"))
for bad in [lambda: op.add(1, "a"), lambda: op.concat(1, 2), lambda: op.index(1.5), lambda: op.indexOf([1], 5), lambda: itemgetter(5)([1]), lambda: attrgetter("zz")(p), lambda: attrgetter(1), lambda: methodcaller(1), lambda: op.length_hint(5, "x"), lambda: op.truediv(1, 0), lambda: methodcaller("nope")(p)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
import functools
print(functools.reduce(op.mul, range(1, 8)), list(map(op.itemgetter(0), ["ab", "cd"])), list(map(op.sub, [5, 6], [1, 2])), sorted(["bb", "a", "ccc"], key=len), max(data, key=itemgetter(2, 1) if False else itemgetter(1)))
