"""The machinery behind Pool and ProcessPoolExecutor: worker processes
and the thread that feeds them.

Part of minipy's multiprocessing (the API is in pool.py; CPython has no
such module: its Pool runs three threads around two shared queues).

- Each worker (a forked process running pool.worker) has two private
  pipes: the parent writes pickled tasks to one and reads pickled
  results from the other.  A worker runs one task at a time, so its
  results come back in the order its tasks were sent: the parent knows
  which task every result answers, and which task a dead worker was
  running.
- One daemon thread of the parent (_Engine._run, "PoolEngine") does all
  the talking: it takes task sources from the queue that submit() fills,
  pickles each task and sends it to an idle worker, and waits with
  select() for results, which it hands to on_result().
- A worker gets a second task while busy only when both are small, so a
  write never blocks on a full pipe while that worker is itself blocked
  writing a big result (no deadlock).
- A worker whose result pipe reaches end of file has died: on_lost()
  fails the task it was running, the tasks queued behind it go to other
  workers, and a new worker takes its place.  Workers that keep dying
  before doing anything (a failing initializer) break the pool instead
  (on_broken()), rather than being replaced forever.
- close(): the workers get a stop message once all the work is done;
  terminate(): they get SIGTERM at once.

_ThreadEngine has the same interface with threads, for ThreadPool.
"""

import os
import select
import threading
import traceback

import _multiprocessing

from . import util
from .context import ProcessError
from .reduction import ForkingPickler

try:
    from _collections import deque
except ImportError:
    from collections import deque

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

# A second task is sent to a busy worker only if both are this small:
# two such messages always fit in a pipe (64 KiB on Linux).
_SMALL_TASK = 16 * 1024


def _exitcode_text(code):
    from .process import _exitcode_to_name
    return str(_exitcode_to_name.get(code, code))


class WorkerLostError(ProcessError):
    """A worker died while it ran the task (minipy raises this where
    CPython's Pool would wait forever)."""


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

    def __init__(self, ctx, worker, processes, initializer, initargs, maxtasks, on_result, on_lost,
                 on_broken, name_suffix='PoolWorker', wrap_exception=True):
        self._ctx = ctx
        self._worker = worker
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
        self._broken = None            # why the pool broke, once it has
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
        # A pool that broke before this task came (its workers die as they
        # start) fails the task now: the pool thread is gone.  The task's
        # result is already in the cache that on_broken() fails.
        with self._incoming_lock:
            broken = self._broken
            if broken is None:
                self._incoming.append((source, set_length))
        if broken is not None:
            self._on_broken(broken)
            return
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
            target=self._worker,
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
                message = ("Worker processes keep dying as they start (last: %s, exitcode=%s)"
                           % (w.process.name, _exitcode_text(exitcode)))
                with self._incoming_lock:
                    self._broken = message
                self._on_broken(message)
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
