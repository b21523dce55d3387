"""ThreadPoolExecutor: run calls in a pool of worker threads.

minipy's version of CPython's Lib/concurrent/futures/thread.py (3.11).

submit() wraps the call in a _WorkItem, puts it on a SimpleQueue and, if
no worker is idle, starts one more thread (up to max_workers).  Workers
loop: take an item, run it, report themselves idle (a semaphore that
submit() checks), repeat.  A None on the queue means "stop": a worker
that sees it while the executor is shutting down puts it back for the
next worker and returns.

Workers are ordinary (non-daemon) threads.  At interpreter exit
threading._shutdown() first runs _python_exit (registered with
threading._register_atexit), which wakes every worker with a None, so the
program ends once the queued work is done.

Difference from CPython: workers hold a plain reference to their
executor (CPython uses a weak reference, so a forgotten executor can be
collected); minipy has no weakref module yet.
"""

import os
import queue
import threading
from concurrent.futures import _base

# Set by _python_exit: no new work, workers stop when the queue is empty.
_shutdown = False
# Held while _shutdown is read or written, so that submit() cannot add
# work after _python_exit has woken the workers.
_global_shutdown_lock = threading.Lock()
# Every live worker thread and the queue it reads, for _python_exit.
_threads_queues = {}


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()

threading._register_atexit(_python_exit)


class _WorkItem:
    """One submitted call and the Future that receives its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return      # cancelled while it was queued
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None     # no cycle through the traceback
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log_exception('Exception in initializer:')
            executor._initializer_failed()
            _threads_queues.pop(threading.current_thread(), None)
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # None: stop if the executor or the interpreter is shutting
            # down, and pass the None on to wake the next worker.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException:
        _base._log_exception('Exception in worker')
    finally:
        # (CPython's weak dictionary forgets dead threads by itself.)
        _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread's initializer failed."""


class ThreadPoolExecutor(_base.Executor):
    """An Executor whose calls run in up to `max_workers` threads named
    "<thread_name_prefix>_<n>" (default prefix "ThreadPoolExecutor-<k>")."""

    # Numbers the executors made without a thread_name_prefix.
    _counter_value = 0
    _counter_lock = threading.Lock()

    @classmethod
    def _counter(cls):
        with cls._counter_lock:
            value = ThreadPoolExecutor._counter_value
            ThreadPoolExecutor._counter_value = value + 1
            return value

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            # Enough threads for I/O-bound work, but not hundreds on a
            # big machine.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will take the new item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Fail every call still queued.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No more submit(); with wait=True, return once the workers have
        finished the queued calls.  cancel_futures=True cancels the calls
        that have not started."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # One None wakes one worker, which passes it on to the next.
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
