# Producer/consumer with asyncio.Queue, join/task_done, Event, Semaphore.
import asyncio
import re


def addr(o):
    return re.sub(r"0x[0-9a-f]+", "0x...", repr(o))


async def producer(q, n, name):
    for i in range(n):
        await asyncio.sleep(0.01)
        item = f"{name}-{i}"
        await q.put(item)
        print("produced", item, "size", q.qsize())


async def consumer(q, name, seen):
    while True:
        item = await q.get()
        await asyncio.sleep(0.015)
        seen.append(item)
        print(name, "consumed", item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q, q.empty(), q.full(), q.maxsize)
    seen = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", seen)) for i in range(2)]
    await asyncio.gather(producer(q, 3, "p"), producer(q, 2, "r"))
    await q.join()
    print("all processed:", sorted(seen))
    for c in consumers:
        c.cancel()
    res = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in res], [c.cancelled() for c in consumers])

    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in [5, 1, 3]:
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])

    ev = asyncio.Event()

    async def waiter(i):
        print("waiting", i)
        await ev.wait()
        print("woken", i)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print(addr(ev), ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    print(addr(ev))

    sem = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    active = 0
    peak = 0

    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(6))), "peak", peak)
    print(addr(sem), addr(lock))

    order = []

    async def critical(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0.005)
            order.append(("out", i))

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(order)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print("ValueError", e)

asyncio.run(main())
