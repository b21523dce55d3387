# random.Random instances, subclasses and errors.
import random
r1 = random.Random(5); r2 = random.Random(5)
print(r1.random() == r2.random(), r1.randint(1, 6), r2.randint(1, 6))
r3 = random.Random("seed"); print(r3.random(), r3.choice(range(100)))
print(type(r1).__name__, random.Random.__module__, random.Random.__mro__[1].__name__, random.Random.VERSION)
print(isinstance(r1, random.Random), issubclass(random.SystemRandom, random.Random))
class Const(random.Random):
    def random(self):
        return 0.5
c = Const(); print(c.randrange(10), c.choice([1, 2, 3]), c.randint(1, 100), c.uniform(0, 10))
class Bits(random.Random):
    def __init__(self):
        self.n = 0
        super().__init__(0)
    def getrandbits(self, k):
        self.n += 1
        return (self.n * 12345) % (1 << k)
b = Bits(); print(b.randrange(1000), b.randrange(1000), b.n)
class Seeded(random.Random):
    def __init__(self, a, b):
        super().__init__(a + b)
s = Seeded(1, 2); print(s.random() == random.Random(3).random())
import copy
r = random.Random(11); r.random(); r4 = copy.copy(r); print(r4.random() == r.random())
st = r.__reduce__(); print(st[0].__name__, st[1], st[2][0])
sr = random.SystemRandom(); x = sr.random(); print(0 <= x < 1, sr.seed(5), len(sr.randbytes(4)), 0 <= sr.getrandbits(10) < 1024)
try:
    sr.getstate()
except NotImplementedError as e:
    print("NotImplementedError", e)
errors = [
    lambda: random.randrange(0), lambda: random.randrange(5, 2), lambda: random.randrange(0, 10, 0),
    lambda: random.randrange(0, 10, -1), lambda: random.randrange(1, 10, 20) < 10, lambda: random.choice([]),
    lambda: random.sample([1, 2], 3), lambda: random.sample([1, 2], -1), lambda: random.sample({1, 2}, 1),
    lambda: random.choices([1, 2], [1], k=1), lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]),
    lambda: random.choices([1], 3), lambda: random.choices([1, 2], [0, 0]), lambda: random.choices([1], [float('inf')]),
    lambda: random.getrandbits(-1), lambda: random.randrange('a'), lambda: random.randrange(1, 'b'),
    lambda: random.randrange(10, step=2), lambda: random.sample([1, 2], 1, counts=[1]), lambda: random.sample([1], 1, counts=[0]),
    lambda: random.gammavariate(0, 1), lambda: random.Random(1, 2), lambda: random.uniform('a', 'b'),
]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
