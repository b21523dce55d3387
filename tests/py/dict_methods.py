# dict methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.get('a', 0))
t(lambda: d.get())
t(lambda: d.get(1, 2, 3))
t(lambda: d.get([]))
print(d.setdefault('c', 3), d.setdefault('a', 100), d.setdefault('n'), d)
t(lambda: d.setdefault())
t(lambda: d.setdefault([], 1))
print(d.pop('n'), d.pop('zz', 'dflt'), d)
t(lambda: d.pop('zz'))
t(lambda: d.pop())
t(lambda: d.pop(1, 2, 3))
e = {1: 'x', 2: 'y', 3: 'z'}
print(e.popitem(), e.popitem(), e)
e[4] = 'w'
print(e.popitem(), e.popitem())
t(lambda: e.popitem())
e['again'] = 1
print(e)
f = {}
for i in range(20):
    f[i] = i
for i in range(0, 20, 2):
    del f[i]
print(f.popitem(), f.popitem(), len(f))
f[100] = 0
print(list(f)[-2:], f.popitem())
g = {'a': 1}
print(g.update({'b': 2}), g)
g.update([('c', 3), ['d', 4]])
g.update(e=5, f=6)
g.update({'a': 0}, a=-1)
g.update()
print(g)
t(lambda: g.update(1))
t(lambda: g.update([1]))
t(lambda: g.update([(1, 2, 3)]))
t(lambda: g.update(['ab', 'c']))
t(lambda: g.update({}, {}))
class KeysOnly:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
g.update(KeysOnly())
print(g)
h = g.copy()
h['new'] = 1
print(len(g), len(h), 'new' in g)
h.clear()
print(h, len(h))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]), dict.fromkeys(range(3), []))
t(lambda: dict.fromkeys())
t(lambda: dict.fromkeys(1))
t(lambda: dict.fromkeys([[]]))
class MyDict(dict):
    pass
md = MyDict.fromkeys('xy', 1)
print(type(md).__name__, md)
class Loud(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
print(Loud.fromkeys([1, 2]))
print({}.fromkeys('ab'))
print(list(reversed({1: 1, 2: 2, 3: 3})), list(reversed({})))
print(type({}.copy()).__name__, type(MyDict(a=1).copy()).__name__)
print({'a': 1}.__contains__('a'), 'a' in {'a': 1}, 1 in {1.0: 'x'})
