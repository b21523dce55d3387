# Chained comparisons, conditional expressions, `is`, `in`, `not in`, boolean operators.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 != 6, 1 < 2 < 3 < 4 < 0)
print(1 < 3 in [3], "a" < "b" < "c", [1, 2] < [1, 3] <= [1, 3])
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(5))   # short-circuits after the first False
print(noisy(1) < noisy(2) < noisy(3))

# Conditional expressions, nested and in arguments.
for n in [-1, 0, 7]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign, ("even" if n % 2 == 0 else "odd"))
print(max(1, 2) if True else noisy("never"))

# and/or return operands.
print(0 or "default", "" or [] or None, 3 and 4, 0 and noisy("never"), None or 0)
print(not 0, not [1], not not "x", [] == False, bool([]) == False)

# is / is not for singletons and identity.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(None) is type(None))
print(x is not None, (lambda: None)() is None)

# in / not in across container types.
print(2 in [1, 2], 2 in (1,), "ell" in "hello", "z" not in "abc", 3 in {3: "x"}, "x" in {3: "x"})
print(3 in range(10), 3.0 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1 in {1, 2}, [1] in [[1], [2]], None in [None], b"b" in b"abc", 98 in b"abc")
print(float("nan") in [float("nan")], (nan := float("nan")) in [nan])
for bad in ["1 in 5", "'a' in ['a'][0:0] or 1 in None", "[] in {}", "1 in 'abc'"]:
    try:
        print(eval(bad))
    except TypeError as e:
        print(type(e).__name__, e)

# Comparing different types.
print(1 == 1.0, 1 == "1", [] == (), None == 0, True == 1, 0.1 + 0.2 == 0.3)
for bad in ["1 < '2'", "[] < ()", "None < 1", "{} < {}", "1j < 2j"]:
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)

# Truth values of common objects.
print([bool(v) for v in [0, 0.0, 0j, "", (), [], {}, set(), range(0), None, 1, "0", [0], -1]])
