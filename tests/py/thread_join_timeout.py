# join(timeout) returns None whether or not the thread ended: is_alive()
# tells.  Timeouts of 0 and below do not block.
import threading
import time

gate = threading.Event()
t = threading.Thread(target=gate.wait, name="waiter")
t.start()

start = time.monotonic()
print("join(0.1) returns:", t.join(0.1))
waited = time.monotonic() - start
print("waited about 0.1 s:", 0.09 <= waited < 2.0)
print("still alive:", t.is_alive())
print("join(0):", t.join(0), t.is_alive())
print("join(-1):", t.join(-1), t.is_alive())
print("join(timeout=0.01):", t.join(timeout=0.01), t.is_alive())

gate.set()
start = time.monotonic()
t.join(5)
print("join(5) after the event, quick:", time.monotonic() - start < 2.0, t.is_alive())
t.join()
print("joined again:", t.is_alive())

# Waiting for several threads with one deadline.
gates = [threading.Event() for _ in range(3)]
threads = [threading.Thread(target=g.wait) for g in gates]
for th in threads:
    th.start()
gates[1].set()
threads[1].join()
deadline = time.monotonic() + 0.05
for th in threads:
    th.join(max(0, deadline - time.monotonic()))
print("alive after the deadline:", [th.is_alive() for th in threads])
for g in gates:
    g.set()
for th in threads:
    th.join()
print("all done:", [th.is_alive() for th in threads])

# Other timed waits.
lock = threading.Lock()
lock.acquire()
start = time.monotonic()
print("lock.acquire(timeout=0.05):", lock.acquire(timeout=0.05),
      0.04 <= time.monotonic() - start < 2.0)
cond = threading.Condition()
with cond:
    start = time.monotonic()
    print("cond.wait(0.05):", cond.wait(0.05), 0.04 <= time.monotonic() - start < 2.0)
print("event.wait(0.05):", threading.Event().wait(0.05))
