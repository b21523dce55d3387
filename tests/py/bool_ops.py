# bool: a subclass of int with two instances.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(True, False, repr(True), str(False), type(True).__name__)
print(True + True, True * 10, -True, ~True, ~False, True / 2, True // 2, True ** 2)
print(True & True, True & False, True | False, True ^ True, True & 1, 1 | False, type(True ^ False).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(''), bool('a'), bool([]), bool([0]), bool(None), bool(0j), bool(1j))
print(bool(), bool(2 ** 100), bool(float('nan')))
print(True == 1, False == 0, True is True, True > False, sorted([True, False, 2, -1]))
print(int(True), float(True), complex(True), str(True), f"{True}", f"{True:d}", f"{True:>6}", format(False, '05'))
print(isinstance(True, int), issubclass(bool, int), True.real, True.imag, True.numerator, True.bit_length())
print(sum([True, True, False, True]), max(True, 0.5), hash(True), hash(False))
show("bool(1, 2)", lambda: bool(1, 2))
show("bool(x=1)", lambda: bool(x=1))

class Falsy:
    def __bool__(self):
        return False

class Lenny:
    def __len__(self):
        return 0

class BadBool:
    def __bool__(self):
        return 1

print(bool(Falsy()), bool(Lenny()), not Falsy())
show("bool(BadBool())", lambda: bool(BadBool()))
