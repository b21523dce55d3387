"""Functions to call when the interpreter exits.

minipy's atexit (CPython: Modules/atexitmodule.c).  Callbacks run last
registered first, after the non-daemon threads have finished.  The
interpreter runs them by calling _run_exitfuncs() at shutdown when this
module was imported (see runtime/init.c).
"""

import sys

_callbacks = []


def register(func, *args, **kwargs):
    """Call func(*args, **kwargs) at exit; returns func (so it can be used
    as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Forget every registration of func (compared with ==)."""
    # As CPython, the slots are emptied, not removed: _ncallbacks() still
    # counts them until the callbacks run.
    for i, entry in enumerate(_callbacks):
        if entry is not None and entry[0] == func:
            _callbacks[i] = None


def _clear():
    """Forget every registered function."""
    del _callbacks[:]


def _ncallbacks():
    """The number of registered functions."""
    return len(_callbacks)


def _run_exitfuncs():
    """Call the registered functions, last first.  An exception is reported
    on stderr (SystemExit too) and the next function still runs."""
    while _callbacks:
        entry = _callbacks.pop()
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
                import traceback
                # Skip this frame: CPython runs the callbacks from C.
                traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)
            except BaseException:
                pass
