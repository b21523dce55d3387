# An exception escaping a thread: threading.excepthook prints "Exception in
# thread", the traceback and CPython's "Did you mean" hint; the main thread
# goes on.  The report is captured and the frames inside the threading
# module (they differ: CPython's file vs minipy's frozen module) left out.
import io
import sys
import threading
def worker():
    counter = 0
    return countr + 1
captured = io.StringIO()
sys.stderr = captured
t = threading.Thread(target=worker, name="Worker-1")
t.start()
t.join()
sys.stderr = sys.__stderr__
for line in captured.getvalue().splitlines():
    if "threading" in line or line.strip() in ("self.run()", "self._target(*self._args, **self._kwargs)"):
        continue
    print(line)
print("main thread continues, thread alive:", t.is_alive())
