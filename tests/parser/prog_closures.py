def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    increment.reset = reset
    return increment

def memoize(fn):
    cache = {}
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = fn(*args, **kwargs)
        return cache[key]
    wrapper.__name__ = fn.__name__
    return wrapper

@memoize
def slow_square(n):
    return n * n

c = make_counter(10)
print(c(), c(5), slow_square(4), slow_square(4))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
