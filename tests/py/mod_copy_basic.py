import copy
from collections import OrderedDict, Counter, defaultdict, deque, namedtuple
class Q:
    def __init__(self): self.a = [1, 2]; self.b = {'x': [3]}
q = Q(); q2 = copy.copy(q); q3 = copy.deepcopy(q)
print(q2.a is q.a, q3.a is q.a, q3.a == q.a, q3.b, type(q3).__name__)
class L(list): pass
class D(dict): pass
l = L([1, [2]]); l.tag = 't'; l2 = copy.copy(l); l3 = copy.deepcopy(l)
print(l2, type(l2).__name__, l2.tag, l3[1] is l[1], l2[1] is l[1])
d = D(a=[1]); d2 = copy.deepcopy(d); print(d2, type(d2).__name__, d2['a'] is d['a'])
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; s2 = copy.deepcopy(s); print(s2.a, s2.a is s.a, 'b' in dir(s2))
class MyInt(int): pass
print(copy.copy(MyInt(5)), type(copy.copy(MyInt(5))).__name__, copy.deepcopy(MyInt(7)) + 1)
x = [1, 2]; y = [x, x]; z = copy.deepcopy(y); print(z[0] is z[1], z[0] is x)
cyc = [1]; cyc.append(cyc); c2 = copy.deepcopy(cyc); print(c2[1] is c2, len(c2))
t = (1, [2]); t2 = copy.deepcopy(t); print(t2, t2[1] is t[1], copy.deepcopy((1, 2)) is not None)
class CC:
    def __init__(self, v): self.v = v
    def __copy__(self): return CC(self.v + 100)
    def __deepcopy__(self, memo): return CC(self.v + 1000)
print(copy.copy(CC(1)).v, copy.deepcopy(CC(1)).v, copy.deepcopy([CC(2)])[0].v)
print(copy.copy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')), copy.copy(defaultdict(list, a=[1])), copy.deepcopy(deque([1, [2]], maxlen=5)))
P = namedtuple('P', 'x y'); print(copy.copy(P(1, 2)), copy.deepcopy(P(1, [2])))
import sys
try: copy.copy(sys)
except TypeError as e: print(e)
print(copy.copy(len) is len, copy.deepcopy(int) is int, copy.copy({1, 2}), copy.deepcopy(frozenset([1])))
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
print(copy.copy(R(3)).v, copy.deepcopy(R(4)).v)
class GS:
    def __init__(self): self.x = 1
    def __getstate__(self): return {'x': self.x, 'extra': 9}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
g = copy.deepcopy(GS()); print(g.x, g.extra, g.restored)
import weakref
class W: pass
w = W(); r = weakref.ref(w); print(r() is w, weakref.getweakrefcount(w) >= 0)
try: weakref.ref(1)
except TypeError as e: print(e)
wd = weakref.WeakValueDictionary(); wd['a'] = w; print(wd['a'] is w, len(wd), 'a' in wd)
ws = weakref.WeakSet([w]); print(len(ws), w in ws)
f = weakref.finalize(w, print, 'finalized'); print(f.alive); f(); print(f.alive)
