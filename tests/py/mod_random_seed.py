# Seeding with every supported type, getstate/setstate round trips.
import random
for seed in [0, 1, -1, 42, 2 ** 32, 2 ** 32 - 1, 2 ** 64 + 5, -(2 ** 100), 3.25, -1.5, 0.0,
             "hello", "", "\u00e9t\u00e9", b"hello", b"", bytearray(b"xyz"), True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(0, 1000))
random.seed("abc", version=1); print(random.random())
random.seed(b"abc", version=1); print(random.random())
random.seed(12345, version=1); print(random.random())
random.seed(7)
s = random.getstate()
print(type(s), len(s), s[0], len(s[1]), s[2])
a = [random.random() for i in range(5)]
random.setstate(s)
print(a == [random.random() for i in range(5)])
random.gauss(0, 1)
s = random.getstate(); print(s[2] is not None)
x = random.gauss(0, 1); random.setstate(s); print(x == random.gauss(0, 1))
for bad in [[1], {1: 2}, {1}, (1, 2), object()]:
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(bad).__name__, "TypeError", e)
for st in [(1, 2), (2, tuple(range(625)), None), (3, (1, 2), None), (3, tuple(range(624)) + (700,), None), (3, tuple(range(625)), None)]:
    try:
        random.setstate(st)
        print("ok", random.random())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.setstate((3, [0] * 625, None))
except TypeError as e:
    print("TypeError", e)
try:
    random.setstate((3, (-1,) * 625, None))
except OverflowError as e:
    print("OverflowError", e)
