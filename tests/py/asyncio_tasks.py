# Tasks and futures: cancel, wait_for, wait, as_completed, threads, loops.
import asyncio
import threading
import time


async def work(n, delay):
    await asyncio.sleep(delay)
    return n * n


def blocking(n):
    time.sleep(0.1)
    return n + 100, threading.current_thread() is threading.main_thread()


async def main():
    # cancel: CancelledError is raised inside the task
    async def victim():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("victim cancelled inside")
            raise
        finally:
            print("victim cleanup")

    t = asyncio.create_task(victim())
    await asyncio.sleep(0.01)
    print(t.cancel(), t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting raised CancelledError")
    print(t.cancelled(), t.done(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raised", type(e).__name__)

    # a task may swallow the cancellation
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "refused"
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    # wait_for
    print(await asyncio.wait_for(work(3, 0.01), timeout=1))
    try:
        await asyncio.wait_for(work(4, 1), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("TimeoutError", repr(e), isinstance(e, TimeoutError))
    print(await asyncio.wait_for(work(5, 0), timeout=None))

    # wait
    tasks = [asyncio.create_task(work(i, 0.02 * i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), sorted(t.result() for t in done))
    done, pending = await asyncio.wait([asyncio.create_task(work(1, 1))], timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError", e)

    # as_completed: in finishing order
    coros = [work(i, d) for i, d in [(1, 0.06), (2, 0.02), (3, 0.04)]]
    for fut in asyncio.as_completed(coros):
        print("completed", await fut)

    # threads
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 1))
    start = time.perf_counter()
    res = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(4)))
    print(res, "parallel:", time.perf_counter() - start < 0.35)

    # futures and callbacks
    fut = loop.create_future()
    print(fut, fut.done())
    fut.add_done_callback(lambda f: print("callback got", f.result()))
    loop.call_later(0.01, fut.set_result, "hello")
    print(await fut)
    print(fut)
    await asyncio.sleep(0)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    print(f2, repr(f2.exception()))
    f3 = loop.create_future()
    try:
        f3.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f3.cancel()
    print(f3)

    # names and introspection
    t = asyncio.create_task(work(2, 0), name="sq")
    print(t.get_name(), asyncio.current_task().get_name(), t in asyncio.all_tasks())
    print(await t, t.get_name())
    print(asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(blocking))
    c = work(1, 0)
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(work), asyncio.isfuture(t))
    c.close()

    # loop.call_soon order
    loop.call_soon(print, "soon 1")
    loop.call_soon(print, "soon 2")
    h = loop.call_soon(print, "never")
    h.cancel()
    await asyncio.sleep(0)
    print(await asyncio.sleep(0.01, result="slept"))
    return "main done"


print(asyncio.run(main()))

# the old style: an explicit loop
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(work(7, 0.01)))
print(loop.is_running(), loop.is_closed())
t = loop.create_task(work(8, 0))
print(loop.run_until_complete(t), t.done())
loop.close()
print(loop.is_closed())
c = work(1, 0)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError", e)
c.close()
asyncio.set_event_loop(None)
