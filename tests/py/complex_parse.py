# complex() constructor: from numbers, strings and objects.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for s in ['1+2j', '  (1+2j)  ', 'j', '-j', '+j', '1j', '1e5j', 'inf+nanj', '1', '1.5', '-1.5-2.5J',
          '1_0+2_0j', 'nanj', '-infj', '(j)', '1e-3-1e-3j', '١+٢j', '( 1+1j )', '1+j', '1-j']:
    show("complex(%r)" % s, lambda: complex(s))
for s in ['1+', '(1+2j', '1 + 2j', 'abc', '', '--1', '1+-2j', '1e', '0x1', 'jj', '1j+2', '()', '1+2', 'j1']:
    show("complex(%r)" % s, lambda: complex(s))
print(complex(), complex(1), complex(1, 2), complex(1.5, -2.5), complex(real=3), complex(imag=4), complex(True, False))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(1 + 2j), complex(-0.0, 0.0), complex(0, -0.0))
show("complex('1', 2)", lambda: complex('1', 2))
show("complex(1, '2')", lambda: complex(1, '2'))
show("complex([])", lambda: complex([]))
show("complex(1, [])", lambda: complex(1, []))
show("complex(1, 2, 3)", lambda: complex(1, 2, 3))
show("complex(10**400)", lambda: complex(10 ** 400))

class C:
    def __complex__(self):
        return 5 + 6j

class Fl:
    def __float__(self):
        return 1.25

class BadC:
    def __complex__(self):
        return 5

show("complex(C())", lambda: complex(C()))
show("complex(Fl())", lambda: complex(Fl()))
show("complex(Fl(), Fl())", lambda: complex(Fl(), Fl()))
show("complex(BadC())", lambda: complex(BadC()))

class MyC(complex):
    pass

m = MyC(1, 2)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, isinstance(m, complex))
