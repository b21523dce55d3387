# Several threads run programs at once: each waits for its own child
# (waiting releases the GIL) and gets its own output back.
import subprocess
import threading

results = {}


def worker(i):
    r = subprocess.run(["sh", "-c", "sleep 0.2; echo job %d" % i], capture_output=True, text=True)
    results[i] = (r.returncode, r.stdout.strip())


threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([results[i] for i in range(6)])
