# list methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
a = []
print(a.append(1), a)
a.append([2])
a.extend((3, 4))
a.extend(x for x in "ab")
a.extend(range(2))
a.extend({9: 0})
print(a)
a.extend(a)
print(len(a), a[-3:])
t(lambda: a.extend(5))
a = [1, 2, 3]
a.insert(0, 'first')
a.insert(100, 'end')
a.insert(-1, 'before end')
a.insert(-100, 'very first')
a.insert(2, 'mid')
print(a)
t(lambda: a.insert(1))
t(lambda: a.insert('x', 1))
t(lambda: a.insert(1.0, 1))
print(a.pop(), a.pop(0), a.pop(-2), a)
t(lambda: [].pop())
t(lambda: [1].pop(1))
t(lambda: [1].pop(-2))
t(lambda: [1].pop('a'))
t(lambda: [1].pop(1, 2))
t(lambda: [1].pop(10**30))
print([1, 2, 3].pop(True))
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(a.index(1), a.index(5), a.index(5, 5), a.index(5, -3), a.index(3, 1, 10))
t(lambda: a.index(7))
t(lambda: a.index(9, 0, 3))
t(lambda: a.index('x'))
t(lambda: a.index())
t(lambda: a.index(1, 'a'))
t(lambda: a.index(1, 0, None))
print(a.index(3, -100, 100), a.index(5, 4, 10**30))
print(a.count(5), a.count(1), a.count(100), [[1], [1]].count([1]), [1, 1.0, True].count(1))
b = a.copy()
b.remove(5)
print(b, a)
t(lambda: b.remove(100))
b.reverse()
print(b)
b.clear()
print(b, a)
print([].copy(), [1].copy())
x = [1, 2, 3]
y = x.copy()
y[0] = 9
print(x, y)
print(x.reverse(), x)
print([1, [2, 3]].copy())
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Eq) and self.v == o.v
    def __repr__(self): return 'Eq(%r)' % self.v
z = [Eq(1), Eq(2), Eq(1)]
print(z.count(Eq(1)), z.index(Eq(2)), Eq(2) in z, Eq(3) in z)
z.remove(Eq(1))
print(z)
nan = float('nan')
n = [nan, 1]
print(nan in n, n.count(nan), n.index(nan))
print(list.append, [].append.__name__)
m = []
list.append(m, 5)
print(m)
t(lambda: list.append((), 1))
