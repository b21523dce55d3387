# Bound methods: identity, equality, storing them, __self__/__func__, calling via the class.
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self, punct="!"):
        return f"hello {self.name}{punct}"
g = Greeter("ann")
m = g.hello
print(m(), m("?"), Greeter.hello(g), Greeter.hello(g, "."))
print(m.__self__ is g, m.__func__ is Greeter.hello, m == g.hello, m is g.hello, m.__name__, m.__qualname__)
callbacks = [g.hello, Greeter("bob").hello, str.upper, len]
print([cb() if cb.__name__ == "hello" else cb("x") for cb in callbacks])
g.hello = lambda: "instance attribute wins"
print(g.hello(), Greeter.hello(g))
del g.hello
print(g.hello())
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter()
inc = c.inc
inc(); inc().inc()
print(c.n)
import functools
p = functools.partial(Greeter.hello, punct="...")
print(p(g))
print(type(m).__name__, type(Greeter.hello).__name__, type(len).__name__, type([].append).__name__)
print([].append.__self__ == [], "abc".upper.__self__, (5).bit_length.__self__)
try:
    Greeter.hello()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.hello(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class Methods:
    def no_self():
        return "no self"
try:
    Methods().no_self()
except TypeError as e:
    print(type(e).__name__, e)
print(Methods.no_self())
print(hash(g.hello) == hash(g.hello), {g.hello: 1}[g.hello])
