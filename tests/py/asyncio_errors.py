# Exceptions through asyncio: tracebacks of failing tasks, lost exceptions.
import asyncio
import traceback


async def inner(x):
    await asyncio.sleep(0)
    return 1 / x


async def main():
    print("main starts")
    return await inner(0)


def user_frames(exc):
    # Only this file's frames: asyncio's own differ from CPython's.
    for fs in traceback.extract_tb(exc.__traceback__):
        if fs.filename == __file__:
            print(" ", fs.name, fs.lineno, fs.line)


try:
    asyncio.run(main())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
    user_frames(e)


async def boom():
    raise ValueError("lost")


async def lose_one():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("task done", t.done(), repr(t.exception()))
    t2 = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("second task done", t2.done())
    t2 = None
    await asyncio.sleep(0)


asyncio.run(lose_one())


async def cancel_main():
    t = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.01, t.cancel)
    await asyncio.sleep(1)

try:
    asyncio.run(cancel_main())
except asyncio.CancelledError as e:
    print("CancelledError", repr(e), isinstance(e, Exception))


async def ends_early():
    async def forever():
        try:
            await asyncio.sleep(10)
        finally:
            print("forever cleaned up by asyncio.run")
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    return "early"

print(asyncio.run(ends_early()))
print("end")
