# subclasses of set
class MySet(set):
    pass
m = MySet([3, 1])
print(m, repr(MySet()), type(m).__name__)
print(type(m | {5}).__name__, type(m & {1}).__name__, type(m - {1}).__name__, type(m ^ {1}).__name__)
print(type(m.copy()).__name__, type(m.union()).__name__, type(m.difference([1])).__name__)
m.add(7)
m |= {8}
print(m, type(m).__name__)
class Tagged(set):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
tg = Tagged([1, 2], 'x')
print(tg, tg.tag, len(tg))
class Counting(set):
    def add(self, x):
        print('adding', x)
        super().add(x)
c = Counting()
c.add(1)
c.update([2])
print(c)
class WithRepr(set):
    def __repr__(self):
        return 'WithRepr(' + str(sorted(self)) + ')'
print(WithRepr([2, 1]), [WithRepr([1])])
r = {1}
class Holder:
    def __init__(self, s): self.s = s
    def __repr__(self): return 'H(%r)' % (self.s,)
    def __hash__(self): return 1
    def __eq__(self, o): return self is o
r.add(Holder(r))
print(len(r))
print(MySet('ab') == {'a', 'b'}, MySet('ab') <= {'a', 'b', 'c'})
try:
    MySet(1, 2)
except TypeError as e:
    print('TypeError', e)
