# Locks, semaphores, events, conditions and barriers shared by processes.
import time
import multiprocessing as mp


def locked_append(lock, arr, start):
    # Each process writes its block of 5 slots while holding the lock:
    # without it, the read-modify-write of the fill pointer would race.
    for i in range(5):
        with lock:
            pos = arr[0]
            time.sleep(0.001)
            arr[pos + 1] = start + i
            arr[0] = pos + 1


def waiter(event, cond, ready, results):
    ready.release()
    event.wait()
    with cond:
        results[0] += 1
        cond.notify()


def at_barrier(barrier, arr, i):
    arr[i] = barrier.wait(timeout=10) + 100


def sem_user(sem, active, peak, lock):
    with sem:
        with lock:
            active.value += 1
            peak.value = max(peak.value, active.value)
        time.sleep(0.05)
        with lock:
            active.value -= 1


def try_release(lock):
    try:
        lock.release()
        print('released a lock held by the parent')
    except (ValueError, AssertionError) as e:
        print(type(e).__name__, e)


if __name__ == '__main__':
    lock = mp.Lock()
    print(lock, lock.acquire(), lock, lock.acquire(False), lock.acquire(timeout=0.05))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print('ValueError', e)
    rlock = mp.RLock()
    print(rlock, rlock.acquire(), rlock.acquire(), rlock)
    rlock.release()
    rlock.release()
    try:
        rlock.release()
    except AssertionError as e:
        print('AssertionError', e)
    sem = mp.Semaphore(2)
    print(sem, sem.acquire(), sem.get_value(), sem.acquire(False), sem.acquire(False), sem)
    sem.release()
    sem.release()
    sem.release()
    print(sem)
    bsem = mp.BoundedSemaphore(1)
    print(bsem)
    try:
        bsem.release()
    except ValueError as e:
        print('ValueError', e)
    print(mp.Condition(), mp.Condition(mp.Lock()))
    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.01), repr(ev).split()[-1])
    ev.set()
    print(ev.is_set(), ev.wait(), repr(ev).split()[-1])
    ev.clear()
    print(ev.is_set())

    # The lock really excludes other processes.
    lock = mp.Lock()
    arr = mp.Array('i', 21, lock=False)
    ps = [mp.Process(target=locked_append, args=(lock, arr, 100 * k)) for k in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(arr[0], sorted(arr[1:21]))

    # Another process cannot release a lock we hold, nor an RLock.
    lock.acquire()
    p = mp.Process(target=try_release, args=(rlock,))
    rlock.acquire()
    p.start()
    p.join()
    rlock.release()
    lock.release()

    # Event and Condition across processes.
    ev = mp.Event()
    cond = mp.Condition()
    ready = mp.Semaphore(0)
    results = mp.Array('i', 1)
    ps = [mp.Process(target=waiter, args=(ev, cond, ready, results)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        ready.acquire()
    print('waiters done before set:', results[0])
    ev.set()
    with cond:
        print('wait_for:', cond.wait_for(lambda: results[0] == 3, timeout=10))
    for p in ps:
        p.join()
    print('waiters done:', results[0])
    with cond:
        print('wait timeout:', cond.wait(0.01))

    # A barrier releases its parties together; wait() gives 0..n-1.
    barrier = mp.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    arr = mp.Array('i', 3)
    ps = [mp.Process(target=at_barrier, args=(barrier, arr, i)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(arr[:]))

    # A semaphore bounds how many processes are inside at once.
    sem = mp.Semaphore(2)
    active = mp.Value('i', 0)
    peak = mp.Value('i', 0)
    guard = mp.Lock()
    ps = [mp.Process(target=sem_user, args=(sem, active, peak, guard)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('never more than 2 inside the semaphore:', 1 <= peak.value <= 2, 'now:', active.value)
