# try/except/else/finally, raise, and return/break/continue through them.

def classify(x):
    try:
        result = 10 // x
    except ZeroDivisionError as e:
        print("  except:", e)
        return "div0"
    except (TypeError, ValueError):
        print("  except tuple")
        return "bad type"
    else:
        print("  else:", result)
        return "ok"
    finally:
        print("  finally for", repr(x))

for v in (2, 0, "s"):
    print(classify(v))

# The exception variable is deleted after the handler.
try:
    raise KeyError("k")
except KeyError as err:
    print("caught", repr(err))
try:
    err
except NameError as e:
    print("NameError:", e)

# finally overrides return; return in finally swallows the exception.
def finally_return():
    try:
        return "try"
    finally:
        return "finally"
print(finally_return())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

# break and continue in try/finally inside loops
def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    else:
        out.append("else not reached")
    return out
print(loop_control())

def while_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        except Exception:
            pass
    return n
print(while_break())

# return from inside except, with a finally
def nested(x):
    try:
        try:
            if x:
                raise ValueError(x)
            return "no error"
        except ValueError as e:
            return "handled " + str(e)
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested(0))
print(nested("v"))

# re-raise, raise from, chaining
def reraise():
    try:
        raise TypeError("original")
    except TypeError:
        raise
try:
    reraise()
except TypeError as e:
    print("reraised", e)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    raise ValueError("no context") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)

# bare except and exception matching on classes and tuples
class MyError(Exception):
    pass
class SubError(MyError):
    pass
for exc in (SubError("sub"), MyError("my"), OSError("os")):
    try:
        raise exc
    except SubError as e:
        print("SubError", e)
    except MyError as e:
        print("MyError", e)
    except:
        print("bare except")

# Exception in the else clause is not caught by the handlers
try:
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
except ValueError as e:
    print("outer caught", e)

# Nested handlers and the handled exception
import sys
try:
    raise IndexError("outer")
except IndexError:
    try:
        raise KeyError("inner")
    except KeyError:
        print("inner active:", repr(sys.exc_info()[1]))
    print("outer active again:", repr(sys.exc_info()[1]))
print("after:", sys.exc_info()[1])

# Errors raised by the handler type expression
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)

# assert
try:
    assert 1 == 2, "numbers differ"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("AssertionError args:", e.args)

def deep_finally():
    log = []
    for i in range(3):
        try:
            try:
                if i == 2:
                    return log
            finally:
                log.append("inner%d" % i)
        finally:
            log.append("outer%d" % i)
print(deep_finally())

def finally_in_while():
    i = 0
    while i < 5:
        i += 1
        try:
            if i % 2:
                continue
        finally:
            pass
        if i == 4:
            break
    return i
print(finally_in_while())
