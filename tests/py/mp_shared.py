# Value and Array in shared memory: the classic counter (4 processes x
# 100000 increments under get_lock() = 400000), typecodes, conversions,
# arrays, c_char strings, reprs, errors.
import multiprocessing as mp
from multiprocessing import sharedctypes


def increment(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(arr, value):
    for i in range(len(arr)):
        arr[i] = value * i


def strip_address(text):
    return text.split(' at 0x')[0] + ('>>' if ' at 0x' in text else '')


if __name__ == '__main__':
    counter = mp.Value('i', 0)
    ps = [mp.Process(target=increment, args=(counter, 100000)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter:', counter.value)

    arr = mp.Array('d', 5)
    p = mp.Process(target=fill, args=(arr, 1.5))
    p.start()
    p.join()
    print(arr[:], len(arr), arr[-1], arr[1:3], list(arr))

    for tc in 'bBhHiIlLqQfdc':
        print(tc, mp.Value(tc), mp.RawValue(tc))
    v = mp.Value('i', 0)
    for x in [2**31, 2**40 + 5, -1, True, 3.5, 'a']:
        try:
            v.value = x
            print(repr(x), '->', v.value)
        except TypeError as e:
            print(repr(x), 'TypeError', e)
    d = mp.Value('d', 0)
    for x in [1, 2.5, 'a', 10**400]:
        try:
            d.value = x
            print(repr(x), '->', d.value)
        except (TypeError, OverflowError) as e:
            print(repr(x), type(e).__name__, e)
    c = mp.Value('c')
    for x in [b'a', 65, 'a', b'ab']:
        try:
            c.value = x
            print(repr(x), '->', c.value)
        except TypeError as e:
            print(repr(x), 'TypeError', e)
    b = mp.Array('b', 3)
    b[0] = 127
    b[1] = 128
    h = mp.Array('H', 2)
    h[0] = -1
    print(b[:], h[:], mp.Array('f', [0.1])[0])

    a = mp.Array('i', [1, 2, 3, 4])
    a[1:3] = [9, 8]
    print(a[:], a[::2], a[::-1])
    for action in ('a[10]', 'a[10] = 1', 'a[0:2] = [1]'):
        try:
            exec(action)
        except (IndexError, ValueError) as e:
            print(action, type(e).__name__, e)
    s = mp.Array('c', b'hello')
    print(s.value, s.raw, s[0], s[1:3], len(s))
    s.value = b'hi'
    print(s.value, s.raw)
    try:
        s.value = b'much too long'
    except ValueError as e:
        print('ValueError', e)

    raw = mp.RawArray('i', 3)
    print(strip_address(repr(raw)), raw[:])
    print(strip_address(repr(mp.Array('i', 3))))
    print(mp.Value('i', 5, lock=False), mp.Array('i', 2, lock=False)[:])
    lk = mp.RLock()
    shared = mp.Value('d', 2.0, lock=lk)
    print(shared.get_lock() is lk, shared.get_obj())
    with shared:
        shared.value *= 2
    print(shared.value)
    try:
        mp.Value('x', 0)
    except TypeError as e:
        print('TypeError', e)
    try:
        mp.Value('i', 0, lock=42)
    except AttributeError as e:
        print('AttributeError', e)
    copy = sharedctypes.copy(a.get_obj())
    print(copy[:])
    import pickle
    try:
        pickle.dumps(counter)
    except RuntimeError as e:
        print('RuntimeError', e)
