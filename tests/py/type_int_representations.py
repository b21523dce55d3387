# Integers in other bases, bit manipulation, big numbers, int() parsing, formatting.
for n in [0, 5, 255, 1024, -42, 2**40 + 3]:
    print(n, bin(n), oct(n), hex(n), f"{n:b}", f"{n:o}", f"{n:x}", f"{n:X}", f"{n:#010x}", n.bit_length())
print(int("1010", 2), int("777", 8), int("ff", 16), int("zz", 36), int("0b1010", 0), int("0o17", 0), int("0x1F", 0))
print(int("  -12  "), int("1_000_000"), int("+5"), int("٣"), int(" \t42\n"))
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC), flags & ~EXEC, flags ^ READ, f"{flags:03b}")
print(1 << 10, 1024 >> 3, -16 >> 2, -1 << 4, 0xFF & 0x0F, 0xF0 | 0x0F, ~0xFF, 6 ^ 3)
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
print([popcount(n) for n in (0, 1, 7, 255, 2**20 - 1)], (2**20 - 1).bit_count())
big = 2 ** 100
print(big, big // 3, big % 7, -big // 3, big.bit_length(), len(str(big)), str(big)[-5:], big == 2.0 ** 100)
print(12345678901234567890 * 98765432109876543210, (10**30 + 1) % 97, pow(3, 10**5, 10**9 + 7))
print(int.from_bytes(b"\x01\x00", "little"), (513).to_bytes(2, "big"), (-2).to_bytes(1, "big", signed=True))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 // -2, round(7 / 2), 7 / 2, int(7 / 2), int(-3.5))
for bad in ["int('12', 2)", "int('0x10')", "int('')", "int('1e3')", "int(' ')", "bin(1.0)", "int('9' * 5000)"]:
    try:
        eval(bad)
    except ValueError as e:
        print(type(e).__name__, str(e)[:70])
    except TypeError as e:
        print(type(e).__name__, e)
