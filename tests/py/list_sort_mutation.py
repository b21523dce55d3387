# code run by comparisons or keys that touches the list being sorted
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
a = [3, 2, 1]
def key_appends(x):
    a.append(x)
    return x
t(lambda: a.sort(key=key_appends))
print(a)
b = [3, 2, 1]
def key_len(x):
    return len(b)
b.sort(key=key_len)
print(b)
class Bad:
    def __init__(self, v, target): self.v = v; self.target = target
    def __lt__(self, o):
        self.target.append(0)
        return self.v < o.v
    def __repr__(self): return 'Bad(%d)' % self.v
c = []
c.extend([Bad(2, c), Bad(1, c)])
t(lambda: c.sort())
print(c)
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 3 or o.v == 3:
            raise ValueError('boom')
        return self.v < o.v
    def __repr__(self): return 'Boom(%d)' % self.v
d = [Boom(i) for i in (5, 1, 4, 3, 2, 0)]
t(lambda: d.sort())
print(sorted(x.v for x in d))
e = [Boom(i) for i in range(100, 0, -1)]
t(lambda: e.sort())
print(len(e), sorted(x.v for x in e) == list(range(1, 101)))
class Clear:
    def __init__(self, v, target): self.v = v; self.target = target
    def __lt__(self, o):
        self.target.clear()
        return self.v < o.v
f = []
f.extend(Clear(i, f) for i in range(5))
f.sort()
print([x.v for x in f])
g = [1, 2, 3]
def keyfail(x):
    if x == 2:
        raise KeyError('k')
    return x
t(lambda: g.sort(key=keyfail))
print(g)
h = [1, 'a', 2]
t(lambda: h.sort(reverse=True))
print(sorted(h, key=lambda v: str(v)))
