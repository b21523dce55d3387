"""mp_tutorial_part6.py: an I/O-bound task in two processes.

Part 6 of the threading-vs-multiprocessing tutorials: io_bound(sec),
which only sleeps, runs in two child processes.  The sleeps overlap, so
the whole takes about `sec` seconds, as with two threads; but a process
costs far more to start than a thread (a copy of the interpreter, a new
address space), so threads are the right tool for waiting.

Usage: mp_tutorial_part6.py [SECONDS]    (default 1)
"""

import os
import sys
import time
from threading import current_thread
from multiprocessing import Process, current_process


def io_bound(sec):
    who = f"{os.getpid()} * {current_process().name} * {current_thread().name}"
    print(f"{who} ---> Start sleeping...")
    time.sleep(sec)
    print(f"{who} ---> Finished sleeping...")


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    start = time.time()
    p1 = Process(target=io_bound, args=(seconds,))
    p2 = Process(target=io_bound, args=(seconds,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    end = time.time()
    print('Time taken in seconds -', end - start)


if __name__ == "__main__":
    main()
