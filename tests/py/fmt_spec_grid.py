# The format-spec mini-language: fill, align, sign, #, 0, width, grouping, precision, types.
ints = [0, 7, -42, 255, 1234567]
specs = ["", "5", "<5", ">5", "^5", "*^7", "+", " ", "-", "05", "+06", "x", "#x", "X", "#X", "o", "#o",
         "b", "#b", "#010b", ",", "_", "_x", "_b", "c", "d", "n", "e", ".2e", "f", ".1%", "=+8", "0=8"]
for spec in specs:
    cells = []
    for n in ints:
        if spec == "c" and n < 0:
            continue
        cells.append(format(n, spec))
    print(f"{spec!r:8}", cells)

floats = [0.0, 3.14159, -2.5, 1234567.891, 1e-7, 1e21, float("inf"), float("nan"), -0.0]
fspecs = ["", ".2f", "10.3f", "<10.1f", "^12.2e", "+.3g", "g", ".0f", ".0e", "#.0f", "e", "E", "G", "%",
          ".1%", ",.2f", "_.1f", "012.2f", "F", "n", ".3", "#g", "z.1f", " .2f"]
for spec in fspecs:
    print(f"{spec!r:8}", [format(x, spec) for x in floats])

strs = ["", "a", "hello", "naïve"]
sspecs = ["", "5", ">5", "^5", "_<6", ".2", "8.3", "s", "^9.1s"]
for spec in sspecs:
    print(f"{spec!r:8}", [format(s, spec) for s in strs])

print(format(True, ""), format(True, "d"), format(True, ">5"), format(None, ""), format(3 + 4j, ".1f"))
print(format(10**30, ","), format(-10**20, "_x"), format(2**64, "e"), format(12345.6789, ",.2f"))

errors = [(1, "s"), ("x", "d"), (1.5, "d"), ("x", "+"), (1, ".2s"), (1, ",c"), (-1, "c"), (1, "z"),
          (1.5, "x"), ("x", ","), (1, "=<5"), (1, ",_"), ("s", "=5"), (1, "10.x")]
for value, spec in errors:
    try:
        print(format(value, spec))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
