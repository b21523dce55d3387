"""Utilities for with-statement contexts.

minipy's contextlib (CPython: Lib/contextlib.py):

    contextmanager        turn a one-yield generator into a context manager
    ContextDecorator      context managers usable as function decorators
    closing, nullcontext, suppress, chdir
    redirect_stdout, redirect_stderr
    ExitStack             a dynamic stack of exit callbacks
    AbstractContextManager

The asynchronous variants are missing: minipy has no async functions yet.
"""
import abc
import os
import sys
from functools import wraps

__all__ = ["contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "chdir"]


def _check_methods(C, *methods):
    # Does C (or a base) define each method, and not as None?  (The test
    # of collections.abc, copied to keep this module's imports light.)
    for method in methods:
        for B in C.__mro__:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(abc.ABC):
    'Base class of context managers: __enter__ returns self.'

    __slots__ = ()

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _check_methods(C, "__enter__", "__exit__")
        return NotImplemented


class ContextDecorator(object):
    'Mixin: the context manager can also decorate a function, wrapping each call in a with-block.'

    def _recreate_cm(self):
        """A fresh instance for each decorated call (contextmanager's
        generators can only be used once)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    """Helper for @contextmanager: runs the generator up to its yield on
    entry, and resumes (or throws into) it on exit."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # Only the first entry may use the generator.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                # The exception arrived as a type only: instantiate it.
                value = typ()
            try:
                self.gen.throw(typ, value, traceback)
            except StopIteration as exc:
                # The generator swallowed the exception: suppress it,
                # unless the StopIteration is the one we threw.
                return exc is not value
            except RuntimeError as exc:
                # A StopIteration raised in the body comes back wrapped
                # (PEP 479); do not report it as a new error.
                if exc is value:
                    exc.__traceback__ = traceback
                    return False
                if (isinstance(value, StopIteration)
                        and exc.__cause__ is value):
                    value.__traceback__ = traceback
                    return False
                raise
            except BaseException as exc:
                # The generator re-raised (or replaced) the exception.
                if exc is not value:
                    raise
                exc.__traceback__ = traceback
                return False
            raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager: the decorated generator function runs up to its
    `yield` when the with-block is entered (the yielded value is bound by
    `as`), and resumes after it when the block exits; an exception in the
    block is raised at the yield.

        @contextmanager
        def tag(name):
            print(f"<{name}>")
            yield
            print(f"</{name}>")
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    'with closing(thing) as t: ... calls thing.close() when the block ends.'

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so that the same object can be entered re-entrantly.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    'with redirect_stdout(f): ... sends sys.stdout to f for the block.'

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    'with redirect_stderr(f): ... sends sys.stderr to f for the block.'

    _stream = "stderr"


class suppress(AbstractContextManager):
    """with suppress(E1, E2): ... ignores those exceptions; execution
    continues after the with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        # Returning True swallows the exception.
        return exctype is not None and issubclass(exctype, self._exceptions)


class _BaseExitStack:
    """Shared code of ExitStack: a list of (is_sync, callback) pairs run
    in reverse order on close."""

    @staticmethod
    def _create_exit_wrapper(cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        return _exit_wrapper

    @staticmethod
    def _create_cb_wrapper(callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        return _exit_wrapper

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        'Move the registered callbacks to a new stack and return it.'
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Register an __exit__-style callback (or an object's __exit__);
        it may suppress exceptions by returning true."""
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__exit__
        except AttributeError:
            # A plain callable taking (exc_type, exc, tb).
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        'Enter cm and register its __exit__; returns what __enter__ returned.'
        cls = type(cm)
        try:
            _enter = cls.__enter__
            _exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = _enter(cm)
        self._push_cm_exit(cm, _exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        'Register callback(*args, **kwds) to run on exit (cannot suppress).'
        _exit_wrapper = self._create_cb_wrapper(callback, *args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        _exit_wrapper = self._create_exit_wrapper(cm, cm_exit)
        self._push_exit_callback(_exit_wrapper, True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding a stack of exit callbacks, run last-in
    first-out when the with-block ends (or on close()):

        with ExitStack() as stack:
            files = [stack.enter_context(open(n)) for n in names]
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None

        # The innermost exception raised so far: new exceptions from the
        # callbacks get it as their __context__, as nested with-statements
        # would arrange.
        frame_exc = sys.exc_info()[1]

        def _fix_exception_context(new_exc, old_exc):
            # Walk new_exc's context chain; where it reaches the exception
            # active around the with statement, splice in old_exc instead.
            while True:
                exc_context = new_exc.__context__
                if exc_context is None or exc_context is old_exc:
                    return
                if exc_context is frame_exc:
                    break
                new_exc = exc_context
            new_exc.__context__ = old_exc

        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                new_exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
                _fix_exception_context(new_exc_details[1], exc_details[1])
                pending_raise = True
                exc_details = new_exc_details
        if pending_raise:
            try:
                # `raise` would overwrite the context we just fixed.
                fixed_ctx = exc_details[1].__context__
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc

    def close(self):
        'Run and drop all the callbacks now.'
        self.__exit__(None, None, None)


class nullcontext(AbstractContextManager):
    'A context manager that does nothing; `as` binds enter_result.'

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """with chdir(path): ... runs the block in another working directory
    (not thread-safe: the directory is process-wide)."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())
