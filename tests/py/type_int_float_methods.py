# int methods (bit_length, to_bytes/from_bytes), float methods, numeric conversions.
for n in [0, 1, 255, 256, -1, -256, 2**64, -(2**100)]:
    print(n, n.bit_length(), bin(n), oct(n), hex(n), abs(n), n.bit_count() if hasattr(n, "bit_count") else "")
print((1000).to_bytes(4, "big"), (1000).to_bytes(2, byteorder="little"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes([1, 0], "big"), (-5).to_bytes(1, "big", signed=True), int.from_bytes(b"\xfb", "big", signed=True))
print((7).as_integer_ratio(), (3).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int("ff", 16), int("0b101", 0), int("  42  "), int("1_000"), int(3.99), int(-3.99), int("-0"), int(True))
for bad in ["int('')", "int('1.5')", "int('abc')", "int('12', 1)", "int(None)", "int('9', 8)", "(1).to_bytes(1, 'middle')"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for x in [0.5, 2.0, -3.25, 1e300, float("inf"), 0.1]:
    print(x, x.is_integer(), x.hex(), x.as_integer_ratio() if x != float("inf") else "-", round(x, 1), int(x) if x != float("inf") else "-")
print(float.fromhex("0x1.8p1"), float("1e3"), float(" -2.5 "), float("nan") != float("nan"), float("-inf"), float(10**20))
for bad in ["float('abc')", "float('1,5')", "float([])", "(1e308 * 10).as_integer_ratio()", "int(float('inf'))", "int(float('nan'))"]:
    try:
        eval(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1.5e10), round(0.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), -17 // 5, -17 % 5, 17 % -5, 2 ** -1, (-8) ** (1 / 3) if False else 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 3), pow(-2, 3), 10 ** 20, 7 / 2, 7 // 2, 7.0 // 2)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789.0 * 10, 3.0, -0.0, 1.5e300 * 1e10, 5e-324)
c = complex(3, 4)
print(c, abs(c), c.real, c.imag, c.conjugate(), c * 1j, (1 + 2j) ** 2, complex("1+2j"), 2j ** 0.5)
print(int.__name__, float(7).__class__, isinstance(1, float), (1).__add__(2), (2.5).__floor__() if hasattr(2.5, "__floor__") else 2)
