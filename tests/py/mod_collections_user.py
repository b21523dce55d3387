from collections import UserDict, UserList, UserString
import collections.abc as cabc
class LowerDict(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k.lower(), v)
    def __missing__(self, k): return "?"
d = LowerDict({"A": 1}); d["B"] = 2; print(d, d["a"], d["zz"], len(d), "b" in d, list(d), d.data, d.get("a"), d.copy(), type(d.copy()).__name__, isinstance(d, cabc.MutableMapping))
d.update(C=3); print(d, d.pop("c"), d, sorted(d.items()), d | {"x": 1}, UserDict.fromkeys("ab", 0)); d["q"] = 9
del d["q"]; print(d, d == {"a": 1, "b": 2}, repr(UserDict()))
ul = UserList([3, 1, 2]); ul.append(0); ul.sort(); ul.extend([9]); ul.insert(0, -1); print(ul, ul[1], ul[1:3], type(ul[1:3]).__name__, len(ul), 9 in ul, ul.index(2), ul.count(3), ul.pop(), ul)
print(ul + [7], [7] + ul, ul * 2, ul == [-1, 0, 1, 2, 3], ul < [0], list(reversed(ul)), ul.copy(), isinstance(ul, cabc.MutableSequence))
ul.reverse(); ul.remove(0); del ul[0]; ul[0] = 100; print(ul); ul += (5,); ul *= 2; print(ul); ul.clear(); print(ul, repr(UserList()))
us = UserString("Hello World"); print(us, repr(us), us.lower(), us.upper(), us[0], us[::-1], len(us), us + "!", "!" + us, us * 2, "World" in us, us.split(), us.replace("l", "L"), us.find("o"), us.count("l"))
print(us == "Hello World", us < "Z", us.startswith("He"), us.endswith("d"), us.strip("Hd"), us.center(15, "*"), us.zfill(13), us.title(), us.swapcase(), us.isalpha(), us.encode(), int(UserString("42")) + 1, float(UserString("1.5")))
print(type(us.upper()).__name__, type(us[1:]).__name__, sorted([UserString("b"), UserString("a")]), hash(us) == hash("Hello World"), us.join(["a", "b"]), us.partition(" "), "%s!" % us, UserString("a%sb") % "X")
