# A 100,000-line function: it compiles, runs, and an error on its last
# line is reported with the right line number (exit status 1).
lines = ["def big(x):"]
for i in range(100000):
    lines.append("    x = x + 1" if i % 2 == 0 else "    x = x - 0")
lines.append("    if x == 50000:")
lines.append("        return x // (x - x)")
source = "\n".join(lines) + "\n"
namespace = {}
exec(compile(source, "<big>", "exec"), namespace)
print("compiled", len(lines), "lines")
big = namespace["big"]
print(big.__code__.co_firstlineno, big.__code__.co_name)
try:
    big(0)
except ZeroDivisionError as e:
    print("line of the error:", e.__traceback__.tb_next.tb_lineno)
big(0)
