# Tutorial (threading, the Lock section), unchanged: the example uses `t`
# before defining it, so it stops with a NameError (stderr, exit status 1).
import threading
from queue import Queue
import time
print_lock = threading.Lock()

def threadTest():
    # lorsque cela se termine, le print_lock est libéré
    with print_lock:
        print(worker)

def threader():
    while True:
        # obtenir la tâche depuis le début de la file d'attente
        threadTest(q.get())
        q.task_done()

q = Queue()

for x in range(5):
    thread = threading.Thread(target=threader)
    # cela garantit que le thread mourra lorsque le thread principal mourra
    # peut définir t.daemon à False si vous voulez qu'il continue à fonctionner
    t.daemon = True
    t.start()

for job in range(10):
    q.put(job)
