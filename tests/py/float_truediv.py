# True division of ints is correctly rounded, even for huge operands.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


pairs = [(1, 3), (2, 3), (10 ** 20, 3), (2 ** 53 + 1, 1), (2 ** 53 + 1, 2), (10 ** 400, 10 ** 399), (10 ** 400, 3 ** 800),
         (1, 10 ** 400), (-(10 ** 400), 7 ** 470), (12345678901234567890123, 9876543210987654321),
         (2 ** 1074 + 1, 2 ** 2148), (1, 2 ** 1075), (3, 2 ** 1076), (2 ** 1023 * 3, 2), (-7, 2 ** 70), (0, -5), (0, 10 ** 30)]
for a, b in pairs:
    show("%d/%d" % (a % 1000, b % 1000), lambda: a / b)
show("2**1024 / 1", lambda: 2 ** 1024 / 1)
show("10**400 / 1", lambda: 10 ** 400 / 1)
show("1 / 0", lambda: 1 / 0)
show("10**400 / 0", lambda: 10 ** 400 / 0)
show("10**400 / 10**400", lambda: 10 ** 400 / 10 ** 400)
show("(2**1024 - 1) / 2", lambda: (2 ** 1024 - 1) / 2)
total = 0
for k in range(1, 200):
    total += (k ** 30) / (k ** 29 + 1)
print(total)
print([n / 7 for n in range(-3, 4)], [7 / n for n in (-3, -1, 1, 3)])
