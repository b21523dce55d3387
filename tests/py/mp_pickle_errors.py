# pickle: what cannot be pickled, and broken pickle data, with CPython's
# exception types and messages.
import pickle
import threading
import _thread
import sys


def strip_address(message):
    # "<function <lambda> at 0x7f...>" -> "<function <lambda> at ADDR>"
    while ' at 0x' in message:
        head, tail = message.split(' at 0x', 1)
        rest = tail.split('>', 1)
        message = head + ' at ADDR>' + (rest[1] if len(rest) > 1 else '')
    return message


def report(what, func):
    try:
        func()
        print(what, 'no error')
    except Exception as e:
        print(what, '->', type(e).__module__, type(e).__name__, strip_address(str(e)))


def outer():
    def inner():
        pass
    return inner


square = lambda x: x * x


def gen():
    yield 1


class Unreduceable:
    def __reduce__(self):
        return 42


class BadTuple:
    def __reduce__(self):
        return (len,)


class NotAnIterable:
    def __init__(self):
        self.lock = threading.Lock()


if __name__ == '__main__':
    report('lambda', lambda: pickle.dumps(square))
    report('nested function', lambda: pickle.dumps(outer()))
    report('lock', lambda: pickle.dumps(threading.Lock()))
    report('rlock', lambda: pickle.dumps(_thread.RLock()))
    report('object with a lock', lambda: pickle.dumps(NotAnIterable()))
    report('generator', lambda: pickle.dumps(gen()))
    report('open file', lambda: pickle.dumps(sys.stdout))
    report('module', lambda: pickle.dumps(sys))
    report('bad __reduce__', lambda: pickle.dumps(Unreduceable()))
    report('short __reduce__', lambda: pickle.dumps(BadTuple()))
    report('protocol 6', lambda: pickle.dumps(1, 6))
    for data in [b'', b'z', b'\x80\x04K', b'\x80\x09.', b'(.', b'\x80\x04h\x05.', b'garbage',
                 b'\x80\x04\x95\x03\x00\x00\x00\x00\x00\x00\x00K\x01', b'\x80\x04\x8c\x04abc']:
        report('loads(%r)' % data, lambda: pickle.loads(data))
    report('loads(str)', lambda: pickle.loads('.'))
    report('missing global', lambda: pickle.loads(b'c__main__\nnothing\n.'))
    report('missing module', lambda: pickle.loads(b'cno_such_module\nname\n.'))
    print(issubclass(pickle.PicklingError, pickle.PickleError),
          issubclass(pickle.UnpicklingError, pickle.PickleError),
          issubclass(pickle.PickleError, Exception), pickle.PicklingError.__module__)
