# Argument unpacking in calls: f(*a, **k), several stars, order of evaluation.
def point(x, y, z=0):
    return (x, y, z)
coords = [1, 2]
opts = {"z": 3}
print(point(*coords), point(*coords, **opts), point(*[1], *[2], z=5))
print(point(**{"x": 1, "y": 2}), point(1, **{"y": 2}, **{"z": 3}))
print(point(*range(3)), point(*"ab"), point(*(i for i in (7, 8))))
print(max(*[3, 1, 2]), print(*["a", "b"], sep="-"))

args = (1, 2)
kwargs = dict(sep="|")
print(*args, **kwargs)
print(*args, 3, *args, sep=",")

def everything(*a, **k):
    return a, k
print(everything(*[], **{}), everything(1, *[2, 3], 4, x=1, **{"y": 2}, z=3))

# Errors in unpacking.
for src in ["point(*1)", "point(**[1])", "point(*[1, 2], **{'x': 3})", "point(**{'x': 1}, **{'x': 2})",
            "point(*[1, 2, 3, 4])", "everything(**{'a': 1}, a=2)"]:
    try:
        eval(src)
    except TypeError as e:
        print(type(e).__name__, e)

# Evaluation order: left to right.
def tag(x):
    print("eval", x)
    return x
print(point(tag(1), *[tag(2)], z=tag(3)))
print({tag("k1"): tag("v1"), **{tag("k2"): tag("v2")}})

# Unpacking into list/tuple/set/dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *a}, {**{"x": 1}, "y": 2, **{"x": 3}})
print([*"hi", *range(2)], *{}, [*{"k": 1}])

# A mapping that is not a dict can be unpacked with ** (keys + __getitem__).
class Config:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, key):
        return key.upper()
print(point(**Config()), dict(**Config()), {**Config()})

# Generators and iterators work with *.
def gen():
    yield 10
    yield 20
print(point(*gen()), [*gen(), *gen()])

# zip(*matrix) transposes.
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(row) for row in zip(*matrix)])
