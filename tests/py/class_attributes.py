# Class attributes vs instance attributes, shadowing, __dict__, counters.
class Counter:
    count = 0          # shared by every instance
    items = []         # the classic shared mutable default

    def __init__(self, name):
        self.name = name
        Counter.count += 1
        self.items.append(name)

a = Counter("a")
b = Counter("b")
print(Counter.count, a.count, b.count)
print(a.items is b.items, Counter.items)

a.count = 100  # creates an instance attribute that hides the class one
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
print(sorted(a.__dict__), "count" in Counter.__dict__)

# Setting attributes on the class is visible through instances.
Counter.kind = "counter"
print(a.kind, b.kind)

# Functions stored on the class become methods.
def shout(self):
    return self.name.upper()
Counter.shout = shout
print(a.shout(), Counter.shout(b))
print(type(a.shout).__name__, a.shout.__self__ is a, a.shout.__func__ is shout)

# getattr / setattr / hasattr / delattr on instances and classes.
setattr(b, "color", "red")
print(getattr(b, "color"), getattr(b, "size", "n/a"), hasattr(b, "color"))
delattr(b, "color")
print(hasattr(b, "color"))
try:
    b.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Counter.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(b, 42)
except TypeError as e:
    print(type(e).__name__, e)

# vars() and __dict__ updates.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
pt = Point(1, 2)
print(vars(pt))
pt.__dict__["z"] = 3
print(pt.z, vars(pt))
vars(pt).update(x=10)
print(pt.x)

# __class__ and type().
print(pt.__class__ is Point, type(pt) is Point, type(Point) is type)
print(Point.__name__, Point.__qualname__, Point.__module__)

# Attributes of built-in instances cannot be set.
try:
    (1).foo = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "abc".upper = None
except AttributeError as e:
    print(type(e).__name__, e)
