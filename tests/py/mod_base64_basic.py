# base64 and binascii: encodings, decodings and their errors
import base64
import binascii

def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))

print(binascii.Error.__mro__)
print(binascii.Incomplete.__mro__)

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)),
           b"\xff\xfe\xfd", "héllo wörld".encode()]
for s in samples:
    e64 = base64.b64encode(s)
    print(e64[:40], base64.b64decode(e64) == s, base64.b32encode(s)[:40],
          base64.b32decode(base64.b32encode(s)) == s, base64.b16encode(s)[:20],
          base64.b16decode(base64.b16encode(s)) == s, base64.b85encode(s)[:30],
          base64.b85decode(base64.b85encode(s)) == s, base64.b32hexencode(s)[:20],
          base64.b32hexdecode(base64.b32hexencode(s)) == s)

print(base64.b64encode(b"\xfb\xff\xbf", altchars=b"-_"), base64.urlsafe_b64encode(b"\xfb\xff\xbf"))
print(base64.urlsafe_b64decode("-_-_"), base64.b64decode(b"-_-_", altchars=b"-_"))
print(base64.standard_b64encode(b"abc"), base64.standard_b64decode("YWJj"))
print(base64.b64decode("YW Jj\n"), base64.b64decode(bytearray(b"YWJj")))
print(base64.b85encode(b"abc", pad=True), base64.b85encode(b"\0\0\0\0"))
print(base64.encodebytes(b"x" * 100))
print(base64.decodebytes(base64.encodebytes(b"y" * 100)) == b"y" * 100)
print(base64.b32decode("mzxw6===", casefold=True), base64.b32decode("MZXW6YQ=", map01=b"L"))
print(base64.b16decode("666f6f", casefold=True))

# errors
show(base64.b64decode, "YWJ")
show(base64.b64decode, "YWJjZ")
show(base64.b64decode, "YW!j", validate=True)
show(base64.b64decode, "=YWJ", validate=True)
show(base64.b64decode, "YW==Jj", validate=True)
show(base64.b64decode, "héllo")
show(base64.b64decode, 123)
show(base64.b64encode, "abc")
show(base64.b32encode, "abc")
show(base64.b32decode, "MZXW6")
show(base64.b32decode, "MZXW6!==")
show(base64.b32decode, "MZXW6YQ=====")
show(base64.b32decode, "mzxw6===")
show(base64.b16decode, "abc")
show(base64.b16decode, "66zz")
show(base64.b16decode, "666f6f")
show(base64.b85decode, "ab\"cd")
show(base64.b85decode, "~~~~~")
show(base64.encodebytes, "abc")
show(base64.decodebytes, "abc")

# binascii directly
print(binascii.hexlify(b"\x01\xab"), binascii.b2a_hex(b"abc", "-"), binascii.hexlify(b"abcdef", ":", 2))
print(binascii.hexlify(b"abcdefg", b" ", -3), binascii.hexlify(b"abcdefg", " ", 3), binascii.hexlify(b"", "-"))
print(binascii.unhexlify("4142"), binascii.a2b_hex(b"6a6B"), binascii.unhexlify(bytearray(b"00ff")))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hello", newline=False))
print(binascii.a2b_base64("aGVsbG8="), binascii.a2b_base64(b"aGVs\nbG8=\n"))
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")),
      binascii.crc32(b"hello world"), binascii.crc32(b""), binascii.crc32(b"a", -1), binascii.crc32(b"a", 2**40))
print(binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"hello", 0xffff), binascii.crc_hqx(b"", 5))
show(binascii.unhexlify, "abc")
show(binascii.unhexlify, "zz")
show(binascii.unhexlify, 5)
show(binascii.hexlify, b"abc", "--")
show(binascii.hexlify, "abc")
show(binascii.a2b_base64, "é")
show(binascii.a2b_base64, 1)
show(binascii.crc32, "abc")
show(binascii.crc32, b"abc", 1.5)
for s in ["=abc", "ab=c", "ab==cd", "abcd==", "ab!c", "abc=", "ab", "abc", "a", "ab=", "ab==", "ab\n==xyz"]:
    show(binascii.a2b_base64, s)
    show(binascii.a2b_base64, s, strict_mode=True)
