"""shared_counter.py: a counter shared by threads, protected by a Lock.

Four threads each add 1 to a global counter N times.  `counter += 1` is
a read, an addition and a write: without the lock two threads could read
the same value and one increment would be lost.  `with lock:` makes the
three steps one indivisible step, so the final count is always exactly
4 * N.  (Under a GIL the unprotected version often happens to work too;
that is an accident of where the interpreter switches threads, not a
guarantee, and it fails on a free-threaded interpreter.)

Usage: shared_counter.py [N]     (default 100_000)
"""

import sys
import threading
import time

counter = 0
lock = threading.Lock()


def increment(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    threads = [threading.Thread(target=increment, args=(n,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print(f"final counter: {counter} (expected {4 * n})")
    print(f"time: {elapsed:.2f} s")


if __name__ == '__main__':
    main()
