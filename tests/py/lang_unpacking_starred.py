# Unpacking assignments with starred targets, nested targets, swaps.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
a, *empty, z = (1, 2)
print(a, empty, z)
(x, y), [p, *q] = (1, 2), "abc"
print(x, y, p, q)
a, b = b, a = 1, 2
print(a, b)
x, y = 1, 2
x, y = y, x
print(x, y)
for i, (name, *scores) in enumerate([("ann", 1, 2), ("bob",)]):
    print(i, name, scores)
head, *tail = {"k1": 1, "k2": 2}
print(head, tail)
[a, b], c = "xy", 3
print(a, b, c)
*all_of_it, = (1, 2)
print(all_of_it)
# Unpacking into attributes and subscripts.
class Obj: pass
o = Obj()
d = {}
o.a, d["k"], *o.rest = 1, 2, 3, 4
print(o.a, d, o.rest)
lst = [0, 0, 0]
lst[0], lst[2] = "x", "z"
print(lst)

errors = ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5", "(a, b), c = [1, 2]",
          "a, b = {'only': 1}"]
for src in errors:
    try:
        exec(src)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for src in ["*a, *b = [1, 2]", "*a = [1]", "a, *b, *c = 1, 2"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e)

# Starred expressions in returns and for loops.
def stats(*nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats(3, 1, 2)
print(lo, hi, avg)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
for (a, b), c in [((1, 2), 3)]:
    print(a + b + c)
# Unpacking generators lazily consumed.
def g():
    print("gen start")
    yield 1
    yield 2
u, v = g()
print(u, v)
