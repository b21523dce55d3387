# slice objects
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, 2), slice('a', [1], None), repr(slice(-1, None, -1)))
print(s.start, s.stop, s.step, slice(3).start, slice(3).stop, slice(3).step)
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(x=1))
t(lambda: hash(slice(1)))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1) < slice(2), slice(1, 2) != slice(1, 2, None))
print(slice(1, 2) <= slice(1, 2), slice(0, 5) > slice(0, 4), s == s, slice(1) == (None, 1, None))
t(lambda: slice(1) < slice('a'))
print(s.indices(20), s.indices(5), s.indices(0), slice(None, None, -1).indices(10), slice(-3, None).indices(10))
print(slice(None, None, -2).indices(5), slice(-100, 100).indices(10), slice(100, -100, -1).indices(10))
print(slice(10**30, -10**30, -10**20).indices(10**25), slice(None, None, 10**20).indices(3))
t(lambda: s.indices(-1))
t(lambda: slice(0, 1, 0).indices(5))
t(lambda: slice('a').indices(5))
t(lambda: s.indices('x'))
t(lambda: s.indices(1.5))
class I:
    def __index__(self): return 3
print(slice(I(), None).indices(I()), [0, 1, 2, 3, 4][slice(I())])
try:
    s.start = 5
except AttributeError:
    print('AttributeError')
print(type(s).__name__, isinstance(s, slice))
print([1, 2, 3, 4][s], 'abcdefgh'[slice(None, None, 3)], (1, 2, 3)[slice(-2, None)])
class GetSlice:
    def __getitem__(self, k): return k
g = GetSlice()
print(g[1:2], g[::], g[:5:], g[1:2, 3], g[..., 1:])
print(list(range(10))[slice(2, None)], slice(1, 2, 3).__reduce__())
