# __str__ and __repr__: print, str(), repr(), f-strings, containers.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"
    def __str__(self):
        return f"{self.rank} of {self.suit}"

c = Card("Q", "hearts")
print(c)
print(str(c), repr(c))
print(f"{c} / {c!r} / {c!s}")
print([c, Card(10, "spades")])
print({"card": c}, (c,))
print("%s | %r" % (c, c))
print("{} | {!r}".format(c, c))

# Only __repr__: str() falls back to it.
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])

# Only __str__: repr() uses the default.
class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(o, repr(o).startswith("<__main__.OnlyStr object at 0x"))

# Default repr of classes and instances.
class Plain:
    pass
print(repr(Plain), str(Plain))
print(repr(Plain()).startswith("<__main__.Plain object at 0x"))

# __str__ returning a non-string.
class Bad:
    def __str__(self):
        return 42
    def __repr__(self):
        return None
try:
    str(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    repr(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(Bad())
except TypeError as e:
    print(type(e).__name__, e)

# __format__ controls format() and f-string specs.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:>10.1f}", format(m, "short"))

# Without __format__, a non-empty spec is an error.
try:
    format(Plain(), "10")
except TypeError as e:
    print(type(e).__name__, e)
print(format(OnlyStr(), ""), f"{OnlyStr()!s:>12}|")

# Subclass of a builtin keeps the builtin's repr unless overridden.
class MyList(list):
    pass
class MyDict(dict):
    def __repr__(self):
        return "MyDict(" + super().__repr__() + ")"
print(MyList([1, 2]), MyDict(a=1))

# Recursive repr through user classes.
class Node:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return f"Node({self.children})"
print(Node([Node([]), Node([Node([])])]))
