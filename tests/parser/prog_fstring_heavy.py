name, age, score = "Ada", 36, 97.5
items = [("apple", 1.25, 3), ("pear", 0.5, 12)]
print(f"{name:<10}|{age:^5}|{score:>8.2f}")
print(f"{'Item':<10}{'Price':>8}{'Qty':>5}")
for item, price, qty in items:
    print(f"{item:<10}{price:>8.2f}{qty:>5d} {price * qty:=+10.3f}")
width, prec = 12, 3
print(f"{score:{width}.{prec}f} {score!r:>{width}} {name!a}")
print(f"{age:#x} {age:#o} {age:#b} {1234567:,} {0.25:%}")
print(f"{name=} {age = } {score=:.1f} {items[0][0]=!s}")
print(f"{{escaped}} {'nested ' + name}")
print(f"{len(items)} item{'s' if len(items) != 1 else ''}")
table = "\n".join(f"{k}: {v}" for k, v in {"a": 1, "b": 2}.items())
print(f"""
Report for {name.upper()}:
  age   = {age}
  score = {score:6.1f}
""")
