# divmod, pow (3-arg), round, hex/oct/bin, chr/ord, abs, hash, id, int()/float()/str()/bool() conversions.
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(10**20, 7))
print(pow(3, 4), pow(3, 4, 5), pow(10, -2), pow(7, -1, 11), pow(0, 0), pow(2, 100) % 1000)
print(round(3.14159, 2), round(2.5), round(-0.5), round(1.005, 2), round(15, -1), round(25, -1), round(1e20 + 0.5))
print(hex(255), hex(-255), oct(64), bin(10), bin(-10), hex(2**70), bin(0), int(hex(99), 16))
print(chr(65), chr(8364), ord("Z"), ord("\n"), [ord(c) for c in "abc"], "".join(chr(c) for c in range(97, 100)))
print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(-10**30))
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash(()) == hash(()), isinstance(hash(3.5), int))
a = [1]
print(id(a) == id(a), id(a) != id([1]), isinstance(id(a), int))
print(bool(0), bool("False"), str(3.0), str(-0.0), str(1e100), str(True), int("7") + float("0.5"), float(True))
print(int("0x1f", 16), int("1f", 16), int("z", 36), int(" 10 ", 2), int(b"12"), float(b"1.5"), complex("3"))
for bad in ["chr(0x110000)", "hex(1.5)", "bin('1')", "oct(None)", "abs('x')", "divmod(1, 0)", "divmod('a', 1)",
            "round('x')", "round(1.5, 'x')", "ord('')", "pow(2, 0.5, 3)"]:
    try:
        eval(bad)
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
# Big integers everywhere.
f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)), f // 10**20, f % 997, str(2**200)[:20], -f // 7)
print(2**63, 2**63 - 1, -2**63, (2**64) >> 3, 1 << 100, (2**100).bit_length(), 10**18 * 10**18)
print(int(1e20), float(2**80), 2**80 == 2.0**80, 10**400 > 1e308, int("9" * 50) + 1)
