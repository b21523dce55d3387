# def: defaults, keyword-only and positional-only parameters, *args,
# **kwargs, annotations, docstrings, recursion, attributes.

def greet(name, greeting="Hello", *, punct="!"):
    """Return a greeting."""
    return f"{greeting}, {name}{punct}"

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"))
print(greet.__doc__, greet.__name__, greet.__qualname__, greet.__defaults__,
      greet.__kwdefaults__)

def no_doc():
    x = "not a docstring"
    return x
print(no_doc.__doc__, no_doc.__code__.co_consts[0])

def annotated(a: int, b: "str" = "b", *args: float, c: list, **kw: dict) -> bool:
    pass
print(annotated.__annotations__)

def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, 2, x=3))

def pos_only(a, b=2, /, c=3):
    return a, b, c
print(pos_only(1), pos_only(1, 5, c=6))
try:
    pos_only(a=1)
except TypeError as e:
    print("TypeError:", e)

# Defaults are evaluated once, at definition time
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2))

counter = 0
def side_effect():
    global counter
    counter += 1
    return counter
def uses_default(v=side_effect()):
    return v
print(uses_default(), uses_default(), counter)

# Recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(10)])

# Mutual recursion through globals defined later
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7))

# Function attributes and introspection
def attrs():
    pass
attrs.custom = "value"
print(attrs.custom, attrs.__code__.co_name, attrs.__code__.co_filename.endswith("lang_functions.py"))

# Functions returning nothing
def nothing():
    pass
def bare_return():
    return
print(nothing(), bare_return())

# Wrong calls
def two(a, b):
    return a + b
for call in (lambda: two(1), lambda: two(1, 2, 3), lambda: two(1, c=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# Nested function definitions with decorators and closures
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def slow_square(n):
    return n * n
print(slow_square(4), slow_square(4), slow_square.cache)

# Lambda
square = lambda v: v * v
print(square(9), square.__name__, (lambda: None)())
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda t: (t[0], t[1])))

# Global statement at module level is harmless
global module_level_global
module_level_global = 1
print(module_level_global)
