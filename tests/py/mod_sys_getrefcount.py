# sys.getrefcount counts the references the caller holds, its own argument
# included, as CPython does.
import sys

print(sys.getrefcount(object()))
a = object()
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
container = [a, a]
print(sys.getrefcount(a))
del container
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))

class C:
    pass

c = C()
print(sys.getrefcount(c))
x = [1, 2, 3]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x), sys.getrefcount(d))
