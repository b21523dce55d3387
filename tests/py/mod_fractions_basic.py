from fractions import Fraction as F
import math, numbers
tests = [lambda: F(3, 4), lambda: F("3/4"), lambda: F(" -1.5e2 "), lambda: F(0.1), lambda: F(1, 0), lambda: F("x"), lambda: F(float("inf")), lambda: F(float("nan")), lambda: F(1.5, 2), lambda: F([1]),
 lambda: F(1,3) + F(1,6), lambda: F(1,3) * 3, lambda: F(1,3) / F(0), lambda: F(1, 2) + 0.5, lambda: 1 - F(1, 3), lambda: F(2, 3) ** 2, lambda: F(4, 9) ** F(1, 2), lambda: 2 ** F(1, 2), lambda: F(-7, 2) // 2, lambda: F(-7, 2) % 2, lambda: divmod(F(7, 2), F(1, 3)),
 lambda: round(F(5, 2)), lambda: round(F(7, 2)), lambda: round(F(22, 7), 2), lambda: math.floor(F(-7, 2)), lambda: math.ceil(F(-7, 2)), lambda: math.trunc(F(-7, 2)), lambda: int(F(7,2)), lambda: float(F(1, 3)), lambda: F(1, 3) < 0.34, lambda: F(1, 2) == 0.5, lambda: hash(F(1, 2)) == hash(0.5), lambda: hash(F(5)) == hash(5), lambda: hash(F(1, 3)),
 lambda: F(3.141592653589793).limit_denominator(1000), lambda: F(1, 3).as_integer_ratio(), lambda: F("1_000/3"), lambda: str(F(4, 2)), lambda: repr(F(-1, 3)), lambda: F(1, -3), lambda: abs(F(-1, 3)), lambda: F(1, 3) + 1j, lambda: F.from_float(0.25), lambda: F(10, 4).numerator, lambda: bool(F(0)), lambda: F(1,2) < F(2,3), lambda: sorted([F(1,2), F(1,3), 0.4]), lambda: F(5) == 5, lambda: F(1, 3) ** -2, lambda: F(0) ** -1, lambda: F("1e-3"), lambda: F(" 3 "), lambda: F("-.5"), lambda: F("5."), lambda: f"{F(1,3)}",
 lambda: isinstance(F(1), numbers.Rational), lambda: isinstance(1, numbers.Integral), lambda: isinstance(1.5, numbers.Real), lambda: isinstance(1j, numbers.Complex), lambda: isinstance(1.5, numbers.Rational), lambda: issubclass(int, numbers.Number), lambda: sum([F(1, n) for n in range(1, 11)]), lambda: F(1, 3) * 1.5, lambda: max(F(1, 3), 0.3)]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
