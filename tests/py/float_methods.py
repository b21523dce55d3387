# Methods of float: is_integer, as_integer_ratio, hex, fromhex, conjugate ...
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for v in [0.0, -0.0, 1.5, -1.5, 2.5, 0.5, 1e300, 1e-320, 0.1, 3.0, -3.7, 123456.789, 1e22, 4503599627370495.5]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v,
          v.conjugate(), v.real, v.imag, v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__())
for v in [float('inf'), float('-inf'), float('nan')]:
    print(v, v.is_integer(), v.hex())
    show("as_integer_ratio", lambda: v.as_integer_ratio())
    show("__floor__", lambda: v.__floor__())
for s in ['0x1.8p+0', '0x1p-1074', '0x1p-1075', '0x1.fffffffffffffp+1023', '0x1p1024', '  -0X1.ABCp3  ',
          'inf', '-Infinity', 'nan', '1', '0x.8', '0x1.', '0x', 'xyz', '0x1p', '0x1.8p+0x', 'ff', '0x1.0000000000000800000p0',
          '0x1.0000000000000800001p0', '0x1.0000000000001800000p0']:
    show("fromhex(%r)" % s, lambda: float.fromhex(s))
show("float.__getformat__('double')", lambda: float.__getformat__('double'))
show("float.__getformat__('x')", lambda: float.__getformat__('x'))
show("(1.5).__getnewargs__()", lambda: (1.5).__getnewargs__())
show("(2.5).__format__('.3f')", lambda: (2.5).__format__('.3f'))
show("(1.5).__int__()", lambda: (1.5).__int__())
show("(1.5).__float__()", lambda: (1.5).__float__())
show("(1.5).__neg__()", lambda: (1.5).__neg__())
show("(1.5).__rtruediv__(3)", lambda: (1.5).__rtruediv__(3))
show("(1.5).__add__('x')", lambda: (1.5).__add__('x'))
show("(1.5).__eq__(1.5)", lambda: (1.5).__eq__(1.5))
