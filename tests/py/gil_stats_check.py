"""gil_stats_check.py: two CPU-bound threads and a sleeping one.

Run normally (python3, or minipy without options) it only prints which
threads finished, so its output is compared with CPython's as usual.

Run as `minipy -X gilstats tests/py/gil_stats_check.py` (tests/demo_test.sh
does) it also checks that sys._gil_stats() adds up, and prints FAIL lines
on stderr and exits 1 if not:
  - every thread appears, under its threading name;
  - for a finished thread, running + waiting + blocked == lifetime;
  - its lifetime covers what the thread measured itself, with room to spare;
  - the sleeping thread was blocked at least as long as it slept;
  - with a GIL, threads never ran at the same time: all the running time
    together fits in the main thread's lifetime.
"""

import sys
import threading
import time


def spin(n):
    while n > 0:
        n -= 1


def nap():
    time.sleep(0.05)


measured = {}


def timed(name, fn, *args):
    def run():
        start = time.perf_counter()
        fn(*args)
        measured[name] = time.perf_counter() - start
    return threading.Thread(target=run, name=name)


threads = [timed('spin-1', spin, 300_000), timed('spin-2', spin, 300_000), timed('nap', nap)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finished:", sorted(measured))


def gil_stats():
    """The statistics, or None (CPython, or minipy without -X gilstats)."""
    try:
        return sys._gil_stats()
    except (AttributeError, RuntimeError):
        return None


stats = gil_stats()
if stats is not None:
    failures = []
    by_name = {s['name']: s for s in stats}
    for name in ['MainThread', 'spin-1', 'spin-2', 'nap']:
        if name not in by_name:
            failures.append(f"no statistics for {name}: {sorted(by_name)}")
    for s in stats:
        parts = s['running'] + s['waiting'] + s['blocked']
        if not s['alive'] and abs(parts - s['lifetime']) > 1e-6 + 1e-3 * s['lifetime']:
            failures.append(f"{s['name']}: running + waiting + blocked = {parts:.6f} s, "
                            f"lifetime {s['lifetime']:.6f} s")
        own = measured.get(s['name'])
        if own is not None and not (own <= s['lifetime'] + 1e-3 and s['lifetime'] < own + 0.5):
            failures.append(f"{s['name']}: lifetime {s['lifetime']:.6f} s, measured {own:.6f} s")
    if 'nap' in by_name and by_name['nap']['blocked'] < 0.045:
        failures.append(f"nap: blocked only {by_name['nap']['blocked']:.6f} s")
    if sys._is_gil_enabled():
        total = sum(s['running'] for s in stats)
        main = by_name.get('MainThread', {'lifetime': 0})['lifetime']
        if total > main + 0.002:
            failures.append(f"running {total:.6f} s in all, longer than the run ({main:.6f} s)")
        if sum(s['acquisitions'] for s in stats) < len(stats):
            failures.append("fewer GIL takes than threads")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    if failures:
        sys.exit(1)
