# read(n) on a text file counts characters in the file's encoding, and
# undecodable bytes raise UnicodeDecodeError (or follow errors=).
import os
path = 'file_read_chars_encoding.tmp'
with open(path, 'wb') as f:
    f.write('caf\u00e9 \u65e5\u672c\r\nnext'.encode('utf-8'))
with open(path) as f:
    print(repr(f.read(4)), repr(f.read(3)), repr(f.read(1)), repr(f.read()))
with open(path, encoding='latin-1') as f:
    print(repr(f.read(5)), repr(f.read(2)))
with open(path, 'wb') as f:
    f.write(b'\xffab\xc3')
for errors in (None, 'replace'):
    try:
        with open(path, errors=errors) as f:
            print(errors, repr(f.read(2)), repr(f.read(5)))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError', e)
with open(path, encoding='latin-1') as f:
    print(repr(f.read(3)), repr(f.read(3)))
os.remove(path)

import io
stream = io.BytesIO(b'abc')
view = stream.getbuffer()
view[0] = ord('X')
print(type(view).__name__, stream.getvalue(), bytes(view), len(view))
