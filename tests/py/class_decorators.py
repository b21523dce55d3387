# Decorators: plain, with arguments, stacked, functools.wraps, class decorators.
import functools

def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args} {kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    return wrapper

@trace
def add(a, b=0):
    "Add two numbers."
    return a + b

add(1, 2)
add(1, b=5)
print(add.__name__, add.__doc__, add.__wrapped__.__name__)

def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator

@repeat(3)
def greet(name):
    return f"hi {name}"
print(greet("bob"))

def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())

# Decorator that counts calls with a function attribute.
def counted(f):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)
    wrapper.calls = 0
    return wrapper
@counted
def noop():
    pass
for _ in range(4):
    noop()
print(noop.calls)

# Memoization by hand and with functools.lru_cache.
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))

@functools.lru_cache(maxsize=None)
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)
print(fib2(100), fib2.cache_info().hits > 0)

# Class-based decorator.
class CallLog:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.log = []
    def __call__(self, *args):
        self.log.append(args)
        return self.func(*args)
@CallLog
def mul(a, b):
    return a * b
print(mul(2, 3), mul(4, 5), mul.log, mul.__name__)

# Class decorator registering classes.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Alpha: pass
@register
class Beta: pass
print(sorted(registry))

# Decorators on methods.
class Service:
    def __repr__(self):
        return "<Service>"
    @trace
    def handle(self, req):
        return req.upper()
    @staticmethod
    @trace
    def helper(x):
        return x * 2
print(Service().handle("get"), Service.helper(4))

# Decorator expressions (PEP 614).
decorators = [trace]
@decorators[0]
def sub(a, b):
    return a - b
sub(5, 3)
