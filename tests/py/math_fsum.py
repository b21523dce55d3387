# math.fsum, hypot, dist and isclose: accurate floating-point helpers.
import math
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([1, 2, 3]))
print(math.fsum([1e308, 1e308, -1e308]) if False else "", math.fsum([math.inf, 1.0]), math.fsum([-math.inf, 1e308]))
print(math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum(x / 10 for x in range(100)), math.fsum([2 ** 53, 1.0, 1.0]))
print(math.fsum([1.0, 1e-16, 1e-16, 1e-16, 1e-16]), math.fsum([1e16, 1.0, 1e-16]), math.fsum(iter([0.5, 0.25])))
vals = [0.0, 1.0, 1e-300, 1e300, -2.5, 3.0, 4.0, 12.0, 0.1, 0.2, 7]
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(*vals), math.hypot(1e308, 1e308))
print(math.hypot(1e-320, 1e-320), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((1.5,), (-1.5,)), math.dist((), ()))
for a, b in [(1.0, 1.0 + 1e-10), (1.0, 1.0 + 1e-8), (0.0, 1e-10), (math.inf, math.inf), (math.inf, -math.inf), (math.nan, math.nan), (1e308, 1e308 * 0.99999999999)]:
    print(a, b, math.isclose(a, b), math.isclose(a, b, rel_tol=1e-5), math.isclose(a, b, abs_tol=1e-9))
print(math.isclose(1, 1.0000000001), math.isclose(a=1, b=2, rel_tol=0.6), math.isclose(10, 11, abs_tol=1))
show("isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3))
