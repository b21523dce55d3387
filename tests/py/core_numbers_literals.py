print(200_000_000, 0x1F, 0o17, 0b1010, 1_000.5, 1e3, .5, 3.)
print(2**100, -2**63, 2**62 - 1, 2**62, -(2**62), -(2**62) - 1)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, divmod(-7, 2), 7 / 2)
print(0.1 + 0.2, 1/3, 1e16, 1.5e-5, float("inf"), -0.0, 100.0)
print(int("  42  "), int("-0x10", 16), float("1_0.5"), round(2.675, 2), round(3.5), round(4.5))
print(True + True, isinstance(True, int), abs(-3), abs(-2.5), pow(2, 10), pow(2, 10, 1000))
print(hex(255), oct(8), bin(5), chr(65), ord("é"), ord("A"))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 2; x >>= 1; x |= 8; x &= 12; x ^= 5
print(x)
