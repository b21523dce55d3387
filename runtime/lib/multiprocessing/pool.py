"""Pool: a fixed set of worker processes that run tasks.

minipy's version of CPython's Lib/multiprocessing/pool.py: the same API
(map, starmap, imap, imap_unordered, apply, apply_async, map_async,
close, join, terminate, the `with` block) and the same chunking, with a
different inside.

How it works:
- Pool(n) forks n workers at once ("ForkPoolWorker-N").  Each worker has
  two private pipes: the parent writes pickled tasks to one and reads
  pickled results from the other.  A worker runs one task at a time, so
  its results come back in the order its tasks were sent.
- One daemon thread in the parent (the "pool thread", class _Engine)
  does all the talking: it pulls tasks from the queue the API methods
  fill, pickles each and sends it to an idle worker, and waits with
  select() for results, which it hands to the AsyncResult/MapResult
  waiting for them.  A worker gets a second task while busy only when
  both are small, so a write never blocks on a full pipe while that
  worker is itself blocked writing a big result (no deadlock).
- map(f, items) cuts items into chunks of ceil(len / (4 * processes))
  and sends (f, chunk) tasks; a worker returns the list of results of a
  chunk.  Functions travel by name (pickle), so they must be defined at
  the top level of a module, before the Pool is created.
- An exception in a task is pickled back with the worker's formatted
  traceback and re-raised in the parent, chained to a RemoteTraceback
  that shows where it happened, as CPython does.
- A worker that dies (killed, os._exit) is seen at once: its result pipe
  reaches end of file.  The tasks it had are failed with WorkerLostError
  (CPython would wait forever) and a new worker takes its place.
"""

import os
import sys
import itertools
import select
import threading
import time
import traceback

import _multiprocessing

from . import util
from .context import ProcessError, TimeoutError, get_spawning_popen
from .reduction import ForkingPickler

try:
    from _collections import deque
except ImportError:
    from collections import deque

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()

# A second task is sent to a busy worker only if both are this small:
# two such messages always fit in a pipe (64 KiB on Linux).
_SMALL_TASK = 16 * 1024


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


class WorkerLostError(ProcessError):
    """A worker died while it ran the task (minipy raises this where
    CPython's Pool would wait forever)."""


def _exitcode_text(code):
    from .process import _exitcode_to_name
    return str(_exitcode_to_name.get(code, code))


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


# -- the parent's side: workers and the pool thread --------------------------------------

class _Worker:
    """The parent's view of one worker process."""

    def __init__(self, process, task_fd, result_fd, tasks_left):
        self.process = process
        self.task_fd = task_fd          # we write tasks here
        self.result_fd = result_fd      # and read results here
        self.outstanding = deque()      # (job, index, data) sent, not answered
        self.tasks_left = tasks_left    # None: unlimited
        self.stopping = False           # sent the stop message
        self.results = 0                # results received from it

    def can_take(self, size):
        if self.stopping or self.tasks_left == 0:
            return False
        if not self.outstanding:
            return True
        return (len(self.outstanding) == 1 and len(self.outstanding[0][2]) < _SMALL_TASK
                and size < _SMALL_TASK)


class _Engine:
    """Starts the workers and runs the pool thread.

    on_result(job, index, (success, value)), on_lost(tasks, message) and
    on_broken(message) are called in the pool thread.  Task sources are
    iterators of (job, index, func, args, kwds), with an optional
    set_length(n) called when one is exhausted."""

    def __init__(self, ctx, processes, initializer, initargs, maxtasks, on_result, on_lost,
                 on_broken, name_suffix='PoolWorker', wrap_exception=True):
        self._ctx = ctx
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasks
        self._on_result = on_result
        self._on_lost = on_lost
        self._on_broken = on_broken
        self._bad_starts = 0           # workers that died before any result
        self._name_suffix = name_suffix
        self._wrap_exception = wrap_exception
        self._processes = processes
        self._workers = []
        self._sources = deque()        # (iterator, set_length) not exhausted yet
        self._incoming = deque()       # filled by other threads
        self._incoming_lock = threading.Lock()
        self._ready = None             # (job, index, data) pickled, not sent yet
        self._retry = deque()          # tasks a dead worker never started
        self._stopped = []             # workers that ended for good (for join)
        self._state = RUN
        self._wake_r, self._wake_w = os.pipe()
        for _ in range(processes):
            self._start_worker()
        self._thread = threading.Thread(target=self._run, name='PoolEngine', daemon=True)
        self._thread.start()

    # Called from any thread.

    def submit(self, source, set_length=None):
        with self._incoming_lock:
            self._incoming.append((source, set_length))
        self._wake()

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
        self._wake()

    def terminate(self):
        self._state = TERMINATE
        self._wake()
        if threading.current_thread() is not self._thread:
            self._thread.join()

    def join(self):
        if threading.current_thread() is not self._thread:
            self._thread.join()
        for w in self._workers:
            w.process.join()

    def processes(self):
        return [w.process for w in self._stopped + self._workers]

    def _wake(self):
        try:
            os.write(self._wake_w, b'!')
        except OSError:
            pass

    # Workers.

    def _parent_fds(self):
        fds = [self._wake_r, self._wake_w]
        for w in self._workers:
            fds += [w.task_fd, w.result_fd]
        return fds

    def _start_worker(self):
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        close_in_child = self._parent_fds() + [task_w, result_r]
        process = self._ctx.Process(
            target=worker,
            args=(task_r, result_w, close_in_child, self._initializer, self._initargs,
                  self._maxtasks, self._wrap_exception))
        process.name = process.name.replace('Process', self._name_suffix)
        process.daemon = True
        try:
            process.start()
        finally:
            os.close(task_r)
            os.close(result_w)
        self._workers.append(_Worker(process, task_w, result_r, self._maxtasks))

    def _retire(self, w, replaced=False):
        """Forget a worker whose result pipe is closed; reap it."""
        self._workers.remove(w)
        if not replaced:
            self._stopped.append(w)
        util.close_fds(w.task_fd, w.result_fd)
        w.process.join(1.0)
        if w.process.exitcode is None:
            w.process.kill()
            w.process.join()
        return w.process.exitcode

    # The pool thread.

    def _run(self):
        try:
            self._loop()
        except BaseException:
            traceback.print_exc()
        finally:
            self._shutdown()

    def _loop(self):
        while True:
            self._take_incoming()
            if self._state == TERMINATE:
                return
            self._dispatch()
            if self._state == CLOSE and self._idle():
                if not self._stop_workers():
                    return
            fds = [self._wake_r] + [w.result_fd for w in self._workers]
            ready = select.select(fds, [], [])[0]
            for fd in ready:
                if fd == self._wake_r:
                    os.read(self._wake_r, 4096)
                else:
                    self._read_result(fd)

    def _take_incoming(self):
        with self._incoming_lock:
            while self._incoming:
                self._sources.append(self._incoming.popleft())

    def _idle(self):
        return (not self._sources and self._ready is None and not self._retry
                and all(not w.outstanding for w in self._workers))

    def _next_task(self):
        """The next task, pickled: (job, index, data), or None."""
        if self._retry:
            return self._retry.popleft()
        while self._sources:
            source, set_length = self._sources[0]
            try:
                job, index, func, args, kwds = next(source)
            except StopIteration:
                self._sources.popleft()
                if set_length is not None:
                    set_length(getattr(source, 'count', 0))
                continue
            except Exception as e:
                # The iterable itself failed: that is the result of the
                # task that would have come next.
                self._sources.popleft()
                job, index = getattr(source, 'position', (None, None))
                if job is not None:
                    self._on_result(job, index, (False, e))
                    if set_length is not None:
                        set_length(index + 1)
                continue
            try:
                data = ForkingPickler.dumps((func, args, kwds))
            except Exception as e:
                self._on_result(job, index, (False, e))
                continue
            return job, index, data
        return None

    def _dispatch(self):
        while True:
            if self._ready is None:
                self._ready = self._next_task()
                if self._ready is None:
                    return
            job, index, data = self._ready
            size = len(data)
            candidates = [w for w in self._workers if w.can_take(size)]
            if not candidates:
                return
            w = min(candidates, key=lambda w: len(w.outstanding))
            self._ready = None
            try:
                _multiprocessing.send_bytes(w.task_fd, data)
            except OSError:
                # The worker is gone (its end of file will be noticed):
                # give the task to another one.
                w.stopping = True
                self._ready = (job, index, data)
                continue
            w.outstanding.append((job, index, data))
            if w.tasks_left is not None:
                w.tasks_left -= 1

    def _read_result(self, fd):
        for w in self._workers:
            if w.result_fd == fd:
                break
        else:
            return
        try:
            data = _multiprocessing.recv_bytes(fd)
        except (EOFError, OSError):
            self._worker_gone(w)
            return
        job, index, task = w.outstanding.popleft()
        w.results += 1
        self._bad_starts = 0
        try:
            result = ForkingPickler.loads(data)
        except Exception as e:
            result = (False, e)
        try:
            self._on_result(job, index, result)
        except Exception:
            # A callback failed: report it, keep the pool running.
            traceback.print_exc()

    def _worker_gone(self, w):
        # The first outstanding task was running; the others never
        # started and go to another worker.
        lost = list(w.outstanding)
        w.outstanding.clear()
        self._retry.extend(lost[1:])
        replace = self._state == RUN or (self._state == CLOSE and not self._idle())
        exitcode = self._retire(w, replaced=replace)
        if lost:
            job, index, data = lost[0]
            message = ("Worker process %s died unexpectedly (exitcode=%s) while running "
                       "this task" % (w.process.name, _exitcode_text(exitcode)))
            self._on_lost([(job, index)], message)
        elif exitcode != 0 and w.results == 0:
            # Dead before doing anything (a failing initializer?): do not
            # fork replacements forever, as CPython's Pool would.
            self._bad_starts += 1
            if self._bad_starts >= max(4, 2 * self._processes):
                self._state = TERMINATE
                self._on_broken("Worker processes keep dying as they start (last: %s, "
                                "exitcode=%s)" % (w.process.name, _exitcode_text(exitcode)))
                return
        if replace and self._state != TERMINATE:
            self._start_worker()

    def _stop_workers(self):
        """Pool closed and no work left: ask every worker to exit.
        Returns True while some are still running."""
        stop = ForkingPickler.dumps(None)
        for w in self._workers:
            if not w.stopping:
                w.stopping = True
                try:
                    _multiprocessing.send_bytes(w.task_fd, stop)
                except OSError:
                    pass
        return bool(self._workers)

    def _shutdown(self):
        if self._state == TERMINATE:
            for w in self._workers:
                if w.process.exitcode is None:
                    w.process.terminate()
        for w in list(self._workers):
            self._retire(w)
        util.close_fds(self._wake_r, self._wake_w)


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
        return _Engine(self._ctx, processes, initializer, initargs, maxtasksperchild,
                       lambda job, index, result: _deliver(cache, job, index, result),
                       lambda tasks, message: _lost(cache, tasks, message),
                       lambda message: _broken(cache, message),
                       wrap_exception=self._wrap_exception)

    @property
    def _pool(self):
        """The worker processes (threads for a ThreadPool)."""
        return self._engine.processes() if self._engine is not None else []

    def __del__(self):
        if getattr(self, '_state', None) == RUN and self._engine is not None:
            self._terminate()

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

class _ThreadEngine:
    """_Engine's interface, running tasks in threads of this process
    (no pickling, no processes)."""

    def __init__(self, processes, initializer, initargs, on_result):
        import queue
        self._queue = queue.SimpleQueue()
        self._on_result = on_result
        self._results_lock = threading.Lock()
        self._workers = []
        for i in range(processes):
            t = threading.Thread(target=self.worker, args=(initializer, initargs), daemon=True)
            t.start()
            self._workers.append(t)
        self._state = RUN

    def submit(self, source, set_length=None):
        self._queue.put((source, set_length))

    def worker(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            item = self._queue.get()
            if item is None:
                # Closed: pass the word on; leave once nothing is queued
                # (a source being worked on is put back by its worker).
                empty = self._queue.empty()
                self._queue.put(None)
                if empty:
                    return
                continue
            source, set_length = item
            with self._results_lock:
                try:
                    task = next(source)
                except StopIteration:
                    if set_length is not None:
                        set_length(getattr(source, 'count', 0))
                    continue
                except Exception as e:
                    job, index = getattr(source, 'position', (None, None))
                    if job is not None:
                        self._on_result(job, index, (False, e))
                        if set_length is not None:
                            set_length(index + 1)
                    continue
            # Let another thread take the next task of this source.
            self._queue.put(item)
            job, index, func, args, kwds = task
            try:
                result = (True, func(*args, **kwds))
            except Exception as e:
                result = (False, e)
            with self._results_lock:
                self._on_result(job, index, result)

    def close(self):
        if self._state == RUN:
            self._queue.put(None)
        self._state = CLOSE

    def terminate(self):
        if self._state == RUN:
            self.close()
        self._state = TERMINATE

    def join(self):
        for t in self._workers:
            if t is not threading.current_thread():
                t.join()

    def processes(self):
        return list(self._workers)


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process."""

    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _make_engine(self, processes, initializer, initargs, maxtasksperchild):
        cache = self._cache
        return _ThreadEngine(processes, initializer, initargs,
                             lambda job, index, result: _deliver(cache, job, index, result))
