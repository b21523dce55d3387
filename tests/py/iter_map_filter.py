# map and filter
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])), list(map(len, [])), list(map(abs, range(-2, 3))))
t(lambda: map())
t(lambda: map(len))
t(lambda: map(len, 1))
t(lambda: map(len, [], x=1))
t(lambda: list(map(len, [1])))
t(lambda: list(map(None, [1])))
m = map(int, '12')
print(type(m).__name__, next(m), list(m), list(m))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 2])), list(filter(str.isdigit, 'a1b2')))
t(lambda: filter())
t(lambda: filter(None))
t(lambda: filter(None, 1))
t(lambda: filter(None, [], x=1))
t(lambda: filter(None, [], []))
t(lambda: list(filter(len, [1])))
f = filter(None, [1, 0, 2])
print(type(f).__name__, next(f), list(f))
class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
    def __repr__(self): return 'T%s' % self.v
print(list(filter(None, [Truth(True), Truth(False)])))
class BadBool:
    def __bool__(self): raise ValueError('no bool')
t(lambda: list(filter(None, [BadBool()])))
print(list(map(lambda *a: a, 'ab', 'xyz', [1, 2, 3])))
print(list(map(lambda *a: len(a), *[[1, 2]] * 7)))
print(sum(map(int, '123')), max(map(len, ['a', 'abc'])))
class MyMap(map):
    pass
print(list(MyMap(str, [1])))
