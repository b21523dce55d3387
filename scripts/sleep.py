"""sleep.py: threads that wait overlap, even under the GIL.

io_bound(sec) stands for any call that waits (a network request, a disk
read): it just sleeps.  We make N such calls one after the other, then
in N threads started together, and compare the wall-clock times.

time.sleep() releases the GIL while the thread sleeps (like every
blocking call: file and socket I/O, lock waits, join), so the other
threads run, or sleep, meanwhile: N threads finish in about `sec`
seconds instead of N * sec.  This is why threads help I/O-bound programs
in CPython and minipy alike.

Usage: sleep.py [SECONDS] [N]     (defaults: 0.5 seconds, 2 calls)
Runs unchanged on python3 and on minipy.
"""

import sys
import time
from threading import Thread


def io_bound(sec):
    time.sleep(sec)


def explain(ratio, count):
    """One line that says what the ratio means."""
    if ratio <= 1.5 / count:
        return ("Sleeping threads release the GIL: the waits overlap, "
                f"{count} calls take the time of one.")
    return "The waits did not overlap: is the GIL released while sleeping?"


def main():
    sec = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2

    start = time.perf_counter()
    for _ in range(count):
        io_bound(sec)
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    threads = [Thread(target=io_bound, args=(sec,)) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    threaded = time.perf_counter() - start

    ratio = threaded / sequential if sequential > 0 else float('nan')
    print(f"io_bound({sec}) {count} times:")
    print(f"  sequential: {sequential:.3f} s  (one call after the other)")
    print(f"  threaded:   {threaded:.3f} s  ({count} threads started together)")
    print(f"  ratio threaded/sequential: {ratio:.2f}")
    print(f"  -> {explain(ratio, count)}")


if __name__ == '__main__':
    main()
