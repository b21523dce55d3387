"""threads_wakeup: how late a thread sleeping 1 ms wakes up while another
thread runs a CPU-bound loop.  With a GIL the sleeper must also wait for the
lock (up to the switch interval, 5 ms); without one it runs at once.
Prints the median and 99th percentile lateness in milliseconds as
`BENCH name value` lines, which bench/harness.py collects."""
import sys
import threading
import time


def spin(stop):
    n = 0
    while not stop:
        n += 1
    return n


def main(samples):
    stop = []
    cpu = threading.Thread(target=spin, args=(stop,))
    cpu.start()
    time.sleep(0.01)
    late = []
    for _ in range(samples):
        t0 = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - t0 - 0.001) * 1000.0)
    stop.append(1)
    cpu.join()
    late.sort()
    print("BENCH wakeup_p50_ms %.3f" % late[len(late) // 2])
    print("BENCH wakeup_p99_ms %.3f" % late[min(len(late) - 1, len(late) * 99 // 100)])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
