cases = r'''
1 + "a"
"a" + 1
[1] + "a"
{} + {}
1 - "a"
"a" - "b"
-"a"
~1.5
abs("a")
len(1)
len(None)
int(None)
int([1])
int("1.5")
float("abc")
float([])
complex("x")
1 / 0
1 // 0
1 % 0
1.0 / 0
divmod(1, 0)
2 ** -1 % 0
pow(2, 3, 0)
pow(2.0, 3, 4)
[1, 2][5]
[1, 2]["a"]
(1,)[2]
"abc"[10]
"abc"["x"]
{}["k"]
{}[[1]]
{[1]: 2}
{1: 2}.pop(3)
set().remove(1)
[].remove(1)
[1].index(2)
(1,).index(2)
"abc".index("z")
None()
1()
"a"()
None.x
(1).x
"a".x
object().x
type.x
[].x
iter(1)
next([])
next(iter([]))
list(1)
tuple(1)
dict(1)
dict([1])
set(1)
sorted(1)
sum(["a"])
sum([1], "")
min([])
max()
max(1)
range("a")
range(1.5)
range(1, 2, 0)
chr(-1)
chr(0x110000)
ord("ab")
ord("")
hash([])
hash({})
{}.fromkeys(1)
"a" * "b"
[1] * [1]
"abc".split("")
"x".join([1])
",".join(1)
"abc".replace(1, 2)
"%d" % "a"
"%s %s" % (1,)
"%s" % (1, 2)
"{}".format()
"{0} {2}".format(1, 2)
"{a}".format(b=1)
"{:d}".format("a")
"{:.2f}".format("a")
format(1, "z")
format("a", "d")
f"{1:abc}"
int("z", 36) + int("10", 1)
int("10", 40)
bytes("a")
bytes([256])
b"a" + "a"
bytearray(-1)
"a" < 1
[1] < (1,)
None < None
{} < {}
1j < 2j
getattr(1, "x")
getattr(1, 1)
setattr(1, "x", 2)
delattr(1, "x")
isinstance(1, 1)
issubclass(1, int)
issubclass(int, 1)
super()
object.__new__(1)
type("a", 1, {})
type(1, 2)
round("a")
round(1.5, "a")
divmod("a", 1)
import_nonexistent_module
__import__("nonexistent_mod_x")
eval("1 +")
exec("def")
compile("x", "f", "bad")
list.append(1, 2)
list.append([], 1, 2)
[].append()
"a".upper(1)
{}.get()
str.join(1, 2)
int.from_bytes("a", "big")
(1).to_bytes(1, "big") + (256).to_bytes(1, "big")
x, y = 1, 2, 3
x, y, z = 1, 2
a, b = 1
[].sort(key=1)
sorted([1, 2], key=lambda a, b: 0)
map(1, [1])
list(map(1, [1]))
list(zip(1))
enumerate(1)
reversed(1)
reversed({})
callable()
print(sep=1)
print(end=1)
open(1.5)
open("/tmp", "zz")
(lambda: 0)(1)
(lambda x: 0)()
(lambda x: 0)(y=1)
int(x=1)
frozenset().add(1)
(1, 2).append(3)
"abc".sort()
del [][0]
[].pop(1)
[1].insert("a", 1)
slice(1, 2, 0).indices(5)
[1, 2, 3][::0]
{1, 2} + {3}
{1, 2} | [3]
dict.fromkeys([1]) | [1]
1 << -1
1 >> -1
1 << 1.5
2 ** 10000.0
10.0 ** 400
math.sqrt(-1)
math.log(0)
math.factorial(-1)
math.factorial(1.5)
'''
import math
for line in cases.strip().splitlines():
    try:
        if line.startswith(("x, y", "a, b", "del ", "import ")):
            exec(line)
        else:
            eval(line)
        print(line, "-> OK")
    except Exception as e:
        print(line, "->", type(e).__name__ + ":", e)
