# Stress: threads updating one dict: own keys, shared keys under a lock,
# setdefault, pop, and copies taken while others write.
import threading

def run(nthreads, n):
    d = {}
    lock = threading.Lock()
    start = threading.Barrier(nthreads)
    bad_copies = []

    def worker(tid):
        start.wait()
        for i in range(n):
            d[(tid, i)] = i * 2
            d.setdefault(("first", i), tid)
            with lock:
                d["counter"] = d.get("counter", 0) + 1
            if i % 3 == 0:
                d.pop((tid, i))
            if i % 200 == 0:
                snap = d.copy()
                for k, v in snap.items():
                    if type(k) is tuple and k[0] != "first" and v != k[1] * 2:
                        bad_copies.append((k, v))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
    for t in threads: t.start()
    for t in threads: t.join()
    own = sorted(k for k in d if type(k) is tuple and k[0] != "first")
    expected = sorted((t, i) for t in range(nthreads) for i in range(n) if i % 3)
    firsts = [k for k in d if type(k) is tuple and k[0] == "first"]
    print(nthreads, "threads:", own == expected, d["counter"] == nthreads * n,
          len(firsts) == n, all(d[k] in range(nthreads) for k in firsts), bad_copies)

for n in (2, 4, 8):
    run(n, 2000)

# Many threads deleting and re-adding the same keys; the dict ends full.
d = dict.fromkeys(range(100), 0)
def churn(tid):
    for r in range(50):
        for k in range(tid, 100, 4):
            del d[k]
            d[k] = r
threads = [threading.Thread(target=churn, args=(t,)) for t in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("churn:", sorted(d) == list(range(100)), set(d.values()))
