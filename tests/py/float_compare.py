# Comparisons between floats and ints are exact, even beyond 2**53.
big = 2 ** 53
print(big + 1 > float(big), big + 1 == float(big), float(big) < big + 1, float(big) == big)
print(2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, 2 ** 1000 == 2.0 ** 1000, 10 ** 400 > 1e308)
print(-(10 ** 400) < -1e308, 10 ** 400 < float('inf'), -(10 ** 400) > float('-inf'))
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 1, 1 != nan, nan <= nan, [nan] == [nan])
for a in [0, 1, -1, 2 ** 53 + 1, 2 ** 60, -(2 ** 60) - 1, 10 ** 20]:
    for b in [0.0, -0.0, 0.5, 1.0, -1.0, 9007199254740992.0, 1.152921504606847e18, 1e20, float('inf')]:
        print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 1 == 1.0, -0.0 == 0.0, 1.0 < 2, 3 > 2.5)
print(sorted([3, 1.5, -2, 2 ** 60, 1e18, -0.5, 0, float('inf')]))
print(max(1, 1.0), max(1.0, 1), min(-0.0, 0.0), min(0.0, -0.0))
print(True == 1.0, False < 0.5, 1.5 in [1, 1.5], 2 in [1.0, 2.0])
