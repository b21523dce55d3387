# raise ... from, __cause__/__context__, chained tracebacks via traceback module.
import traceback

class ConfigError(Exception):
    pass

def load(path):
    try:
        open(path)
    except FileNotFoundError as e:
        raise ConfigError(f"cannot load {path}") from e

try:
    load("/nonexistent/config.ini")
except ConfigError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__.errno, e.__suppress_context__)

try:
    try:
        int("x")
    except ValueError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        int("x")
    except ValueError:
        raise KeyError("suppressed") from None
except KeyError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

# raise from with a class, and invalid causes.
try:
    raise RuntimeError("r") from ValueError
except RuntimeError as e:
    print(repr(e.__cause__))
try:
    raise RuntimeError("r") from 5
except TypeError as e:
    print(type(e).__name__, e)

# Chains printed with traceback.format_exception_only / print_exc.
def inner():
    raise ValueError("inner problem")
def outer():
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("outer problem") from e
try:
    outer()
except RuntimeError as e:
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    text = "".join(lines)
    print("The above exception was the direct cause" in text, text.count("Traceback"))
    print(traceback.format_exception_only(type(e), e))
    print(text.splitlines()[-1])

# Implicit chaining through nested handlers.
try:
    try:
        try:
            raise OSError("a")
        except OSError:
            raise ValueError("b")
    except ValueError:
        raise TypeError("c")
except TypeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(f"{type(x).__name__}({x})")
        x = x.__context__
    print(" <- ".join(chain))

# Setting __cause__ by hand.
e = ValueError("v")
e.__cause__ = KeyError("k")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print(type(err).__name__, err)

# with_traceback and __traceback__.
try:
    raise ValueError("tb")
except ValueError as err:
    tb = err.__traceback__
    print(tb.tb_lineno, type(tb).__name__, tb.tb_next)
    e2 = KeyError("x").with_traceback(tb)
    print(e2.__traceback__ is tb)
