# formatting, strings
import math
name, dur = "build", 3.14159
print(f"{name:.<40} {dur:.2f}s")
print(f"{1234567:,}", f"{1234567.891:,.2f}", f"{1234567:_}", f"{255:#x}", f"{255:#o}", f"{255:#b}", f"{255:08b}")
print(f"{3.14159:10.3f}|{3.14159:<10.3f}|{3.14159:^10.3f}|{-3.1:+.1f}|{3.1: .1f}|")
print(f"{0.000123:e}", f"{123456789.0:E}", f"{0.5:%}", f"{0.1234:.1%}", f"{1e20:g}", f"{1e-5:g}", f"{123.0:g}", f"{1.5e300 * 1e10:f}")
print(f"{'x':*^9}", f"{'left':<8}|", f"{'right':>8}|", f"{42:=+8}", f"{-42:010}", f"{42:x<5}")
w, p = 10, 3
print(f"{math.pi:{w}.{p}f}", f"{'abc'!r:>8}", f"{'é'!a}", f"{3+4j}", f"{True:d}", f"{None!s:>6}")
print(f"{10:n}", f"{1e6:n}", f"{12:c}", f"{65:c}", f"{nan:f}" if (nan := float('nan')) else "", f"{float('inf'):+}")
x = 5
print(f"{x=}", f"{x * 2 = }", f"{x=:>5}", f"{'nested {braces}'}", f"{{literal}}")
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{name}:{val:.2f}".format(name="pi", val=math.pi))
print("{0[0]} {0[1]} {1.real}".format([1, 2], 3j), "{:>{w}}".format("r", w=4), "{!r:^10}".format("s"))
print("%s %d %5.2f %-5s| %05d %x %X %o %e %r %%" % ("s", 42, math.pi, "ab", 42, 255, 255, 8, 12345.678, "q"))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7}, "%c%c" % (65, "B"), "%.3s" % "abcdef", "%+d % d" % (5, 5))
print(format(12345.6789, ",.2f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), round(2.675, 2), round(0.5), round(1.5), round(-0.5))
print(repr(1.1), repr(1e16), repr(1.0), repr(-0.0), str(1e-7), 1/3, 2/3, 10/4, 1e300*1e300, -1e300*1e300)
print(int("0x1f", 16), int("1f", 16), int("0b101", 0), int(" 42 "), int("-7"), float(" 2.5 "), float("1e3"), int(3.99), int(-3.99))
s = "  Hello, World!  "
print(s.strip(), s.lstrip(), s.rstrip() + "|", s.strip().lower(), s.upper(), s.strip().swapcase(), "hello world".title(), "hello".capitalize())
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print("-".join(["a", "b"]), "abc".replace("b", "B"), "aaa".replace("a", "b", 2), "hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"))
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "42".isdigit(), "abc".isalpha(), "a1".isalnum(), " ".isspace(), "Ab".istitle(), "ab".islower(), "AB".isupper(), "١".isdigit(), "½".isnumeric(), "x".isidentifier())
print("ab".center(6, "*"), "ab".ljust(5, "-"), "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "a\tb".expandtabs(4), "key=val=x".partition("="), "key=val=x".rpartition("="), "abc".partition("z"))
print("hello"[::-1], "hello"[1:4], "hello"[-3:], "hello"[::2], "abc" * 3, "b" in "abc", "abc" < "abd", ord("a"), chr(97), chr(0x263A))
print("ß".upper(), "ǅ".lower(), "İ".lower(), len("İ".lower()), "straße".casefold(), "ﬁ".upper())
print("Hello {}".format("x").encode(), "héllo".encode("utf-8"), b"h\xc3\xa9llo".decode(), "abc".encode("ascii"), "é".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz", "c")), "abc".removeprefix("a"), "abc".removesuffix("c"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\nnl\\"), repr("\x00\x7f\u200b"), ascii("naïve ☃"))
print(b"abc"[0], b"abc"[0:2], list(b"ab"), bytes([65, 66]), bytes(3), bytearray(b"xy"), b"a b".split(), b"abc".hex(), bytes.fromhex("4142"), b"%d-%s" % (5, b"x"))
print("{:,}".format(-1234567), "{:.3}".format(math.pi), "{:.3}".format("abcdef"), "{:5}|{:<5}|{:>5}".format(1, 2, "s"), format(1e-4, ".2"), format(123456.0, ".2"), format(0.1 + 0.2, ".17g"))
print(f"{12345678901234567890:,}", f"{-0.0:.1f}", f"{1.25:.1f}", f"{1.35:.1f}", f"{2**0.5:.15f}", f"{1/7:.20f}")
table = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 3)]
print(f"{'Item':<10}{'Price':>8}{'Qty':>6}")
for item, price, qty in table:
    print(f"{item:<10}{price:>8.2f}{qty:>6d}")
print(f"{'Total':<10}{sum(p * q for _, p, q in table):>8.2f}")
