# Small int arithmetic, literals and printing.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(1 + 1, 7 - 10, 6 * 7, 7 // 2, 7 % 3, 7 / 2, 2 ** 10)
print(0x1F, 0o17, 0b1010, 1_000_000, -0, +5, --5)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
n = 10
total = 0
while n:
    total += n * n
    n -= 1
print("sum of squares", total)
x = 1
for i in range(70):
    x = x * 3 + i
print(x)
print(abs(-5), abs(5), -(-5), +(-5), ~5, ~-1)
print(int, type(5), type(5) is int, isinstance(5, int))
print(repr(12345), str(-987), 10 == 10.0, 1 < 2 < 3, 3 > 2 == 2)
print(max(3, 9, -1), min(3, 9, -1), sum(range(101)))
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("1/0", lambda: 1 / 0)
show("divmod(1,0)", lambda: divmod(1, 0))
show("1+'a'", lambda: 1 + 'a')
show("'a'*3", lambda: 'a' * 3)
show("3*'ab'", lambda: 3 * 'ab')
show("2**-1", lambda: 2 ** -1)
show("0**0", lambda: 0 ** 0)
show("0**-1", lambda: 0 ** -1)
show("(-8)**(1/3)", lambda: (-8) ** (1 / 3))
show("10/4", lambda: 10 / 4)
show("-10/4", lambda: -10 / 4)
show("0/-5", lambda: 0 / -5)
for a in (-3, 0, 4):
    for b in (-2, 3):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a ** 2)
