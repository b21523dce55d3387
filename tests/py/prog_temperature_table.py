# Conversion tables with while/for loops, round(), formatting and functions.
def c_to_f(c):
    return c * 9 / 5 + 32
def f_to_c(f):
    return (f - 32) * 5 / 9
print(f"{'Celsius':>8} {'Fahrenheit':>11} {'Kelvin':>8}")
for c in range(-40, 101, 20):
    print(f"{c:>8} {c_to_f(c):>11.1f} {c + 273.15:>8.2f}")
f = 0
while f <= 100:
    print(f"{f:3d}°F = {f_to_c(f):6.2f}°C", "freezing" if f_to_c(f) <= 0 else "")
    f += 25
print(round(f_to_c(98.6), 1), c_to_f(37), f_to_c(c_to_f(21.5)) == 21.5)
readings = [22.5, 23.1, 19.8, 25.4, 24.0, 18.9, 21.3]
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
hottest = max(zip(readings, days))
print(f"hottest: {hottest[1]} at {hottest[0]}°C, mean {sum(readings) / len(readings):.2f}")
for day, t in zip(days, readings):
    bar = "#" * round(t - 15)
    print(f"{day} {t:5.1f} {bar}")
print(f"{'above 22':-^20}", [d for d, t in zip(days, readings) if t > 22])
