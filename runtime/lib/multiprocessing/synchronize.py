"""Locks, semaphores, conditions, events and barriers shared between
processes.

minipy's version of CPython's Lib/multiprocessing/synchronize.py.  Each
primitive is built on _multiprocessing.SemLock, a POSIX semaphore in
shared memory (runtime/mod_multiprocessing.c): a Lock is a semaphore
with at most one token, an RLock a recursive mutex that remembers its
owner thread, a Condition is three semaphores (sleepers, woken, wait),
an Event a Condition plus a flag semaphore.  Because the semaphore lives
in memory that fork() shares, the object must be created before the
child is started and passed to it as a Process argument (inheritance);
pickling one (through a Queue or a Pool) raises RuntimeError, as in
CPython.
"""

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

import sys
import threading
import time

import _multiprocessing

from . import process
from . import util

RECURSIVE_MUTEX, SEMAPHORE = list(range(2))
SEM_VALUE_MAX = _multiprocessing.SemLock.SEM_VALUE_MAX


def _assert_inheritance(obj):
    raise RuntimeError('%s objects should only be shared between processes'
                       ' through inheritance' % type(obj).__name__)


class SemLock(_multiprocessing.SemLock):
    """Base class: a shared semaphore with acquire/release.

    CPython wraps a _multiprocessing.SemLock in a Python object; here the
    classes derive from it, so acquire(), release() and `with lock:` go
    straight to C.  `_semlock` is kept as an alias for code written
    against CPython's attribute."""

    def __new__(cls, kind, value, maxvalue, *, ctx=None):
        return _multiprocessing.SemLock.__new__(cls, kind, value, maxvalue)

    def __init__(self, kind, value, maxvalue, *, ctx=None):
        pass

    @property
    def _semlock(self):
        return self

    def __getstate__(self):
        _assert_inheritance(self)

    def __reduce__(self):
        _assert_inheritance(self)

    def __reduce_ex__(self, protocol):
        _assert_inheritance(self)


class Semaphore(SemLock):

    def __new__(cls, value=1, *, ctx=None):
        return SemLock.__new__(cls, SEMAPHORE, value, SEM_VALUE_MAX)

    def __init__(self, value=1, *, ctx=None):
        pass

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):

    def __new__(cls, value=1, *, ctx=None):
        return SemLock.__new__(cls, SEMAPHORE, value, value)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (self.__class__.__name__, value,
                                                self._semlock.maxvalue)


def _owner_name():
    name = process.current_process().name
    thread_name = threading.current_thread().name
    if thread_name != 'MainThread':
        name += '|' + thread_name
    return name


class Lock(SemLock):
    """A non-recursive lock shared between processes."""

    def __new__(cls, *, ctx=None):
        return SemLock.__new__(cls, SEMAPHORE, 1, 1)

    def __init__(self, *, ctx=None):
        pass

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = _owner_name()
            elif self._semlock._get_value() == 1:
                name = 'None'
            elif self._semlock._count() > 0:
                name = 'SomeOtherThread'
            else:
                name = 'SomeOtherProcess'
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):
    """A recursive lock: its owner thread may acquire it again."""

    def __new__(cls, *, ctx=None):
        return SemLock.__new__(cls, RECURSIVE_MUTEX, 1, 1)

    def __init__(self, *, ctx=None):
        pass

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = _owner_name()
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = 'None', 0
            elif self._semlock._count() > 0:
                name, count = 'SomeOtherThread', 'nonzero'
            else:
                name, count = 'SomeOtherProcess', 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Condition(object):
    """A condition variable shared between processes.

    wait() counts itself in _sleeping_count, releases the lock fully and
    sleeps on _wait_semaphore; notify(n) posts _wait_semaphore once per
    sleeper it wakes and then waits for each of them to report through
    _woken_count, so that a notify never wakes a later waiter."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self._make_methods()

    def __getstate__(self):
        _assert_inheritance(self)

    def __reduce__(self):
        _assert_inheritance(self)

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() -
                           self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), 'must acquire() condition before using wait()'
        self._sleeping_count.release()
        # Release the (maybe recursive) lock completely, remembering depth.
        count = self._lock._semlock._count()
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False)
        # Forget the sleepers that timed out since the last notify.
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, ('notify: Bug in sleeping_count.acquire' + '- res should not be False')
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            # Take back the tokens of waiters that timed out meanwhile.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event(object):
    """A flag shared between processes, with wait()."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Barrier(threading.Barrier):
    """threading.Barrier for processes: its state (0 filling, 1 draining,
    -1 resetting, -2 broken) and count live in shared memory."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._array = _multiprocessing.SharedArray('i', 2)
        self._cond = Condition()
        self._action = action
        self._timeout = timeout
        self._parties = parties

    def __getstate__(self):
        _assert_inheritance(self)

    def __reduce__(self):
        _assert_inheritance(self)

    @property
    def _state(self):
        return self._array[0]

    @_state.setter
    def _state(self, value):
        self._array[0] = value

    @property
    def _count(self):
        return self._array[1]

    @_count.setter
    def _count(self, value):
        self._array[1] = value
