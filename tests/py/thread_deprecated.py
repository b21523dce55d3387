# The camelCase aliases still work but warn (DeprecationWarning on stderr,
# once per line of code).
import threading

print(threading.currentThread().name)
print(threading.activeCount())
t = threading.Thread(target=print, name="x")
print(t.isDaemon(), t.getName())
t.setDaemon(True)
t.setName("renamed")
print(t.daemon, t.name)
e = threading.Event()
print(e.isSet())
c = threading.Condition()
with c:
    c.notifyAll()
for i in range(3):
    threading.currentThread()       # warns once for this line
print("done")
