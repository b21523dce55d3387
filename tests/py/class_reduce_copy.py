# object.__reduce__/__reduce_ex__ as CPython computes them, and what copy
# and pickle build from them.
import copy
import copyreg
import pickle

class Plain:
    def __init__(self):
        self.a = 1
        self.items = [1, 2]

p = Plain()
r2 = p.__reduce_ex__(2)
print(r2[0] is copyreg.__newobj__, r2[1:])
r4 = p.__reduce_ex__(4)
print(r4[0] is copyreg.__newobj__, r4[1:])
r0 = p.__reduce_ex__(0)
print(r0[0] is copyreg._reconstructor, r0[1:])
r = p.__reduce__()
print(r[0] is copyreg._reconstructor, r[1:])
print(p.__getstate__() is p.__dict__)

class Empty:
    pass

print(Empty().__getstate__(), Empty().__reduce_ex__(1)[1:])
print(Empty.__reduce__ is object.__reduce__, Empty.__reduce_ex__ is object.__reduce_ex__)

class Slotted:
    __slots__ = ("x", "y")

s = Slotted()
s.x = 10
print(s.__getstate__(), s.__reduce_ex__(2)[1:3])
try:
    s.__reduce_ex__(1)
except TypeError as e:
    print("TypeError:", e)

class MyInt(int):
    pass

print(MyInt(5).__reduce_ex__(2)[1:3], MyInt(5).__reduce_ex__(1)[1:])
print([1, 2].__reduce_ex__(2)[1:3])

class Custom:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Custom, (self.v * 10,))

print(Custom(2).__reduce_ex__(2)[1], copy.copy(Custom(3)).v)

class WithState:
    def __init__(self):
        self.x = 1

    def __getstate__(self):
        return {"x": self.x, "extra": True}

print(WithState().__reduce_ex__(2)[2])

# copy / deepcopy / pickle of plain instances
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

tree = Node(1, [Node(2), Node(3)])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
print(shallow.children is tree.children, deep.children is tree.children)
print(deep.value, [c.value for c in deep.children])
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(tree, proto))
    print(proto, type(back).__name__, back.value, [c.value for c in back.children])
s2 = copy.copy(s)
print(s2.x, hasattr(s2, "y"))
try:
    object.__reduce_ex__(p)
except TypeError as e:
    print("TypeError:", e)
