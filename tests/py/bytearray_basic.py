# bytearray: a mutable bytes.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


b = bytearray(b'hello')
print(b, len(b), b[0], b[-1], b[1:3], type(b[1:3]).__name__, str(b), bytearray(), bytearray(3), bytearray([1, 2]))
b[0] = 72
b[1:3] = b'EL'
print(b)
b[::2] = b'xyz'
print(b)
del b[0]
print(b)
del b[::2]
print(b)
b.append(33)
b.extend(b'??')
b.extend([65, 66])
b.insert(0, 42)
b.insert(-1, 43)
b.insert(100, 44)
print(b, b.pop(), b.pop(0), b)
b.remove(63)
print(b, b.copy(), b.copy() is b)
b.reverse()
print(b)
b += b'++'
b *= 2
print(b, b + b'x', b * 2 == b + b, type(b + b'x').__name__, b'x' + b, type(b'x' + b).__name__)
b[1:1] = b
print(b)
b[5:] = [49, 50]
print(b)
b.clear()
print(b, len(b))
c = bytearray(b'abc')
it = iter(c)
print(next(it))
c.append(100)
print(list(it), c == b'abcd', b'abcd' == c, c < b'abd', c > bytearray(b'abc'))
show(lambda: hash(bytearray()))
show(lambda: bytearray().pop())
show(lambda: bytearray(b'abc').pop(5))
show(lambda: bytearray(b'a').append(256))
show(lambda: bytearray(b'a').append('a'))
show(lambda: bytearray(b'abc').remove(100))
show(lambda: bytearray(b'abc').extend(5))
show(lambda: bytearray(b'abc').extend([300]))
show(lambda: bytearray('a'))
show(lambda: bytearray([300]))


def setitem(b, k, v):
    b[k] = v
    return b


def delitem(b, k):
    del b[k]
    return b


show(lambda: setitem(bytearray(b'abc'), 0, 256))
show(lambda: setitem(bytearray(b'abc'), 0, b'A'))
show(lambda: setitem(bytearray(b'abc'), 10, 1))
show(lambda: setitem(bytearray(b'abc'), 'x', 1))
show(lambda: setitem(bytearray(b'abcdef'), slice(None, None, 2), b'XY'))
show(lambda: setitem(bytearray(b'abc'), slice(1, 2), 5))
show(lambda: setitem(bytearray(b'abc'), slice(1, 2), 'x'))
show(lambda: setitem(bytearray(b'abc'), slice(None, None, -1), b'xyz'))
show(lambda: delitem(bytearray(b'abc'), 10))
show(lambda: delitem(bytearray(b'abcdef'), slice(None, None, -2)))
print(bytearray(b'ab').upper(), bytearray(b'a,b').split(b','), bytearray(b'x').hex(), bytearray.fromhex('41 42'))


class BA(bytearray):
    pass


print(BA(b'sub'), repr(BA(b'q')), len(BA(3)))
