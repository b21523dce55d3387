# Threads sharing one bytearray and one deque: appends, pops, slices and
# iteration at once.  Every single operation is atomic (as in CPython), so
# the totals are exact.
import threading
from collections import deque

N_THREADS = 4
N = 3000

buf = bytearray()
dq = deque()
popped = []
lock = threading.Lock()
start = threading.Barrier(N_THREADS)

def work(k):
    start.wait()
    mine = []
    for i in range(N):
        buf.append(k)
        buf.extend(b"\x00\x01")
        dq.append((k, i))
        dq.appendleft(-1)
        try:
            dq.popleft()
        except IndexError:
            pass
        if i % 100 == 0:
            _ = bytes(buf[:50]), len(buf), sum(1 for _ in buf[:200])
            try:
                mine.append(dq.pop())
            except IndexError:
                pass
    with lock:
        popped.extend(mine)

threads = [threading.Thread(target=work, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("bytearray length:", len(buf), len(buf) == N_THREADS * N * 3)
print("bytes per value:", [buf.count(k) for k in range(N_THREADS)])
items = list(dq) + popped
minus = sum(1 for x in items if x == -1)
pairs = [x for x in items if x != -1]
print("deque: pairs + -1 markers == appends - pops:", len(pairs) + minus)
print("no duplicate pair:", len(set(pairs)) == len(pairs))
