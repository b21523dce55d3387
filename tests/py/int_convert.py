# int() from other objects: floats, bools, __int__, __index__, __trunc__.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for v in [3.99, -3.99, 0.5, -0.5, 1e20, -1e20, 2.0 ** 62, 2.0 ** 70, 1e308, True, False, -0.0]:
    show("int(%r)" % v, lambda: int(v))
show("int(nan)", lambda: int(float('nan')))
show("int(inf)", lambda: int(float('inf')))
show("int(-inf)", lambda: int(float('-inf')))
show("int([])", lambda: int([]))
show("int(None)", lambda: int(None))
show("int(1j)", lambda: int(1j))

class WithInt:
    def __int__(self):
        return 42

class WithIndex:
    def __index__(self):
        return 7

class BadInt:
    def __int__(self):
        return "nope"

class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2

show("int(WithInt())", lambda: int(WithInt()))
show("int(WithIndex())", lambda: int(WithIndex()))
show("int(BadInt())", lambda: int(BadInt()))
show("int(Both())", lambda: int(Both()))
show("hex(WithIndex())", lambda: hex(WithIndex()))
show("[0,1,2,3,4,5,6,7,8][WithIndex()]", lambda: [0, 1, 2, 3, 4, 5, 6, 7, 8][WithIndex()])
show("range(WithIndex())", lambda: list(range(WithIndex())))
show("hex(255)", lambda: hex(255))
show("oct(-8)", lambda: oct(-8))
show("bin(5)", lambda: bin(5))
show("hex(-2**70)", lambda: hex(-2 ** 70))
show("bin(0)", lambda: bin(0))
show("float(10**20)", lambda: float(10 ** 20))
show("float(2**53+1)", lambda: float(2 ** 53 + 1))
show("float(10**400)", lambda: float(10 ** 400))
show("float(-(10**400))", lambda: float(-(10 ** 400)))
show("float(2**1024 - 2**970)", lambda: float(2 ** 1024 - 2 ** 970))
show("float(2**1024 - 2**971)", lambda: float(2 ** 1024 - 2 ** 971))
for n in [2 ** 53 + 1, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 80 + 2 ** 27, 2 ** 80 + 2 ** 27 + 1, -(2 ** 80 + 2 ** 28 * 3)]:
    print(n, float(n), int(float(n)) - n)
