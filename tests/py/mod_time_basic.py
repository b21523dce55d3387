# time: the calls tutorials make (values that do not depend on the clock).
import time
start = time.time()
t0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
elapsed = time.time() - start
print(type(start).__name__, elapsed >= 0.009, elapsed < 5)
print(time.perf_counter() - t0 >= 0.009, time.monotonic() >= m0, type(time.perf_counter_ns()).__name__)
print(isinstance(time.time_ns(), int), time.time_ns() > 1_600_000_000 * 10**9)
print(f"Time taken: {elapsed:.0f}s" if elapsed < 0.5 else "slow")
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, tuple(g)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S", g), time.strftime("%a %b %d", time.gmtime(86400 * 365)))
print(time.gmtime(1_700_000_000)[:6], time.mktime(time.localtime(100)) == 100.0)
print(time.asctime(time.gmtime(0)), type(time.localtime()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__, e)
