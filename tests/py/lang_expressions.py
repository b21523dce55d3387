# Expressions: operators, comparisons, boolean values, unpacking, calls.

# Chained comparisons evaluate the middle operand once.
def noisy(v):
    print("  eval", v)
    return v
print(1 < noisy(2) < 3, 3 < noisy(2) < 4, 1 < 2 < 3 < 4 > 0)
x = 5
print(0 < x <= 5 != 6, x is not None, x in (1, 5), x not in [1, 2])
print("a" < "b" < "c", [1] == [1] != [2])

# and / or return operands
print(0 or "default", "" and "never", [] or {} or "last", 1 and 2 and 3)
print(None or 0 or False, not 0, not "x")
print((lambda: x > 3 and "big" or "small")())

# Conditional expressions and walrus
y = "yes" if x > 3 else "no"
print(y, (n := 10) + n)
if (m := len("hello")) > 3:
    print("m is", m)
while (k := x) > 0:
    x -= 2
print("x after loop", x, k)

# Constant folding must keep semantics
print(2 ** 100, -2 ** 2, (-2) ** 2, 7 // -2, -7 % 3, 2 ** -1)
print(1 / 2, 10 // 3, 10 % 3, 1 << 70, -(-5), ~5, +3)
print("ab" * 3, (1, 2) * 2, "abc"[1], (1, 2, 3)[-1], "xyz"[::-1])
print(-0.0, 0.0 == -0.0, 1e300 * 1e10, 1j * 1j, 3 + 4j)
print(True + True, 1 == 1.0, None is None, ... is Ellipsis)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(not (x is None), not (1 in []), not (x is not None))

# Unpacking assignments
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
first, *rest = [1, 2, 3, 4]
*init, last = range(4)
head, *mid, tail = "abcde"
print(first, rest, init, last, head, mid, tail)
(p, q), r = (1, 2), 3
[s, [t, u]] = [4, [5, 6]]
print(p, q, r, s, t, u)
i = j = k = []
i.append(1)
print(i, j, k, i is k)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError:", e)

# Targets: attributes and subscripts, augmented assignment
class Box:
    pass
box = Box()
box.v = 1
box.v += 41
d = {"k": [10, 20]}
d["k"][1] *= 3
d["new"] = d.get("new", 0) + 1
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ["a", "b", "c"]
del lst[0]
del lst[-2:]
print(box.v, d, lst)
n = 7
n //= 2; n **= 3; n -= 1; n <<= 1; n |= 1; n ^= 3; n &= 0xff; n %= 100
print(n)
s = "a"
s += "b"
s *= 2
print(s)
del box.v
print(hasattr(box, "v"))

# Star expressions in displays
xs = [1, 2]
print([*xs, 3, *xs], (*xs,), {*xs, 5}, {**{"a": 1}, "b": 2, **{"a": 3}})
print([*range(3)], [*"ab", *()], {"x": 1, **{}})

# Calls with every kind of argument
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
print(f(1, *(2, 3), 4, *[5], c=6, **{"e": 7}, g=8))
args = (10,)
kwargs = {"b": 20}
print(f(*args, **kwargs))
print(f(a=1, b=2), f(1, c=5))
try:
    f(1, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
print(max([3, 1, 2], key=lambda v: -v), sorted("bca", reverse=True))
print("x".join(["a", "b"]), "{}-{}".format(1, 2), "{a}".format(a="A"))

# Subscripts and slices
t = list(range(10))
print(t[2:5], t[::3], t[-3:], t[:-7], t[1:8:2], t[slice(2, 4)])
m = {(1, 2): "tuple key"}
print(m[1, 2], m[(1, 2)])

# Lambda with defaults and keyword-only arguments
h = lambda x, y=10, *, z=100: x + y + z
print(h(1), h(1, 2, z=3), (lambda *a, **k: (a, k))(1, k=2))

# Big collections (built piece by piece)
big = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
       20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, x]
print(len(big), big[-1])
bigd = {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7,
        "k8": 8, "k9": 9, "k10": 10, "k11": 11, "k12": 12, "k13": 13, "k14": 14,
        "k15": 15, "k16": 16, "k17": 17, "k18": x}
print(len(bigd), bigd["k18"])
print(f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, c=0, zz=1)[2][-1])
