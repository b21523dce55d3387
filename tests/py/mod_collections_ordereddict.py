from collections import OrderedDict, defaultdict, ChainMap
od = OrderedDict([("b", 1), ("a", 2)]); od["c"] = 3; print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end("b"); print(od); od.move_to_end("b", last=False); print(od); print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, dict(a=1) == OrderedDict(a=1), OrderedDict() == OrderedDict())
o2 = OrderedDict.fromkeys("xyz", 0); print(o2, o2.setdefault("x", 5), o2.setdefault("w", 7), o2, o2.pop("y"), o2.pop("nope", "dflt"), o2)
print(o2.keys(), o2.items(), o2.values(), list(reversed(o2)), list(reversed(o2.items())), o2 | {"q": 1}, {"q": 1} | o2, o2.copy(), type(o2.copy()).__name__)
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end("zz"), lambda: OrderedDict().pop("x")]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
r = OrderedDict(); r["self"] = r; print(r)
dd = defaultdict(list); dd["x"].append(1); dd["y"]; print(dd, dd["x"], "z" in dd, len(dd), dd.default_factory, dict(dd))
di = defaultdict(int); 
for w in "abracadabra": di[w] += 1
print(sorted(di.items()), di.get("zz"), "zz" in di, defaultdict(lambda: "N/A")["k"], defaultdict(set, {"a": {1}}), defaultdict(None, a=1))
try: defaultdict()["missing"]
except KeyError as e: print("KeyError", e)
try: defaultdict(1)
except TypeError as e: print(e)
nested = defaultdict(lambda: defaultdict(int)); nested["a"]["b"] += 2; print({k: dict(v) for k, v in nested.items()})
print(dd.copy(), type(dd.copy()).__name__, dd | {"n": 0}, repr(defaultdict(int)), isinstance(dd, dict))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}, {"c": 4}); print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), dict(cm), cm.get("z"), "c" in cm, cm.maps[1])
cm["z"] = 0; del cm["a"]; print(cm, cm.new_child(), cm.new_child({"n": 1})["n"], cm.parents, cm.parents.parents, bool(ChainMap()), ChainMap({}, {}) == {})
try: del cm["c"]
except KeyError as e: print("KeyError", e)
try: ChainMap().popitem()
except KeyError as e: print("KeyError", e)
import builtins
pylookup = ChainMap({"x": "local"}, {"x": "global", "len": "g_len"}, {"len": len}); print(pylookup["x"], pylookup["len"])
