# Methods and attributes of int.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for n in [0, 1, -1, 5, -5, 255, 256, 2 ** 62, -2 ** 62, 2 ** 100, -(2 ** 100) - 1]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.real, n.imag,
          n.numerator, n.denominator, n.conjugate())
print((5).__trunc__(), (5).__floor__(), (5).__ceil__(), (5).__round__(), (5).__index__())
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1), round(1234, 2))
print(round(15, -1), round(25, -1), round(5, -1), round(50, -2), round(150, -2), round(10 ** 20 + 5, -1))
print(round(123, -5), round(-123, -3), round(2 ** 70, -10), type(round(5, 2)).__name__)
for n, length, order, signed in [(1024, 2, 'big', False), (1024, 2, 'little', False),
                                  (-1, 2, 'big', True), (-129, 2, 'little', True),
                                  (255, 1, 'big', False), (2 ** 64 - 1, 8, 'big', False),
                                  (0, 0, 'big', False), (127, 1, 'big', True), (-128, 1, 'big', True)]:
    b = n.to_bytes(length, order, signed=signed)
    print(n, b, int.from_bytes(b, order, signed=signed))
show("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, 'big'))
show("(-1).to_bytes(1, 'big')", lambda: (-1).to_bytes(1, 'big'))
show("(128).to_bytes(1, 'big', signed=True)", lambda: (128).to_bytes(1, 'big', signed=True))
show("(-129).to_bytes(1, 'big', signed=True)", lambda: (-129).to_bytes(1, 'big', signed=True))
show("(1).to_bytes(2, 'middle')", lambda: (1).to_bytes(2, 'middle'))
show("(1).to_bytes(-1, 'big')", lambda: (1).to_bytes(-1, 'big'))
show("(65).to_bytes()", lambda: (65).to_bytes())
show("int.from_bytes(b'\\x00\\x01')", lambda: int.from_bytes(b'\x00\x01'))
show("int.from_bytes([1, 2, 3], 'little')", lambda: int.from_bytes([1, 2, 3], 'little'))
show("int.from_bytes(b'\\xff' * 9, 'big', signed=True)", lambda: int.from_bytes(b'\xff' * 9, 'big', signed=True))
show("int.from_bytes(b'', 'big')", lambda: int.from_bytes(b'', 'big'))
show("(10).__sizeof__()", lambda: (10).__sizeof__())
show("(2**100).__sizeof__()", lambda: (2 ** 100).__sizeof__())
show("(7).__getnewargs__()", lambda: (7).__getnewargs__())
show("(7).__format__('03')", lambda: (7).__format__('03'))
show("(7).__format__(3)", lambda: (7).__format__(3))
show("(7).is_integer()", lambda: (7).is_integer())
show("int.__add__(3, 4)", lambda: int.__add__(3, 4))
show("(3).__add__(4.5)", lambda: (3).__add__(4.5))
show("(3).__radd__(4)", lambda: (3).__radd__(4))
show("(3).__truediv__(2)", lambda: (3).__truediv__(2))
show("(3).__pow__(2, 5)", lambda: (3).__pow__(2, 5))
show("(7).__divmod__(2)", lambda: (7).__divmod__(2))
show("(7).__rsub__(10)", lambda: (7).__rsub__(10))
show("(-7).__abs__()", lambda: (-7).__abs__())
show("(7).__bool__()", lambda: (7).__bool__())
show("(7).__float__()", lambda: (7).__float__())
show("(7).__lt__(8)", lambda: (7).__lt__(8))
show("(7).__eq__(7.0)", lambda: (7).__eq__(7.0))
