"""five_way.py: one CPU-bound job, five ways to run it, one table.

The job is TASKS calls of work(n) (a counting loop).  It runs:
  Sequential              one call after the other
  Threading (manual)      one threading.Thread per call
  ThreadPoolExecutor      concurrent.futures with 4 threads
  Multiprocessing (Pool)  multiprocessing.Pool, one worker per core
  ProcessPoolExecutor     concurrent.futures with one process per core
and prints each time and its speed-up over the sequential run.  In the
GIL build threads bring nothing for CPU-bound work (only one runs Python
at a time) while processes use every core; in the free-threaded build
(minipyt) threads scale too.  Every way must compute the same total,
which the last line checks.

Usage: five_way.py [TASKS] [N]      (defaults: 8 tasks, N = 2_000_000)
"""

import os
import sys
import time
import threading
import multiprocessing
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def work(n):
    total = 0
    while n > 0:
        total += n & 7
        n -= 1
    return total


def sequential(tasks, n):
    return [work(n) for _ in range(tasks)]


def threads(tasks, n):
    results = [None] * tasks

    def run(i):
        results[i] = work(n)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(tasks)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return results


def thread_pool(tasks, n):
    with ThreadPoolExecutor(max_workers=4) as executor:
        return list(executor.map(work, [n] * tasks))


def process_pool(tasks, n):
    with multiprocessing.Pool() as pool:
        return pool.map(work, [n] * tasks)


def process_pool_executor(tasks, n):
    with ProcessPoolExecutor() as executor:
        return list(executor.map(work, [n] * tasks))


METHODS = [
    ("Sequential", sequential),
    ("Threading (manual)", threads),
    ("ThreadPoolExecutor", thread_pool),
    ("Multiprocessing (Pool)", process_pool),
    ("ProcessPoolExecutor", process_pool_executor),
]


def main():
    tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
    print(f"{tasks} tasks of work({n:,}) on {os.cpu_count()} CPUs")
    print(f"{'method':<24} {'time':>9} {'speed-up':>9}")
    print("-" * 44)
    baseline = None
    totals = set()
    for name, method in METHODS:
        start = time.perf_counter()
        results = method(tasks, n)
        elapsed = time.perf_counter() - start
        totals.add(sum(results))
        if baseline is None:
            baseline = elapsed
        print(f"{name:<24} {elapsed:8.3f}s {baseline / elapsed:8.2f}x")
    print("-" * 44)
    print("same result every way:", len(totals) == 1)


if __name__ == '__main__':
    main()
