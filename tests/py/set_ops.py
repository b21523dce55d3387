# set and frozenset operators
a = {1, 2, 3, 4}
b = {3, 4, 5}
fa = frozenset(a)
print(a | b, a & b, a - b, b - a, a ^ b)
print(fa | b, type(fa | b).__name__, type(b | fa).__name__, type(fa & b).__name__, type(b - fa).__name__)
print(a == fa, fa == a, a != b, set() == frozenset())
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: a | [1])
t(lambda: a & (1,))
t(lambda: a - 'x')
t(lambda: a ^ None)
t(lambda: [1] | a)
c = {1, 2}
d = c
c |= {3}
c &= {2, 3, 4}
print(c, d is c)
c -= {3}
print(c)
c ^= {2, 7}
print(c)
def inplace(x, y, op):
    if op == '|': x |= y
    if op == '&': x &= y
    if op == '-': x -= y
    if op == '^': x ^= y
    return x
for op in '|&-^':
    t(lambda: inplace({1}, [1], op))
f = frozenset([1])
g = f
f |= {2}
print(f, g, f is g, type(f).__name__)
print(1 in a, 9 in a, 'x' in a, 1.0 in a, frozenset([3, 4]) in {frozenset([3, 4])})
print({1, 2} in [{2, 1}], {2, 1} in {frozenset({1, 2})})
t(lambda: [] in a)
t(lambda: {} in a)
print(len(a), len(set()), bool(set()), bool({0}))
x = {1, 2, 3}
print(x - x, x ^ x, x & x, x | x)
print(set() | set(), set() & {1}, {1} - set())
h = set(range(10))
h -= set(range(0, 10, 2))
print(h)
h &= frozenset(range(5))
print(h)
