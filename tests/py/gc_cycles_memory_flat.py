# A reference cycle of a million objects, created and dropped again and
# again, keeps memory flat: the collector frees each one.  Prints only
# whether the growth of the resident set stays under a generous bound.
import gc

def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

class Node:
    __slots__ = ("next", "payload")

def make_ring(n):
    first = Node()
    node = first
    for i in range(n - 1):
        nxt = Node()
        nxt.payload = i
        node.next = nxt
        node = nxt
    node.next = first
    return first

def round_trip():
    ring = make_ring(1000000)
    del ring
    return gc.collect()

round_trip()                      # warm up: free lists, arenas
before = rss_kb()
freed = [round_trip() for _ in range(2)]
after = rss_kb()
print("each collection freed the whole ring:", all(n >= 1000000 for n in freed))
print("memory flat:", after - before < 50 * 1024)   # under 50 MiB of growth

# Cycles through dicts, lists and instances with __dict__, dropped
# without an explicit collect: the automatic collector keeps up.
class Box:
    pass
before = rss_kb()
for _ in range(10):
    items = []
    for i in range(20000):
        b = Box()
        b.me = b
        b.peers = items
        items.append({"box": b})
    del items, b
after = rss_kb()
print("automatic collection keeps up:", after - before < 100 * 1024)
