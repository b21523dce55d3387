# The dunders of the built-in sequences: + is concatenation (no __radd__),
# * is repetition (__mul__ and __rmul__, whose argument must be an index),
# and the generic containers have __class_getitem__.
for t in (str, bytes, bytearray, list, tuple):
    names = set(dir(t))
    print(t.__name__, "__add__" in names, "__radd__" in names, "__mul__" in names,
          "__rmul__" in names, "__class_getitem__" in names)
for t in (dict, set, frozenset, int, float, range):
    names = set(dir(t))
    print(t.__name__, "__radd__" in names, "__class_getitem__" in names, "__ror__" in names)

print(list[int], dict[str, list[int]], tuple[int, ...], set[str], frozenset[int])
print(list.__class_getitem__(int), type(list[int]).__name__)

cases = [
    "'abc'.__mul__('')", "'abc'.__mul__(2)", "'abc'.__rmul__(2)", "[1].__mul__('x')",
    "(1,).__mul__(1.5)", "b'a'.__mul__('x')", "bytearray(b'a').__mul__(2)",
    "[1].__imul__('x')", "[1, 2].__imul__(2)", "'ab'.__mul__(True)",
    "'a' * 'b'", "'a' * 1.5", "[1] * 1.5", "'a' + 1", "1 + 'a'", "[1] + (1,)",
    "'abc'.__add__(1)", "(1).__add__('a')", "b'a' + 'a'", "'abc'.__radd__('x')",
    "[1].__radd__([2])", "3 * 'ab'", "(1, 2) * 2", "2 * [0]",
]
for expr in cases:
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)

# A subclass can still define the reflected operation itself.
class Words(list):
    def __radd__(self, other):
        return Words(list(other) + list(self))

print(type([1] + Words([2])).__name__, ("a",) + Words(["b"]))

# A class with only the reflected operators is tried after the built-in
# sequence declines; one with only __add__/__mul__ gets the sequence error.
class R:
    def __radd__(self, o): return ("radd", type(o).__name__)
    def __rmul__(self, o): return ("rmul", type(o).__name__)
    def __rmod__(self, o): return ("rmod", type(o).__name__)
    def __ror__(self, o): return ("ror", type(o).__name__)

class X:
    def __add__(self, o): return "xadd"
    def __mul__(self, o): return "xmul"

for v in ["s", b"b", bytearray(b"x"), [1], (1,), 1, 1.5, {1}, frozenset(), {1: 2}, range(2)]:
    out = []
    for op in ("+", "*", "%", "|"):
        for other in (R(), X()):
            try:
                out.append(eval("v %s other" % op))
            except TypeError as e:
                out.append(str(e))
    print(type(v).__name__, out)
lst = [1]
lst += R()
print(lst)
