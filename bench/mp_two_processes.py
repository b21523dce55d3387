"""mp_two_processes: the countdown loop twice, sequentially and in two
processes, and the speed-up (target on 2 cores: at least 1.8x).

Each process has its own interpreter and GIL, so the two loops run in
parallel; the cost is starting the processes (fork) and collecting them.
This is a measurement, not a test: the numbers depend on the machine
and its load.

Usage: mp_two_processes.py [N] [ROUNDS]   (defaults: 20_000_000, 3; the
       best of ROUNDS rounds of each way is kept)
       mp_two_processes.py seq|par [N]  one run of one way, timed from
       outside (the protocol of bench/harness.py's PAIRS)
"""
import sys
import time
import multiprocessing


def countdown(n):
    while n > 0:
        n -= 1


def sequential(n):
    countdown(n)
    countdown(n)


def two_processes(n):
    ps = [multiprocessing.Process(target=countdown, args=(n,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()


def best_of(rounds, fn, n):
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        fn(n)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ('seq', 'par'):
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
        (sequential if sys.argv[1] == 'seq' else two_processes)(n)
        print(sys.argv[1], n)
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    seq = best_of(rounds, sequential, n)
    par = best_of(rounds, two_processes, n)
    print(f"countdown({n:,}) twice")
    print(f"sequential     {seq:7.3f} s")
    print(f"two processes  {par:7.3f} s")
    print(f"speed-up       {seq / par:7.2f}x")


if __name__ == '__main__':
    main()
