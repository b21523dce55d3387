import re
for p in ["(", "[", "*", "a{2,1}", "\\", "\\q", "(?P<1>a)", "(?P=x)", "a**", ")", "(?<=a*)", "[b-a]", "\\2", "(a)\\2", "(?P<a>x)(?P<a>y)", "(?P<a", "(?P<>a)", "a{", "(?z)", "a(?i)", "(?", "x{1,2}{3}", "[\\d-z]", "(?<!ab|c)", "+a", "a|*", "(?:", "\\x4", "\\u12", "[]", "[^]",
          "(?#comment", "(?(1)a|b)", "(?(x)a)", "a{,3}", "a{3,}b", "(?i:a)b", "(?-i:a)", "(?x) a b # c", "[a-]", "[]a]", "[^]a]", "\\b\\B\\A\\Z", "a++", "(?>a)", "\\0", "\\08", "\\141", "[\\b]", "(?P<n>a)(?P=n)", "(?ia)x", "(?u)x", "(?L)x", "a{1,2}?", "(?P<a-b>x)", "\\Q", "x{2}{3}", "a|", "|", "a\nb(", "(?<=ab|cd)x"]:
    try:
        r = re.compile(p); print(repr(p), "OK", r.groups, dict(r.groupindex), r.flags)
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos)
print(repr(re.I), repr(re.I|re.M), re.I, int(re.I|re.S), repr(re.compile("a+", re.I)), repr(re.compile("x")), repr(re.compile(b"x", re.I)), re.compile("(?i)x").flags, re.compile("x").flags, repr(re.RegexFlag(0)), repr(re.A|re.I), repr(re.X))
m = re.search(r"(\w+) (?P<last>\w+)", "hello big world")
print(repr(m), m.group(0, 1, 2), m.groups(), m.groupdict(), m.span(2), m.start(), m.end("last"), m.lastindex, m.lastgroup, m.re, m.string, m.pos, m.endpos, m.regs, m[1], m["last"])
print(re.match(r"(a*)*", "b").group(1), re.match(r"((a)b)", "ab").lastindex, re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home x@y"), re.split(r"[,;]\s*", "a, b;c"), re.split(r"(,)", "a,b"))
print(re.sub(r"x*", "-", "abxd"), re.subn("a", "b", "aaa"), re.split(r"\b", "a b"), re.findall(r"", "ab"), [m.span() for m in re.finditer(r"\w+", "ab cd")], re.escape("a.b*c"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
tests = [
 (r"a.c", "abc"), (r"a.c", "a\nc"), (r"(?s)a.c", "a\nc"), (r"^\d{3}-\d{4}$", "555-1234"), (r"colou?r", "the color red"), (r"\bcat\b", "concat cat"), (r"[A-Z][a-z]+", "hello World"),
 (r"(?i)hello", "HeLLo"), (r"^b", "a\nb"), (r"(?m)^b", "a\nb"), (r"a$", "a\n"), (r"a\Z", "a\n"), (r"(?m)a$", "a\nb"), (r"a{2,3}", "aaaa"), (r"a{2,3}?", "aaaa"), (r"<.*>", "<a><b>"), (r"<.*?>", "<a><b>"),
 (r"(\d+)-\1", "12-12"), (r"(?P<x>\w)(?P=x)", "abbc"), (r"foo(?=bar)", "foobar"), (r"foo(?!bar)", "foobaz"), (r"(?<=\$)\d+", "cost $42"), (r"(?<!-)\d+", "-5 7"), (r"(a|ab)(c|bcd)(d*)", "abcd"),
 (r"[^aeiou\s]+", "hello world"), (r"\s+", "a \t\nb"), (r"\W+", "a, b!"), (r"[\d.]+", "v1.2.3"), (r"x*+x", "xxx"), (r"(?>a+)b", "aaab"), (r"(a)?(?(1)b|c)", "c"), (r"(a)?(?(1)b|c)", "ab"),
 (r"é+", "café éé"), (r"(?i)É", "é"), (r"\w+", "naïve café"), (r"(?a)\w+", "naïve"), (r"[à-ÿ]+", "voilà"), (r"\d+", "٣٤"), (r"(?a)\d+", "٣٤5"), (r"\u00e9", "é"), (r"\x41", "A"), (r"[\x00-\x1f]", "a\tb"),
 (r"(?x) \d+ \s* # digits\n [a-z]+", "12 ab"), (r"a|b|c", "xcx"), (r"(a)(b)?", "a"), (r"", ""), (r"(?i)[a-c]+", "ABCd"), (r"(?i)[^a]", "A"), (r"\.", "a.b"), (r"[.]", "a.b"), (r"a\\b", "a\\b"),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), repr(s), m and (m.group(0), m.span(), m.groups()))
print(re.findall(r"(\w+)=(\d+)", "a=1, b=22, c=x"), re.findall(r"\w+@\w+\.com", "x@y.com, z@w.com"), re.sub(r"(?P<word>\w+)", r"<\g<word>>", "hi there"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub("a", r"\n", "bab"), re.sub(r"(a)", r"\g<1>\g<0>", "bab"), re.split(r"\s+", "  a b  c  "), re.split(r"x", "axbxc", maxsplit=1), re.split(r"(a)(x)?", "bab"), re.sub(r"^", ">", "a\nb", flags=re.M))
p = re.compile(r"\d+"); print(p.search("ab12cd34", 4), p.match("ab12", 2), p.fullmatch("ab12", 2), p.findall("1 2 3", 2), p.search("1234", 1, 3), list(p.finditer("a1b2")), p.sub("#", "a1b22"), p.split("a1b2c"))
for bad in [lambda: re.compile(5), lambda: re.search("a", b"a"), lambda: re.search(b"a", "a"), lambda: re.sub("(a)", r"\2", "a"), lambda: re.sub("(a)", r"\g<x>", "a"), lambda: re.sub("a", r"\q", "a"), lambda: re.search("(a)", "a").group(3), lambda: re.search("(a)", "a").group("x"), lambda: re.compile("a", re.L), lambda: re.compile("x" * 1 + "{99999999999}")]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(re.search(rb"(\d+)", b"ab 42").group(1), re.findall(rb"[a-z]+", b"ab CD ef"), re.sub(rb"\s", b"_", b"a b"), re.compile(rb"\w+").pattern)
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe"); print(m.expand(r"\g<last>, \g<first>"), m.groupdict(), m.group("first", 2), m.lastgroup)
m = re.match(r"(a)|(b)", "b"); print(m.groups(), m.groups("-"), m.span(1), m.start(1), m.lastindex, m.regs)
print(re.compile(r"a") == re.compile(r"a"), re.purge(), re.Pattern, re.Match, type(re.compile("")), re.error.__mro__[1].__name__)
long = "a" * 5000 + "b"; print(len(re.match(r"a*b", long).group()), re.search(r"(a|b)*c", "ab" * 50), len(re.findall(r"a", long)))
print(re.sub(r"(\d+)", lambda m: f"[{m.group(1)}]", "10 apples and 20 pears"), re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)").match("2024-05").groupdict())
print(re.escape("hello world?"), re.escape(b"a.b"), re.escape("éa_1"), re.split(",", "a,,b"), re.findall(r"a*", "baaa"), re.sub("", "-", "abc"))
