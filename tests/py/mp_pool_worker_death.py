# A Pool worker that dies (os._exit, a signal) while running a task: the
# task fails with multiprocessing.pool.WorkerLostError in the parent and a
# new worker replaces the dead one.  CPython's Pool waits forever here, so
# the expected output is minipy's own (mp_pool_worker_death.exp).
import os
import sys
import signal
import multiprocessing as mp
from multiprocessing.pool import WorkerLostError


def die_on_3(x):
    if x == 3:
        os._exit(7)
    return x * x


def killed(_):
    os.kill(os.getpid(), signal.SIGKILL)


def square(x):
    return x * x


def bad_initializer():
    sys.stderr = open(os.devnull, 'w')     # hide the worker's traceback
    raise ValueError('cannot start')


def after_name(e):
    # "Worker process ForkPoolWorker-2 died ..." without the worker's name
    return str(e).split(' ', 3)[3]


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        try:
            pool.map(die_on_3, range(8))
        except WorkerLostError as e:
            print('map:', type(e).__name__, after_name(e))
        print('pool still works:', pool.map(square, range(6)))
        try:
            pool.apply(killed, (0,))
        except WorkerLostError as e:
            print('apply:', after_name(e))
        r = pool.apply_async(square, (9,))
        print(r.get(timeout=10), len(pool._pool))
        print(issubclass(WorkerLostError, mp.ProcessError))
    # Workers that die in their initializer are not replaced forever.
    with mp.Pool(2, initializer=bad_initializer) as pool:
        try:
            pool.map(square, range(4))
        except WorkerLostError as e:
            print('initializer:', type(e).__name__)
    # The same when the pool broke before the task came: the task fails
    # at once instead of waiting for a pool thread that is gone.
    with mp.Pool(2, initializer=bad_initializer) as pool:
        import time
        deadline = time.monotonic() + 10
        while pool._engine._broken is None and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            pool.apply(square, (3,))
        except WorkerLostError as e:
            print('broken pool:', type(e).__name__)
    print('active children:', mp.active_children())
