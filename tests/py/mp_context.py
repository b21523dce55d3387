# Start methods and contexts: names, errors, the factories of a context.
import os
import multiprocessing as mp
from multiprocessing import context as mp_context


def noop():
    pass


def child_name(q):
    q.put(mp.current_process().name)


def square(x):
    return x * x


if __name__ == '__main__':
    print(mp.get_start_method(), mp.get_all_start_methods(), mp.cpu_count() == os.cpu_count())
    for method in ('fork', 'spawn', 'forkserver', None):
        ctx = mp.get_context(method)
        print(method, type(ctx).__name__, ctx.get_start_method(), ctx.Process(target=noop).name)
    try:
        mp.get_context('nothing')
    except ValueError as e:
        print('ValueError', e)
    try:
        mp.set_start_method('fork')
    except RuntimeError as e:
        print('RuntimeError', e)
    mp.set_start_method('spawn', force=True)
    print(mp.get_start_method(), mp.Process(target=noop).name)
    mp.set_start_method('fork', force=True)
    try:
        mp.get_context('fork').set_start_method('spawn')
    except ValueError as e:
        print('ValueError', e)

    ctx = mp.get_context('fork')
    q = ctx.Queue()
    p = ctx.Process(target=child_name, args=(q,))
    p.start()
    print(q.get(), end=' ')
    p.join()
    with ctx.Pool(1) as pool:
        print(pool.map(square, [1, 2, 3]))
    print(type(ctx.Lock()).__name__, type(ctx.Value('i', 1)).__name__, ctx.Array('i', 2)[:])
    print(mp.ProcessError.__mro__[1].__name__, issubclass(mp.TimeoutError, mp.ProcessError),
          issubclass(mp.BufferTooShort, mp.ProcessError),
          issubclass(mp.AuthenticationError, mp.ProcessError))
    print(mp.current_process().name, mp.parent_process(), mp.active_children())
    print(mp_context.BaseContext.__name__, 'Pool' in dir(mp), 'Manager' in mp.__all__)
    print(mp.freeze_support(), mp.get_start_method(allow_none=True))
