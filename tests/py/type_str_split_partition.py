# split/rsplit/splitlines/partition edge cases, join, translate/maketrans, expandtabs, count.
s = "  a,b,,c  "
print(s.split(","), s.strip().split(","), s.split(), s.split(",", 1), s.rsplit(",", 1), s.split(",", -1))
print("a b\tc\nd".split(), "a  b".split(" "), "a  b".split(" ", 1), "".split(","), "".split(), " ".split(" "))
print("1.2.3.4".split(".", 2), "1.2.3.4".rsplit(".", 2), "x".split("x"), "xax".split("x"))
for bad in ["'a'.split('')", "'a'.split(1)", "'a'.split(',', 'x')"]:
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
text = "line1\nline2\r\nline3\rline4\n\nlast"
print(text.splitlines(), text.splitlines(True)[:3], "".splitlines(), "x\n".splitlines(), "\n".splitlines())
print("a\x0bb\x0cc\x1cd\u2028e".splitlines())
print("key=value=more".partition("="), "key".partition("="), "a=b=c".rpartition("="), "abc".rpartition("x"))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print("-".join("abc"), "".join(["x", "y"]), ", ".join(map(str, [1, 2])), "\n".join([]) == "")
table = str.maketrans("abc", "xyz", "!")
print("a b c!".translate(table), "hello".translate({ord("l"): None, ord("o"): "0"}), str.maketrans({"a": "1"}))
print("col1\tcol2\tc".expandtabs(), "a\tb".expandtabs(2), "\t".expandtabs(0))
print("banana".count("a"), "banana".count("an"), "banana".count(""), "banana".count("a", 2, 4), "aaa".count("aa"))
print("Hello".center(11, "*"), "Hello".ljust(3), "42".rjust(5, "0"), "hi".zfill(5), "title case words".title())
print("ß".upper(), "İ".lower(), "ﬁ".upper(), "Σ".lower(), "ΟΔΟΣ".lower(), "straße".casefold() == "STRASSE".casefold())
print("abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3), "abc".find("c", -1), "abc".rfind("", 1))
print("%s" % "a".join([]) or "empty join", " x ".isspace(), "\t\n".isspace(), "".isalpha())
