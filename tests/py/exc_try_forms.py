# try/except (tuples, as e)/else/finally in the ways programs use them.
def parse(s):
    try:
        value = int(s)
    except ValueError as e:
        print("bad value:", e)
        return None
    except (TypeError, AttributeError) as e:
        print("bad type:", type(e).__name__, e)
        return None
    else:
        print("parsed", value)
        return value
    finally:
        print("finally for", repr(s))

print(parse("42"), parse("x"), parse(None))

# The `as` name is deleted after the except block.
try:
    1 / 0
except ZeroDivisionError as err:
    saved = err
try:
    err
except NameError as e:
    print(type(e).__name__, e)
print(type(saved).__name__, saved.args)

# finally overrides return, and runs on break/continue.
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop())

# Exceptions in except/else/finally.
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    try:
        pass
    else:
        raise RuntimeError("from else")
    finally:
        print("finally still runs")
except RuntimeError as e:
    print("caught", e)

# Bare except and except Exception; order matters.
for exc in [KeyError("k"), IndexError("i"), LookupError("l"), Exception("e")]:
    try:
        raise exc
    except KeyError:
        print("KeyError branch")
    except LookupError as e:
        print("LookupError branch", type(e).__name__)
    except:
        print("bare branch")

# Re-raise with bare raise keeps the traceback and type.
def reraiser():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except KeyError as e:
    print("outer got", repr(e))

# raise with no active exception.
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

# Raising a class instantiates it; raising non-exceptions is an error.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
for bad in ["raise 42", "raise object()", "raise 'text'"]:
    try:
        exec(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    try:
        pass
    except 42:
        pass
    print("except clause not evaluated when nothing raised")
    try:
        1 / 0
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

# Nested try in loops with else on the loop.
for attempt in range(3):
    try:
        if attempt < 2:
            raise ConnectionError(f"attempt {attempt} failed")
    except ConnectionError as e:
        print(e)
        continue
    print("succeeded on", attempt)
    break
else:
    print("never")

# sys.exc_info inside and outside handlers.
import sys
try:
    raise TypeError("info")
except TypeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v if hasattr(sys, "exception") else True)
print(sys.exc_info())
