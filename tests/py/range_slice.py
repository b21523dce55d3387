# slicing ranges gives ranges
r = range(10)
print(r[2:5], r[::2], r[::-1], r[-3:], r[5:2], r[100:], r[::-3], r[1:8:3])
print(range(0, 20, 3)[1:4], range(20, 0, -2)[::2], range(20, 0, -2)[::-1])
print(range(5)[:], range(0)[::-1], range(3)[-100:100], range(1, 10, 2)[1::2])
print(range(10**20)[::2], range(10**20)[10**19:10**20:-3], range(10**20)[-5:])
print(range(0, 10**30, 7)[10**20:], range(2**62)[2**61:], range(2**62 - 10, 2**62 + 10)[5:15:4])
print(range(-2**63, 2**63, 2**61)[::3], list(range(-2**63, 2**63, 2**61)[::3]))
print(range(10)[slice(None, None, None)], range(10)[slice(-1, None, -1)])
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: r[::0])
t(lambda: r['a':])
t(lambda: r[1:2.0])
class I:
    def __index__(self): return 2
print(r[I():], r[::I()])
for s in range(-3, 4):
    if s == 0:
        continue
    for a in (None, -12, -1, 0, 3, 12):
        x = r[a::s]
        assert list(x) == list(r)[a::s], (a, s)
        print(s, a, x)
print(list(range(10)[3:7]) == list(range(10))[3:7])
