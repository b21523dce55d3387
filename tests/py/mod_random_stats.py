# Many draws: the sequences must match CPython's draw for draw.
import random
random.seed(2024)
print([random.randint(1, 6) for i in range(30)])
print([round(random.random(), 6) for i in range(10)])
print(sum(random.randrange(1000) for i in range(1000)))
deck = [r + s for r in "A23456789TJQK" for s in "SHDC"]
random.shuffle(deck); print(deck[:13])
print(random.sample(deck, 5))
print(sorted(random.choices(range(5), weights=[5, 1, 1, 1, 10], k=20)))
g = [random.gauss(10, 2) for i in range(5)]; print([round(v, 8) for v in g])
print(round(sum(random.expovariate(2) for i in range(100)), 8))
print([random.getrandbits(8) for i in range(10)])
print(random.randbytes(16).hex())
counts = [0] * 10
for i in range(5000):
    counts[random.randrange(10)] += 1
print(counts)
r = random.Random(99)
print([r.choice("abc") for i in range(20)])
print([r.randrange(3, 100, 7) for i in range(10)])
