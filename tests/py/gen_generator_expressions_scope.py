# Generator expression scoping and laziness: first iterable evaluated eagerly, closures, class bodies.
x = 10
g = (x * i for i in range(3))
x = 100
print(list(g))
def make():
    funcs = [lambda: i for i in range(3)]
    gens = ((lambda j=j: j) for j in range(3))
    return [f() for f in funcs], [f() for f in gens]
print(make())
class K:
    data = [1, 2, 3]
    total = sum(v * 2 for v in data)
    try:
        bad = [v for v in data if v in data]
    except NameError as e:
        error = f"{type(e).__name__}: {e}"
print(K.total, getattr(K, "bad", None), getattr(K, "error", "no error"))
nums = [1, 2, 3]
squares = (n * n for n in nums)
nums.append(4)
print(list(squares))
nums = [1, 2]
lazy = (n for n in nums)
nums = [7, 8, 9]
print(list(lazy))
def first(iterable):
    for item in iterable:
        return item
print(first(n for n in range(10**9) if n > 5))
print(list(zip(*(iter("abc"),) * 2)), sum(1 for _ in "hello"))
matrix = [[1, 2], [3, 4]]
print(list(x for row in matrix for x in row), [[row[i] for row in matrix] for i in range(2)])
g = (i for i in range(3))
print(next(g), list(g), list(g), g.__name__, type(g).__name__)
try:
    (1 / d for d in [0])
    print("created lazily without error")
    next(1 / d for d in [0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sorted((w for w in "b a c".split()), reverse=True), dict((k, v) for k, v in [("a", 1)]))
