"""Thread objects and the synchronisation tools built on _thread.

minipy's version of CPython's Lib/threading.py (3.11 behaviour), written
for minipy: same names, reprs and error messages, simpler insides.

How the pieces fit:
- _thread (runtime/mod_thread.c) gives us OS threads, a plain lock that
  any thread may release, and a reentrant lock.  Every blocking wait in
  this file ends in lock.acquire(), which releases the GIL while it sleeps
  and lets Ctrl-C (KeyboardInterrupt) through in the main thread.
- Each started Thread holds its own "tstate lock" from the moment it runs
  until its run() has returned; join() and is_alive() just try to take
  that lock.  CPython releases it from C when the thread state dies; we
  release it at the end of _bootstrap_inner, which is as good for Python
  code.
- Condition is the workhorse: a waiter allocates a fresh lock, acquires
  it once, parks it in the condition's list, releases the outer lock and
  acquires its own lock a second time, which blocks until notify()
  releases it.  Semaphore, Event, Barrier and queue.Queue are all
  Conditions plus a counter or a flag.
- _active maps thread idents to Thread objects for current_thread(),
  enumerate() and active_count(); _limbo holds threads between start() and
  the moment they have registered themselves.
- At exit the interpreter calls _shutdown(), which runs the callbacks of
  _register_atexit (concurrent.futures uses it) and then joins every
  non-daemon thread by acquiring their tstate locks.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
local = _thread._local
stack_size = _thread.stack_size
Lock = _allocate_lock
_CRLock = _thread.RLock


def _warn_deprecated(message):
    """Emit a DeprecationWarning the way CPython's default filters show it:
    once per calling line, and only for code running in __main__."""
    try:
        import warnings
    except ImportError:
        warnings = None
    if warnings is not None:
        warnings.warn(message, DeprecationWarning, stacklevel=3)
        return
    try:
        frame = _sys._getframe(2)
    except (AttributeError, ValueError):
        return
    if frame.f_globals.get('__name__') != '__main__':
        return
    filename = frame.f_code.co_filename
    lineno = frame.f_lineno
    key = (filename, lineno, message)
    if key in _warned:
        return
    _warned.add(key)
    text = f"{filename}:{lineno}: DeprecationWarning: {message}\n"
    try:
        import _minipy
        line = _minipy.source_line(filename, lineno)
    except ImportError:
        line = None
    if line:
        text += "  " + line.strip() + "\n"
    _sys.stderr.write(text)

_warned = set()


# -- profile and trace hooks -----------------------------------------------
# minipy has no sys.settrace yet: we only remember the functions.

_profile_hook = None
_trace_hook = None

def setprofile(func):
    """Remember a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func

def getprofile():
    return _profile_hook

def settrace(func):
    """Remember a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func

def gettrace():
    return _trace_hook


# -- RLock and Condition -------------------------------------------------------

def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again; it
    is free once released as many times as it was acquired."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A lock plus a list of waiting threads.

    wait() releases the lock and sleeps until notify() wakes it up (or the
    timeout expires), then takes the lock back before returning.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock knows how to give itself away completely and come back
        # with the same recursion count; a plain Lock uses the fallbacks
        # below.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _at_fork_reinit(self):
        # In a child after fork(): a fresh lock of the same kind, no
        # waiters (their threads do not exist there).
        lock = self._lock
        if hasattr(lock, '_at_fork_reinit'):
            lock._at_fork_reinit()
        else:
            lock = RLock() if isinstance(lock, _CRLock) else Lock()
        self.__init__(lock)

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not know its owner: if we can take it, nobody
        # (in particular not us) held it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, sleep until notified or until `timeout`
        seconds have passed, take the lock again.  Returns False only when
        the timeout expired."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            # The second acquire blocks until notify() releases `waiter`.
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true (checked after each wake-up);
        return its last value, which is false if the timeout expired."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to `n` waiting threads (the lock must be held)."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass        # that waiter timed out and is leaving already
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up every waiting thread (the lock must be held)."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        _warn_deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()


# -- Semaphores, Event, Barrier ------------------------------------------------

class Semaphore:
    """A counter: acquire() waits while it is 0 and then decrements it,
    release() increments it and wakes a waiter."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        return self._flag

    def isSet(self):
        _warn_deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set or `timeout` expires; return the
        flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """`parties` threads call wait(); all of them are released together
    when the last one arrives.

    States: 0 filling, 1 draining (releasing the waiters), -1 resetting,
    -2 broken.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait for the other parties; return this thread's arrival index
        (0 .. parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Threads of the previous round are still leaving: wait for them.
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        # The last thread out makes the barrier usable again.
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Back to the empty state; threads waiting now get
        BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == 0 or self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future wait() calls fail."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# -- the thread registry -----------------------------------------------------------

_active_limbo_lock = RLock()
_active = {}        # ident -> Thread, for threads that are running
_limbo = {}         # Thread -> Thread, between start() and _bootstrap_inner

# Locks of the running non-daemon threads: _shutdown() joins through them.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()

_counter_value = 0

def _newname(name_template):
    """Next "Thread-N" (or "Dummy-N"): one counter for all unnamed threads."""
    global _counter_value
    with _active_limbo_lock:
        _counter_value += 1
        return name_template % _counter_value

def _maintain_shutdown_locks():
    """Forget the locks of threads that have ended (called with
    _shutdown_locks_lock held)."""
    done = [lock for lock in _shutdown_locks if not lock.locked()]
    for lock in done:
        _shutdown_locks.discard(lock)


# -- Thread -----------------------------------------------------------------------------

class Thread:
    """A thread of control: give a `target` callable or override run(),
    then start() it and join() it."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()         # notices a thread that has just ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        # Return only once the thread is registered, so that is_alive(),
        # ident and enumerate() see it.
        self._started.wait()

    def run(self):
        """The thread's work: calls target(*args, **kwargs).  Subclasses
        may override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break reference cycles through the arguments.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The function _thread runs in the new OS thread.
        self._bootstrap_inner()

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Take the lock that stays held while this thread runs."""
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            lock = self._tstate_lock
            if lock is not None:
                try:
                    lock.release()      # wakes join() and _shutdown()
                except RuntimeError:
                    pass                # an interrupted join() released it

    def _reset_internal_locks(self, is_alive):
        # In a child after fork(): locks may have been held by threads
        # that do not exist there.
        self._started._at_fork_reinit()
        if is_alive:
            if self._tstate_lock is not None:
                self._tstate_lock = _allocate_lock()
                self._tstate_lock.acquire()
        else:
            self._is_stopped = True
            self._tstate_lock = None

    def _stop(self):
        # Called once join() or is_alive() has seen the tstate lock free.
        # (Another joiner may hold the lock for an instant right now: we
        # don't assert it is unlocked, as CPython does.)
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread ends, or `timeout` seconds.  Always
        returns None: call is_alive() to know whether it ended."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            assert self._is_stopped
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            # Interrupted (e.g. by Ctrl-C).  If the thread has already left
            # _active, the lock is held by us: the interruption came just
            # after acquire() succeeded, so give it back.  (CPython 3.11
            # releases it whenever it is locked, even when the thread is
            # still running and holds it; we don't copy that.)
            if lock.locked() and self._ident not in _active:
                try:
                    lock.release()
                except RuntimeError:
                    pass
                self._stop()
            raise

    @property
    def name(self):
        """The thread's name, for humans only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The _thread.get_ident() of the thread, None before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """The operating system's id of the thread, None before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """True from start() until run() has returned."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """A daemon thread does not keep the program alive at exit."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _warn_deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _warn_deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        _warn_deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):
        _warn_deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name


# -- uncaught exceptions in threads --------------------------------------------------

class ExceptHookArgs(tuple):
    """What threading.excepthook receives: (exc_type, exc_value,
    exc_traceback, thread)."""

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs takes a 4-sequence (%d-sequence given)"
                            % len(args))
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, "
                "thread=%r)" % tuple(self))


def excepthook(args, /):
    """Print an exception that escaped a thread's run() to stderr:
    "Exception in thread NAME:" and the traceback.  SystemExit is silent."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    value = args.exc_value
    if isinstance(value, BaseException) and value.__traceback__ is args.exc_traceback:
        # CPython's default display, with its "Did you mean" hints.
        import _minipy
        stderr.write(_minipy.display_exception(value))
    else:
        from traceback import print_exception
        print_exception(args.exc_type, value, args.exc_traceback, file=stderr)
    stderr.flush()

__excepthook__ = excepthook


def _make_invoke_excepthook():
    """The function a thread calls (inside its `except:`) to report an
    uncaught exception through threading.excepthook."""
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        args = None
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            args = None
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:", file=stderr, flush=True)
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            args = None

    return invoke_excepthook


# -- Timer, main and dummy threads -------------------------------------------------------

class Timer(Thread):
    """Call function(*args, **kwargs) after `interval` seconds, unless
    cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread the interpreter started in."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started with _thread directly, the first time
    it calls current_thread().  Always alive, daemonic, cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# -- module functions ---------------------------------------------------------------------------

def current_thread():
    """The Thread object of the calling thread."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()

def currentThread():
    _warn_deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()

def active_count():
    """How many Thread objects are alive (started and not yet ended)."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)

def activeCount():
    _warn_deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()

def enumerate():
    """A list of the Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())

def main_thread():
    """The main Thread object."""
    return _main_thread


_SHUTTING_DOWN = False
_threading_atexits = []

def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) at exit before the non-daemon threads are
    joined (used by concurrent.futures to stop its workers)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the interpreter at exit: wait for the non-daemon
    threads."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        assert tlock is not None
        assert tlock.locked()
        tlock.release()
        _main_thread._stop()
    # New threads may be started while we wait: loop until none is left.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


def _after_fork():
    """Called by os.fork() in the child process, where only the thread
    that called fork() still exists: fresh module locks, that thread
    registered under its new ident (and becoming the main thread), every
    other Thread marked stopped."""
    global _active_limbo_lock, _main_thread
    global _shutdown_locks_lock, _shutdown_locks
    _active_limbo_lock = RLock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()
    try:
        current = _active[get_ident()]
    except KeyError:
        # fork() called from a thread started with _thread directly.
        current = _MainThread()
    _main_thread = current
    new_active = {}
    with _active_limbo_lock:
        threads = set(_active.values()) | set(_limbo.values())
        for thread in threads:
            if thread is current:
                thread._reset_internal_locks(True)
                thread._ident = get_ident()
                thread._native_id = get_native_id()
                new_active[thread._ident] = thread
            else:
                thread._reset_internal_locks(False)
                thread._stop()
        _limbo.clear()
        _active.clear()
        _active.update(new_active)


_main_thread = _MainThread()
