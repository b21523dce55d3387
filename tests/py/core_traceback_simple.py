def f(x):
    return 1 / x
def g():
    y = [1, 2]
    return f(0) + y[5]
print("before")
g()
