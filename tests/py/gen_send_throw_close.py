# Generators: send, throw, close, return values, finally blocks, state.
def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count

g = averager()
print(next(g), g.send(10), g.send(20), g.send(60))
try:
    g.send(None)
except StopIteration as e:
    print("result", e.value, e.args)

def not_started():
    x = yield 1
    print("got", x)
g = not_started()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)

# throw() raises inside the generator at the paused yield.
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = catcher()
print(next(g), g.throw(ValueError("bad")), next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))

try:
    catcher().throw(RuntimeError, "not started")
except RuntimeError as e:
    print(type(e).__name__, e)

# close() runs finally blocks and raises GeneratorExit inside.
def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("closed")
g = resource()
print(next(g))
g.close()
g.close()
print(list(resource()))

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

# Generator state: gi_frame is None once finished.
def simple():
    yield 1
g = simple()
print(g.gi_frame is not None, g.gi_running)
next(g)
print(g.gi_frame is not None)
list(g)
print(g.gi_frame)

# Running generator cannot be re-entered.
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# Exhausted generator keeps raising StopIteration.
g = simple()
print(list(g), list(g), next(g, None))

# gi_ attributes and names.
def named():
    yield
g = named()
print(g.__name__, g.__qualname__, g.gi_frame is not None, g.gi_running, type(g).__name__)
print(repr(g).startswith("<generator object named at 0x"))

# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    raise StopIteration("oops")
try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

# return inside a generator with a value.
def early(n):
    for i in range(n):
        if i == 2:
            return "stopped at 2"
        yield i
g = early(5)
print(list(g))
def value_of(gen):
    try:
        while True:
            next(gen)
    except StopIteration as e:
        return e.value
print(value_of(early(5)), value_of(early(1)))
