# Misusing threads and locks raises the right exception, and many threads
# failing at once neither crash nor lose a report.
import threading
import _thread

def show(label, f):
    try:
        f()
        print(label, "-> ok")
    except Exception as e:
        print(label, "->", type(e).__name__, e)

# Joining a thread from itself, before it starts; starting it twice.
result = []
def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        result.append(str(e))
t = threading.Thread(target=join_self)
t.start(); t.join()
print("join self ->", result)
show("join main from main", threading.main_thread().join)
t = threading.Thread(target=lambda: None)
show("join before start", t.join)
t.start(); t.join()
show("start twice", t.start)
show("negative timeout join", lambda: t.join(-1))

# Locks released when not held.
lock = threading.Lock()
show("release unlocked Lock", lock.release)
show("release unlocked _thread lock", _thread.allocate_lock().release)
rlock = threading.RLock()
show("release un-acquired RLock", rlock.release)
def release_other():
    try:
        rlock.release()
    except RuntimeError as e:
        result.append(("other thread", str(e)))
rlock.acquire()
t = threading.Thread(target=release_other); t.start(); t.join()
rlock.release()
print("RLock owned by another thread ->", result[-1])
cond = threading.Condition()
show("Condition.wait without lock", cond.wait)
show("Condition.notify without lock", cond.notify)
sem = threading.BoundedSemaphore(1)
show("BoundedSemaphore over-release", sem.release)
show("Semaphore(-1)", lambda: threading.Semaphore(-1))
show("acquire negative timeout", lambda: lock.acquire(timeout=-5))
show("acquire non-blocking with timeout", lambda: lock.acquire(False, 1))
show("Barrier(0)", lambda: threading.Barrier(0))
b = threading.Barrier(2, timeout=0.05)
show("Barrier timeout", b.wait)
show("broken Barrier", b.wait)

# Fifty threads raising at once: every report reaches the hook.
reports = []
hook_lock = threading.Lock()
def hook(args):
    with hook_lock:
        reports.append((args.exc_type.__name__, str(args.exc_value)))
threading.excepthook = hook
start = threading.Barrier(50)
def fail(i):
    start.wait()
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        {}[i]
    1 / 0
threads = [threading.Thread(target=fail, args=(i,)) for i in range(50)]
for t in threads: t.start()
for t in threads: t.join()
print(len(reports), "reports:", sorted(set(name for name, _ in reports)))
print(sorted(reports)[:3])
threading.excepthook = threading.__excepthook__

# A thread whose exception has a broken __str__ still gets reported.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("no str")
seen = []
threading.excepthook = lambda args: seen.append(args.exc_type.__name__)
t = threading.Thread(target=lambda: (_ for _ in ()).throw(Weird()))
t.start(); t.join()
print("weird exception reported:", seen)
threading.excepthook = threading.__excepthook__
print("alive:", threading.active_count())
