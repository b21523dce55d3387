# heapq: the heap operations, merge, nsmallest and nlargest.
import heapq

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as e:
        print(what, "->", type(e).__name__, e)

data = [5, 7, 9, 1, 3, 8, 2, 6, 4, 0]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(data))], h)

h = list(data)
heapq.heapify(h)
print(h, all(h[k] <= h[c] for k in range(len(h)) for c in (2 * k + 1, 2 * k + 2) if c < len(h)))
print(heapq.heapreplace(h, 11), h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 5), h)
print(heapq.heappushpop([], 3))
check("heappop empty", lambda: heapq.heappop([]))
check("heapreplace empty", lambda: heapq.heapreplace([], 1))
check("heappush tuple", lambda: heapq.heappush((), 1))
check("heapify tuple", lambda: heapq.heapify((1,)))
check("heappop tuple", lambda: heapq.heappop((1,)))
check("uncomparable", lambda: heapq.heapify([1, "a", 2]))

# Heap sort, and tuples as (priority, task).
def heapsort(iterable):
    h = []
    for value in iterable:
        heapq.heappush(h, value)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([3.5, -1, 2, 2, 10, 0]))
tasks = []
for item in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(tasks, item)
print([heapq.heappop(tasks) for _ in range(4)])

# Only < is used.
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
h = [Item(v) for v in [4, 1, 3]]
heapq.heapify(h)
print(heapq.heappop(h), heapq.nsmallest(2, [Item(5), Item(2), Item(9)]))

# merge: stable, key, reverse.
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge(["b", "dd"], ["a", "ccc", "eeee"], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0])))
print(list(heapq.merge([3, 1], [4, 2], key=lambda x: -x, reverse=False)))

# nsmallest / nlargest agree with sorted().
words = "the quick brown fox jumps over the lazy dog again and again".split()
for n in (-1, 0, 1, 2, 5, 11, 12, 20):
    assert heapq.nsmallest(n, words) == sorted(words)[:max(n, 0)], n
    assert heapq.nlargest(n, words) == sorted(words, reverse=True)[:max(n, 0)], n
    assert heapq.nsmallest(n, words, key=len) == sorted(words, key=len)[:max(n, 0)], n
    assert heapq.nlargest(n, words, key=len) == sorted(words, key=len, reverse=True)[:max(n, 0)], n
    assert heapq.nsmallest(n, iter(words), key=len) == sorted(words, key=len)[:max(n, 0)], n
    assert heapq.nlargest(n, iter(words), key=len) == sorted(words, key=len, reverse=True)[:max(n, 0)], n
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len))
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, iter([5, 1, 4, 1, 5, 9, 2, 6])))
print(heapq.nsmallest(1, []), heapq.nlargest(1, iter([])), heapq.nsmallest(2, iter([])))
print(heapq.nlargest(2, {"a": 3, "b": 1, "c": 2}.items(), key=lambda kv: kv[1]))
print(sorted(heapq.__all__))
