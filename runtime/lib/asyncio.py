"""asyncio: a small model of CPython's asyncio package, for minipy.

How it works: a coroutine (async def) runs inside a Task.  The Task calls
coro.send(None); the coroutine runs until it awaits a Future that is not
done yet: Future.__await__ then yields the future itself, all the way up
to the Task, which registers a "wake me up" callback on it and returns to
the event loop.  The event loop is one thread running callbacks: a ready
queue (call_soon), a heap of timers (call_later) and a select() on a pipe
that threads write to (call_soon_threadsafe) to wake it up.

Modeled: asyncio.run, the event loop (get_event_loop, get_running_loop,
new_event_loop, set_event_loop, run_until_complete, run_forever, stop,
close, call_soon, call_later, call_at, call_soon_threadsafe, time,
create_task, create_future, run_in_executor with a ThreadPoolExecutor),
Future, Task (result, exception, cancel, cancelled, done,
add_done_callback, get_name), sleep, create_task, ensure_future, gather
(return_exceptions), wait_for, wait, as_completed, shield, to_thread,
current_task, all_tasks, Event, Lock, Semaphore, BoundedSemaphore,
Condition, Queue (and LifoQueue, PriorityQueue), iscoroutine,
iscoroutinefunction, isfuture, wrap_future, CancelledError, TimeoutError,
InvalidStateError, QueueEmpty, QueueFull.

Also TaskGroup and timeout() (3.11), simplified: a task counts its
cancel() requests (cancelling/uncancel) as CPython's does.

Missing: sockets and streams (open_connection, start_server), subprocesses,
signal handlers, context variables, debug mode, event loop policies beyond
one loop per thread, async generator hooks (an async generator dropped
before its end is closed at once, not by the loop).  Tracebacks show this
module's frames as <frozen asyncio>, not CPython's asyncio files.
"""

import collections
import functools
import heapq
import os
import select
import sys
import threading
import time

__all__ = [
    "run", "sleep", "create_task", "ensure_future", "gather", "wait_for",
    "wait", "as_completed", "shield", "to_thread", "current_task",
    "all_tasks", "get_event_loop", "get_running_loop", "new_event_loop",
    "set_event_loop", "Future", "Task", "Event", "Lock", "Semaphore",
    "BoundedSemaphore", "Condition", "Queue", "LifoQueue", "PriorityQueue",
    "iscoroutine", "iscoroutinefunction", "isfuture", "wrap_future",
    "CancelledError", "TimeoutError", "InvalidStateError", "QueueEmpty",
    "QueueFull", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "TaskGroup", "timeout", "Timeout",
]


# ---------------------------------------------------------------- errors

class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError     # the built-in one, as in CPython 3.11


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when Queue.put_nowait() is called on a full Queue."""


CancelledError.__module__ = "asyncio.exceptions"
InvalidStateError.__module__ = "asyncio.exceptions"


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    return type(obj).__name__ == "coroutine" and hasattr(obj, "cr_frame")


def iscoroutinefunction(func):
    """Return True if func is a coroutine function (an async def)."""
    while isinstance(func, functools.partial):
        func = func.func
    func = getattr(func, "__func__", func)
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


def isfuture(obj):
    """Return True if obj is a Future (or behaves like one)."""
    return getattr(obj, "_asyncio_future_blocking", None) is not None


# ---------------------------------------------------------------- Future

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def _format_callbacks(cbs):
    def name(cb):
        if getattr(cb, "__name__", "") == "_Task__wakeup":
            return "Task.task_wakeup()"
        return getattr(cb, "__qualname__", repr(cb)) + "()"
    if not cbs:
        return ""
    if len(cbs) > 2:
        return "cb=[%s, <%d more>, %s]" % (name(cbs[0]), len(cbs) - 2, name(cbs[-1]))
    return "cb=[%s]" % ", ".join(name(cb) for cb in cbs)


class Future:
    """A result that will be available later (set by set_result)."""

    _asyncio_future_blocking = False    # True while a Task waits on it
    _log_traceback = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=%r" % (self._exception,))
            else:
                info.append("result=%s" % (_short_repr(self._result),))
        if self._callbacks:
            info.append(_format_callbacks(self._callbacks))
        return info

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, " ".join(self._repr_info()))

    def __del__(self):
        if not self._log_traceback:
            return
        self._log_traceback = False
        exc = self._exception
        kind = "Task" if isinstance(self, Task) else "Future"
        _report("%s exception was never retrieved" % kind, self, exc)

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future; return False if it is already done."""
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        del self._callbacks[:]
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        """The result; raises the exception (or CancelledError) instead."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Call fn(future) (from the loop) once the future is done."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self          # up to the Task, which waits for us
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _short_repr(obj):
    r = repr(obj)
    return r if len(r) <= 80 else r[:38] + "..." + r[-39:]


def _report(message, future, exc):
    # What the default exception handler of the loop prints.
    import traceback
    lines = [message + "\n", "future: %r\n" % (future,)]
    if exc is not None:
        lines.extend(traceback.format_exception(type(exc), exc, exc.__traceback__))
    sys.stderr.write("".join(lines).rstrip("\n") + "\n")


# ---------------------------------------------------------------- Task

_task_counter = 0
_all_tasks = set()
_current_tasks = {}         # loop -> the task running in it


def _format_coroutine(coro):
    code = coro.cr_code
    name = coro.__qualname__ + "()"
    if coro.cr_frame is not None:
        return "%s running at %s:%s" % (name, code.co_filename, coro.cr_frame.f_lineno)
    return "%s done, defined at %s:%s" % (name, code.co_filename, code.co_firstlineno)


class Task(Future):
    """A coroutine wrapped in a Future, run by the event loop."""

    def __init__(self, coro, *, loop=None, name=None):
        global _task_counter
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        if name is None:
            _task_counter += 1
            name = "Task-%d" % _task_counter
        self._name = str(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._loop.call_soon(self.__step)
        _all_tasks.add(self)

    def _repr_info(self):
        info = Future._repr_info(self)
        if self._must_cancel:
            info[0] = "cancelling"
        info.insert(1, "name=%r" % (self._name,))
        info.insert(2, "coro=<%s>" % (_format_coroutine(self._coro),))
        if self._fut_waiter is not None:
            info.insert(3, "wait_for=%r" % (self._fut_waiter,))
        return info

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        """Ask the task to stop: CancelledError is raised inside it."""
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None and self._fut_waiter.cancel(msg=msg):
            return True     # __wakeup throws CancelledError into the coroutine
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """How many cancel() requests are pending."""
        return self._num_cancels_requested

    def uncancel(self):
        """Withdraw one cancel() request (TaskGroup, timeout)."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        # Run the coroutine until its next suspension (or its end).
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            self._cancel_message = e.args[0] if e.args else None
            Future.cancel(self, msg=self._cancel_message)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            # Drop this frame from the traceback: CPython's step is in C.
            if e.__traceback__ is not None:
                e = e.with_traceback(e.__traceback__.tb_next)
            Future.set_exception(self, e)
        else:
            if getattr(result, "_asyncio_future_blocking", None) is not None:
                if result is self:
                    err = RuntimeError("Task cannot await on itself: %r" % (self,))
                    self._loop.call_soon(self.__step, err)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup)
                    self._fut_waiter = result
                    if self._must_cancel and result.cancel(msg=self._cancel_message):
                        self._must_cancel = False
            elif result is None:
                self._loop.call_soon(self.__step)     # a bare yield: sleep(0)
            else:
                err = RuntimeError("Task got bad yield: %r" % (result,))
                self._loop.call_soon(self.__step, err)
        finally:
            _current_tasks.pop(self._loop, None)
            if self.done():
                _all_tasks.discard(self)

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()


def current_task(loop=None):
    """The Task running now, or None."""
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """The set of tasks of the loop that are not done yet."""
    if loop is None:
        loop = get_running_loop()
    return {t for t in _all_tasks if t._loop is loop and not t.done()}


# ---------------------------------------------------------------- the loop

class Handle:
    """A callback scheduled with call_soon; cancel() drops it."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            _report("Exception in callback %s" % (getattr(
                self._callback, "__qualname__", self._callback),), self, exc)

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, getattr(
            self._callback, "__qualname__", self._callback))


class TimerHandle(Handle):
    """A callback scheduled with call_later / call_at."""

    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when


class _UnixSelectorEventLoop:
    """The event loop: ready callbacks, timers, and a wake-up pipe."""

    def __init__(self):
        self._ready = collections.deque()
        self._scheduled = []            # a heap of TimerHandle
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._default_executor = None
        self._lock = threading.Lock()
        self._threadsafe = []           # callbacks added by other threads
        self._rfd, self._wfd = os.pipe()

    def __repr__(self):
        return "<%s running=%s closed=%s debug=False>" % (
            type(self).__name__, self.is_running(), self.is_closed())

    def time(self):
        return time.monotonic()

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    # -- scheduling

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        heapq.heappush(self._scheduled, timer)
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        with self._lock:
            self._threadsafe.append(handle)
        os.write(self._wfd, b"\0")      # wake up select()
        return handle

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    # -- running

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if _get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def run_forever(self):
        """Run callbacks until stop() is called."""
        self._check_closed()
        self._check_running()
        self._thread_id = threading.get_ident()
        old = _get_running_loop()
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(old)

    def run_until_complete(self, future):
        """Run until the future (or coroutine, wrapped in a Task) is done;
        return its result or raise its exception."""
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()      # it is reported by the raise
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _take_threadsafe(self):
        with self._lock:
            self._ready.extend(self._threadsafe)
            del self._threadsafe[:]

    def _run_once(self):
        self._take_threadsafe()
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = max(0, self._scheduled[0]._when - self.time())
        else:
            timeout = None      # only another thread can wake us now
        readable = select.select([self._rfd], [], [], timeout)[0]
        if readable:
            os.read(self._rfd, 4096)
        self._take_threadsafe()
        now = self.time()
        while self._scheduled and self._scheduled[0]._when <= now:
            timer = heapq.heappop(self._scheduled)
            if not timer._cancelled:
                self._ready.append(timer)
        # Run what is ready now; callbacks they add wait for the next turn.
        for _ in range(len(self._ready)):
            handle = self._ready.popleft()
            if not handle._cancelled:
                handle._run()

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        del self._scheduled[:]
        os.close(self._rfd)
        os.close(self._wfd)
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    # -- threads

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in a thread pool; return an awaitable Future."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor()
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_default_executor(self):
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            await to_thread(executor.shutdown, True)

    async def shutdown_asyncgens(self):
        pass


SelectorEventLoop = _UnixSelectorEventLoop
AbstractEventLoop = _UnixSelectorEventLoop


def _run_until_complete_cb(fut):
    fut.get_loop().stop()


_local = threading.local()      # running_loop / loop (set_event_loop)


def _get_running_loop():
    return getattr(_local, "running_loop", None)


def _set_running_loop(loop):
    _local.running_loop = loop


def get_running_loop():
    """The loop running in this thread; RuntimeError if there is none."""
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def new_event_loop():
    return _UnixSelectorEventLoop()


def set_event_loop(loop):
    _local.loop = loop


def get_event_loop():
    """The running loop, else this thread's loop (made on first use in the
    main thread)."""
    loop = _get_running_loop()
    if loop is not None:
        return loop
    loop = getattr(_local, "loop", None)
    if loop is None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("There is no current event loop in thread %r."
                               % threading.current_thread().name)
        loop = new_event_loop()
        _local.loop = loop
    return loop


def run(main, *, debug=None):
    """Run the coroutine main in a new event loop, then close the loop;
    return main's result (or raise its exception)."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got {!r}".format(main))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if not task.cancelled() and task.exception() is not None:
            _report("unhandled exception during asyncio.run() shutdown",
                    task, task.exception())


# ---------------------------------------------------------------- functions

def create_task(coro, *, name=None, context=None):
    """Schedule the coroutine to run soon, as a Task of the running loop."""
    return get_running_loop().create_task(coro, name=name)


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A Future for the argument: itself, or a Task running it."""
    if isfuture(coro_or_future):
        return coro_or_future
    if loop is None:
        loop = get_event_loop()
    if iscoroutine(coro_or_future):
        return loop.create_task(coro_or_future)
    if hasattr(type(coro_or_future), "__await__"):
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


class _Sleep0:
    # `await _Sleep0()` gives the other tasks one turn (a bare yield).
    def __await__(self):
        yield


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    """Suspend the current task for `delay` seconds; return result."""
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


class _GatheringFuture(Future):
    # The future gather() returns: cancelling it cancels the children.
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; a future of the list of results
    (in argument order).  The first exception is raised unless
    return_exceptions, which puts exceptions in the list instead."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    loop = None
    arg_to_fut = {}
    children = []
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                fut._log_traceback = False
            arg_to_fut[arg] = fut
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    nfuts = len(arg_to_fut)
    nfinished = 0
    outer = _GatheringFuture(children, loop=loop)

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()         # mark it retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    res = child._make_cancelled_error()
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    for fut in arg_to_fut.values():
        fut.add_done_callback(_done_callback)
    return outer


def shield(arg):
    """Protect an awaitable from being cancelled by its awaiter."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def _inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def _outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done)

    inner.add_done_callback(_inner_done)
    outer.add_done_callback(_outer_done)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Await fut, but cancel it and raise TimeoutError after timeout
    seconds (None: no limit)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures/tasks; return (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: {}".format(return_when))
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    counter = len(fs)
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables giving the results in the order the
    futures finish; TimeoutError after timeout seconds."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
    loop = get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    done = Queue()
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    return (_wait_for_one() for _ in range(len(todo)))


def wrap_future(future, *, loop=None):
    """An asyncio Future following a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def _copy(src):
        if new_future.cancelled():
            return
        if src.cancelled():
            new_future.cancel()
        elif src.exception() is not None:
            new_future.set_exception(src.exception())
        else:
            new_future.set_result(src.result())

    def _call_copy(src):
        if not loop.is_closed():
            loop.call_soon_threadsafe(_copy, src)

    future.add_done_callback(_call_copy)
    return new_future


async def to_thread(func, *args, **kwargs):
    """Run func(*args, **kwargs) in a thread; await its result."""
    loop = get_running_loop()
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))


# ---------------------------------------------------------------- locks

def _lock_repr(obj, extra):
    # As CPython: <asyncio.locks.Lock object at 0x... [unlocked]>
    return "<asyncio.locks.%s object at %#x [%s]>" % (type(obj).__name__, id(obj), extra)


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Event:
    """A flag tasks can wait for: wait() blocks until set() is called."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        extra = "set" if self._value else "unset"
        if self._waiters:
            extra = "%s, waiters:%d" % (extra, len(self._waiters))
        return _lock_repr(self, extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock(_ContextManagerMixin):
    """A mutex for tasks: `async with lock:`."""

    def __init__(self):
        self._waiters = collections.deque()
        self._locked = False

    def __repr__(self):
        extra = "locked" if self._locked else "unlocked"
        if self._waiters:
            extra = "%s, waiters:%d" % (extra, len(self._waiters))
        return _lock_repr(self, extra)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                return


class Semaphore(_ContextManagerMixin):
    """A counter of free slots: acquire() waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = collections.deque()

    def __repr__(self):
        extra = "locked" if self.locked() else "unlocked, value:%d" % self._value
        if self._waiters:
            extra = "%s, waiters:%d" % (extra, len(self._waiters))
        return _lock_repr(self, extra)

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


class Condition(_ContextManagerMixin):
    """wait() until another task calls notify(), holding a Lock."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else Lock()
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = collections.deque()

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    pass

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


# ---------------------------------------------------------------- queues

class Queue:
    """A FIFO queue for tasks: `await put(x)`, `await get()`, and
    task_done() / `await join()` to wait until every item is processed."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self._format())

    def _format(self):
        result = "maxsize=%r" % (self._maxsize,)
        if getattr(self, "_queue", None):
            result += " _queue=%r" % (list(self._queue),)
        if self._getters:
            result += " _getters[%d]" % len(self._getters)
        if self._putters:
            result += " _putters[%d]" % len(self._putters)
        if self._unfinished_tasks:
            result += " tasks=%d" % self._unfinished_tasks
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue giving the smallest item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """A Queue giving the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------- 3.11

class TaskGroup:
    """`async with TaskGroup() as tg: tg.create_task(...)` waits for all the
    tasks; the first failure cancels the others and the errors are raised
    together in an ExceptionGroup."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append("tasks=%d" % len(self._tasks))
        if self._errors:
            info.append("errors=%d" % len(self._errors))
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return "<TaskGroup%s>" % " ".join(info)

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup %r has been already entered" % (self,))
        self._entered = True
        self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError("TaskGroup %r cannot determine the parent task" % (self,))
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError("TaskGroup %r has not been entered" % (self,))
        if self._exiting and not self._tasks:
            raise RuntimeError("TaskGroup %r is finished" % (self,))
        if self._aborting:
            raise RuntimeError("TaskGroup %r is shutting down" % (self,))
        task = self._loop.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if not self._aborting and not self._parent_cancel_requested:
            # Cancel the others, and wake the parent up in __aexit__.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class Timeout:
    """The async context manager timeout() returns."""

    def __init__(self, when):
        self._when = when
        self._state = "created"
        self._handle = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._handle is not None:
            self._handle.cancel()
        self._when = when
        if when is None:
            self._handle = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._handle = loop.call_soon(self._on_timeout)
            else:
                self._handle = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ("expiring", "expired")

    def __repr__(self):
        info = [self._state]
        if self._state == "entered":
            info.append("when=%r" % (self._when,))
        return "<Timeout [%s]>" % " ".join(info)

    async def __aenter__(self):
        self._state = "entered"
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._state == "expiring":
            self._state = "expired"
            # No other cancel() request than ours: it is the timeout.
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == "entered":
            self._state = "exited"
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = "expiring"
        self._handle = None


def timeout(delay):
    """`async with timeout(delay):` cancels the block after delay seconds
    and raises TimeoutError instead (None: no limit)."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)
