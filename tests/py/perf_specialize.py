"""Quickened (specialised) instructions must behave exactly like the generic
ones, also when what they cached changes: each case runs a loop long enough
to specialise, then changes the world under it."""


def attr_cases():
    class P:
        def __init__(self, x):
            self.x = x

        def m(self):
            return "m"

    def get_x(o):
        return o.x

    def call_m(o):
        return o.m()

    ps = [P(i) for i in range(20)]
    print(sum(get_x(p) for p in ps))
    print([call_m(p) for p in ps[:3]])
    # instance attribute shadows the method; a new method on the class
    ps[0].m = lambda: "instance"
    print(call_m(ps[0]), call_m(ps[1]))
    P.m = lambda self: "replaced"
    print(call_m(ps[1]), call_m(ps[0]))
    # a data descriptor added to the class takes priority over __dict__
    P.x = property(lambda self: "prop")
    print(get_x(ps[2]))
    del P.x
    print(get_x(ps[2]))
    # different attribute order, deleted attribute, __class__ change
    q = P.__new__(P)
    q.y = 1
    q.x = 42
    print(get_x(q))
    del q.x
    try:
        get_x(q)
    except AttributeError as e:
        print("AttributeError", e)

    class Q:
        x = "class attr"

    q.__class__ = Q
    print(get_x(q))
    print(get_x(Q), get_x(P(7)))


def slots_cases():
    class S:
        __slots__ = ("a", "b")

        def __init__(self):
            self.a = 1

    def read_b(o):
        return o.b

    def write_b(o, v):
        o.b = v

    s = S()
    for i in range(20):
        write_b(s, i)
        read_b(s)
    print(read_b(s))
    del s.b
    try:
        read_b(s)
    except AttributeError as e:
        print("AttributeError", e)


def getattr_cases():
    class G:
        def __getattr__(self, name):
            return name.upper()

    class H:
        def __getattribute__(self, name):
            return "always"

    def f(o):
        return o.anything

    for o in [G(), H(), G(), H()] * 5:
        r = f(o)
    print(r, f(G()))


def class_attr_cases():
    class C:
        k = 1

        @staticmethod
        def s():
            return "static"

        @classmethod
        def c(cls):
            return cls.__name__

    class D(C):
        pass

    def read(cls):
        return cls.k

    for _ in range(20):
        read(D)
    print(read(D))
    C.k = 2
    print(read(D))
    D.k = 3
    print(read(D), read(C))
    print([D.s() for _ in range(3)], [D.c() for _ in range(3)])


def module_attr_cases():
    import math

    def f():
        return math.pi

    for _ in range(20):
        f()
    print(f())
    old = math.pi
    math.pi = 3
    print(f())
    math.pi = old
    print(f() == old)


counter = 0


def global_cases():
    global counter

    def use_len(x):
        return len(x)

    for _ in range(20):
        use_len("abc")
    print(use_len("abc"))
    globals()["len"] = lambda x: "shadowed"
    print(use_len("abc"))
    del globals()["len"]
    print(use_len("abcd"))
    for i in range(20):
        counter += i
    print(counter)

    def read_counter():
        return counter

    for _ in range(20):
        read_counter()
    del counter
    try:
        read_counter()
    except NameError as e:
        print("NameError", e)
    counter = 5
    print(read_counter())


def number_cases():
    def add(a, b):
        return a + b

    def sub(a, b):
        return a - b

    def mul(a, b):
        return a * b

    def div(a, b):
        return a / b

    big = 2**62
    for _ in range(20):
        add(1, 2), sub(5, 3), mul(3, 4), div(1.0, 2)
    print(add(big - 1, 1), sub(-big, 1), mul(big, big), mul(-1, -(2**62)))
    print(add(1.5, 2), add(2, 1.5), add("a", "b"), add([1], [2]))
    print(div(1, 3), div(2**53 + 1, 1), div(7, 2), div(-7.5, 2))
    try:
        div(1.0, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        div(1, 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    x = 0.5
    y = x * 2.0 + x
    print(x, y, (x * 3) * (x + 1))
    print(add(True, True), mul(True, 3), sub(1.0, True))


def compare_cases():
    def lt(a, b):
        return a < b

    def branch(a, b):
        if a == b:
            return "eq"
        return "ne"

    for _ in range(20):
        lt(1, 2), branch(1, 1), branch("a", "a")
    print(lt(1, 2), lt(2.5, 1.0), lt("a", "b"), lt(float("nan"), 1.0))
    print(branch(1, 1.0), branch("x", "x" * 1), branch("x", "y"), branch(2**70, 2**70))
    try:
        lt(1, "a")
    except TypeError as e:
        print("TypeError", e)


def subscript_cases():
    def get(c, k):
        return c[k]

    def put(c, k, v):
        c[k] = v

    lst = [1, 2, 3]
    tup = (4, 5, 6)
    d = {"a": 1}
    for _ in range(20):
        get(lst, 0), get(tup, 1), get(d, "a"), put(lst, 0, 1), put(d, "b", 2)
    print(get(lst, -1), get(tup, -3), get(d, "b"))
    for c, k in ((lst, 3), (tup, -4), (d, "zz"), (lst, "x")):
        try:
            get(c, k)
        except (IndexError, KeyError, TypeError) as e:
            print(type(e).__name__, e)
    put(lst, -1, 9)
    print(lst)
    try:
        put(lst, 5, 0)
    except IndexError as e:
        print("IndexError", e)

    class M(dict):
        def __missing__(self, k):
            return "missing"

    print(get(M(), "q"))


def unpack_cases():
    def two(t):
        a, b = t
        return a + b

    for _ in range(20):
        two((1, 2))
    print(two((1, 2)), two([3, 4]), two("ab"))
    for bad in ((1, 2, 3), [1], 5):
        try:
            two(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


def call_cases():
    def f(a, b=2, *args, c=3, **kw):
        return a, b, args, c, kw

    def g(a):
        return a

    def gen(n):
        yield from range(n)

    for _ in range(20):
        f(1), g(1), list(gen(2))
    print(f(1), f(1, 5, 6, c=7, d=8), g(g) is g, list(gen(3)))
    try:
        g()
    except TypeError as e:
        print("TypeError", e)
    try:
        g(1, 2)
    except TypeError as e:
        print("TypeError", e)

    def rec(n):
        return rec(n + 1)

    try:
        rec(0)
    except RecursionError as e:
        print("RecursionError", e)


def string_cases():
    s = ""
    for i in range(50):
        s += str(i % 10)
    t = s
    s += "!"
    print(s, t[-3:], len(s), len(t))
    u = "é"
    for _ in range(5):
        u += "ü"
    print(u, len(u))


def bigint_cases():
    total = 2**62 - 10
    for i in range(20):
        total += i
    print(total)
    keep = total
    total += 1
    print(keep, total)
    total -= 2**62 + 200
    print(total, type(total))
    big = 2**100
    other = big
    big -= 1
    print(big, other)
    n = -(2**70)
    for i in range(5):
        n += 2**69
    print(n)
    x = 2**64
    x += x
    print(x)
    y = 2**64
    y += True
    print(y)
    z = 2**65
    z += -(2**64)
    print(z, z - 2**64)


def traceback_line():
    import traceback

    class A:
        pass

    def f(o):
        x = 1
        return o.missing + x

    for _ in range(10):
        try:
            f(A())
        except AttributeError:
            pass
    try:
        f(A())
    except AttributeError:
        print(traceback.format_exc().splitlines()[-3:])


attr_cases()
slots_cases()
getattr_cases()
class_attr_cases()
module_attr_cases()
global_cases()
number_cases()
compare_cases()
subscript_cases()
unpack_cases()
call_cases()
string_cases()
bigint_cases()
traceback_line()
