l = [1]; l.append(l); print(l); d = {}; d["self"] = d; print(d); s = set(); print(repr(s))
class R:
    def __repr__(self): return "R()"
print([R()], {R(): 1} if False else "", (R(),), str([R()]))
def rec(n): return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)
import sys
print(sys.getrecursionlimit())
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
print(len(str(10 ** 4000)))
sys.set_int_max_str_digits(0); print(len(str(10 ** 5000)))
print("Hello World".center(21, "="), "tEST".capitalize(), "o'neil's".title(), "hello   world".split(" "), "a-b_c d".replace("-", " ").replace("_", " ").split())
print("x".join("abc"), "".join([]), "abc".strip("ac"), "  x  ".strip(" x"), "aaa".lstrip("a"), "www.example.com".rstrip(".com"), "abc".count(""), "aaaa".count("aa"))
print("Hello"[1], "Hello"[-1], "Hello"[1:3], "Hello"[::-1], "Hello" * 2, "ell" in "Hello", "Hello".index("l"), "Hello".find("xyz"), "Hello".rindex("l"))
print("{:>10}".format("right"), "{:<10}|".format("left"), "{:^10}".format("center"), "{:.2%}".format(0.4567), "{:,.3f}".format(1234567.891), "{:e}".format(0.000123))
print("a b c".split(maxsplit=1), "a,b,c".rsplit(",", maxsplit=1), "1,2,,3".split(","), "  lead".split(" "), "abc".zfill(6), "+12".zfill(5), "ab".ljust(1))
print("Straße".lower(), "ǆ".title(), "ß".casefold() == "ss", "ΣΑΣ".lower(), "ﬃ".lower(), "İstanbul".lower()[:3], len("👍🏽"), "👍🏽"[0], "é" == "e\u0301", len("e\u0301"))
print("%-10s|%10s|" % ("l", "r"), "%.3f" % 2.0005, "%5.1f%%" % 99.55, "%d items" % 3.7, "%i" % True, "%s" % None, "%r" % "s", "%a" % "é", "%x" % 255, "%#o" % 8, "%e" % 0)
print(b"hello world".title(), b"abc".center(7, b"*"), b" x ".strip(), b"a-b".replace(b"-", b"+"), b"abc".startswith(b"a"), b"ABC".lower(), b"a1".isalnum(), bytes.maketrans(b"a", b"b"))
print(bytearray(b"abc").upper(), bytearray(3), bytearray([1, 2]) + b"3", bytearray(b"x") * 2, b"".join([b"a", bytearray(b"b")]), list(bytearray(b"hi")))
ba = bytearray(b"hello"); ba[0] = 72; ba.extend(b"!"); ba.insert(0, 62); del ba[1]; print(ba, ba.pop(), ba, ba.find(b"l"), ba.decode(), bytes(ba))
print(memoryview if False else "", int.from_bytes(b"\x00\x10", "little"), (258).to_bytes(2, "little"), (-2).to_bytes(1, "big", signed=True), b"\xff".hex(), bytes.fromhex("de ad"), b"abc".hex(":"))
print("%s and %s" % ("a", "b"), "%(n)d%%" % {"n": 5}, "{0}{1}{0}".format("a", "b"), "{:{}{}}".format("x", ">", 4), "{0!r:>6}".format("x"), "{[1]}".format("ab"), "{.imag}".format(3j))
import string
t = string.Template("$who likes ${what}"); print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.Formatter().format("{0}-{1}", 1, 2), "{:b}".format(10), "{:o}".format(10), "{:c}".format(10004), "{:n}".format(1234), "{:_b}".format(255), "{:#_x}".format(65535))
