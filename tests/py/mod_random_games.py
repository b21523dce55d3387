# Small games with a fixed seed: dice, coin flips, guessing game, shuffling a deck, weighted picks.
import random
random.seed(2024)
dice = [random.randint(1, 6) for _ in range(10)]
print(dice, sum(dice))
flips = "".join(random.choice("HT") for _ in range(20))
print(flips, flips.count("H"))
secret = random.randint(1, 100)
low, high, guesses = 1, 100, 0
while True:
    guess = (low + high) // 2
    guesses += 1
    if guess == secret:
        print(f"guessed {secret} in {guesses} tries")
        break
    elif guess < secret:
        low = guess + 1
    else:
        high = guess - 1
suits = "♠♥♦♣"
ranks = [str(n) for n in range(2, 11)] + list("JQKA")
deck = [r + s for s in suits for r in ranks]
random.shuffle(deck)
hand = deck[:5]
print(hand, len(deck))
print(random.sample(deck, 3), random.choices(["win", "lose"], weights=[1, 3], k=8))
print(round(random.uniform(10, 20), 4), random.randrange(0, 100, 7), round(random.random(), 6))
print(round(random.gauss(100, 15), 3), round(random.triangular(0, 10, 3), 3), round(random.expovariate(2), 5))
items = list(range(10))
random.shuffle(items)
print(items, sorted(items) == list(range(10)))
rng1, rng2 = random.Random(99), random.Random(99)
print([rng1.randint(1, 1000) for _ in range(5)] == [rng2.randint(1, 1000) for _ in range(5)])
print(random.getrandbits(40), random.choice(range(1000)), random.randbytes(4).hex())
