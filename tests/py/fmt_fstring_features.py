# f-strings: expressions, conversions, nested specs, =, quotes, braces.
import math
name, duration, n = "Sequential", 2.84321, 1000000
print(f"{name:.<40} {duration:.2f}s")
print(f"{n:,}", f"{n:_}", f"{n:>15,}", f"{n / 3:,.3f}")
width, prec = 10, 3
print(f"[{math.pi:{width}.{prec}f}]", f"[{math.pi:<{width}}]", f"[{'x':{'^'}{width}}]")
fill, align = "*", "^"
print(f"[{'mid':{fill}{align}{width}}]")
print(f"{name!r}", f"{name!s}", f"{'é'!a}", f"{name!r:>15}", f"{3.0!s:>6}")
x, items = 5, [1, 2]
print(f"{x=}", f"{x = }", f"{x*2=}", f"{items=!s}", f"{math.pi=:.2f}", f"{name=!r:^20}")
print(f"{{literal braces}}", f"{{{x}}}", f"{'{'}", f"}}")
d = {"key": "value", "n": 3}
print(f"{d['key']}", f"{d['n'] * 2}", f'{d["key"]}', f"{len(d)}")
print(f"{'nested ' + f'{x:03}'}", f"{[i ** 2 for i in range(4)]}", f"{(lambda v: v + 1)(x)}")
print(f"{x if x > 3 else 'small'}", f"{'yes' if not items else 'no'}")
print(f"multi"
      f"ple {x}"
      "-plain-"
      f"{x + 1}")
print(f"{3.14159:.{prec}}", f"{255:#0{width}x}", f"{-7:{'+' if x else ''}d}")
now = 42
print(f"{now:>{width}}|{now:<{width}}|{now:^{width}}|")
print(F"upper prefix {x}", rf"raw \n {x}", fr"{x}\t")
print(f"{x!r:}", f"{object.__name__:>8}", f"{type(x).__name__}")
class P:
    def __format__(self, spec):
        return f"P({spec})"
print(f"{P()}", f"{P():abc}", f"{P():{width}}")
print(f"{1_000_000.5:,.1f}", f"{0.000123:.2e}", f"{1/3:.5%}", f"{12:b}", f"{-12:+o}")
for bad in ["f'{x!z}'", "f'{}'", "f'{x'", "f'}'", "f'{x:{y}}'.format()"]:
    try:
        eval(bad)
    except (SyntaxError, NameError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
try:
    f"{x:{'bad spec'}}"
except ValueError as e:
    print(type(e).__name__, e)
