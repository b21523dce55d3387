"""threads_countdown: two countdowns run one after the other (`seq`) or in
two threads at once (`par`).  With a GIL the two take about as long as
the sequential run; without one, about half as long on two cores."""
import sys
import threading


def countdown(n):
    while n > 0:
        n -= 1
    return n


def main(mode, n):
    if mode == "seq":
        results = [countdown(n), countdown(n)]
    else:
        results = [None, None]

        def work(k):
            results[k] = countdown(n)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    print(mode, results)


main(sys.argv[1] if len(sys.argv) > 1 else "seq", int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000)
