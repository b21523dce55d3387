"""mp_tutorial_part5.py: a CPU-bound task in two processes.

Part 5 of the threading-vs-multiprocessing tutorials: cpu_bound(n), a
loop that counts down from n, runs in two child processes at once.  Each
process has its own interpreter and its own GIL, so on two cores the two
loops really run in parallel: the whole takes about as long as one loop,
where two threads take as long as two loops (the GIL lets only one of
them run at a time).  Each line shows pid * process name * thread name:
the children are Process-1 and Process-2, each in its MainThread.

Usage: mp_tutorial_part5.py [COUNT]      (default 20_000_000)
"""

import os
import sys
import time
from threading import current_thread
from multiprocessing import Process, current_process


def cpu_bound(n):
    who = f"{os.getpid()} * {current_process().name} * {current_thread().name}"
    print(f"{who} ---> Start counting...")
    while n > 0:
        n -= 1
    print(f"{who} ---> Finished counting...")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    start = time.time()
    p1 = Process(target=cpu_bound, args=(count,))
    p2 = Process(target=cpu_bound, args=(count,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    end = time.time()
    print('Time taken in seconds -', end - start)


if __name__ == "__main__":
    main()
