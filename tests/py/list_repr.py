# repr and str of lists, including self-reference
print([], [1], [1, 'a', None, 2.5, True], [[], [[]]])
a = [1, 2]
a.append(a)
print(a, repr(a), str(a))
b = [a, a]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
print(['a\nb', "it's", 'q"q'])
print([1.0, 1e100, -0.0, float('inf')])
print([{1: 2}, (1,), {3}, frozenset()])
class R:
    def __repr__(self): return 'R!'
print([R(), R()])
class Boom:
    def __repr__(self): raise ValueError('no repr')
try:
    print([1, Boom()])
except ValueError as e:
    print('ValueError', e)
print([1, 2])
e = [1]
e.append(e)
e.append(e)
print(e)
class Mut:
    def __init__(self, target): self.target = target
    def __repr__(self):
        self.target.clear()
        return 'Mut'
f = [1]
f.append(Mut(f))
f.append(3)
print(f)
print(f)
