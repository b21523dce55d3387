# round() of floats: to int (ties to even) and to n digits (correctly rounded).
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.4999999999999996, 0.49999999999999994, 1e16 + 1, -7.5, 2.0 ** 70]:
    print(v, round(v), type(round(v)).__name__)
for v in [2.675, 0.125, 0.375, 1.005, 2.5, 12345.678, -12345.678, 1e300, 1.23456789, 0.1, 999.5, 5e-324, 1e22]:
    print(v, [round(v, n) for n in (0, 1, 2, 3, 5, -1, -2, -3)])
print(round(1.5, None), round(2.5, None), round(-0.4), round(-0.6), round(0.0, 2), round(-0.0, 2), round(-4.0, -1))
show("round(inf)", lambda: round(float('inf')))
show("round(nan)", lambda: round(float('nan')))
show("round(inf, 2)", lambda: round(float('inf'), 2))
show("round(nan, 2)", lambda: round(float('nan'), 2))
show("round(1.5, 1.0)", lambda: round(1.5, 1.0))
show("round(1.7976931348623157e308, -308)", lambda: round(1.7976931348623157e308, -308))
show("round(123.456, 400)", lambda: round(123.456, 400))
show("round(123.456, -400)", lambda: round(123.456, -400))
show("round(123.456, 10**30)", lambda: round(123.456, 10 ** 30))
show("round(123.456, -10**30)", lambda: round(123.456, -10 ** 30))
print(f"{2.675:.2f}", f"{0.125:.2f}", "%.2f" % 1.005, format(2.5, '.0f'), format(3.5, '.0f'))
