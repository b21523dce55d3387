import pprint, collections, types
from dataclasses import dataclass
data = {"name": "pprint test", "numbers": list(range(30)), "nested": {"a": [1, 2, {"b": ("x", "y" * 40)}], "z": None, "set": {3, 1, 2}}, "text": "word " * 30, "bytes": b"\x00\x01" * 30, "t1": (1,), "empty": [], "fs": frozenset("abc")}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(50)), compact=True)
pprint.pprint({"b": 1, "a": 2, 10: 3, "c": [4]}, sort_dicts=False)
pprint.pp({"z": 1, "a": 2})
print(pprint.pformat({"x": [1, 2, 3] * 10}, width=30))
l = [1, 2]; l.append(l); print(pprint.pformat(l).startswith("[1, 2, <Recursion on list with id="), pprint.isrecursive(l), pprint.isreadable(l), pprint.isreadable([1, "a"]), pprint.saferepr({"b": 1, "a": [2]}))
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)))
pprint.pprint(collections.Counter("the quick brown fox jumps over the lazy dog"))
pprint.pprint(collections.defaultdict(list, {k: list(range(k)) for k in range(8)}))
pprint.pprint(collections.deque(range(40), maxlen=50))
pprint.pprint(types.SimpleNamespace(alpha=list(range(20)), beta="x" * 60))
@dataclass
class Point:
    x: int
    y: list
pprint.pprint(Point(1, list(range(30))))
pprint.pprint("a long string that should be wrapped because it is much longer than eighty characters in total length")
pprint.pprint(1234567890123, underscore_numbers=True)
pprint.pprint([("tuple", i, {"k": i}) for i in range(5)], width=30)
pp = pprint.PrettyPrinter(indent=4, width=50); pp.pprint({"key%d" % i: list(range(i)) for i in range(6)}); print(pp.pformat((1, 2)))
for bad in [lambda: pprint.PrettyPrinter(indent=-1), lambda: pprint.PrettyPrinter(depth=0), lambda: pprint.PrettyPrinter(width=0)]:
    try: bad()
    except ValueError as e: print(e)
pprint.pprint({1: "a", "b": 2, (1, 2): None, None: 0})
