def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter(); c(); c(5); print(c(), c.__closure__[0].cell_contents, c.__code__.co_freevars, make_counter.__code__.co_cellvars)
adders = [lambda x, i=i: x + i for i in range(3)]; print([a(10) for a in adders])
late = [lambda: i for i in range(3)]; print([f() for f in late])
x = "global"
def outer():
    x = "enclosing"
    def inner():
        global x
        x = "modified global"
        return x
    inner()
    return x
print(outer(), x)
def memo(f):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memo
def slow_sq(n): return n * n
print(slow_sq(4), slow_sq(4), slow_sq.cache)
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(name): return "hi " + name
print(hi("bob"))
def timer(cls):
    cls.decorated = True
    return cls
@timer
class K: pass
print(K.decorated)
print((lambda *a, **k: (a, k))(1, b=2), (lambda: None)(), (lambda x: x if x else "no")(0))
import functools
compose = lambda *fs: functools.reduce(lambda f, g: lambda x: g(f(x)), fs)
print(compose(lambda x: x + 1, lambda x: x * 2)(3))
def gen_squares(n):
    return (i * i for i in range(n))
print(list(gen_squares(4)), [y for x in [[1, 2], [3]] for y in x if y != 2], {k: [v for v in range(k)] for k in range(3)})
print([(i, j) for i in range(3) for j in range(i)], [x if x % 2 else -x for x in range(5)])
if (n := len("hello")) > 3:
    print("walrus", n)
print([y for x in range(5) if (y := x * 2) > 4])
match_val = {"type": "point", "x": 1, "y": 2}
match match_val:
    case {"type": "circle", "r": r}:
        print("circle", r)
    case {"type": "point", "x": x, "y": y} if x < y:
        print("point", x, y)
    case _:
        print("other")
for v in [0, 1, [1, 2], (3, 4, 5), "s", {"k": 1}, None, 3.5]:
    match v:
        case 0 | 1:
            print("small", v)
        case [a, b]:
            print("pair", a, b)
        case (a, *rest):
            print("seq", a, rest)
        case str() as s:
            print("str", s)
        case {"k": val}:
            print("map", val)
        case None:
            print("none")
        case float(x):
            print("float", x)
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
match Pt(1, 2):
    case Pt(0, _): print("on y")
    case Pt(x, y=2): print("x is", x)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" if 0 else "b", not None, None is None, [] is not [], 5 if True else 6)
a = b = [1]; a.append(2); print(b, a is b, a == [1, 2])
t = (1,); print(t, type(t), (), (1, 2) + (3,), tuple("ab"), t * 3, (1, 2, 3)[1:], len((1, 2)))
i = 0
while True:
    i += 1
    if i > 3: break
else:
    print("never")
for i in range(2):
    pass
else:
    print("loop else", i)
print(type(...), ..., NotImplemented, type(NotImplemented).__name__, bool(...))
print(int.__name__, int.__doc__[:10], sorted.__doc__.splitlines()[0])
print(chr(65) + chr(0x1F600), "%s" % [1, "a"], str([1.0, "x", None]), repr({"a": [1, (2,)]}))
import sys
print(sys.version_info[:2] >= (3, 8), sys.maxsize, sys.byteorder, type(sys.argv), sys.platform)
print(__name__, __doc__, __file__.endswith("_tour.py"), __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict")
def annotated(a: int, b: "str" = "x") -> bool: return True
print(annotated.__annotations__, annotated.__defaults__, annotated.__kwdefaults__, annotated.__name__, annotated.__qualname__, annotated.__module__)
class AnnC:
    x: int = 5
    y: str
print(AnnC.__annotations__, AnnC.x)
print(eval("1 + 2"), exec("z = 5") or z if False else None)
ns = {}; exec("def h(): return 42", ns); print(ns["h"]())
code = compile("a + 1", "<expr>", "eval"); print(eval(code, {"a": 1}))
print(getattr(str, "upper")("x"), setattr(K, "y", 1) or K.y, delattr(K, "y") or hasattr(K, "y"))
print(isinstance(3, (str, int)), issubclass(bool, (int,)), type(3) == int, type("") in (str, bytes))
print(vars(K)["decorated"], "__module__" in vars(K), dir(K)[-1], [n for n in dir(K) if not n.startswith("_")])
print(input.__name__, open.__name__, iter([1]).__class__.__name__, type(iter(range(3))).__name__, type({}.keys()).__name__, type(zip()).__name__, type(map(abs, [])).__name__)
