# Stress: 2-8 threads appending to, extending and popping from one list.
# The end state does not depend on scheduling; every check prints.
import threading

def run(nthreads, per_thread):
    shared = []
    popped = []
    start = threading.Barrier(nthreads)

    def appender(tid):
        start.wait()
        for i in range(per_thread):
            shared.append(tid * per_thread + i)
            if i % 10 == 0:
                shared.extend([-1, -2])
            if i % 10 == 5:
                try:
                    popped.append(shared.pop())
                except IndexError:
                    pass
            if i % 100 == 0:
                len(shared), shared[-1:], shared.count(-1)

    threads = [threading.Thread(target=appender, args=(t,)) for t in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = sorted(shared + popped)
    values = [v for v in everything if v >= 0]
    print(nthreads, "threads:", len(shared) + len(popped), "items",
          values == list(range(nthreads * per_thread)),
          everything.count(-1), everything.count(-2))

for n in (2, 4, 8):
    run(n, 3000)

# Sorting and reversing while others append: no crash, nothing lost.
shared = list(range(1000))
def mutate():
    for i in range(200):
        shared.append(i)
        shared.sort()
        shared.reverse()
threads = [threading.Thread(target=mutate) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print("sorted+reversed:", len(shared), sum(shared) == sum(range(1000)) + 4 * sum(range(200)))
