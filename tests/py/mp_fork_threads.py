# Starting processes while other threads of the parent run (and hold the
# GIL, or print): the children start with only the forking thread, and
# everything keeps working in both processes.
import sys
import threading
import multiprocessing as mp

stop = threading.Event()


def spin(counter):
    while not stop.is_set():
        counter[0] += 1


def chatter():
    while not stop.is_set():
        sys.stderr.write('')


def report(q, i):
    q.put((i, mp.current_process().name, threading.current_thread().name,
           threading.active_count()))


def square(x):
    return x * x


if __name__ == '__main__':
    counter = [0]
    threads = [threading.Thread(target=spin, args=(counter,)),
               threading.Thread(target=chatter)]
    for t in threads:
        t.start()
    q = mp.Queue()
    ps = [mp.Process(target=report, args=(q, i)) for i in range(10)]
    for p in ps:
        p.start()
    results = sorted(q.get(timeout=20) for _ in ps)
    for p in ps:
        p.join()
    print(results[0], results[-1], [p.exitcode for p in ps])
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        # A process started from a thread other than the main one.
        out = []
        t = threading.Thread(target=lambda: out.append(pool.map(square, [7])))
        t.start()
        t.join()
        print(out)
    box = []

    def start_from_thread():
        p = mp.Process(target=report, args=(q, 99))
        p.start()
        p.join()
        box.append(q.get(timeout=20))

    t = threading.Thread(target=start_from_thread, name='starter')
    t.start()
    t.join()
    print(box[0][0], box[0][1], box[0][3])
    stop.set()
    for t in threads:
        t.join()
    print('spinner ran:', counter[0] > 0)
