"""containers: list append/sort/slice, dict insert/lookup with str keys,
set operations."""
import sys


def lists(n):
    out = []
    for i in range(n):
        out.append((i * 7919) % 10007)
    out.sort()
    total = 0
    for k in range(0, n, 100):
        chunk = out[k:k + 50]
        total += len(chunk) + chunk[0]
    rev = out[::-1]
    return total + rev[0] + sum(out[:1000])


def dicts(n):
    keys = ["key%d" % (i % 5000) for i in range(n)]
    d = {}
    for k in keys:
        d[k] = d.get(k, 0) + 1
    hits = 0
    for k in keys:
        if k in d:
            hits += d[k]
    words = {}
    for i in range(n // 10):
        words["w" + str(i)] = i
    return hits + len(d) + sum(words.values()) % 1000


def sets(n):
    a = set(range(0, n, 2))
    b = set(range(0, n, 3))
    total = len(a | b) + len(a & b) + len(a - b) + len(a ^ b)
    seen = set()
    for i in range(n):
        seen.add(i % 1000)
    return total + len(seen) + (n // 2 in a)


N = int(sys.argv[1]) if len(sys.argv) > 1 else 400_000
print(lists(N), dicts(N), sets(N))
