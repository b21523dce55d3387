# slice assignment and deletion
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
a = list(range(10))
a[2:5] = ['x', 'y']
print(a)
a[2:4] = []
print(a)
a[0:0] = [100, 200, 300]
print(a)
a[len(a):] = [-1]
print(a)
a[:] = 'abc'
print(a)
a[1:2] = range(5)
print(a)
a[5:2] = ['ins']
print(a)
a[-2:] = (9, 9, 9)
print(a)
a[1:3] = a
print(a)
a = list(range(10))
a[::2] = 'abcde'
print(a)
a[1::2] = [None] * 5
print(a)
a[::-3] = [1, 2, 3, 4]
print(a)
def ext(v):
    b = list(range(10))
    b[::2] = v
    return b
t(lambda: ext([1, 2, 3]))
t(lambda: ext(1))
def simple(v):
    b = list(range(3))
    b[0:1] = v
    return b
t(lambda: simple(5))
t(lambda: simple(None))
print(simple(x * 2 for x in range(3)))
a = list(range(10))
a[::-1] = a
print(a)
a = list(range(10))
del a[::2]
print(a)
a = list(range(10))
del a[1::3]
print(a)
a = list(range(10))
del a[::-2]
print(a)
a = list(range(10))
del a[8:1:-3]
print(a)
a = list(range(10))
del a[2:5]
print(a)
del a[:]
print(a)
a = list(range(10))
del a[100:]
del a[::100]
print(a)
a = list(range(20))
del a[-1:-15:-4]
print(a)
a = list(range(5))
a[10:] = [5, 6]
print(a)
a[-100:-99] = ['front']
print(a)
a = [1, 2, 3]
a[1:1] = [7]
print(a)
a[::1] = [0]
print(a)
b = [1, 2, 3, 4]
b[3:0:-1] = 'xyz'
print(b)
t(lambda: b.__setitem__(slice(0, 4, 2), [1]))
b[slice(None)] = []
print(b)
