# Threads started from Python code that a container operation calls back
# (__eq__ during a dict lookup or list.index, a sort key): the operation's
# lock is taken for real from then on, and the other thread's changes are
# safe and seen.
import threading

d = {}
log = []


def run(f):
    t = threading.Thread(target=f)
    t.start()
    t.join()


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        run(lambda: d.__setitem__("k%d" % self.n, self.n))
        log.append(self.n)
        return isinstance(other, K) and other.n == self.n


d[K(1)] = "one"
print(d[K(1)], sorted(k for k in d if isinstance(k, str)))

lst = [5, 6, 7]


class Probe:
    def __eq__(self, other):
        run(lambda: lst.append(99))
        return other == 7


print(lst.index(Probe()), len(lst))


def key(x):
    run(lambda: log.append(x))
    return -x


nums = [3, 1, 2]
nums.sort(key=key)
print(nums, len(log))

s = set(range(5))


class E:
    def __hash__(self):
        return hash(3)

    def __eq__(self, other):
        run(lambda: s.discard(4))
        return other == 3


print(E() in s, sorted(s))
