"""pool_map.py: ThreadPoolExecutor.map, the easy way to use threads.

Eight "downloads" (each just sleeps, as a network request would wait)
run on a pool of 4 worker threads.  executor.map() hands the calls to
the workers and gives back the results in the order of the inputs,
whatever order they finish in.  The `with` block waits for every call
before going on.  Eight waits of 0.2 s take about 0.4 s: two rounds of
four overlapping waits.

Usage: pool_map.py [SECONDS]     (default 0.2 per call)
"""

import sys
import time
from concurrent.futures import ThreadPoolExecutor


def fake_download(url, seconds):
    time.sleep(seconds)
    return len(url)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
    urls = [f"https://example.org/page/{i}" for i in range(8)]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as executor:
        sizes = list(executor.map(fake_download, urls, [seconds] * len(urls)))
    elapsed = time.perf_counter() - start
    print(f"Page sizes: {sizes}")
    print(f"8 calls of {seconds} s on 4 threads: {elapsed:.2f} s "
          f"(sequential would take {8 * seconds:.2f} s)")


if __name__ == '__main__':
    main()
