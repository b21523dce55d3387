# multiprocessing.Pool: every way to hand it work, results in order,
# callbacks, chunking, worker names, errors raised in the parent,
# close/join/terminate and the `with` block.
import os
import time
import multiprocessing as mp
from multiprocessing.pool import RemoteTraceback


def square(x):
    return x * x


def add(a, b):
    return a + b


def whoami(_):
    time.sleep(0.01)
    return mp.current_process().name


def fail_on_3(x):
    if x == 3:
        raise ValueError('three is bad')
    return x


def slow(x):
    time.sleep(0.2)
    return x


def get_pid(_):
    time.sleep(0.01)
    return os.getpid()


def init(value):
    global INITIALIZED
    INITIALIZED = value


def read_initialized(_):
    return INITIALIZED


def numbers(n):
    for i in range(n):
        if i == 3:
            raise KeyError('generator broke')
        yield i


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool)
        print(pool.map(square, range(10)))
        print(pool.map(square, []), pool.map(square, range(3), chunksize=1))
        print(pool.starmap(add, [(1, 2), (3, 4), ('a', 'b')]))
        print(pool.apply(add, (2, 3)), pool.apply(add, (), {'a': 1, 'b': 2}))
        r = pool.apply_async(square, (12,))
        print(r.get(timeout=5), r.ready(), r.successful())
        r = pool.map_async(square, range(5))
        r.wait()
        print(type(r).__name__, r.get())
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(sorted(pool.imap_unordered(square, range(6), chunksize=4)))
        it = pool.imap(square, iter([5, 6]))
        print(next(it), it.next(timeout=5), end=' ')
        try:
            next(it)
        except StopIteration:
            print('StopIteration')
        print(pool.starmap_async(add, [(1, 1), (2, 2)]).get())

        names = set(pool.map(whoami, range(40), chunksize=1))
        print(sorted(name.rstrip('0123456789') for name in names))
        pids = set(pool.map(get_pid, range(20), chunksize=1))
        print('worker pids:', len(pids), os.getpid() in pids)

        got = []
        r = pool.apply_async(square, (3,), callback=got.append)
        r.wait()
        r = pool.map_async(square, range(4), callback=got.append)
        r.wait()
        errors = []
        r = pool.apply_async(fail_on_3, (3,), error_callback=lambda e: errors.append(repr(e)))
        r.wait()
        time.sleep(0.05)
        print('callbacks:', got, errors, r.successful())

        # Exceptions are re-raised in the parent, chained to the worker's traceback.
        try:
            pool.map(fail_on_3, range(6))
        except ValueError as e:
            cause = e.__cause__
            print('map raised:', repr(e), type(cause).__name__, isinstance(cause, RemoteTraceback))
            print('remote traceback ends with:', str(cause).splitlines()[-2])
        try:
            pool.apply(fail_on_3, (3,))
        except ValueError as e:
            print('apply raised:', e)
        results = []
        try:
            for x in pool.imap(fail_on_3, range(5)):
                results.append(x)
        except ValueError as e:
            results.append('error: %s' % e)
        print(results)
        it = pool.imap(square, numbers(10))
        out = []
        try:
            for x in it:
                out.append(x)
        except KeyError as e:
            out.append('KeyError %s' % e)
        print(out)

        r = pool.apply_async(slow, (1,))
        try:
            r.successful()
        except ValueError as e:
            print('ValueError', str(e).split(' object')[0])
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError as e:
            print('TimeoutError', repr(e))
        print(r.get())

        # What cannot be pickled fails in the parent, with pickle's error.
        try:
            pool.map(lambda x: x, range(3))
        except Exception as e:
            print(type(e).__name__, str(e).split(' at 0x')[0])
        try:
            pool.apply(square, (mp.Lock(),))
        except RuntimeError as e:
            print('RuntimeError', e)

    try:
        pool.map(square, [1])
    except ValueError as e:
        print('after with:', e)

    pool = mp.Pool(processes=3, initializer=init, initargs=('ready',))
    print(pool.map(read_initialized, range(6)))
    try:
        pool.join()
    except ValueError as e:
        print('ValueError', e)
    pool.close()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print('ValueError', e)
    pool.join()
    print(pool)

    pool = mp.Pool(2, maxtasksperchild=2)
    pids = set(pool.map(get_pid, range(8), chunksize=1))
    print('maxtasksperchild=2: 8 tasks in', len(pids), 'processes')
    pool.close()
    pool.join()

    pool = mp.Pool(2)
    r = pool.map_async(slow, range(4))
    pool.close()
    pool.join()
    print('close waits for queued work:', r.get(0))

    pool = mp.Pool(2)
    pool.map_async(slow, range(10))
    start = time.time()
    pool.terminate()
    pool.join()
    print('terminate is quick:', time.time() - start < 5, pool)
    for bad in (0, -1):
        try:
            mp.Pool(bad)
        except ValueError as e:
            print('ValueError', e)
    for kwargs in ({'maxtasksperchild': 0}, {'initializer': 3}):
        try:
            mp.Pool(1, **kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    print('active children:', mp.active_children())
