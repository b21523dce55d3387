def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]

print(list(take(10, fib())))
print([c for c in chunks(list(range(10)), 3)])
squares = {n: n * n for n in range(5)}
evens = {n for n in range(10) if not n % 2}
matrix = [[i * j for j in range(3)] for i in range(3)]
flat = [x for row in matrix for x in row]
transposed = list(zip(*matrix))
print(squares, evens, flat, transposed, sep="\n")
g = (x ** 2 for x in range(3))
print(next(g), *g)
