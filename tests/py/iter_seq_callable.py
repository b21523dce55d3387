# iteration through __getitem__ and iter(callable, sentinel)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), next(it), list(it), list(it))
class Stopper:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stopper()))
class Broken:
    def __getitem__(self, i):
        raise KeyError('nope')
try:
    list(Broken())
except KeyError as e:
    print('KeyError', e)
class WithLen:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i
wl = iter(WithLen())
print(wl.__length_hint__(), next(wl), wl.__length_hint__())
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(type(ci).__name__, list(ci), list(ci), n)
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
vals = iter([1, 2, None, 3])
print(list(iter(lambda: next(vals), None)))
try:
    iter(1, 2)
except TypeError as e:
    print('TypeError', e)
def bad():
    raise ValueError('bad call')
try:
    list(iter(bad, 0))
except ValueError as e:
    print('ValueError', e)
class EqAll:
    def __eq__(self, o): return True
print(list(iter(lambda: 5, EqAll())))
x = iter([1, 2])
print(iter(x) is x)
