# complex numbers: arithmetic, repr, abs, conjugate, comparisons, hash.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


vals = [1j, 0j, -0j, 1 + 2j, -1 - 2j, 0.5 - 1.5j, 3 + 4j, complex(-0.0, -0.0), complex(1, -0.0), 2, 2.5]
for a in vals:
    print(repr(a), str(a), abs(a), a == a, bool(a))
    for b in vals:
        row = []
        for op in ("+", "-", "*", "/", "**"):
            try:
                row.append(repr(eval("a %s b" % op)))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print("  ", repr(b), " | ".join(row))
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), -z, +z, z * z.conjugate(), z == complex(3, 4), z != 3)
print(complex(1, 0) == 1, complex(1, 0) == 1.0, complex(1, 1) == 1, 1j * 1j == -1, 2 ** 0.5j)
print(complex(float('inf'), 1), complex(float('nan'), float('inf')), complex(1e300, 1e300) * 10, 1e-300j)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(1 + 2j), hash(-1 - 1j))
show("1j // 1", lambda: 1j // 1)
show("1j % 1", lambda: 1j % 1)
show("(1+0j) / 0", lambda: (1 + 0j) / 0)
show("0j ** -1", lambda: 0j ** -1)
show("0j ** 1j", lambda: 0j ** 1j)
show("0j ** 0", lambda: 0j ** 0)
show("(1e300+1e300j) ** 5", lambda: (1e300 + 1e300j) ** 5)
show("1j < 2j", lambda: 1j < 2j)
show("abs(complex(1e308, 1e308))", lambda: abs(complex(1e308, 1e308)))
show("int(1j)", lambda: int(1j))
show("float(1j)", lambda: float(1j))
show("pow(1j, 2, 3)", lambda: pow(1j, 2, 3))
show("(1+2j).__complex__()", lambda: (1 + 2j).__complex__())
show("(1+2j).__getnewargs__()", lambda: (1 + 2j).__getnewargs__())
print((1 + 1j) ** 2, (1 + 1j) ** 10, (1 + 1j) ** -2, (2 + 0j) ** 0.5, 1j ** 1j, (1 + 2j) ** (3 + 4j))
print(complex(3, 4) / complex(1, 2), (1 + 2j) / 2, 2 / (1 + 2j), (1e200 + 1e200j) / (1e200 + 1e200j))
