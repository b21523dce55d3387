# __call__, __enter__/__exit__, __getattr__, __getattribute__, __setattr__, __delattr__.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, scale=1):
        return self.k * x * scale + sum(rest)
m = Multiplier(3)
print(m(2), m(2, 1, 1), m(2, scale=10), callable(m), callable(Multiplier), callable(3))
print(list(map(m, [1, 2, 3])))
try:
    Multiplier(1)()
except TypeError as e:
    print(type(e).__name__, e)
try:
    3()
except TypeError as e:
    print(type(e).__name__, e)

class Timer:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.swallow

with Timer("a") as t:
    print("inside", t.name)
with Timer("b", swallow=True):
    raise ValueError("boom")
print("after b")
try:
    with Timer("c"):
        1 / 0
except ZeroDivisionError as e:
    print("caught", e)
with Timer("outer") as o, Timer("inner", swallow=True) as i:
    raise KeyError("k")
print("after nested")

# Missing __enter__/__exit__.
class NoCtx:
    pass
try:
    with NoCtx():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# __getattr__ only runs for missing attributes.
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
try:
    p.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Defaults:
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return None
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
dd = Defaults()
print(dd.opt_x, hasattr(dd, "opt_y"), hasattr(dd, "other"), getattr(dd, "other", 5))

# __setattr__ / __delattr__ validation.
class Strict:
    __slots__ = ("x",)
class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
v = Validated()
v.age = 3
try:
    v.age = -1
except ValueError as e:
    print(type(e).__name__, e)
del v.age
print(hasattr(v, "age"))
s = Strict()
s.x = 1
try:
    s.y = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.__dict__
except AttributeError as e:
    print(type(e).__name__, e)

# __getattribute__ sees every lookup.
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
lg = Logged()
print(lg.a)
try:
    lg.b
except AttributeError as e:
    print(type(e).__name__, e)
