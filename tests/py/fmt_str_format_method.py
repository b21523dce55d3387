# str.format: positional, keyword, indexed, attribute access, nested, errors.
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("ab", "cd"), "{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "v"}), "{.real} {.imag}".format(3 + 4j, 5j))
class Pt:
    x, y = 1, 2
print("({p.x}, {p.y})".format(p=Pt()), "{:>{w}}".format("r", w=4), "{:{f}^{w}}".format("c", f="-", w=7))
print("{!r} {!s} {!a}".format("s", "s", "é"), "{0!r:>6}".format("x"), "{:%}".format(0.5))
print("{:,}".format(10**9), "{:#b}".format(5), "{:=+8.2f}".format(-3.14159))
data = {"first": "Ada", "last": "Lovelace"}
print("{first} {last}".format(**data), "{0} {1}".format(*["a", "b"]), "{} {}".format(*"xy"))
print("{:>10}|{:<10}|{:^10}|".format("right", "left", "center"))
table = [("Name", "Qty"), ("apple", 3), ("kiwi", 12)]
for a, b in table:
    print("{:<8}{:>5}".format(a, b))
print("{{}} {}".format("braces"), "{0:{1}}".format(3, "04"), "{:}".format(7))
print("%s" % "x", "{}".format(None), "{}".format([1, "a"]), "{0}".format({"a": 1}))
print("{0[1][0]}".format([[0], ["nested"]]), "{a[b]}".format(a={"b": 5}))

errors = ["'{}'.format()", "'{1}'.format(0)", "'{x}'.format(y=1)", "'{0[2]}'.format([1])",
          "'{0.nope}'.format(1)", "'{'.format(1)", "'}'.format(1)", "'{} {0}'.format(1, 2)",
          "'{0} {}'.format(1, 2)", "'{!x}'.format(1)", "'{:d}'.format('s')", "'{a.b.c}'.format(a=1)",
          "'{0[a]}'.format([1])", "'{:>{}}'.format(1)"]
for src in errors:
    try:
        print(eval(src))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

# format_map with a dict subclass supplying defaults.
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{name} has {count} items".format_map(Default(name="Bob")))
# string.Formatter and Template.
import string
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.Template("$a and $b").safe_substitute(a=1))
try:
    string.Template("$missing").substitute()
except KeyError as e:
    print(type(e).__name__, e)
print(list(string.Formatter().parse("a{0}b{x:>3}c")))
print(string.ascii_lowercase, string.digits, string.punctuation[:5], string.capwords("hello  big world"))
