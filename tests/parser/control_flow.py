if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2

while x:
    x -= 1
    if x == 5:
        break
    continue
else:
    done()

for i in range(10):
    print(i)
else:
    print("no break")

for a, b in pairs:
    pass

for (a, b), c in nested:
    pass

for x, in singles:
    pass

for *a, b in seqs:
    pass

for i in 1, 2, 3:
    pass

if x: y = 1
while False: pass
for x in y: z(x); w(x)
if a:
    if b:
        if c:
            deep()
        else:
            other()
