# pickle: the exact bytes CPython writes, for every protocol, and the
# round trip.
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Tagged(list):
    pass


VALUES = [
    None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, -2**31,
    2**31, -2**31 - 1, 2**63, -2**64, 10**40, 0.0, -0.0, 1.5, -2.25, 1e300, 5e-324,
    2.2250738585072014e-308, float('inf'), float('-inf'), 3 + 4j,
    '', 'abc', 'caf\xe9', '\u20ac\U0001f600', 'line\nbreak \\ back\0null',
    b'', b'bytes\x00\xff', bytearray(b'ba'), bytearray(),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {'a': 1, 2: 'b'},
    set(), {1, 2, 3}, frozenset(), frozenset({'a'}),
    Point(1, 2), Tagged([1, 2]), len, Point, int, type(None), ..., NotImplemented,
    range(1, 10, 2), slice(None, 5),
]

if __name__ == '__main__':
    print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        for value in VALUES:
            data = pickle.dumps(value, proto)
            back = pickle.loads(data)
            same = back == value or (value != value and back != back)
            if isinstance(value, (Tagged,)):
                same = same and type(back) is Tagged
            print(proto, data, '' if same else 'MISMATCH %r' % (back,))
    shared = [1, 2]
    data = pickle.dumps([shared, shared, (shared,)])
    print(data)
    back = pickle.loads(data)
    print(back, back[0] is back[1] is back[2][0])
    loop = []
    loop.append(loop)
    back = pickle.loads(pickle.dumps(loop))
    print(back[0] is back)
    d = {}
    d['self'] = d
    back = pickle.loads(pickle.dumps(d, 2))
    print(back['self'] is back)
    print(pickle.dumps(1, -1), pickle.dumps(True, None))
    big = list(range(1000, 3500))
    data = pickle.dumps(big)
    print(len(data), data[:20], pickle.loads(data) == big)
    text = 'x' * 70000
    data = pickle.dumps(text)
    print(len(data), data[:12], pickle.loads(data) == text)
