# str.encode / bytes.decode with the utf-8, ascii and latin-1 codecs.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
        for a in ('encoding', 'start', 'end', 'reason'):
            if hasattr(e, a):
                print('   ', a, repr(getattr(e, a)))
    else:
        print(repr(r))


for enc in ('utf-8', 'utf8', 'UTF-8', 'utf_8', 'U8', 'ascii', 'US-ASCII', 'latin-1', 'latin1', 'iso-8859-1', 'L1'):
    show(lambda: 'abc'.encode(enc))
show(lambda: 'é'.encode('nope'))
show(lambda: b'x'.decode('nope'))
show(lambda: 'café €5 😀'.encode())
show(lambda: 'café'.encode('latin-1'))
show(lambda: 'aéb€c'.encode('latin-1'))
show(lambda: 'aéé'.encode('ascii'))
for errors in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'bogus'):
    show(lambda: 'aé€😀b'.encode('ascii', errors))
    show(lambda: 'aé€😀b'.encode('latin-1', errors))
show(lambda: '\ud800'.encode())
show(lambda: 'a\ud800\udc00b'.encode())
show(lambda: '\udc80\udcff'.encode('utf-8', 'surrogateescape'))
show(lambda: '\ud800'.encode('utf-8', 'surrogatepass'))
show(lambda: 'a\ud800b'.encode('utf-8', 'replace'))
show(lambda: 'a\ud800b'.encode('utf-8', 'backslashreplace'))
show(lambda: 'e'.encode('ascii', 'bogus'))
show(lambda: b'caf\xc3\xa9'.decode())
show(lambda: b'caf\xc3\xa9'.decode('latin-1'))
show(lambda: b'\xff\xfeab'.decode())
show(lambda: b'ab\xe4\xb8'.decode())
show(lambda: b'a\xe4\x41'.decode())
show(lambda: b'\xed\xa0\x80'.decode())
show(lambda: b'\xf0\x90\x80'.decode())
show(lambda: b'\xc0\xaf'.decode())
show(lambda: b'\xf5\x80'.decode())
for errors in ('strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'xmlcharrefreplace', 'bogus'):
    show(lambda: b'a\xff\xe4\xb8b\xed\xa0\x80c\xc3'.decode('utf-8', errors))
    show(lambda: b'a\xff\x80b'.decode('ascii', errors))
show(lambda: bytes(range(256)).decode('latin-1') == ''.join(map(chr, range(256))))
show(lambda: b'\xff\xfe'.decode('ascii'))
show(lambda: 'x'.encode(encoding='ascii', errors='strict'))
show(lambda: 'x'.encode(1))
show(lambda: b'x'.decode(errors=1))
show(lambda: 'héllo wörld'.encode().decode())
show(lambda: '\udcff'.encode('utf-8', 'surrogateescape').decode('utf-8', 'surrogateescape'))
for enc in ('utf-16', 'utf-16-le', 'UTF-16BE', 'utf16', 'utf-32', 'utf_32_le', 'utf-32-be'):
    show(lambda: 'a€😀'.encode(enc))
    show(lambda: 'a€😀'.encode(enc).decode(enc))
    show(lambda: 'a\ud800b'.encode(enc))
    show(lambda: 'a\ud800b'.encode(enc, 'replace'))
    show(lambda: 'a\ud800b'.encode(enc, 'surrogatepass').decode(enc, 'surrogatepass'))
show(lambda: b'\xff\xfea\x00'.decode('utf-16'))
show(lambda: b'\xfe\xff\x00a'.decode('utf-16'))
show(lambda: b'a\x00'.decode('utf-16'))
show(lambda: b'a\x00b'.decode('utf-16'))
show(lambda: b'\x00\xd8a\x00'.decode('utf-16'))
show(lambda: b'\x00\xdc'.decode('utf-16-le'))
show(lambda: b'\x00\xd8'.decode('utf-16-le'))
show(lambda: b'a\x00b'.decode('utf-16', 'replace'))
show(lambda: b'\x00\xd8a\x00'.decode('utf-16', 'backslashreplace'))
show(lambda: b'\xff\xfe\x00\x00a\x00\x00\x00'.decode('utf-32'))
show(lambda: b'a\x00\x00'.decode('utf-32'))
show(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le'))
show(lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le'))
show(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le', 'replace'))
show(lambda: b'\x3d\xd8\x00\xde'.decode('utf-16-le'))
