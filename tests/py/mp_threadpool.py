# multiprocessing.pool.ThreadPool and multiprocessing.dummy: the same API
# on threads (nothing pickled, so lambdas work).
import time
import threading
from multiprocessing.pool import ThreadPool
from multiprocessing.dummy import Pool, Process, current_process, Queue, Pipe, active_children


def square(x):
    return x * x


def thread_name(_):
    time.sleep(0.01)
    return threading.current_thread().name.rstrip('0123456789')


if __name__ == '__main__':
    with ThreadPool(3) as pool:
        print(pool.map(square, range(10)), pool.apply(square, (4,)))
        print(sorted(pool.imap_unordered(square, range(5))), list(pool.imap(square, range(5))))
        print(pool.starmap(pow, [(2, 3), (3, 2)]), pool.map_async(square, [1, 2]).get())
        print(sorted(set(pool.map(thread_name, range(12)))))
        print(pool.map(lambda x: x + 1, range(3)))
        try:
            pool.map(lambda x: 1 / x, [1, 0])
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e)
        r = pool.apply_async(time.sleep, (0.05,))
        print(r.ready(), r.get(), r.ready(), r.successful())
    pool = ThreadPool(2)
    print(pool.map(square, range(4)))
    pool.close()
    pool.join()
    print(pool)
    with Pool(4) as pool:
        print(pool.map(square, range(8)))
    q = Queue()
    ps = [Process(target=q.put, args=(i,)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(q.get() for _ in ps), [p.exitcode for p in ps], current_process().name,
          active_children())
    a, b = Pipe()
    a.send('hello')
    print(b.recv(), b.poll())
