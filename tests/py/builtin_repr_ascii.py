# repr() and ascii() of nested and unicode values, str() vs repr(), format(), round-trips with eval.
values = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnl\ncr\r", "\x00\x7f\x80\xff", "é😀ß",
          "\u200b\u2028", b"bytes'\"\x00", bytearray(b"ba"), 1.0, -0.0, 1e-7, 1e16, float("inf"),
          complex(1, -1), 10**20, [1, "a", None], ("single",), (), {"k": [1, {2}]}, set(), frozenset({3}),
          range(1, 5, 2), slice(None, 3), ..., NotImplemented, None, True, int, len, object]
for v in values:
    r = repr(v)
    print(r, "|", ascii(v) if isinstance(v, str) else "", "|", str(v) if not isinstance(v, type) else v.__name__)
ok = 0
for v in values[:15] + values[16:22]:
    if eval(repr(v)) == v or v != v:
        ok += 1
print("round-trips:", ok)
print(ascii(["é", {"ü": "ö"}]), repr("\\"), repr("'"), repr("\""), repr("\\n"))
print(format("x", "^5"), format(3, "b"), format([1], ""), str(b"x", "ascii"), repr(str))
class R:
    def __repr__(self):
        return "R()"
print([R()], {"r": R()}, (R(),), {R()} if False else "set skipped", repr([[R()]]))
