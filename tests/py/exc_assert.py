# assert statements: messages, expressions, uncaught AssertionError at the end.
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
print(check_positive(5))
try:
    check_positive(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert (1, 2), "a non-empty tuple is true"
x = [1]
assert x and x[0] == 1
try:
    assert isinstance(x, dict), ("tuple", "message")
except AssertionError as e:
    print(e.args)
print("__debug__ is", __debug__)
def total(items):
    assert all(i >= 0 for i in items), "negative item"
    return sum(items)
print(total([1, 2]))
total([1, -2])
