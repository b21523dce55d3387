"""Small helpers shared by the multiprocessing modules.

minipy's version of CPython's Lib/multiprocessing/util.py: finalizers run
at exit, flushing the standard streams around fork(), logging stubs.

Finalize: CPython ties a finalizer to an object through a weak reference
so it also runs when the object is collected.  minipy has no weakrefs, so
here a finalizer runs when it is called explicitly (the owner calls it
from close()/terminate()/__del__) or at exit, by decreasing exitpriority.
It never keeps its owner alive: it only stores the callback and its
arguments.
"""

import os
import sys
import itertools
import threading

__all__ = ['sub_debug', 'debug', 'info', 'sub_warning', 'get_logger', 'log_to_stderr',
           'get_temp_dir', 'register_after_fork', 'is_exiting', 'Finalize',
           'ForkAwareThreadLock', 'ForkAwareLocal', 'close_all_fds_except',
           'SUBDEBUG', 'SUBWARNING']

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_log_to_stderr = False


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args)

def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args)

def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args)

def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args)


def get_logger():
    """The 'multiprocessing' logger (needs the logging module)."""
    global _logger
    import logging
    if not _logger:
        _logger = logging.getLogger(LOGGER_NAME)
        _logger.propagate = 0
    return _logger


def log_to_stderr(level=None):
    """Turn on logging to stderr and return the logger."""
    global _log_to_stderr
    import logging
    logger = get_logger()
    formatter = logging.Formatter(DEFAULT_LOGGING_FORMAT)
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    _log_to_stderr = True
    return _logger


def get_temp_dir():
    import tempfile
    return tempfile.mkdtemp(prefix='pymp-')


# -- after-fork hooks ----------------------------------------------------------------

_afterfork_registry = {}
_afterfork_counter = itertools.count()


def register_after_fork(obj, func):
    """Call func(obj) in every child process started from now on.  (The
    registry keeps obj alive: minipy has no weak references.)"""
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj


def _run_after_forkers():
    for (index, ident, func), obj in sorted(_afterfork_registry.items(), key=lambda kv: kv[0][0]):
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


# -- finalizers ------------------------------------------------------------------------

_finalizer_registry = {}
_finalizer_counter = itertools.count()


class Finalize(object):
    """Finalize(obj, callback, args=(), kwargs=None, exitpriority=None)

    Calling the finalizer runs callback(*args, **kwargs) once.  Finalizers
    with an exitpriority run at exit (higher priorities first) if nobody
    called them before."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError("Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                exitpriority, type(exitpriority)))
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        """Run the callback unless it has already been called or cancelled.
        Returns its result."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            sub_debug('finalizer no longer registered')
            return None
        if self._pid != os.getpid():
            sub_debug('finalizer ignored because different process')
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        """Cancel the finalizer without running it."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        if self._callback is None:
            return '<%s object, dead>' % (self.__class__.__name__,)
        x = '<%s object, callback=%s' % (self.__class__.__name__,
                                         getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Run the registered finalizers whose exitpriority is at least
    minpriority (all those with a priority when None), highest first."""
    if minpriority is None:
        keys = [key for key in _finalizer_registry if key[0] is not None]
    else:
        keys = [key for key in _finalizer_registry if key[0] is not None and key[0] >= minpriority]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                import traceback
                traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


def _forget_finalizers():
    """In a new child: the parent's finalizers are not ours to run."""
    _finalizer_registry.clear()


# -- exit ------------------------------------------------------------------------------

_exiting = False


def is_exiting():
    """True once the process has started to exit."""
    return _exiting or _exiting is None


def _exit_function():
    """At exit: stop the pools (finalizers with a priority >= 0), kill the
    daemonic children, wait for the other children, then run the
    remaining finalizers.  The same order as CPython's atexit hook."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from . import process
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                info('calling terminate() for daemon %s', p.name)
                p._popen.terminate()
        for p in process.active_children():
            info('calling join() for process %s', p.name)
            p.join()
    _run_finalizers()


def _at_interpreter_exit():
    # CPython runs its atexit hooks after threading has waited for the
    # non-daemon threads; threading._register_atexit callbacks run before
    # that wait, so wait for them here first (they may still use a pool).
    me = threading.current_thread()
    for t in threading.enumerate():
        if t is not me and not t.daemon and t is not threading.main_thread():
            t.join()
    _exit_function()


def _register_exit_function():
    """Arrange for _exit_function to run when the interpreter exits.
    minipy calls threading._shutdown() at exit, which runs the callbacks
    of threading._register_atexit first."""
    try:
        threading._register_atexit(_at_interpreter_exit)
    except RuntimeError:
        pass


def _reset_after_fork():
    """In a child: start with no exit handling done and no finalizers."""
    global _exiting
    _exiting = False
    _forget_finalizers()


# -- streams ---------------------------------------------------------------------------

def _flush_std_streams():
    """Flush stdout and stderr: before fork() so that buffered text is not
    printed twice, and before a child exits so that it is not lost."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _close_stdin():
    """A child must not compete with its parent for the terminal's input:
    its stdin reads from /dev/null."""
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError, AttributeError):
        pass
    try:
        fd = os.open(os.devnull, os.O_RDONLY)
        try:
            sys.stdin = open(fd, encoding="utf-8", closefd=False)
        except (OSError, ValueError, TypeError):
            os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def close_fds(*fds):
    """Close each file descriptor, ignoring those already closed."""
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def close_all_fds_except(fds):
    fds = sorted(set(fds) | {-1})
    for i in range(len(fds) - 1):
        for fd in range(fds[i] + 1, fds[i + 1]):
            try:
                os.close(fd)
            except OSError:
                pass


class ForkAwareThreadLock(object):
    """A threading.Lock that is replaced by a fresh one in a forked child."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def _check(self):
        if self._pid != os.getpid():
            self._lock = threading.Lock()
            self._pid = os.getpid()
        return self._lock

    def acquire(self, *args, **kwargs):
        return self._check().acquire(*args, **kwargs)

    def release(self):
        return self._check().release()

    def __enter__(self):
        return self._check().__enter__()

    def __exit__(self, *args):
        return self._check().__exit__(*args)


class ForkAwareLocal(threading.local):
    def __reduce__(self):
        return type(self), ()
