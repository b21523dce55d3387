# Augmented assignment on names, attributes, subscripts; each target evaluated once.
x = 10
x += 5; x -= 3; x *= 2; x /= 4; print(x)
n = 17
n //= 5; print(n); n **= 3; print(n); n %= 7; print(n)
b = 0b1100
b &= 0b1010; print(b); b |= 1; print(b); b ^= 0b1111; print(b); b <<= 3; print(b); b >>= 2; print(b)
s = "ab"
s += "cd"; s *= 2; print(s)
t = (1,)
t += (2, 3); print(t)
L = [1]
alias = L
L += [2]; L *= 2
print(L, alias is L)
T = (1,)
alias_t = T
T += (2,)
print(T, alias_t, alias_t is T)
class Box:
    def __init__(self):
        self.v = 1
        self.items = {"k": 1}
bx = Box()
bx.v += 41
bx.items["k"] -= 5
print(bx.v, bx.items)
calls = []
def key():
    calls.append("key")
    return "k"
def obj():
    calls.append("obj")
    return bx
obj().items[key()] += 100
print(bx.items, calls)
grid = [[0, 0], [0, 0]]
for i in range(2):
    for j in range(2):
        grid[i][j] += i * 2 + j
print(grid)
d = {}
for w in "a b a c a".split():
    d[w] = d.get(w, 0) + 1
print(d)
f = 1.5
f **= 2; print(f)
c = 1 + 2j
c *= 1j; print(c)
try:
    undefined_var += 1
except NameError as e:
    print(type(e).__name__, e)
try:
    s -= "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    t += [4]
except TypeError as e:
    print(type(e).__name__, e)
tl = ([1],)
try:
    tl[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(tl)
m = [[1]] * 2
m[0] += [9]
print(m)
