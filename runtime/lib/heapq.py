"""Heap queue algorithm (a.k.a. priority queue).

minipy's heapq (CPython: Lib/heapq.py over Modules/_heapqmodule.c).

A heap is a plain list `heap` where every parent is <= its children:
heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2].  heap[0] is therefore
the smallest item.  Pushing appends the item and lets it rise ("sift
down" towards the root, in CPython's naming); popping moves the last item
to the root and lets it sink ("sift up"), choosing the smaller child each
time.  Only `<` is ever used to compare items, as in CPython, so the same
classes work here.

The *_max helpers keep the opposite order (parent >= children); merge(),
nsmallest() and nlargest() use them.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# -- the two sifts ---------------------------------------------------------------

def _siftdown(heap, startpos, pos):
    """Move heap[pos] towards the root (not above startpos) while it is
    smaller than its parent."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    """Let heap[pos] sink to a leaf along the smaller children, then put
    it back up where it belongs (fewer comparisons than stopping early)."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _check_list(heap, what, argument='argument 1'):
    if not isinstance(heap, list):
        raise TypeError(f"{what}() {argument} must be list, not {type(heap).__name__}")


# -- the public operations ---------------------------------------------------------

def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, 'heappop', 'argument')
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap size
    does not change; raises IndexError if the heap is empty)."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (faster than the
    two calls)."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Turn list x into a heap, in place, in linear time."""
    _check_list(x, 'heapify', 'argument')
    # Leaves are heaps already: fix the parents, from the last one up.
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


# -- merge, nsmallest, nlargest ------------------------------------------------------

def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator.

    Equal items come out in the order of their inputs (the merge is
    stable): each heap entry is [value, input order, iterator's __next__],
    and the order number breaks ties.
    """
    h = []
    if reverse:
        push_all, pop_top, replace_top = _heapify_max, _heappop_max, _heapreplace_max
        direction = -1
    else:
        push_all, pop_top, replace_top = heapify, heappop, heapreplace
        direction = 1

    def key_of(value):
        return value if key is None else key(value)

    for order, it in enumerate(map(iter, iterables)):
        next_ = it.__next__
        try:
            value = next_()
        except StopIteration:
            continue
        h.append([key_of(value), order * direction, value, next_])
    push_all(h)
    while len(h) > 1:
        try:
            while True:
                entry = h[0]
                k, order, value, next_ = entry
                yield value
                value = next_()
                entry[0] = key_of(value)
                entry[2] = value
                replace_top(h, entry)
        except StopIteration:
            pop_top(h)
    if h:
        # One input left: no more comparisons needed.
        k, order, value, next_ = h[0]
        yield value
        while True:
            try:
                yield next_()
            except StopIteration:
                return


def nsmallest(n, iterable, key=None):
    """The n smallest items: same result as sorted(iterable, key=key)[:n].

    Keeps a max-heap of the n best candidates seen so far; entries are
    (key, arrival order, item) so ties go to the earlier item.
    """
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    result = []
    order = 0
    for elem in it:
        result.append((elem if key is None else key(elem), order, elem))
        order += 1
        if order == n:
            break
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    for elem in it:
        k = elem if key is None else key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for (k, order, elem) in result]


def nlargest(n, iterable, key=None):
    """The n largest items: same result as
    sorted(iterable, key=key, reverse=True)[:n].

    Keeps a min-heap of the n best candidates; the arrival order is
    negated so that, among equal keys, the earlier item wins.
    """
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    result = []
    order = 0
    for elem in it:
        result.append((elem if key is None else key(elem), order, elem))
        order -= 1
        if -order == n:
            break
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    for elem in it:
        k = elem if key is None else key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for (k, order, elem) in result]
