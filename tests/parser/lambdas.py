f = lambda: None
f = lambda x: x
f = lambda x, y: x + y
f = lambda x=1, *a, y, z=2, **k: 0
f = lambda *a, **k: (a, k)
f = lambda a, /, b: 0
f = lambda a, b=2, /, c=3, *, d: 0
f = lambda *, x: x
f = lambda: (yield)
f = lambda: lambda: lambda x: x
g = [lambda x: x * i for i in range(3)]
h = sorted(d, key=lambda k: (d[k], k))
i = (lambda x: x)(1)
j = lambda x: x if x else -x
