# str.format, str.format_map, format() and f-strings over any object.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%d, %d)' % (self.x, self.y)


class Money:
    def __format__(self, spec):
        return '$' + format(12.5, spec or '.2f')


class Bad:
    def __format__(self, spec):
        return 42


p = Point(1, 2)
print('{} + {} = {}'.format(1, 2, 3), '{0}{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0.x},{0.y}'.format(p), '{p.x}'.format(p=p), '{0[1]}'.format([5, 6]), '{d[key]}'.format(d={'key': 'v'}))
print('{0[0][1]}'.format([[1, 2]]), '{0!r} {0!s} {0!a}'.format('é'), '{!r}'.format(p))
print('{:>8}|{:<8}|{:^8}|'.format('a', 'b', 'c'), '{:*^9}'.format('mid'), '{:08.3f}'.format(3.14159))
print('{:,}'.format(1234567), '{:x} {:#o} {:b}'.format(255, 8, 5), '{:.2%}'.format(0.256), '{:e}'.format(12345.678))
print('{0:{1}}|'.format('x', 5), '{:{w}.{p}f}'.format(3.14159, w=8, p=2), '{:{}{}}'.format(3, '>', 4))
print('{{literal}} {}'.format(1), '}}{{'.format(), '{}'.format(Money()), '{:.1f}'.format(Money()))
print('{0}'.format(None), '{}'.format([1, 'a']), '{:5}|'.format(True), '{}'.format(True), '{:d}'.format(True))
print('{:>6}'.format(Point(3, 4).__repr__()), '{}'.format(p))
print('{0:}'.format(7), '{!s:>4}'.format(1), '{0[-1]}'.format({'-1': 'neg'}))
print('Hello {name}, you are {age:d}'.format_map({'name': 'Ann', 'age': 30}))


class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'


print('{a} {b}'.format_map(Default(a=1)))
show(lambda: '{'.format())
show(lambda: '}'.format())
show(lambda: 'a}b'.format())
show(lambda: '{0}{}'.format(1, 2))
show(lambda: '{}{0}'.format(1, 2))
show(lambda: '{1}'.format(1))
show(lambda: '{}'.format())
show(lambda: '{a}'.format())
show(lambda: '{a}'.format(b=1))
show(lambda: '{0.nope}'.format(1))
show(lambda: '{0[0]}'.format(1))
show(lambda: '{0[5]}'.format([1]))
show(lambda: '{!x}'.format(1))
show(lambda: '{0!}'.format(1))
show(lambda: '{0:'.format(1))
show(lambda: '{0['.format(1))
show(lambda: '{0[]}'.format(1))
show(lambda: '{0.}'.format(1))
show(lambda: '{0!rr}'.format(1))
show(lambda: '{0]}'.format(1))
show(lambda: '{0[0]x}'.format([1]))
show(lambda: '{:{:{}}}'.format(1, 2, 3))
show(lambda: '{:d}'.format('a'))
show(lambda: '{:s}'.format(1))
show(lambda: '{}'.format(Bad()))
show(lambda: '{0}'.format_map({}))
show(lambda: '{a}'.format_map(1))
show(lambda: format(1, 'q'))
show(lambda: format(object(), 'x'))
show(lambda: format(Point(1, 2), ''))
show(lambda: format('abc', '^7'))
show(lambda: format(3.5))
show(lambda: format(10, ''))
show(lambda: format(Money(), ''))
x, y, name = 3, 4.5, 'Zoë'
print(f'{x} {y} {name}', f'{x + 1:>4}|{y:.3f}|{name!r}|{name:*<6}', f'{x=}', f'{p!r:>12}', f'{"nested"}')
print(f'{x:{x}}|', f'{{}}', f'{[1, 2][1]}', f'{p.x * 10}')


class S(str):
    pass


s = S('plain')
print(type(s.format()).__name__, type(S('{}').format(1)).__name__, s.format())
