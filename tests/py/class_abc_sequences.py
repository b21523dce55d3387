# Building containers on collections.abc: Sequence, MutableMapping and Set mixins.
from collections.abc import Sequence, MutableMapping, Set, Iterable, Sized
class Range2(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("index out of range")
        return i * 2
r = Range2(5)
print(list(r), r[1:3], 4 in r, 5 in r, r.index(6), r.count(2), list(reversed(r)), len(r), max(r))
print(isinstance(r, Sequence), isinstance(r, Iterable), isinstance(r, Sized))
class LowerDict(MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return f"LowerDict({self._d})"
d = LowerDict({"A": 1}, B=2)
d["c"] = 3
print(d, d["a"], "B" in d, d.get("Z", 0), sorted(d.keys()), list(d.items()), d.pop("A"), len(d))
d.setdefault("D", 4)
print(d, dict(d))
class SmallSet(Set):
    def __init__(self, items):
        self._items = list(dict.fromkeys(items))
    def __contains__(self, x):
        return x in self._items
    def __iter__(self):
        return iter(self._items)
    def __len__(self):
        return len(self._items)
s1, s2 = SmallSet([1, 2, 3]), SmallSet([3, 4])
print(sorted(s1 | s2), sorted(s1 & s2), sorted(s1 - s2), s1 <= SmallSet(range(5)), s1.isdisjoint(s2))
class Half(Sequence):
    def __len__(self):
        return 1
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
