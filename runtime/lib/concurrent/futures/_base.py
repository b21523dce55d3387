"""Futures, executors and the functions that wait for futures.

minipy's version of CPython's Lib/concurrent/futures/_base.py (3.11).

A Future is a box for a result that will exist later.  Its state moves
PENDING -> RUNNING -> FINISHED (with a result or an exception), or
PENDING -> CANCELLED -> CANCELLED_AND_NOTIFIED.  Everything about it is
guarded by one Condition: result() waits on it, set_result() and
set_exception() notify it.

wait() and as_completed() need to hear about *any* of several futures
finishing, so they attach a _Waiter to each future; a future reports to
all its waiters as it finishes, and a waiter sets its Event when the
caller should wake up.
"""

import sys
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# The states of a Future.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'                 # cancelled, waiters not told yet
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


# Since 3.11 this is the built-in TimeoutError.
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional."""
    pass


def _log_exception(message):
    """Report an exception being handled the way CPython's logging module
    does when nothing is configured: the message, then the traceback, on
    stderr.  (minipy has no logging module yet.)"""
    import traceback
    stderr = sys.stderr
    if stderr is None:
        return
    text = message + "\n" + traceback.format_exc()
    stderr.write(text)
    stderr.flush()


# -- waiting for several futures -----------------------------------------------------

class _Waiter:
    """Hears about futures finishing; sets `event` when the caller of
    wait()/as_completed() should wake up.

    mode is FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED or
    _AS_COMPLETED; `pending` counts the futures not finished yet.
    """

    def __init__(self, mode, pending):
        self.mode = mode
        self.pending = pending
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []

    def _finished(self, future, raised):
        with self.lock:
            self.finished_futures.append(future)
            self.pending -= 1
            if (self.mode in (FIRST_COMPLETED, _AS_COMPLETED)
                    or (self.mode == FIRST_EXCEPTION and raised)
                    or self.pending <= 0):
                self.event.set()

    def add_result(self, future):
        self._finished(future, False)

    def add_exception(self, future):
        self._finished(future, True)

    def add_cancelled(self, future):
        self._finished(future, False)


class _AcquireFutures:
    """Hold the conditions of many futures at once (always in the same
    order, by id, so two callers cannot deadlock)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _install_waiter(fs, mode):
    pending = sum(f._state not in (CANCELLED_AND_NOTIFIED, FINISHED) for f in fs)
    if mode not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, _AS_COMPLETED):
        raise ValueError("Invalid return condition: %r" % mode)
    waiter = _Waiter(mode, pending)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _remove_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            try:
                f._waiters.remove(waiter)
            except ValueError:
                pass


def as_completed(fs, timeout=None):
    """Yield the futures of `fs` as they finish (those already finished
    first).  Raises TimeoutError if some are still pending after
    `timeout` seconds."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = [f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED)]
        pending = fs - set(finished)
        waiter = _install_waiter(fs, _AS_COMPLETED)
    try:
        for f in finished:
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (
                        len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            for f in finished:
                if f in pending:
                    pending.discard(f)
                    yield f
    finally:
        _remove_waiter(fs, waiter)


class DoneAndNotDoneFutures(tuple):
    """wait()'s result: a named pair of sets (done, not_done)."""

    __slots__ = ()
    _fields = ('done', 'not_done')

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    done = property(lambda self: self[0], doc='The futures that finished.')
    not_done = property(lambda self: self[1], doc='The futures still running.')

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures of `fs`: until the first one finishes
    (FIRST_COMPLETED), the first raises or all finish (FIRST_EXCEPTION),
    or all finish (ALL_COMPLETED), or `timeout` seconds pass.  Returns
    DoneAndNotDoneFutures(done, not_done), two sets."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED)}
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _install_waiter(fs, return_when)
    waiter.event.wait(timeout)
    _remove_waiter(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


# -- Future ------------------------------------------------------------------------------------

class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r' % (self,))

    def __repr__(self):
        with self._condition:
            cls = self.__class__.__name__
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        cls, id(self), state, self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    cls, id(self), state, self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (cls, id(self), state)

    def cancel(self):
        """Cancel the future if it has not started running.  Returns
        False if it is running or finished, True otherwise."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        """True if the future was cancelled."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        """True if the call is running right now."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True if the future finished or was cancelled."""
        with self._condition:
            return self._state in _DONE_STATES

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                self = None     # no cycle through the traceback
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future finishes or is cancelled (at
        once if it already has)."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r' % (self,))

    def result(self, timeout=None):
        """The call's return value, waiting up to `timeout` seconds.
        Re-raises the call's exception; CancelledError if cancelled;
        TimeoutError if not done in time."""
        try:
            with self._condition:
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                self._condition.wait(timeout)
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                raise TimeoutError()
        finally:
            self = None

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting
        like result()."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    # -- used by executors (and tests) --

    def set_running_or_notify_cancel(self):
        """Executors call this before running the call: False if the
        future was cancelled (the waiters are told now), True after moving
        it to RUNNING."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Store the call's result and wake everybody waiting."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """Store the call's exception and wake everybody waiting."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


# -- Executor ---------------------------------------------------------------------------------

class Executor:
    """Base class of the executors: submit() schedules a call and
    returns its Future."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls running concurrently.

        All calls are submitted at once; the returned iterator yields the
        results in input order, raising the first exception it meets (or
        TimeoutError if a result is not ready `timeout` seconds after
        map() was called)."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()    # pop() from the end is cheap
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources once pending calls are done."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
