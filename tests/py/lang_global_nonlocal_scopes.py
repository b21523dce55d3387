# Scopes: LEGB lookup, global, nonlocal, class scope, shadowing builtins.
x = "global x"
def show():
    return x
def shadow():
    x = "local x"
    return x
print(show(), shadow(), x)
def set_global():
    global x, new_global
    x = "changed by function"
    new_global = "created"
set_global()
print(x, new_global)
def outer():
    y = "enclosing"
    def inner():
        return y
    def modify():
        nonlocal y
        y = "modified"
    modify()
    return inner()
print(outer())
len = lambda s: 42          # shadowing a builtin in the module
print(len("abc"))
del len
print(len("abc"))
class Scope:
    value = 10
    doubled = value * 2
    def method(self):
        try:
            return value
        except NameError as e:
            return f"{type(e).__name__}: {e}"
    items = [value + i for i in range(2)] if False else None
print(Scope.doubled, Scope().method())
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() for _ in range(3)], counter)
def make():
    fns = {}
    for name in ["a", "b"]:
        def f(name=name):
            return name.upper()
        fns[name] = f
    return fns
print({k: v() for k, v in make().items()})
def outer2():
    z = 1
    def middle():
        def inner():
            nonlocal z
            z += 10
            return z
        return inner()
    return middle(), z
print(outer2())
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
import builtins
print(builtins.len is len, type(__builtins__).__name__ in ("module", "dict"))
