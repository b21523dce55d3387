# Stress: threads starting threads (a tree), and thousands of short-lived
# threads, each leaving an exact trace.
import threading

results = []
lock = threading.Lock()

def tree(depth, path):
    with lock:
        results.append(path)
    if depth == 0:
        return
    kids = [threading.Thread(target=tree, args=(depth - 1, path + (k,))) for k in range(3)]
    for t in kids: t.start()
    for t in kids: t.join()

tree(4, ())
print("tree:", len(results), len(set(results)), max(len(p) for p in results))

count = [0]
def short(i):
    with lock:
        count[0] += i
total = 0
for batch in range(40):
    threads = [threading.Thread(target=short, args=(batch * 50 + i,)) for i in range(50)]
    for t in threads: t.start()
    for t in threads: t.join()
print("short-lived:", count[0] == sum(range(2000)), threading.active_count())

# Threads that start a thread and do not wait for it; the main thread
# joins everything through enumerate().
def spawner(i):
    threading.Thread(target=short, args=(i,)).start()
before = count[0]
threads = [threading.Thread(target=spawner, args=(i,)) for i in range(100)]
for t in threads: t.start()
for t in threads: t.join()
for t in threading.enumerate():
    if t is not threading.main_thread():
        t.join()
print("fire and forget:", count[0] - before == sum(range(100)), threading.active_count())
