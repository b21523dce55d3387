# The classic tutorial: I/O-bound work overlaps under asyncio.
import asyncio
import time


async def io_bound(sec):
    print(f"io_bound({sec}) starts")
    await asyncio.sleep(sec)
    print(f"io_bound({sec}) ends")
    return f"slept {sec}"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(io_bound(0.3), io_bound(0.1), io_bound(0.2))
    elapsed = time.perf_counter() - start
    print(results)
    # Three sleeps, but the total is about the longest one, not the sum.
    print("overlapped:", 0.29 < elapsed < 0.55)

    start = time.perf_counter()
    tasks = [asyncio.create_task(io_bound(0.1 * i)) for i in range(1, 4)]
    for t in tasks:
        print(await t)
    print("tasks overlapped:", time.perf_counter() - start < 0.5)

    async def fail(n):
        await asyncio.sleep(0.01 * n)
        raise ValueError(f"bad {n}")

    print(await asyncio.gather(io_bound(0.01), fail(1), return_exceptions=True))
    try:
        await asyncio.gather(io_bound(0.05), fail(2))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.1)
    print(await asyncio.gather())
    same = io_bound(0)
    print(await asyncio.gather(same, same))

    # a sequential run takes the sum
    start = time.perf_counter()
    for s in (0.05, 0.05, 0.05):
        await io_bound(s)
    print("sequential >= 0.15:", time.perf_counter() - start >= 0.15)


asyncio.run(main())
