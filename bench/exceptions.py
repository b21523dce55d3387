"""exceptions: raising and catching in a loop: built-in errors from
operations, user exception classes, try/finally, and with statements."""
import sys


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Guard:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        return exc_type is KeyError


def check(i):
    if i % 3 == 0:
        raise AppError(i)
    return i


def run(n):
    total = 0
    d = {"a": 1}
    guard = Guard()
    for i in range(n):
        try:
            total += check(i)
        except AppError as e:
            total += e.code % 7
        try:
            total += d["b"]
        except KeyError:
            total += 1
        try:
            total += int("x%d" % i) if i % 5 == 0 else i // (i % 4)
        except (ValueError, ZeroDivisionError):
            total += 2
        finally:
            total += 1
        with guard:
            if i % 2:
                raise KeyError(i)
    return total + guard.entered


N = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
print(run(N))
