# yield from: delegation, return values, send/throw passed through, recursion.
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), {"k": 0}, (x * x for x in [3]))))

def tree_walk(node):
    value, children = node
    yield value
    for child in children:
        yield from tree_walk(child)
tree = (1, [(2, [(4, [])]), (3, [(5, []), (6, [])])])
print(list(tree_walk(tree)))

def sub():
    received = []
    while True:
        x = yield
        if x is None:
            return received
        received.append(x)
def delegator(results):
    while True:
        r = yield from sub()
        results.append(r)
results = []
d = delegator(results)
next(d)
for v in [1, 2, None, 3, None]:
    d.send(v)
print(results)

def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "inner handled"
    finally:
        print("inner finally")
def outer():
    yield from inner()
    yield "outer continues"
g = outer()
print(next(g), g.throw(ValueError), next(g))
g = outer()
next(g)
g.close()
print("closed")

# Return value of yield from with a plain iterator is None.
def take_none():
    r = yield from [1]
    yield r
print(list(take_none()))

# StopIteration value flows out.
def returns():
    yield "x"
    return "done"
def wrapper():
    result = yield from returns()
    yield result.upper()
print(list(wrapper()))

# yield from a non-iterable.
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)

# Flatten arbitrarily nested lists.
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))

# Pipelines of generators.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n
def take(n, source):
    for _, item in zip(range(n), source):
        yield item
print(list(take(5, evens(numbers()))))
