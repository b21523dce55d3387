# membership, index and count on ranges
r = range(0, 20, 3)
print(0 in r, 3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 20 in r)
print(3.0 in r, 4.0 in r, True in range(2), 'a' in r, None in r)
n = range(10, 0, -2)
print(10 in n, 2 in n, 0 in n, 9 in n, 12 in n)
print(r.index(9), n.index(4), range(10**20).index(10**19), range(-5, 5).index(-5))
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: r.index(4))
t(lambda: r.index(100))
t(lambda: r.index('a'))
print(r.index(6.0), r.index(True if 1 in r else 0))
print(r.count(3), r.count(4), r.count(3.0), r.count('x'), range(5).count(True))
big = range(-10**30, 10**30, 7)
print(0 in big, 7 in big, 8 in big, -10**30 + 7 in big, 10**30 in big, -10**30 in big, big.index(-10**30 + 14) - big.index(-10**30))
print(2**100 in range(2**101), 2**101 in range(2**101), -1 in range(2**101))
class Eq:
    def __eq__(self, o): return o == 4
print(Eq() in range(10), Eq() in range(5, 10), range(10).index(Eq()), range(10).count(Eq()))
print(5 in range(5), 4 in range(5), -1 in range(-1, -5, -1), -5 in range(-1, -5, -1))
print(2**62 in range(2**62 - 1, 2**62 + 1), 2**62 + 1 in range(2**62 - 1, 2**62 + 1))
