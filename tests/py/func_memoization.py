# Memoization with functools.lru_cache and cache: cache_info, cache_clear, typed, maxsize eviction.
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
print(fib(30), len(calls), fib.cache_info().hits)
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 1, 2]:
    square(v)
print(square.cache_info())
@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(30), ways.cache_info().currsize)
@lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind.cache_info().currsize)
@lru_cache
def with_kwargs(a, b=2):
    return a + b
print(with_kwargs(1), with_kwargs(1, b=2), with_kwargs(a=1), with_kwargs.cache_info().misses)
try:
    square([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(fib.__name__, fib.__wrapped__.__name__, callable(fib.cache_info))
