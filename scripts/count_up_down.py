"""count_up_down.py: two CPU-bound loops, run three ways.

count_up() and count_down() each add up the numbers below N.  The
tutorials run them:
  sequential   one after the other in the main thread      ~ 2 T
  threads      in two threads                              ~ 2 T (the GIL)
  processes    in two processes                            ~ T on 2 cores
and compare the times.  On the free-threaded build (minipyt) the
threads variant also runs in parallel.

Usage: count_up_down.py [sequential|threads|processes|all] [N]
       (defaults: all, N = 10_000_000)
"""

import sys
import time
import threading
import multiprocessing


def count_up(n):
    count = 0
    for i in range(n):
        count = count + i
    return count


def count_down(n):
    count = 0
    for i in range(n - 1, -1, -1):
        count = count + i
    return count


def sequential(n):
    count_up(n)
    count_down(n)


def with_threads(n):
    t1 = threading.Thread(target=count_up, args=(n,))
    t2 = threading.Thread(target=count_down, args=(n,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()


def with_processes(n):
    p1 = multiprocessing.Process(target=count_up, args=(n,))
    p2 = multiprocessing.Process(target=count_down, args=(n,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()


VARIANTS = {'sequential': sequential, 'threads': with_threads, 'processes': with_processes}


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else 'all'
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    if which != 'all' and which not in VARIANTS:
        sys.exit(f"usage: {sys.argv[0]} [sequential|threads|processes|all] [N]")
    names = list(VARIANTS) if which == 'all' else [which]
    times = {}
    for name in names:
        start = time.time()
        VARIANTS[name](n)
        times[name] = time.time() - start
        print(f"{name:<11} {times[name]:7.3f} s")
    if 'sequential' in times:
        for name in names[1:]:
            print(f"{name} vs sequential: {times['sequential'] / times[name]:.2f}x")


if __name__ == "__main__":
    main()
