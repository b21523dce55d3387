import json
data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "active": True, "score": 9.75, "spouse": None, "nested": {"a": [1, {"b": [2, 3]}], "e": {}}, "uni": "ünïcödé ☃", "esc": "tab\tnl\nq\"bs\\"}
s = json.dumps(data); print(s); print(json.loads(s) == data)
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1.0, 1e100, 1e-100, 0.1, -0.0, 3.14159, 1 / 3, 2 ** 53, -(2 ** 63), 12.0]), json.dumps(1.5e300 * 1e10), json.dumps(True), json.dumps(None), json.dumps("x"))
print(json.loads('  {"a" : [ 1 , 2.0 , -3e2 , true , null ] }  '), json.loads("[]"), json.loads("{}"), json.loads('""'), json.loads("0"), json.loads("-0.0"), json.loads("1E400"), json.loads('"\\u00e9\\n"'))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
def enc(o):
    if isinstance(o, Point): return {"__point__": [o.x, o.y]}
    raise TypeError(f"no {type(o).__name__}")
def dec(d):
    if "__point__" in d: return Point(*d["__point__"])
    return d
t = json.dumps({"p": Point(1, 2), "l": [Point(3, 4)]}, default=enc); print(t)
back = json.loads(t, object_hook=dec); print(type(back["p"]).__name__, back["p"].x, back["l"][0].y)
try: json.dumps({"s": {1, 2}}, default=enc)
except TypeError as e: print(e)
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True, indent=1), json.dumps([[]], indent=2), json.dumps({"k": [1, [2, [3]]]}, indent="--"))
from collections import OrderedDict
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=OrderedDict), json.dumps(OrderedDict([("z", 1), ("a", 2)])))
print(json.loads("[1, 2]", parse_int=lambda s: int(s) * 10), json.loads("[1.5]", parse_float=lambda s: "F" + s), json.loads("[NaN]", parse_constant=lambda s: s))
for bad in ["{'a': 1}", '{"a": 1,}', "[1, 2", '{"a"}', "tru", '"\\x"', "1 2", "[1,,2]", '{"a":1}}', "\x00", "[\n1,\n2\n,]"]:
    try: json.loads(bad)
    except json.JSONDecodeError as e: print(repr(bad), "->", e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONEncoder().encode({"a": [1]}), json.JSONDecoder().decode("[1]"))
import io
buf = io.StringIO(); json.dump([1, {"x": "y"}], buf); print(buf.getvalue()); buf.seek(0); print(json.load(buf))
