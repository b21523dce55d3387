# Stress: threads mutating one instance's attributes (own names, a shared
# counter under a lock, adding and deleting), and one class's attributes.
import threading

class Box:
    pass

def run(nthreads, n):
    box = Box()
    box.total = 0
    lock = threading.Lock()
    start = threading.Barrier(nthreads)
    def worker(tid):
        start.wait()
        name = "a%d" % tid
        for i in range(n):
            setattr(box, name, i)
            with lock:
                box.total += 1
            tmp = "tmp%d_%d" % (tid, i % 7)
            setattr(box, tmp, i)
            if hasattr(box, tmp):
                delattr(box, tmp)
            getattr(box, "a%d" % ((tid + 1) % nthreads), None)
            if i % 500 == 0:
                vars(box).copy()
    threads = [threading.Thread(target=worker, args=(t,)) for t in range(nthreads)]
    for t in threads: t.start()
    for t in threads: t.join()
    v = vars(box)
    print(nthreads, "threads:", box.total == nthreads * n,
          sorted(k for k in v if k.startswith("a")) == sorted("a%d" % t for t in range(nthreads)),
          {v["a%d" % t] for t in range(nthreads)} == {n - 1},
          [k for k in v if k.startswith("tmp")])

for n in (2, 4, 8):
    run(n, 1500)

# Class attributes changing while instances read them (method cache).
class C:
    value = 0
    def get(self):
        return self.value
def writer():
    for i in range(2000):
        C.value = i
def reader(out):
    c = C()
    for i in range(2000):
        out.append(c.get() <= 1999)
out = []
threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader, args=(out,)) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print("class attrs:", C.value, len(out), all(out))
