# float() from strings and other objects.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for s in ["1.5", "  -inf ", "infinity", "-iNfInItY", "nan", "+nan", "1_0.5", ".5", "5.", "1e5_0",
          "1_000.000_1", "1E+3", "000.5", "1e500", "-1e-500", "  12  ", "\t3.25\n", "-0", "1e-320",
          "0.1", "123456789012345678901234567890", "2.5e-3", "٣.٥", "1.5\u2000"]:
    show("float(%r)" % s, lambda: float(s))
for s in ["", " ", ".", "1e", "1.5e", "_1", "1_", "1__0", "1_e5", "1._5", "1_.5", "0x1p3", "nan(1)",
          "in", "1.2.3", "1e+", "++1", "-", "3.14abc", "inf inf", "i nf"]:
    show("float(%r)" % s, lambda: float(s))
show("float(b'1.5')", lambda: float(b'1.5'))
show("float(b'x')", lambda: float(b'x'))
show("float(bytearray(b' 2 '))", lambda: float(bytearray(b' 2 ')))
show("float()", lambda: float())
show("float(7)", lambda: float(7))
show("float(True)", lambda: float(True))
show("float([])", lambda: float([]))
show("float(None)", lambda: float(None))
show("float(1j)", lambda: float(1j))
show("float(x=1)", lambda: float(x=1))
show("float(1, 2)", lambda: float(1, 2))

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 3

class Bad:
    def __float__(self):
        return 1

show("float(F())", lambda: float(F()))
show("float(I())", lambda: float(I()))
show("float(Bad())", lambda: float(Bad()))

class MyFloat(float):
    pass

mf = MyFloat("2.5")
print(mf, type(mf).__name__, mf + 1, type(mf + 1).__name__, MyFloat(), isinstance(mf, float))
