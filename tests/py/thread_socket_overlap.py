# Blocking socket calls release the GIL (detach on minipyt): threads
# waiting on sockets overlap, and a thread blocked in recv() lets the
# others run and wakes when another thread shuts the socket down.
import socket
import threading
import time

# Four threads each wait 0.3 s for data that never comes: together they
# take about 0.3 s, not 1.2 s.
results = []
lock = threading.Lock()


def wait_for_nothing(i):
    a, b = socket.socketpair()
    a.settimeout(0.3)
    try:
        a.recv(1)
    except TimeoutError as e:
        with lock:
            results.append((i, str(e)))
    a.close()
    b.close()


t0 = time.time()
threads = [threading.Thread(target=wait_for_nothing, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0
print(sorted(results))
print("overlapped:", elapsed < 1.0)

# A thread blocked in recv() without a timeout: the main thread keeps
# running (and feeds it).
a, b = socket.socketpair()
received = []


def reader():
    while True:
        data = a.recv(100)
        if not data:
            break
        received.append(data)


t = threading.Thread(target=reader)
t.start()
count = 0
for i in range(3):
    time.sleep(0.02)
    b.sendall(b"msg%d;" % i)
    count += 1
time.sleep(0.05)
b.shutdown(socket.SHUT_WR)
t.join()
print(count, b"".join(received))
a.close()
b.close()

# shutdown() from another thread wakes a blocked accept()/recv().
a, b = socket.socketpair()
woke = []


def blocked():
    woke.append(a.recv(10))


t = threading.Thread(target=blocked)
t.start()
time.sleep(0.05)
a.shutdown(socket.SHUT_RDWR)
t.join()
a.close()
b.close()
print("woke with", woke)

# Many threads closing the same socket at once: one real close.
s = socket.socket()
closers = [threading.Thread(target=s.close) for _ in range(8)]
for t in closers:
    t.start()
for t in closers:
    t.join()
print(s.fileno(), repr(s))
