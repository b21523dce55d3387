# math: the common functions and constants, and their error messages.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)).__name__, math.fabs(-3), math.copysign(1, -0.0))
print(math.factorial(20), math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.sin(math.pi / 2), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.radians(180))
print(math.atan2(1, 1), math.asin(1), math.acos(1), math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(float("inf")), math.modf(3.75), math.frexp(8), math.ldexp(0.5, 4))
print(math.prod([1, 2, 3, 4]), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.gamma(5), math.lgamma(1), math.erf(0), math.erfc(0), math.expm1(0), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
for bad in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.factorial(-1)", "math.factorial(2.5)", "math.acos(2)",
            "math.exp(1000)", "math.sqrt('4')", "math.gcd(1.5, 2)", "math.pow(0, -1)", "math.comb(3, -1)", "math.isqrt(-1)"]:
    try:
        eval(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# A classic: primes and circle areas.
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
print([n for n in range(50) if is_prime(n)])
for r in [1, 2.5]:
    print(f"r={r}: area={math.pi * r ** 2:.3f} circumference={2 * math.pi * r:.3f}")
