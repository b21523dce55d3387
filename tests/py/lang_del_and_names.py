# del statement on names, list items, slices, dict keys, attributes; NameError afterwards.
a = 1
b = [1, 2, 3, 4, 5]
c = {"x": 1, "y": 2}
class O: pass
o = O()
o.attr = "value"
del a, b[0], b[-1], c["x"], o.attr
print(b, c, vars(o))
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
del b[::2]
print(b)
x = y = [1]
del x
print(y)
def f():
    local = 1
    del local
    try:
        return local
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
for name in ["missing_global"]:
    try:
        exec(f"del {name}")
    except NameError as e:
        print(type(e).__name__, e)
try:
    del c["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del o.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b[10]
except IndexError as e:
    print(type(e).__name__, e)
lst = [[1, 2], [3, 4]]
del lst[0][1], lst[1]
print(lst)
(p, q) = (1, 2)
del (p, q)
print("p" in globals(), "q" in globals())
for i in range(2):
    pass
del i
print("i" in dir())
