# Ctrl-C (SIGINT) in the parent while it waits for a Pool, a Process and a
# Queue: KeyboardInterrupt reaches the main thread, the pool is torn down,
# and no child is left behind.
import os
import time
import signal
import threading
import multiprocessing as mp


def children_left():
    me = os.getpid()
    n = 0
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open('/proc/%s/stat' % entry) as f:
                    fields = f.read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                n += 1
    return n


def slow(x):
    time.sleep(5)
    return x


def interrupt_soon():
    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()


if __name__ == '__main__':
    interrupt_soon()
    try:
        with mp.Pool(2) as pool:
            pool.map(slow, range(4))
    except KeyboardInterrupt:
        print('KeyboardInterrupt in Pool.map')
    p = mp.Process(target=slow, args=(1,))
    p.start()
    interrupt_soon()
    try:
        p.join()
    except KeyboardInterrupt:
        print('KeyboardInterrupt in join, child alive:', p.is_alive())
    p.terminate()
    p.join()
    print('child exit code:', p.exitcode)
    q = mp.Queue()
    interrupt_soon()
    try:
        q.get()
    except KeyboardInterrupt:
        print('KeyboardInterrupt in Queue.get')
    lock = mp.Lock()
    lock.acquire()
    interrupt_soon()
    try:
        lock.acquire()
    except KeyboardInterrupt:
        print('KeyboardInterrupt in Lock.acquire')
    time.sleep(0.1)
    print('children left:', children_left())
