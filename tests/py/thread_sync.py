# Event, Condition, Semaphore, BoundedSemaphore, Barrier and Timer.
import threading
import time

def masked(obj):
    # "<threading.Event at 0x7f...: unset>" -> "<threading.Event at ADDR: unset>"
    text = repr(obj)
    start = text.index(' at 0x') + 4
    end = text.index(':', start)
    return text[:start] + 'ADDR' + text[end:]

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as e:
        print(what, "->", type(e).__name__, e)

# -- Event
e = threading.Event()
print(masked(e), e.is_set(), e.wait(0), e.wait(0.05))
e.set()
print(masked(e), e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())
woken = []
def sleeper(i):
    woken.append((i, e.wait(5)))
threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(3)]
for t in threads: t.start()
time.sleep(0.05)
e.set()
for t in threads: t.join()
print("woken:", sorted(woken))

# -- Condition: a one-slot mailbox.
cond = threading.Condition()
print(repr(cond).startswith('<Condition(<unlocked _thread.RLock object owner=0 count=0 at'),
      repr(cond).endswith(', 0)>'))
box = []
received = []
def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: box)
            received.append(box.pop())
            cond.notify_all()
def producer():
    for i in range(5):
        with cond:
            cond.wait_for(lambda: not box)
            box.append(i)
            cond.notify_all()
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start(); p.start(); c.join(); p.join()
print("mailbox:", received)
check("wait without the lock", cond.wait)
check("notify without the lock", cond.notify)
with cond:
    print("wait timeout:", cond.wait(0.02), cond.wait(0))
    print("wait_for timeout:", cond.wait_for(lambda: False, 0.02))
    print("wait_for true at once:", cond.wait_for(lambda: 42))
    cond.notify()       # nobody waiting: fine
    cond.notify_all()
# A Condition over a plain Lock.
lc = threading.Condition(threading.Lock())
with lc:
    print("plain lock condition:", lc.wait(0.01))
check("plain lock, not held", lc.notify)
# notify(n) wakes exactly n waiters.
cond = threading.Condition()
state = {'ready': 0, 'woken': 0}
def waiter():
    with cond:
        state['ready'] += 1
        if cond.wait(10):
            state['woken'] += 1
threads = [threading.Thread(target=waiter) for _ in range(4)]
for t in threads: t.start()
while True:
    with cond:
        if state['ready'] == 4:
            cond.notify(2)
            break
    time.sleep(0.005)
for _ in range(1000):
    with cond:
        if state['woken'] == 2:
            break
    time.sleep(0.002)
time.sleep(0.02)        # a third waiter would have woken by now
with cond:
    print("after notify(2):", state['woken'])
    cond.notify_all()
for t in threads: t.join()
print("after notify_all:", state['woken'])

# -- Semaphore: at most two workers at a time.
sem = threading.Semaphore(2)
print(masked(sem))
active = [0, 0]     # now, maximum
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            active[0] += 1
            active[1] = max(active[1], active[0])
        time.sleep(0.02)
        with guard:
            active[0] -= 1
threads = [threading.Thread(target=limited) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
print("max concurrent:", active[1], masked(sem))
print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(timeout=0.02), masked(sem))
sem.release(2)
print(masked(sem))
check("Semaphore(-1)", lambda: threading.Semaphore(-1))
check("release(0)", lambda: sem.release(0))
check("non-blocking with timeout", lambda: sem.acquire(False, 1))
print(threading.Semaphore(0).acquire(timeout=0.01))

# -- BoundedSemaphore
bs = threading.BoundedSemaphore(2)
print(masked(bs))
bs.acquire()
print(masked(bs))
bs.release()
check("over-release", bs.release)
check("over-release(2)", lambda: (bs.acquire(), bs.release(2)))
print(masked(bs))

# -- Barrier
b = threading.Barrier(3, action=lambda: print("barrier action"))
print(masked(b), b.parties, b.n_waiting, b.broken)
indexes = []
def party():
    indexes.append(b.wait())
threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print("indexes:", sorted(indexes), masked(b))
# Two rounds in a row.
indexes.clear()
threads = [threading.Thread(target=party) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
print("two rounds:", sorted(indexes))
# abort() breaks waiting threads.
b = threading.Barrier(3)
errors = []
def breaker():
    try:
        b.wait()
    except threading.BrokenBarrierError as e:
        errors.append(type(e).__name__)
threads = [threading.Thread(target=breaker) for _ in range(2)]
for t in threads: t.start()
while b.n_waiting < 2:
    time.sleep(0.005)
print(masked(b))
b.abort()
for t in threads: t.join()
print("after abort:", errors, b.broken, masked(b))
check("wait on broken", b.wait)
b.reset()
print("after reset:", b.broken, masked(b))
# A timeout breaks the barrier too.
b = threading.Barrier(2, timeout=0.02)
check("wait alone", b.wait)
print(b.broken, issubclass(threading.BrokenBarrierError, RuntimeError))

# -- Timer
fired = []
t = threading.Timer(0.02, fired.append, args=["fired"])
t.start(); t.join()
print(fired, t.finished.is_set())
t = threading.Timer(5, fired.append, args=["too late"])
t.start()
t.cancel()
t.join()
print(fired)
t = threading.Timer(0.01, lambda **kw: fired.append(kw), kwargs={'a': 1})
t.start(); t.join()
print(fired)
