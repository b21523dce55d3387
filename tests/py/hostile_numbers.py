# Number parsing and formatting at the edges: bytes that are not UTF-8,
# huge precisions, widths with leading zeros, digit limits.
import sys

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

for v in [b"\xe0", b"1.5\xe0", b"\xf0\x9f", b"\xc3", b"12\xff34", b" 7 \xe2\x80"]:
    show("float(%r)" % v, lambda: float(v))
    show("int(%r)" % v, lambda: int(v))
show("int('\\u0663\\u0664')", lambda: int("\u0663\u0664"))
show("float('\\u0661.5')", lambda: float("\u0661.5"))
for spec in [".70", ".60", "#.60g", ".309", "0.83", ".17", "#.3", ".1000e", ",.200f"]:
    for x in [1.5, 1e59, 1e308, -0.0, 123456.789]:
        show("format(%r, %r)" % (x, spec), lambda: len(format(x, spec)) if len(format(x, spec)) > 60 else format(x, spec))
show("format(inf, '.80')", lambda: format(float("inf"), ".80"))
show("format(nan, '#.90g')", lambda: format(float("nan"), "#.90g"))
show("'%.80g' % 1.5", lambda: "%.80g" % 1.5)
show("'% 0000000000000000000000007d' % 5", lambda: "% 0000000000000000000000007d" % 5)
show("format(5, '000000000000000000000000008')", lambda: format(5, "000000000000000000000000008"))
show("format(5, '1' * 25)", lambda: format(5, "1" * 25))
show("'{:99999999999999999999}'.format(1)", lambda: "{:99999999999999999999}".format(1))
show("'%*d' % (10**20, 1)", lambda: "%*d" % (10**20, 1))
show("int('1' * 5000)", lambda: int("1" * 5000))
show("str(10 ** 5000)", lambda: str(10 ** 5000))
show("hex(10 ** 5000)[:10]", lambda: hex(10 ** 5000)[:10])
show("set_int_max_str_digits(10)", lambda: sys.set_int_max_str_digits(10))
show("set_int_max_str_digits(-1)", lambda: sys.set_int_max_str_digits(-1))
show("get_int_max_str_digits()", sys.get_int_max_str_digits)
sys.set_int_max_str_digits(640)
show("int('9' * 641)", lambda: int("9" * 641))
show("int('9' * 640) % 7", lambda: int("9" * 640) % 7)
show("int('1' * 700, 16) % 7", lambda: int("1" * 700, 16) % 7)
sys.set_int_max_str_digits(0)
show("len(str(10 ** 5000))", lambda: len(str(10 ** 5000)))
sys.set_int_max_str_digits(4300)
show("int('0x', 0)", lambda: int("0x", 0))
show("int('1_', 10)", lambda: int("1_"))
show("int('1', 37)", lambda: int("1", 37))
show("float('1e' + '9' * 400)", lambda: float("1e" + "9" * 400))
show("float('0.' + '0' * 1000 + '1')", lambda: float("0." + "0" * 1000 + "1"))
show("complex('1+')", lambda: complex("1+"))
show("complex('(1+2j')", lambda: complex("(1+2j"))
show("round(1.5, 10**20)", lambda: round(1.5, 10**20))
show("(10**400) / 7", lambda: (10**400) / 7)
show("(10**400) // 7 % 10", lambda: (10**400) // 7 % 10)
show("1.0 / 0", lambda: 1.0 / 0)
show("2 ** -10**10", lambda: 2 ** -10**10 == 0.0)
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("divmod(1, 0.0)", lambda: divmod(1, 0.0))
