import keyword, reprlib
print(keyword.kwlist, keyword.softkwlist, len(keyword.kwlist))
print([keyword.iskeyword(w) for w in ["if", "match", "print", "True", "None", "async", "x"]], [keyword.issoftkeyword(w) for w in ["match", "case", "_", "if"]])
print(reprlib.repr("a" * 100), reprlib.repr(list(range(100))), reprlib.repr({i: i for i in range(20)}), reprlib.repr(set(range(20))), reprlib.repr(tuple(range(20))), reprlib.repr(10 ** 50), reprlib.repr([[[[[[[1]]]]]]]))
print(reprlib.repr(frozenset(range(10))), reprlib.repr("abc"), reprlib.repr(b"x" * 50), reprlib.repr((1,)), reprlib.repr([]), reprlib.repr({}), reprlib.repr(set()), reprlib.repr(frozenset()))
r = reprlib.Repr(); r.maxlist = 2; r.maxstring = 10; print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.maxlevel, r.maxdict, r.fillvalue)
class Node:
    def __init__(self): self.children = []
    @reprlib.recursive_repr()
    def __repr__(self): return "Node(%r)" % self.children
n = Node(); n.children.append(n); print(repr(n))
class Bag:
    def __init__(self, items): self.items = items
    @reprlib.recursive_repr("<...>")
    def __repr__(self): return "Bag" + repr(self.items)
b = Bag([1]); b.items.append(b); print(b, Bag.__repr__.__name__)
