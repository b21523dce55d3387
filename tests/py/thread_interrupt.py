# Ctrl-C while the main thread waits: the wait (join, lock, Event,
# Condition, queue, sleep) releases the GIL and is interrupted; the main
# thread gets KeyboardInterrupt.  Another thread plays the user: it sends
# SIGINT to the process (os.kill), or calls _thread.interrupt_main().
import _thread
import os
import queue
import signal
import threading
import time

# Ctrl-C raises KeyboardInterrupt even if this test was started with
# SIGINT ignored (as background jobs of a shell are).
signal.signal(signal.SIGINT, signal.default_int_handler)

def press_ctrl_c(delay=0.05):
    def later():
        time.sleep(delay)
        os.kill(os.getpid(), signal.SIGINT)
    t = threading.Thread(target=later)
    t.start()
    return t

def interrupted(what, wait):
    presser = press_ctrl_c()
    start = time.monotonic()
    try:
        wait()
        print(what, "-> returned")
    except KeyboardInterrupt:
        print(what, "-> KeyboardInterrupt, quickly:", time.monotonic() - start < 5)
    presser.join()

# (A thread whose join() was interrupted is not joined again: CPython 3.11
# then wrongly considers it finished.)
gate = threading.Event()
waiters = [threading.Thread(target=gate.wait) for _ in range(2)]
for w in waiters:
    w.start()
interrupted("join()", waiters[0].join)
interrupted("join(timeout=10)", lambda: waiters[1].join(10))

lock = threading.Lock()
lock.acquire()
interrupted("lock.acquire()", lock.acquire)
interrupted("lock.acquire(timeout=10)", lambda: lock.acquire(timeout=10))
print("lock still held by us:", lock.locked())

rlock = threading.RLock()
held = threading.Event()
def hold_rlock():
    with rlock:
        held.set()
        gate.wait()
holder = threading.Thread(target=hold_rlock)
holder.start()
held.wait()
interrupted("rlock.acquire()", rlock.acquire)

interrupted("event.wait()", threading.Event().wait)
cond = threading.Condition()
def cond_wait():
    with cond:
        cond.wait()
interrupted("condition.wait()", cond_wait)
print("condition lock released after the interrupt:", not cond._is_owned())
interrupted("queue.get()", queue.Queue().get)
interrupted("semaphore.acquire()", threading.Semaphore(0).acquire)
interrupted("time.sleep(10)", lambda: time.sleep(10))

# _thread.interrupt_main() raises KeyboardInterrupt in the main thread at
# its next chance.
def interrupt_later():
    time.sleep(0.05)
    _thread.interrupt_main()
t = threading.Thread(target=interrupt_later)
t.start()
try:
    while True:
        time.sleep(0.01)
except KeyboardInterrupt:
    print("interrupt_main -> KeyboardInterrupt")
t.join()

gate.set()
holder.join()
print("done")
