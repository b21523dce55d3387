# Subclassing list, dict, str, int, set and Exception.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s.pop(), s, type(s).__name__, isinstance(s, list))
print(s + [9], type(s + [9]).__name__, s * 2, s == [1, 2], sorted(Stack([3, 1, 2])))
s.extend(range(3))
s[0:2] = ["a"]
print(s, s[1:], type(s[1:]).__name__)

class CountingDict(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)
    def __missing__(self, key):
        return f"<{key}?>"
d = CountingDict(a=1)
d["b"] = 2
print(d["a"], d["zzz"], d.get("zzz"), "zzz" in d, d, len(d))
d.update(c=3)  # dict.update does not call the overridden __setitem__
print(sorted(d.items()))

class DefaultZero(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
counts = DefaultZero()
for w in "the cat the dog the".split():
    counts[w] += 1
print(counts)

class Word(str):
    def shout(self):
        return self.upper() + "!"
w = Word("hello")
print(w.shout(), w + " there", w.capitalize(), w[1:], w == "hello", hash(w) == hash("hello"))
print({w: 1}["hello"], f"{w:>8}", "%s" % w, len(w), type(w * 2).__name__)

class Celsius(int):
    def __repr__(self):
        return f"{int(self)}C"
c = Celsius(20)
print(c, repr(c), c + 5, type(c + 5).__name__, c * 2, c == 20, [c], str(c), f"{c}")

class Tags(set):
    def add_many(self, *items):
        for i in items:
            self.add(i)
        return self
t = Tags()
print(sorted(t.add_many("b", "a", "b")), len(t), type(t | {"z"}).__name__)

class Name(tuple):
    pass
print(Name(("a", "b")), Name("ab") + ("c",))

# Exception subclasses with extra fields.
class ValidationError(ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
try:
    raise ValidationError("age", "must be positive")
except ValueError as e:
    print(type(e).__name__, e, e.field, e.args, repr(e))

class HttpError(Exception):
    def __init__(self, status):
        self.status = status
    def __str__(self):
        return f"HTTP {self.status}"
try:
    raise HttpError(404)
except HttpError as e:
    print(e, repr(e), e.args, e.status)

class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), repr(NoArgs(1, 2)), str(NoArgs(1, 2)), str(NoArgs("one")))

# Overriding a method and calling the built-in one.
class LoudList(list):
    def append(self, x):
        print("appending", x)
        super().append(x)
ll = LoudList()
ll.append(1)
ll += [2]  # list.__iadd__ does not call append
print(ll)

# Instances of built-in subclasses get a __dict__.
s.tag = "stack"
print(s.tag, vars(s))
