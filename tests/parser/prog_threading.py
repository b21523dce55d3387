"""A tutorial-style threading demo."""
import threading
import time
from queue import Queue

counter = 0
lock = threading.Lock()

def worker(pid, name, q: Queue) -> None:
    global counter
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            counter += item
        print(f"{pid} * {name} \
processed {item}")
        q.task_done()

def main():
    q = Queue()
    threads = [threading.Thread(target=worker, args=(i, f"w{i}", q), daemon=True)
               for i in range(4)]
    for t in threads:
        t.start()
    for n in range(100):
        q.put(n)
    for _ in threads:
        q.put(None)
    for t in threads:
        t.join(timeout=1.0)
    print("total:", counter, sep=" ", end="\n")

if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"elapsed {time.perf_counter() - start:.3f}s")
