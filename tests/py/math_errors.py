# Errors from the math module: domain, range and type errors.
import math
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.log(0, 10)", "math.log(10, 1)", "math.log(1, 0)",
             "math.log2(0)", "math.log10(-5)", "math.log1p(-1)", "math.acos(2)", "math.asin(-2)", "math.atanh(1)",
             "math.acosh(0)", "math.exp(1000)", "math.exp2(2000)", "math.expm1(1000)", "math.cosh(1000)",
             "math.sinh(-1000)", "math.sin(math.inf)", "math.cos(-math.inf)", "math.tan(math.inf)",
             "math.pow(2, 10000)", "math.pow(0.0, -1.0)", "math.pow(-8, 1/3)", "math.fmod(1, 0)",
             "math.fmod(math.inf, 1)", "math.remainder(1, 0)", "math.remainder(math.inf, 1)", "math.ldexp(1.0, 10**100)",
             "math.ldexp(1, 1.5)", "math.sqrt('x')", "math.sqrt(10**400)", "math.floor('x')", "math.floor([])",
             "math.trunc([])", "math.floor(math.inf)", "math.ceil(math.nan)", "math.atan2(1)", "math.pow(1)",
             "math.isclose(1, 2, rel_tol=-1)", "math.isinf(10**400)", "math.dist((1, 2), (1,))", "math.hypot('a')",
             "math.gamma(0)", "math.gamma(-1)", "math.gamma(200)", "math.lgamma(0)", "math.lgamma(-2)", "math.copysign('a', 1)",
             "math.fsum([1e308, 1e308])", "math.fsum([math.inf, -math.inf])", "math.fsum([1, 'a'])", "math.erf(None)",
             "math.nextafter(1)", "math.frexp('a')", "math.modf(None)"]:
    show(expr, lambda: eval(expr))
