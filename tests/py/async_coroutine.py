# Coroutine objects: creation, send/throw/close, attributes, await rules.
import re


def addr(r):
    return re.sub(r"0x[0-9a-f]+", "0x...", r)


async def add(a, b):
    return a + b


c = add(1, 2)
print(type(c).__name__, addr(repr(c)))
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await, c.cr_origin)
print(c.cr_frame is not None, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    iter(add(1, 2))
except TypeError as e:
    print("TypeError", e)
finally:
    pass


class Yielder:
    """An awaitable: __await__ is a generator (what a Future does)."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield self.value
        return got * 2


async def uses_await():
    r = await Yielder("first")
    print("await gave", r)
    r2 = await add(r, 1)
    return r2


c = uses_await()
print(c.send(None))
print(addr(repr(c.cr_await)), c.cr_suspended)
try:
    c.send(20)
except StopIteration as e:
    print("done:", e.value)

# throw() raises inside the awaited generator, close() runs finally
async def guarded():
    try:
        await Yielder(1)
    except ValueError as e:
        print("caught", e)
        await Yielder(2)
    finally:
        print("finally")

c = guarded()
print(c.send(None))
print(c.throw(ValueError("boom")))
c.close()
print(c.cr_frame)

# __await__() of a coroutine: an iterator
c = add(3, 4)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper result", e.value)


class Wrapped:
    def __await__(self):
        return add(10, 20).__await__()


async def await_wrapped():
    return await Wrapped()

try:
    await_wrapped().send(None)
except StopIteration as e:
    print("wrapped", e.value)

# errors
class NotIter:
    def __await__(self):
        return 5


class ReturnsCoro:
    def __await__(self):
        return add(1, 1)


async def await_it(x):
    return await x

for bad in [1, "s", None, NotIter(), ReturnsCoro()]:
    try:
        await_it(bad).send(None)
    except TypeError as e:
        print("TypeError", e)

async def raises_stop():
    raise StopIteration(3)

try:
    raises_stop().send(None)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

try:
    add(1, 2).send(5)
except TypeError as e:
    print("TypeError", e)

# awaiting the same coroutine twice
async def twice():
    c = add(1, 1)
    print(await c)
    await c

try:
    twice().send(None)
except RuntimeError as e:
    print("RuntimeError", e)

# await in a list comprehension
async def comp():
    return [await add(i, i) for i in range(4)]

try:
    comp().send(None)
except StopIteration as e:
    print("comp", e.value)
