"""signal: set handlers for asynchronous events (minipy: a thin layer over
the C module _signal, as CPython's Lib/signal.py is)."""
from _signal import *
import _signal as _signal_module

try:
    from enum import IntEnum as _IntEnum
except ImportError:  # enum not available: plain ints
    _IntEnum = None

if _IntEnum is not None:
    Signals = _IntEnum('Signals', {
        name: value for name, value in vars(_signal_module).items()
        if name.isupper() and name.startswith('SIG') and not name.startswith('SIG_')})
    Handlers = _IntEnum('Handlers', {'SIG_DFL': SIG_DFL, 'SIG_IGN': SIG_IGN})
    globals().update(Signals.__members__)
    globals().update(Handlers.__members__)

    def _int_to_enum(value, enum_klass):
        try:
            return enum_klass(value)
        except ValueError:
            return value

    def signal(signalnum, handler):
        handler = _signal_module.signal(signalnum, handler)
        return _int_to_enum(handler, Handlers)

    def getsignal(signalnum):
        handler = _signal_module.getsignal(signalnum)
        return _int_to_enum(handler, Handlers)
