# An uncaught exception in a thread, printed on the real stderr by the
# default threading.excepthook; the program goes on and exits with 0.
#
# Expected files are hand-written (thread_exception_stderr.noregen): where
# CPython's report shows ".../threading.py", a line number and the source
# line "self.run()", minipy shows "<frozen threading>" with the line of
# self.run() in runtime/lib/threading.py and no source line.  If that line
# moves, update thread_exception_stderr.err.  (thread_excepthook.py checks
# the same reports against CPython with those lines normalized.)
import sys
import threading

class Worker(threading.Thread):
    def run(self):
        print("worker starts")
        sys.stdout.flush()
        raise ValueError("bad value")

t = Worker(name="worker")
t.start()
t.join()
print("main goes on, worker alive:", t.is_alive())
