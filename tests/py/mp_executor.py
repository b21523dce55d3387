# concurrent.futures.ProcessPoolExecutor: submit, map (with chunks),
# exceptions with the worker's traceback, a worker that dies
# (BrokenProcessPool), shutdown and the `with` block.
import os
import time
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool


def square(x):
    return x * x


def pair(a, b):
    return (a, b)


def name(_):
    time.sleep(0.01)
    return mp.current_process().name


def fail(x):
    raise ValueError('bad %d' % x)


def die(_):
    os._exit(3)


def slow(x):
    time.sleep(0.1)
    return x


def exits(code):
    raise SystemExit(code)


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(square, 7)
        print(f.result(timeout=5), f.done(), f.exception(), repr(f).split(' at ')[0])
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(10), chunksize=3)))
        print(list(ex.map(pair, 'abc', [1, 2, 3])))
        fs = [ex.submit(square, i) for i in range(8)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs)
        print(len(done), len(not_done))
        names = set(ex.map(name, range(30)))
        print(sorted(n.rstrip('0123456789') for n in names))

        f = ex.submit(fail, 3)
        try:
            f.result()
        except ValueError as e:
            print('raised:', e, type(e.__cause__).__name__, str(e.__cause__).splitlines()[-2])
        print(repr(f.exception()), 'state=finished raised ValueError' in repr(f))
        try:
            list(ex.map(fail, [1, 2]))
        except ValueError as e:
            print('map raised:', e)
        f = ex.submit(exits, 4)
        print('SystemExit in a task:', repr(f.exception()))

        try:
            ex.submit(lambda: 1).result()
        except Exception as e:
            print(type(e).__name__, str(e).split(' at 0x')[0], type(e.__cause__).__name__)
        try:
            list(ex.map(lambda x: x, range(2)))
        except Exception as e:
            print(type(e).__name__, str(e).split(' at 0x')[0])
        callback = []
        f = ex.submit(square, 5)
        f.add_done_callback(lambda fut: callback.append(fut.result()))
        f.result()
        time.sleep(0.05)
        print('callback:', callback)

    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print('RuntimeError', e)

    ex = ProcessPoolExecutor(max_workers=1)
    f = ex.submit(die, 0)
    try:
        f.result(timeout=10)
    except BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    try:
        ex.submit(square, 1)
    except BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    ex.shutdown()

    ex = ProcessPoolExecutor(max_workers=1)
    fs = [ex.submit(slow, i) for i in range(6)]
    deadline = time.time() + 5
    while not fs[0].running() and not fs[0].done() and time.time() < deadline:
        time.sleep(0.01)
    ex.shutdown(wait=True, cancel_futures=True)
    print('cancel_futures:', sum(f.cancelled() for f in fs) >= 3,
          [f.result() for f in fs if not f.cancelled()][:1])

    ex = ProcessPoolExecutor(max_workers=2)
    fs = [ex.submit(slow, i) for i in range(4)]
    ex.shutdown(wait=True)
    print('shutdown waits:', [f.result() for f in fs])
    for bad in (0, -1):
        try:
            ProcessPoolExecutor(max_workers=bad)
        except ValueError as e:
            print('ValueError', e)
    try:
        ProcessPoolExecutor(max_tasks_per_child=2, mp_context=mp.get_context('fork'))
    except ValueError as e:
        print('ValueError', e)
    try:
        ProcessPoolExecutor(initializer=5)
    except TypeError as e:
        print('TypeError', e)
    print('active children:', mp.active_children())
