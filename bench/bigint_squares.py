"""bigint_squares: a for-range loop summing squares.  The running total
leaves the 62-bit range part-way through, and the second loop squares
numbers that are big from the start, so both the small-int fast paths and
the overflow into arbitrary-precision ints are measured."""
import sys


def sum_squares(start, n):
    total = 0
    for i in range(start, start + n):
        total += i * i
    return total


N = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
a = sum_squares(0, N)
b = sum_squares(10**20, N // 4)
print(a, b % 1_000_000_007)
