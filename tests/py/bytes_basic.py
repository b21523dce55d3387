# bytes: construction, repr, indexing, slicing, operators, comparison.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b'xy'), bytes(bytearray(b'z')))
print(bytes('é', 'utf-8'), bytes('abc', 'ascii'), bytes('é', 'latin-1', 'strict'), bytes(x for x in (1, 2)))
print(b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\x00\t\n\r\x7f\x80\xff\\')
print(repr(b'a'), str(b'a'), len(b'abc'), b'abc'[0], b'abc'[-1], b'abc'[1:], b'abcdef'[::2], b'abc'[::-1])
show(lambda: b'abc'[3])
k = 'x'
show(lambda: b'abc'[k])
show(lambda: bytes('a'))
show(lambda: bytes(-1))
show(lambda: bytes([256]))
show(lambda: bytes([-1]))
show(lambda: bytes(['a']))
show(lambda: bytes(1.5))
show(lambda: bytes(b'a', 'utf-8'))
show(lambda: bytes(encoding='utf-8'))
show(lambda: bytes('é', 'ascii'))
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 2 * b'x', b'ab' * 0)
show(lambda: b'a' + 'a')
show(lambda: b'a' + 1)
show(lambda: 'a' + b'a')
show(lambda: b'a' * 1.5)
print(b'a' < b'b', b'ab' < b'a', b'a' == b'a', b'a' == 'a', b'a' == bytearray(b'a'), b'a' != b'b', b'\xff' > b'a')
show(lambda: b'a' < 'a')
print(b'b' in b'abc', 98 in b'abc', 100 in b'abc', b'' in b'abc', bytearray(b'bc') in b'abc')
show(lambda: 'a' in b'abc')
show(lambda: 300 in b'abc')
print(list(b'abc'), [b for b in b'\x00\xff'], hash(b'abc') == hash(bytes(b'abc')), {b'k': 1}[b'k'])


class B(bytes):
    pass


class WithBytes:
    def __bytes__(self):
        return b'custom'


x = B(b'hi')
print(x, type(x).__name__, x + b'!', type(x + b'!').__name__, isinstance(x, bytes), bytes(WithBytes()))
print(B.fromhex('6869'), type(B.fromhex('6869')).__name__)
print(bytes.fromhex('de ad be ef'), bytes.fromhex(''), b'\xde\xad'.hex(), b'abc'.hex(':'), b'abcde'.hex('-', 2), b'abcde'.hex(b'.', -2))
show(lambda: bytes.fromhex('6'))
show(lambda: bytes.fromhex('zz'))
show(lambda: bytes.fromhex(b'61'))
show(lambda: b'a'.hex('::'))
print(b'x'.__bytes__(), b'ab'.__getnewargs__())
