# for/while loops with else, break, continue; iteration protocols.
for i in range(3):
    print("for", i)
else:
    print("for else runs")

for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)

n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while else runs")

while True:
    n -= 1
    if n < 0:
        break
print("n", n)

# Nested loops with break/continue
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > a:
            break
        print("pair", a, b)

# Loop over various iterables, with unpacking targets
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for idx, (c1, c2) in enumerate(["ab", "cd"]):
    print(idx, c1, c2)
for ch in "hi":
    print(ch)
for x in [1, 2, 3]:
    pass
print("last x", x)
for x in {3}:
    print("set item", x)

# Targets can be attributes and subscripts
class T:
    pass
t = T()
store = [0, 0]
for t.attr in range(2):
    pass
for store[1] in "zq":
    pass
print(t.attr, store)

# A custom iterator
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)])

# Old-style sequence iteration through __getitem__
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()))

try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)

# Deep loop nesting with returns
def find(grid, target):
    for r, row in enumerate(grid):
        for c, val in enumerate(row):
            if val == target:
                return r, c
    return None
print(find([[1, 2], [3, 4]], 4), find([[1]], 9))

# while with a complex condition
i, j = 0, 10
while i < 5 and j > 6 or i == 0:
    i += 1
    j -= 1
print(i, j)
