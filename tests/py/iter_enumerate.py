# enumerate
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('ab', start=-5)))
print(list(enumerate([], 3)), list(enumerate(iterable='xy')), list(enumerate(start=7, iterable='x')))
print(list(enumerate('xy', True)), list(enumerate('ab', 10**20)), list(enumerate('ab', 2**62 - 2)))
t(lambda: enumerate())
t(lambda: enumerate([], 1, 2))
t(lambda: enumerate(1))
t(lambda: enumerate([], 'a'))
t(lambda: enumerate([], 1.5))
t(lambda: enumerate(x=[]))
t(lambda: enumerate([], stop=1))
t(lambda: enumerate(iterable=[], start=1, x=2))
t(lambda: enumerate([], start=1, iterable=2))
e = enumerate('abc')
print(type(e).__name__, next(e), next(e), list(e), list(e))
for i, ch in enumerate('hey'):
    print(i, ch)
saved = []
for pair in enumerate('ab'):
    saved.append(pair)
print(saved)
class Idx:
    def __index__(self): return 4
print(list(enumerate('q', Idx())))
print(dict(enumerate('xyz')), [i for i, _ in enumerate(range(5))])
def gen():
    yield 'g1'
    yield 'g2'
print(list(enumerate(gen(), 100)))
class MyEnum(enumerate):
    pass
print(list(MyEnum('ab', 1)), type(MyEnum('a')).__name__)
it = enumerate([1, 2])
print(iter(it) is it)
