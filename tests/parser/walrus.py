if (n := len(a)) > 10:
    print(n)
while (chunk := f.read(10)):
    pass
data = [y for x in xs if (y := f(x)) is not None]
print(x := 1)
a = (b := 2)
if x := f(): pass
while x := g(): pass
f(a, b := 3)
[x := 1, 2]
{(y := 1): 2}
foo(x=(y := f(x)))
