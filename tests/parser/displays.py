a = []
b = [1]
c = [1, 2, 3,]
d = [*a, *b, 3]
e = ()
f = (1,)
g = (1, 2)
h = (*a, *b)
i = {}
j = {1: 2}
k = {1: 2, 3: 4,}
l = {**a, 'b': 1, **c}
m = {1}
n = {1, 2, *s}
o = [x for x in y]
p = [x for x in y if x if not z]
q = [x * y for x in a for y in b]
r = {x for x in y}
s = {k: v for k, v in d.items()}
t = (x for x in y)
u = [[x for x in row] for row in matrix]
v = [x for x in range(10) if x % 2 == 0]
w = {x: [y for y in x] for x in z if x}
x = [(a, b) for a, b in pairs]
y = [y := f(x), y**2]
z = [i for i in range(3) for j in range(i) if j]
aa = {'a': 1, 'b': [1, 2], 'c': {'d': ()}}
ab = [
    1,
    2,
]
ac = {
    "key": "value",
    **defaults,
}
