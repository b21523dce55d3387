"""tutorial_six_parts.py: the threading-vs-multiprocessing experiment.

Many tutorials run the same two tasks in six ways and time them:
an I/O-bound task, io_bound(sec), which only sleeps, and a CPU-bound
task, cpu_bound(n), which counts down from n.  Each task prints which
process and which thread runs it.

  part 1  io_bound twice, one after the other      ~ 2 * sec
  part 2  io_bound in two threads                  ~ sec      (sleeps overlap)
  part 3  cpu_bound twice, one after the other     ~ 2 * T
  part 4  cpu_bound in two threads                 ~ 2 * T    (the GIL!)
  part 5  cpu_bound in two processes               ~ T        (two cores)
  part 6  io_bound in two processes                ~ sec

Usage: tutorial_six_parts.py PART [COUNT] [SECONDS]
       (defaults: COUNT 20_000_000, SECONDS 1)

Parts 5 and 6 start processes (multiprocessing, fork): their pids differ
from the parent's and each reports "MainThread" of "Process-1"/"Process-2".
"""

import os
import sys
import time
from threading import Thread, current_thread
from multiprocessing import Process, current_process


def describe():
    """"pid * process name * thread name", to see who runs a task."""
    return f"{os.getpid()} * {current_process().name} * {current_thread().name}"


def io_bound(sec):
    print(f"{describe()} ---> Start sleeping...")
    time.sleep(sec)
    print(f"{describe()} ---> Finished sleeping...")


def cpu_bound(n):
    print(f"{describe()} ---> Start counting...")
    while n > 0:
        n -= 1
    print(f"{describe()} ---> Finished counting...")


def run_in(kind, func, arg):
    """Run func(arg) twice at the same time, in two Threads or two
    Processes, and wait for both."""
    workers = [kind(target=func, args=(arg,)), kind(target=func, args=(arg,))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ('1', '2', '3', '4', '5', '6'):
        print(__doc__)
        sys.exit(2)
    part = int(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000_000
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0

    start = time.time()
    if part == 1:
        io_bound(seconds)
        io_bound(seconds)
    elif part == 2:
        run_in(Thread, io_bound, seconds)
    elif part == 3:
        cpu_bound(count)
        cpu_bound(count)
    elif part == 4:
        run_in(Thread, cpu_bound, count)
    else:
        func, arg = (cpu_bound, count) if part == 5 else (io_bound, seconds)
        run_in(Process, func, arg)
    end = time.time()
    print('Time taken in seconds -', end - start)


if __name__ == "__main__":
    main()
