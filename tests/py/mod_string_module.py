# The string module: constants, Template, capwords, Formatter.
import string
print(string.ascii_letters, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), len(string.printable), string.punctuation)
password = "Abc123!x"
checks = {
    "upper": any(c in string.ascii_uppercase for c in password),
    "lower": any(c in string.ascii_lowercase for c in password),
    "digit": any(c in string.digits for c in password),
    "symbol": any(c in string.punctuation for c in password),
}
print(checks, all(checks.values()))
t = string.Template("Dear $name, you owe ${amount}€. $$ signs are escaped.")
print(t.substitute(name="Ann", amount=12.5), t.safe_substitute(name="Bob"), t.template[:8])
try:
    t.substitute(name="x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print(type(e).__name__, e)
print(string.capwords("hello   wide world"), string.capwords("a-b c-d", "-"))
f = string.Formatter()
print(f.format("{0} + {x} = {y:>4}", 1, x=2, y=3), list(f.parse("a{0!r:>3}b"))[0])
def caesar(text, k):
    lower = string.ascii_lowercase
    table = str.maketrans(lower + lower.upper(), (lower[k:] + lower[:k]) + (lower[k:] + lower[:k]).upper())
    return text.translate(table)
print(caesar("Hello, World!", 13), caesar(caesar("Round Trip", 5), 21))
