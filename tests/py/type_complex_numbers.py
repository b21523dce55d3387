# complex numbers: literals, arithmetic, abs, conjugate, cmath-free polar form, formatting, errors.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, z ** 2, -z, abs(z), z.conjugate(), z.real, z.imag, type(z.real).__name__)
print(complex("1+2j"), complex(" 3-1j "), complex(5), complex(), complex(real=1.5, imag=0.5), 1j * 1j, (1j) ** 0.5)
print(z == complex(3, 4), z != w, 2j == 2j + 0, hash(1 + 0j) == hash(1), {1 + 0j: "a"}[1])
print(f"{z:.2f}", f"{w:>12}", format(z, "g"), repr(1 + 0j), repr(-0j), repr(complex(0, -0.0)), str(1e20 + 1j))
import math
r, phi = abs(z), math.atan2(z.imag, z.real)
print(round(r, 6), round(phi, 6), complex(r * math.cos(phi), r * math.sin(phi)))
roots = [(-1 + (1 - 4 * 1 * 1) ** 0.5) / 2, (-1 - (1 - 4) ** 0.5) / 2]
print([complex(round(x.real, 6), round(x.imag, 6)) for x in roots])
for bad in ["z < w", "complex('1+')", "int(z)", "float(z)", "z % 2", "z // 2", "complex('x')", "1j ** -1 if False else 0 ** -1j"]:
    try:
        eval(bad)
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(sum([1j, 2, 3.5]), pow(1j, 2), isinstance(1j, complex), complex.__name__)
