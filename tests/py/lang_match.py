# match statements (structural pattern matching).

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(obj):
    match obj:
        case 0 | 1 | 2:
            return "small int"
        case -1:
            return "minus one"
        case 1.5 | 2j:
            return "float or complex"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"type": "user", "name": str(name)}:
            return f"user {name}"
        case {"k": v, **others}:
            return f"k={v} others={others}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point with x {px}"
        case str() as s:
            return f"other string {s!r}"
        case int(i) | float(i):
            return f"number {i}"
        case (a, b):
            return f"pair {a} {b}"
        case _:
            return "something else"

for value in [0, 2, -1, 1.5, 2j, "hello", None, True, [], [9], [1, 2, 3],
              (5, 6, 7, 8), {"type": "user", "name": "ann"}, {"k": 1, "z": 2},
              {"other": 1}, Point(0, 0), Point(0, 5), Point(3, 3), Point(4, 1),
              "bye", 99, 2.5, object()]:
    label = type(value).__name__ if type(value) in (Point, object) else repr(value)
    print(label, "->", describe(value))

def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["look"]:
            return "looking"
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown " + repr(cmd)

for c in ["go north", "go up", "look", "take a b", "take", "exit"]:
    print(command(c))

# Captures are bound only when the case matches, and stay bound after.
match (1, 2):
    case (a, 3):
        print("no")
    case (a, b):
        print("a, b =", a, b)
print("after match", a, b)

# Guards see the captures; a failing guard falls through.
match 5:
    case n if n > 10:
        print("big")
    case n:
        print("n is", n)

# Mapping patterns with attribute keys and nested patterns
class K:
    KEY = "key"
match {"key": [1, {"inner": (2, 3)}]}:
    case {K.KEY: [1, {"inner": (x, y)}]}:
        print("nested", x, y)

# Value patterns with dotted names
class Color:
    RED = "red"
    GREEN = "green"
for col in ["green", "blue"]:
    match col:
        case Color.RED:
            print("is red")
        case Color.GREEN:
            print("is green")
        case other:
            print("other color", other)

# Sequence patterns do not match strings
match "ab":
    case [x, y]:
        print("matched as sequence")
    case _:
        print("strings are not sequences here")

# Star in the middle, and the rest captured
match list(range(6)):
    case [0, 1, *middle, 5]:
        print("middle", middle)
