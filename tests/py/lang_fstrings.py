# f-strings and comprehensions.
name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!", f"{n}", f"{n:5d}|", f"{n:<5}|", f"{pi:.2f}", f"{name!r}")
print(f"{name!s:>8}", f"{'nested'}", f"{n + 1 = }", f"{n=}", f"{{literal}}")
width = 7
print(f"{pi:{width}.{2}f}|", f"{n:#x}", f"{n:,}", f"{1234567:_}", f"{'ü'!a}")
print(f"", f"{''}", f"a{1}b{2}c", f"{[1, 2][0]}{ {'k': 'v'}['k'] }")
items = ["x", "y"]
print(f"{', '.join(items)}", f"{len(items)} items", f"{n if n > 40 else 0}")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __repr__(self):
        return "repr-P"
    def __str__(self):
        return "str-P"
p = P()
print(f"{p}", f"{p:abc}", f"{p!r}", f"{p!s}", f"{p!r:>10}")
long_f = f"{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}{11}{12}{13}{14}{15}{16}{17}{18}{19}{20}{21}{22}{23}{24}{25}{26}{27}{28}{29}{30}{31}{32}"
print(long_f)

# Comprehensions
print([i * i for i in range(6) if i % 2 == 0])
print({c for c in "hello"} == set("helo"), {k: v for k, v in zip("ab", (1, 2))})
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print([y for x in [[1, 2], [3]] for y in x if y != 2])
print({i: [j for j in range(i)] for i in range(3)})
print([x for x in range(10) if x > 2 if x < 6])
print([v for v in [1]], [w for y in [5] for w in [y * 2]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print(sorted({x % 3 for x in range(10)}), list({i: i for i in "aab"}))
# Comprehension variables do not leak
i = "outer i"
[i for i in range(3)]
print(i)
# Nested functions inside comprehensions capture per-iteration values
print([(lambda: k)() for k in range(3)])
adders = [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in adders])
