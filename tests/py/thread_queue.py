# queue: producers and consumers, bounded queues, timeouts, task_done/join,
# LIFO and priority order, SimpleQueue.
import queue
import threading
import time

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as e:
        print(what, "->", type(e).__name__, repr(e))

# The tutorial pattern: one producer, one consumer, a None sentinel.
q = queue.Queue()
received = []
def producer():
    for i in range(5):
        q.put(f"Message {i}")
    q.put(None)
def consumer():
    while True:
        message = q.get()
        if message is None:
            break
        received.append(message)
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print(received, q.empty(), q.qsize())

# Many producers, many consumers, a small bounded queue: every item
# arrives exactly once.
q = queue.Queue(maxsize=3)
totals = []
lock = threading.Lock()
def produce(base):
    for i in range(200):
        q.put(base + i)
def consume():
    total = 0
    count = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        total += item
        count += 1
        q.task_done()
    with lock:
        totals.append((count, total))
producers = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(3)]
consumers = [threading.Thread(target=consume) for _ in range(4)]
for t in producers + consumers: t.start()
for t in producers: t.join()
for _ in consumers: q.put(None)
q.join()
for t in consumers: t.join()
print("items:", sum(c for c, _ in totals), "sum:", sum(s for _, s in totals),
      "expected:", sum(k * 1000 + i for k in range(3) for i in range(200)))

# The worker pattern of the tutorials: daemon workers, q.join() waits.
# (Its own name: the daemon workers live on and must not pick up the
# queues the next parts bind to `q`.)
jobs = queue.Queue()
done = []
def worker():
    while True:
        job = jobs.get()
        with lock:
            done.append(job * job)
        jobs.task_done()
for _ in range(5):
    threading.Thread(target=worker, daemon=True).start()
for job in range(10):
    jobs.put(job)
jobs.join()
print("jobs:", sorted(done), jobs.unfinished_tasks)

# Non-blocking calls and timeouts.
q = queue.Queue(maxsize=1)
check("get_nowait on empty", q.get_nowait)
check("get timeout", lambda: q.get(timeout=0.02))
check("get block=False", lambda: q.get(False))
q.put("x")
print(q.full(), q.qsize(), q.empty())
check("put_nowait on full", lambda: q.put_nowait("y"))
check("put timeout", lambda: q.put("y", timeout=0.02))
check("put block=False", lambda: q.put("y", False))
check("negative timeout put", lambda: q.put("y", timeout=-1))
check("get", q.get)
check("negative timeout get", lambda: q.get(timeout=-1))
check("task_done", q.task_done)
check("task_done too many", q.task_done)
print(repr(queue.Empty()), repr(queue.Full()), queue.Empty.__name__,
      issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# A blocked put() wakes up when a get() makes room.
q = queue.Queue(maxsize=1)
q.put(1)
order = []
def late_put():
    q.put(2)
    order.append("put done")
t = threading.Thread(target=late_put)
t.start()
time.sleep(0.05)
order.append("getting")
first = q.get()
t.join()
second = q.get()
print(order, first, second)

# Other orders.
lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print("lifo:", [lq.get() for _ in range(4)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (2, "b"), (1, "A")]:
    pq.put(item)
print("priority:", [pq.get_nowait() for _ in range(5)])
check("priority empty", pq.get_nowait)

# SimpleQueue.
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
sq.put_nowait(3)
print(sq.qsize(), [sq.get() for _ in range(3)], sq.get_nowait(), sq.empty())
check("SimpleQueue get timeout", lambda: sq.get(timeout=0.01))
check("SimpleQueue get_nowait", sq.get_nowait)
check("SimpleQueue get(False, 1)", lambda: sq.get(False, 1))
check("SimpleQueue negative timeout", lambda: sq.get(timeout=-1))
print(type(sq).__name__, repr(sq).startswith('<_queue.SimpleQueue object at 0x'))
got = []
t = threading.Thread(target=lambda: got.append(sq.get(timeout=2)))
t.start()
sq.put("late")
t.join()
print(got)
