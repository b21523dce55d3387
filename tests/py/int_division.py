# Floor division, modulo and divmod with every sign combination.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


vals = [0, 1, -1, 7, -7, 13, -13, 2 ** 62, -2 ** 62, 2 ** 62 - 1, 10 ** 25, -(10 ** 25) + 3]
for a in vals:
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a, b, a // b, a % b, q, r)
show("5 // 0", lambda: 5 // 0)
show("5 % 0", lambda: 5 % 0)
show("divmod(5, 0)", lambda: divmod(5, 0))
show("(10**30) // 0", lambda: (10 ** 30) // 0)
show("(10**30) % 0", lambda: (10 ** 30) % 0)
show("True // False", lambda: True // False)
print(True // True, True % 2, divmod(True, 2), -True // 2)
