# urllib.request.urlopen against a small HTTP server run in a thread with
# socket: redirects, chunked and Content-Length bodies, POST, 404 as
# HTTPError, an HTTP/1.0 body read until the server closes, timeouts.
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request

RESPONSES = {
    "/": b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
         b"Content-Length: 26\r\nX-Multi: a\r\nX-Multi: b\r\n\r\n<html>hello world</html>\r\n",
    "/redirect": b"HTTP/1.1 302 Found\r\nLocation: /chunked?x=1\r\nContent-Length: 0\r\n\r\n",
    "/moved": b"HTTP/1.1 301 Moved Permanently\r\nLocation: http://127.0.0.1:PORT/lines\r\n"
              b"Content-Length: 3\r\n\r\nbye",
    "/chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"5\r\nHello\r\n7;ext=1\r\n, chunk\r\nb\r\ned world!\nX\r\n0\r\nTrailer: t\r\n\r\n",
    "/lines": b"HTTP/1.1 200 OK\r\nContent-Length: 18\r\n\r\nline 1\nline 2\nend\n",
    "/missing": b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nno such\r\n",
    "/old": b"HTTP/1.0 200 OK\r\nServer: old\r\n\r\nread until the server closes",
    "/slow": b"",
    "/put": b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n",
    "/quit": b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nbye",
    "/loop": b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n",
}

requests = []


def read_request(conn):
    f = conn.makefile("rb")
    head = []
    while True:
        line = f.readline()
        if line in (b"\r\n", b""):
            break
        head.append(line.decode("latin-1").rstrip("\r\n"))
    length = 0
    for h in head[1:]:
        name, _, value = h.partition(":")
        if name.lower() == "content-length":
            length = int(value)
    body = f.read(length) if length else b""
    f.close()
    return head, body


def serve(server):
    while True:
        conn, addr = server.accept()
        with conn:
            head, body = read_request(conn)
            requests.append((head, body))
            path = head[0].split()[1]
            if head[0].startswith("POST"):
                reply = (b"HTTP/1.1 201 Created\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
            else:
                reply = RESPONSES[path.split("?")[0]].replace(b"PORT", str(port).encode())
            if path == "/slow":
                conn.recv(1)            # wait for the client to give up
                continue
            conn.sendall(reply)
            if path == "/quit":
                return


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(5)
port = server.getsockname()[1]
base = "http://127.0.0.1:%d" % port
thread = threading.Thread(target=serve, args=(server,))
thread.start()


def show_requests():
    for head, body in requests:
        for line in head:
            print("  >", line.replace(str(port), "PORT"))
        if body:
            print("  > body:", body)
    requests.clear()


with urllib.request.urlopen(base + "/") as resp:
    print(type(resp).__name__, resp.status, resp.reason, resp.getcode(), resp.version)
    print(resp.url == base + "/", resp.geturl() == base + "/")
    print(resp.getheader("Content-Type"), resp.getheader("x-multi"), resp.getheader("nope", "dflt"))
    print(resp.headers["content-length"], resp.headers.get_all("X-Multi"), resp.headers.get_content_charset())
    print(resp.getheaders())
    print(resp.read(6), resp.read())
    print(resp.read(), resp.closed)
print(resp.isclosed())
show_requests()

resp = urllib.request.urlopen(base + "/redirect")
print(resp.status, resp.url.replace(str(port), "PORT"), resp.read())
show_requests()

resp = urllib.request.urlopen(base + "/moved")
print(resp.status, resp.url.replace(str(port), "PORT"))
for line in resp:
    print("line:", line)
show_requests()

with urllib.request.urlopen(base + "/chunked") as resp:
    print(resp.readline(), resp.read(3), resp.read())

resp = urllib.request.urlopen(base + "/old")
print(resp.version, resp.status, resp.headers["Server"], resp.read())
requests.clear()

data = urllib.parse.urlencode({"name": "minipy", "lang": "C & Python"}).encode()
resp = urllib.request.urlopen(base + "/form", data)
print(resp.status, resp.reason, resp.read())
show_requests()

req = urllib.request.Request(base + "/put", data=b"{}", method="PUT",
                             headers={"Content-Type": "application/json", "X-token": "t"})
print(req.get_method(), req.host.replace(str(port), "PORT"), req.selector, req.header_items())
try:
    urllib.request.urlopen(req)
except urllib.error.HTTPError as e:
    print("HTTPError", e)
show_requests()

req = urllib.request.Request(base + "/post2", data=b"abc", method="POST")
with urllib.request.urlopen(req, timeout=5) as resp:
    print(resp.status, resp.read())
requests.clear()

try:
    urllib.request.urlopen(base + "/missing")
except urllib.error.HTTPError as e:
    print(type(e).__name__, e, repr(e), e.code, e.reason, e.status)
    print(e.headers["Content-Type"], e.read(), isinstance(e, urllib.error.URLError), isinstance(e, OSError))

try:
    urllib.request.urlopen(base + "/loop")
except urllib.error.HTTPError as e:
    print(type(e).__name__, e.code, repr(e.reason))
print(len(requests), "requests for the redirect loop")
requests.clear()

try:
    urllib.request.urlopen(base + "/slow", timeout=0.05)
except OSError as e:
    print(type(e).__name__, e)

# http.client directly
import http.client
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
conn.request("GET", "/lines", headers={"X-Test": "1"})
r = conn.getresponse()
print(r.status, r.reason, r.version, r.will_close, r.length, r.getheader("Content-Length"))
print(str(r.headers), end="")
print(r.read(4), r.readline(), r.readlines())
conn.close()
show_requests()
conn = http.client.HTTPConnection("127.0.0.1:%d" % port)
conn.request("POST", "/echo", body="text body")
r = conn.getresponse()
print(r.status, r.read(), r.isclosed())
conn.close()
show_requests()

print(urllib.request.urlopen(base + "/quit").read())
thread.join()
server.close()

try:
    urllib.request.urlopen(base + "/")
except urllib.error.URLError as e:
    print(type(e).__name__, type(e.reason).__name__, e.reason.errno == 111)
