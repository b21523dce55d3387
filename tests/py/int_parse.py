# int() from text: bases, prefixes, underscores, whitespace and errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for s in ["0", "42", "-17", "  12  ", "+5", "1_000_000", "\t-3\n", "007", "0_0", "٣٤", "１２"]:
    show("int(%r)" % s, lambda: int(s))
for s, b in [("ff", 16), ("FF", 16), ("0xff", 16), ("0x_ff", 16), ("777", 8), ("0o777", 8),
             ("101", 2), ("0b101", 2), ("z", 36), ("Zz", 36), ("10", 3), ("0x10", 0),
             ("0o10", 0), ("0b10", 0), ("10", 0), ("0", 0), ("00", 0), ("-0x1F", 0)]:
    show("int(%r, %d)" % (s, b), lambda: int(s, b))
for s, b in [("", 10), ("abc", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("010", 0), ("0_10", 0),
             ("0x", 16), ("0b", 0), ("12", 2), ("9", 8), ("1.5", 10), ("1e5", 10), (" ", 10),
             ("1 2", 10), ("--1", 10), ("0x1g", 16), ("z", 35)]:
    show("int(%r, %d)" % (s, b), lambda: int(s, b))
show("int('1', 1)", lambda: int('1', 1))
show("int('1', 37)", lambda: int('1', 37))
show("int('1', -1)", lambda: int('1', -1))
show("int(12, 10)", lambda: int(12, 10))
show("int('12', base=16)", lambda: int('12', base=16))
show("int('12', 2.0)", lambda: int('12', 2.0))
show("int(b'42')", lambda: int(b'42'))
show("int(b' -7 ')", lambda: int(b' -7 '))
show("int(b'x')", lambda: int(b'x'))
show("int(bytearray(b'15'))", lambda: int(bytearray(b'15')))
show("int('1'*300)", lambda: int('1' * 300) % 1000)
show("int('x'*300)", lambda: int('x' * 300))
show("int(x='1')", lambda: int(x='1'))
show("int('1', 2, 3)", lambda: int('1', 2, 3))
show("int()", lambda: int())
show("int(base=2)", lambda: int(base=2))
