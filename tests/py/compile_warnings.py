# SyntaxWarnings the compiler prints for legal but suspicious code.
x = 5
if x is 1:
    pass
print(x is not "a", x is None, () is ())
assert (x, "message")
def f():
    return [1, 2] (3, 4)
def g():
    return {1, 2}[0], "abc"["x"], [1][1.5], (1, 2)[1]
y = x is 2 < 3
print("done")
