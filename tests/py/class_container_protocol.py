# __len__, __getitem__/__setitem__/__delitem__, __contains__, __iter__/__next__, __bool__.
class Deck:
    def __init__(self):
        self.cards = [f"{r}{s}" for s in "SH" for r in "A23"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, position):
        return self.cards[position]
    def __setitem__(self, position, value):
        self.cards[position] = value
    def __delitem__(self, position):
        del self.cards[position]

d = Deck()
print(len(d), d[0], d[-1], d[1:3], d[::2])
for card in d:      # iteration falls back to __getitem__ until IndexError
    print(card, end=" ")
print()
print("2H" in d, "KS" in d, list(reversed(d))[:2], sorted(d)[:3])
d[0] = "JOKER"
del d[1]
print(d.cards, len(d))
try:
    d[100]
except IndexError as e:
    print(type(e).__name__, e)

# A mapping-like class with __missing__-free dict semantics.
class Registry:
    def __init__(self):
        self._data = {}
    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(f"no entry {key!r}") from None
    def __setitem__(self, key, value):
        print(f"set {key}={value}")
        self._data[key] = value
    def __delitem__(self, key):
        del self._data[key]
    def __contains__(self, key):
        print("contains", key)
        return key in self._data
    def __len__(self):
        return len(self._data)
    def __iter__(self):
        return iter(sorted(self._data))

r = Registry()
r["b"] = 2
r["a"] = 1
r["a"] += 10
print(r["a"], "a" in r, "z" not in r, list(r), len(r))
del r["b"]
try:
    r["b"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del r["zz"]
except KeyError as e:
    print(type(e).__name__, e)

# __iter__ returning a separate iterator with __next__.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
cd = Countdown(3)
print(list(cd), list(cd), sum(cd), max(cd), 2 in cd)
it = iter(cd)
print(next(it), next(it), next(it), next(it, "done"))
a, b, c = Countdown(3)
print(a, b, c)
print(dict(zip(Countdown(2), "ab")), [x * 2 for x in Countdown(2)])

# __bool__ and __len__ decide truthiness.
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Empty()), bool(Falsy()), bool(Both()), not Empty())
print("yes" if Falsy() else "no", Empty() or "fallback")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(type(e).__name__, e)

# Objects that are not iterable / subscriptable.
class Nothing:
    pass
for expr in ["iter(Nothing())", "Nothing()[0]", "len(Nothing())", "1 in Nothing()",
             "Nothing()[0] = 1", "del Nothing()[0]"]:
    try:
        exec(expr)
    except TypeError as e:
        print(type(e).__name__, e)

# __iter__ returning a non-iterator.
class BadIter:
    def __iter__(self):
        return [1, 2]
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)

# Slices arrive as slice objects.
class Show:
    def __getitem__(self, key):
        return key
s = Show()
print(s[1], s[1:2], s[::3], s[1, 2], s[..., 1:], s["k"])
