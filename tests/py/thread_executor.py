# concurrent.futures: ThreadPoolExecutor, Future, map, as_completed, wait.
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
import os
import threading
import time

def masked(f):
    # "<Future at 0x7f... state=pending>" -> "<Future at ADDR state=pending>"
    text = repr(f)
    return text[:text.index(' at 0x') + 4] + 'ADDR' + text[text.index(' state='):]

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as e:
        print(what, "->", type(e).__name__, repr(e))

def square(x):
    return x * x

def slow_square(x):
    time.sleep(0.01 * (4 - x))      # later inputs finish first
    return x * x

def fail(x):
    raise ValueError(f"bad {x}")

# map returns results in input order; the with-block waits for all.
with ThreadPoolExecutor(max_workers=4) as ex:
    print("map:", list(ex.map(slow_square, range(5))))
    print("map, two iterables:", list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    f = ex.submit(square, 7)
    print("submit:", f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    print(masked(f))
    f = ex.submit(fail, 1)
    check("result re-raises", f.result)
    print("exception():", repr(f.exception()), masked(f))
    f = ex.submit(lambda *a, **k: (a, k), 1, 2, key="v")
    print("args:", f.result())
    it = ex.map(fail, [1, 2])
    check("map raises at its turn", lambda: next(it))

# Worker names: one executor counter, one worker counter per executor.
with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(lambda: threading.current_thread().name).result())
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    print(ex.submit(lambda: threading.current_thread().name).result())
with ThreadPoolExecutor() as ex:
    print("default workers:", ex._max_workers == min(32, os.cpu_count() + 4))
    names = set()
    gate = threading.Barrier(3)
    def meet(_):
        gate.wait()
        return threading.current_thread().name
    names.update(ex.map(meet, range(3)))
    print(sorted(names))

# Cancelling: one busy worker, the next call waits in the queue.
release = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
busy = ex.submit(release.wait, 5)
queued = ex.submit(square, 3)
while not busy.running():
    time.sleep(0.001)
print(masked(busy), masked(queued))
print("cancel running:", busy.cancel(), "cancel queued:", queued.cancel(), queued.cancel())
print(masked(queued), queued.cancelled(), queued.done())
check("cancelled result", queued.result)
check("cancelled exception", queued.exception)
check("result timeout", lambda: busy.result(timeout=0.02))
check("exception timeout", lambda: busy.exception(timeout=0.01))
release.set()
print("busy:", busy.result(), masked(busy))
ex.shutdown()
check("submit after shutdown", lambda: ex.submit(square, 1))
ex.shutdown()   # twice is fine

# shutdown(cancel_futures=True) cancels what has not started.
release.clear()
ex = ThreadPoolExecutor(max_workers=1)
futures = [ex.submit(release.wait, 5)] + [ex.submit(square, i) for i in range(3)]
while not futures[0].running():
    time.sleep(0.001)
ex.shutdown(wait=False, cancel_futures=True)
release.set()
ex.shutdown(wait=True)
print("after cancel_futures:", [f.cancelled() for f in futures], futures[0].result())

# Callbacks.
order = []
with ThreadPoolExecutor(max_workers=2) as ex:
    release.clear()
    f = ex.submit(release.wait, 5)
    f.add_done_callback(lambda fut: order.append(("callback", fut.result())))
    order.append("added")
    release.set()
    f.result()
    time.sleep(0.02)
f.add_done_callback(lambda fut: order.append("called at once"))
print(order)

# as_completed yields each future once, as it finishes.
with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(slow_square, i) for i in range(4)]
    got = [f.result() for f in cf.as_completed(fs)]
    print("as_completed:", sorted(got))
    done = ex.submit(square, 2)
    done.result()
    print("already finished:", [f.result() for f in cf.as_completed([done, done])])
    release.clear()
    stuck = ex.submit(release.wait, 5)
    def collect():
        return [f.result() for f in cf.as_completed([done, stuck], timeout=0.05)]
    check("as_completed timeout", collect)
    release.set()

# wait() with each return condition.
with ThreadPoolExecutor(max_workers=3) as ex:
    release.clear()
    quick = ex.submit(square, 5)
    slow = ex.submit(release.wait, 5)
    r = cf.wait([quick, slow], return_when=cf.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", type(r).__name__, quick in r.done, slow in r.not_done)
    r = cf.wait([quick, slow], timeout=0.02)
    print("timeout:", len(r.done), len(r.not_done), r.done == r[0])
    bad = ex.submit(fail, 3)
    r = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", bad in r.done, slow in r.not_done)
    release.set()
    r = cf.wait([quick, slow, bad])
    print("ALL_COMPLETED:", len(r.done), len(r.not_done))
    # The future must still be pending: wait() only checks return_when when
    # it has to install a waiter (CPython does the same).
    hold = threading.Event()
    pending = ex.submit(hold.wait, 5)
    check("bad return_when", lambda: cf.wait([pending], return_when="SOMETIMES"))
    hold.set()
print(cf.wait([]))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

# map with a timeout.
with ThreadPoolExecutor(max_workers=2) as ex:
    release.clear()
    results = ex.map(lambda x: release.wait(5) and x, [1, 2])
    check("map timeout", lambda: list(ex.map(release.wait, [5], timeout=0.02)))
    release.set()
    print(list(results))

# A bare Future, as executors use it.
f = cf.Future()
print(masked(f), f.done())
f.set_result([1])
print(masked(f), f.result(0))
try:
    f.set_result(2)
except cf.InvalidStateError as e:
    print("set twice:", type(e).__name__, masked(str(e)[len("FINISHED: "):]))
f = cf.Future()
print(f.set_running_or_notify_cancel(), masked(f), f.running(), f.cancel())
f.set_exception(KeyError("k"))
print(masked(f))

# Errors and names.
check("max_workers=0", lambda: ThreadPoolExecutor(0))
check("initializer not callable", lambda: ThreadPoolExecutor(1, initializer=3))
inits = []
with ThreadPoolExecutor(1, initializer=inits.append, initargs=("init",)) as ex:
    ex.submit(square, 1).result()
print(inits)
print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error),
      cf.CancelledError.__module__, cf.BrokenExecutor.__mro__[1].__name__,
      cf.Future.__module__, ThreadPoolExecutor.__module__)
with ThreadPoolExecutor(2) as ex:
    pass
print("empty pool shut down")
