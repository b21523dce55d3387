# Python 3.11 structured concurrency: TaskGroup, timeout().
import asyncio

cancelled = []

async def work(n, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        cancelled.append(n)
        raise
    if fail:
        raise ValueError(f"fail {n}")
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work(1, 0.02))
        t2 = tg.create_task(work(2, 0.01))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(3, 0.01, fail=True))
            tg.create_task(work(4, 1))
            tg.create_task(work(5, 0.02, fail=True))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(6, 0.01, fail=True))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout", repr(e))
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print(cm.expired())
    async with asyncio.timeout(None):
        pass
    print(asyncio.current_task().cancelling(), sorted(cancelled))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.wait_for(asyncio.sleep(1), 5)
    except TimeoutError:
        print("inner wait_for cancelled by timeout")

asyncio.run(main())
