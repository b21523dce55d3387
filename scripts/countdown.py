"""countdown.py: what the GIL does to CPU-bound threads.

The classic experiment of David Beazley's GIL talks.  countdown(n) is a
pure-Python loop that never waits for anything.  We run it twice, one
call after the other, then twice at the same time in two threads, and
compare the wall-clock times.

With a GIL (CPython, build/minipy) only one thread executes bytecode at
any moment; the two threads take turns (the waiting one asks the running
one to let go every 5 ms), so the threaded run takes about as long as the
sequential one, often a little longer.  Without a GIL (a free-threaded
interpreter on a machine with two idle cores) the two loops really run at
once and the threaded run takes about half the time.

Usage: countdown.py [N] [--processes]
       (N default: $COUNTDOWN_N, else 20_000_000; --processes also runs
       the two calls in two processes, which have a GIL each)
Runs unchanged on python3 and on minipy.
"""

import os
import sys
import time
from threading import Thread


def countdown(n):
    while n > 0:
        n -= 1


def gil_enabled():
    """True unless this is a free-threaded interpreter running without its
    GIL (sys._is_gil_enabled exists since CPython 3.13)."""
    check = getattr(sys, '_is_gil_enabled', None)
    return True if check is None else check()


def explain(ratio):
    """One line that says what the ratio means."""
    if ratio >= 0.8:
        return ("CPU-bound threads take turns under the GIL: no speed-up "
                "(only one thread runs Python code at a time).")
    if ratio <= 0.65:
        return ("The two threads ran in parallel on two cores: "
                "this interpreter has no GIL in the way.")
    return "Some overlap, but not a full 2x: the threads were partly serialised."


def in_two_processes(n):
    """The two calls in two processes (multiprocessing, fork): each has
    its own interpreter and its own GIL.  Returns the wall time."""
    from multiprocessing import Process
    start = time.perf_counter()
    p1 = Process(target=countdown, args=(n,))
    p2 = Process(target=countdown, args=(n,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    return time.perf_counter() - start


def main():
    args = [a for a in sys.argv[1:] if a != '--processes']
    if args:
        n = int(args[0])
    else:
        n = int(os.environ.get('COUNTDOWN_N', '20_000_000'))

    start = time.perf_counter()
    countdown(n)
    countdown(n)
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    t1 = Thread(target=countdown, args=(n,))
    t2 = Thread(target=countdown, args=(n,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    threaded = time.perf_counter() - start

    ratio = threaded / sequential if sequential > 0 else float('nan')
    gil = "on" if gil_enabled() else "off"
    print(f"countdown({n:,}) twice, GIL {gil}:")
    print(f"  sequential: {sequential:.3f} s  (one call after the other)")
    print(f"  threaded:   {threaded:.3f} s  (two threads started together)")
    print(f"  ratio threaded/sequential: {ratio:.2f}")
    print(f"  -> {explain(ratio)}")
    if '--processes' in sys.argv[1:]:
        processes = in_two_processes(n)
        print(f"  processes:  {processes:.3f} s  (two processes started together)")
        print(f"  ratio processes/sequential: {processes / sequential:.2f}")


if __name__ == '__main__':
    main()
