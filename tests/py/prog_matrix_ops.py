# Matrices as nested lists: transpose, multiply, identity, determinant, pretty printing.
def shape(m):
    return len(m), len(m[0]) if m else 0
def transpose(m):
    return [list(col) for col in zip(*m)]
def multiply(a, b):
    if shape(a)[1] != shape(b)[0]:
        raise ValueError(f"cannot multiply {shape(a)} by {shape(b)}")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
def show(m):
    width = max(len(f"{x}") for row in m for x in row)
    for row in m:
        print("[ " + " ".join(f"{x:>{width}}" for x in row) + " ]")
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a); show(transpose(a)); show(multiply(a, b)); show(identity(3))
print(multiply(identity(2), [[5, 6], [7, 8]]), det([[2]]), det([[1, 2], [3, 4]]), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
try:
    multiply(a, a)
except ValueError as e:
    print(type(e).__name__, e)
m = [[1.5, -2], [0.25, 4]]
show(m)
print([[round(x / 3, 3) for x in row] for row in m], sum(map(sum, m)), max(max(r) for r in m))
flat = [x for row in b for x in row]
print(flat, [flat[i:i + 3] for i in range(0, len(flat), 3)])
spiral = [[1, 2, 3], [8, 9, 4], [7, 6, 5]]
out = []
while spiral:
    out += spiral.pop(0)
    spiral = [list(r) for r in zip(*spiral)][::-1]
print(out)
