# list.sort and sorted: keys, reverse, stability, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(sorted(['banana', 'Apple', 'cherry']), sorted(['banana', 'Apple', 'cherry'], key=str.lower))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')]))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'g']
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print([].sort(), sorted([]), sorted([1]))
t(lambda: [1, 'a'].sort())
t(lambda: ['a', 1].sort())
t(lambda: [1, 2].sort(1))
t(lambda: [1, 2].sort(foo=1))
t(lambda: [1, 2].sort(key=1))
t(lambda: [3, 2].sort(key=lambda x: 1 / 0))
t(lambda: [3, 1].sort(reverse=1.5))
t(lambda: [3, 1].sort(reverse=None))
b = [3, 1, 2]
b.sort(key=None)
print(b)
b.sort(reverse=0)
print(b)
b.sort(reverse=5)
print(b)
c = [3, 'x', 1]
try:
    c.sort()
except TypeError as e:
    print('TypeError', e)
print(sorted(c, key=str))
print(sorted({3: 1, 1: 2, 2: 3}), sorted("hello"), sorted((3, 1, 2), reverse=True))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K%d' % self.v
print(sorted([K(3), K(1), K(2)]))
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return 'G%d' % self.v
print(sorted([G(3), G(1), G(2)]))
t(lambda: sorted([object(), object()]))
nested = [[3, 1], [1, 2], [3, 0], [1]]
print(sorted(nested))
d = {'x': 3, 'y': 1, 'z': 2}
print(sorted(d, key=d.get), sorted(d.items(), key=lambda kv: kv[1]))
r = list(range(20))
r.sort(key=lambda v: v % 3)
print(r)
r.sort(key=lambda v: v % 4, reverse=True)
print(r)
