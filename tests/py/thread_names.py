# Thread names and reprs.  Idents change from run to run: they are
# replaced by IDENT in what we print.
import threading
import _thread

def masked(t):
    text = repr(t)
    if t.ident is not None:
        text = text.replace(str(t.ident), 'IDENT')
    return text

def work():
    pass

class Plain(threading.Thread):
    pass

# One counter for every unnamed thread; a name given does not use it.
threads = [
    threading.Thread(target=work),
    threading.Thread(target=lambda: None),
    Plain(),
    threading.Thread(target=work, name="worker-A"),
    threading.Thread(),
    threading.Thread(target=work, name=""),     # empty counts as no name
    threading.Thread(target=print, name=42),    # str() of the name
    threading.Timer(1.0, work),
]
for t in threads:
    print(repr(t.name), masked(t))

class Callable:
    def __call__(self):
        pass
print(threading.Thread(target=Callable()).name)   # no __name__: no suffix

# Renaming.
t = threading.Thread(target=work)
t.name = "renamed"
print(t.name, masked(t))

# started / started daemon / stopped.
gate = threading.Event()
t = threading.Thread(target=gate.wait)
d = threading.Thread(target=gate.wait, daemon=True)
t.start(); d.start()
print(masked(t))
print(masked(d))
gate.set()
t.join(); d.join()
print(masked(t))
print(masked(d))

# The main thread.
main = threading.main_thread()
print(masked(main))
print(main.name, main is threading.current_thread(), main.ident == threading.get_ident())
print(type(main).__name__, main.daemon, main.is_alive())

# current_thread() inside a thread, enumerate(), active_count().
seen = []
def report():
    me = threading.current_thread()
    seen.append((me.name, me.ident == threading.get_ident(),
                 me.native_id == threading.get_native_id(),
                 me in threading.enumerate(), threading.active_count()))
    gate2.wait()
gate2 = threading.Event()
t = threading.Thread(target=report, name="reporter")
t.start()
while not seen:
    pass
print(seen)
print(sorted(x.name for x in threading.enumerate()), threading.active_count())
gate2.set()
t.join()
print(sorted(x.name for x in threading.enumerate()), threading.active_count())

# A thread started with _thread directly gets a _DummyThread the first
# time it asks for current_thread(); it uses the same counter.
out = []
done = _thread.allocate_lock()
done.acquire()
def raw():
    me = threading.current_thread()
    out.append((type(me).__name__, me.name, me.daemon, masked(me)))
    done.release()
_thread.start_new_thread(raw, ())
done.acquire()
print(out)
print(threading.Thread(target=work).name)

print(threading.TIMEOUT_MAX, threading.Lock is _thread.allocate_lock,
      threading.ThreadError is RuntimeError, threading.local is _thread._local)
print(threading.get_native_id() > 0, threading.get_ident() == _thread.get_ident())
print(threading.gettrace(), threading.getprofile())
