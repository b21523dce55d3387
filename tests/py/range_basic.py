# range construction, repr, len, indexing, attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(range(10), range(1, 10), range(1, 10, 2), range(10, 0, -1), range(0), range(-5))
print(repr(range(3)), str(range(0, 3, 1)), range(True), range(1, 2, True))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, len(r), list(r))
print(r[0], r[1], r[-1], r[-6], r[5])
t(lambda: r[6])
t(lambda: r[-7])
t(lambda: r['a'])
t(lambda: r[1.0])
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range(1, 2, 0))
t(lambda: range(1.5))
t(lambda: range('a'))
t(lambda: range(1, 'b'))
t(lambda: range(stop=1))
t(lambda: len(range(10**20)))
t(lambda: len(range(-10**20, 10**20)))
print(len(range(0)), len(range(5, 1)), len(range(1, 5, -1)), len(range(0, 10, 3)), len(range(10, 0, -3)))
print(len(range(-10, 10, 7)), len(range(2**62 - 5, 2**62 + 5)), len(range(-2**63, 2**63, 2**62)))
print(range(10**20)[10**19], range(10**20)[-1], range(0, 10**30, 10**10)[5])
class I:
    def __index__(self): return 3
print(range(I()), range(10)[I()], range(I(), 10, I()))
print(bool(range(0)), bool(range(1)), bool(range(10**20)), bool(range(5, 1)))
big = range(2**64, 2**64 + 10, 3)
print(big, len(big), big[1], list(big), big[-1])
neg = range(-2**64, -2**64 - 10, -4)
print(neg, len(neg), list(neg))
try:
    r.start = 1
except AttributeError as e:
    print('AttributeError')
print(type(range(1)).__name__, isinstance(range(1), range))
print(range(3) == range(0, 3), range(0) == range(5, 1), range(1, 2) == range(1, 3, 5), range(0, 4, 2) == range(0, 5, 2))
print(range(0, 3) != range(0, 3, 2), range(1) == [0], range(1) == range(1))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(4, 2)), hash(range(1, 2)) == hash(range(1, 3, 4)))
print({range(3): 'x'}[range(0, 3)])
t(lambda: range(1) < range(2))
print(max(range(7)), min(range(3, 9)), sum(range(101)), sorted(range(5, 0, -1)))
