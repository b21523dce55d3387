# Slices with steps, negative indices, slice assignment, del of slices.
s = "abcdefghij"
L = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[-1:-4:-1], s[5:2], s[100:])
print(L[2:8:2], L[::-3], L[8:2:-2], L[-100:100], L[3:3], L[::1] == L, L[:] is L)
print((1, 2, 3, 4)[1:3], range(10)[2:8:3], b"bytes"[1:3], bytearray(b"xyz")[::-1])
sl = slice(1, 8, 3)
print(L[sl], s[sl], sl.start, sl.stop, sl.step, sl.indices(5), slice(3), repr(slice(None, 2)))
try:
    L[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    L["a":]
except TypeError as e:
    print(type(e).__name__, e)

# Slice assignment: grow, shrink, insert, replace with any iterable.
M = list(range(6))
M[1:3] = ["a", "b", "c", "d"]
print(M)
M[1:5] = []
print(M)
M[0:0] = "xy"
print(M)
M[len(M):] = (7, 8)
print(M)
M[::2] = [0] * len(M[::2])
print(M)
try:
    M[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    M[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
M[:] = range(3)
print(M)
M[1:1] = M
print(M)

# del of items and slices.
N = list(range(10))
del N[0]
del N[-1]
del N[::2]
print(N)
del N[1:3]
print(N)
del N[:]
print(N)
try:
    del N[0]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del "abc"[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[0] = 3
except TypeError as e:
    print(type(e).__name__, e)

# del of names, attributes, dict items.
class C: pass
c = C()
c.attr = 1
del c.attr
d = {"a": 1, "b": 2}
del d["a"]
v = 10
del v
print(hasattr(c, "attr"), d)
try:
    print(v)
except NameError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print(type(e).__name__, e)

# Indexing errors.
for src in ["[1][5]", "'abc'[10]", "(1,)[-2]", "[1]['x']", "{}[[]]", "range(3)[3]", "'s'[1.0]"]:
    try:
        eval(src)
    except (IndexError, TypeError, KeyError) as e:
        print(type(e).__name__, e)

# Extended slicing of strings for palindromes and reversal idioms.
word = "Racecar"
print(word.lower() == word.lower()[::-1], " ".join("hello world".split()[::-1]))
