a = 1 + 2 - 3 * 4 / 5 // 6 % 7 @ m
b = 2 ** 3 ** 4
c = -x ** 2
d = (-x) ** 2
e = ~x + +y - -z
f = a << 1 >> 2
g = a & b | c ^ d
h = not a
i = a and b or c and not d
j = a or b or c
k = a and b and c
l = 1 < 2 <= 3 > 4 >= 5 == 6 != 7
m = a in b
n = a not in b
o = a is b
p = a is not b
q = a if b else c
r = a if b else c if d else e
s = (a if b else c) if d else e
t = lambda: 0
u = lambda x: x + 1
v = lambda x, y=2, *args, z, w=3, **kw: x
w = lambda *, a: a
x = lambda a, /, b: a
y = await_ = 5
z = x[1] ** -y
aa = not not a
ab = - - - 1
ac = a if not b else not c
ad = 2 ** -1
ae = a < b < c
