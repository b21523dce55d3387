from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

def describe(obj):
    match obj:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y) | Point(x=y, y=0):
            return f"axis {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case [Point() as p, *others]:
            return f"list starting at {p}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case int() | float() as num if num < 0:
            return "negative"
        case str(s):
            return "string " + s
        case None:
            return "nothing"
        case _:
            return "other"

for o in [Point(0, 0), Point(0, 5), Point(2, 2), [Point(1, 2)], {"type": "circle", "r": 3}, -1, "s", None, 3]:
    print(describe(o))
