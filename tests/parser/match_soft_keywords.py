match = 1
match.x = 2
match(3)
match[4]
print(match)
case = 5
_ = 6
match x:
    case case:
        pass
match match:
    case _:
        pass
match (x):
    case y: pass
match x, y:
    case a, b: pass
match *a, b:
    case _: pass
match -x:
    case _: pass
match [1, 2]:
    case [1, *others]: pass
match {"a": 1}:
    case {"a": 1}: pass
def match(x): return x
match(x)
