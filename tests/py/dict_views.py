# dict views: keys(), values(), items()
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), list(k), list(v), list(i))
print('a' in k, 'z' in k, 1 in v, 5 in v, ('a', 1) in i, ('a', 2) in i, 'a' in i, ('a',) in i)
d['d'] = 4
print(k, v, i)
del d['a']
print(list(k), list(v), list(i))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(reversed(k)).__name__, type(reversed(i)).__name__)
print({}.keys(), {}.values(), {}.items())
print(repr(k.mapping), i.mapping['b'])
e = {}
e[1] = e.keys()
print(e)
f = {'x': [1, 2]}
print(('x', [1, 2]) in f.items())
try:
    hash(k)
except TypeError as ex:
    print('TypeError', ex)
try:
    print([] in k)
except TypeError as ex:
    print('TypeError', ex)
it = iter(d)
d['zz'] = 0
try:
    next(it)
except RuntimeError as ex:
    print('RuntimeError', ex)
g = {1: 'a', 2: 'b'}
for key, val in g.items():
    print(key, val)
for key in g.keys():
    g[key] = g[key] * 2
print(g)
print(sorted({'b': 1, 'a': 2}.items()), max({1: 'z', 2: 'a'}.values()))
h = {i: i * i for i in range(5)}
print(sum(h.values()), list(h.keys())[2:], list(h.items())[-1])
print(k == k, v == v, v == d.values(), k == set(k))
class Item:
    def __eq__(self, o): return True
    def __hash__(self): return 1
print(('b', Item()) in {'b': 2}.items())
