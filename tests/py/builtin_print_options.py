# print(): sep, end, file, flush, several arguments, objects, no arguments.
import sys
import io
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep=" | ")
print("no newline", end="")
print(" -> continued")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
buf = io.StringIO()
print("into", "a buffer", file=buf, sep="_")
print(repr(buf.getvalue()))
print(*range(5))
print(*"abc", sep="-")
print("multi\nline", "arg")
print("", "", sep="x")
print(end="")
print("tab\tseparated", "é", "😀")
print(sep=":", *[1, 2])
for bad in [dict(sep=1), dict(end=2), dict(file="not a file"), dict(bogus=1)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(None, file=None)
class Loud:
    def __str__(self):
        return "Loud.__str__"
print(Loud(), [Loud()].__len__())
sys.stdout.write("write returns count: ")
print(sys.stdout.write("abc\n"))
print("ok", file=sys.__stdout__)
