# csv: reader, writer, dialects, DictReader/DictWriter, Sniffer, errors
import csv
import io

def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))

data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n\r\n"multi\nline",1,x\r\n'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(io.StringIO(data, newline=""))
for row in r:
    print(r.line_num, row)
print(list(csv.reader(["a, b,  c", " x"], skipinitialspace=True)))
print(list(csv.reader(["a;b;c"], delimiter=";")))
print(list(csv.reader(["a\tb"], dialect="excel-tab")))
print(list(csv.reader(["'a,b',c"], quotechar="'")))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")))
print(list(csv.reader(['"a\\"b",c'], escapechar="\\", doublequote=False)))
print(list(csv.reader(['a"b,"c"d"e'])))
print(list(csv.reader(['1,2.5,"x",', '3,,"",4'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"a",b'], quoting=csv.QUOTE_NONE)))
print(list(csv.reader(["", "\n", "a\n", "b\r\n", ",", '""'])))
print(list(csv.reader(['"abc', 'def"', 'x'])))
print(list(csv.reader(['"abc'])))
print(list(csv.reader(["a,b\x00c"])))
print(list(csv.reader(['a\\\nb'], escapechar='\\')))
show(lambda: list(csv.reader(['"ab"c,d'], strict=True)))
show(lambda: list(csv.reader(['"abc'], strict=True)))
show(lambda: list(csv.reader(['a\rb,c'])))
show(lambda: list(csv.reader([b"abc"])))
show(lambda: list(csv.reader(['1,x'], quoting=csv.QUOTE_NONNUMERIC)))
show(lambda: list(csv.reader(['"x'], quoting=csv.QUOTE_NONNUMERIC)))

# writer
s = io.StringIO()
w = csv.writer(s)
w.writerow(["a", "b,c", 'q"x', "", None, 1.5, 3, True, "line\nbreak", " sp "])
w.writerow([])
w.writerow([""])
w.writerows([[1, 2], ["x"]])
print(repr(s.getvalue()))
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    s = io.StringIO()
    csv.writer(s, quoting=quoting, lineterminator="\n").writerow(["a", 1, 2.5, None, "", "x,y"])
    print(quoting, repr(s.getvalue()))
s = io.StringIO()
w = csv.writer(s, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a,b", 'c"d', "e\\f", "g\nh"])
print(repr(s.getvalue()))
s = io.StringIO()
csv.writer(s, doublequote=False, escapechar="\\").writerow(['a"b'])
print(repr(s.getvalue()))
s = io.StringIO()
csv.writer(s, lineterminator="\n").writerow(["a\rb", "c\nd"])
print(repr(s.getvalue()))
print(csv.writer(io.StringIO()).writerow(["abc", "de"]))
show(csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow, [""])
show(csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow, ["a,b"])
show(csv.writer(io.StringIO(), doublequote=False).writerow, ['a"b'])
show(csv.writer(io.StringIO()).writerow, 5)
show(csv.writer, 5)

# dialect validation
for kw in [dict(delimiter=""), dict(delimiter=1), dict(delimiter="ab"), dict(delimiter=None),
           dict(quotechar=None), dict(quotechar=""), dict(quotechar=5), dict(quoting=7),
           dict(quoting="x"), dict(lineterminator=None), dict(lineterminator=1),
           dict(escapechar="ab"), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(bogus=1),
           dict(strict=1, doublequote=0, skipinitialspace="yes")]:
    try:
        d = csv.reader([], **kw).dialect
        print(kw, "ok", repr(d.delimiter), repr(d.quotechar), d.quoting, d.strict, d.doublequote,
              d.skipinitialspace, repr(d.lineterminator), d.escapechar)
    except Exception as e:
        print(kw, type(e).__name__, e)

class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect("semi", Semi)
print(sorted(csv.list_dialects()))
d = csv.get_dialect("semi")
print(d.delimiter, d.quotechar, repr(d.lineterminator), type(d).__name__)
print(list(csv.reader(["a;'b;c'"], "semi")), list(csv.reader(["a|b"], Semi, delimiter="|")))
csv.register_dialect("pipes", delimiter="|")
print(list(csv.reader(["x|y"], dialect="pipes")))
csv.unregister_dialect("pipes")
show(csv.get_dialect, "pipes")
show(csv.unregister_dialect, "pipes")
show(csv.register_dialect, 1)
class Bad(csv.Dialect):
    delimiter = "::"
show(Bad)
show(csv.Dialect)
print(csv.excel().delimiter, csv.excel_tab.delimiter, csv.unix_dialect.quoting)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
show(lambda: list(csv.reader(["x" * 11])))
show(lambda: list(csv.reader(['"' + "y" * 11 + '"'])))
csv.field_size_limit(131072)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(csv.Error.__mro__, csv.Error.__module__)

# DictReader / DictWriter
f = io.StringIO("a,b,c\n1,2,3\n\n4,5\n6,7,8,9\n")
dr = csv.DictReader(f, restval="?", restkey="extra")
print(dr.fieldnames, dr.line_num)
for row in dr:
    print(dr.line_num, row)
print(list(csv.DictReader(["x,y", "1,2"], fieldnames=["p", "q"])))
print(list(csv.DictReader([])), csv.DictReader([]).fieldnames)
s = io.StringIO()
dw = csv.DictWriter(s, ["a", "b"], restval="-", lineterminator="\n")
print(dw.writeheader())
dw.writerow({"a": 1})
dw.writerows([{"a": 2, "b": 3}, {"b": 4}])
print(repr(s.getvalue()))
show(dw.writerow, {"a": 1, "zzz": 2})
dw2 = csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore")
print(dw2.writerow({"a": 1, "z": 2}))
show(csv.DictWriter, io.StringIO(), ["a"], extrasaction="bogus")

# Sniffer
sn = csv.Sniffer()
for sample in ['a,b,c\n1,2,3\n4,5,6\n', "x;y;z\n1;2;3\n", "'a';'b'\n'1';'2'\n",
               'name\tage\nbob\t3\nann\t5\n', 'a, b, c\n1, 2, 3\n', '"x","y"\n"1","2"\n']:
    d = sn.sniff(sample)
    print(repr(d.delimiter), repr(d.quotechar), d.skipinitialspace, d.doublequote,
          sn.has_header(sample))
show(sn.sniff, "abc")
print(sn.sniff("a:b:c\n1:2:3\n", delimiters=":").delimiter)
print(sn.has_header("name,age\nbob,30\nann,25\n"), sn.has_header("1,2\n3,4\n"))

# fuzz: random lines through several dialects must parse like CPython
import random
rng = random.Random(1234)
alphabet = 'ab,"; \\\n\r'
for trial in range(300):
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
             for _ in range(rng.randint(1, 3))]
    kw = rng.choice([{}, {"skipinitialspace": True}, {"escapechar": "\\"}, {"delimiter": ";"},
                     {"doublequote": False, "escapechar": "\\"}, {"strict": True},
                     {"quoting": csv.QUOTE_NONE}])
    try:
        out = list(csv.reader(lines, **kw))
    except (csv.Error, ValueError) as e:
        out = "%s: %s" % (type(e).__name__, e)
    print(trial, repr(lines), kw, out)
    row = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(0, 3))]
    wkw = rng.choice([{}, {"quoting": csv.QUOTE_ALL}, {"escapechar": "\\", "doublequote": False},
                      {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}, {"lineterminator": "\n"}])
    s = io.StringIO()
    try:
        csv.writer(s, **wkw).writerow(row)
        print(repr(s.getvalue()))
    except csv.Error as e:
        print("Error:", e)
