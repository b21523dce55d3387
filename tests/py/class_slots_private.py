# __slots__, name mangling of __private names, _protected conventions.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.x = 10
print(p.x, p.y, Point.__slots__, hasattr(p, "__dict__"), type(Point.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)

class Point3D(Point):
    __slots__ = ("z",)
p3 = Point3D(1, 2)
p3.z = 3
print(p3.x, p3.y, p3.z, hasattr(p3, "__dict__"))
class Loose(Point):
    pass
lo = Loose(0, 0)
lo.anything = "ok"
print(lo.anything, lo.__dict__)

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

# Name mangling.
class Secret:
    def __init__(self):
        self.__hidden = "mangled"
        self._protected = "convention"
    def reveal(self):
        return self.__hidden
    def __private_method(self):
        return "private method"
    def call_private(self):
        return self.__private_method()
s = Secret()
print(s.reveal(), s._protected, s._Secret__hidden, s.call_private(), sorted(vars(s)))
try:
    s.__hidden
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.__private_method()
except AttributeError as e:
    print(type(e).__name__, e)
class SubSecret(Secret):
    def peek(self):
        try:
            return self.__hidden
        except AttributeError as e:
            return f"{type(e).__name__}: {e}"
print(SubSecret().peek(), SubSecret().reveal())
print([n for n in dir(Secret) if "private" in n])
# Dunder names are not mangled.
class D:
    def __init__(self):
        self.__dunder__ = 1
print(vars(D()))
