# Tutorial-style f-strings and str.format with numbers.
name, duration, n, x, p, i, h, v = "build", 3.14159, 1234567, 2.5, 0.4567, 42, 255, 1000000
print(f"{name:.<40} {duration:.2f}s")
print(f"{n:,}", f"{x:>10.3f}", f"{p:.1%}", f"{x:08.3f}", f"{i:5d}", f"{h:#x}", f"{v:_}")
print(f"{n:_}", f"{n:>15,}", f"{-n:+,}", f"{h:08b}", f"{h:#o}", f"{h:X}", f"{p:e}", f"{p:g}")
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 250, 0.1)]
print(f"{'item':<10}|{'qty':>5}|{'price':>8}|{'total':>9}")
for item, qty, price in rows:
    print(f"{item:<10}|{qty:>5}|{price:>8.2f}|{qty * price:>9.3f}")
print(f"{'total':<10}|{sum(r[1] for r in rows):>5}|{'':>8}|{sum(r[1] * r[2] for r in rows):>9.3f}")
width, prec = 12, 3
print(f"{duration:{width}.{prec}f}|", f"{duration:>{width}}|", f"{name:^{width}}|")
print("{:.2f} {:>6} {:<4}|{:^7}|".format(3.14159, 42, 'ab', 1.5))
print("{0:b} {0:o} {0:x} {0:#X} {1:.3e}".format(255, 12345.6789))
print("{:,.2f}".format(1234567.891), "{:%}".format(0.25), "{:.0%}".format(1 / 3))
for k in range(0, 8):
    print(f"2**{k:<2} = {2 ** k:>4} | {2 ** -k:<10} | {10 ** k:>10,} | {1 / (k + 1):.4f}")
temps = [22.5, -3.25, 0.0, 100.0, -0.0]
print(", ".join(f"{t:+.1f}°C" for t in temps))
print(f"{3.0}", f"{1e16}", f"{0.1 + 0.2}", f"{2 ** 64}", f"{1 / 3!r}", f"{True}", f"{None}", f"{1 + 2j}")
print(f"{12345.6789:,.2f}", f"{0.000123:.2e}", f"{123456789:.3g}", f"{42:=+8}", f"{-42:=8}", f"{7:03}")
