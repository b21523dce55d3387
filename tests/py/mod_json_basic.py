import json
for s in ["", "[", "{", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[1 2]", "\"abc", "\"a\x01b\"", "\"\\q\"", "\"\\u12x4\"", "{1:2}", "nul", "[1]x", "\ufeff[]", "{\"a\":1 \"b\":2}", "  \n  [1,\n 2,\n x]", "-", "01", "1.", "1e", "[-]", "\"\\ud800\"", "tru", "[1,2", "{\"a\"", "{\"a\":", "\"\\", "[\"a\\u00"]:
    try: print(repr(json.loads(s)))
    except json.JSONDecodeError as e: print(repr(s), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(json.dumps({"a": [1, 2.5, None, True, "x\u00e9\n\"\\\x01\U0001F600"], "b": {}}, indent=2))
print(json.dumps([1, {"k": [], "z": {}}], indent=0), json.dumps("\u00e9\U0001F600", ensure_ascii=False), json.dumps({2: 1, 1.5: 2, True: 3, None: 4}))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
for bad in [lambda: json.dumps({(1,): 2}), lambda: json.dumps(object()), lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.loads(5)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.loads("[1.5e3, -0, 1E2, 123456789012345678901234567890, 0.1]"), json.loads("\"\\ud83d\\ude00\""), json.loads("{\"a\": {\"b\": [true, false, null]}}"))
print(json.loads("{\"x\": 1}", object_hook=lambda d: sorted(d.items())), json.loads("[1, 2.5]", parse_float=str, parse_int=float), json.loads("[NaN, Infinity, -Infinity]"))
print(json.dumps({"x": 1}, default=str, indent="\t"), json.dumps(1.0), json.dumps(1e16), json.dumps(-0.0), json.dumps((1, 2)))
print(json.loads(b'{"a": [1, "\\u00e9"]}'), json.loads(bytearray(b'[1]')), json.loads('{"a": 1, "a": 2}'), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E), E(indent=1).encode([1, [2]]), list(json.JSONEncoder().iterencode({"a": [1]})))
import io
f = io.StringIO(); json.dump({"k": [1, {"z": None}]}, f, indent=2, sort_keys=True); print(f.getvalue()); f.seek(0); print(json.load(f))
print(json.dumps("tab\there \u2028 \x7f"), json.dumps({"skip": 1, (2,): 3}, skipkeys=True), json.dumps(12345678901234567890), json.dumps([0.1 + 0.2, 1e-7, 2.5e300]))
from enum import IntEnum
class N(IntEnum):
    A = 1
print(json.dumps([N.A, True, False]), json.dumps({"x": 1}, separators=(",", "=")), json.dumps([], indent=4), json.dumps({}, indent=4))
dec = json.JSONDecoder(); print(dec.raw_decode('{"a": 1} tail'), dec.decode(' [ 1 , 2 ] '))
print(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"'), json.loads('{"nested": {"deep": [[[]]]}}'))
try: json.loads('"a\nb"')
except json.JSONDecodeError as e: print(e)
print(json.loads('"a\nb"', strict=False))
