# The interpreter exits while daemon threads are busy: allocating,
# holding a lock, blocked on a lock, sleeping, and spinning.  Exit is
# clean (status 0, everything printed by the main thread is there).
import threading
import time

lock = threading.Lock()
started = threading.Barrier(6)

def allocate():
    started.wait()
    while True:
        d = {i: [i] * 10 for i in range(100)}

def hold():
    started.wait()
    while True:
        with lock:
            x = [0] * 1000

def blocked():
    other = threading.Lock()
    other.acquire()
    started.wait()
    other.acquire()

def sleeper():
    started.wait()
    time.sleep(60)

def spinner():
    started.wait()
    while True:
        pass

for f in (allocate, hold, blocked, sleeper, spinner):
    threading.Thread(target=f, daemon=True).start()
started.wait()
time.sleep(0.05)
for i in range(3):
    print("main line", i)
print("exiting with", threading.active_count(), "threads")
