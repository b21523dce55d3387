# Float arithmetic: + - * / // % divmod ** with floats and ints.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


vals = [0.0, -0.0, 1.5, -2.5, 3.0, 7, -7, 0.1, 1e308, float('inf'), float('-inf'), 2 ** 60]
for a in vals:
    for b in vals:
        row = []
        for op in ("+", "-", "*", "/", "//", "%"):
            try:
                row.append(repr(eval("a %s b" % op)))
            except Exception as e:
                row.append(type(e).__name__)
        print(repr(a), repr(b), " ".join(row))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (5.0, 1.5), (-0.0, 1.0), (0.0, -1.0), (1e-300, 1e300)]:
    print(a, b, divmod(a, b), a // b, a % b)
show("1.0 / 0", lambda: 1.0 / 0)
show("1.0 // 0.0", lambda: 1.0 // 0.0)
show("1.0 % 0", lambda: 1.0 % 0)
show("divmod(1.0, 0)", lambda: divmod(1.0, 0))
show("1 / 0.0", lambda: 1 / 0.0)
show("2.0 ** 10000", lambda: 2.0 ** 10000)
show("(-2.0) ** 0.5", lambda: (-2.0) ** 0.5)
show("0.0 ** -1", lambda: 0.0 ** -1)
show("0.0 ** 0", lambda: 0.0 ** 0)
show("(-8.0) ** (1/3)", lambda: (-8.0) ** (1 / 3))
show("(-2.0) ** 3", lambda: (-2.0) ** 3)
show("(-2.0) ** -3", lambda: (-2.0) ** -3)
show("inf ** 0", lambda: float('inf') ** 0)
show("nan ** 0", lambda: float('nan') ** 0)
show("1 ** nan", lambda: 1 ** float('nan'))
show("1.5 ** 2", lambda: 1.5 ** 2)
show("2 ** 0.5", lambda: 2 ** 0.5)
show("10 ** -1", lambda: 10 ** -1)
show("1e308 * 10", lambda: 1e308 * 10)
show("1.0 + 10**400", lambda: 1.0 + 10 ** 400)
show("1.5 + 'a'", lambda: 1.5 + 'a')
show("pow(2.0, 3)", lambda: pow(2.0, 3))
print(-1.5, +1.5, abs(-1.5), abs(-0.0), -(0.0), 0.1 * 3, 0.1 + 0.7, 1.1 + 2.2)
x = 1.0
for i in range(1, 30):
    x = x * 1.5 - i / 7
print(x)
