# Formatting tables: alignment, fill, widths from data, nested specs, unicode and numbers.
rows = [("Sequential", 2.8412, 8), ("Threading (manual)", 2.91, 8), ("ThreadPoolExecutor", 2.88, 8),
        ("Multiprocessing (Pool)", 0.7931, 8), ("ProcessPoolExecutor", 0.81, 8)]
print(f"Benchmarking {8} tasks with n={1_000_000:,}")
print("=" * 60)
for name, duration, count in rows:
    print(f"{name:.<40} {duration:.2f}s ({count} tasks)")
baseline = rows[0][1]
print("\n" + "=" * 60)
for name, duration, _ in rows:
    print(f"{name:.<40} {baseline / duration:.2f}x")
width = max(len(r[0]) for r in rows)
for name, duration, count in rows:
    print(f"|{name:^{width}}|{duration:>{8}.3f}|{count:<4}|")
print(f"{'left':<10}|{'center':^10}|{'right':>10}|")
print(f"{'x':*<5}{'y':-^7}{'z':=>5}")
print(f"{3.14159:+.2f} {-2:+d} {42:08.3f} {1234567:_d} {0.000123:.2e} {0.5:.0%}")
print(f"{'naïve':>8}|{'日本':>6}|{'ok':^6}|")
for n in [0, 7, 42, 255]:
    print(f"{n:>4d} {n:>#6x} {n:>#10b} {n:>#5o} {n:>6.1%}")
print("{:<8}{:>8}".format("Total", f"{sum(r[1] for r in rows):.2f}"))
print("%-20s|%8.2f|%3d" % ("percent style", 3.14159, 7))
data = {"apples": 3, "kiwis": 12, "bananas": 0}
longest = max(map(len, data))
for k, v in sorted(data.items(), key=lambda kv: -kv[1]):
    print(f"{k.capitalize():{longest}} : {v:>3} {'#' * v}")
