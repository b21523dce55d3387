# Lock and RLock: basics, errors, and counters under contention.
import threading

def masked(lock):
    # "<unlocked _thread.lock object at 0x7f...>": hide the address and
    # the owner's ident.
    text = repr(lock)
    text = text[:text.rindex(' at 0x')] + ' at ADDR>'
    return text.replace(str(threading.get_ident()), 'ME')

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as e:
        print(what, "->", type(e).__name__, e)

lock = threading.Lock()
print(type(lock).__name__, masked(lock))
print(lock.acquire(), lock.locked(), masked(lock))
print("again, non-blocking:", lock.acquire(False), lock.acquire(blocking=False))
print("again, timeout:", lock.acquire(timeout=0.05), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
check("release unlocked", lock.release)
check("non-blocking with timeout", lambda: lock.acquire(False, 1))
check("negative timeout", lambda: lock.acquire(True, -2))
check("timeout -1 is forever", lambda: (lock.acquire(True, -1), lock.release()))
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("released after an exception:", not lock.locked())

# Any thread may release a plain lock.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start(); t.join()
print("released by another thread:", not lock.locked())

# RLock: reentrant, owned.
r = threading.RLock()
print(type(r).__name__, masked(r))
print(r.acquire(), r.acquire(), masked(r))
r.release()
print(masked(r))
r.release()
print(masked(r))
check("RLock release unowned", r.release)
with r:
    with r:
        print("nested with:", masked(r))
r.acquire()
def steal():
    check("RLock release by other thread", r.release)
    check("RLock acquire by other thread, timeout", lambda: r.acquire(timeout=0.05))
t = threading.Thread(target=steal)
t.start(); t.join()
r.release()
check("RLock free again, other thread", lambda: None)
got = []
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=1)) or r.release())
t.start(); t.join()
print("other thread got it:", got)

# Counters under contention: with the lock no increment is lost.
counter = 0
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=add, args=(20000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("counter:", counter)

# The same with an RLock taken twice per step, and a shared dict and list.
shared = {}
items = []
def mixed(k, n):
    for i in range(n):
        with r:
            with r:
                shared[k] = shared.get(k, 0) + 1
                items.append(i)
threads = [threading.Thread(target=mixed, args=(k % 2, 5000)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("dict:", sorted(shared.items()), "list:", len(items), sum(items))  # (first insert order is a race)

# A lock handed back and forth: strict alternation with two locks.
ping, pong = threading.Lock(), threading.Lock()
pong.acquire()
order = []
def player(name, mine, other):
    for _ in range(5):
        mine.acquire()
        order.append(name)
        other.release()
a = threading.Thread(target=player, args=("a", ping, pong))
b = threading.Thread(target=player, args=("b", pong, ping))
a.start(); b.start(); a.join(); b.join()
print("".join(order))
