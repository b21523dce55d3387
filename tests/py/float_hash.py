# hash() of floats agrees with hash() of equal ints.
for v in [0.0, -0.0, 1.0, -1.0, 1.5, -1.5, 0.1, 2.5, 1e100, 1e-100, 2.0 ** 61, 2.0 ** 64, 1e308, 5e-324,
          float('inf'), float('-inf'), 123.456, 1 / 3, 2.0 ** 60 + 2.0 ** 10]:
    print(v, hash(v))
for n in [0, 1, -1, 2 ** 61, 2 ** 64, 10 ** 20, -(2 ** 80)]:
    print(n, hash(n) == hash(float(n)))
print({1.5, 2.5, 0.5, 100.25, -3.75, 1e20})
print({0.1: 'a', 0.2: 'b', 0.3: 'c', 1.0: 'd', 1: 'e'})
print(len({1, 1.0, True}), hash(1.5j) == hash(complex(0, 1.5)), hash(complex(3, 0)) == hash(3))
