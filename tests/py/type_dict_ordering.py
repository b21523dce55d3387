# dict insertion order: updates keep position, delete + reinsert moves to the end, popitem is LIFO.
d = {}
for k in "dbca":
    d[k] = ord(k)
print(list(d))
d["b"] = 0
print(list(d.items()))
del d["d"]
d["d"] = 1
print(list(d))
print(d.popitem(), d.popitem(), list(d))
d.update({"z": 26, "b": 2, "y": 25})
print(d)
print(list(dict.fromkeys("mississippi")), "".join(dict.fromkeys("hello world")))
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged, {**{"x": 1}, **{"x": 2, "w": 0}})
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
nested = {"outer": {"inner": {"deep": 1}}}
nested["outer"]["inner"]["deep"] += 1
nested.setdefault("other", {}).setdefault("list", []).append(3)
print(nested)
keys = ["a", "b", "c"]
print(dict(zip(keys, range(3))), dict(enumerate(keys)), dict([("k", "v")]), dict(a=1, **{"b": 2}))
print({1: "one", True: "true", 1.0: "float"}, {0: "zero", False: "false"})
d2 = {"x": 1}
view = d2.keys()
d2["y"] = 2
print(view, len(view), list(reversed(d2)), next(iter(d2.items())))
print(d2 == {"y": 2, "x": 1}, list(d2) == ["x", "y"], d2.get("missing", []), "x" in d2.keys())
counts = dict.fromkeys("abc", 0)
for ch in "abacab":
    counts[ch] += 1
print(counts, max(counts.items(), key=lambda kv: kv[1]))
