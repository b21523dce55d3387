# Generators: yield, yield from, send, return values, generator expressions.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count(4)), type(count(1)).__name__)

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from range(3)

print(list(outer()))

def delegating_send():
    got = yield from echo()
    yield ("done", got)

d = delegating_send()
print(next(d), d.send("x"), d.send("y"), d.send(None))

# Generator expressions are lazy and have their own scope.
squares = (i * i for i in range(5))
print(type(squares).__name__, next(squares), list(squares))
print(sum(x for x in range(10) if x % 2))
print(list((a, b) for a in range(2) for b in "xy"))

# The outermost iterable is evaluated immediately.
def boom():
    raise ValueError("evaluated now")
try:
    (x for x in boom())
except ValueError as e:
    print("ValueError:", e)

# try/finally inside a generator runs on close()
def with_cleanup():
    try:
        yield "first"
        yield "second"
    finally:
        print("cleanup ran")

c = with_cleanup()
print(next(c))
c.close()

# Exceptions thrown into generators
def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            print("caught", repr(e))

k = catcher()
next(k)
print(k.throw(KeyError("boom")))

# yield as an expression in various places
def exprs():
    x = (yield 1) + (yield 2)
    yield x
    yield "skip" if x else "never"

e = exprs()
print(next(e), e.send(10), e.send(32), next(e))

# Generator functions returning early
def early(flag):
    if flag:
        return
    yield "not early"
print(list(early(True)), list(early(False)))

# Generators with closures
def make_gen(base):
    def gen():
        for i in range(3):
            yield base + i
    return gen
print(list(make_gen(100)()))

# StopIteration inside a generator becomes RuntimeError
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)

# Lambda generators
lg = lambda: (yield 5)
print(list(lg()))
