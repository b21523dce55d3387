# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
results = []
lock = threading.Lock()

def worker(i):
    print_missing = not hasattr(data, 'x')
    data.x = i
    data.items = [i] * 2
    barrier.wait()          # every thread has set its values
    with lock:
        results.append((i, print_missing, data.x, data.items))

barrier = threading.Barrier(4)
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results))
print("main still sees:", data.x, hasattr(data, 'items'))

# A subclass: __init__ runs again in each thread that uses the object.
class Counter(threading.local):
    def __init__(self, start):
        self.value = start
        self.initialised_in = threading.current_thread().name

counter = Counter(10)
seen = []
def bump():
    counter.value += 1
    seen.append((counter.value, counter.initialised_in))
threads = [threading.Thread(target=bump, name=f"t{i}") for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(seen))
print(counter.value, counter.initialised_in)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
del data.x
print(hasattr(data, 'x'))
