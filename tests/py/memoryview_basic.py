# memoryview over bytes and bytearray: items, slices (shared windows),
# writes through to a bytearray, comparisons, methods and error messages.
data = bytearray(b'hello world')
view = memoryview(data)
print(len(view), view[0], view[-1], view[1:4].tobytes(), bytes(view[::2]))
print(view.readonly, view.nbytes, view.itemsize, view.format, view.ndim, view.shape, view.strides)
view[0] = 72
view[1:3] = b'EL'
print(data, view.obj is data)
tail = view[6:]
tail[0] = ord('W')
print(data, bytes(tail), tail.hex(), tail.hex(':'), list(tail))
print(view[::-1].tobytes(), view[::-2].tolist(), view[8:2:-3].tolist())
print(view == b'HELlo World', b'HELlo World' == view, view != b'x', view == view, view == 5)

ro = memoryview(b'abc')
print(ro.readonly, hash(ro) == hash(b'abc'), ro[1], bytes(ro), bytearray(ro))
print(b'x' + ro, bytearray(b'q') + ro, b'-'.join([ro, ro]), int.from_bytes(ro, 'big'))
print(memoryview(ro).tobytes(), view.toreadonly().readonly, view.contiguous, view[::2].contiguous)

# a view keeps its object alive
window = memoryview(bytearray(range(20)))[5:-5]
print(sum(window), list(window[:3]))

# overlapping slice assignment moves bytes like memmove
buf = bytearray(range(8))
m = memoryview(buf)
m[1:] = m[:-1]
print(buf)

for code in ["ro[0] = 1", "view[0] = 256", "view[0] = 'a'", "view[100]", "view['a']",
             "del view[0]", "view[0:2] = b'abc'", "hash(view)", "memoryview(1)",
             "memoryview('abc')", "view + view", "memoryview()"]:
    try:
        exec(code)
        print('ok', code)
    except Exception as e:
        print(type(e).__name__, e)

with memoryview(b'xyz') as v:
    print(v.tobytes())
try:
    v[0]
except ValueError as e:
    print(e)
print(repr(v).startswith('<released memory at 0x'), repr(view).startswith('<memory at 0x'))

import struct, binascii
print(struct.unpack('<I', memoryview(b'\x01\x00\x00\x00')), binascii.hexlify(memoryview(b'\xff')))
