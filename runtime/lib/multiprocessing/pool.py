"""Pool: a fixed set of worker processes that run tasks.

minipy's version of CPython's Lib/multiprocessing/pool.py: the same API
(map, starmap, imap, imap_unordered, apply, apply_async, map_async,
close, join, terminate, the `with` block) and the same chunking, with a
different inside.

How it works:
- Pool(n) forks n workers at once ("ForkPoolWorker-N"), each running
  worker() below; the parent feeds them from one thread.  That
  machinery (pipes, dispatch, dead workers) is in pool_engine.py.
- map(f, items) cuts items into chunks of ceil(len / (4 * processes))
  and sends (f, chunk) tasks; a worker returns the list of results of a
  chunk, which MapResult puts in place.  Functions travel by name
  (pickle), so they must be defined at the top level of a module,
  before the Pool is created.
- An exception in a task is pickled back with the worker's formatted
  traceback and re-raised in the parent, chained to a RemoteTraceback
  that shows where it happened, as CPython does.
- A worker that dies (killed, os._exit) is seen at once: the task it was
  running fails with WorkerLostError (CPython would wait forever) and a
  new worker takes its place.
"""

import os
import itertools
import threading
import traceback

import _multiprocessing

from . import util
from .context import TimeoutError
from .reduction import ForkingPickler

try:
    from _collections import deque
except ImportError:
    from collections import deque

__all__ = ['Pool', 'ThreadPool']

from .pool_engine import INIT, RUN, CLOSE, TERMINATE, WorkerLostError, _Engine, _ThreadEngine

job_counter = itertools.count()

def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    func, chunk = args
    return [func(*item) for item in chunk]


# -- exceptions that cross the process boundary ----------------------------------------

class RemoteTraceback(Exception):
    """The worker's traceback, as the __cause__ of the re-raised exception."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """Carries an exception and its formatted traceback to the parent."""

    def __init__(self, exc, tb):
        tb = ''.join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be safely sent
    through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


# -- the worker process -------------------------------------------------------------------

def worker(task_fd, result_fd, close_fds, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=True):
    """The body of a worker process: run tasks until told to stop (a None
    task), until the parent goes away (end of file) or after maxtasks."""
    util.close_fds(*close_fds)
    recv = _multiprocessing.recv_bytes
    send = _multiprocessing.send_bytes
    loads = ForkingPickler.loads
    dumps = ForkingPickler.dumps
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            data = recv(task_fd)
        except (EOFError, OSError):
            break
        try:
            task = loads(data)
        except Exception as e:
            # E.g. the function was defined after the pool was created.
            result = (False, _wrap(e, wrap_exception))
        else:
            if task is None:
                break
            func, args, kwds = task
            try:
                result = (True, func(*args, **kwds))
            except Exception as e:
                result = (False, _wrap(e, wrap_exception))
        task = func = args = kwds = None
        try:
            data = dumps(result)
        except Exception as e:
            data = dumps((False, MaybeEncodingError(e, result[1])))
        result = None
        send(result_fd, data)
        completed += 1


def _wrap(exc, wrap_exception):
    if wrap_exception:
        return ExceptionWithTraceback(exc, exc.__traceback__)
    return exc


# -- results --------------------------------------------------------------------------------

class ApplyResult(object):
    """The result of apply_async(): get(), wait(), ready(), successful()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _fail(self, exc):
        """The pool broke: finish with exc."""
        self._set(0, (False, exc))

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The result of map_async(): one list filled chunk by chunk."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _fail(self, exc):
        if self._success:
            self._success = False
            self._value = exc
        self._number_left = 1
        self._set(0, (False, exc))

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # Only the first exception is kept.
                self._success = False
                self._value = result
            if self._number_left == 0:
                # Ready only once every chunk has come back.
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):
    """The result of imap(): yields results in order as they arrive."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _fail(self, exc):
        with self._cond:
            self._items.append((False, exc))
            self._index += 1
            self._length = self._index
            self._cond.notify()
            self._cache.pop(self._job, None)
            self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The result of imap_unordered(): yields results as they arrive."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


class _TaskSource:
    """Iterates (job, index, func, args, kwds) over a task sequence,
    remembering where it is so that an error raised by the user's
    iterable can be reported at the right index; `count` is the number
    of tasks once it is exhausted (for set_length)."""

    def __init__(self, job, func, iterable):
        self._job = job
        self._func = func
        self._it = iter(iterable)
        self._index = -1
        self.position = (job, 0)
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.position = (self._job, self._index + 1)
        args = next(self._it)
        self._index += 1
        self.count = self._index + 1
        return self._job, self._index, self._func, (args,), {}


# -- the Pool ---------------------------------------------------------------------------

def _deliver(cache, job, index, result):
    target = cache.get(job)
    if target is not None:
        target._set(index, result)


def _lost(cache, tasks, message):
    for job, index in tasks:
        _deliver(cache, job, index, (False, WorkerLostError(message)))


def _broken(cache, message):
    for result in list(cache.values()):
        result._fail(WorkerLostError(message))


class Pool(object):
    """Class which supports an async version of applying functions to
    arguments."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = INIT
        self._engine = None
        from .context import _default_context
        self._ctx = context or _default_context.get_context()
        self._cache = {}
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._engine = self._make_engine(processes, initializer, initargs, maxtasksperchild)
        self._terminate = util.Finalize(self, self._terminate_pool, args=(self._engine,),
                                        exitpriority=15)
        self._state = RUN

    def _make_engine(self, processes, initializer, initargs, maxtasksperchild):
        # The engine must not refer to the pool (so that a forgotten pool
        # can be collected): it gets the cache, not bound methods.
        cache = self._cache
        return _Engine(self._ctx, worker, processes, initializer, initargs, maxtasksperchild,
                       lambda job, index, result: _deliver(cache, job, index, result),
                       lambda tasks, message: _lost(cache, tasks, message),
                       lambda message: _broken(cache, message),
                       wrap_exception=self._wrap_exception)

    @property
    def _pool(self):
        """The worker processes (threads for a ThreadPool)."""
        return self._engine.processes() if self._engine is not None else []

    def __del__(self):
        # A pool dropped while running: stop its workers (CPython warns
        # with a ResourceWarning and lets them be).
        try:
            if getattr(self, '_state', None) == RUN and self._engine is not None:
                self._terminate()
        except Exception:
            pass

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes or pickled')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        """Equivalent of `func(*args, **kwds)`; the pool must be running."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """Apply `func` to each element in `iterable`, collecting the results
        in a list that is returned."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like `map()` method but the elements of the `iterable` are expected to
        be iterables as well and will be unpacked as arguments."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of `starmap()` method."""
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        """Equivalent of `map()` -- can be MUCH slower than `Pool.map()`."""
        self._check_running()
        result = IMapIterator(self)
        self._submit_lazy(result, func, iterable, chunksize)
        if chunksize == 1:
            return result
        return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like `imap()` method but ordering of results is arbitrary."""
        self._check_running()
        result = IMapUnorderedIterator(self)
        self._submit_lazy(result, func, iterable, chunksize)
        if chunksize == 1:
            return result
        return (item for chunk in result for item in chunk)

    def _submit_lazy(self, result, func, iterable, chunksize):
        if chunksize == 1:
            source = _TaskSource(result._job, func, iterable)
        else:
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
            source = _TaskSource(result._job, mapstar, _get_tasks(func, iterable, chunksize))
        self._engine.submit(source, result._set_length)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Asynchronous version of `apply()` method."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._engine.submit(iter([(result._job, 0, func, args, kwds)]))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of `map()` method."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), self._processes * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        if chunksize > 0:
            task_batches = _get_tasks(func, iterable, chunksize)
            self._engine.submit(_TaskSource(result._job, mapper, task_batches))
        return result

    def close(self):
        """No more tasks: the workers exit once the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._engine.close()

    def terminate(self):
        """Stop the workers at once (SIGTERM), dropping outstanding work."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._engine.join()

    @staticmethod
    def _terminate_pool(engine):
        engine.terminate()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def _get_tasks(func, it, size):
    it = iter(it)
    while True:
        x = tuple(itertools.islice(it, size))
        if not x:
            return
        yield (func, x)


# -- ThreadPool: the same API on threads --------------------------------------------------

class ThreadPool(Pool):
    """A Pool whose workers are threads of this process."""

    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _make_engine(self, processes, initializer, initargs, maxtasksperchild):
        cache = self._cache
        return _ThreadEngine(processes, initializer, initargs,
                             lambda job, index, result: _deliver(cache, job, index, result))
