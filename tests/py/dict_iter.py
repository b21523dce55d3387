# dict iteration order, changes during iteration
d = {}
for k in [5, 3, 9, 1, 'a', (1, 2), 2.5]:
    d[k] = str(k)
print(d, list(d))
del d[3]
d[3] = 'again'
print(list(d))
d[5] = 'replaced'
print(list(d.items())[:2])
e = {i: i for i in range(100)}
for i in range(0, 100, 3):
    del e[i]
print(len(e), list(e)[:5], list(e)[-3:])
for i in range(200, 300):
    e[i] = i
print(len(e), list(e)[-3:])
f = {1: 1, 2: 2}
try:
    for k in f:
        f[k + 10] = 0
except RuntimeError as ex:
    print('RuntimeError', ex)
g = {1: 1, 2: 2}
for k in g:
    g[k] = 0
print(g)
h = {1: 1, 2: 2, 3: 3}
try:
    for k in h.values():
        del h[1]
except RuntimeError as ex:
    print('RuntimeError', ex)
it = iter({1: 2})
print(it.__length_hint__(), next(it), it.__length_hint__())
try:
    next(it)
except StopIteration:
    print('StopIteration')
r = reversed({'a': 1, 'b': 2, 'c': 3}.items())
print(next(r), list(r))
print(list(reversed({'a': 1, 'b': 2}.values())))
j = {'x': 1}
rj = reversed(j)
j['y'] = 2
try:
    next(rj)
except RuntimeError as ex:
    print('RuntimeError', ex)
k = dict(zip('abc', range(3)))
print(k, dict(a=1, b=2), dict([(1, 2)], x=3), dict({1: 2}))
print({**k, 'd': 4}, {**{1: 1}, **{1: 2}})
