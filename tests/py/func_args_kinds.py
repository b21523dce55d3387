# *args, **kwargs, keyword-only and positional-only parameters, defaults.
def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(c=1, a=2, z=0))

def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))

def show(*args, **kwargs):
    return f"{args} {kwargs}"
print(show(), show(1, "x", k=[1]), show(*"ab", **{"x": 1}))

errors = [
    "f()",
    "f(1)",
    "f(1, c=2, a=3)",
    "f(1, 2, c=3, b=4)",
    "pos_only(1, b=2, c=3, d=4)",
    "pos_only(1, 2, 3, 4)",
    "pos_only(1, 2, 3)",
    "show(**{1: 2})",
    "f(1, c=1, **{'c': 2})",
    "(lambda: 0)(1)",
    "(lambda x, y: 0)(1)",
    "(lambda x, y, z: 0)(1)",
    "(lambda *, k: 0)()",
    "(lambda *, k, j: 0)()",
    "(lambda a, *, k: 0)(1, 2)",
    "(lambda a=1: 0)(1, 2, 3)",
    "len(x=1)",
    "len()",
    "print(sep=1)",
]
for src in errors:
    try:
        eval(src)
    except TypeError as e:
        print(type(e).__name__, e)

# Keyword-only arguments after *args.
def log(*messages, sep=" ", end="\n"):
    return sep.join(map(str, messages)) + end
print(repr(log("a", 1, 2.5)), repr(log("x", "y", sep="-", end="")))

# Positional-only names can still be used as **kwargs keys.
def p(a, /, **kw):
    return a, kw
print(p(1, a=2))

# Mutable default arguments are shared between calls.
def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2))
def append_safe(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(append_safe(1), append_safe(2))

# Defaults are evaluated once, at definition time.
n = 10
def default_n(x=n):
    return x
n = 20
print(default_n(), default_n.__defaults__)
def kw_default(*, k=n):
    return k
print(kw_default.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(pos_only.__code__.co_posonlyargcount, f.__code__.co_varnames)

# Annotations are stored, not checked.
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated("not an int"), annotated.__annotations__)

# Recursion with default accumulators.
def flatten(items, out=None):
    if out is None:
        out = []
    for i in items:
        if isinstance(i, list):
            flatten(i, out)
        else:
            out.append(i)
    return out
print(flatten([1, [2, [3, [4]], 5]]))
