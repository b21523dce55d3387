match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] if direction in "nesw":
        move(direction)
    case ["drop", *objects]:
        drop(objects)
    case ["quit" | "exit"]:
        quit()
    case _:
        print("unknown")
match point:
    case Point(x=0, y=0):
        print("Origin")
    case Point(x=0, y=y):
        print(f"Y={y}")
    case Point(0, y) | Point(y, 0):
        pass
    case Point():
        pass
    case (0, 0):
        pass
    case (x, y) as p:
        pass
    case [Point(x=0, y=0), *rest]:
        pass
match value:
    case 0 | 1 | 2:
        pass
    case -1:
        pass
    case 1.5 | -2.5:
        pass
    case 1 + 2j | -1 - 2j:
        pass
    case "string" | b"bytes":
        pass
    case None:
        pass
    case True | False:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case {"key": value, **rest}:
        pass
    case {1: x, "a": [y, *_]}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case [*_]:
        pass
    case (a):
        pass
    case a, b:
        pass
    case a, *b,:
        pass
    case str() | bytes():
        pass
    case int(x) if x > 0:
        pass
    case {**rest}:
        pass
    case [1, [2, [3, *more]]]:
        pass
    case (1 | 2) as n:
        pass
    case Point(x=1) as p if p:
        pass
