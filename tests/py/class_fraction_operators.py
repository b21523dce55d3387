# A Fraction class the way textbooks build it: gcd, operators, comparisons, hashing, str/repr.
from math import gcd

class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("denominator cannot be zero")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den)
        self.num, self.den = num // g, den // g
    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None
    def __add__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return Fraction(self.num * other.den + other.num * self.den, self.den * other.den)
    __radd__ = __add__
    def __sub__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return Fraction(self.num * other.den - other.num * self.den, self.den * other.den)
    def __rsub__(self, other):
        return Fraction(other) - self
    def __mul__(self, other):
        other = self._coerce(other)
        if other is None:
            return NotImplemented
        return Fraction(self.num * other.num, self.den * other.den)
    __rmul__ = __mul__
    def __truediv__(self, other):
        other = self._coerce(other)
        return self * Fraction(other.den, other.num)
    def __neg__(self):
        return Fraction(-self.num, self.den)
    def __pow__(self, n):
        return Fraction(self.num ** n, self.den ** n) if n >= 0 else Fraction(self.den ** -n, self.num ** -n)
    def __eq__(self, other):
        other = self._coerce(other)
        return other is not None and (self.num, self.den) == (other.num, other.den)
    def __lt__(self, other):
        other = self._coerce(other)
        return self.num * other.den < other.num * self.den
    def __le__(self, other):
        return self == other or self < other
    def __hash__(self):
        return hash((self.num, self.den))
    def __float__(self):
        return self.num / self.den
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"
    def __str__(self):
        return f"{self.num}/{self.den}" if self.den != 1 else str(self.num)

half, third = Fraction(1, 2), Fraction(1, 3)
print(half + third, half - third, half * third, half / third, -half, half ** 2, third ** -1)
print(1 + half, half + 1, 1 - half, 2 * third, half == Fraction(2, 4), half == 0.5, half != third)
print(sorted([half, third, Fraction(3, 4), Fraction(-1, 2)]), half > third, half <= Fraction(1, 2))
print(float(third), bool(Fraction(0, 5)), {half: "half"}[Fraction(3, 6)], len({half, Fraction(2, 4)}))
print(sum([Fraction(1, n) for n in range(1, 6)], Fraction(0)), repr(Fraction(6, -8)))
total = Fraction(0)
for n in range(1, 11):
    total += Fraction(1, n * (n + 1))
print(total)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    half + 0.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    half < "x"
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
import fractions
print(fractions.Fraction(1, 2) + fractions.Fraction(1, 3), fractions.Fraction("0.75"), fractions.Fraction(0.5))
