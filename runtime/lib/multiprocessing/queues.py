"""Queues between processes: Queue, JoinableQueue and SimpleQueue.

minipy's version of CPython's Lib/multiprocessing/queues.py.

A Queue is a pipe plus a few shared semaphores:
- put() never writes to the pipe itself.  It appends the object to a
  local buffer and wakes a "feeder" thread, which pickles the objects and
  writes them to the pipe.  So put() returns at once even when the pipe is
  full because nobody reads yet; a pipe holds only 64 KiB, and a process
  blocked writing to it could otherwise deadlock with the reader.
- get() reads one message from the pipe (under a lock shared by all the
  readers, so that two processes never read halves of the same message)
  and unpickles it.
- _sem counts free places (maxsize) across all processes: put() takes
  one, get() gives one back; qsize() is derived from it.
- Before a process exits, its feeder thread is made to send everything
  still buffered (a finalizer at exit), so objects put just before the
  end are not lost.  This is also why a process that has put data on a
  queue waits at exit until the pipe has room for it.

A forked child gets a copy of its parent's Queue object but not the
parent's feeder thread: the first use in the child starts afresh with an
empty buffer (_check_fork).
"""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import os
import sys
import threading
import time

import _multiprocessing

from . import connection
from . import synchronize
from . import util
from .reduction import ForkingPickler

try:
    from queue import Empty, Full
except ImportError:
    class Empty(Exception):
        'Exception raised by Queue.get(block=0)/get_nowait().'
    class Full(Exception):
        'Exception raised by Queue.put(block=0)/put_nowait().'

try:
    from _collections import deque
except ImportError:
    from collections import deque

_sentinel = object()


class Queue(object):
    """A FIFO queue shared between processes (see the module comment)."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = _multiprocessing.SemLock.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._opid = os.getpid()
        self._wlock = synchronize.Lock()
        self._sem = synchronize.BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()

    def __getstate__(self):
        synchronize._assert_inheritance(self)

    def __reduce__(self):
        synchronize._assert_inheritance(self)

    def _reset(self):
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = deque()
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._pid = os.getpid()
        self._send_bytes = self._writer.send_bytes
        self._recv_bytes = self._reader.recv_bytes
        self._poll = self._reader.poll

    def _check_fork(self):
        if self._pid != os.getpid():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        """Put obj into the queue (waiting for a free place if the queue
        has a maxsize and is full; queue.Full after timeout)."""
        if self._pid != os.getpid():
            self._reset()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item (queue.Empty after timeout)."""
        if self._pid != os.getpid():
            self._reset()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._poll(timeout):
                        raise Empty
                elif not self._poll():
                    raise Empty
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return ForkingPickler.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        """No more put() from this process; the feeder thread flushes the
        buffer and exits."""
        self._check_fork()
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        """Wait for the feeder thread (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        """Exit without waiting for buffered data to be sent."""
        self._joincancelled = True
        try:
            self._jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self):
        self._buffer.clear()
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes, self._wlock,
                  self._reader.close, self._writer.close, self._ignore_epipe,
                  self._on_queue_feeder_error, self._sem),
            name='QueueFeederThread', daemon=True)
        self._thread.start()
        if not self._joincancelled:
            self._jointhread = util.Finalize(self._thread, Queue._finalize_join,
                                             [self._thread], exitpriority=-5)
        self._close = util.Finalize(self, Queue._finalize_close,
                                    [self._buffer, self._notempty], exitpriority=10)

    @staticmethod
    def _finalize_join(thread):
        if thread.is_alive():
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, reader_close, writer_close,
              ignore_epipe, onerror, queue_sem):
        """The feeder thread: pickle and send what put() buffered."""
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                items = list(buffer)
                buffer.clear()
            for obj in items:
                if obj is _sentinel:
                    reader_close()
                    writer_close()
                    return
                try:
                    data = ForkingPickler.dumps(obj)
                    with writelock:
                        send_bytes(data)
                except Exception as e:
                    if ignore_epipe and isinstance(e, BrokenPipeError):
                        return
                    if util.is_exiting():
                        util.info('error in queue thread: %s', e)
                        return
                    queue_sem.release()
                    onerror(e, obj)

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """An object could not be sent (e.g. it cannot be pickled): print
        the traceback, as CPython does; the object is dropped."""
        import traceback
        traceback.print_exc()

    __class_getitem__ = classmethod(lambda cls, item: cls)


class JoinableQueue(Queue):
    """A Queue with task_done() and join(), like queue.Queue."""

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = synchronize.Semaphore(0)
        self._cond = synchronize.Condition()

    def put(self, obj, block=True, timeout=None):
        if self._pid != os.getpid():
            self._reset()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue(object):
    """A queue without feeder thread or size: put() writes to the pipe
    directly (and so may block while the pipe is full)."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._poll = self._reader.poll
        self._wlock = synchronize.Lock()

    def __getstate__(self):
        synchronize._assert_inheritance(self)

    def __reduce__(self):
        synchronize._assert_inheritance(self)

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return ForkingPickler.loads(res)

    def put(self, obj):
        obj = ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)

    __class_getitem__ = classmethod(lambda cls, item: cls)
