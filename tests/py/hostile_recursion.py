# Deep recursion in every form ends in RecursionError (or works), never a crash.
import sys

def report(what, f):
    try:
        r = f()
        print(what, "ok", r)
    except RecursionError:
        print(what, "RecursionError")
    except MemoryError:
        print(what, "MemoryError")

def down(n):
    return down(n + 1)
report("python calls", lambda: down(0))

class A:
    def __getattr__(self, name):
        return getattr(self, name)
report("__getattr__ loop", lambda: A().x)

class R:
    def __repr__(self):
        return repr(self)
report("__repr__ loop", lambda: repr(R()))

class E:
    def __eq__(self, other):
        return self == other
report("__eq__ loop", lambda: E() == E())

def nested_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
def nested_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x
def nested_dict(n):
    x = {}
    for _ in range(n):
        x = {"k": x}
    return x

deep = nested_list(100000)
report("repr nested list", lambda: len(repr(deep)))
report("str nested list", lambda: len(str(deep)))
report("== nested lists", lambda: deep == nested_list(100000))
report("< nested lists", lambda: deep < nested_list(100000))
t = nested_tuple(100000)
report("hash nested tuple", lambda: hash(t) is not None)
report("== nested tuples", lambda: t == nested_tuple(100000))
d = nested_dict(100000)
report("repr nested dict", lambda: len(repr(d)))
report("== nested dicts", lambda: d == nested_dict(100000))

a = []; a.append(a)
b = []; b.append(b)
report("self-containing list repr", lambda: repr(a))
report("self-containing a == a", lambda: a == a)
report("self-containing a == b", lambda: a == b)
da = {}; da[1] = da
db = {}; db[1] = db
report("self-containing dict repr", lambda: repr(da))
report("self-containing da == db", lambda: da == db)

def gen_chain(n):
    g = iter([1])
    for _ in range(n):
        g = (x for x in g)
    return g
report("generator chain", lambda: next(gen_chain(20000)))

def yield_from_chain(n):
    if n == 0:
        yield 1
    else:
        yield from yield_from_chain(n - 1)
report("yield from chain", lambda: next(yield_from_chain(100000)))

report("nested functools-free lambdas", lambda: (lambda f: f(f))(lambda f: f(f)))
report("deep getattr via property", lambda: type("P", (), {"p": property(lambda s: s.p)})().p)
report("iter of self", lambda: list(type("I", (), {"__iter__": lambda s: iter(s)})()))
report("str of self", lambda: str(type("S", (), {"__str__": lambda s: str(s)})()))
report("len recursion", lambda: len(type("L", (), {"__len__": lambda s: len(s)})()))
report("hash recursion", lambda: hash(type("H", (), {"__hash__": lambda s: hash(s)})()))
report("bool recursion", lambda: bool(type("B", (), {"__bool__": lambda s: bool(s)})()))
report("add recursion", lambda: type("N", (), {"__add__": lambda s, o: s + o})() + 1)
report("call recursion", lambda: type("C", (), {"__call__": lambda s: s()})()())
report("init recursion", lambda: type("K", (), {"__init__": lambda s: type(s)()})())
report("exec recursion", lambda: exec("def f(): return f()\nf()", {}))
report("eval nesting", lambda: eval("f(" * 50 + ")" * 50, {"f": lambda *a: 1}))

print("recursion limit", sys.getrecursionlimit())
