# Subclasses of int: construction, arithmetic results, methods.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class MyInt(int):
    def double(self):
        return self * 2

m = MyInt(21)
print(m, type(m).__name__, m.double(), type(m.double()).__name__, m + 1, type(m + 1).__name__)
print(MyInt('ff', 16), MyInt(3.7), MyInt(), repr(MyInt(-5)), -MyInt(5), abs(MyInt(-5)))
print(isinstance(m, int), m == 21, hash(m) == hash(21), m.bit_length(), int(m), type(int(m)).__name__)
big = MyInt(2 ** 80)
print(big, big // 3, type(big // 3).__name__, big.to_bytes(11, 'big'))

class Weird(int):
    def __add__(self, other):
        return 'added'
    def __radd__(self, other):
        return 'radded'

w = Weird(1)
print(w + 1, 1 + w, w * 3, w - 1)
print(MyInt.from_bytes(b'\x01\x00', 'big'), type(MyInt.from_bytes(b'\x01', 'big')).__name__)
show("class B(bool): pass", lambda: type('B', (bool,), {}))
print(int.__name__, bool.__mro__, bool.__bases__)
