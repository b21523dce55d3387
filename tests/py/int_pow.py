# Powers: ** with positive and negative exponents, and 3-argument pow.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for b in (-3, -2, 0, 1, 2, 10):
    print(b, [b ** e for e in range(0, 8)])
print(2 ** 62, 2 ** 63, 2 ** 64, (-2) ** 63, 7 ** 22, 7 ** 23)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5, 3 ** -1)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(2, -1, 7), pow(3, -2, 11), pow(38, -1, 97), pow(-5, -1, 13), pow(5, -1, -13))
print(pow(12345678901234567890, 98765, 10 ** 20 + 39))
print(pow(0, 0, 5), pow(5, 0, 1), pow(5, 3, 1), pow(5, 3, -1))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("pow(2, 3, 0)", lambda: pow(2, 3, 0))
show("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))
show("pow(2, 3.0, 5)", lambda: pow(2, 3.0, 5))
show("0 ** -2", lambda: 0 ** -2)
show("(-1) ** 0.5", lambda: (-1) ** 0.5)
show("2 ** 0.5", lambda: 2 ** 0.5)
show("(10**400) ** -1", lambda: (10 ** 400) ** -1)
show("True ** 10", lambda: True ** 10)
