import threading
class L(threading.local):
    def __init__(self, a, b=2):
        self.a = a; self.b = b
        print("init", threading.current_thread().name, a, b)
l = L(1, b=5)
def f():
    print(l.a, l.b, l.__dict__)
    l.a = 9
    del l.b
    print(hasattr(l, "b"), vars(l))
    try: del l.zz
    except AttributeError as e: print(e)
t = threading.Thread(target=f, name="T"); t.start(); t.join()
print(l.a, l.b, l.__dict__)
x = threading.local()
x.v = 1
def g():
    print(hasattr(x, "v")); x.v = 2; print(x.v)
t = threading.Thread(target=g); t.start(); t.join(); print(x.v)
try: threading.local(1)
except TypeError as e: print(e)
