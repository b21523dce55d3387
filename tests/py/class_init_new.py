# __init__ and __new__: singletons, immutable subclasses, argument errors.
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print("init with", value)
        self.value = value

s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.value)

# __new__ returning an instance of another class skips __init__.
class Other:
    pass
class Weird:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("never printed")
print(type(Weird()).__name__)

# Subclassing immutable types needs __new__.
class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, round(value, 1))
    def __repr__(self):
        return f"{float(self)}°C"
t = Celsius(21.456)
print(t, repr(t), t + 1, isinstance(t, float))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, len(u), u.lower(), type(u).__name__, type(u + "x").__name__)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
print(pr, pr.first, len(pr), pr == (1, 2))

# Wrong number of arguments.
class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y
for args in [(), (1, 2, 3)]:
    try:
        Point(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Point(1, z=3)
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)

# __init__ must return None.
class BadInit:
    def __init__(self):
        return 42
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

# Calling __init__ again re-initializes.
p = Point(1, 2)
p.__init__(5)
print(p.x, p.y)

# object.__new__ with extra arguments.
class OnlyNew:
    def __new__(cls, x):
        obj = object.__new__(cls)
        obj.x = x
        return obj
print(OnlyNew(7).x)
try:
    object.__new__(OnlyNew, 1)
except TypeError as e:
    print(type(e).__name__, e)
