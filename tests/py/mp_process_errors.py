# A child that raises, is killed by a signal, or is terminated: exit codes,
# the "Process NAME:" report, and no child left behind.
import os
import sys
import time
import signal
import multiprocessing as mp

REPORT = '/tmp/mp_process_errors.%d.txt' % os.getpid()


def children_left():
    me = os.getpid()
    n = 0
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open('/proc/%s/stat' % entry) as f:
                    fields = f.read().rsplit(')', 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == me:
                n += 1
    return n


def boom(kind):
    # The traceback goes to a file so that the test can show its first
    # and last lines (the middle names library files).
    sys.stderr = open(REPORT, 'w')
    if kind == 'value':
        raise ValueError('bad value')
    if kind == 'keyerror':
        {}['missing']
    if kind == 'interrupt':
        raise KeyboardInterrupt


def sleeper():
    time.sleep(30)


def suicide():
    os.kill(os.getpid(), signal.SIGKILL)


def hard_exit():
    os._exit(42)


if __name__ == '__main__':
    for kind in ('value', 'keyerror', 'interrupt'):
        p = mp.Process(target=boom, args=(kind,))
        p.start()
        p.join()
        with open(REPORT) as f:
            lines = f.read().splitlines()
        print(kind, p.exitcode, lines[0], '|', lines[1], '|', lines[-1])
    os.remove(REPORT)

    for target in (suicide, hard_exit):
        p = mp.Process(target=target)
        p.start()
        p.join()
        print(target.__name__, p.exitcode, repr(p).split()[-1])

    p = mp.Process(target=sleeper)
    p.start()
    p.join(0.05)
    print('after join(0.05):', p.exitcode, p.is_alive())
    p.terminate()
    p.join()
    print('terminated:', p.exitcode, repr(p).split()[-1], p.is_alive())

    p = mp.Process(target=sleeper)
    p.start()
    p.kill()
    p.join()
    print('killed:', p.exitcode, repr(p).split()[-1])
    p.kill()        # already dead: nothing happens
    p.terminate()

    # A daemon that never ends: terminated at exit, as in CPython.
    d = mp.Process(target=sleeper, daemon=True)
    d.start()
    print('daemon alive:', d.is_alive(), len(mp.active_children()))
    print('left (the daemon):', children_left())
