# os.fork() with threads running: in the child only the forking thread
# exists (threading._after_fork); it can start and join new threads, and
# the child's exit waits for them.
import os
import sys
import threading
import time

gate = threading.Event()
lock = threading.Lock()
other = threading.Thread(target=gate.wait, name="other")
other.start()

def child_work(results):
    results.append(threading.current_thread().name)

def child():
    me = threading.current_thread()
    print("child: current is main:", me is threading.main_thread(), me.name)
    print("child: ident updated:", me.ident == threading.get_ident())
    print("child: threads:", sorted(t.name for t in threading.enumerate()),
          threading.active_count())
    print("child: other alive:", other.is_alive())
    other.join()                      # already stopped: returns at once
    print("child: lock usable:", lock.acquire(timeout=1), lock.locked())
    lock.release()
    results = []
    t = threading.Thread(target=child_work, args=(results,), name="child-worker")
    t.start()
    t.join()
    print("child: new thread ran:", results)
    def late():
        time.sleep(0.05)
        print("child: non-daemon thread finished before the child exited")
    threading.Thread(target=late).start()

def fork_from(where):
    pid = os.fork()
    if pid == 0:
        try:
            child()
        finally:
            sys.stdout.flush()
        sys.exit(0)     # normal exit: waits for the late thread
    _, status = os.waitpid(pid, 0)
    print(f"parent ({where}): child exit status", status >> 8)

sys.stdout.flush()
fork_from("main thread")
print("parent: other alive:", other.is_alive(), threading.active_count())

# fork() from a thread that is not the main thread.
def forking_thread():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        print("child of a thread: main is me:",
              threading.main_thread() is threading.current_thread(),
              threading.current_thread().name, threading.active_count())
        sys.stdout.flush()
        os._exit(0)
    os.waitpid(pid, 0)
t = threading.Thread(target=forking_thread, name="forker")
t.start()
t.join()

gate.set()
other.join()
print("parent: done", threading.active_count())
