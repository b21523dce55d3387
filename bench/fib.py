"""fib: recursive Fibonacci, a benchmark of Python function calls."""
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
print(fib(N))
