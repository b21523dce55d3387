# Threads that run code nobody ran before (so its instructions are
# specialised while several threads run it), with classes that change
# under them: every result must be exact.
import threading

N = 4
ROUNDS = 3000
barrier = threading.Barrier(N)
SCALE = 3


class A:
    kind = 1

    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def get(self):
        return self.v + self.kind


class B(A):
    kind = 10

    def get(self):
        return self.w - self.kind


class S:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def work(objs):
    total = 0
    for o in objs:
        total += o.get() + o.v * SCALE
    return total


results = {}


def run(ix):
    barrier.wait()
    objs = [A(ix), B(ix), S(ix)]
    acc = 0
    for r in range(ROUNDS):
        acc += work(objs)
    results[ix] = acc


def expected(ix):
    a = ix + 1 + ix * SCALE
    b = ix * 2 - 10 + ix * SCALE
    s = ix + ix * SCALE
    return (a + b + s) * ROUNDS


threads = [threading.Thread(target=run, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(results[i] == expected(i) for i in range(N)), len(results))


# A class attribute that changes while other threads read it (through the
# class and through instances): one writer counts up, so each reader must
# see the values in order, never an old one after a newer one.
class C:
    x = 0


stop = False
seen_bad = []


def reader():
    barrier.wait()
    last = 0
    while not stop:
        v = C.x
        w = C().x
        if not last <= v <= w <= 1000:
            seen_bad.append((last, v, w))
        last = w


def writer():
    global stop
    barrier.wait()
    for i in range(1001):
        C.x = i
    stop = True


barrier = threading.Barrier(3)
ts = [threading.Thread(target=reader), threading.Thread(target=reader), threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(C.x, seen_bad)
