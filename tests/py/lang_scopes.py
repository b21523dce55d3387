# Scopes: locals, globals, closures, nonlocal, class bodies.

counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print("counter", counter)

def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
print("add5", add5(10), add5.__code__.co_freevars, make_adder.__code__.co_cellvars)

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
print("count", get())

# Late binding of closures in loops, and the default-argument fix.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

# Three levels of nesting; the middle function does not use x itself.
def outer():
    x = "outer x"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

# A parameter captured by a closure (lives in a cell).
def param_cell(a, b):
    def show():
        return a + b
    a = a * 2
    return show()

print("param_cell", param_cell(1, 10))

# Class bodies: names are not visible to methods; free variables of the
# enclosing function are visible in the class body (LOAD_CLASSDEREF).
def class_in_function():
    y = "from function"
    class C:
        x = y
        z = "class z"
        def method(self):
            return y
        def no_class_scope(self):
            try:
                return z
            except NameError as e:
                return "NameError: " + str(e)
    return C

C = class_in_function()
print(C.x, C().method(), C().no_class_scope())

def class_shadow():
    x = "function x"
    class D:
        x = "class x"
        def get(self):
            return x
        print("in body:", x)
    return D().get()

print(class_shadow())

# Local variables are local in the whole function.
def unbound():
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    v = 1
    return v

unbound()

def unbound_free():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    w = 2
    return inner()

print(unbound_free())

g = "global g"
def read_global():
    return g
print(read_global())

def del_local():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return str(e)
print(del_local())

# global declared in a nested function
def set_global():
    def inner():
        global created_later
        created_later = "made"
    inner()
set_global()
print(created_later)

# nonlocal through two levels
def two_levels():
    v = 0
    def a():
        def b():
            nonlocal v
            v += 10
        b()
    a(); a()
    return v
print("two_levels", two_levels())

# Comprehension scopes
x = "module x"
print([x for _ in range(2)])
print([x for x in "ab"], x)
def comp_in_function():
    k = 3
    return [k * j for j in range(3)], {j: k for j in range(2)}
print(comp_in_function())

# Walrus in a comprehension binds in the enclosing scope
def walrus():
    data = [1, 5, 2, 8]
    if any((big := d) > 4 for d in data):
        print("first big", big)
    [last := d for d in data]
    return last
print("walrus", walrus())
total = 0
values = [total := total + d for d in range(4)]
print(values, total)

# Names in functions
def locals_order(a, b=2, *args, c, d=4, **kw):
    e = 5
    return locals_order.__code__.co_varnames, locals_order.__code__.co_argcount, \
        locals_order.__code__.co_kwonlyargcount
print(locals_order(1, c=3))

def posonly(a, b, /, c, *, d):
    return a, b, c, d
print(posonly(1, 2, 3, d=4), posonly.__code__.co_posonlyargcount)

# Name mangling
class Mangle:
    __secret = "hidden"
    def get(self):
        return self.__secret
    def __private(self):
        return "private method"
    def call(self):
        return self.__private()
m = Mangle()
print(m.get(), m.call(), hasattr(m, "_Mangle__secret"), hasattr(m, "__secret"))
print(sorted(k for k in Mangle.__dict__ if "secret" in k or "private" in k))
