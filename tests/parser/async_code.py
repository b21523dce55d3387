import asyncio
async def main():
    await asyncio.sleep(1)
    async with lock:
        pass
    async with a as b, c as d:
        pass
    async for x in aiter():
        print(x)
    else:
        pass
    result = [x async for x in agen()]
    result = [await f(x) for x in y]
    return await asyncio.gather(*tasks)
async def gen():
    yield 1
    await x
asyncio.run(main())
async def g():
    return {k: v async for k, v in items() if await check(k)}
