# bytes and bytearray methods.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


for b in (b'Hello World, hello bytes', bytearray(b'Hello World, hello bytes')):
    print(b.find(b'hello'), b.find(108), b.rfind(b'l'), b.index(b'World'), b.count(b'l'), b.count(b''), b.find(b'x'))
    print(b.startswith(b'Hello'), b.endswith((b'x', b'bytes')), b.split(), b.split(b', '), b.rsplit(None, 1))
    print(b.lower(), b.upper(), b.swapcase(), b.title(), b.capitalize(), b.replace(b'l', b'L', 2))
    print(b.partition(b' '), b.rpartition(b' '), b.strip(b'Hes'), b.center(30, b'*'), b.ljust(26), b.rjust(26, b'.'))
    print(b.isalpha(), b.isascii(), b[:5].isalpha(), b[:5].istitle(), b.islower(), b.isupper(), b.removeprefix(b'Hello '))
print(b'  x  '.strip(), b'  x  '.lstrip(), b'  x  '.rstrip(), b'a\tb'.expandtabs(4), b'-42'.zfill(6), b'42'.zfill(1))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\n'.splitlines(True), b'a\x0bb\x1cc'.split(), b'1,2,,3'.split(b','))
print(b'-'.join([b'a', bytearray(b'b'), b'c']), bytearray(b', ').join([b'x', b'y']), b''.join([]))
print(b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abc'.translate(None, b'b'), b'abc'.translate(None, delete=b'ac'))
print(b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'), b'x'.decode(encoding='ascii'), b'12'.isdigit(), b' \t'.isspace())
show(lambda: b'abc'.find('a'))
show(lambda: b'abc'.find(300))
show(lambda: b'abc'.index(b'z'))
show(lambda: b'a'.split('a'))
show(lambda: b'a'.strip('a'))
show(lambda: b'a'.replace('a', b'b'))
show(lambda: b'-'.join([b'a', 'b']))
show(lambda: b'-'.join(1))
show(lambda: b'a'.startswith('a'))
show(lambda: b'abc'.center(7, '*'))
show(lambda: b'abc'.translate(b'x'))
show(lambda: bytes.maketrans(b'ab', b'c'))
show(lambda: b'abc'.partition(b''))
show(lambda: b'abc'.count())
