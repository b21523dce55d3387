"""threads_sleep: start N threads that each sleep 0.1 s, then join them.
The wall time shows the cost of creating threads and of waking them; the
peak RSS, what one thread costs in memory."""
import sys
import threading
import time


def main(n):
    threads = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(n, "threads slept")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
