"""refcount.py: watch a reference count go up and down, and an object die."""
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


a = Noisy("a")
print("a = Noisy('a'):    ", sys.getrefcount(a))
b = a
print("b = a:             ", sys.getrefcount(a))
items = [a, a]
print("items = [a, a]:    ", sys.getrefcount(a))
del items
print("del items:         ", sys.getrefcount(a))
del b
print("del b:             ", sys.getrefcount(a))
print("del a: the last reference goes, the object dies at once")
del a
print("small int 7:       ", sys.getrefcount(7))
print("None:              ", sys.getrefcount(None))

print("a cycle: x and y refer to each other")
x = Noisy("x")
y = Noisy("y")
x.other = y
y.other = x
del x, y
print("  del x, y: nothing freed, each still has a reference from the other")
print("  gc.collect() ->")
found = gc.collect()
print("  the cycle collector found", found, "unreachable objects")
