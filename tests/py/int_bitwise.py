# Shifts and bitwise operators, including negative numbers (two's complement).
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 62 - 1, -2 ** 62, 2 ** 70 + 3, -(2 ** 70) - 3]
for a in vals:
    for b in vals:
        print(a & b, a | b, a ^ b)
for a in vals:
    print(a, ~a, a << 3, a >> 3, a << 60, a >> 70, a >> 1)
print(1 << 62, 1 << 63, -1 << 62, -1 << 63, 3 << 61)
print((1 << 100) >> 99, (-(1 << 100)) >> 99, -5 >> 1, -1 >> 100)
show("1 << -1", lambda: 1 << -1)
show("1 >> -1", lambda: 1 >> -1)
show("1 << 1.0", lambda: 1 << 1.0)
show("1.0 & 1", lambda: 1.0 & 1)
print(True & True, True | False, True ^ True, False ^ False, True & 3, type(True & False).__name__)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0b1010 ^ 0b0110, ~0xFF)
