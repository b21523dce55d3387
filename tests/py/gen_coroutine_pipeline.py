# Generator-based coroutines (send): a pipeline that filters and collects values.
def coroutine(func):
    def start(*args, **kwargs):
        g = func(*args, **kwargs)
        next(g)
        return g
    return start
@coroutine
def collector(results):
    while True:
        item = yield
        results.append(item)
@coroutine
def filter_even(target):
    while True:
        item = yield
        if item % 2 == 0:
            target.send(item)
@coroutine
def multiply(factor, target):
    try:
        while True:
            item = yield
            target.send(item * factor)
    except GeneratorExit:
        print("multiply closing")
        target.close()
results = []
pipeline = multiply(10, filter_even(collector(results)))
for n in range(7):
    pipeline.send(n)
pipeline.close()
print(results)
@coroutine
def grep(pattern):
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print(f"grep {pattern!r} found {len(matches)}")
g = grep("py")
for line in ["python", "ruby", "pypy", "cpython", "java"]:
    g.send(line)
g.close()
@coroutine
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print([acc.send(v) for v in [5, 10, 20]])
try:
    acc.send(None)
except StopIteration as e:
    print("final total", e.value)
def echo():
    try:
        while True:
            received = yield
            print("echo", received)
    finally:
        print("echo finalized")
e = echo()
next(e)
e.send("hello")
e.throw(KeyError, KeyError("thrown")) if False else None
del e
print("after del")
