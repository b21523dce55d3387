# bool and None: arithmetic with bools, truthiness, identity comparisons, repr, conversions.
print(True + True, True * 3, False - 1, True / 2, True // 1, -True, ~True, True ** 10, 10 * False)
print(int(True), float(False), str(True), bool("False"), bool(0.0), bool(-1), bool(None), bool([None]))
print(True == 1, True is 1 if False else "skip", False == 0, True in [1], 1 in [True], hash(True) == hash(1))
print(isinstance(True, int), type(True).__mro__, bool.__bases__, True.__class__.__name__)
print(sum([True, False, True]), sorted([True, False, 2, 0.5]), max(False, True), [1, 2][True])
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + True).__name__)
print(repr(None), str(None), None is None, type(None).__name__, None.__class__ is type(None))
def nothing():
    pass
print(nothing() is None, [nothing(), None].count(None), {None: "key"}[None])
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    None()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool.__new__(bool, 1) and type("B", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
print(bool(), bool(object()), bool(""), bool(" "), not None, (None or "default"), (0 and None))
values = [0, 1, "", "x", [], [0], {}, None]
print([v for v in values if v], [bool(v) for v in values], all(values[1::2][1:]))
print(f"{True}", f"{True:d}", f"{False:>6}", "%s %d" % (True, True), format(None, ""), str(True).upper())
