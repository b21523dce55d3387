# Generator expressions and comprehensions (list, dict, set) with nested for/if.
n = 10
print(sum(i * i for i in range(n)), max(len(w) for w in "a bb ccc".split()))
print(any(x > 5 for x in [1, 7]), all(x > 0 for x in []), min((x for x in [3, 1]), default=0))
g = (x * 2 for x in range(3))
print(type(g).__name__, next(g), list(g), list(g))
print(sorted((c for c in "banana"), reverse=True), "".join(ch.upper() for ch in "abc"))
print(tuple(x for x in range(3)), set(x % 3 for x in range(10)), dict((k, len(k)) for k in ["aa", "b"]))

print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print([(i, j) for i in range(3) if i for j in range(i)])
print([[row * col for col in range(3)] for row in range(3)])
print({w: len(w) for w in "the quick brown fox".split() if len(w) > 3})
print({c for c in "mississippi"} == set("misp"), sorted({c for c in "mississippi"}))
print({k: v for k, v in zip("abc", range(3))}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print([x if x % 2 else -x for x in range(5)])
print([y for x in [[1, 2], [3]] for y in x], [c for word in ["hi", "yo"] for c in word])

# Comprehension variables do not leak; outer names are visible.
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
factor = 3
print([v * factor for v in range(3)])
class Holder:
    values = [1, 2]
    doubled = [v * 2 for v in values]
print(Holder.doubled)

# Walrus in comprehensions binds in the enclosing scope.
data = [1, 5, 3, 8]
print([y for v in data if (y := v * 2) > 5], y)

# Generator expressions are lazy: errors appear on iteration.
gen = (1 / v for v in [1, 0])
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
# ... but the first iterable is evaluated immediately.
try:
    (v for v in 5)
except TypeError as e:
    print(type(e).__name__, e)

# Nested generator expressions and generator as function argument without parens.
print(sum(sum(r) for r in [[1, 2], [3, 4]]), list(zip((a for a in "ab"), range(5))))
try:
    exec("f(x for x in y, 1)")
except SyntaxError as e:
    print(type(e).__name__, e)

# Large lazy pipelines don't materialize.
big = (i for i in range(10**12))
print(next(x for x in big if x > 5))

# enumerate/zip inside comprehensions
words = ["a", "b", "c"]
print({i: w for i, w in enumerate(words, 1)}, [f"{a}{b}" for a, b in zip(words, words[1:])])
