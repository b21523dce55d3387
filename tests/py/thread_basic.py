# threading.Thread: start, join, run, arguments, subclasses, daemon flag,
# and the errors of misuse.
import threading
import time

results = []

def work(n, *, scale=1):
    results.append(n * scale)

t = threading.Thread(target=work, args=(3,), kwargs={'scale': 10})
print("before start:", t.is_alive(), t.ident, t.native_id, t.daemon)
t.start()
t.join()
print("after join:", t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
print("result:", results)
print("ident differs from main:", t.ident != threading.get_ident())

# join() returns None; a thread can be joined many times.
print("join returns:", t.join(), t.join(0))

# A subclass that overrides run().
class Worker(threading.Thread):
    def __init__(self, values):
        super().__init__()
        self.values = values
        self.total = None

    def run(self):
        self.total = sum(self.values)

w = Worker([1, 2, 3, 4])
w.start()
w.join()
print("subclass total:", w.total)

# run() called directly runs in the calling thread.
seen = []
t = threading.Thread(target=lambda: seen.append(threading.current_thread().name))
t.run()
print("run() directly:", seen)

# Threads run concurrently: each waits for the other's event.
e1, e2 = threading.Event(), threading.Event()
log = []
def ping():
    e1.set()
    e2.wait()
    log.append("ping done")
def pong():
    e1.wait()
    log.append("pong saw ping")
    e2.set()
a = threading.Thread(target=ping)
b = threading.Thread(target=pong)
a.start(); b.start(); a.join(); b.join()
print("ping/pong:", sorted(log))

# The daemon flag: explicit, default from the creating thread.
print("main daemon:", threading.current_thread().daemon)
print("explicit:", threading.Thread(target=work, daemon=True).daemon)
inherited = []
def make_child():
    inherited.append(threading.Thread(target=work).daemon)
d = threading.Thread(target=make_child, daemon=True)
d.start(); d.join()
print("inherited from a daemon thread:", inherited)
t = threading.Thread(target=work, args=(0,))
t.daemon = True
print("set before start:", t.daemon)

# Misuse.
def check(what, func):
    try:
        func()
        print(what, "-> no error")
    except Exception as e:
        print(what, "->", type(e).__name__, e)

t = threading.Thread(target=work, args=(1,))
check("join before start", t.join)
t.start()
check("start twice", t.start)
check("set daemon when started", lambda: setattr(t, 'daemon', True))
t.join()
check("start after end", t.start)
check("join current thread", threading.current_thread().join)
def join_self():
    check("join itself", threading.current_thread().join)
t = threading.Thread(target=join_self)
t.start(); t.join()

class NoInit(threading.Thread):
    def __init__(self):
        pass
check("start without __init__", NoInit().start)
check("group argument", lambda: threading.Thread(group=1))

# A thread ending with SystemExit (or _thread.exit) is silent.
import _thread, sys
t = threading.Thread(target=sys.exit, args=(3,))
t.start(); t.join()
t = threading.Thread(target=_thread.exit)
t.start(); t.join()
print("after SystemExit in threads:", t.is_alive())
print("results:", results)
