# The math module's exact integer functions.
import math
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print([math.factorial(n) for n in range(12)])
print(math.factorial(30), math.factorial(100) % 10 ** 12, len(str(math.factorial(1000))))
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(), math.gcd(7), math.gcd(12, 18, 4), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2 ** 70, 3))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10 ** 20, 10 ** 40 + 1, 2 ** 127]])
print(math.comb(10, 3), math.comb(52, 5), math.comb(100, 50), math.comb(5, 7), math.comb(0, 0), math.comb(2 ** 70, 2))
print(math.perm(10, 3), math.perm(5), math.perm(5, 0), math.perm(5, 6), math.perm(2 ** 70, 2), math.comb(10 ** 6, 3))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 21)), math.prod([2, 3], start=10))
print(math.prod([[1], 2]) if False else "", math.prod(['ab', 3][::-1]))
show("factorial(-1)", lambda: math.factorial(-1))
show("factorial(1.5)", lambda: math.factorial(1.5))
show("factorial(5.0)", lambda: math.factorial(5.0))
show("factorial(10**20)", lambda: math.factorial(10 ** 20))
show("factorial(True)", lambda: math.factorial(True))
show("gcd(1.5, 2)", lambda: math.gcd(1.5, 2))
show("isqrt(-1)", lambda: math.isqrt(-1))
show("isqrt(2.0)", lambda: math.isqrt(2.0))
show("comb(5, -1)", lambda: math.comb(5, -1))
show("comb(-5, 1)", lambda: math.comb(-5, 1))
show("comb(5)", lambda: math.comb(5))
show("perm(5, -1)", lambda: math.perm(5, -1))
show("perm(5, 2.0)", lambda: math.perm(5, 2.0))
show("prod(3)", lambda: math.prod(3))
show("prod([1, 'a'])", lambda: math.prod([1, 'a', 2]))
