# str: construction, repr, indexing, slicing, operators, iteration.


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


print(str(), str(42), str(3.5), str(None), str([1, 'a']), str(b'x'))
print(repr('abc'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr('tab\there\nnew\\line\r\x00\x7f'))
print(repr('é€😀'), repr('\x80\xa0\xad'), repr('\u200b\u2028\ud800'))
print(ascii('é€😀'))
s = 'hello, world'
print(len(s), s[0], s[-1], s[4], s[-12])
print(s[2:5], s[:5], s[7:], s[-5:], s[::2], s[::-1], s[1:10:3], s[10:2:-2])
print(s[100:], s[-100:3], s[5:2], repr(s[3:3]))
u = 'añb€c😀d'
print(len(u), u[1], u[3], u[5], u[-1], u[-2])
print(u[1:4], u[::-1], u[::2], u[1::3], u[-3:])
show(lambda: s[12])
show(lambda: s[-13])
show(lambda: s[1.5])
show(lambda: s['x'])
show(lambda: s[None])
print('ab' + 'cd', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -2, '€' * 3)
show(lambda: 'a' + 1)
show(lambda: 1 + 'a')
show(lambda: 'a' * 1.5)
show(lambda: 1.5 * 'a')
show(lambda: 'a' * 'b')
print('ab' < 'b', 'ab' < 'abc', 'b' > 'abc', 'a' == 'a', 'a' != 'b', 'é' > 'z', '€' < '😀')
show(lambda: 'a' < 1)
print('a' == 1, 'ell' in s, 'xyz' in s, '' in s, '€' in u, 'b€' in u)
show(lambda: 1 in s)
print(list('abc'), list(u), [c for c in 'héllo'])
it = iter('ab')
print(next(it), next(it))
show(lambda: next(it))
print(hash('abc') == hash('ab' + 'c'), hash('') == hash(''))
print(sorted(['banana', 'apple', 'Cherry', 'éclair', 'apple pie']))
print(max('hello'), min('hello'))
print(str(b'abc', 'ascii'), str(b'caf\xc3\xa9', 'utf-8'), str(b'\xff', 'latin-1'))
print(str(b'a\xffb', 'utf-8', 'replace'), str(bytearray(b'xy'), 'ascii'), repr(str(encoding='utf-8')))
show(lambda: str(b'\xff', 'utf-8'))
show(lambda: str(b'a', 'nope'))
show(lambda: str('a', 'utf-8'))
show(lambda: str(1, 'utf-8'))
show(lambda: str(x=1))
show(lambda: str(1, 2, 3, 4))


class S(str):
    def shout(self):
        return self.upper() + '!'


x = S('hi')
print(x, repr(x), type(x).__name__, x.shout(), len(x), x + 'a', type(x + 'a').__name__)
print(type(str(x)).__name__, type(x[:]).__name__, type(x * 1).__name__, isinstance(x, str))
print(x == 'hi', 'hi' == x, x in ['hi'], {x: 1}['hi'])


class T(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())


print(T('abc'), type(T('abc')).__name__)
print('%s and %s' % ('a', 'b'), 'x' 'y')
words = []
for i in range(5):
    words.append(str(i) * i)
print(words, ''.join(words), '-'.join(words))
acc = ''
for i in range(50):
    acc += 'ab'
print(len(acc), acc[:6])
