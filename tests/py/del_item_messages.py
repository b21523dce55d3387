# CPython words the "can't delete an item" error differently for
# sequences ("doesn't") and for other objects ("does not").
for code in ["del x[0]"]:
    for x in [1, 1.5, None, 'ab', (1, 2), b'ab', range(3), frozenset()]:
        try:
            exec(code, {'x': x})
        except TypeError as e:
            print(e)
for x in [1, 'ab', (1,), None]:
    try:
        x[0] = 1
    except TypeError as e:
        print(e)
class Plain:
    pass
for x, k in [(Plain(), 0), ((1,), 'a'), (1, 'a'), ({}.keys(), 0), (iter([]), 0), (len, 0)]:
    try:
        del x[k]
    except TypeError as e:
        print(e)
