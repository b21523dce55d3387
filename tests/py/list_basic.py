# list construction, len, indexing and the errors around them
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print([], [1], [1, 2, 3], list(), list("abc"), list((1, 2)), list(range(5)))
print(list({1: 'a', 2: 'b'}), list([[1], [2]]))
a = [10, 20, 30, 40]
print(len(a), a[0], a[3], a[-1], a[-4])
t(lambda: a[4])
t(lambda: a[-5])
t(lambda: a["x"])
t(lambda: a[1.5])
t(lambda: a[None])
t(lambda: a[10**30])
t(lambda: a[-10**30])
print(a[True], a[False])
a[0] = 'zero'
a[-1] = 'last'
print(a)
def setitem(i, v):
    a[i] = v
t(lambda: setitem(4, 1))
t(lambda: setitem(-5, 1))
t(lambda: setitem('k', 1))
def delitem(i):
    del a[i]
t(lambda: delitem(10))
delitem(1)
print(a)
delitem(-1)
print(a)
t(lambda: list(1))
t(lambda: list(1, 2))
t(lambda: list(x=1))
t(lambda: list(None))
print(list(list(list([1, 2]))))
b = [1, 2]
c = list(b)
print(c == b, c is b)
print(bool([]), bool([0]))
print([1, 2] == [1, 2], [1, 2] != [1, 2], [1] == (1,), [] == [])
class Idx:
    def __index__(self):
        return 2
print(a[Idx()] if len(a) > 2 else [7, 8, 9][Idx()])
t(lambda: hash([]))
print(isinstance([], list), type([]).__name__)
big = [0] * 1000
big[999] = 5
print(len(big), big[-1], sum(big))
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
x = []
for i in range(100):
    x.append(i * i)
print(len(x), x[:5], x[-3:])
