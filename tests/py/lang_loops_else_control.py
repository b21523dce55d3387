# for/while with else, break, continue, nested loops and flags, loop variables after the loop.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print(f"found {target} at {i}")
            break
    else:
        print(f"{target} not found")
find([3, 5, 7], 5)
find([3, 5, 7], 4)
find([], 1)
n = 10
while n > 0:
    n -= 3
    if n == 4:
        continue
    print("n =", n)
else:
    print("while ended normally with n =", n)
count = 0
while True:
    count += 1
    if count >= 3:
        break
else:
    print("never printed")
print("count", count)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
    else:
        print("inner else", i)
found = None
for row, line in enumerate(["abc", "def", "ghi"]):
    for col, ch in enumerate(line):
        if ch == "e":
            found = (row, col)
            break
    if found:
        break
print(found, row, col)
for k in range(5):
    pass
print("k after loop:", k)
for k in []:
    pass
print("k unchanged:", k)
total = 0
for x in range(1, 100):
    if x % 2:
        continue
    if total > 50:
        break
    total += x
print(total, x)
i = 0
while i < 10:
    i += 1
    if i % 4 == 0:
        print("multiple of 4:", i)
print([y for y in range(10) if y % 3 == 0], list(range(10, 0, -3)), list(range(0)))
for a, (b, c) in enumerate([(1, 2), (3, 4)]):
    print(a, b, c)
