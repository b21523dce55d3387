def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
def g(x, y, /, z):
    return x + y + z
print(g(1, 2, z=3))
try:
    g(1, y=2, z=3)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2)
except TypeError as e:
    print(e)
def h(a, b):
    pass
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
try:
    h(1, a=1)
except TypeError as e:
    print(e)
try:
    h(1, x=1)
except TypeError as e:
    print(e)
print((lambda x, y=1: x * y)(5), (lambda *a: a)(1, 2))
args = (1, 2)
kwargs = {"c": 9}
print(f(*args, **kwargs))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
