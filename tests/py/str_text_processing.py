# String methods the way learners use them: word counts, ciphers, cleaning text.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness...
  """
words = [w.strip(".,").lower() for w in text.split()]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(top)
print(len(text.splitlines()), text.splitlines()[-1] == "  ", text.count("it"), text.lower().count("it"))
print(text.strip().splitlines(keepends=True)[0])

def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))

def is_palindrome(s):
    cleaned = "".join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panama", "hello", "No 'x' in Nixon"]])

# Title/capitalize/swapcase on real text.
name = "  aDa lOVELACE-byron  "
print(repr(name.strip().title()), name.strip().capitalize(), name.swapcase().strip())
print("o'neil's dog".title(), "hello world".capitalize(), "ß".upper(), "ǅ".lower())

# Joining and splitting CSV-ish data.
row = "ann,31,,paris"
fields = row.split(",")
print(fields, ";".join(fields), row.split(",", 1), row.rsplit(",", 1), row.partition(","), row.rpartition(","))
print("a b  c".split(" "), "a b  c".split(), "  lead".split(" "), "".split(), "".split(","))
print("1-2-3".replace("-", ""), "aaa".replace("a", "b", 2), "x".join("abc"), "".join([]))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)

# Finding things.
url = "https://example.com/path/to/page.html?q=1"
print(url.startswith(("http://", "https://")), url.endswith(".html"), url.find("://"), url.index("/path"))
print(url[url.rfind("/") + 1:url.find("?")], url.split("?")[1].split("="), "?" in url)
try:
    url.index("#")
except ValueError as e:
    print(type(e).__name__, e)

# Character classification.
samples = ["123", "12.5", "abc", "abc123", "ABC", " ", "", "Hello World", "²", "Ⅻ", "٣"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isupper(), s.islower(), s.isspace(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())

# Padding and alignment for tables.
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("kiwi", 100, 10.0)]
for name, qty, price in rows:
    print(name.ljust(8, "."), str(qty).rjust(4), str(price).center(7, "*"), str(qty).zfill(5), f"{price:06.2f}")
print("-5".zfill(4), "+3".zfill(4), "abc".zfill(2), "x".center(4, "-"), "x".center(5), "tab\there".expandtabs(4))

# removeprefix/removesuffix, strip with characters.
print("test_file.py".removeprefix("test_").removesuffix(".py"), "xxhixx".strip("x"), "www.site.org".lstrip("w."))
print("  \t\n both \n".strip(), "--a--".rstrip("-"), "abcba".strip("ab"))

# Immutability and concatenation.
s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
s += "def"
print(s, s * 2, 3 * "ab", "a" + "b" * 3, "" * 5 == "")
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)

# ord/chr, escapes, unicode lengths.
print(ord("A"), chr(97), ord("€"), chr(0x1F600), len("naïve"), len("😀"), "\u00e9" == "é", "\x41", "tab:\t|")
print(repr("quote's"), repr('dbl"q'), repr("both'\""), repr("new\nline\\"), str(b"x"), ascii("é€😀"))
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
