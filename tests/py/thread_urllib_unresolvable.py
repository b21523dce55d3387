# urlopen of a host that does not resolve raises URLError whose reason is
# the socket.gaierror, as CPython does on a machine without a network;
# the tutorial pattern of several downloading threads.
import socket
import threading
import urllib.error
import urllib.request

try:
    urllib.request.urlopen("http://nonexistent.invalid/index.html")
except urllib.error.URLError as e:
    print(type(e).__name__, e)
    print(type(e.reason).__name__, e.reason.errno, e.reason)
    print(repr(e.reason), e.args == (e.reason,))
    print(isinstance(e, OSError), isinstance(e.reason, socket.gaierror))

try:
    urllib.request.urlopen("nonexistent.invalid")
except ValueError as e:
    print(type(e).__name__, e)

try:
    urllib.request.urlopen("gopher2://nonexistent.invalid/")
except urllib.error.URLError as e:
    print(type(e).__name__, e, repr(e.reason))

results = {}
lock = threading.Lock()


def download(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            body = resp.read()
            outcome = len(body)
    except urllib.error.URLError as e:
        outcome = str(e)
    with lock:
        results[url] = outcome


urls = ["http://host%d.invalid/" % i for i in range(4)]
threads = [threading.Thread(target=download, args=(u,)) for u in urls]
for t in threads:
    t.start()
for t in threads:
    t.join()
for u in urls:
    print(u, results[u])
