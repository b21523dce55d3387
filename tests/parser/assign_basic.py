x = 1
y = z = 2
a, b = b, a
a, *rest = [1, 2, 3]
(a, b), c = (1, 2), 3
[a, b] = 1, 2
x.attr = 5
x[0] = 6
x[1:2] = [7]
x: int = 5
y: "List[int]"
(z): int = 3
obj.field: str = "s"
d["k"]: float
i += 1; j -= 2; k *= 3; l /= 4; m //= 5; n %= 6
o **= 2; p @= q; r &= 1; s |= 2; t ^= 3; u <<= 1; v >>= 2
x = y = z = w = 0
t = 1,
t = 1, 2,
empty = ()
