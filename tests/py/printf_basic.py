# printf-style formatting: str % args and bytes % args.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


print('%s %r %a' % ('é', 'é', 'é'), '%d%%' % 50, '%5s|%-5s|' % ('ab', 'cd'), '%.2s' % 'abcdef')
print('%d %i %u' % (1, -2, 3), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42), '%x %X %o' % (255, 255, 8))
print('%#x %#X %#o %#08x %#-8x|' % (255, 255, 8, 255, 255), '%.3d %.3x %08.3d' % (5, 10, -5))
print('%f %.2f %10.3f|%-10.1f|%+.1f %010.2f' % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159))
print('%e %E %.2e %g %G %g %g' % (12345.678, 12345.678, 0.000123, 1e-5, 1e20, 123456789, 0.0001))
print('%#g %#.0f %#.0e %.0f %.0f' % (1.0, 1.0, 1.0, 2.5, 3.5))
print('%f %F %e %g' % (float('inf'), float('-inf'), float('nan'), float('inf')), '%+f' % float('nan'))
print('%c%c%c' % (72, 'i', 0x20ac), '%5c|%-3c|' % ('x', 97))
print('%d' % 3.99, '%d' % -3.99, '%d' % True, '%x' % True, '%s' % True, '%f' % 3, '%d' % 10 ** 30)
print('%s' % [1, 2], '%s' % (1,), '%s' % ((1, 2),), '%s %s' % ([1], (2,)), '%s' % {'a': 1}, '%s' % None)
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%(a)s %(a)r' % {'a': 'x'}, '%(x)05.1f' % {'x': 2.25})
print('%*d|%-*d|%.*f' % (5, 42, 5, 42, 2, 3.14159), '%*s|' % (-4, 'a'), '%.*f' % (-1, 1.5))
print('%ld %hi %Lf' % (1, 2, 3.0), 'no args' % (), 'plain' % {}, '%%' % ())
print('%s' % 'é€', '%5s|' % 'é', '%-6s|' % '€x', '%.1s' % '😀x', '%r' % '😀')


class P:
    def __str__(self):
        return 'P-str'

    def __repr__(self):
        return 'P-repr'

    def __int__(self):
        return 7

    def __float__(self):
        return 7.5

    def __index__(self):
        return 9


print('%s %r %d %f %x %c' % (P(), P(), P(), P(), P(), P()))
show(lambda: '%d' % 'a')
show(lambda: '%x' % 3.0)
show(lambda: '%f' % 'a')
show(lambda: '%d %d' % (1,))
show(lambda: '%d' % (1, 2))
show(lambda: '' % 5)
show(lambda: '%y' % 1)
show(lambda: 'abc %é' % 1)
show(lambda: '%' % ())
show(lambda: 'abc%' % ())
show(lambda: '%5' % 1)
show(lambda: '%(a' % {'a': 1})
show(lambda: '%(a)s' % 1)
show(lambda: '%(a)s' % {})
show(lambda: '%(a)s %s' % {'a': 1})
show(lambda: '%s %(a)s' % {'a': 1})
show(lambda: '%c' % 'ab')
show(lambda: '%c' % -1)
show(lambda: '%c' % 1.5)
show(lambda: '%*d' % ('a', 1))
show(lambda: '%5%' % 1)
show(lambda: '%d' % 1j)
show(lambda: '%s' % ())


class S(str):
    pass


print(type(S('x') % ()).__name__, type(S('%s') % 1).__name__)
print(b'%s %d %x %c %c' % (b'ab', 5, 255, 65, b'z'), b'%5s|%-5s|' % (b'a', b'b'), b'%r %a' % ('é', b'x'))
print(b'%(k)s' % {b'k': b'v'}, b'%b' % bytearray(b'y'), b'%.1f%%' % 99.5, bytearray(b'%d-%d') % (1, 2))
show(lambda: b'%s' % 'a')
show(lambda: b'' % 5)
show(lambda: b'%c' % 256)
show(lambda: b'%c' % b'ab')
show(lambda: b'%y' % 1)
