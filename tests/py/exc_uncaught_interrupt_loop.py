# Ctrl-C in a busy loop: the traceback points at the loop, the process
# dies by SIGINT (exit status 130 from the shell), as CPython.
import _thread
import threading

print("looping until interrupted")
threading.Timer(0.05, _thread.interrupt_main).start()
while True:
    pass
