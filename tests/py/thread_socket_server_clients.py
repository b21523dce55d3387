# socket: a TCP echo server thread with several client threads on
# 127.0.0.1, socketpair, timeouts, makefile, UDP, options, errors.
import socket
import threading
import time

# ---- a server thread, client threads
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr", server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print("bound", host, type(port).__name__, 0 < port < 65536)
print(repr(server).replace(str(port), "PORT"))

N = 4


def handle(conn):
    with conn:
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(3)
            if not chunk:
                break
            data += chunk
        conn.sendall(b"echo:" + data.upper())


def serve():
    handlers = []
    for _ in range(N):
        conn, addr = server.accept()
        print_lock.acquire()
        got.append((type(conn).__name__, addr[0], conn.gettimeout()))
        print_lock.release()
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        handlers.append(t)
    for t in handlers:
        t.join()


def client(i):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        assert c.getpeername() == ("127.0.0.1", port)
        c.sendall(b"hello from client %d\n" % i)
        buf = b""
        while True:
            data = c.recv(1024)
            if not data:
                break
            buf += data
        results[i] = buf


print_lock = threading.Lock()
got = []
results = [None] * N
st = threading.Thread(target=serve)
st.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in clients:
    t.start()
for t in clients:
    t.join()
st.join()
server.close()
print(sorted(got))
for r in results:
    print(r)
print(repr(server))

# ---- socketpair, send/recv, recv_into, shutdown
a, b = socket.socketpair()
print(a.family, a.type, repr(a.family), repr(b.type), a.proto)
print(a.send(b"ping"), b.recv(10))
buf = bytearray(8)
a.sendall(b"12345")
print(b.recv_into(buf), buf)
mv = memoryview(bytearray(4))
a.sendall(b"xy")
print(b.recv_into(mv, 2), bytes(mv))
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
a.close()
b.close()
print(a.fileno(), b._closed)

# ---- timeouts
a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking())
a.settimeout(0.05)
print(a.gettimeout(), a.timeout, a.getblocking())
t0 = time.time()
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, isinstance(e, OSError), socket.timeout is TimeoutError)
print("waited", 0.04 < time.time() - t0 < 2)
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
a.setblocking(True)
print(a.gettimeout())
for bad in (-1, "x"):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
with socket.socket() as s:
    print(s.gettimeout())
socket.setdefaulttimeout(None)
a.close()
b.close()

# ---- makefile
a, b = socket.socketpair()
w = a.makefile("w")
r = b.makefile("r")
rb_ = None
w.write("first line\nsecond line\r\n")
w.flush()
print(repr(r.readline()), repr(r.readline()))
wb = a.makefile("wb")
wb.write(b"raw bytes\n")
wb.flush()
print(repr(r.readline()))
a.close()
print(a._closed, a.fileno() >= 0)
w.close()
wb.close()
print(a.fileno())
print(repr(r.read()))
r.close()
b.close()

# ---- UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
print(u2.sendto(b"datagram", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname(), u1.type, repr(u1.type))
u1.close()
u2.close()

# ---- errors
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)))
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror)
for addr in ["x", ("h",), ("127.0.0.1", "x"), ("127.0.0.1", 70000), (1, 80)]:
    try:
        c.bind(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    c.recv(-1)
except ValueError as e:
    print(e)
c.close()
c.close()
try:
    c.recv(1)
except OSError as e:
    print(type(e).__name__, e)
try:
    c.send("text")
except (TypeError, OSError) as e:
    print(type(e).__name__, e)
print(repr(c))

# ---- name resolution and conversions
for host in ["nonexistent.invalid", "no-such-host.invalid"]:
    try:
        socket.getaddrinfo(host, 80)
    except socket.gaierror as e:
        print(type(e).__name__, e.errno, e.errno == socket.EAI_NONAME, isinstance(e, OSError))
try:
    socket.gethostbyname("nonexistent.invalid")
except socket.gaierror as e:
    print(type(e), e.errno)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 8080, socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(type(socket.gethostname()).__name__)
print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\xc0\xa8\x01\x02"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for f, v in [(socket.htons, -1), (socket.htons, 70000), (socket.htonl, 2 ** 40), (socket.inet_aton, "300.1.1.1")]:
    try:
        f(v)
    except (OverflowError, OSError) as e:
        print(type(e).__name__, e)
print(socket.error is OSError, socket.herror.__mro__[1:3], socket.gaierror.__module__)
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RDWR, socket.AF_UNIX, socket.AF_INET6, socket.SOCK_DGRAM, socket.SO_REUSEADDR)
