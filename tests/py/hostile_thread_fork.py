# fork() while other threads run, allocate and hold locks: the child has
# only the forking thread, can allocate, collect, start threads and exit
# cleanly; the parent's threads go on.
import gc
import os
import threading
import time

stop = threading.Event()
counts = [0] * 4
held = threading.Lock()

def busy(i):
    while not stop.is_set():
        x = [str(j) for j in range(100)]
        counts[i] += 1
        if i == 0:
            with held:
                time.sleep(0.001)

threads = [threading.Thread(target=busy, args=(i,)) for i in range(4)]
for t in threads: t.start()
time.sleep(0.05)

for round in range(3):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            out = []
            out.append("threads=%d" % threading.active_count())
            out.append("sum=%d" % sum(len(str(i)) for i in range(10000)))
            gc.collect()
            res = []
            t = threading.Thread(target=lambda: res.append(threading.get_ident() != 0))
            t.start(); t.join()
            out.append("child thread ok=%s" % res)
            out.append("cycle freed=%s" % (gc.collect() >= 0))
            os.write(w, (" ".join(out) + "\n").encode())
        finally:
            os._exit(0)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 4096)
        if not chunk:
            break
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    print("round", round, "child:", data.decode().strip(), "exit:", os.waitstatus_to_exitcode(status))

stop.set()
for t in threads: t.join()
print("parent threads made progress:", all(c > 0 for c in counts))
