# reversed()
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(list(reversed([1, 2, 3])), list(reversed((1, 2, 3))), list(reversed('abc')), list(reversed(range(3))))
print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1}.items())))
t(lambda: reversed())
t(lambda: reversed(1))
t(lambda: reversed({1}))
t(lambda: reversed(iter([1])))
t(lambda: reversed([], []))
t(lambda: reversed([], x=1))
t(lambda: reversed(x for x in 'a'))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())))
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
class Own:
    def __reversed__(self): return iter('own')
print(list(reversed(Own())))
class NotRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
t(lambda: reversed(NotRev()))
class NoLen:
    def __getitem__(self, i): return i
t(lambda: reversed(NoLen()))
class Short:
    def __len__(self): return 5
    def __getitem__(self, i):
        if i > 1: raise IndexError
        return i
print(list(reversed(Short())))
class Stop:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i == 1: raise StopIteration
        return i
print(list(reversed(Stop())))
class Err:
    def __len__(self): return 2
    def __getitem__(self, i): raise KeyError(i)
t(lambda: list(reversed(Err())))
l = [1, 2, 3]
rl = reversed(l)
l.append(4)
print(list(rl))
print(list(reversed(bytearray(b'ab'))) if False else 'skip', list(reversed([])))
