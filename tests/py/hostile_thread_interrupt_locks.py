# KeyboardInterrupt reaches the main thread while other threads hold
# locks; the program cleans up (releases, joins) and finishes normally.
import _thread
import threading
import time

locks = [threading.Lock() for _ in range(4)]
holding = threading.Barrier(5)
release = threading.Event()
done = []

def holder(i):
    with locks[i]:
        holding.wait()
        release.wait()
        done.append(i)

threads = [threading.Thread(target=holder, args=(i,)) for i in range(4)]
for t in threads: t.start()
holding.wait()
print("locks held:", [l.locked() for l in locks])

def interrupter():
    time.sleep(0.05)
    _thread.interrupt_main()
threading.Thread(target=interrupter).start()
try:
    n = 0
    while True:        # busy: the interrupt arrives at the next check
        n += 1
except KeyboardInterrupt:
    print("KeyboardInterrupt in main while locks are held")
print("locks still held:", [l.locked() for l in locks])
release.set()
for t in threads: t.join()
print("released and joined:", sorted(done), [l.locked() for l in locks])

# The interrupt also arrives while the main thread itself holds a lock
# inside `with`: the lock is released by the with statement.
mine = threading.Lock()
threading.Thread(target=interrupter).start()
try:
    with mine:
        while True:
            pass
except KeyboardInterrupt:
    print("interrupted inside with: lock released:", not mine.locked())

# A KeyboardInterrupt raised inside a worker stays in that worker.
seen = []
threading.excepthook = lambda args: seen.append(args.exc_type.__name__)
t = threading.Thread(target=lambda: (_ for _ in ()).throw(KeyboardInterrupt))
t.start(); t.join()
threading.excepthook = threading.__excepthook__
print("worker KeyboardInterrupt went to excepthook:", seen)
time.sleep(0.1)
print("done, threads:", threading.active_count())
