# Ordering of try/except/else/finally with return, break, continue, nested handlers.
def trace(label, log):
    log.append(label)
def f(mode, log):
    try:
        trace("try", log)
        if mode == "raise":
            raise ValueError("x")
        if mode == "return":
            return "from try"
    except ValueError:
        trace("except", log)
        return "from except"
    else:
        trace("else", log)
        return "from else"
    finally:
        trace("finally", log)
for mode in ["normal", "raise", "return"]:
    log = []
    print(mode, f(mode, log), log)
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested())
def finally_swallows():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            if i < 2:
                continue
            return f"returned at {i}"
print(finally_swallows())
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 2
print(finally_value())
def exc_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    exc_in_finally()
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    else:
        out.append("else")
    return out
print(loop_with_finally())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen_finally():
    print("got", v)
    break
print("after break")
import sys
def handler_state():
    try:
        raise KeyError("a")
    except KeyError:
        inside = sys.exc_info()[0].__name__
    return inside, sys.exc_info()
print(handler_state())
