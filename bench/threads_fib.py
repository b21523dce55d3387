"""threads_fib: two recursive fib(n) computations, sequential (`seq`) or in
two threads (`par`): function calls and frames on two threads at once."""
import sys
import threading


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main(mode, n):
    if mode == "seq":
        results = [fib(n), fib(n)]
    else:
        results = [None, None]

        def work(k):
            results[k] = fib(n)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    print(mode, results)


main(sys.argv[1] if len(sys.argv) > 1 else "seq", int(sys.argv[2]) if len(sys.argv) > 2 else 28)
