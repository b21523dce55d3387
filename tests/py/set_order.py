# sets iterate in CPython's table order (PYTHONHASHSEED=0 for strings)
print({5, 3, 17, 1, 100, 33, 64})
print(set(range(20, 0, -3)))
print({"a", "b", "c"})
print({"apple", "banana", "cherry", "date", "elderberry", "fig"})
print(set("hello world"))
print({-1, -2, 0, 1, 2}, {2**61 - 1, 2**61, 2**64, -2**63}, {1.5, 2.5, 0.5, -0.5})
print({(1, 2), (2, 1), (0, 0), ()}, {False, True, 'x', 3})
print(set(range(100)) - set(range(0, 100, 2)))
s = set()
for i in range(50):
    s.add(i * 37 % 101)
print(s)
for i in range(0, 50, 2):
    s.discard(i * 37 % 101)
print(s)
s.update(range(200, 260, 7))
print(s)
print({8, 16, 24, 32, 40, 48, 56, 64}, {i * 8 for i in range(20)})
print({1000000, 10, 100, 1000, 10000, 100000})
print(frozenset([3, 2, 1]), frozenset('abcd'))
x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
print(x.pop(), x.pop(), x.pop(), x)
y = {'k%d' % i for i in range(30)}
print(sorted(y) == sorted(set(sorted(y))), y)
print({1, 2} | {100, 3}, {3, 100} | {1, 2}, {1, 2, 3} ^ {3, 4, 5}, {3, 4, 5} ^ {1, 2, 3})
print({1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2})
print({1: 'a', 9: 'b', 5: 'c'}.keys() | {3})
big = set(range(1000))
for i in range(1000):
    if i % 7:
        big.remove(i)
print(big)
print(set([1, 1.0, True]), set([True, 1, 1.0]), {0, False, 0.0})
