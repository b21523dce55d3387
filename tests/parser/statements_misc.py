pass; pass;
x = 1; y = 2
del x
del x, y
del x[0], y.z
del (a, b), [c]
del (a)
global a, b
nonlocal_ = 1
print(x) ; print(y)
if x: pass; pass
...
Ellipsis
None
True, False
