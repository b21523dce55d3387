@a
def f(): pass
@a.b.c
def f(): pass
@a(1, 2)
@b
def f(): pass
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
@x := y
def g(): pass
@buttons[0].clicked.connect
def h(): pass
@ dec
async def k(): pass
