"""countdown: the GIL tutorials' CPU-bound loop, `while n > 0: n -= 1`."""
import sys


def countdown(n):
    while n > 0:
        n -= 1
    return n


N = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
print(countdown(N))
