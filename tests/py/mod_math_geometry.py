# math in small geometry and statistics programs.
import math
def distance(p, q):
    return math.hypot(q[0] - p[0], q[1] - p[1])
points = [(0, 0), (3, 4), (-1, 1), (6, 8)]
print([round(distance((0, 0), p), 3) for p in points], math.dist((0, 0, 0), (1, 2, 2)))
angle = math.degrees(math.atan2(4, 3))
print(round(angle, 4), round(math.radians(angle), 6), math.sin(math.radians(30)), math.cos(math.pi))
def polygon_area(pts):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))) / 2
print(polygon_area([(0, 0), (4, 0), (4, 3), (0, 3)]), polygon_area([(0, 0), (1, 0), (0, 1)]))
r = 2.5
print(f"circle r={r}: area {math.pi * r * r:.4f}, circumference {math.tau * r:.4f}")
print(f"sphere volume {4 / 3 * math.pi * r ** 3:.3f}, surface {4 * math.pi * r ** 2:.3f}")
data = [2.5, 3.1, 4.7, 1.2, 3.3, 2.8]
mean = math.fsum(data) / len(data)
var = math.fsum((x - mean) ** 2 for x in data) / (len(data) - 1)
print(round(mean, 6), round(var, 6), round(math.sqrt(var), 6), math.prod([1.5, 2, 4]))
print(math.floor(-0.5), math.ceil(-0.5), round(-0.5), math.trunc(2.9), int(-2.9), math.isclose(1.0, 1.0 + 1e-10))
print(math.comb(52, 5), math.factorial(10) // (math.factorial(3) * math.factorial(7)), math.perm(10, 3))
print(math.log(1000, 10), math.log10(0.001), math.log2(0.5), math.exp(0), math.e ** 2 == math.exp(2))
print(math.gcd(*[12, 18, 24]), math.lcm(3, 4, 5), math.isqrt(10**20), math.sqrt(10**20))
print(math.inf > 10**308, -math.inf < -1e308, math.isnan(math.inf - math.inf), math.copysign(3, -0.0), math.fabs(-0.0))
print(sum(1 / math.factorial(k) for k in range(20)), math.e)
