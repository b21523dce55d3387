import asyncio

async def fetch(i, delay):
    await asyncio.sleep(delay)
    return i * 2

async def producer(q):
    for i in range(3):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    while (item := await q.get()) is not None:
        print("got", item)

async def main():
    results = await asyncio.gather(*(fetch(i, 0) for i in range(3)))
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))
    async with asyncio.timeout(1):
        pass
    return results

print(asyncio.run(main()))
