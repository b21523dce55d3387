# iterating ranges, including reversed and huge values
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(1, 10, 4)))
it = iter(range(3))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
print(list(reversed(range(10, 0, -4))), type(reversed(range(3))).__name__)
big = range(2**64, 2**64 + 3)
print(type(iter(big)).__name__, list(big), list(reversed(big)))
edge = range(2**62 - 3, 2**62 + 2)
print(list(edge), list(reversed(edge)))
neg = range(-2**62 + 2, -2**62 - 3, -1)
print(list(neg))
top = range(2**62 - 3, 2**62 - 1)
print(list(top), list(reversed(top)))
h = range(-2**63, 2**63, 2**62)
print(list(h), list(reversed(h)))
total = 0
for i in range(100000):
    total += i
print(total)
count = 0
for i in range(10, -10, -3):
    count += 1
print(count, i)
lit = iter(range(10**20, 10**20 + 2))
print(lit.__length_hint__(), next(lit), lit.__length_hint__(), next(lit))
try:
    next(lit)
except StopIteration:
    print('StopIteration')
r = range(3)
a = iter(r)
b = iter(r)
print(next(a), next(a), next(b))
print([i * i for i in range(6) if i % 2], sum(1 for _ in range(1000)), list(enumerate(range(3, 6))))
print(list(zip(range(3), range(10, 13))), dict.fromkeys(range(3)))
for i in range(0):
    print('never')
print(list(range(-3, 3)), list(range(3, -3, -2)))
