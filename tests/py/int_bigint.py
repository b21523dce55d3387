# Big ints: crossing the tagged/GMP boundary at 2**62 and back.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


B = 2 ** 62
print(B - 1, B, B + 1, -B, -B - 1)
print((B - 1) + 1, B - 1 + 1 - 1, (B + 5) - 10)
print(type(B) is int, B == 4611686018427387904, hash(B) == hash(4611686018427387904))
x = 1
for i in range(1, 40):
    x *= i
print("39! =", x)
print(x // (10 ** 20), x % 1000003, divmod(x, 7 ** 30))
print(-x // 12345678901234567890, -x % 12345678901234567890)
y = 2 ** 64 - 1
print(y, y + 1, y * y, -y * y, y & (y >> 3), y | 1 << 70, y ^ (y << 1))
print(3 ** 100)
print((3 ** 100) // (3 ** 98), (3 ** 100) - (3 ** 100 - 1))
print(-(2 ** 100), abs(-(2 ** 100)), ~(2 ** 100))
print((2 ** 62) * 2 // 4, (-2 ** 62) // -1)
print(2 ** 63, -2 ** 63, 2 ** 63 - 1, (2 ** 63) // (2 ** 62))
print(10 ** 30 == 10 ** 30, 10 ** 30 < 10 ** 31, -10 ** 30 < 5, 10 ** 30 > -1)
print(sorted([10 ** 20, -5, 2 ** 70, 3, -(2 ** 65), 0]))
print(sum(2 ** i for i in range(100)))
big = 12345678901234567890123456789
print(big, str(big)[::-1], len(str(big)), big % 97, big // 97)
show("1 << 10**12", lambda: 1 << 10 ** 12)
show("big * big", lambda: big * big)
show("1 << (1<<70)", lambda: 1 << (1 << 70))
show("0 << (1<<70)", lambda: 0 << (1 << 70))
show("5 >> (1<<70)", lambda: 5 >> (1 << 70))
show("-5 >> (1<<70)", lambda: -5 >> (1 << 70))
show("1 ** (10**100)", lambda: 1 ** (10 ** 100))
show("(-1) ** (10**100+1)", lambda: (-1) ** (10 ** 100 + 1))
