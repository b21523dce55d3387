"""multiprocessing.dummy: the multiprocessing API on threads.

minipy's version of CPython's Lib/multiprocessing/dummy/: Process is a
thread, Pool a multiprocessing.pool.ThreadPool, the locks and queues
those of threading and queue.  Useful for I/O-bound work written against
the multiprocessing API (`from multiprocessing.dummy import Pool`).
Nothing is pickled and nothing is shared through fork: the "processes"
are threads of this interpreter.
"""

__all__ = ['Process', 'current_process', 'active_children', 'freeze_support', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier',
           'Queue', 'Manager', 'Pipe', 'Pool', 'JoinableQueue', 'Value', 'Array',
           'Namespace']

import sys
import threading
from threading import Lock, RLock, Semaphore, BoundedSemaphore
from threading import Event, Condition, Barrier
from queue import Queue


class DummyProcess(threading.Thread):
    """A thread with the little of Process's interface that threads lack."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}".format(
                self._parent, current_process()))
        self._start_called = True
        _children.append(self)
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
current_process = threading.current_thread
_children = []


def active_children():
    _children[:] = [p for p in _children if p.is_alive()]
    return list(_children)


def freeze_support():
    pass


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


dict = dict
list = list


def Array(typecode, sequence, lock=True):
    """A plain list (CPython returns an array.array)."""
    return list(sequence)


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def __repr__(self):
        return '<%s(%r, %r)>' % (type(self).__name__, self._typecode, self._value)


def Manager():
    return sys.modules[__name__]


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from ..pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)


JoinableQueue = Queue


class Connection(object):
    """One end of a Pipe between threads: two queues."""

    def __init__(self, inbox, outbox):
        self._in = inbox
        self._out = outbox
        self.send = self.send_bytes = outbox.put
        self.recv = self.recv_bytes = inbox.get

    def poll(self, timeout=0.0):
        if self._in.qsize() > 0:
            return True
        if timeout <= 0.0:
            return False
        with self._in.not_empty:
            self._in.not_empty.wait(timeout)
        return self._in.qsize() > 0

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Pipe(duplex=True):
    a, b = Queue(), Queue()
    if duplex:
        return Connection(a, b), Connection(b, a)
    return Connection(a, b), Connection(b, a)
