# list operators: + * += *= comparisons in
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
a = [1, 2]
b = [3]
print(a + b, a + [], [] + [], a * 3, 3 * a, a * 0, a * -1, [] * 5, a * True)
t(lambda: a + (3,))
t(lambda: a + 'x')
t(lambda: a + None)
t(lambda: (3,) + a)
t(lambda: a * 'x')
t(lambda: 'x' * a)
t(lambda: a * 2.0)
t(lambda: a * a)
t(lambda: [1] * (10**30))
c = a
c += [5]
print(a, c is a)
c += (6, 7)
c += 'ab'
c += range(2)
print(a)
def iadd(x, y):
    x += y
    return x
t(lambda: iadd([1], 5))
t(lambda: iadd([1], None))
d = [1, 2]
e = d
d *= 2
print(d, e is d)
d *= 0
print(d, e)
f = [1]
f *= -3
print(f)
t(lambda: iadd([1], 1.5))
def imul(x, y):
    x *= y
    return x
t(lambda: imul([1], 'a'))
print(imul([1, 2], 3))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1] <= [1], [1] >= [2])
print([1, 2] == [1, 2.0], [1, [2]] == [1, [2]], [1] != [1], [1, 2] != [2, 1])
t(lambda: [1] < ['a'])
t(lambda: [1] < (1,))
t(lambda: [] < 1)
print([1, 'a'] == [1, 'a'], [1, 'a'] < [2, 'b'])
print(1 in [1, 2], 3 in [1, 2], 'a' in ['a'], [1] in [[1]], None in [None], 1.0 in [1])
print(3 not in [1, 2], 2**70 in [2**70], 2**70 in [2**71])
class R:
    def __radd__(self, other): return 'radd'
    def __rmul__(self, other): return 'rmul'
print([1] + R(), [1] * R())
nan = float('nan')
x = [nan]
print(x == x, [nan] == [nan], nan in x)
l1 = [1, 2, 3]
l2 = l1 + l1
l2[0] = 99
print(l1, l2)
m = [[]] * 3
m[0].append(1)
print(m)
