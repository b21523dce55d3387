# Freeing very deep structures (nested lists, tuples, dicts, a linked list
# of instances, a chain of closures, of iterators, of generators) must not
# recurse once per level on the C stack (CPython's "trashcan").  Threads
# with a small stack make the test quick and the failure certain.
import gc
import threading

def nested_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

def nested_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x

def nested_dict(n):
    x = {}
    for _ in range(n):
        x = {"k": x}
    return x

class Node:
    pass

def linked(n):
    head = None
    for _ in range(n):
        node = Node()
        node.next = head
        head = node
    return head

class Slotted:
    __slots__ = ("next",)

def linked_slots(n):
    head = None
    for _ in range(n):
        node = Slotted()
        node.next = head
        head = node
    return head

def closures(n):
    f = None
    for _ in range(n):
        f = lambda f=f: f
    return f

def iterators(n):
    it = iter([1, 2, 3])
    for _ in range(n):
        it = map(abs, it)
    return it

def bound_methods(n):
    x = Node()
    for _ in range(n):
        y = Node()
        y.m = x.__init__
        x = y
    return x

def cycle_ring(n):
    first = Node()
    node = first
    for _ in range(n):
        nxt = Node()
        node.next = nxt
        node = nxt
    node.next = first
    return first

makers = [nested_list, nested_tuple, nested_dict, linked, linked_slots, closures,
          iterators, bound_methods]

def build_and_free(make, n, out):
    x = make(n)
    del x
    out.append(make.__name__)

gc.disable()  # building, not collecting, is what this test is about
threading.stack_size(512 * 1024)
for make in makers:
    out = []
    t = threading.Thread(target=build_and_free, args=(make, 100000, out))
    t.start()
    t.join()
    print(out[0] if out else make.__name__ + " FAILED", "freed")
threading.stack_size(0)

# The main thread too, a little deeper.
for make in (nested_list, linked):
    x = make(300000)
    del x
    print(make.__name__, "freed on the main thread")

# A long reference cycle is freed by the collector, also without recursion.
gc.enable()
ring = cycle_ring(100000)
del ring
print("collected ring:", gc.collect() >= 100000)
