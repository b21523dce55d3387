# StopIteration semantics: iterators, next() defaults, for loops, generators (PEP 479), return values.
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
c = Count(2)
print(list(c), list(c), next(c, "done"))
it = iter([1])
print(next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
class WithValue:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("value carried")
try:
    next(WithValue())
except StopIteration as e:
    print(repr(e), e.value)
for x in WithValue():
    print("never")
print("for loop swallowed StopIteration")
def gen_raises():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(gen_raises()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
def gen_return():
    yield 1
    return "the end"
g = gen_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
print(next(g, "exhausted"))
print(list(zip([1, 2, 3], Count(2))), dict(zip("ab", Count(5))))
def first_even(xs):
    return next((x for x in xs if x % 2 == 0), None)
print(first_even([1, 3, 4, 6]), first_even([1, 3]))
its = iter(range(3))
for a in its:
    for b in its:
        print(a, b)
stop = StopIteration(42)
print(stop.value, StopIteration().value, isinstance(stop, Exception))
class BadIter:
    def __iter__(self): return self
    def __next__(self): raise ValueError("broken iterator")
try:
    for _ in BadIter():
        pass
except ValueError as e:
    print(type(e).__name__, e)
