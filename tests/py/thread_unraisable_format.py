# An exception escaping a _thread.start_new_thread function is reported in
# CPython's unraisable format: "Exception ignored in thread started by:",
# the traceback, "Type: message" (the colon even with no message), and no
# chained exceptions; SystemExit is silent.
import _thread
import threading


class Job:
    def __init__(self, exc, done):
        self.exc = exc
        self.done = done

    def __call__(self):
        try:
            try:
                raise KeyError("first")
            except KeyError:
                raise self.exc
        finally:
            self.done.set()

    def __repr__(self):
        return "<Job %s>" % type(self.exc).__name__


import time

for exc in (RuntimeError(), ValueError("with message"), SystemExit(3)):
    done = threading.Event()
    _thread.start_new_thread(Job(exc, done), ())
    done.wait()
    # the thread reports before it ends: wait for it before the next one
    while _thread._count() > 0:
        time.sleep(0.01)
print("main done")
