# hash() of ints (modulo 2**61 - 1) and how it shows in sets and dicts.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


M = 2 ** 61 - 1
for n in [0, 1, -1, -2, 2 ** 61 - 2, M, M + 1, -M, -M - 1, 2 ** 62, -2 ** 62, 2 ** 64, -(2 ** 64), 10 ** 30, -(10 ** 30)]:
    print(n, hash(n))
print(hash(True), hash(False), hash(5) == hash(5.0), hash(2 ** 70) == hash(float(2 ** 70)))
print({3, 1, 2, 100, -5, 2 ** 64, 17, 8})
print(set(range(20, 0, -3)))
d = {}
for k in [10, 2 ** 62, -1, 3.0, True, 2 ** 61]:
    d[k] = k
print(d)
print({1: 'a', 1.0: 'b', True: 'c'})
print(len({0, 0.0, False, -0.0}))
