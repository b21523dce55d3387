# Operator precedence and associativity the way beginners trip over it.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4)
print(7 // 2 * 2, -7 // 2, -(7 // 2), 7 % -3, -7 % 3)
print(not True == False, (not True) == False, not (True == False))
print(1 < 2 == 2, 1 < 2 and 2 < 3 or False, True or False and False, (True or False) and False)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, (1 << 2) + 1, ~0 + 1, -~5, ~-5)
print(3 if False else 4 + 1, (3 if False else 4) + 1, [1, 2] + [3] * 2)
x = 5
print(x > 3 and "big" or "small", x > 10 and "big" or "small")
print("a" "b" * 2, ("a" + "b") * 2, "%d%%" % 50 + "!", -3 ** 0.5 if False else abs(-3) ** 0.5)
print(2 ** -2 ** 2, 10 - -3, +-+-1, 8 >> 1 << 2, 0 or 0.0 or "" or None)
lst = [3, 1, 2]
print(lst[1:] + lst[:1], [x * 2 for x in lst if x > 1 or x < 0], lst[-1] ** 2)
print(True + True, True * 10, False - 1, 3 * True, 1 == 1.0 == True)
print(0.1 + 0.2 > 0.3, round(0.1 + 0.2, 10) == 0.3, 1e3 == 1000, 2 ** 0.5 * 2 ** 0.5)
a = b = c = 0
a += 1
print(a, b, c)
i = 0
L = [0, 0]
i, L[i] = 1, 2
print(i, L)
