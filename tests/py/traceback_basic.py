# The traceback module: format_exc, format_exception, format_tb,
# extract_tb, format_exception_only, print_exception, print_stack.
import sys
import traceback

def inner(x):
    return x[3] + 1

def middle():
    return inner([1, 2])

def outer():
    middle()

def catch(func):
    try:
        func()
    except Exception as e:
        return e

e = catch(outer)
print(traceback.format_exc() == 'NoneType: None\n')
try:
    outer()
except IndexError:
    text = traceback.format_exc()
    print(text, end="")
    print("print_exc:")
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=1, file=sys.stdout)

lines = traceback.format_exception(e)
print(type(lines).__name__, len(lines))
print("".join(lines), end="")
print(traceback.format_exception(type(e), e, e.__traceback__) == lines)
print("".join(traceback.format_exception(e, limit=2)), end="")
print("".join(traceback.format_exception(e, limit=-1)), end="")
print(traceback.format_exception(e, chain=False) == lines)
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(type(e), e))
print(traceback.format_exception(None, e, None))

tb = e.__traceback__
entries = traceback.format_tb(tb)
print(len(entries))
print("".join(entries), end="")
print(traceback.format_tb(tb, limit=1) == entries[:1])
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(repr(fs).replace(__file__, "FILE"), fs.lineno, fs.name, repr(fs.line))
filename, lineno, name, line = summary[-1]
print(filename == __file__, lineno, name, line)
print(summary[0] == (__file__, summary[0].lineno, "<module>", summary[0].line))
print("".join(traceback.format_list(summary)) == "".join(entries))
print([n for _, n in traceback.walk_tb(tb)])
print("print_tb:")
traceback.print_tb(tb, file=sys.stdout)
print("print_exception:")
traceback.print_exception(e, file=sys.stdout)
traceback.print_exception(type(e), e, None, file=sys.stdout)

# Exception-only lines.
class Custom(Exception):
    pass
class Silent(Exception):
    def __str__(self):
        raise RuntimeError
for exc in [ValueError(), ValueError("msg"), KeyError("k"), Custom("c"), Silent(),
            OSError(2, "No such file"), StopIteration(), SystemExit(3)]:
    print(traceback.format_exception_only(exc), end=" ")
print()
import queue
print(traceback.format_exception_only(queue.Empty()), traceback.format_exception_only(queue.Full()))
err = ValueError("with notes")
err.add_note("first note") if hasattr(err, "add_note") else None
print(traceback.format_exception_only(err))

# SyntaxError lines.
for source in ["x = (1,", "1 +* 2", "  a b"]:
    try:
        compile(source, "<demo>", "exec")
    except SyntaxError as s:
        print(traceback.format_exception_only(s))
print(traceback.format_exception_only(SyntaxError("plain")))
print(traceback.format_exception_only(SyntaxError("m", ("f.py", 3, 5, "  foo bar\n"))))

# Chained exceptions.
def cause():
    try:
        inner([])
    except IndexError as x:
        raise KeyError("from cause") from x
def context():
    try:
        inner(None)
    except TypeError:
        raise KeyError("during handling")
def suppressed():
    try:
        inner(None)
    except TypeError:
        raise KeyError("suppressed") from None
for func in (cause, context, suppressed):
    exc = catch(func)
    print("".join(traceback.format_exception(exc)), end="")
    print("chain=False:", "".join(traceback.format_exception(exc, chain=False)).count("Traceback"))

# TracebackException.
te = traceback.TracebackException.from_exception(catch(cause))
print(te.exc_type.__name__, str(te), len(te.stack), "".join(te.format()) ==
      "".join(traceback.format_exception(catch(cause))))
print(list(te.format_exception_only()))

# Stacks.
def show_stack():
    traceback.print_stack(file=sys.stdout)
    print(len(traceback.extract_stack()), traceback.extract_stack()[-1].name)
    print("".join(traceback.format_stack(limit=1)), end="")
def caller():
    show_stack()
caller()

def check(what, func):
    try:
        print(what, "->", func())
    except Exception as x:
        print(what, "->", type(x).__name__, x)
check("value without tb", lambda: traceback.format_exception(ValueError, ValueError()))
check("not an exception", lambda: traceback.format_exception(42))

# Recursion: runs of the same entry are shortened, slices keep markers.
def down(n):
    if n == 0:
        raise ValueError("deep")
    return down(n - 1)
exc = catch(lambda: down(10))
print("".join(traceback.format_exception(exc)), end="")
summary = traceback.extract_tb(exc.__traceback__)
print(len(summary), "".join(traceback.format_list(summary[-3:])), end="")
print("".join(traceback.format_exception(exc, limit=-2)), end="")
print("".join(traceback.format_tb(exc.__traceback__, limit=5)), end="")
