# At exit the interpreter waits for non-daemon threads (threading._shutdown)
# and abandons daemon threads silently.
import threading
import time

def daemon_work():
    time.sleep(30)
    print("daemon: never printed")

def spinning_daemon():
    while True:
        pass

def late_worker():
    time.sleep(0.1)
    print("non-daemon: finished after the main thread")
    # A thread started during shutdown is waited for too.
    threading.Thread(target=later_still).start()

def later_still():
    time.sleep(0.05)
    print("non-daemon started during shutdown: finished too")

def parent():
    # Threads made by a daemon thread are daemons too.
    child = threading.Thread(target=daemon_work)
    print("child of a daemon is a daemon:", child.daemon)
    child.start()

threading.Thread(target=daemon_work, daemon=True).start()
threading.Thread(target=spinning_daemon, daemon=True).start()
p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
threading.Thread(target=late_worker).start()
print("main: end of the script, threads alive:", threading.active_count())
