# minipy's weakref keeps strong references: only behaviour that does not
# depend on garbage collection is tested here.
import weakref
class Obj:
    def __init__(self, n): self.n = n
    def method(self): return self.n
o = Obj(1)
r = weakref.ref(o); print(r() is o, r() .n, type(r).__name__, weakref.ReferenceType is weakref.ref, r == weakref.ref(o), hash(r) == hash(o))
p = weakref.proxy(o); print(p.n, p.method()); p.n = 5; print(o.n)
for bad in [lambda: weakref.ref(1), lambda: weakref.ref("s"), lambda: weakref.ref([1]), lambda: weakref.ref({})]:
    try: bad()
    except TypeError as e: print(e)
o2 = Obj(2); wvd = weakref.WeakValueDictionary(); wvd["a"] = o; wvd["b"] = o2; print(len(wvd), sorted(wvd), wvd["a"] is o, "b" in wvd, wvd.get("z"))
del wvd["b"]; print(len(wvd), list(wvd.keys()))
wkd = weakref.WeakKeyDictionary(); wkd[o] = "meta"; print(wkd[o], len(wkd), o in wkd)
o3 = Obj(3); ws = weakref.WeakSet([o]); ws.add(o3); print(len(ws), o in ws); ws.discard(o); print(len(ws))
called = []
f = weakref.finalize(o, called.append, "done"); print(f.alive, f.peek()[2:] if f.peek() else None); print(f(), called, f.alive, f())
g = weakref.finalize(o, print, "never"); print(g.detach() is not None, g.alive)
wm = weakref.WeakMethod(o.method); print(wm()(), isinstance(wm, weakref.ref))
try: weakref.WeakMethod(len)
except TypeError as e: print("TypeError")
print(weakref.getweakrefcount(o) >= 0, isinstance(weakref.getweakrefs(o), list))
