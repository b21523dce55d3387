"""ProcessPoolExecutor: run calls in worker processes, get Futures back.

minipy's version of CPython's Lib/concurrent/futures/process.py (3.11
behaviour), built on the worker machinery of multiprocessing.pool
(runtime/lib/multiprocessing/pool_engine.py, class _Engine): the workers are
forked processes ("ForkProcess-N", all started at the first submit, as
CPython does with fork), each fed through its own pipe by one thread of
the parent.

- submit(fn, *args) returns a Future at once.  When the engine takes the
  call to send it to a worker, the future becomes RUNNING (a call can be
  cancelled until then); fn and its arguments are pickled then, so a
  lambda fails in the future with PicklingError.
- A call's exception is re-raised by future.result(), chained to a
  _RemoteTraceback showing the worker's traceback.
- A worker that dies (killed, os._exit ...) breaks the executor, as in
  CPython: every pending future fails with BrokenProcessPool and later
  submits raise it.
- map() sends the calls in chunks of `chunksize` argument tuples.
- shutdown(wait=True) (and the end of a `with` block) waits for the
  pending calls; at interpreter exit a forgotten executor is shut down
  the same way.
"""

__author__ = 'Brian Quinlan (brian@sweetapp.com)'

import os
import threading
import itertools
from traceback import format_exception

from concurrent.futures import _base
import multiprocessing as mp
from multiprocessing import util as _util
from multiprocessing import pool as _mp_pool

_global_shutdown = False

EXTRA_QUEUED_CALLS = 1

_MAX_WINDOWS_WORKERS = 63 - 2


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    def __init__(self, exc, tb):
        tb = ''.join(format_exception(type(exc), exc, tb))
        self.exc = exc
        self.exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


def _get_chunks(*iterables, chunksize):
    """ Iterates over zip()ed iterables in chunks. """
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


class _ChunkProcessor:
    """Processes a chunk of an iterable passed to map: fn(*args) for each
    argument tuple.  (CPython uses functools.partial(_process_chunk, fn).)"""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    """
    Specialized implementation of itertools.chain.from_iterable.
    Each item in *iterable* should be a list.  This function is
    careful not to keep references to yielded objects.
    """
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _call(fn, args, kwargs):
    """Runs in the worker: the call, with its exception wrapped so that
    its traceback travels to the parent."""
    try:
        return fn(*args, **kwargs)
    except BaseException as e:
        raise _Wrapped(_ExceptionWithTraceback(e, e.__traceback__)) from None


class _Wrapped(Exception):
    """Carries an _ExceptionWithTraceback out of _call."""

    def __init__(self, carrier):
        self.carrier = carrier


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process.
        """
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        self._mp_context = mp_context

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            elif self._mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_tasks_per_child = max_tasks_per_child

        self._engine = None
        self._shutdown_thread = False
        self._shutdown_lock = threading.RLock()
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._cancel_pending_futures = False
        self._finalizer = None

    def _start_engine(self):
        if self._engine is not None:
            return
        self._engine = _mp_pool._Engine(
            self._mp_context, _mp_pool.worker, self._max_workers, self._initializer,
            self._initargs,
            self._max_tasks_per_child, self._deliver, self._lost,
            lambda message: self._lost((), message),
            name_suffix='Process', wrap_exception=False)
        self._finalizer = _util.Finalize(self, _python_exit_one, args=(self,), exitpriority=20)

    def _deliver(self, work_id, index, result):
        """In the engine thread: a call finished."""
        future = self._pending_work_items.pop(work_id, None)
        if future is None:
            return
        success, value = result
        if success:
            future.set_result(value)
            return
        if isinstance(value, _Wrapped):
            value = value.carrier
        elif isinstance(value, _ExceptionWithTraceback):
            value = _rebuild_exc(value.exc, value.tb)
        elif isinstance(value, BaseException) and value.__cause__ is None:
            # The call could not be sent (e.g. pickling failed): CPython
            # attaches the sending thread's traceback the same way.
            tb = format_exception(type(value), value, value.__traceback__)
            value.__cause__ = _RemoteTraceback('\n"""\n{}"""'.format(''.join(tb)))
        future.set_exception(value)

    def _lost(self, tasks, message):
        """In the engine thread: a worker died; the pool is broken."""
        with self._shutdown_lock:
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            pending = self._pending_work_items
            self._pending_work_items = {}
        bpe = BrokenProcessPool("A process in the process pool was terminated abruptly "
                                "while the future was running or pending.")
        for work_id, future in sorted(pending.items()):
            if not future.done():
                if future.running() or future.set_running_or_notify_cancel():
                    future.set_exception(bpe)
        self._engine.terminate()

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            work_id = self._queue_count
            self._queue_count += 1
            self._pending_work_items[work_id] = f
            self._start_engine()
            self._engine.submit(_one_call(work_id, f, fn, args, kwargs))
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.

        Returns:
            An iterator equivalent to: map(func, *iterables) but the calls may
            be evaluated out-of-order.

        Raises:
            TimeoutError: If the entire result iterator could not be generated
                before the given timeout.
            Exception: If fn(*args) raises for any values.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(_ChunkProcessor(fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            if cancel_futures:
                for future in list(self._pending_work_items.values()):
                    future.cancel()
            engine = self._engine
        if engine is not None:
            engine.close()
            if wait:
                engine.join()
        if self._finalizer is not None and wait:
            self._finalizer.cancel()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__


def _one_call(work_id, future, fn, args, kwargs):
    """The engine's task source for one submit(): nothing if the future
    was cancelled before the engine got to it."""
    if future.set_running_or_notify_cancel():
        yield (work_id, 0, _call, (fn, args, kwargs), {})


def _python_exit_one(executor):
    global _global_shutdown
    _global_shutdown = True
    executor.shutdown(wait=True)
