# The same iterator written as a class and as a generator; iterables vs iterators; reuse.
class FibIterator:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value
def fib_gen(limit):
    a, b = 0, 1
    while a <= limit:
        yield a
        a, b = b, a + b
class FibIterable:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return fib_gen(self.limit)
print(list(FibIterator(50)), list(fib_gen(50)))
it = FibIterator(10)
print(list(it), list(it), iter(it) is it)
able = FibIterable(10)
print(list(able), list(able), iter(able) is iter(able))
print(sum(FibIterator(100)), max(fib_gen(1000)), sorted(FibIterable(20), reverse=True))
a, b, *rest = FibIterable(30)
print(a, b, rest)
print(dict(zip(FibIterable(5), "abcdef")), set(FibIterator(10)), 8 in FibIterable(10))
for i, v in enumerate(fib_gen(10), start=1):
    print(i, v, end="; ")
print()
class Reverse:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        for i in range(len(self.data) - 1, -1, -1):
            yield self.data[i]
    def __reversed__(self):
        return iter(self.data)
r = Reverse("abc")
print(list(r), list(reversed(r)), "".join(r))
