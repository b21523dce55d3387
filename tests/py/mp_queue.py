# multiprocessing queues: Queue between processes (a producer, several
# consumers), timeouts, maxsize, JoinableQueue, SimpleQueue, big items.
import queue
import multiprocessing as mp


def producer(q, n):
    for i in range(n):
        q.put(('item', i))
    q.put(None)


def consumer(q, out):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item[1]
    out.put(('total', total))


def squarer(tasks, results):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        results.put(n * n)
        tasks.task_done()


def big_sender(q):
    q.put(b'x' * 1000000)
    q.put([list(range(1000))] * 50)
    q.put('end')


def simple_worker(sq):
    sq.put(sq.get() * 2)


if __name__ == '__main__':
    q = mp.Queue()
    out = mp.Queue()
    p = mp.Process(target=producer, args=(q, 1000))
    c = mp.Process(target=consumer, args=(q, out))
    p.start()
    c.start()
    p.join()
    c.join()
    print(out.get(), p.exitcode, c.exitcode)

    # The parent puts much more than a pipe holds before anyone reads:
    # put() returns at once (the feeder thread waits for the readers).
    tasks = mp.JoinableQueue()
    results = mp.Queue()
    for n in range(2000):
        tasks.put(n)
    workers = [mp.Process(target=squarer, args=(tasks, results)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        tasks.put(None)
    tasks.join()
    got = sorted(results.get() for _ in range(2000))
    print(len(got), got[:5], got[-1], sum(got))
    for w in workers:
        w.join()
    try:
        tasks.task_done()
    except ValueError as e:
        print('ValueError', e)

    q = mp.Queue()
    s = mp.Process(target=big_sender, args=(q,))
    s.start()
    a = q.get()
    b = q.get()
    print(len(a), len(b), len(b[0]), q.get())
    s.join()

    q = mp.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    print(q.full(), q.qsize())
    try:
        q.put(3, timeout=0.05)
    except queue.Full:
        print('queue.Full')
    try:
        q.put_nowait(3)
    except queue.Full:
        print('queue.Full (nowait)')
    print(q.get(), q.get(timeout=1))
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('queue.Empty')
    try:
        q.get_nowait()
    except queue.Empty:
        print('queue.Empty (nowait)')
    print(q.empty(), q.qsize())
    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError as e:
        print('ValueError', str(e).split(' ')[0], str(e).split(' ')[-1])

    sq = mp.SimpleQueue()
    w = mp.Process(target=simple_worker, args=(sq,))
    w.start()
    sq.put(21)
    w.join()
    print(sq.get(), sq.empty())
    sq.close()

    import pickle
    for thing in (mp.Queue(), mp.SimpleQueue(), mp.JoinableQueue()):
        try:
            pickle.dumps(thing)
        except RuntimeError as e:
            print('RuntimeError', e)
