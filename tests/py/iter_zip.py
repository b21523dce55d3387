# zip, including strict=True
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(list(zip()), list(zip('ab')), list(zip('abc', range(10))), list(zip('ab', 'cd', 'ef')))
print(list(zip([], [1])), dict(zip('ab', [1, 2])), list(zip(*[(1, 2), (3, 4)])))
t(lambda: zip(1))
t(lambda: zip([1], 2))
t(lambda: zip(x=1))
t(lambda: list(zip([1, 2], [1], strict=True)))
t(lambda: list(zip([1], [1, 2], strict=True)))
t(lambda: list(zip([1], [1], [1, 2], strict=True)))
t(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
t(lambda: list(zip([1], [1], strict=True)))
t(lambda: list(zip(strict=True)))
t(lambda: list(zip([1, 2], [3], strict=False)))
t(lambda: list(zip('ab', 'cd', strict=1)))
z = zip('ab', 'xy')
print(type(z).__name__, next(z), list(z), list(z))
saved = []
for p in zip('ab', 'cd'):
    saved.append(p)
print(saved)
for a, b in zip(range(3), 'xyz'):
    print(a, b)
def gen():
    yield 1
    raise ValueError('gen broke')
t(lambda: list(zip([1, 2], gen())))
t(lambda: list(zip(gen(), [1, 2, 3], strict=True)))
counter = iter(range(10))
print(list(zip('ab', counter)), next(counter))
print(list(zip(*zip('abc', '123'))))
