# str <-> bytes: encode/decode, bytes and bytearray basics, errors.
s = "héllo wörld €"
b = s.encode()
print(b, len(s), len(b), type(b).__name__, b.decode() == s, b.decode("utf-8"))
print(s.encode("latin-1", errors="replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"))
print("abc".encode("ascii"), "é".encode("utf-16-le"), "é".encode("latin-1"), "é".encode("utf-8").hex())
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "replace"), b"\xffab".decode("utf-8", "ignore"), b"\xe9".decode("latin-1"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)

# bytes literals, indexing gives ints, slicing gives bytes.
data = b"Hello\x00\xff"
print(data[0], data[-1], data[:5], list(data[:3]), data.hex(" "), bytes.fromhex("48 65"), len(data))
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes("abc", "ascii"), b"ab" + b"cd", b"-" * 3)
print(b"a,b,c".split(b","), b" x ".strip(), b"abc".upper(), b"hello".replace(b"l", b"L"), b"abc".find(b"c"))
print(b"hello".startswith(b"he"), b"x" in b"xyz", 120 in b"xyz", b"%d items" % 5, b"abc" < b"abd")
print(repr(b"'"), repr(b'"'), repr(b"\t\n\r"), b"\x7f\x80")
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)

# bytearray is mutable.
ba = bytearray(b"hello")
ba[0] = ord("J")
ba.append(33)
ba.extend(b"??")
ba += b"!"
del ba[-1]
print(ba, bytes(ba), ba.decode(), len(ba), ba.pop(), ba)
ba[1:3] = b"EE"
print(ba, ba.find(b"E"), ba.count(b"E"), ba.reverse(), ba)
try:
    ba.append(300)
except ValueError as e:
    print(type(e).__name__, e)

# int <-> bytes.
n = 1024
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff", "big", signed=True))
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)

# Round trip of every BMP sample through utf-8 and utf-16.
samples = ["", "ascii", "ñandú", "日本語", "emoji 😀", "mixed €5 £3"]
print(all(x.encode(enc).decode(enc) == x for x in samples for enc in ["utf-8", "utf-16", "utf-32"]))
print([len(x.encode()) for x in samples])

# str() of bytes shows the repr; bytes() of str needs an encoding.
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"x"), "utf-8"))
