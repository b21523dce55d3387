# Aliasing, shallow vs deep copies, mutability.
import copy
a = [1, [2, 3], {"k": [4]}]
b = a
c = a[:]
d = list(a)
e = copy.copy(a)
f = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
a.append("new")
for name, v in [("b", b), ("c", c), ("d", d), ("e", e), ("f", f)]:
    print(name, v, v is a, v[1] is a[1])
m = {"x": [1]}
m2 = m.copy()
m3 = dict(m)
m4 = copy.deepcopy(m)
m["x"].append(2)
m["y"] = 0
print(m2, m3, m4)
s = {1, 2}
s2 = s.copy()
s.add(3)
print(s2)
t = (1, [2])
t[1].append(3)
print(t, copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t)
class Node:
    def __init__(self, v, children=None):
        self.v = v
        self.children = children or []
    def __repr__(self):
        return f"Node({self.v}, {self.children})"
root = Node(1, [Node(2)])
shallow = copy.copy(root)
deep = copy.deepcopy(root)
root.children[0].v = 20
print(shallow, deep)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[1] is cyc)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom(copy.deepcopy(self.v, memo))
x = Custom([1])
print(copy.copy(x).v is x.v, copy.deepcopy(x).v is x.v)
s1 = "text"
s2 = s1
s1 += "!"
print(s1, s2)
def mutate(lst, num):
    lst.append(1)
    num += 1
    return num
L, n = [], 0
print(mutate(L, n), L, n)
matrix = [[0] * 2] * 2
matrix[0][0] = 1
good = [[0] * 2 for _ in range(2)]
good[0][0] = 1
print(matrix, good)
