# pickle: instances of user classes (__dict__, __slots__, __getstate__ /
# __setstate__, __reduce__, __reduce_ex__, __getnewargs__), exceptions,
# the Pickler/Unpickler classes on a file object, several pickles in a row.
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]


class WithState(Plain):
    def __getstate__(self):
        return {'a': self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1


class Reduced:
    def __init__(self, a, b):
        self.total = a + b

    def __reduce__(self):
        return (Reduced, (10, 20))


class ReducedEx:
    def __reduce_ex__(self, protocol):
        return (dict, (), None, None, iter([('protocol', protocol)]))


class NewArgs(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __getnewargs__(self):
        return (int(self), self.label)


class MyError(Exception):
    pass


class Memory:
    """A minimal binary file: write() appends, read()/readline() consume."""

    def __init__(self):
        self.data = b''
        self.pos = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        end = len(self.data) if n < 0 else self.pos + n
        chunk = self.data[self.pos:end]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk


def show(obj):
    return type(obj).__name__, sorted(vars(obj).items()) if hasattr(obj, '__dict__') else obj


if __name__ == '__main__':
    for proto in (0, 2, 4, 5):
        print('protocol', proto)
        for obj in (Plain(), WithState(), Reduced(1, 2), NewArgs(7, 'seven')):
            data = pickle.dumps(obj, proto)
            back = pickle.loads(data)
            print(' ', data == pickle.dumps(back, proto), show(back))
        s = pickle.loads(pickle.dumps(Slotted(), proto if proto >= 2 else 2))
        try:
            s.y
            print('  slots', s.x, 'y is set')
        except AttributeError:
            print('  slots', s.x, 'y is not set')
        print('  reduce_ex', pickle.loads(pickle.dumps(ReducedEx(), proto)))
        e = pickle.loads(pickle.dumps(MyError('boom', 42), proto))
        print('  exception', type(e).__name__, e.args, str(e))
        k = pickle.loads(pickle.dumps(KeyError('k'), proto))
        print('  KeyError', repr(k))

    f = Memory()
    pickle.dump([1, 2, 3], f)
    pickle.dump('second', f, protocol=0)
    p = pickle.Pickler(f, 2)
    p.dump({'third': 3})
    p.dump({'third': 3})        # the memo makes the second a back-reference
    print(len(f.data))
    u = pickle.Unpickler(f)
    print(u.load(), pickle.load(f), u.load(), u.load())
    try:
        pickle.load(f)
    except EOFError as e:
        print('EOFError', e)
    try:
        pickle.Pickler(42)
    except TypeError as e:
        print('TypeError', e)
