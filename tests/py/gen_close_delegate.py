# close() of a generator suspended in `yield from`: the delegate is closed
# when it has a close() method, and skipped silently when it has none.
def over_range():
    yield from range(3)

g = over_range()
print(next(g))
print(g.close(), list(g))

class Closable:
    def __iter__(self):
        return self
    def __next__(self):
        return 'item'
    def close(self):
        print('delegate closed')

def over_closable():
    try:
        yield from Closable()
    finally:
        print('outer finally')

g = over_closable()
print(next(g))
g.close()

class BadClose(Closable):
    def close(self):
        raise KeyError('from close')

def over_bad():
    yield from BadClose()

g = over_bad()
next(g)
try:
    g.close()
except KeyError as e:
    print('KeyError', e)

def over_iter_list():
    yield from iter([1, 2])

g = over_iter_list()
print(next(g), g.close(), next(g, 'done'))
