s = "héllo wörld"
print(len(s), s[1], s[-1], s[2:5], s.upper(), s.title())
print('it\'s', "tab\there", r"raw\n", b"bytes\x00\xff", "\u00e9\U0001F600", "a\
b")
name = "duration"; duration = 3.14159; n = 1234567
print(f"{name:.<40} {duration:.2f}s", f"{n:,}", f"{n:>12,}", f"{'x'!r}", f"{duration=:.1f}")
w, p = 10, 3
print(f"{duration:{w}.{p}f}|", f"{{literal}}", f"{n:_}", f"{255:#x} {255:08b}")
print("%s=%d (%.2f%%)" % ("x", 42, 99.5), "%-5s|%5s|" % ("a", "b"), "%r" % "q")
print("-".join(["a", "b", "c"]), "a,b,,c".split(","), "  pad  ".strip(), "x".center(5, "*"))
print(repr("a'b"), repr('a"b'), repr("a'\"b"), str(b"x"), ascii("é"))
