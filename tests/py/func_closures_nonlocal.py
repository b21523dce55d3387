# Closures, nonlocal, global, late binding, lambda.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars)
inc2, get2 = make_counter()
print(inc2(), get())

# Late binding in loops and the default-argument fix.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

# Global and nonlocal together.
total = 0
def outer():
    x = "outer"
    def inner():
        global total
        nonlocal x
        total += 1
        x = "changed"
    inner()
    return x
print(outer(), total)

# Reading a variable before assignment in the function is an error.
y = 1
def broken():
    print(y)
    y = 2
try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def broken_nonlocal():
    def inner():
        return z
    r = inner
    try:
        r()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
broken_nonlocal()
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
def deleted():
    v = 1
    del v
    return v
try:
    deleted()
except UnboundLocalError as e:
    print(type(e).__name__, e)

# Lambdas: defaults, conditional, sorting keys, immediately called.
square = lambda x: x * x
print(square(7), (lambda a, b=2, *c, **d: (a, b, c, d))(1, 3, 4, k=5), square.__name__)
people = [("bob", 25), ("amy", 31), ("cid", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])), max(people, key=lambda p: p[1]))
classify = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(n) for n in (-2, 0, 3)])
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, square)(4) + "!")

# Functions are objects: attributes, passing, returning.
def apply(f, *args):
    return f(*args)
print(apply(pow, 2, 10), apply(len, "abc"), apply(str.upper, "x"))
def adder(n):
    def add(x):
        return x + n
    add.n = n
    return add
add5 = adder(5)
print(add5(1), add5.n, add5.__name__, add5.__qualname__)

# Nested closures over loop variables captured by cells.
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
def cell_loop():
    fs = []
    for k in range(3):
        def f():
            return k
        fs.append(f)
    return [f() for f in fs]
print(cell_loop())

# nonlocal at module level / without binding is a SyntaxError.
for src in ["nonlocal x", "def f():\n    nonlocal q\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e)
