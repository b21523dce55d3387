# Stress: threads adding to, discarding from and testing one set.
import threading

def run(nthreads, n):
    s = set()
    start = threading.Barrier(nthreads)
    def worker(tid):
        start.wait()
        for i in range(n):
            s.add(i)                    # overlapping: every thread adds 0..n-1
            s.add(("t", tid, i))        # disjoint
            if i % 4 == 0:
                s.discard(("t", tid, i))
            if i % 100 == 0:
                (i in s), len(s), frozenset(s) if i % 1000 == 0 else None
    threads = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
    for t in threads: t.start()
    for t in threads: t.join()
    ints = {x for x in s if type(x) is int}
    tagged = {x for x in s if type(x) is tuple}
    print(nthreads, "threads:", ints == set(range(n)),
          tagged == {("t", t, i) for t in range(nthreads) for i in range(n) if i % 4},
          len(s))

for n in (2, 4, 8):
    run(n, 2000)

# Set algebra on shared sets while they change.
a = set(range(1000))
b = set(range(500, 1500))
def algebra():
    for i in range(300):
        a | b, a & b, a - b, a ^ b
        a.add(2000 + i)
        b.discard(2000 + i)
threads = [threading.Thread(target=algebra) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("algebra:", len(a), len(b), sorted(a - set(range(1000)))[:3])
