a, *b = c
*a, b = c
a, *b, c = d
[*a] = b
(*a,) = b
print(*a, *b)
x = *a, *b
x = [*a, *b]
x = {*a, *b}
x = {**a, **b}
for *a, b in c: pass
return_value = (*a, 1)
def f(): return *a, *b
def g(): yield *a, *b
x = a[*b]
