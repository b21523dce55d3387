"""Thread-safe queues: FIFO, LIFO, priority, and the simple unbounded one.

minipy's queue (CPython: Lib/queue.py, whose SimpleQueue and Empty come
from the C module _queue).

A Queue is a container plus one lock shared by three Conditions:
  not_empty       get() waits on it; put() notifies it
  not_full        put() waits on it when maxsize is reached; get() notifies
  all_tasks_done  join() waits on it until every put() item has been
                  marked done with task_done()
Subclasses change only the container, through _init/_qsize/_put/_get.
All waiting happens in Condition.wait, hence in lock.acquire, with the
GIL released.

Difference from CPython: Empty is defined here, with __module__ set to
"_queue" so tracebacks print "_queue.Empty" exactly as CPython's do
(there, Empty is a C class of _queue; Full is queue.Full in both).
"""

import threading
from heapq import heappush, heappop
from time import monotonic as time

# collections.deque lives in the C module _collections; importing it from
# there spares compiling the whole collections package at startup.
try:
    from _collections import deque
except ImportError:
    try:
        from collections import deque
    except ImportError:
        deque = None

# queue.Queue[int] is a generic alias, as for the built-in containers
# (when the interpreter has them).
try:
    _GenericAlias = type(list[int])
except TypeError:
    _GenericAlias = None

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass

Empty.__module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class _Fifo:
    """A first-in first-out list for when collections.deque is missing:
    items live in `items[head:]`; the consumed prefix is dropped once it
    is at least half of the list, so each item is copied O(1) times."""

    def __init__(self):
        self.items = []
        self.head = 0

    def __len__(self):
        return len(self.items) - self.head

    def append(self, item):
        self.items.append(item)

    def popleft(self):
        if self.head >= len(self.items):
            raise IndexError('pop from an empty deque')
        item = self.items[self.head]
        self.items[self.head] = None
        self.head += 1
        if self.head * 2 >= len(self.items):
            del self.items[:self.head]
            self.head = 0
        return item

    def __iter__(self):
        return iter(self.items[self.head:])

    def __repr__(self):
        return 'deque(%r)' % (self.items[self.head:],)


def _new_fifo():
    return deque() if deque is not None else _Fifo()


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One mutex; all three conditions share it.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Tell the queue that an item taken with get() is fully handled;
        join() returns when every item put has been marked done."""
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Block until every item put has been got and marked done."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """Approximate size (another thread may change it right away)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put an item, waiting for a free slot if the queue is full
        (forever, or up to `timeout` seconds, then Full; block=False:
        Full at once)."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting for one if the queue is
        empty (forever, or up to `timeout` seconds, then Empty;
        block=False: Empty at once)."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The container: override these four to change the order.
    def _init(self, maxsize):
        self.queue = _new_fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    if _GenericAlias is not None:
        __class_getitem__ = classmethod(_GenericAlias)


class PriorityQueue(Queue):
    """Items come out smallest first (typically (priority, data)
    tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Last in, first out: a stack."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking: put() never blocks.

    A Semaphore counts the items, so get() just acquires it; a lock makes
    each append/popleft of the container one step (the Python fallback
    container is not atomic on its own).
    """

    def __init__(self):
        self._queue = _new_fifo()
        self._mutex = threading.Lock()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        """Put an item (never blocks; block and timeout are ignored)."""
        with self._mutex:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting like Queue.get."""
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not block:
            timeout = None
        if not self._count.acquire(block, timeout):
            raise Empty
        with self._mutex:
            return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    if _GenericAlias is not None:
        __class_getitem__ = classmethod(_GenericAlias)

SimpleQueue.__module__ = '_queue'     # where CPython's C class lives
