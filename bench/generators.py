"""generators: generator functions, generator expressions, list/dict/set
comprehensions, and the builtins that consume them."""
import sys


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def pairs(n):
    i = 0
    while i < n:
        yield i, i * i
        i += 1


def run(n):
    total = sum(evens(numbers(n)))
    total += sum(x * 2 for x in range(n))
    total += len([x for x in range(n) if x % 3 == 0])
    total += len({x % 1000: x for x in range(n // 2)})
    total += len({x % 777 for x in range(n // 2)})
    total += sum(b - a for a, b in pairs(n // 4))
    total += max(x % 1013 for x in numbers(n // 2))
    matrix = [[i * j for j in range(30)] for i in range(n // 300)]
    total += sum(sum(row) for row in matrix)
    return total


N = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
print(run(N))
