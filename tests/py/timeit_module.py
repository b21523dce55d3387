# timeit: string and callable statements, setup, globals, repeat,
# autorange, errors (times are checked, not printed).
import timeit

t = timeit.timeit("x = sum(range(10))", number=1000)
print(type(t).__name__, t >= 0)
r = timeit.repeat("x * 2", setup="x = 21", repeat=3, number=100)
print(len(r), all(v >= 0 for v in r))
calls = []
print(timeit.timeit(lambda: calls.append(1), number=7) >= 0, len(calls))
count = 0


def bump():
    global count
    count += 1


timeit.timeit("bump()", globals=globals(), number=5)
print(count)
timer = timeit.Timer("y = [i for i in range(5)]\nz = len(y)", setup="import math")
n, taken = timer.autorange()
print(n in (1, 2, 5) or str(n)[0] in "125", taken >= 0.2)
seen = []
timeit.Timer("pass", timer=lambda: 1.5).timeit(3)
print(timeit.Timer("pass", timer=lambda: 1.5).timeit(3))
for bad in ("x = (", ):
    try:
        timeit.Timer(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError:", e)
try:
    timeit.timeit("undefined_name", number=1)
except NameError as e:
    print("NameError:", e)
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
