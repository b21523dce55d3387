# File processing: write a CSV-like file, read it back, aggregate, write a report, clean up.
import os
path = "/tmp/_minipy_sales.csv"
rows = [("2024-01-03", "north", "widget", 3, 2.5), ("2024-01-04", "south", "gadget", 1, 12.0),
        ("2024-01-04", "north", "gadget", 2, 12.0), ("2024-02-01", "east", "widget", 10, 2.25),
        ("2024-02-02", "south", "widget", 4, 2.5)]
with open(path, "w", encoding="utf-8") as f:
    f.write("date,region,product,qty,price\n")
    for r in rows:
        f.write(",".join(map(str, r)) + "\n")
totals_by_region = {}
totals_by_month = {}
with open(path, encoding="utf-8") as f:
    header = f.readline().strip().split(",")
    for line_no, line in enumerate(f, start=2):
        record = dict(zip(header, line.strip().split(",")))
        amount = int(record["qty"]) * float(record["price"])
        totals_by_region[record["region"]] = totals_by_region.get(record["region"], 0) + amount
        month = record["date"][:7]
        totals_by_month[month] = totals_by_month.get(month, 0) + amount
print(header)
for region, total in sorted(totals_by_region.items(), key=lambda kv: -kv[1]):
    print(f"{region:<6} {total:8.2f}")
print(totals_by_month)
report = path.replace(".csv", "_report.txt")
with open(report, "w") as out:
    print("Sales report", file=out)
    for month, total in sorted(totals_by_month.items()):
        print(f"{month}: {total:.2f}", file=out)
with open(report) as f:
    print(f.read(), end="")
with open(path, "a") as f:
    f.write("bad,line\n")
errors = 0
with open(path) as f:
    next(f)
    for line in f:
        parts = line.strip().split(",")
        try:
            int(parts[3])
        except (IndexError, ValueError) as e:
            errors += 1
            print("bad record:", parts, type(e).__name__)
print("errors:", errors, os.path.getsize(path) > 100)
for p in (path, report):
    os.remove(p)
print(os.path.exists(path), os.path.exists(report))
