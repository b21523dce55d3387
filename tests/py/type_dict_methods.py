# dict: all methods, views, ordering, ==, errors.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), d.keys(), d.values(), d.items(), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", "default"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 26)])
print(d, dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), d.copy() == d, d.copy() is d)
e = d.copy()
e.clear()
print(e, d | {"new": 1}, {**d, "a": 100})
d |= {"a": -1}
print(d)
for src in ["{}['missing']", "{}.pop('k')", "{}.popitem()", "{[1]: 2}", "dict([1, 2])", "dict([(1, 2, 3)])",
            "{}.update(1)", "{'a': 1}.get()", "dict(1)", "{} | []", "{}.fromkeys()"]:
    try:
        eval(src)
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Views are dynamic and support set operations.
inv = {"apple": 3, "pear": 0}
keys = inv.keys()
vals = inv.values()
items = inv.items()
inv["fig"] = 7
print(keys, len(vals), ("fig", 7) in items, "apple" in keys, 0 in vals)
print(keys & {"fig", "kiwi"}, keys | {"x"}, keys - {"pear"}, keys ^ {"pear", "lime"}, sorted(items - {("fig", 7)}))
print(list(reversed(keys)), list(reversed(inv.values())), list(reversed(inv.items())))
print(keys == {"apple", "pear", "fig"}, inv.values() == inv.values(), items <= items)
try:
    for k in inv:
        inv[k + "!"] = 1
except RuntimeError as e:
    print(type(e).__name__, e)

# Ordering, equality, construction forms.
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}), dict(zip("abc", range(3))))
print(dict(a=1, b=2), dict([("x", 1)], y=2), dict({"k": "v"}), {1: "int", 1.0: "float", True: "bool"})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: kv[1]))
grouped = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(word[0], []).append(word)
print(grouped)
nested = {"user": {"name": "ann", "tags": ["a", "b"]}}
print(nested["user"]["tags"][1], nested.get("user", {}).get("age", "unknown"))
# Deleting while iterating a copy.
stock = {"a": 0, "b": 3, "c": 0}
for k in list(stock):
    if stock[k] == 0:
        del stock[k]
print(stock)
# Keys of mixed hashable types.
mixed = {(1, 2): "tuple", frozenset([1]): "fs", None: "none", "s": "str", 2.5: "float"}
print(mixed[(1, 2)], mixed[frozenset({1})], mixed[None], len(mixed))
print(repr({}), repr({"q": "'"}), str({1: {2: {}}}))
r = {}
r["self"] = r
print(r)
