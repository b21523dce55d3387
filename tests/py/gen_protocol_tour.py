def g():
    yield 1
    raise StopIteration("inside")
try:
    list(g())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def h():
    x = yield 1
    print("got", x)
    yield x * 2
it = h()
print(next(it), it.send(21))
try:
    it.send(1)
except StopIteration as e:
    print("stop", e.value)
try:
    h().send(5)
except TypeError as e:
    print(e)
def selfref():
    yield next(gen)
gen = selfref()
try:
    next(gen)
except ValueError as e:
    print(e)
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = closer(); next(c); c.close(); c.close()
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_closer(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def counter():
    n = 0
    while True:
        n += 1
        yield n
cnt = counter()
print([next(cnt) for _ in range(3)], cnt.gi_running, cnt.__name__, cnt.__qualname__)
print(type(counter).__name__, type(cnt).__name__, repr(cnt).split(" at ")[0])
gexp = (i for i in range(3))
print(repr(gexp).split(" at ")[0], list(zip(gexp, "ab")), list(gexp))
def deleg():
    result = yield from inner()
    yield f"inner returned {result}"
def inner():
    yield "a"
    return "done"
print(list(deleg()))
def thrower():
    try:
        yield 1
    except ValueError:
        yield "caught"
t = thrower(); next(t)
print(t.throw(ValueError))
try:
    t.throw(TypeError("tt"))
except TypeError as e:
    print("propagated", e)
print(next(iter(range(5))), next(iter([]), "dflt"), list(iter(lambda: 1, 1)))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)], sum(Countdown(4)), 2 in Countdown(3))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
d = {"a": 1}
it = iter(d)
print(next(it))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
import itertools
def take(n, it): return list(itertools.islice(it, n))
def primes():
    seen = []
    for n in itertools.count(2):
        if all(n % p for p in seen):
            seen.append(n)
            yield n
print(take(10, primes()))
