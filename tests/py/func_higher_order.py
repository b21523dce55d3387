# Higher-order functions: map/filter/reduce, partial, key functions, function factories, pipelines.
from functools import reduce, partial, wraps, cmp_to_key
from operator import add, mul, itemgetter
nums = [5, 3, 8, 1, 9, 2]
print(reduce(add, nums), reduce(mul, nums, 1), reduce(lambda a, b: a if a > b else b, nums))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 2, nums))))
print(reduce(lambda acc, x: acc + [acc[-1] + x], nums, [0]))
try:
    reduce(add, [])
except TypeError as e:
    print(type(e).__name__, e)
power = lambda base, exp: base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(7), cube(2), square.func is power, square.keywords, partial(int, base=2)("1011"))
def compose(*fns):
    return lambda x: reduce(lambda acc, f: f(acc), fns, x)
pipeline = compose(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(pipeline("  Hello World  "))
def make_multiplier(k):
    def multiply(x):
        return x * k
    multiply.__name__ = f"times_{k}"
    return multiply
fns = [make_multiplier(k) for k in range(1, 4)]
print([f(10) for f in fns], [f.__name__ for f in fns])
def compare_len_then_alpha(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))
records = [{"n": "a", "s": 3}, {"n": "b", "s": 1}, {"n": "c", "s": 2}]
print([r["n"] for r in sorted(records, key=itemgetter("s"))])
def retry(times):
    def deco(f):
        @wraps(f)
        def wrapper(*a):
            for attempt in range(1, times + 1):
                try:
                    return f(*a)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            return None
        return wrapper
    return deco
state = {"calls": 0}
@retry(3)
def flaky():
    state["calls"] += 1
    if state["calls"] < 3:
        raise ValueError("not yet")
    return "succeeded"
print(flaky(), flaky.__name__)
print(list(map(len, ["a", "bb"])), list(map(max, [1, 5], [4, 2])), list(zip(*map(str.split, ["a b", "c d"]))))
print(any(map(str.isdigit, "ab1")), all(map(bool, [1, [1]])), sorted(map(abs, [-3, 2, -1])))
apply_twice = lambda f, x: f(f(x))
print(apply_twice(lambda s: s + "!", "hi"), apply_twice(square, 3))
