# The math module's floating-point functions.
import math
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for name in ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan',
             'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc',
             'fabs', 'floor', 'ceil', 'trunc', 'isfinite', 'isinf', 'isnan', 'degrees', 'radians',
             'frexp', 'modf']:
    f = getattr(math, name)
    row = []
    for x in [0, 1, -1, 0.5, 2, 10, -3.7, 100, 1e-10]:
        try:
            row.append(repr(f(x)))
        except Exception as e:
            row.append(type(e).__name__)
    print(name, " ".join(row))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-2.5), math.floor(2 ** 80 + 0.5), math.ceil(True))
print(math.floor(10 ** 30), type(math.floor(3.5)).__name__, math.ceil(1e20), math.trunc(2 ** 70))
print(math.sqrt(2), math.sqrt(10 ** 20), math.hypot(3, 4), math.atan2(1, 1), math.atan2(0.0, -0.0), math.atan2(-0.0, -1))
print(math.copysign(1, -0.0), math.copysign(3, -2), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(5, 3), math.remainder(7, 2))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(1, math.nan), math.pow(math.nan, 0), math.pow(math.inf, -1))
print(math.ldexp(1.5, 3), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(0.0, 10 ** 100), math.ldexp(1, -10 ** 100))
print(math.log(8, 2), math.log(100, 10), math.log(10 ** 400), math.log2(2 ** 2000), math.log10(10 ** 500), math.log(2 ** 1000, 2))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(math.inf))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isinf(10 ** 300))
print(math.degrees(math.pi), math.radians(180), math.degrees(1e308), math.exp(-1000), math.frexp(0.0), math.frexp(-8.0))
print(math.modf(-3.5), math.modf(math.inf), math.fabs(-2), math.exp(1), math.log(math.e), math.expm1(1e-10))

class Floorable:
    def __floor__(self):
        return 'floored'
    def __ceil__(self):
        return 'ceiled'
    def __trunc__(self):
        return 'trunced'

print(math.floor(Floorable()), math.ceil(Floorable()), math.trunc(Floorable()))
