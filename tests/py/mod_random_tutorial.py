# random: the calls tutorials make, with a fixed seed (CPython's Mersenne Twister).
import random
random.seed(42)
print(random.randint(1, 100), random.randint(1, 100), random.random(), random.uniform(1, 2))
print(random.choice(["rock", "paper", "scissors"]), random.randrange(10), random.randrange(0, 100, 5))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 5), random.choices("abc", k=5))
print(random.choices(["a", "b"], weights=[10, 1], k=6), round(random.gauss(0, 1), 6), random.getrandbits(16))
data = [random.randint(100, 1000) for _ in range(10)]
print(data)
random.seed("text seed")
print(random.random())
random.seed(0)
first = [random.random() for _ in range(3)]
random.seed(0)
print(first == [random.random() for _ in range(3)])
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
rng = random.Random(7)
print(rng.randint(1, 6), rng.choice("xyz"), random.Random(7).randint(1, 6))
for bad in ["random.randint(5, 1)", "random.choice([])", "random.randrange(0)", "random.sample([1], 2)"]:
    try:
        eval(bad)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
# Simulate dice: frequencies for a fixed seed.
random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(600)]
print({face: rolls.count(face) for face in range(1, 7)})
