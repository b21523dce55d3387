# Compile-time errors of async code, and run-time errors of awaiting.
import asyncio

sources = [
    "await x",
    "def f():\n    await x",
    "def f():\n    async for i in y:\n        pass",
    "def f():\n    async with y:\n        pass",
    "async def f():\n    yield from g()",
    "async def f():\n    yield 1\n    return 2",
    "def f():\n    return [i async for i in y]",
    "def f():\n    return [await i for i in y]",
    "lambda: await x",
    "async def f():\n    def g():\n        await x",
    "class C:\n    await x",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)

# these compile fine
for src in ["async def f():\n    await x\n    async with a as b:\n        pass\n    async for i in c:\n        pass",
            "async def f():\n    return [await i for i in y]",
            "async def f():\n    def g():\n        return 1\n    return await g()"]:
    compile(src, "<src>", "exec")
    print("ok")


async def main():
    for bad in [1, 2.5, [], asyncio]:
        try:
            await bad
        except TypeError as e:
            print("TypeError", e)
    try:
        await asyncio.sleep("x")
    except TypeError as e:
        print("TypeError", type(e).__name__)

asyncio.run(main())

try:
    asyncio.run(1)
except ValueError as e:
    print("ValueError", e)


async def nested():
    inner = asyncio.sleep(0)
    try:
        asyncio.run(inner)
    finally:
        inner.close()

c = nested()
try:
    asyncio.run(c)
except RuntimeError as e:
    print("RuntimeError", e)

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
