# exceptions with tracebacks (stderr compared too), with statements
import sys, traceback, contextlib

class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount

try:
    withdraw(10, 20)
except InsufficientFunds as e:
    print("Error:", e, e.needed, e.args, repr(e))
    traceback.print_exc(file=sys.stdout)

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad input {s!r}") from e

try:
    parse("x")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["k"]
except KeyError as e:
    print(repr(e), repr(e.__context__))
    traceback.print_exception(e, file=sys.stdout)

for exc in (ValueError, TypeError, KeyError, IndexError):
    try:
        raise exc("msg")
    except (ValueError, TypeError) as e:
        print("tuple catch", type(e).__name__)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    else:
        print("no")
    finally:
        print("finally", exc.__name__)

def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
g()

class Resource:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return et is KeyError
with Resource("a") as a, Resource("b") as b:
    print("body", a.name, b.name)
with Resource("c"):
    raise KeyError("suppressed")
try:
    with Resource("d"):
        raise ValueError("propagates")
except ValueError as e:
    print("outside", e)

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("inside", t)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
with contextlib.ExitStack() as st:
    for n in "xy":
        st.enter_context(tag(n))
    st.callback(print, "callback")

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
e = ValueError("x")
e.add_note("a note")
print(e.__notes__)
print(sys.exc_info())
try:
    raise ValueError
except ValueError:
    print(sys.exc_info()[0], sys.exc_info()[1].args)
def deep(n):
    if n == 0:
        raise RecursionError("custom")
    return deep(n - 1)
try:
    deep(3)
except RecursionError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames", n)
print(traceback.format_exception_only(ValueError("v")))
print(traceback.extract_stack()[-1].name)
class E2(Exception):
    def __str__(self): return "custom str"
print(str(E2()), repr(E2()), repr(E2(1, 2)))
print(repr(OSError(2, "No such file")), OSError(2, "x").errno, str(FileNotFoundError(2, "nf", "p")))
try:
    open("/nonexistent/file")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    [][1]
except IndexError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
def uses_local():
    print(x)
    x = 1
try:
    uses_local()
except UnboundLocalError as e:
    print(e)
raise InsufficientFunds(5, 1)
