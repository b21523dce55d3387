"""two_threads.py: two threads counting down, small enough for -X trace."""
import sys
import threading


def count(n):
    while n > 0:
        n -= 1


sys.setswitchinterval(0.0001)   # switch every 0.1 ms, so the turns show
threads = [threading.Thread(target=count, args=(3000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
