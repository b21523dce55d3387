# match statements: literal, capture, wildcard, sequence, mapping, class, or, as, guards.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: float
def describe(obj):
    match obj:
        case 0 | 0.0:
            return "zero"
        case True | False as b:
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float():
            return f"number {obj}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return f"string of {len(obj)}"
        case []:
            return "empty list"
        case [x]:
            return f"one element {x}"
        case [first, *rest] if rest == sorted(rest):
            return f"first {first}, sorted rest {rest}"
        case (a, b):
            return f"pair {a}, {b}"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra {extra}"
        case {"type": t}:
            return f"typed {t}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=px, y=py) if px == py:
            return f"diagonal {px}"
        case Point(px, py):
            return f"point {px},{py}"
        case Circle(Point(0, 0), r):
            return f"centered circle r={r}"
        case Circle(center=c, r=r) if r > 10:
            return f"big circle at {c}"
        case None:
            return "none"
        case _:
            return f"other {type(obj).__name__}"
tests = [0, 0.0, True, -3, 7, 2.5, "", "42", "abc", [], [9], [5, 1, 2, 3], [5, 3, 1], (1, 2),
         {"type": "user", "name": "ann", "age": 3}, {"type": "admin"}, Point(0, 0), Point(2, 2),
         Point(1, 2), Circle(Point(0, 0), 1.5), Circle(Point(1, 1), 20), Circle(Point(1, 1), 1), None, {1, 2}]
for t in tests:
    print(repr(t), "->", describe(t))
def command(text):
    match text.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", item, *more]:
            return f"taking {item}" + (f" and {len(more)} more" if more else "")
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
        case []:
            return "nothing"
for c in ["go north", "go up", "take lamp", "take a b c", "quit", "exit", "dance wildly", ""]:
    print(repr(c), "->", command(c))
match 42:
    case value:
        print("irrefutable capture", value)
for bad in ["match x:\n case a:\n  pass\n case b:\n  pass", "match x:\n case a | b:\n  pass"]:
    try:
        compile(bad, "<m>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
