# 200 threads started at once, all joined; shared list, dict and counter.
import threading

N = 200
lock = threading.Lock()
start = threading.Event()
counter = 0
names = []
by_index = {}

def work(i):
    global counter
    start.wait()
    for _ in range(50):
        with lock:
            counter += 1
    names.append(threading.current_thread().name)
    by_index[i] = i * i

threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
print("alive before the start signal:", threading.active_count())
start.set()
for t in threads:
    t.join()
print("counter:", counter)
print("names:", len(names), len(set(names)), sorted(names)[:3])
print("dict:", len(by_index), sum(by_index.values()) == sum(i * i for i in range(N)))
print("alive after join:", threading.active_count(), [t.is_alive() for t in threads].count(True))
idents = {t.ident for t in threads}
print("idents recorded:", len(idents) >= 1, None not in idents)

# Threads that start threads.
results = []
def spawner(depth):
    if depth == 0:
        results.append(1)
        return
    kids = [threading.Thread(target=spawner, args=(depth - 1,)) for _ in range(2)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()
spawner(5)
print("tree of threads:", len(results))

# Many threads joining (and polling) the same thread at once.
gate = threading.Event()
target = threading.Thread(target=gate.wait)
target.start()
joined = []
def joiner(i):
    if i % 2:
        while target.is_alive():
            pass
    else:
        target.join()
    joined.append(i)
joiners = [threading.Thread(target=joiner, args=(i,)) for i in range(10)]
for j in joiners:
    j.start()
gate.set()
for j in joiners:
    j.join()
print("joiners:", sorted(joined), target.is_alive())
