# callable, getattr/setattr/hasattr/delattr, dir, vars, globals, locals, type, object, id.
class Robot:
    """A robot."""
    legs = 2
    def __init__(self, name):
        self.name = name
    def walk(self):
        return f"{self.name} walks"

r = Robot("R2")
print(callable(r.walk), callable(Robot), callable(r), callable(print), callable(lambda: 0), callable("s"))
print(getattr(r, "name"), getattr(r, "legs"), getattr(r, "wheels", 0), getattr(Robot, "walk")(r))
setattr(r, "legs", 3)
print(r.legs, Robot.legs, hasattr(r, "walk"), hasattr(r, "fly"))
delattr(r, "legs")
print(r.legs)
method = getattr(r, "walk")
print(method())

public = [n for n in dir(r) if not n.startswith("_")]
print(public, "__init__" in dir(r), "__class__" in dir(Robot))
print(sorted(vars(r)), sorted(k for k in vars(Robot) if not k.startswith("__")), Robot.__doc__)
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
print(dir(), sorted(dir())[:3])
import math
print([n for n in dir(math) if n.startswith("f")])
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)

# globals() and locals().
counter = 10
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1), "counter" in globals(), globals()["counter"], type(globals()).__name__)
globals()["created_dynamically"] = "yes"
print(created_dynamically)
def g():
    x = 1
    return locals()
print(g())
class K:
    y = 5
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)

# type() with three arguments creates classes.
Dyn = type("Dyn", (Robot,), {"legs": 6, "fly": lambda self: "flies"})
d = Dyn("D")
print(d.walk(), d.fly(), d.legs, Dyn.__name__, Dyn.__bases__, type(d).__mro__[1].__name__)
print(type(1), type("s"), type(None), type(type), type(print).__name__, type(len).__name__, type(r.walk).__name__)
try:
    type("X", 1, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# object()
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), str(o).startswith("<object object at 0x"))
print(object.__name__, object.__bases__, Robot.__bases__, len(object.__subclasses__()) > 5)
# NotImplemented and Ellipsis.
print(NotImplemented, repr(NotImplemented), Ellipsis, ..., ... is Ellipsis, type(...).__name__, type(NotImplemented).__name__)
def stub(): ...
print(stub(), bool(...))

# help-like attributes.
print(len.__name__, len.__doc__.splitlines()[0], print.__name__, abs.__module__ if hasattr(abs, "__module__") else "")
print(Robot.walk.__name__, Robot.walk.__qualname__, Robot.__init__.__code__.co_varnames, Robot.walk.__module__)
