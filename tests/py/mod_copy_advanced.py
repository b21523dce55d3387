import copy
class Node:
    def __init__(self, val, children=None): self.val = val; self.children = children or []
    def __repr__(self): return f"Node({self.val}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree); deep = copy.deepcopy(tree)
print(shallow.children is tree.children, deep.children is tree.children, deep, deep.children[1].children[0].val)
tree.children[0].val = 20; print(shallow.children[0].val, deep.children[0].val)
shared = [1, 2]; outer = {"a": shared, "b": shared, "t": (shared, 3)}; c = copy.deepcopy(outer)
print(c["a"] is c["b"], c["t"][0] is c["a"], c["a"] is shared, c)
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(y[0] is y[1], id(x) in memo)
class Counted:
    instances = 0
    def __init__(self): Counted.instances += 1; self.data = [1]
    def __copy__(self):
        new = Counted.__new__(Counted); new.data = self.data; new.copied = True; return new
    def __deepcopy__(self, memo):
        new = Counted.__new__(Counted); new.data = copy.deepcopy(self.data, memo); new.deep = True; return new
a = Counted(); b = copy.copy(a); d = copy.deepcopy(a); print(Counted.instances, b.data is a.data, d.data is a.data, b.copied, d.deep)
class WithState:
    def __init__(self): self.x = 1; self.cache = {"big": list(range(3))}
    def __getstate__(self):
        s = self.__dict__.copy(); del s["cache"]; return s
    def __setstate__(self, s): self.__dict__.update(s); self.cache = {}
w = copy.deepcopy(WithState()); print(w.x, w.cache)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = [1]
s = copy.copy(Slotted()); s2 = copy.deepcopy(Slotted()); print(s.a, s2.a, hasattr(s2, "b") if False else "b" in dir(s2))
print(copy.copy([1, [2]])[1] is copy.copy([1, [2]])[1], copy.deepcopy((1, 2)), copy.copy((1, [2])), copy.deepcopy({1: {2: 3}}), copy.copy(set([1])), copy.deepcopy(frozenset([1, 2])), copy.copy(b"x"), copy.deepcopy(bytearray(b"ab")))
import collections
print(copy.deepcopy(collections.deque([[1]], maxlen=3)), copy.copy(collections.Counter("aab")), copy.deepcopy(collections.OrderedDict(a=[1])), copy.deepcopy(collections.defaultdict(list, {"k": [1]})))
class MyList(list):
    def __init__(self, *a): super().__init__(*a); self.tag = "t"
ml = MyList([1, [2]]); cml = copy.deepcopy(ml); print(cml, type(cml).__name__, cml.tag, cml[1] is ml[1])
class MyDict(dict): pass
md = MyDict(a=[1]); md.extra = 2; cmd = copy.copy(md); print(cmd, type(cmd).__name__, cmd.extra, cmd["a"] is md["a"])
def func(): pass
print(copy.copy(func) is func, copy.deepcopy(len) is len, copy.copy(int) is int, copy.deepcopy(range(3)), copy.copy(None), copy.deepcopy(3.5), copy.copy("s"))
cyc = {}; cyc["self"] = cyc; cc = copy.deepcopy(cyc); print(cc["self"] is cc, cc is not cyc)
print(copy.error is copy.Error, issubclass(copy.Error, Exception))
