# Async generators: async for, __anext__/asend/athrow/aclose, async genexps,
# and async comprehensions.
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print("ticker done")

async def echo():
    got = None
    try:
        while True:
            got = yield got
            if got == "stop":
                return
    finally:
        print("echo finally")

async def main():
    async for x in ticker(3, 0.01):
        print("tick", x)
    print([x async for x in ticker(3, 0)])
    g = ticker(2, 0)
    print(type(g).__name__, g.__name__, g.ag_running, repr(g)[:31])
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    e = echo()
    print(await e.asend(None), await e.asend(1), await e.asend(2))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("stopped")
    e = echo()
    await e.asend(None)
    await e.aclose()
    e = echo()
    await e.asend(None)
    try:
        await e.athrow(ValueError("x"))
    except ValueError as ex:
        print("athrow raised", ex)
    gen = (x * 2 async for x in ticker(3, 0))
    print(type(gen).__name__, [y async for y in gen])

    async def bad():
        yield 1
        raise StopAsyncIteration
    try:
        async for v in bad():
            print(v)
    except RuntimeError as ex:
        print("RuntimeError", ex)
    async def early():
        try:
            yield 1
            yield 2
        finally:
            print("early cleanup")
    agen = early()
    await agen.__anext__()
    await agen.aclose()
    print({x: x * x async for x in ticker(4, 0) if x % 2})
    print({x async for x in ticker(2, 0)})
    print([(x, y) async for x in ticker(2, 0) for y in "ab"])
    print([await asyncio.sleep(0, x) for x in range(3)])
    print("end main")

asyncio.run(main())
