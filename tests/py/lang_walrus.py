# Assignment expressions (walrus).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
print([y for x in data if (y := x * 10) > 30], y)
lines = iter(["first", "second", "", "ignored"])
while (line := next(lines)) != "":
    print("line:", line)
print(total := sum(data), total)

def f():
    if (m := max(data)) > 5:
        return m
print(f())
# In comprehension, the target binds in the enclosing function.
def g():
    [last := v for v in range(3)]
    return last
print(g())
# Walrus in while with a counter.
i = 0
while (i := i + 1) < 4:
    print("i =", i)
# Cannot be used as a statement or for attributes.
for src in ["x := 1", "obj.a := 1", "[i := 0 for i in range(3)]", "def h(): (a := 1)\ndef h2():\n  [a := 1 for a in []]"]:
    try:
        compile(src, "<test>", "exec")
        print("ok", src)
    except SyntaxError as e:
        print(type(e).__name__, e)
print((x := 5), x, [x := 6, x])
