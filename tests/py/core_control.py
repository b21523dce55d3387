total = 0
for i in range(10):
    if i == 2:
        continue
    if i == 8:
        break
    total += i
else:
    print("no break")
print(total)
n = 0
while n < 5:
    n += 1
else:
    print("while done", n)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer()
print(f(), f(), f())
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
a, (b, c), *rest = 1, (2, 3), 4, 5
print(a, b, c, rest)
x = y = z = 0
print(x, y, z, 1 < 2 < 3, 1 < 3 < 2, not None, None is None, [] is not [])
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
