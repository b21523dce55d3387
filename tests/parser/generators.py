def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield value
    z = yield from other()
    yield from range(10)
    await_ = (yield)
    return (yield x)
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
def pipeline(data):
    evens = (x for x in data if x % 2 == 0)
    squares = (x * x for x in evens)
    yield from squares
total = sum(x for x in range(100))
gen = (i for i in range(10))
print(list(count(5)), sum(pipeline(range(10))))
def send_demo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received
def f(): x = yield a, *b
