# Stress: creating and dropping objects shared between threads: a slot
# whose value is replaced while others read it, reference cycles made and
# dropped on every thread, and gc.collect() from several threads at once.
import gc
import threading

class Node:
    def __init__(self, value):
        self.value = value
        self.me = self        # a cycle: only the collector frees it
        self.data = [value] * 4

slot = [Node(0)]
start = threading.Barrier(6)
seen_bad = []

def replacer(tid):
    start.wait()
    for i in range(3000):
        slot[0] = Node(i)

def reader():
    start.wait()
    for i in range(3000):
        node = slot[0]
        if node.data != [node.value] * 4 or node.me is not node:
            seen_bad.append(node.value)

def collector():
    start.wait()
    for i in range(20):
        gc.collect()

threads = ([threading.Thread(target=replacer, args=(t,)) for t in range(2)] +
           [threading.Thread(target=reader) for _ in range(3)] +
           [threading.Thread(target=collector)])
for t in threads: t.start()
for t in threads: t.join()
print("slot:", type(slot[0]).__name__, slot[0].value in range(3000), seen_bad)

# Tuples, strings, ints and closures handed from thread to thread.
import queue
q = queue.Queue()
results = []
def producer(tid):
    for i in range(1000):
        q.put((tid, i, str(i) * 3, 10 ** 20 + i, lambda i=i: i))
    q.put(None)
def consumer():
    done = 0
    while done < 4:
        item = q.get()
        if item is None:
            done += 1
            continue
        tid, i, s, big, f = item
        results.append(s == str(i) * 3 and big - 10 ** 20 == i and f() == i)
threads = [threading.Thread(target=producer, args=(t,)) for t in range(4)] + [threading.Thread(target=consumer)]
for t in threads: t.start()
for t in threads: t.join()
print("handed over:", len(results), all(results))
gc.collect()
print("garbage:", gc.garbage)
