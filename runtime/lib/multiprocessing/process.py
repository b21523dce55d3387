"""Process objects: run a function in a child process.

minipy's version of CPython's Lib/multiprocessing/process.py and
popen_fork.py, for the "fork" start method (the only one minipy has; the
"spawn" and "forkserver" contexts also fork, see context.py).

How a process runs:
- start() flushes stdout/stderr (so that text still buffered is not
  printed by both processes), makes two pipes and calls os.fork().
- The child closes the parent's pipe ends, becomes current_process(),
  runs target(*args, **kwargs) through run(), and ends with os._exit()
  after flushing its streams: it never returns into the parent's code, so
  the main module is not run again.  An uncaught exception prints
  "Process NAME:" and the traceback, and gives exit code 1; sys.exit(n)
  gives n.
- The parent keeps the read end of a pipe whose write end only the child
  holds: it becomes readable when the child dies however it dies.  That
  is `sentinel`, which join(timeout) waits on with select() before reaping
  the child with waitpid().  exitcode is negative (-signal) for a child
  killed by a signal.
- Children that nobody joined are reaped by active_children(), by the
  next start() and at exit, where daemonic children are terminated and
  the others joined (CPython's atexit hook does the same).
"""

import os
import sys
import signal
import itertools
import threading

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

from . import util


def current_process():
    """Return the process object representing the current process."""
    return _current_process


def active_children():
    """Return the list of this process's children that are still alive
    (finished ones are reaped on the way)."""
    _cleanup()
    return list(_children)


def parent_process():
    """Return the parent of this process (None in the main process)."""
    return _parent_process


def _cleanup():
    # Reap the children that have finished.
    for p in list(_children):
        if p._popen.poll() is not None:
            _children.discard(p)


class _Popen(object):
    """The running child of a started process (CPython's popen_fork.Popen)."""

    method = 'fork'

    def __init__(self, process_obj):
        util._flush_std_streams()
        self.returncode = None
        self._fds = ()
        self._launch(process_obj)

    def _launch(self, process_obj):
        code = 1
        parent_r, child_w = os.pipe()
        child_r, parent_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(parent_r)
                os.close(parent_w)
                code = process_obj._bootstrap(parent_sentinel=child_r)
            finally:
                os._exit(code)
        os.close(child_w)
        os.close(child_r)
        self._fds = (parent_r, parent_w)
        self.sentinel = parent_r

    def poll(self, flag=os.WNOHANG):
        """The exit code, or None while the child runs; reaps it."""
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, flag)
            except OSError:
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                self._close_fds()
        return self.returncode

    def wait(self, timeout=None):
        """Wait at most timeout seconds (forever if None) for the child."""
        if self.returncode is None:
            if timeout is not None:
                from .connection import wait
                if not wait([self.sentinel], timeout):
                    return None
            return self.poll(os.WNOHANG if timeout == 0.0 else 0)
        return self.returncode

    def _send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def terminate(self):
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._send_signal(signal.SIGKILL)

    def _close_fds(self):
        fds, self._fds = self._fds, ()
        util.close_fds(*fds)

    def close(self):
        self._close_fds()

    def __del__(self):
        # A process object nobody joined: reap the child if it is done,
        # else leave it to _orphans (reaped later, or at exit).
        try:
            if self.returncode is None and self.poll() is None:
                _orphans.append(self)
                return
            self._close_fds()
        except Exception:
            pass


# Popen objects dropped while their child still ran (see _Popen.__del__).
_orphans = []


def _reap_orphans(block=False):
    for popen in list(_orphans):
        if popen.poll(0 if block else os.WNOHANG) is not None:
            _orphans.remove(popen)


class BaseProcess(object):
    """Process objects represent activity that is run in a separate process.

    The class is analogous to threading.Thread."""

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """Method to be run in the child process; calls the target."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        _reap_orphans()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The child has its own copies; the parent no longer needs them.
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Terminate the process with SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Terminate the process with SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait until the child process terminates (or timeout seconds)."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Return whether the process is alive."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release the resources of a finished process (its pipes); the
        object cannot be used afterwards."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the process is a daemon: killed when its parent exits."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """Return exit code of process or None if it has yet to stop."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """Return identifier (PID) of process or None if it has yet to start."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A file descriptor that becomes "ready" when the process ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def __reduce__(self):
        raise TypeError("Pickling a process object is not supported "
                        "(it can only be shared with its children through fork)")

    def _bootstrap(self, parent_sentinel=None):
        """The child's whole life: returns its exit code."""
        global _current_process, _parent_process, _process_counter, _children
        exitcode = 1
        try:
            _process_counter = itertools.count(1)
            _children = set()
            del _orphans[:]
            util._reset_after_fork()
            util._close_stdin()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid, parent_sentinel)
            util._run_after_forkers()
            util.info('child process calling self.run()')
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            _shutdown_threads()
            util.info('process exiting with exitcode %d' % exitcode)
            util._flush_std_streams()
        return exitcode


def _shutdown_threads():
    """Wait for the threads the child started, as the interpreter does at
    exit.  Only when threading knows it was forked (threading._after_fork),
    else it would wait for the parent's threads, which do not exist here."""
    if hasattr(threading, '_after_fork'):
        try:
            threading._shutdown()
        except Exception:
            pass


class AuthenticationString(bytes):
    def __reduce__(self):
        raise TypeError('Pickling an AuthenticationString object is '
                        'disallowed for security reasons')


class _ParentProcess(BaseProcess):
    """What parent_process() returns in a child."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from .connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    def join(self, timeout=None):
        """Wait until the parent process terminates."""
        from .connection import wait
        wait([self._sentinel], timeout=timeout)

    pid = ident


class _MainProcess(BaseProcess):
    """The process object of the main process."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}

    def close(self):
        pass


_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()

_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if _name[:3] == 'SIG' and '_' not in _name and isinstance(_signum, int):
        _exitcode_to_name[-_signum] = f'-{_name}'
del _name, _signum
