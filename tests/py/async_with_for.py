# async with (__aenter__/__aexit__) and async for (__aiter__/__anext__).
import asyncio


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i


async def main():
    async with Resource("a") as r:
        print("body", r)
    async with Resource("b", suppress=True):
        raise ValueError("swallowed")
    print("after b")
    try:
        async with Resource("c"):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", e)
    async with Resource("d") as x, Resource("e") as y:
        print("two", x, y)
    for i in range(3):
        async with Resource("loop"):
            if i == 1:
                break
    print("broke")

    def in_func():
        return 1

    async def ret():
        async with Resource("r"):
            return "returned"
    print(await ret())

    async for i in Ticker(3):
        print("tick", i)
    async for i in Ticker(5):
        if i == 2:
            continue
        if i == 4:
            break
        print("t", i)
    else:
        print("not reached")
    async for i in Ticker(1):
        pass
    else:
        print("else ran", i)

    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    print("unlocked", lock.locked())

    for bad in [1, object()]:
        try:
            async with bad:
                pass
        except TypeError as e:
            print("TypeError", e)
        try:
            async for i in bad:
                pass
        except TypeError as e:
            print("TypeError", e)

    class BadIter:
        def __aiter__(self):
            return 1

    class BadNext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 1

    class HalfCM:
        async def __aenter__(self):
            return 1

    class SyncEnter:
        def __aenter__(self):
            return 1

        def __aexit__(self, *a):
            return 1

    for bad in [BadIter(), BadNext()]:
        try:
            async for i in bad:
                pass
        except TypeError as e:
            print("TypeError", e)
    for bad in [HalfCM(), SyncEnter()]:
        try:
            async with bad:
                pass
        except TypeError as e:
            print("TypeError", e)

    class Raising:
        def __aiter__(self):
            return self

        async def __anext__(self):
            raise OSError("in anext")
    try:
        async for i in Raising():
            pass
    except OSError as e:
        print("OSError", e)

asyncio.run(main())
