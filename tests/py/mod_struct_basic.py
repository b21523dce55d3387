# struct: pack/unpack/calcsize with every byte order and error path
import struct

def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)

print(struct.error, struct.Struct, struct.error.__mro__)
print(sorted(struct.__all__))

# round trips in each byte order
for order in "@=<>!":
    fmt = order + "bBhHiIlLqQ?efd"
    vals = (-5, 200, -300, 60000, -70000, 4000000000, -7, 9, -2**40, 2**63 + 5, True, 1.5, 0.25, -2.5)
    data = struct.pack(fmt, *vals)
    print(order, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))

# sizes and native alignment
for fmt in ["", "@", "c", "@hbihq", "=hbihq", "@0q", "@c0i", "@bP", "@b?e", "2x", "ii x", ">",
            "3s", "0s", "10p", "@ci", "<ci", "@nN", "@qb", " i \t h\n", "5i3s"]:
    show(struct.calcsize, fmt)

# bad formats
for fmt in ["z", "<n", "<N", ">P", "3", "i3", "q\x00", "3 i", "i<", "99999999999999999999i"]:
    show(struct.calcsize, fmt)
show(struct.calcsize, 1)
show(struct.Struct, 1.5)

# integer range errors
ints = [("b", 200), ("b", -129), ("B", 256), ("B", -1), ("h", 40000), ("H", -1), ("H", 70000),
        ("i", 2**31), ("I", -1), ("I", 2**32), ("l", 2**63), ("L", -1), ("q", 2**63), ("Q", -1),
        ("Q", 2**64), ("n", 2**63), ("N", -1), ("P", -1), ("P", 2**64),
        ("<b", 128), ("<h", 2**32), ("<H", -1), ("<i", 2**31), ("<I", 2**32), ("<I", -5),
        ("<l", 2**33), ("<l", 2**70), ("<L", 2**33), ("<L", -1), ("<q", 2**63), ("<Q", -1),
        (">b", 128), (">h", 40000), (">H", 2**63), (">H", -1), (">i", 2**31), (">I", 2**32),
        (">l", -2**31 - 1), (">L", 2**32), (">q", 2**63), (">q", -2**63 - 1), (">Q", -1),
        (">Q", 2**64), ("!h", -32769), ("=H", 65536), ("=q", -2**63)]
for f, v in ints:
    show(struct.pack, f, v)

# conversion errors
class Idx:
    def __index__(self):
        return 300
class Flt:
    def __float__(self):
        return 2.5
for f, v in [("i", "a"), ("i", 1.5), ("i", None), ("i", Idx()), ("b", Idx()), ("i", True),
             ("d", Flt()), ("f", "x"), ("d", None), ("d", 10**400), ("f", 1e300), ("<f", 1e300),
             (">f", 10**39), ("e", 65504), ("e", 65520), ("e", 1e6), ("<e", 65519.0),
             ("e", 65520.0), ("c", b"ab"), ("c", 1), ("c", bytearray(b"z")), ("c", b"q"),
             ("s", 1), ("3s", "xy"), ("p", [1]), ("?", []), ("?", "x"), ("?", 0)]:
    show(struct.pack, f, v)

# floats: special values and rounding
for f in ["<e", ">e", "<f", ">d", "@f"]:
    for v in [0.0, -0.0, 1.0, 0.1, 1e-8, 5.96e-8, 3.14159, float("inf"), float("-inf"), 65504.0]:
        data = struct.pack(f, v)
        print(f, v, data, struct.unpack(f, data))
print(struct.unpack("<e", struct.pack("<e", float("nan"))), struct.pack("<e", float("nan")))
print(struct.unpack("<d", struct.pack("<d", float("nan"))))

# strings
print(struct.pack("5p", b"abcdefgh"), struct.unpack("5p", b"\x09abcd"), struct.pack("3s", b"a"))
print(struct.pack("0s", b"abc"), struct.unpack("0s", b""), struct.pack("0p", b"a"), struct.pack("1p", b"abc"))
print(struct.pack("300p", b"a" * 300)[:3], struct.unpack("1p", b"\x05"), struct.unpack("3p", b"\x09ab"))
print(struct.pack("3s", bytearray(b"xy")), struct.unpack("2s3x2p", b"ab...\x05c"))
print(struct.unpack("c3c", b"abcd"), struct.pack("4c", b"a", b"b", b"c", b"d"))
print(struct.unpack("??", b"\x00\x07"), struct.unpack(">?", b"\x02"))
print(struct.unpack("<h", b"\xff\xff"), struct.unpack(">Q", b"\xff" * 8), struct.unpack("<q", b"\x00" * 7 + b"\x80"))
print(struct.unpack("P", b"\xff" * 8), struct.unpack("n", b"\xff" * 8))

# argument count errors
show(struct.pack, "i")
show(struct.pack, "i", 1, 2)
show(struct.pack, "ii", 1)
show(struct.pack, "0s")
show(struct.pack)
show(struct.unpack, "i", b"abc")
show(struct.unpack, "<h", "ab")
show(struct.unpack, "i")

# unpack_from / pack_into / iter_unpack
show(struct.unpack_from, "<h", b"\x00\x01\x02", 1)
show(struct.unpack_from, "<h", b"\x00\x01\x02", offset=1)
show(struct.unpack_from, "i", b"abc", 1)
show(struct.unpack_from, "i", b"abcdefg", -10)
show(struct.unpack_from, "<i", b"abcdefgh", -2)
show(struct.unpack_from, "<h", b"abcdefgh", -2)
show(struct.unpack_from, "<i", b"abcdefgh", 8)
b = bytearray(6)
struct.pack_into("<hh", b, 2, 5, 6)
print(b)
struct.pack_into("<h", b, -2, 7)
print(b)
show(struct.pack_into, "i", bytearray(3), 0, 1)
show(struct.pack_into, "i", bytearray(8), 6, 1)
show(struct.pack_into, "i", b"abcd", 0, 1)
show(struct.pack_into, "i", bytearray(8), -2, 1)
show(struct.pack_into, "i", bytearray(8), -9, 1)
show(struct.pack_into, "i", bytearray(8))
show(struct.pack_into, "i", bytearray(8), 0)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
show(lambda: list(struct.iter_unpack("i", b"abcde")))
show(lambda: list(struct.iter_unpack("", b"")))
it = struct.iter_unpack("<h", b"\x01\x00\x02\x00")
print(it.__length_hint__(), type(it), next(it), it.__length_hint__(), list(it), it.__length_hint__())

# Struct objects
s = struct.Struct("<ih")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), type(s).__name__)
s2 = struct.Struct(b">hh")
print(s2.format, s2.unpack(b"\x00\x01\x00\x02"), s2.pack(3, 4), list(s2.iter_unpack(b"\x00\x01\x00\x02" * 2)))
print(s2.unpack_from(b"xx\x00\x05\x00\x06", 2), s2.unpack_from(buffer=b"\x00\x05\x00\x06"))
buf = bytearray(4)
s2.pack_into(buf, 0, 7, 8)
print(buf)
show(s2.pack, 1)
show(s2.pack_into, bytearray(4))
show(struct.Struct, "i", "x")
class MyStruct(struct.Struct):
    pass
m = MyStruct("<H")
print(type(m).__name__, m.pack(513), m.size, isinstance(m, struct.Struct))
print(struct.Struct(format="b").size)
try:
    struct.pack("b", 1000)
except struct.error as e:
    print("caught", type(e).__module__, e.args)
struct._clearcache()
