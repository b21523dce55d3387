# multiprocessing.Process: lifecycle, names, reprs, exit codes, errors.
import os
import sys
import multiprocessing as mp


def show(p):
    """repr without the pids (they change from run to run)."""
    text = repr(p).replace('pid=%s ' % p.pid, 'pid=PID ')
    return text.replace('parent=%d' % os.getpid(), 'parent=PARENT')


def children_left():
    """Our child processes that still exist, zombies included (from /proc)."""
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


def hello(name, punct='!'):
    print('hello', name + punct, mp.current_process().name)


def exiting(code):
    sys.exit(code)


def describe_parent():
    parent = mp.parent_process()
    print('child sees parent:', parent.name, parent.pid == os.getppid(), parent.is_alive())
    print('child identity:', mp.current_process()._identity)
    print('nested name:', mp.Process(target=hello).name)


class Greeter(mp.Process):
    def __init__(self, word):
        super().__init__()
        self.word = word

    def run(self):
        print('run()', self.name, self.word)


if __name__ == '__main__':
    print(mp.current_process().name, mp.parent_process(), mp.active_children())
    print(repr(mp.current_process()))
    p = mp.Process(target=hello, args=('world',), kwargs={'punct': '?'})
    print(show(p), p.pid, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    status = show(p).replace('stopped exitcode=0', 'started')
    p.join()
    print(status)
    print(show(p), p.exitcode, p.is_alive())
    p.join()   # joining again is fine
    p.close()
    print(repr(p).replace('parent=%d' % os.getpid(), 'parent=PARENT'))
    for action in ('is_alive', 'join', 'start'):
        try:
            getattr(p, action)()
        except ValueError as e:
            print(action, 'ValueError', e)

    # Exit codes, including sys.exit() with a message (printed on stderr).
    for code in (0, 1, 5, None, 'bye'):
        q = mp.Process(target=exiting, args=(code,))
        q.start()
        q.join()
        print('sys.exit(%r) ->' % (code,), q.exitcode)

    # Names are Process-N, counting every process created so far.
    names = [mp.Process(target=hello).name for _ in range(2)]
    print(names, mp.Process(target=hello, name='custom').name)
    g = Greeter('hi')
    g.start()
    g.join()
    print(g.name, g.exitcode)

    d = mp.Process(target=describe_parent, daemon=True)
    print(show(d))
    d.start()
    d.join()
    print('daemon child exit code', d.exitcode)

    # Misuse, with CPython's messages.
    p = mp.Process(target=hello, args=('x',))
    for action in ('join', 'terminate'):
        try:
            getattr(p, action)()
        except (AssertionError, AttributeError) as e:
            print(action, type(e).__name__, e)
    try:
        p.sentinel
    except ValueError as e:
        print('sentinel', e)
    p.start()
    p.join()    # (before printing more: the child's line comes first, always)
    try:
        p.start()
    except AssertionError as e:
        print('start twice:', e)
    try:
        p.daemon = True
    except AssertionError as e:
        print('daemon after start:', e)
    try:
        p.name = 42
    except AssertionError as e:
        print('bad name:', e)
    try:
        mp.Process(group=1)
    except AssertionError as e:
        print('group:', e)
    print('active children:', mp.active_children(), 'left:', children_left())
