# __del__ runs when the last reference goes away (reference counting, as CPython).
class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

r = Resource("a")
print("before del")
del r
print("after del")

def use():
    tmp = Resource("local")
    print("using", tmp.name)
use()
print("after function")

x = Resource("rebound")
x = Resource("replacement")
print("after rebinding")

items = [Resource("in-list-1"), Resource("in-list-2")]
items.pop(0)
print("after pop")
items.clear()
print("after clear")

holder = {"k": Resource("in-dict")}
holder["k"] = None
print("after dict overwrite")

# A reference cycle is freed by the cycle collector, not immediately.
import gc
class Cyclic:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("collected", self.name)
c = Cyclic("cycle")
del c
print("cycle still alive until collection")
gc.collect()
print("after gc.collect")

del x
print("end")
