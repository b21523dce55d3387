# reading slices of lists, all step directions and clamping
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3], a[-3:-1])
print(a[::2], a[1::2], a[::-1], a[::-2], a[8:2:-2], a[2:8:-1])
print(a[100:], a[-100:], a[:100], a[5:2], a[::100], a[::-100])
print(a[3:3], a[-1:-2], a[-2:-1], a[10:0:-1], a[0:10:3])
print(a[None:None:None], a[None:3], a[7:None])
print(a[10**20:], a[:10**20], a[-10**20:3], a[::10**20], a[::-10**20])
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(a[I(1):I(4)], a[::I(3)])
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: a[::0])
t(lambda: a['a':])
t(lambda: a[:1.0])
t(lambda: a[::'x'])
b = a[:]
b.append(99)
print(len(a), len(b))
print([][1:2], [][::-1], [1][::-1])
s = a[slice(1, 9, 3)]
print(s)
for step in (1, 2, 3, -1, -2, -3):
    for start in (None, 0, 3, -3, 12):
        print(step, start, a[start::step], a[:start:step])
